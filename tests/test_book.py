"""The signable workbooks' writer (generator.documents.book): what a user opening the file sees."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook

from generator.documents.book import RUPIAH_FORMAT, Book


def _book() -> Book:
    book = Book()
    ws = book.sheet("RKT")
    ws.append(["Judul"], "bold")
    header = ws.append(["No", "Sasaran", "Anggaran"], "header")
    first = ws.append([1, "Sasaran satu", 1500000], ["top", "top", "rupiah top"])
    ws.append([None, None, 2500000], ["top", "top", "rupiah top"])
    ws.merge(first, first + 1, 2)
    ws.setup([5, 40, 20], header_row=header)
    ws.page_header = "DRAF - belum lengkap"
    return book


def test_rows_merges_formats_and_print_setup_read_back_in_a_spreadsheet():
    wb = load_workbook(io.BytesIO(_book().to_bytes()))
    ws = wb["RKT"]
    assert [c.value for c in ws[3]] == [1, "Sasaran satu", 1500000]
    assert ws["C3"].number_format == RUPIAH_FORMAT and ws["C4"].value == 2500000
    assert [str(r) for r in ws.merged_cells.ranges] == ["B3:B4"]
    assert ws["A2"].font.b and ws["A2"].fill.fgColor.rgb.endswith("DDDDDD")
    assert ws["B3"].alignment.wrap_text and ws["B3"].alignment.vertical == "top"
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert "DRAF - belum lengkap" in ws.oddHeader.center.text


def test_the_same_rows_give_the_same_bytes():
    assert _book().to_bytes() == _book().to_bytes()
    names = zipfile.ZipFile(io.BytesIO(_book().to_bytes())).infolist()
    assert {i.date_time for i in names} == {(1980, 1, 1, 0, 0, 0)}


def test_sheet_names_that_excel_refuses_are_made_acceptable_and_unique():
    """A unit's short name is the agency's: a slash, a long name or two alike must not break the export."""
    book = Book()
    for name in ("Bidang I/II", "bidang i-ii", "Sekretariat Badan Kepegawaian dan Pengembangan SDM", "[Umum]*"):
        book.sheet(name).append([name])
    wb = load_workbook(io.BytesIO(book.to_bytes()))
    assert wb.sheetnames == ["Bidang I-II", "bidang i-ii 2", "Sekretariat Badan Kepegawaian d", "-Umum--"]
    assert [wb[n]["A1"].value for n in wb.sheetnames][0] == "Bidang I/II"


def test_an_empty_text_is_an_empty_cell_and_a_number_stays_a_number():
    book = Book()
    book.sheet("S").append(["", 0, 12.5, "0"])
    ws = load_workbook(io.BytesIO(book.to_bytes()))["S"]
    assert [c.value for c in ws[1]] == [None, 0, 12.5, "0"]
