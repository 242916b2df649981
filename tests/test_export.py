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
    assert export.fmt.number(rkt.total_budget) in flat
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
