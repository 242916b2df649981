"""What users type stays text: hazards in every kind of field come out literal, and the
post-build scan catches anything active that would get through."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from support.repos import add_guide, repo_copy, tree

from generator.site.build import build
from generator.site.pages import esc, table
from generator.site.safety import MARKER, scan_html

HAZARDS = [
    "<script>alert('rkt')</script>",
    "javascript:alert(1)",
    '{: onclick="alert(1)" }',
    '--8<-- "/etc/passwd"',
    "kolom | palsu | tabel",
    "<img src=x onerror=alert(1)>",
    "[tautan](javascript:alert(1))",
    "**tebal** _miring_ # judul",
]


def yaml_block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n")) + "\n"


@pytest.mark.git
@pytest.mark.site
def test_hazards_in_user_text_come_out_as_literal_text(tmp_path):
    repo = repo_copy(tmp_path)
    joined = "\n\n".join(HAZARDS)  # blank lines must not end the HTML block
    form = repo / "cycles/2027/forms/ppik.yaml"
    form.write_text(form.read_text()
                    .replace("penanggung_jawab: Kepala Sub Bidang Data dan Informasi Kepegawaian",
                             "penanggung_jawab: " + yaml_block(HAZARDS[0] + " " + HAZARDS[3], 14).rstrip("\n"))
                    .replace("nama: Pengelolaan Pemberhentian ASN", f"nama: '{HAZARDS[2]}'")
                    .replace("indikator: Jumlah ASN yang Diangkat", "indikator: " + yaml_block(joined, 14).rstrip("\n")))
    cycle = repo / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 6\n    tanggal: 2026-11-27\n    oleh: staf-perencanaan-1\n"
                     "    catatan: " + yaml_block(joined, 6))
    agency = repo / "cycles/agency.yaml"
    agency.write_text(agency.read_text().replace("nama: Bidang Mutasi, Promosi dan Kinerja",
                                                 "nama: \"Bidang MPK <b onmouseover=alert(1)>x</b> | y\""))
    report = build(repo, today=dt.date(2026, 11, 28))
    assert report.result.ok, report.result.problems
    assert report.unsafe == []
    for page in ("siklus/2027.html", "rkt/2027.html", "index.html"):
        html = (repo / "site" / page).read_text()
        article = re.search(r"<article.*?</article>", html, re.S).group(0)
        assert "<script" not in article and "onerror=" not in article.replace("onerror=alert", "")
        assert not re.search(r"<[^>]+\son\w+=", article), page
        assert 'href="javascript' not in article
        text = unescape(article)
        if page == "siklus/2027.html":
            for hazard in HAZARDS:
                assert hazard in text, hazard
        if page == "rkt/2027.html":
            assert HAZARDS[2] in text and "<script>alert('rkt')</script>" in text
            assert "Bidang MPK <b onmouseover=alert(1)>x</b> | y" in text


def test_escape_keeps_every_character_and_breaks_no_html_block():
    cell = esc("a\n\nb <c> & \"d\" 'e'")
    assert "\n" not in cell and cell.count("<br>") == 2
    assert cell == "a<br><br>b &lt;c&gt; &amp; &quot;d&quot; &#x27;e&#x27;"
    assert "<script>" not in table(["<h>"], [["<script>"]])


def test_scan_catches_active_content_in_pages():
    def page(article: str, head: str = "") -> str:
        return f"<html><head>{head}</head><body><article>{article}</article></body></html>"

    assert scan_html(page("<p>aman &lt;script&gt;</p>"), "p.html") == []
    assert scan_html(page("<script>alert(1)</script>"), "p.html")
    assert scan_html(page('<p onclick="alert(1)">x</p>'), "p.html")
    assert scan_html(page('<a href=" javascript:alert(1)">x</a>'), "p.html")
    assert scan_html(page('<iframe src="x.html"></iframe>'), "p.html")
    assert scan_html(page('<p style="position:fixed">x</p>'), "p.html")
    assert scan_html(page("", '<script src="https://cdn.example/x.js"></script>'), "p.html")
    assert scan_html(page("", '<link rel="stylesheet" href="//fonts.example/x.css">'), "p.html")
    assert scan_html(page("", '<script src="assets/x.js"></script>'), "p.html") == []


@pytest.mark.git
@pytest.mark.site
def test_an_unsafe_site_is_never_published_and_the_previous_one_stays(tmp_path):
    repo = repo_copy(tmp_path)
    # the site of an earlier build (ours: it carries the marker)
    (repo / "site").mkdir()
    (repo / "site/index.html").write_text("<html><body><article>Dasbor kemarin</article></body></html>")
    (repo / "site" / MARKER).write_text('{"dibuat_oleh": "rkt build", "berkas": ["index.html"]}')
    before = tree(repo / "site")
    # active content that only a hand-written page can carry (user data is always escaped)
    add_guide(repo, '# Panduan X\n\n<p onclick="alert(1)">klik</p>\n')
    report = build(repo, today=dt.date(2026, 11, 28))
    assert len(report.unsafe) == 1
    assert re.fullmatch(r"panduan/x\.html:\d+: atribut onclick di dalam isi halaman", report.unsafe[0])
    assert report.site is None
    assert tree(repo / "site") == before
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith("site")) == ["site"]
