"""Staff pages speak the staff's words: forms, reviews (tinjauan, pemeriksaan) and approvals
(persetujuan), never the tools behind them (Git, YAML, commit, SHA, rkt's commands, "repositori").

Which pages are the staff's: every page the agency site shows, except the guides for whoever runs the
repository and reviews on GitHub (the pengelola, the Tim and the reviewers: ADMIN_GUIDES). Those
guides describe work in GitHub and in the terminal, where the tool's words are the point (each
explained where it first appears); the guides on reading the dashboard and filling in the form on
the site, and the Panduan index, are the staff's. A technical detail that must stay on a staff page
(the source commit of a printed document, the SHA-256 of a scan for an audit) sits behind a
<details> labelled "Rincian teknis", whose contents a reader opens on purpose; the test leaves it out.

"GitHub" itself is not a tool word here: it is the website where staff submit and approve, named like
Excel is. The form page is checked twice: its static text, and every field title and help text it
will show (the form schema it embeds)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from support.repos import TODAY, git, repo_copy

pytestmark = [pytest.mark.site, pytest.mark.git]  # the build asks git for the source commit

ADMIN_GUIDES = frozenset(f"panduan/{name}.html" for name in (
    "mulai", "mengisi-form", "meninjau", "mencatat-peristiwa", "menandatangani", "renstra-dan-pk",
    "pesan-kesalahan", "aturan-repositori", "rencana-aksi-dan-laporan",
    "lkjip-dan-bukti"))
TOOL_WORDS = {
    "Git": re.compile(r"\bgit\b", re.I),
    "merge": re.compile(r"\bmerge", re.I),
    "YAML": re.compile(r"\byaml\b", re.I),  # also a file name such as agency.yaml
    "commit": re.compile(r"\bcommit", re.I),
    "SHA": re.compile(r"\bSHA\b"),
    "sidik isi": re.compile(r"\bsidik isi\b", re.I),
    "a command": re.compile(r"\brkt [a-z][a-z-]+"),  # "rkt validate", "rkt build" ("RKT 2027" is the plan)
    "rkt": re.compile(r"\brkt\b(?![-.])"),  # "diisi otomatis oleh rkt" (not a file name such as rkt-2026-v1.pdf)
    "tanda kutip": re.compile(r"\btanda kutip\b", re.I),
    "repositori": re.compile(r"\brepositori", re.I),
    "pull request": re.compile(r"\bpull request", re.I),
    "branch": re.compile(r"\bbranch", re.I),
}
RINCIAN = re.compile(r"<details\b[^>]*>\s*<summary\b[^>]*>\s*Rincian teknis.*?</details>", re.S | re.I)


def visible_text(html: str) -> str:
    """What a reader of the page sees without opening a "Rincian teknis": no tags, scripts, styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = RINCIAN.sub(" ", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def tool_words(text: str) -> list[str]:
    """Each tool word in `text`, with the words around it."""
    found = []
    for name, pattern in TOOL_WORDS.items():
        for m in pattern.finditer(text):
            found.append(f"{name}: …{text[max(0, m.start() - 60):m.end() + 60]}…")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from generator.site.build import build

    repo = repo_copy(tmp_path_factory.mktemp("kata"))
    config = repo / "mkdocs.yml"  # with a repository address, as an agency publishes it: the form can submit
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  repositori: https://github.com/contoh/rkt\n", 1))
    # in a git repository, the 2027 forms' dates taken from it: the days they were approved (merged)
    cycle = repo / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text().replace("tanggal_dari_git: false", "tanggal_dari_git: true"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data contoh", when="2026-11-20T10:00:00+08:00")
    assert build(repo, today=TODAY).site
    return repo / "site"


def staff_pages(site: Path) -> list[str]:
    pages = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    return [p for p in pages if not p.startswith(("assets/", "vendor/")) and p not in ADMIN_GUIDES]


def test_the_admin_guides_exist_and_every_other_guide_is_checked(site):
    assert ADMIN_GUIDES <= set(p.relative_to(site).as_posix() for p in site.rglob("panduan/*.html"))
    checked = staff_pages(site)
    for page in ("index.html", "siklus/2026.html", "siklus/2027.html", "rkt/2027.html", "arsip.html",
                 "isi-form.html", "panduan/index.html", "panduan/membaca-dasbor.html", "panduan/isi-form-situs.html"):
        assert page in checked, page


def test_no_staff_page_speaks_of_the_tools(site):
    found = {page: words for page in staff_pages(site)
             if (words := tool_words(visible_text((site / page).read_text(encoding="utf-8"))))}
    assert not found, "\n".join(f"{page}:\n  " + "\n  ".join(words) for page, words in found.items())


def test_technical_details_stay_behind_rincian_teknis(site):
    """The archive keeps each scan's SHA-256 and source commit for an audit, folded away."""
    html = (site / "arsip.html").read_text(encoding="utf-8")
    folded = "".join(RINCIAN.findall(html))
    assert "SHA-256" in folded and "Commit sumber" in folded
    assert "SHA-256" not in visible_text(html)


def test_the_form_fields_help_speaks_the_staff_words(site):
    """Every title and help text the form page shows for a field comes from the form schema it embeds."""
    html = (site / "isi-form.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="rkt-form-data">(.*?)</script>', html, re.S)[1])
    texts: list[str] = []

    def gather(node: object) -> None:
        if isinstance(node, dict):
            texts.extend(v for k, v in node.items() if k in ("title", "description") and isinstance(v, str))
            for v in node.values():
                gather(v)
        elif isinstance(node, list):
            for v in node:
                gather(v)

    gather(data["schema"])
    assert len(texts) > 40  # every field has a title and a help text
    found = [w for t in texts for w in tool_words(t)]
    assert not found, "\n".join(found)


def test_the_siklus_table_says_where_a_submission_date_comes_from_in_plain_words(site):
    text = visible_text((site / "siklus/2027.html").read_text(encoding="utf-8"))
    row = re.search(r"Bidang Mutasi, Promosi dan Kinerja [^|]*?Rp", text)
    assert row and "Sumber tanggal" in text
    assert "20 Nov 2026 tanggal persetujuan" in row[0], row[0]  # the day the form was approved (merged)
