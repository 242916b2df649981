"""End-to-end: the example site, built for real with `mkdocs build --strict`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT, copy_example
from generator.build import build, generate
from generator.validate import validate

TODAY = dt.date(2026, 11, 28)


def site_copy(tmp_path: Path) -> Path:
    repo = copy_example(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    (repo / "docs").mkdir()
    shutil.copytree(ROOT / "docs/panduan", repo / "docs/panduan")
    shutil.copytree(ROOT / "docs/css", repo / "docs/css")
    return repo


def text_of(html: str) -> str:
    body = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    repo = site_copy(tmp_path_factory.mktemp("site"))
    report = build(repo, today=TODAY)
    assert report.result.ok and not report.unsafe
    return repo


def test_beranda_shows_the_late_step_and_the_missing_unit(built):
    html = (built / "site/index.html").read_text()
    text = text_of(html)
    assert "RKT 2027: sedang berjalan" in text
    assert "Peringatan: Tepat Waktu" in text
    assert "Langkah 4 (Pengisian Form) terlambat 14 hari kerja: tenggat 9 November 2026" in text
    assert "Belum menyerahkan Form RKT: Bidang Pengembangan Sumber Daya Manusia" in text
    row = re.search(r"<tr class=\"rkt-row-terlambat\">(.*?)</tr>", html, re.S).group(1)
    assert "Pengisian Form" in row and "Terlambat 14 hari" in row
    assert "Keadaan per 28 November 2026" in text


def test_cycle_page_has_timeline_steps_events_and_units(built):
    html = (built / "site/siklus/2027.html").read_text()
    text = text_of(html)
    assert 'src="../grafik/siklus-2027.svg"' in html
    assert (built / "site/grafik/siklus-2027.svg").read_text().startswith("<?xml")
    for fact in ("Kepala Badan", "Kasubbag Perencanaan", "Disposisi kepada Kasubbag Perencanaan untuk menyusun RKT Tahun 2027",
                 "Belum menyerahkan", "Terlambat 3 hari", "isian form", "5–9 Nov 2026"):
        assert fact in text, fact
    assert "Putaran revisi" in text_of((built / "site/siklus/2026.html").read_text())


def test_compiled_rkt_totals_equal_the_sum_of_the_forms(built):
    result = validate(built, today=TODAY)
    folder = next(c for c in result.repository.cycles if c.year == 2027)
    per_unit = {f.unit: sum(s.budget for p in f.programs for k in p.activities for s in k.subs) for f in folder.forms}
    text = text_of((built / "site/rkt/2027.html").read_text())
    rupiah = lambda n: "Rp " + f"{n:,}".replace(",", ".")  # noqa: E731
    for unit, total in per_unit.items():
        assert rupiah(total) in text, unit
    assert f"Jumlah {rupiah(sum(per_unit.values()))}" in text
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027" in text
    assert "Form RKT unit ini belum diserahkan" in text
    assert "Indeks Sistem Merit indeks 0,70 PPIK: 0,70; MPK: 0,70" in text


def test_archive_lists_the_signed_version_with_its_hash(built):
    text = text_of((built / "site/arsip.html").read_text())
    sha = hashlib.sha256((ROOT / "cycles/2026/signed/rkt-2026-v1.pdf").read_bytes()).hexdigest()
    assert sha in text and "Cocok" in text and "Drs. H. Ahmad Fauzi, M.Si." in text
    assert (built / "site/unduh/rkt-2026-v1.pdf").read_bytes().startswith(b"%PDF")


def test_sop_page_has_identity_flowchart_and_mutu_baku(built):
    html = (built / "site/sop.html").read_text()
    text = text_of(html)
    for fact in ("Dasar hukum", "Undang-Undang Nomor 23 Tahun 2014", "Tepat Waktu", "1 Minggu",
                 "Keputusan: tidak → kembali ke langkah 8", "23 hari kerja"):
        assert fact in text, fact
    assert 'src="grafik/sop.svg"' in html


def test_nothing_is_loaded_from_outside_the_site(built):
    for page in (built / "site").rglob("*.html"):
        html = page.read_text()
        assert "fonts.googleapis" not in html and "cdn.jsdelivr" not in html, page
        for url in re.findall(r'<(?:script|img|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert not re.match(r"(?:[a-z]+:)?//", url) or url.startswith("data:"), (page, url)


def test_same_data_and_date_give_identical_sites(tmp_path):
    repo = site_copy(tmp_path)
    a = build(repo, today=TODAY, site=tmp_path / "a")
    b = build(repo, today=TODAY, site=tmp_path / "b")
    assert a.site and b.site

    def digest(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}

    assert digest(a.site) == digest(b.site)


def test_second_generation_with_nothing_changed_touches_nothing(tmp_path):
    repo = site_copy(tmp_path)
    first = build(repo, today=TODAY, run_mkdocs=False)
    assert first.generated.charts_drawn + first.generated.charts_reused == 5  # 2 timelines, SOP, 2 trends
    mtimes = {p: p.stat().st_mtime_ns for p in (repo / "docs").rglob("*") if p.is_file()}
    again = build(repo, today=TODAY, run_mkdocs=False)
    assert again.result is None  # same inputs: not even re-validated
    assert again.generated.charts_drawn == 0
    assert again.stats.written == [] and again.stats.removed == [] and again.stats.unchanged == len(first.generated.files)
    assert mtimes == {p: p.stat().st_mtime_ns for p in (repo / "docs").rglob("*") if p.is_file()}
    # a generated page edited or deleted by hand is put back
    (repo / "docs/sop.md").write_text("diubah")
    repaired = build(repo, today=TODAY, run_mkdocs=False)
    assert repaired.stats.written == ["sop.md"] and repaired.generated.charts_drawn == 0
    # a new day redraws only the running cycle's timeline and rewrites the pages that say "today"
    later = build(repo, today=TODAY + dt.timedelta(days=3), run_mkdocs=False)
    assert later.generated.charts_drawn == 1 and later.generated.charts_reused == 4
    assert "sop.md" not in later.stats.written and "index.md" in later.stats.written
    assert "grafik/siklus-2026.svg" not in later.stats.written


def test_hand_written_pages_are_never_touched_and_stale_pages_go(tmp_path):
    repo = site_copy(tmp_path)
    build(repo, today=TODAY, run_mkdocs=False)
    shutil.rmtree(repo / "cycles/2026")
    report = build(repo, today=TODAY, run_mkdocs=False)
    assert "siklus/2026.md" in report.stats.removed and "rkt/2026.md" in report.stats.removed
    assert (repo / "docs/panduan/mengisi-form.md").exists()


def test_build_refuses_invalid_data_and_says_why(tmp_path):
    import subprocess
    import sys

    repo = site_copy(tmp_path)
    path = repo / "cycles/2027/forms/ppik.yaml"
    path.write_text(path.read_text().replace("anggaran: 130000000", "anggaran: 130.000.000"))
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), "build", "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "cycles/2027/forms/ppik.yaml:37:13: RKT103" in proc.stdout
    assert "Dasbor tidak dibangun" in proc.stdout
    assert not (repo / "site").exists()


def test_rkt_status_prints_the_summary():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "generator", "status", "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    assert "Pengisian Form" in proc.stdout and "Terlambat 14 hari" in proc.stdout
    assert "Bidang Pengembangan Sumber Daya Manusia" in proc.stdout
