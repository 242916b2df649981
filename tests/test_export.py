"""The signable RKT: PDF text, page growth and repeated headers; XLSX totals; CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import ROOT, copy_example
from generator import export
from generator.build import derive
from generator.validate import validate

TODAY = dt.date(2026, 11, 28)


def compiled(repo: Path, year: int = 2027):
    result = validate(repo, today=TODAY)
    assert result.ok
    return result.repository, derive(repo, result, TODAY).compiled[year]


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "rkt.pdf"
    proc = run(ROOT, "export", "2027", "--format", "pdf", "--out", str(out), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(out)
    return [page.extract_text() for page in reader.pages]


def test_pdf_has_title_units_totals_and_signature(pdf_text):
    text = "\n".join(pdf_text)
    flat = " ".join(text.split())
    assert "PEMERINTAH KABUPATEN BALANGAN" in flat
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027" in flat
    for unit in ("Sekretariat", "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
                 "Bidang Mutasi, Promosi dan Kinerja", "Bidang Pengembangan Sumber Daya Manusia"):
        assert unit in flat, unit
    repo, rkt = compiled(ROOT)
    from generator import fmt

    assert fmt.number(rkt.total_budget) in flat
    assert "Jumlah seluruhnya" in flat
    assert "Drs. H. Ahmad Fauzi, M.Si." in flat and "NIP 197005141993031007" in flat
    assert "Kepala Badan Kepegawaian dan Pengembangan" in flat
    assert f"Halaman 1 dari {len(pdf_text)}" in " ".join(pdf_text[0].split())
    assert f"sidik isi {export.fingerprint(rkt)[:16]}" in flat


def test_pdf_repeats_table_headers_on_page_2(pdf_text):
    assert len(pdf_text) >= 2
    page2 = " ".join(pdf_text[1].split())
    assert "Program / Kegiatan / Sub Kegiatan" in page2 and "Anggaran (Rp)" in page2


def test_pdf_pages_grow_with_the_rows(tmp_path):
    repo = copy_example(tmp_path / "repo")
    path = repo / "cycles/2027/forms/sekretariat.yaml"
    text = path.read_text()
    block = text[text.index("          - kode: \"5.03.01.2.01.0001\""):text.index("          - kode: \"5.03.01.2.01.0002\"")]
    extra = "".join(block.replace("0001\"", f"{n:04d}\"").replace("anggaran: 88400000", "anggaran: 1000")
                    for n in range(100, 160))
    path.write_text(text.replace(block, block + extra))
    agency, small = compiled(ROOT)
    _, big = compiled(repo)
    src = export.Source("", "0" * 64)
    pages_small = len(PdfReader(io.BytesIO(export.render("pdf", small, agency.agency, src, TODAY))).pages)
    pages_big = len(PdfReader(io.BytesIO(export.render("pdf", big, agency.agency, src, TODAY))).pages)
    assert pages_big > pages_small + 2


def test_xlsx_totals_equal_the_forms(tmp_path):
    out = tmp_path / "rkt.xlsx"
    assert run(ROOT, "export", "2027", "--format", "xlsx", "--out", str(out), "--today", "2026-11-28").returncode == 0
    repo, rkt = compiled(ROOT)
    wb = load_workbook(out)
    assert wb.sheetnames == ["RKT", "Sekretariat", "PPIK", "MPK", "PSDM"]
    for plan in rkt.units:
        ws = wb[plan.unit.short]
        assert ws.freeze_panes == "A4"
        assert ws.page_setup.orientation == "landscape"
        if plan.form is None:
            continue
        subs = [row for row in ws.iter_rows(min_row=4, values_only=True) if row[1] == "Sub Kegiatan"]
        assert sum(r[7] for r in subs) == plan.budget
        total = [row for row in ws.iter_rows(min_row=4, values_only=True) if row[3] == "Jumlah"][0]
        assert total[7] == plan.budget
        assert ws.cell(row=5, column=8).number_format == export.RUPIAH_FORMAT
    summary = [row for row in wb["RKT"].iter_rows(values_only=True) if row and row[1] == "Jumlah seluruhnya"][0]
    assert summary[7] == rkt.total_budget


def test_exports_are_deterministic(tmp_path):
    for fmt_name in export.FORMATS:
        a, b = tmp_path / f"a.{fmt_name}", tmp_path / f"b.{fmt_name}"
        for out in (a, b):
            assert run(ROOT, "export", "2026", "--format", fmt_name, "--out", str(out),
                       "--today", "2026-11-28").returncode == 0
        assert a.read_bytes() == b.read_bytes(), fmt_name


def test_csv_is_excel_friendly(tmp_path):
    out = tmp_path / "rkt.csv"
    assert run(ROOT, "export", "2027", "--format", "csv", "--out", str(out), "--today", "2026-11-28").returncode == 0
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == export.CSV_HEADERS
    _, rkt = compiled(ROOT)
    assert sum(int(r[7]) for r in rows[1:] if r[1] == "Sub Kegiatan") == rkt.total_budget


def test_unknown_year_is_a_usage_error():
    proc = run(ROOT, "export", "2031", "--today", "2026-11-28")
    assert proc.returncode == 2 and "siklus 2031 tidak ada" in proc.stdout + proc.stderr


def test_site_links_the_downloads():
    text = (ROOT / "generator/render.py").read_text()
    assert "unduh/rkt-" in text


# --- exports are inert --------------------------------------------------------

# Each text starts with a character that makes a spreadsheet read it as a formula.
# All of them reach an export from valid data: tab and CR through YAML escapes.
DANGEROUS = {
    "nama: Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan untuk Pelaksanaan Pengadaan ASN":
        '=HYPERLINK("http://x","klik")',
    "indikator: Jumlah Dokumen Rencana Kebutuhan ASN": "+1",
    "target: 1 Dokumen": "-2",
    "penanggung_jawab: Kepala Sub Bidang Pengadaan dan Pemberhentian": "@SUM(A1)",
    "nama: Koordinasi dan Pelaksanaan Pengadaan ASN": "\t=1",
    "nama: Pengelolaan Pemberhentian ASN": "\r=1",
}


@pytest.fixture(scope="module")
def dangerous_repo(tmp_path_factory) -> Path:
    import json

    repo = copy_example(tmp_path_factory.mktemp("inert") / "repo")
    form = repo / "cycles/2027/forms/ppik.yaml"
    text = form.read_text()
    for old, new in DANGEROUS.items():
        assert old in text, old
        key = old.split(":")[0]
        text = text.replace(old, f"{key}: {json.dumps(new)}", 1)  # a JSON string is a YAML double-quoted one
    form.write_text(text)
    assert validate(repo, today=TODAY).ok
    return repo


def _sheet_cells(xml: bytes) -> list[tuple[str, str | None, str]]:
    """(reference, type, text) of every cell, text as a spreadsheet reads it."""
    from xml.etree import ElementTree

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    return [(c.get("r"), c.get("t"), "".join(t.text or "" for t in c.iter(f"{ns}t")))
            for c in ElementTree.fromstring(xml).iter(f"{ns}c")]


def test_xlsx_texts_that_look_like_formulas_stay_text(dangerous_repo, tmp_path):
    import re
    import zipfile

    out = tmp_path / "rkt.xlsx"
    proc = run(dangerous_repo, "export", "2027", "--format", "xlsx", "--out", str(out), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    z = zipfile.ZipFile(out)
    sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert len(sheets) == 5
    styles = z.read("xl/styles.xml")
    xfs = re.findall(rb"<xf [^>]*>", styles.split(b"<cellXfs")[1])
    found = {}
    for name in sheets:
        xml = z.read(name)
        assert b"<f>" not in xml and b"<f " not in xml, name
        for ref, kind, text in _sheet_cells(xml):
            if text in DANGEROUS.values():
                found.setdefault(text, []).append(name)
                assert kind in ("inlineStr", "s", "str"), (name, ref, kind)
                style = int(re.search(rb'<c r="%s"[^>]* s="([0-9]+)"' % ref.encode(), xml).group(1))
                assert b'quotePrefix="1"' in xfs[style], (name, ref)  # stays text after an edit in Excel
    # every text, exactly as typed (the carriage return included), on the summary and the unit's sheet
    assert sorted(found) == sorted(DANGEROUS.values())
    assert all(len(sheets) == 2 for sheets in found.values())
    # numbers stay numbers
    wb = load_workbook(out)
    budget = [r for r in wb["PPIK"].iter_rows(min_row=4, values_only=True) if r[1] == "Sub Kegiatan"][0][7]
    assert budget == 130000000


def test_csv_texts_that_look_like_formulas_start_with_a_quote(dangerous_repo, tmp_path):
    out = tmp_path / "rkt.csv"
    assert run(dangerous_repo, "export", "2027", "--format", "csv", "--out", str(out),
               "--today", "2026-11-28").returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    cells = [c for r in rows for c in r]
    for value in DANGEROUS.values():
        assert "'" + value in cells, repr(value)
        assert value not in cells, repr(value)
    assert all(not c.startswith(export.FORMULA_START) for c in cells)
    first = [r for r in rows if r[0] == "ppik" and r[1] == "Sub Kegiatan"][0]
    assert first[7] == "130000000"  # numbers stay numbers


def test_the_site_does_not_serve_an_export_made_by_older_code(tmp_path):
    """The export cache key covers the writer's code: a fixed writer is never bypassed."""
    repo, rkt = compiled(ROOT)
    src = export.Source("abc", "0" * 64)
    cache = tmp_path / "cache"
    fresh = export.render("xlsx", rkt, repo.agency, src, TODAY, cache)
    for stale in cache.iterdir():
        stale.write_bytes(b"made by an older writer")
    export._code_version.cache_clear()
    original = export._code_version
    try:
        export._code_version = lambda: "other code"  # noqa: E731
        assert export.render("xlsx", rkt, repo.agency, src, TODAY, cache) == fresh
    finally:
        export._code_version = original


# --- the source named on printed pages -----------------------------------------

def test_exports_of_uncommitted_inputs_say_so(example_git, tmp_path):
    from conftest import git

    form = example_git / "cycles/2026/forms/mpk.yaml"
    form.write_text(form.read_text().replace("anggaran: 230000000", "anggaran: 240000000"))
    pdf, xlsx = tmp_path / "rkt.pdf", tmp_path / "rkt.xlsx"
    proc = run(example_git, "export", "2026", "--format", "pdf", "--out", str(pdf), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    assert "belum di-commit" in proc.stdout
    footer = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Sumber: belum di-commit" in footer and "Sumber: commit" not in footer
    assert run(example_git, "export", "2026", "--format", "xlsx", "--out", str(xlsx),
               "--today", "2026-11-28").returncode == 0
    assert load_workbook(xlsx)["RKT"]["A4"].value.startswith("Sumber: belum di-commit ·")
    # committed: the footer names the commit that holds what is printed
    git(example_git, "commit", "-q", "-am", "Anggaran MPK")
    head = git(example_git, "rev-parse", "--short=12", "HEAD").strip()
    assert run(example_git, "export", "2026", "--format", "xlsx", "--out", str(xlsx),
               "--today", "2026-11-28").returncode == 0
    assert load_workbook(xlsx)["RKT"]["A4"].value.startswith(f"Sumber: commit {head} ·")


def test_a_new_untracked_form_counts_as_uncommitted(example_git):
    src = Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml"
    (example_git / "cycles/2027/forms/psdm.yaml").write_bytes(src.read_bytes())
    assert export.source_commit(example_git, 2027) == export.UNCOMMITTED
    assert export.uncommitted(example_git, 2027) == ["cycles/2027/forms/psdm.yaml"]
    assert export.source_commit(example_git, 2026) != export.UNCOMMITTED  # another year's inputs are clean
