"""The Renstra through Excel: template, fill, import; codes that stay; every problem by its cell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_example
from openpyxl import load_workbook
from support.repos import TODAY

from generator.check.validate import validate
from generator.source.load import load_file


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def renstra(repo: Path) -> dict:
    return load_file(repo / "cycles/renstra.yaml", "cycles/renstra.yaml").document.data


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, Path]:
    """The example repository and a Renstra template made from it."""
    repo = copy_example(tmp_path / "repo")
    book = tmp_path / "renstra.xlsx"
    proc = run(repo, "renstra-template", "--out", str(book))
    assert proc.returncode == 0, proc.stderr
    return repo, book


def reopen_2026(repo: Path) -> None:
    """The signed 2026 printed what this change alters: the change goes with its revision (an event
    after its archiving reopens it), else its `sidik_isi` no longer matches (RKT219)."""
    cycle = repo / "cycles/2026/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 8\n    tanggal: 2026-11-27\n    oleh: staf-perencanaan-2\n"
                     "    catatan: Revisi mengikuti perubahan Renstra\n")


def sheet_rows(book: Path):
    wb = load_workbook(book)
    ws = wb["Indikator"]
    return wb, ws, {ws.cell(row=r, column=5).value: r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=5).value}


def test_template_then_import_gives_back_the_same_renstra(filled):
    repo, book = filled
    before = renstra(repo)
    wb, ws, rows = sheet_rows(book)
    assert [c.value for c in ws[1]] == ["Kode Tujuan", "Tujuan", "Kode Sasaran", "Sasaran", "Kode Indikator",
                                        "Indikator Kinerja", "Satuan", "Cara Pengukuran", "IKU",
                                        "Unit Penanggung Jawab", "Arah", "Agregasi", "2025", "2026", "2027", "2028",
                                        "2029"]
    assert [c.value for c in ws[rows["SS1.1"]]] == ["T1", before["tujuan"][0]["uraian"], "SS1",
                                                   "Meningkatnya penerapan sistem merit dalam manajemen ASN", "SS1.1",
                                                   "Indeks Sistem Merit", "indeks", None, "Ya", "mpk, ppik",
                                                   None, None, "0,62", "0,66", "0,70", "0,75", "0,80"]
    # the direction and aggregation an indicator states (empty: naik, terakhir)
    assert [ws.cell(row=rows[code], column=c).value for code in ("SS5.2", "SS4.3") for c in (11, 12)] == \
        ["turun", "rata-rata", None, "jumlah"]
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 tujuan, 5 sasaran, 11 indikator (4 IKU), periode 2025-2029" in proc.stdout
    assert renstra(repo) == before
    assert validate(repo, today=TODAY).ok


def test_new_rows_get_codes_that_stay_on_reimport(filled, tmp_path):
    repo, book = filled
    reopen_2026(repo)  # the new sasaran is a new row of every plan
    wb, ws, rows = sheet_rows(book)
    ws.cell(row=rows["SS1.1"], column=15).value = "0,71"  # 2027
    # a new sasaran under the last tujuan (its cells left empty: it continues the row above),
    # with two indicators; no codes typed; units by short name
    new = [[None, None, None, "Meningkatnya disiplin ASN", None, "Persentase ASN tanpa pelanggaran disiplin", "%",
            None, "Ya", "MPK", None, None, "-", "-", "90%", "92%", "95%"],
           [None, None, None, None, None, "Jumlah sosialisasi disiplin ASN", "kegiatan", None, "Tidak",
            "mpk; Sekretariat", None, "Jumlah", 2, 2, 4, 4, 4]]
    last = max(rows.values())
    for i, values in enumerate(new, start=1):
        for col, value in enumerate(values, start=1):
            ws.cell(row=last + i, column=col).value = value
    wb.save(book)
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Kode baru dibuat untuk baris tanpa kode: SS6, SS6.1, SS6.2." in proc.stdout
    data = renstra(repo)
    ss6 = data["sasaran"][-1]
    assert (ss6["kode"], ss6["tujuan"], ss6["uraian"]) == ("SS6", "T2", "Meningkatnya disiplin ASN")
    assert ss6["indikator"] == [
        {"kode": "SS6.1", "uraian": "Persentase ASN tanpa pelanggaran disiplin", "satuan": "%", "iku": True,
         "unit": ["mpk"], "target": {"2025": "-", "2026": "-", "2027": "90%", "2028": "92%", "2029": "95%"}},
        {"kode": "SS6.2", "uraian": "Jumlah sosialisasi disiplin ASN", "satuan": "kegiatan", "iku": False,
         "agregasi": "jumlah", "unit": ["mpk", "sekretariat"], "target": {"2025": 2, "2026": 2, "2027": 4, "2028": 4, "2029": 4}}]
    assert data["sasaran"][0]["indikator"][0]["target"]["2027"] == "0,71"
    first = (repo / "cycles/renstra.yaml").read_bytes()
    # the same workbook again, its new rows still without codes: matched by their text
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 0 and "Kode baru" not in proc.stdout, proc.stdout + proc.stderr
    assert (repo / "cycles/renstra.yaml").read_bytes() == first
    # and through a fresh template (codes filled in)
    again = tmp_path / "again.xlsx"
    assert run(repo, "renstra-template", "--out", str(again)).returncode == 0
    assert run(repo, "import-renstra", str(again), "--today", "2026-11-28").returncode == 0
    assert (repo / "cycles/renstra.yaml").read_bytes() == first


def test_every_cell_problem_is_named_in_one_run_and_nothing_is_written(filled):
    repo, book = filled
    before = (repo / "cycles/renstra.yaml").read_bytes()
    wb, ws, rows = sheet_rows(book)
    wb["Identitas"]["B2"].value = None  # judul
    ws.cell(row=rows["SS1.1"], column=14).value = None  # 2026 target forgotten
    ws.cell(row=rows["SS1.2"], column=13).value = "=K2"  # a formula
    ws.cell(row=rows["SS2.1"], column=10).value = "psdm, keuangan"  # no such unit
    ws.cell(row=rows["SS2.2"], column=9).value = "mungkin"
    ws.cell(row=rows["SS2.2"], column=11).value = "menurun"  # no such direction
    cell = ws.cell(row=rows["SS3.1"], column=15)
    cell.value, cell.number_format = 0.7, "General"  # Excel turned "0,70" into a number
    ws.cell(row=rows["SS3.2"], column=6).value = None  # the indicator's text
    ws.cell(row=rows["SS4.1"], column=5).value = "SS9.1"  # a code that is not its sasaran's
    wb.save(book)
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    where = [line.split(": ", 1)[0] for line in lines[:-1]]
    assert where == ["renstra.xlsx:Identitas", f"renstra.xlsx:Indikator!N{rows['SS1.1']}",
                     f"renstra.xlsx:Indikator!M{rows['SS1.2']}", f"renstra.xlsx:Indikator!J{rows['SS2.1']}",
                     f"renstra.xlsx:Indikator!I{rows['SS2.2']}", f"renstra.xlsx:Indikator!K{rows['SS2.2']}",
                     f"renstra.xlsx:Indikator!O{rows['SS3.1']}",
                     f"renstra.xlsx:Indikator!F{rows['SS3.2']}", f"renstra.xlsx:Indikator!E{rows['SS4.1']}"], proc.stdout
    assert "judul Renstra belum diisi" in lines[0]
    # an empty target cell is a year the Renstra does not record: wrong here only because cycle 2026 exists
    assert "indikator SS1.1 belum memiliki target tahun 2026, padahal siklus RKT 2026 sudah ada" in lines[1]
    assert "sel berisi rumus" in lines[2]
    assert "unit 'keuangan' tidak ada di cycles/agency.yaml" in lines[3]
    assert "IKU 'mungkin' tidak dikenal" in lines[4]
    assert "arah 'menurun' tidak dikenal; pilih naik, turun, rentang" in lines[5]
    assert "tanpa jumlah desimal tetap" in lines[6]
    assert "uraian indikator kinerja belum diisi" in lines[7]
    assert "harus diawali kode sasarannya 'SS4.'" in lines[8]
    assert lines[-1] == "9 masalah di renstra.xlsx; Renstra tidak diimpor, tidak ada berkas yang diubah."
    assert (repo / "cycles/renstra.yaml").read_bytes() == before


def test_a_formula_is_refused_even_where_text_is_expected(filled):
    repo, book = filled
    wb, ws, rows = sheet_rows(book)
    ws.cell(row=rows["SS2.1"], column=4).value = '=CONCAT("Meningkatnya ", "kompetensi ASN")'
    wb.save(book)
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 1
    assert f"renstra.xlsx:Indikator!D{rows['SS2.1']}: sel berisi rumus; rumus tidak dibaca" in proc.stderr


def test_an_empty_sheet_is_refused(filled):
    repo, book = filled
    before = (repo / "cycles/renstra.yaml").read_bytes()
    wb, ws, rows = sheet_rows(book)
    ws.delete_rows(2, ws.max_row)
    wb.save(book)
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 1 and "tidak berisi satu baris isian pun" in proc.stderr
    assert (repo / "cycles/renstra.yaml").read_bytes() == before


def test_removing_an_indicator_that_forms_use_is_refused(filled):
    repo, book = filled
    before = (repo / "cycles/renstra.yaml").read_bytes()
    wb, ws, rows = sheet_rows(book)
    ws.delete_rows(rows["SS2.2"])
    wb.save(book)
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 1
    assert "cycles/2026/forms/psdm.yaml" in proc.stderr and "SS2.2" in proc.stderr
    assert proc.stderr.endswith("Renstra tidak diimpor; berkas lama tidak diubah.\n")
    assert (repo / "cycles/renstra.yaml").read_bytes() == before


def test_a_file_that_is_not_a_workbook_is_named(filled, tmp_path):
    repo, _ = filled
    fake = tmp_path / "renstra.xlsx"
    fake.write_bytes(b"<html>bukan excel</html>")
    proc = run(repo, "import-renstra", str(fake), "--today", "2026-11-28")
    assert proc.returncode == 1 and proc.stderr.startswith("renstra.xlsx: berkas ini halaman web/XML")


def test_a_sheet_without_codes_keeps_the_existing_ones(filled):
    """An agency's own sheet has no code columns filled, and its rows in another order: every
    tujuan, sasaran and indicator is matched to renstra.yaml by its text, so forms stay bound."""
    repo, book = filled
    reopen_2026(repo)  # the sheet's order is the plans' order
    before = renstra(repo)
    wb, ws, rows = sheet_rows(book)
    values = [[c.value for c in ws[r]] for r in sorted(rows.values())]
    values = values[2:] + values[:2]  # the SS1 rows last
    for r, row in enumerate(values, start=2):
        for col, value in enumerate(row, start=1):
            ws.cell(row=r, column=col).value = None if col in (1, 3, 5) else value
    wb.save(book)
    proc = run(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Kode baru" not in proc.stdout
    after = renstra(repo)
    codes = lambda data: {i["uraian"]: (o["kode"], o["tujuan"], i["kode"])  # noqa: E731
                          for o in data["sasaran"] for i in o["indikator"]}
    assert codes(after) == codes(before)
    # the sheet's order, sasaran grouped under their tujuan (SS1 and SS2 serve T1)
    assert [o["kode"] for o in after["sasaran"]] == ["SS2", "SS1", "SS3", "SS4", "SS5"]
