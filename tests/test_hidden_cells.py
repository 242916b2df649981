"""Nothing is imported from a place Excel does not show: `rkt import` and `rkt import-renstra`
refuse hidden and very hidden sheets, hidden rows and columns, rows too thin to see, collapsed
groups and text coloured as its background, each named by sheet and row/column in one run,
and write nothing. Our own templates (their hidden 'Daftar' sheet included) still import."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_example
from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill
from support.cli import rkt_here as rkt

Change = Callable[[object], None]  # edits an openpyxl workbook in place


def tree(repo: Path) -> dict[str, bytes]:
    """Every file of the repository, to prove that a refused import wrote nothing anywhere."""
    return {str(p.relative_to(repo)): p.read_bytes() for p in sorted(repo.rglob("*")) if p.is_file()}


def edited(src: Path, dest: Path, change: Change) -> Path:
    wb = load_workbook(src)
    change(wb)
    wb.save(dest)
    return dest


def with_xml(path: Path, sheet_part: str, edit: Callable[[str], str]) -> Path:
    """`path` with one sheet's XML rewritten (what openpyxl cannot write, e.g. a row height of 0)."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts[sheet_part] = edit(parts[sheet_part].decode()).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def part_of(path: Path, sheet: str) -> str:
    """The zip part holding `sheet`'s XML."""
    wb = load_workbook(path)
    return f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"


def zero_height(path: Path, sheet: str, row: int) -> Path:
    return with_xml(path, part_of(path, sheet),
                    lambda xml: re.sub(rf'<row r="{row}"', f'<row r="{row}" ht="0" customHeight="1"', xml, count=1))


def hide_row(sheet: str, row: int) -> Change:
    return lambda wb: setattr(wb[sheet].row_dimensions[row], "hidden", True)


def hide_column(sheet: str, letter: str) -> Change:
    return lambda wb: setattr(wb[sheet].column_dimensions[letter], "hidden", True)


def collapse(sheet: str, first: int, last: int) -> Change:
    return lambda wb: wb[sheet].row_dimensions.group(first, last, outline_level=1, hidden=True)


def filtered(sheet: str, row: int) -> Change:
    def change(wb) -> None:
        wb[sheet].auto_filter.ref = "A1:H20"
        wb[sheet].row_dimensions[row].hidden = True  # what Excel writes for a row its filter leaves out
    return change


def state(sheet: str, how: str) -> Change:
    return lambda wb: setattr(wb[sheet], "sheet_state", how)


# --- the form (rkt import) ----------------------------------------------------------------------

@pytest.fixture
def form_book(tmp_path: Path, capsys) -> tuple[Path, Path]:
    """The example repository and ppik's 2027 template, filled as the form is (it imports as it is)."""
    repo = copy_example(tmp_path / "repo")
    book = tmp_path / "ppik.xlsx"
    code, out = rkt(capsys, repo, "form-template", "2027", "ppik", "--out", str(book))
    assert code == 0, out
    return repo, book


FORM_CASES = [
    ("hidden-sheet", state("Program", "hidden"), "ppik.xlsx:Program: lembar 'Program' disembunyikan tetapi "
                                                 "isinya dibaca; tampilkan lembarnya"),
    ("very-hidden-sheet", state("Kinerja", "veryHidden"), "ppik.xlsx:Kinerja: lembar 'Kinerja' disembunyikan "
                                                          "sedemikian rupa sehingga tidak dapat ditampilkan"),
    ("hidden-row", hide_row("Program", 3), "ppik.xlsx:Program!3:3: lembar 'Program' baris 3 disembunyikan tetapi "
                                           "berisi data; tampilkan barisnya (klik kanan pada nomor baris > Unhide / "
                                           "Tampilkan) dan periksa isinya, atau hapus barisnya"),
    ("filtered-row", filtered("Program", 4), "ppik.xlsx:Program!4:4: lembar 'Program' baris 4 tersembunyi oleh "
                                             "filter tetapi berisi data; hapus filternya"),
    ("hidden-column", hide_column("Program", "G"), "ppik.xlsx:Program!G:G: lembar 'Program' kolom G disembunyikan "
                                                   "tetapi berisi data; tampilkan kolomnya"),
    ("collapsed-group", collapse("Kinerja", 3, 4), "ppik.xlsx:Kinerja!3:4: lembar 'Kinerja' baris 3 sampai 4 berada "
                                                   "di dalam grup yang diciutkan tetapi berisi data; buka grupnya"),
]


@pytest.mark.parametrize("kind, change, message", FORM_CASES, ids=[c[0] for c in FORM_CASES])
def test_the_form_import_refuses_a_hidden_place_naming_it(form_book, tmp_path, capsys, kind, change, message):
    repo, book = form_book
    bad = edited(book, tmp_path / "ppik.xlsx", change)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(bad))
    assert code == 1, out
    assert message in out
    assert "form tidak diimpor, tidak ada berkas yang diubah" in out
    assert tree(repo) == before


def test_the_form_import_refuses_a_row_of_zero_height(form_book, capsys):
    repo, book = form_book
    zero_height(book, "Program", 4)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(book))
    assert code == 1, out
    assert ("ppik.xlsx:Program!4:4: lembar 'Program' baris 4 setinggi 0 poin sehingga isinya tidak terlihat; "
            "atur tinggi barisnya") in out
    assert tree(repo) == before


def test_every_hidden_place_of_the_workbook_is_reported_in_one_run(form_book, tmp_path, capsys):
    repo, book = form_book

    def everything(wb) -> None:
        for change in (state("Kinerja", "hidden"), hide_row("Kinerja", 2), hide_row("Program", 5),
                       hide_column("Program", "G"), hide_column("Program", "H"), collapse("Program", 6, 7)):
            change(wb)

    bad = edited(book, tmp_path / "ppik.xlsx", everything)
    zero_height(bad, "Program", 3)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(bad))
    assert code == 1, out
    places = ["ppik.xlsx:Kinerja: lembar 'Kinerja' disembunyikan", "ppik.xlsx:Kinerja!2:2: ",
              "ppik.xlsx:Program!G:H: lembar 'Program' kolom G sampai H disembunyikan", "ppik.xlsx:Program!3:3: ", "ppik.xlsx:Program!5:5: ",
              "ppik.xlsx:Program!6:7: lembar 'Program' baris 6 sampai 7 berada di dalam grup yang diciutkan"]
    positions = [out.find(p) for p in places]
    assert -1 not in positions, out
    assert positions == sorted(positions)  # in reading order: sheet, then its columns, then its rows
    assert tree(repo) == before


def test_hidden_places_without_data_and_the_templates_own_hidden_sheet_are_fine(form_book, tmp_path, capsys):
    repo, book = form_book
    assert load_workbook(book)["Daftar"].sheet_state == "hidden"  # the drop-downs' lists: not read, not refused

    def empty_places(wb) -> None:
        ws = wb["Program"]
        ws.row_dimensions[ws.max_row + 3].hidden = True  # formatted but empty rows of the template
        ws.column_dimensions["K"].hidden = True

    fine = edited(book, tmp_path / "ppik.xlsx", empty_places)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(fine))
    assert code == 0, out


def test_text_in_the_colour_of_its_background_is_refused_naming_the_cell(form_book, tmp_path, capsys):
    repo, book = form_book

    def invisible(wb) -> None:
        wb["Program"]["G4"].font = Font(color="FFFFFFFF")  # white on no fill
        wb["Kinerja"]["G2"].font = Font(color="FFFFFF00")
        wb["Kinerja"]["G2"].fill = PatternFill("solid", fgColor="FFFFFF00")  # yellow on yellow

    bad = edited(book, tmp_path / "ppik.xlsx", invisible)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(bad))
    assert code == 1, out
    for cell in ("Kinerja!G2", "Program!G4"):
        assert f"ppik.xlsx:{cell}: teks di sel ini tidak terlihat (warna hurufnya sama dengan warna latarnya)" in out
    assert tree(repo) == before


@pytest.mark.parametrize("cell, fmt", [("G4", ";;;"), ("C4", '@;@;@;"Rapat"')])
def test_a_number_format_that_hides_the_typed_value_is_refused(form_book, tmp_path, capsys, cell, fmt):
    """";;;" shows a budget cell as empty; a text section without @ shows other words than those read."""
    repo, book = form_book

    def concealed(wb) -> None:
        wb["Program"][cell].number_format = fmt

    bad = edited(book, tmp_path / "ppik.xlsx", concealed)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(bad))
    assert code == 1, out
    assert f"ppik.xlsx:Program!{cell}: format sel '{fmt}' menyembunyikan isinya" in out
    assert tree(repo) == before


# --- the Renstra (rkt import-renstra) -----------------------------------------------------------

@pytest.fixture
def renstra_book(tmp_path: Path, capsys) -> tuple[Path, Path]:
    repo = copy_example(tmp_path / "repo")
    book = tmp_path / "renstra.xlsx"
    code, out = rkt(capsys, repo, "renstra-template", "--out", str(book))
    assert code == 0, out
    return repo, book


RENSTRA_CASES = [
    ("hidden-sheet", state("Identitas", "hidden"), "renstra.xlsx:Identitas: lembar 'Identitas' disembunyikan "
                                                   "tetapi isinya dibaca"),
    ("very-hidden-sheet", state("Indikator", "veryHidden"), "renstra.xlsx:Indikator: lembar 'Indikator' "
                                                            "disembunyikan sedemikian rupa"),
    ("hidden-row", hide_row("Indikator", 4), "renstra.xlsx:Indikator!4:4: lembar 'Indikator' baris 4 disembunyikan "
                                             "tetapi berisi data"),
    ("hidden-column", hide_column("Indikator", "M"), "renstra.xlsx:Indikator!M:M: lembar 'Indikator' kolom M "
                                                     "disembunyikan tetapi berisi data"),
    ("collapsed-group", collapse("Indikator", 5, 6), "renstra.xlsx:Indikator!5:6: lembar 'Indikator' baris 5 sampai "
                                                     "6 berada di dalam grup yang diciutkan"),
]


@pytest.mark.parametrize("kind, change, message", RENSTRA_CASES, ids=[c[0] for c in RENSTRA_CASES])
def test_the_renstra_import_refuses_a_hidden_place_naming_it(renstra_book, tmp_path, capsys, kind, change, message):
    repo, book = renstra_book
    bad = edited(book, tmp_path / "renstra.xlsx", change)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import-renstra", str(bad), "--today", "2026-11-28")
    assert code == 1, out
    assert message in out
    assert "Renstra tidak diimpor, tidak ada berkas yang diubah" in out
    assert tree(repo) == before


def test_the_renstra_import_refuses_a_row_of_zero_height(renstra_book, capsys):
    repo, book = renstra_book
    zero_height(book, "Indikator", 3)
    before = tree(repo)
    code, out = rkt(capsys, repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert code == 1, out
    assert "renstra.xlsx:Indikator!3:3: lembar 'Indikator' baris 3 setinggi 0 poin" in out
    assert tree(repo) == before


def test_the_renstra_template_with_its_hidden_list_sheet_imports(renstra_book, capsys):
    repo, book = renstra_book
    assert load_workbook(book)["Daftar"].sheet_state == "hidden"
    code, out = rkt(capsys, repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert code == 0, out
