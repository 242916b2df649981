"""The Rencana Aksi and the quarterly report through Excel: `rkt renaksi-template` and
`rkt laporan-template` write workbooks a unit fills in, `rkt import` recognises them and reads
them with the form import's care (values as Excel shows them, cells named, hidden places and
formulas refused, a quarter not ended refused, nothing written on refusal), and the example's
files survive a round trip unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_example
from openpyxl import load_workbook
from support.cli import rkt_here as rkt

from generator.source.load import load_file

TODAY = "2026-11-28"
RENAKSI_FIRST = 8  # the Rencana Aksi sheet: 6 lines of instructions, the header on row 7
REPORT_FIRST = 7  # the Realisasi sheet: 5 lines of instructions, the header on row 6


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "repo")


def tree(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in sorted((repo / "cycles").rglob("*")) if p.is_file()}


def data(path: Path) -> dict:
    loaded = load_file(path, "f")
    assert loaded.document is not None, loaded.problems
    return loaded.document.data


def made(capsys, repo: Path, *args: str) -> Path:
    out = repo.parent / "berkas.xlsx"
    code, text = rkt(capsys, repo, *args, "--out", str(out))
    assert code == 0, text
    return out


def rows(ws, first: int) -> dict[str, int]:
    """Indicator code -> its row."""
    return {ws.cell(row=r, column=1).value: r for r in range(first, ws.max_row + 1) if ws.cell(row=r, column=1).value}


def imported(capsys, repo: Path, unit: str, book: Path, year: str = "2026") -> tuple[int, str]:
    return rkt(capsys, repo, "import", year, unit, str(book), "--today", TODAY)


# --- templates ----------------------------------------------------------------------------------

def test_renaksi_template_lists_the_units_indicators_prefilled(repo, capsys):
    book = load_workbook(made(capsys, repo, "renaksi-template", "2026", "mpk"))
    ws = book["Rencana Aksi"]
    assert ws["A1"].value.startswith("RENCANA AKSI TAHUN 2026 — Bidang Mutasi, Promosi dan Kinerja")
    assert [c.value for c in ws[RENAKSI_FIRST - 1]] == [
        "Kode", "Indikator", "Satuan", "Target tahun", "TW I", "TW II", "TW III", "TW IV", "Penanggung jawab",
        "Kegiatan pendukung", "Rencana aksi"]
    at = rows(ws, RENAKSI_FIRST)
    # the existing Rencana Aksi's indicators in its order, then SS3.1 that the Renstra also assigns to mpk
    assert list(at) == ["SS1.1", "SS1.2", "SS5.1", "SS4.2", "SS3.1"]
    assert [c.value for c in ws[at["SS1.1"]]] == [
        "SS1.1", "Indeks Sistem Merit", "indeks", "0,66", "0,62", "0,63", "0,65", "0,66", "kabid-mpk",
        "5.03.02.2.02, 5.03.02.2.04",
        "Mandiri evaluasi penerapan sistem merit bersama tim penilai internal (TW I, TW III)\n"
        "Melengkapi bukti dukung penilaian sistem merit KASN (TW II, TW IV)"]
    assert [c.value for c in ws[at["SS3.1"]]][4:] == [None] * 7
    staff = book["Pegawai"]
    assert [c.value for c in staff[1]] == ["Kode pegawai", "Nama", "Jabatan"]
    assert "kabid-mpk" in [staff.cell(row=r, column=1).value for r in range(2, staff.max_row + 1)]
    budget = book["Rencana Anggaran"]
    assert [c.value for c in budget[4]] == ["5.03.02", "Program Kepegawaian Daerah", 865000000, 150000000,
                                           250000000, 250000000, 215000000]


def test_report_template_shows_the_quarters_targets(repo, capsys):
    book = load_workbook(made(capsys, repo, "laporan-template", "2026", "3", "mpk"))
    ws = book["Realisasi"]
    assert ws["A1"].value.startswith("LAPORAN TRIWULAN III TAHUN 2026")
    assert [c.value for c in ws[REPORT_FIRST - 1]] == [
        "Kode", "Indikator", "Satuan", "Target TW III", "Realisasi", "Faktor pendorong", "Faktor penghambat",
        "Tindak lanjut", "Bukti"]
    assert [c.value for c in ws[REPORT_FIRST + 1]][:5] == [
        "SS1.2", "Persentase jabatan yang diisi sesuai standar kompetensi jabatan", "%", "83%", "82%"]
    spending = book["Anggaran"]
    assert [c.value for c in spending[3]] == ["Tingkat", "Kode", "Nama", "Pagu (Rp)", "Realisasi triwulan ini (Rp)"]
    assert [c.value for c in spending[4]] == ["Program", "5.03.02", "Program Kepegawaian Daerah", 865000000,
                                             240000000]


# --- round trips ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, args, rel", [
    ("renaksi", ("renaksi-template", "2026", "mpk"), "cycles/2026/renaksi/mpk.yaml"),
    ("laporan", ("laporan-template", "2026", "1", "ppik"), "cycles/2026/laporan/tw1/ppik.yaml"),
])
def test_the_examples_files_survive_a_round_trip(repo, capsys, kind, args, rel):
    before = (repo / rel).read_bytes()
    book = made(capsys, repo, *args)
    code, out = imported(capsys, repo, args[-1], book)
    assert code == 0, out
    assert f"{rel} diperbarui" in out
    assert (repo / rel).read_bytes() == before  # comments, perubahan and all


# --- filled as a user fills them ------------------------------------------------------------------

def test_a_new_renaksi_filled_in_excel_is_written_as_typed(repo, capsys):
    book_path = made(capsys, repo, "renaksi-template", "2027", "mpk")
    book = load_workbook(book_path)
    ws = book["Rencana Aksi"]
    at = rows(ws, RENAKSI_FIRST)
    r = at["SS1.2"]
    ws.cell(row=r, column=5).value = 0.8  # typed "80%" in a General cell: Excel stores 0.8 as a percent
    ws.cell(row=r, column=5).number_format = "0%"
    for col, value in ((6, "83%"), (7, "86%"), (8, "88%"), (9, "kabid-mpk"), (10, "5.03.02.2.02.0002"),
                       (11, "Seleksi terbuka jabatan pimpinan tinggi (TW II, TW III)\n- Uji kompetensi (TW 4)")):
        ws.cell(row=r, column=col).value = value
    book.save(book_path)
    code, out = imported(capsys, repo, "mpk", book_path, "2027")
    assert code == 0, out
    path = repo / "cycles/2027/renaksi/mpk.yaml"
    assert path.read_text().startswith("# yaml-language-server: $schema=../../../schemas/renaksi.schema.json\n"
                                       "# Rencana Aksi Tahun 2027 Bidang Mutasi, Promosi dan Kinerja.\n")
    assert data(path) == {
        "tahun": 2027, "unit": "mpk",
        "indikator": [{"kode": "SS1.2", "target_triwulan": ["80%", "83%", "86%", "88%"],
                       "penanggung_jawab": "kabid-mpk", "kegiatan": ["5.03.02.2.02.0002"],
                       "aksi": [{"uraian": "Seleksi terbuka jabatan pimpinan tinggi", "triwulan": [2, 3]},
                                {"uraian": "Uji kompetensi", "triwulan": [4]}]}],
    }
    code, out = rkt(capsys, repo, "validate", "--today", TODAY)
    assert code == 0, out


def _new_report(capsys, repo: Path) -> tuple[Path, object, dict[str, int]]:
    """The TW III report of mpk taken away, its template made again (empty) and opened."""
    (repo / "cycles/2026/laporan/tw3/mpk.yaml").unlink()
    path = made(capsys, repo, "laporan-template", "2026", "3", "mpk")
    book = load_workbook(path)
    return path, book, rows(book["Realisasi"], REPORT_FIRST)


def test_a_report_filled_in_excel_is_written_as_typed(repo, capsys):
    path, book, at = _new_report(capsys, repo)
    ws = book["Realisasi"]
    ws.cell(row=at["SS1.1"], column=5).value = "0,65"  # decimal comma, typed as text
    ws.cell(row=at["SS1.2"], column=5).value = 0.86  # a percent cell: Excel shows 86%
    ws.cell(row=at["SS1.2"], column=5).number_format = "0%"
    ws.cell(row=at["SS1.2"], column=7).value = "Dua jabatan administrator kosong"
    ws.cell(row=at["SS1.2"], column=8).value = "Seleksi pada November 2026"
    ws.cell(row=at["SS5.1"], column=5).value = "97%"
    ws.cell(row=at["SS5.1"], column=9).value = "bukti/tw1-rekap-siasn.pdf"
    book["Anggaran"]["E4"] = "Rp 240.000.000"
    book.save(path)
    code, out = imported(capsys, repo, "mpk", path)
    assert code == 0, out
    written = repo / "cycles/2026/laporan/tw3/mpk.yaml"
    assert written.read_text().startswith("# yaml-language-server: $schema=../../../../schemas/laporan.schema.json\n"
                                          "# Laporan Triwulan III Tahun 2026 Bidang Mutasi, Promosi dan Kinerja.\n")
    assert data(written) == {
        "tahun": 2026, "triwulan": 3, "unit": "mpk",
        "realisasi": [
            {"kode": "SS1.1", "realisasi": "0,65"},
            {"kode": "SS1.2", "realisasi": "86%", "faktor_penghambat": "Dua jabatan administrator kosong",
             "tindak_lanjut": "Seleksi pada November 2026"},
            {"kode": "SS5.1", "realisasi": "97%", "bukti": ["bukti/tw1-rekap-siasn.pdf"]},
        ],
        "anggaran": [{"kode": "5.03.02", "realisasi": 240000000}],
    }


# --- refusals: the cell named, nothing written ------------------------------------------------------

def test_a_hidden_row_is_refused_and_nothing_is_written(repo, capsys):
    path = made(capsys, repo, "renaksi-template", "2026", "mpk")
    book = load_workbook(path)
    ws = book["Rencana Aksi"]
    r = rows(ws, RENAKSI_FIRST)["SS1.2"]
    ws.cell(row=r, column=5).value = "79%"
    ws.row_dimensions[r].hidden = True
    book.save(path)
    before = tree(repo)
    code, out = imported(capsys, repo, "mpk", path)
    assert code == 1
    assert f"berkas.xlsx:Rencana Aksi!{r}:{r}: lembar 'Rencana Aksi' baris {r} disembunyikan" in out
    assert "Rencana Aksi tidak diimpor, tidak ada berkas yang diubah" in out
    assert tree(repo) == before


def test_every_problem_of_the_report_is_named_by_its_cell_in_one_run(repo, capsys):
    path, book, at = _new_report(capsys, repo)
    ws = book["Realisasi"]
    ws.cell(row=at["SS1.1"], column=5).value = "0,65"
    ws.cell(row=at["SS1.2"], column=5).value = "86 orang"  # another unit than the target's %
    ws.cell(row=at["SS5.1"], column=5).value = "=0.97"  # a formula
    ws.cell(row=at["SS4.2"], column=5).value = "0.9"  # a decimal dot
    book["Anggaran"]["E4"] = 240000000.5  # not whole rupiah
    book["Anggaran"]["E4"].number_format = "0.0"
    book.save(path)
    before = tree(repo)
    code, out = imported(capsys, repo, "mpk", path)
    assert code == 1, out
    lines = out.splitlines()
    assert lines[0].startswith(f"berkas.xlsx:Realisasi!E{at['SS1.2']}: realisasi '86 orang' ditulis dalam satuan "
                               f"'orang', padahal targetnya 83% dalam satuan '%'")
    assert lines[1].startswith(f"berkas.xlsx:Realisasi!E{at['SS5.1']}: sel berisi rumus")
    assert lines[2].startswith(f"berkas.xlsx:Realisasi!E{at['SS4.2']}: realisasi '0.9' memakai titik")
    assert lines[3].startswith("berkas.xlsx:Anggaran!E4: realisasi anggaran")
    assert "pecahan" in lines[3]
    assert lines[4] == "4 masalah di berkas.xlsx; Laporan triwulan tidak diimpor, tidak ada berkas yang diubah."
    assert tree(repo) == before


def test_a_quarter_not_ended_is_refused_at_its_header(repo, capsys):
    path = made(capsys, repo, "laporan-template", "2026", "4", "mpk")
    book = load_workbook(path)
    ws = book["Realisasi"]
    ws.cell(row=rows(ws, REPORT_FIRST)["SS1.2"], column=5).value = "85%"
    book.save(path)
    code, out = imported(capsys, repo, "mpk", path)
    assert code == 1, out
    assert out.startswith(f"berkas.xlsx:Realisasi!D{REPORT_FIRST - 1}: triwulan IV 2026 belum berakhir (berakhir "
                          f"31 Desember 2026); laporannya baru dapat diimpor mulai 1 Januari 2027\n")
    assert not (repo / "cycles/2026/laporan/tw4").exists()


def test_unknown_people_activities_actions_and_changed_plan_cells_are_named(repo, capsys):
    path = made(capsys, repo, "renaksi-template", "2026", "mpk")
    book = load_workbook(path)
    ws = book["Rencana Aksi"]
    r = rows(ws, RENAKSI_FIRST)["SS1.2"]
    ws.cell(row=r, column=4).value = "90%"  # the year's target is the form's, not to change here
    ws.cell(row=r, column=9).value = "kabid-xyz"
    ws.cell(row=r, column=10).value = "5.03.02.2.02.0002, 9.99.99"
    ws.cell(row=r, column=11).value = "Seleksi terbuka"
    book["Rencana Anggaran"]["D4"] = "1,5 juta lebih"
    book.save(path)
    before = tree(repo)
    code, out = imported(capsys, repo, "mpk", path)
    assert code == 1, out
    assert f"berkas.xlsx:Rencana Aksi!D{r}: kolom 'Target tahun' diambil dari Renstra dan Form RKT" in out
    assert f"berkas.xlsx:Rencana Aksi!I{r}: kode pegawai 'kabid-xyz' tidak ada di cycles/agency.yaml" in out
    assert f"berkas.xlsx:Rencana Aksi!J{r}: kode '9.99.99' bukan kegiatan atau sub kegiatan" in out
    assert f"berkas.xlsx:Rencana Aksi!K{r}: aksi 'Seleksi terbuka' tidak menyebut triwulan" in out
    assert "berkas.xlsx:Rencana Anggaran!D4: rencana anggaran" in out
    assert tree(repo) == before


def test_templates_are_the_same_bytes_every_time(repo, capsys):
    for args in (("renaksi-template", "2026", "mpk"), ("laporan-template", "2026", "2", "psdm")):
        first = made(capsys, repo, *args).read_bytes()
        assert made(capsys, repo, *args).read_bytes() == first
