"""`rkt import` never changes or drops a value on the way in, refuses what it cannot read
faithfully with the cell named, reports every problem at once, never wipes a form by
accident, stays within limits on hostile files, and rewrites only the lines that changed."""

from __future__ import annotations

import difflib
import time
import zipfile
from pathlib import Path

import pytest
from conftest import copy_example
from openpyxl import Workbook, load_workbook
from support.cli import rkt_here as rkt

from generator.source.load import load_file
from generator.spreadsheets.excel import KINERJA_HEADERS, PROGRAM_HEADERS, shown

FORMS = "cycles/2027/forms"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "repo")


def template(capsys, repo: Path, unit: str) -> Path:
    path = repo.parent / f"{unit}.xlsx"
    code, out = rkt(capsys, repo, "form-template", "2027", unit, "--out", str(path))
    assert code == 0, out
    return path


def form(repo: Path, unit: str) -> dict:
    return load_file(repo / FORMS / f"{unit}.yaml", "f").document.data


def snapshot(repo: Path) -> dict[str, bytes]:
    """Every file under the forms folder (temporary files included), to prove nothing was written."""
    return {p.name: p.read_bytes() for p in sorted((repo / FORMS).iterdir())}


SUB = ["Sub Kegiatan", "5.03.02.2.01.0001", "Penyusunan Rencana Kebutuhan ASN", "Jumlah dokumen", 1, "Dokumen",
       150_000_000, "Kepala Sub Bidang Pengadaan"]


def hand_made(path: Path, kinerja: list[list], program: list[list], title: bool = False,
              kinerja_headers: list[str] = KINERJA_HEADERS) -> Path:
    """A workbook made by hand in the template's layout (optionally with a merged title row above
    the headers), cells as given: (value, number format) pairs set the format too."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, headers, rows in (("Kinerja", kinerja_headers, kinerja), ("Program", PROGRAM_HEADERS, program)):
        ws = wb.create_sheet(name)
        if title:
            ws.append([f"FORM RKT 2027 — {name.upper()}"])
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.append(headers)
        for values in rows:
            ws.append([v[0] if isinstance(v, tuple) else v for v in values])
            for col, v in enumerate(values, start=1):
                if isinstance(v, tuple):
                    ws.cell(row=ws.max_row, column=col).number_format = v[1]
    wb.save(path)
    return path


# --- values as shown ----------------------------------------------------------------------------

@pytest.mark.parametrize("value, fmt, expected", [
    (1, "0%", "100%"),
    (0.9, "0%", "90%"),
    (0.925, "0.0%", "92,5%"),
    (0.9, "0.00%", "90,00%"),
    (0.7, "0.00", "0,70"),
    (0.7, "#,##0.00", "0,70"),
    (1234.5, "#,##0.00", "1234,50"),
    (0.7, "0.0#", "0,7"),
    (0.75, "0.0#", "0,75"),
    (85, "General", 85),
    (85.0, "General", 85),
    (85, "0", 85),
    (1500, "#,##0", 1500),
    (0.7, "[Blue]0.00", "0,70"),
])
def test_numbers_come_back_as_excel_shows_them(value, fmt, expected):
    assert shown(value, fmt) == (expected, None)


@pytest.mark.parametrize("value, fmt, why", [
    (0.7, "General", "tanpa jumlah desimal tetap"),  # typed 0,7 or 0,70? unknown: refused, never "0,7"
    (0.7, "@", "tanpa jumlah desimal tetap"),
    (0.756, "0.00", "menampilkan 0,76 tetapi nilainya 0,756"),
    (0.925, "0%", "menampilkan 93% tetapi nilainya 92,5%"),
    (1.5, "# ?/?", "tidak dikenali"),
    (1500, "0.0E+00", "tidak dikenali"),
    (1500, '0 "orang"', "tidak dikenali"),
    (1500000, "#,##0,", "seribu"),
])
def test_numbers_whose_typing_is_unknown_are_refused(value, fmt, why):
    result, message = shown(value, fmt)
    assert result is None and why in message and "Teks" in message


def test_percent_and_decimal_cells_import_as_typed(repo, tmp_path, capsys):
    # A hand-made workbook as Excel stores what was typed in General cells: "100%" -> 1 with
    # format 0%, "0,70" in a 0.00 cell -> 0.7, "92,5%" -> 0.925 with 0.0%, 85 -> 85.
    path = hand_made(tmp_path / "psdm.xlsx", [
        ["SS2", "", "SS2.1", "", "", "", (0.7, "0.00")],
        ["SS2", "", "SS2.2", "", "", "", (1, "0%")],
    ], [
        ["Program", "5.03.02", "Program Kepegawaian Daerah", "Persentase layanan", (0.9, "0%")],
        ["Kegiatan", "5.03.02.2.01", "Pengadaan ASN", "Persentase formasi", (0.925, "0.0%")],
        SUB[:4] + [(85, "General")] + SUB[5:],
    ])
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))
    assert code == 0, out
    data = form(repo, "psdm")
    assert [t["target"] for t in data["kinerja"][0]["indikator"]] == ["0,70", "100%"]
    program = data["program"][0]
    assert program["target"] == "90%" and program["kegiatan"][0]["target"] == "92,5%"
    assert program["kegiatan"][0]["sub_kegiatan"][0]["target"] == 85


def test_a_fraction_without_fixed_decimals_is_refused_naming_the_cell(repo, tmp_path, capsys):
    # "0,70" typed into a General cell of an Indonesian-locale Excel is stored as 0.7: the
    # second decimal is gone, so the cell is refused rather than imported as "0,7".
    path = hand_made(tmp_path / "psdm.xlsx", [["SS2", "", "SS2.1", "", "", "", 0.7]],
                     [["Program", "5.03.02", "Program Kepegawaian Daerah"], ["Kegiatan", "5.03.02.2.01", "Pengadaan"],
                      SUB])
    before = snapshot(repo)
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))
    assert code == 1
    assert "psdm.xlsx:Kinerja!G2: Excel menyimpan angka 0,7 tanpa jumlah desimal tetap" in out
    assert "format sel sebagai Teks" in out and "0,70" in out
    assert snapshot(repo) == before


def test_template_target_columns_are_text(repo, capsys):
    wb = load_workbook(template(capsys, repo, "ppik"))
    assert {wb["Kinerja"][f"{c}5"].number_format for c in "ACGH"} == {"@"}
    assert {wb["Program"][f"{c}10"].number_format for c in "BCDEFH"} == {"@"}
    assert wb["Program"]["G10"].number_format == "#,##0"


# --- nothing dropped -----------------------------------------------------------------------------

def test_budget_on_program_or_kegiatan_row_is_accepted_and_checked_against_the_rows_below(repo, capsys):
    """A pagu typed on a Program or Kegiatan row is the form's `anggaran` of that level; where
    the rows below carry amounts too, it must equal their sum (named by cell, nothing written)."""
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    ws = wb["Program"]
    ws["G2"] = 733_200_000  # the Program row: the sum of the sub kegiatan below
    ws["G3"] = 730_000_000  # the Kegiatan row: Rp 3.200.000 short of its sub kegiatan
    ws["H3"] = "Kepala Bidang PPIK"
    wb.save(path)
    before = snapshot(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1
    assert ("ppik.xlsx:Program!G3: anggaran kegiatan 5.03.02.2.01 (Rp 730.000.000) tidak sama dengan jumlah "
            "anggaran sub kegiatan di bawahnya (Rp 733.200.000") in out
    assert "ppik.xlsx:Program!G2: anggaran program 5.03.02 (Rp 733.200.000) tidak sama dengan jumlah" in out
    assert "ppik.xlsx:Program!H3: penanggung jawab pada baris Kegiatan" in out
    assert snapshot(repo) == before
    ws["G3"], ws["H3"] = 733_200_000, None
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 0, out
    data = form(repo, "ppik")
    assert data["program"][0]["anggaran"] == 733_200_000
    assert data["program"][0]["kegiatan"][0]["anggaran"] == 733_200_000
    text = (repo / FORMS / "ppik.yaml").read_text()
    assert '    target: "92%"\n    anggaran: 733200000\n    kegiatan:\n' in text


def test_a_program_with_only_its_pagu_imports_without_rows_below(repo, capsys, tmp_path):
    path = hand_made(tmp_path / "pagu.xlsx", [["SS3", "", "SS3.1", "", "", "", "92%"]], [
        ["Program", "5.03.02", "Program Kepegawaian Daerah", "", "", "", 900_000_000, ""]])
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 0, out
    program = form(repo, "ppik")["program"]
    assert program == [{"kode": "5.03.02", "nama": "Program Kepegawaian Daerah", "anggaran": 900_000_000}]


def test_edited_renstra_columns_and_cells_outside_the_table_are_refused(repo, capsys):
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    wb["Kinerja"]["D2"] = "Indeks profesionalitas (uraian baru)"  # comes from the Renstra: would be ignored
    wb["Program"]["J4"] = "catatan di samping tabel"
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1
    assert "ppik.xlsx:Kinerja!D2: kolom 'Indikator Kinerja' diambil dari Renstra" in out
    assert "ppik.xlsx:Program!J4: isi di luar kolom tabel tidak dibaca" in out


def test_notes_survive_the_template_and_an_older_template_without_the_column(repo, tmp_path, capsys):
    rel = repo / FORMS / "ppik.yaml"
    rel.write_text(rel.read_text().replace('        target: "0,70"\n',
                                           '        target: "0,70"\n        catatan: Disepakati dalam rapat\n'))
    original = rel.read_bytes()
    path = template(capsys, repo, "ppik")
    assert load_workbook(path)["Kinerja"]["H2"].value == "Disepakati dalam rapat"
    assert rkt(capsys, repo, "import", "2027", "ppik", str(path))[0] == 0
    assert rel.read_bytes() == original  # an unchanged workbook changes nothing, byte for byte
    old = hand_made(tmp_path / "lama.xlsx", [
        ["SS1", "", "SS1.1", "", "", "", "0,70"], ["SS3", "", "SS3.1", "", "", "", "92%"],
        ["SS3", "", "SS3.2", "", "", "", "97%"], ["SS5", "", "SS5.2", "", "", "", 9]], [
        [c.value for c in row] for row in load_workbook(path)["Program"].iter_rows(min_row=2) if row[0].value],
        kinerja_headers=KINERJA_HEADERS[:7])
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(old))
    assert code == 0, out
    assert rel.read_bytes() == original


# --- never wiped by accident ---------------------------------------------------------------------

def test_an_empty_workbook_does_not_wipe_a_form_without_kosongkan(repo, tmp_path, capsys):
    path = hand_made(tmp_path / "kosong.xlsx", [], [])
    before = snapshot(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1
    assert "lembar 'Kinerja' dan 'Program' tidak berisi satu baris isian pun" in out and "--kosongkan" in out
    assert snapshot(repo) == before
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))  # no form yet: no empty form either
    assert code == 1 and not (repo / FORMS / "psdm.yaml").exists()
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path), "--kosongkan")
    assert code == 0, out
    assert form(repo, "ppik")["program"] == [] and form(repo, "ppik")["kinerja"] == []


def test_a_workbook_that_lost_its_program_rows_is_refused(repo, capsys):
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    wb["Program"].delete_rows(2, 20)
    wb.save(path)
    before = snapshot(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1 and "lembar 'Program' tidak berisi satu baris isian pun" in out
    assert "tabel program di cycles/2027/forms/ppik.yaml menjadi kosong" in out
    assert snapshot(repo) == before


def test_a_shrink_says_what_is_removed(repo, capsys):
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    rows = {r[1].value: r[0].row for r in wb["Program"].iter_rows(min_row=2)}
    wb["Program"].delete_rows(rows["5.03.02.2.01.0004"])
    wb["Kinerja"].delete_rows(4)  # SS3.2
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 0, out
    assert "Dihapus dari form karena tidak ada lagi di ppik.xlsx (2):" in out
    assert "indikator SS3.2 (sasaran SS3, target 97%)" in out
    assert ("sub kegiatan 5.03.02.2.01.0004 Pengelolaan Data dan Sistem Informasi Kepegawaian "
            "(anggaran Rp 182.000.000)") in out


# --- every problem in one run --------------------------------------------------------------------

def test_every_problem_of_both_sheets_is_reported_in_one_run(repo, tmp_path, capsys):
    path = hand_made(tmp_path / "psdm.xlsx", [
        ["SS2", "", "SS9.9", "", "", "", None],  # unknown code AND missing target: both
        ["SS2", "", "SS2.2", "", "", "", "70%"],
    ], [
        ["Program", "5.03.02", "Program Kepegawaian Daerah"],
        ["Kegiatan", "5.03.02.2.01", "Pengadaan"],
        ["Sub Kegiatan", "5.03.02.2.01.1", None, None, None, None, "Rp 1,500,000", None],  # six bad cells
        SUB,
        SUB,  # the same code twice: found by the rules, in the same run
        ["Subkegiatan", "=A1", "x"],  # unknown level, and a formula
    ])
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))
    assert code == 1
    expected = [
        "Kinerja!C2: kode indikator 'SS9.9' tidak ada di Renstra",
        "Kinerja!G2: target indikator SS9.9 belum diisi",
        "Program!B4: kode sub kegiatan '5.03.02.2.01.1' tidak sesuai format",
        "Program!C4: nama belum diisi",
        "Program!D4: indikator kinerja belum diisi",
        "Program!E4: target kinerja belum diisi",
        "Program!G4: anggaran 'Rp 1,500,000' memakai koma sebagai pemisah ribuan",
        "Program!H4: penanggung jawab belum diisi",
        "Program!B6: kode sub kegiatan '5.03.02.2.01.0001' sudah dipakai sebelumnya",
        "Program!A7: tingkat 'Subkegiatan' tidak dikenal",
        "Program!B7: sel berisi rumus",
    ]
    lines = [line.removeprefix("psdm.xlsx:") for line in out.splitlines()]
    for want in expected:
        assert any(line.startswith(want) for line in lines), (want, out)
    assert f"{len(expected)} masalah di psdm.xlsx" in out
    assert not (repo / FORMS / "psdm.yaml").exists()


def test_formulas_are_refused_naming_the_cell(repo, capsys):
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    wb["Program"]["G4"] = "=130000000*1"
    wb["Kinerja"]["G2"] = "=0,7"
    wb["Kinerja"]["G2"].data_type = "s"  # text that starts like a formula (typed with an apostrophe)
    wb.save(path)
    before = snapshot(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1
    assert "ppik.xlsx:Program!G4: sel berisi rumus" in out and "ppik.xlsx:Kinerja!G2: sel berisi rumus" in out
    assert snapshot(repo) == before


def test_a_merged_title_row_above_the_headers_is_read_with_real_row_numbers(repo, tmp_path, capsys):
    path = hand_made(tmp_path / "psdm.xlsx", [["SS2", "", "SS2.1", "", "", "", "74,00"]],
                     [["Program", "5.03.02", "Program Kepegawaian Daerah"], ["Kegiatan", "5.03.02.2.01", "Pengadaan"],
                      SUB[:6] + ["150,000,000"] + SUB[7:]], title=True)
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))
    assert code == 1 and out.startswith("psdm.xlsx:Program!G5: anggaran '150,000,000' memakai koma")
    wb = load_workbook(path)
    wb["Program"]["G5"] = 150_000_000
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))
    assert code == 0, out
    assert form(repo, "psdm")["kinerja"][0]["indikator"][0]["target"] == "74,00"


def test_a_shifted_column_is_refused_instead_of_read_into_the_wrong_field(repo, capsys):
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    wb["Program"].insert_cols(1)
    wb["Program"]["A1"] = "No"
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1 and "baris judul tabel (kolom 'Tingkat', 'Kode', ...) tidak ditemukan" in out
    wb["Program"].delete_cols(1)
    wb["Program"]["E1"] = "Satuan"
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1 and "ppik.xlsx:Program!E1: judul kolom seharusnya 'Target Kinerja', bukan 'Satuan'" in out


# --- limits before work --------------------------------------------------------------------------

def _with_program_sheet(src: Path, dest: Path, sheet_xml_chunks, level: int = 1) -> Path:
    """`src` with its Program sheet's XML replaced by the streamed chunks."""
    with zipfile.ZipFile(src) as zin:
        rels = zin.read("xl/_rels/workbook.xml.rels").decode()
        workbook = zin.read("xl/workbook.xml").decode()
        sheet = _sheet_part(rels, workbook.split('name="Program"')[1].split('r:id="')[1].split('"')[0])
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zout:
            for info in zin.infolist():
                if info.filename == sheet:
                    with zout.open(info.filename, "w", force_zip64=True) as fh:
                        for chunk in sheet_xml_chunks:
                            fh.write(chunk)
                else:
                    zout.writestr(info.filename, zin.read(info.filename))
    return dest


def _sheet_part(rels: str, rel_id: str) -> str:
    for part in rels.split("<Relationship ")[1:]:
        if f'Id="{rel_id}"' in part:
            target = part.split('Target="')[1].split('"')[0]
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    raise AssertionError(rel_id)


HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><dimension ref="A1:H3"/><sheetData>')
TAIL = b"</sheetData></worksheet>"


def _with_shared_strings(src: Path, dest: Path, chunks) -> Path:
    """`src` with a shared strings part (which openpyxl parses whole on opening) streamed in."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            zout.writestr(info.filename, data)
        with zout.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            for chunk in chunks:
                fh.write(chunk)
    return dest


@pytest.mark.parametrize("part", ["xl/worksheets/", "xl/sharedStrings.xml"])
def test_a_zip_bomb_is_refused_in_seconds_and_nothing_is_written(repo, capsys, part):
    src = template(capsys, repo, "ppik")
    size = 200 * 1024 * 1024  # unpacked; about 1.5 MB on disk
    if part == "xl/worksheets/":
        row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
        bomb = _with_program_sheet(src, repo.parent / "bom.xlsx",
                                   [HEAD, *(row for _ in range(size // len(row))), TAIL])
    else:
        item = b"<si><t>x</t></si>" * 50_000
        bomb = _with_shared_strings(src, repo.parent / "bom.xlsx", [
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
            *(item for _ in range(size // len(item))), b"</sst>"])
    assert bomb.stat().st_size < 3 * 1024 * 1024
    before = snapshot(repo)
    start = time.perf_counter()
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(bomb))
    assert time.perf_counter() - start < 2
    assert code == 1 and f"bom.xlsx: bagian {part}" in out and "tidak wajar" in out
    assert snapshot(repo) == before


def test_junk_rows_behind_a_lying_dimension_stop_at_the_row_limit(repo, capsys):
    src = template(capsys, repo, "ppik")
    junk = b"".join(b'<row r="%d"><c r="I%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
                    for n in range(2, 7000))
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Program</t></is></c></row>'
    header = b"".join(b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (c.encode(), h.encode())
                      for c, h in zip("ABCDEFGH", PROGRAM_HEADERS, strict=False))
    for name, body in (("baris.xlsx", junk), ("jauh.xlsx", far)):
        path = _with_program_sheet(src, repo.parent / name, [HEAD, b'<row r="1">' + header + b"</row>", body, TAIL],
                                   level=6)
        start = time.perf_counter()
        code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
        assert time.perf_counter() - start < 2
        assert code == 1 and f"{name}:Program: lembar Program memuat lebih dari 5000 baris" in out


def _cells(row: int, values: list) -> bytes:
    out = b""
    for col, value in zip("ABCDEFGH", values, strict=False):
        if isinstance(value, int):
            out += b'<c r="%s%d"><v>%d</v></c>' % (col.encode(), row, value)
        elif value:
            out += b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col.encode(), row, value.encode())
    return b'<row r="%d">%s</row>' % (row, out)


def test_rows_beyond_an_understated_dimension_are_read_not_dropped(repo, capsys):
    # Some programs write a <dimension> smaller than the data; openpyxl's read-only mode
    # trusts it and would silently stop there.
    src = template(capsys, repo, "psdm")
    rows = [PROGRAM_HEADERS, ["Program", "5.03.02", "Program Kepegawaian Daerah"],
            ["Kegiatan", "5.03.02.2.01", "Pengadaan"], SUB,
            SUB[:1] + ["5.03.02.2.01.0002", "Koordinasi Pengadaan"] + SUB[3:]]
    body = b"".join(_cells(n, values) for n, values in enumerate(rows, start=1))
    path = _with_program_sheet(src, repo.parent / "dimensi.xlsx", [HEAD, body, TAIL], level=6)  # HEAD: A1:H3
    code, out = rkt(capsys, repo, "import", "2027", "psdm", str(path))
    assert code == 0, out
    subs = form(repo, "psdm")["program"][0]["kegiatan"][0]["sub_kegiatan"]
    assert [s["kode"] for s in subs] == ["5.03.02.2.01.0001", "5.03.02.2.01.0002"]


@pytest.mark.parametrize("name, content, message", [
    ("lama.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "berformat Excel lama (.xls)"),
    ("tabel.xlsx", b"Tingkat;Kode;Nama\nProgram;5.03.02;Program Kepegawaian\n", "tidak dapat dibaca sebagai Excel"),
    ("isi.xlsx", b"", "tidak dapat dibaca sebagai Excel"),
])
def test_a_file_that_is_not_an_xlsx_is_refused(repo, tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1 and f"{name}: " in out and message in out and "Traceback" not in out


def test_an_ods_renamed_to_xlsx_is_refused(repo, tmp_path, capsys):
    path = tmp_path / "form.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1 and "OpenDocument (.ods)" in out


# --- only the changed lines are rewritten --------------------------------------------------------

def _diff(before: str, after: str) -> list[str]:
    """The removed and added lines, sorted (where difflib aligns equal neighbours does not matter)."""
    return sorted(line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
                  if line[:1] in "+-" and not line.startswith(("+++", "---")))


def test_adding_a_sub_kegiatan_rewrites_only_its_lines(repo, capsys):
    rel = repo / FORMS / "sekretariat.yaml"
    text = rel.read_text().replace('      - kode: "5.03.01.2.02"\n',
                                   '      # Kegiatan keuangan: diperiksa Kasubbag Keuangan\n'
                                   '      - kode: "5.03.01.2.02"\n')
    text = text.replace("    target: BB\n", "    target: BB  # predikat SAKIP\n", 1)
    rel.write_text(text)
    path = template(capsys, repo, "sekretariat")
    wb = load_workbook(path)
    ws = wb["Program"]
    at = next(r[0].row for r in ws.iter_rows(min_row=2) if r[1].value == "5.03.01.2.01.0007") + 1
    ws.insert_rows(at)  # the last sub kegiatan of the first kegiatan, right above the comment
    for col, value in zip("ABCDEFGH", ["Sub Kegiatan", "5.03.01.2.01.0008", "Penyusunan Laporan Keuangan Akhir Tahun",
                                       "Jumlah Laporan Keuangan", "2", "Laporan", 12_000_000,
                                       "Kepala Sub Bagian Perencanaan dan Keuangan"], strict=False):
        ws[f"{col}{at}"] = value
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "sekretariat", str(path))
    assert code == 0, out
    assert _diff(text, rel.read_text()) == sorted([
        '+          - kode: "5.03.01.2.01.0008"',
        "+            nama: Penyusunan Laporan Keuangan Akhir Tahun",
        "+            indikator: Jumlah Laporan Keuangan",
        "+            target: 2",
        "+            satuan: Laporan",
        "+            anggaran: 12000000",
        "+            penanggung_jawab: Kepala Sub Bagian Perencanaan dan Keuangan",
    ])
    after = rel.read_text()
    assert after.index("0008") < after.index("# Kegiatan keuangan") < after.index('kode: "5.03.01.2.02"\n')


def test_changing_removing_and_adding_rewrite_only_those_lines(repo, capsys):
    rel = repo / FORMS / "ppik.yaml"
    text = rel.read_text().replace('          - kode: "5.03.02.2.01.0003"\n',
                                   '          # diproses bersama BKN\n          - kode: "5.03.02.2.01.0003"\n')
    rel.write_text(text)
    path = template(capsys, repo, "ppik")
    wb = load_workbook(path)
    ws = wb["Program"]
    rows = {r[1].value: r[0].row for r in ws.iter_rows(min_row=2) if r[1].value}
    ws[f"G{rows['5.03.02.2.01.0001']}"] = 135_000_000
    ws.delete_rows(rows["5.03.02.2.01.0002"])
    wb["Kinerja"]["G3"] = "93%"
    wb.save(path)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 0, out
    assert _diff(text, rel.read_text()) == sorted([
        '-        target: "92%"',
        '+        target: "93%"',
        "-            anggaran: 130000000",
        "+            anggaran: 135000000",
        '-          - kode: "5.03.02.2.01.0002"',
        "-            nama: Koordinasi dan Pelaksanaan Pengadaan ASN",
        "-            indikator: Jumlah ASN yang Diangkat",
        "-            target: 180",
        "-            satuan: Orang",
        "-            anggaran: 322400000",
        "-            penanggung_jawab: Kepala Sub Bidang Pengadaan dan Pemberhentian",
    ])
    assert "# diproses bersama BKN\n          - kode: \"5.03.02.2.01.0003\"" in rel.read_text()


def test_cells_merged_down_a_column_are_read_for_each_row(repo, capsys):
    """Real sheets merge a cell over the rows it covers (a sasaran over its indicators, one
    penanggung jawab over several sub kegiatan): Excel keeps the value in the top cell only. Each
    row must still get that value, without the user retyping it."""
    path = template(capsys, repo, "mpk")
    wb = load_workbook(path)
    ws = wb["Kinerja"]
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "SS1"]
    assert len(rows) == 2 and rows[1] == rows[0] + 1
    for col in (1, 2):  # Kode Sasaran, Sasaran
        ws.cell(rows[1], col).value = None
        ws.merge_cells(start_row=rows[0], start_column=col, end_row=rows[1], end_column=col)
    ws = wb["Program"]
    subs = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Sub Kegiatan"]
    run = [subs[0]] + [r for a, r in zip(subs, subs[1:], strict=False) if r == a + 1][:1]
    assert len(run) == 2, "the example needs two adjacent sub kegiatan rows"
    responsible = [ws.cell(r, 8).value for r in run]
    ws.cell(run[1], 8).value = None
    ws.merge_cells(start_row=run[0], start_column=8, end_row=run[1], end_column=8)
    wb.save(path)
    before = form(repo, "mpk")
    code, out = rkt(capsys, repo, "import", "2027", "mpk", str(path))
    assert code == 0, out
    after = form(repo, "mpk")
    assert after["kinerja"] == before["kinerja"]
    names = [s["penanggung_jawab"] for p in after["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]]
    assert names[:2] == [responsible[0]] * 2
