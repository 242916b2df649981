"""Promises that hold for every value, checked with generated values (hypothesis; the profile is set
in conftest.py: the same examples on every CI run, no example database in the checkout).

- The loader never changes a typed value: any text the YAML writer writes (or double-quoted)
  loads back as the same text, or is refused with a located problem; any integer within limits
  loads as that integer.
- The target reader and the Excel number formats round-trip: a number in a cell with a number
  format imports as the text Excel shows, and that text (written into a form as the form writer
  writes it) reads back as the same number, kind and unit.
- Every export cell is inert: a `Book` written with any texts reads back with openpyxl as exactly
  those texts and holds no formula in any sheet; a CSV cell never starts like a formula unless
  quoted with an apostrophe."""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from generator.core import target
from generator.documents.book import Book
from generator.documents.rkt_csv import _csv_text
from generator.documents.unfilled import replaced
from generator.source.load import MAX_INT_DIGITS, load_bytes
from generator.source.screen import BAD_DECODED
from generator.source.workbook import FORMULA_START
from generator.source.yamlwrite import scalar
from generator.spreadsheets.cells import raw_of, target_of

# what libyaml itself never reads, even escaped in a double-quoted string: the loader must refuse it
_NOT_YAML = re.compile("[\ufffe\uffff]")


def loaded(line: str):
    return load_bytes(f"# berkas uji\nnilai: {line}\n".encode(), "uji.yaml")


def refused_only_for_a_reason(text: str, got) -> None:
    """`text` came back unchanged, or it holds a character the loader refuses and a problem says where."""
    if got.document is not None:
        assert got.document.data == {"nilai": text}
    else:
        assert BAD_DECODED.search(text) or _NOT_YAML.search(text), [p.message for p in got.problems]
        assert got.problems and all(p.line == 2 for p in got.problems)


# --- the loader never changes a typed value ----------------------------------------------------

@given(st.text())
def test_any_text_the_writer_writes_loads_back_unchanged(text):
    refused_only_for_a_reason(text, loaded(scalar(text)))


def escaped(text: str) -> str:
    """`text` double-quoted with every character beyond ASCII spelled as YAML's escape (\\u00e9, \\U0001f600)."""
    def one(ch: str) -> str:
        if ch in '"\\':
            return "\\" + ch
        if " " <= ch <= "~":
            return ch
        return f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
    return '"' + "".join(map(one, text)) + '"'


@given(st.text())
def test_any_double_quoted_text_loads_back_unchanged(text):
    refused_only_for_a_reason(text, loaded(escaped(text)))


@given(st.text(alphabet=st.sampled_from("0123456789-+.,:eE_ %~"), max_size=12))
def test_text_made_of_number_characters_stays_text(text):
    """"0,70", "007", "1e3", "~", "12:30": written by the writer, never loaded as a number or nothing."""
    refused_only_for_a_reason(text, loaded(scalar(text)))


@given(st.integers(min_value=-(10 ** MAX_INT_DIGITS) + 1, max_value=10 ** MAX_INT_DIGITS - 1))
@example(10 ** MAX_INT_DIGITS - 1)  # the limits themselves, every time
@example(-(10 ** MAX_INT_DIGITS) + 1)
def test_any_integer_within_limits_loads_as_that_integer(number):
    got = loaded(scalar(number))
    assert got.document is not None and got.document.data == {"nilai": number}
    assert type(got.document.data["nilai"]) is int


# --- the target reader and the Excel number formats round-trip --------------------------------

# (Excel number format, its decimal places, percent): no grouping, so the text shown is digits only
FORMATS = [("0", 0, False), ("0.0", 1, False), ("0.00", 2, False), ("0.000", 3, False),
           ("0%", 0, True), ("0.0%", 1, True), ("0.00%", 2, True)]


@st.composite
def formatted_numbers(draw):
    """(value stored in the cell, number format, the text Excel shows): a number the format shows
    exactly (no digit hidden), as a clerk types it into a formatted cell."""
    fmt, places, percent = draw(st.sampled_from(FORMATS))
    shown_digits = draw(st.integers(min_value=-(10 ** 12), max_value=10 ** 12))
    typed_places = draw(st.integers(min_value=0, max_value=places))
    number = Decimal(shown_digits).scaleb(-typed_places)  # what the clerk sees, before the % sign
    stored = number / 100 if percent else number
    value: int | float = int(stored) if stored == stored.to_integral_value() and not percent else float(stored)
    text = format(number.quantize(Decimal(1).scaleb(-places)), "f").replace(".", ",") + ("%" if percent else "")
    return value, fmt, text


def excel_round_trip(cells: list[tuple[int | float, str]]) -> list:
    """The cells written to a workbook, saved, and read as `rkt import` reads them."""
    wb = Workbook()
    for row, (value, fmt) in enumerate(cells, start=1):
        wb.active.cell(row=row, column=1, value=value).number_format = fmt
    out = io.BytesIO()
    wb.save(out)
    ws = load_workbook(io.BytesIO(out.getvalue()), read_only=True, data_only=False).active
    return [target_of(raw_of(row[0])) for row in ws.iter_rows(min_row=1, max_row=len(cells))]


@given(st.lists(formatted_numbers(), min_size=1, max_size=20))
def test_a_number_in_a_formatted_cell_imports_as_the_text_excel_shows(cells):
    got = excel_round_trip([(value, fmt) for value, fmt, _ in cells])
    # a whole number without a percent comes back a number, as YAML reads a plain 85
    expected = [(int(text) if "," not in text and "%" not in text else text, None) for _, _, text in cells]
    assert got == expected


@given(formatted_numbers(), st.sampled_from([None, "Dokumen", "persen", "indeks"]))
def test_an_imported_target_reads_back_as_the_same_number(cell, satuan):
    """The text Excel showed, written into the form as the form writer writes it and loaded again,
    is the same target: the same value, kind and unit, and printed exactly as it was shown."""
    value, fmt, text = cell
    [(imported, why)] = excel_round_trip([(value, fmt)])
    assert why is None
    got = loaded(scalar(imported))
    assert got.document is not None
    back = got.document.data["nilai"]
    assert back == imported
    read = target.parse(back, satuan)
    assert read.value == Decimal(text.rstrip("%").replace(",", "."))
    assert read.text == str(imported) and not read.dotted
    if text.endswith("%") or satuan == "persen":
        assert (read.kind, read.unit) == (target.PERCENT, "%")
    else:
        assert read.kind == {None: target.NUMBER, "Dokumen": target.QUANTITY, "indeks": target.INDEX}[satuan]


# --- every export cell is inert ----------------------------------------------------------------

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def shown_texts(data: bytes) -> dict[str, str]:
    """Each text cell of the first sheet ("B3" -> text) as Excel shows it: the stored string with
    OOXML's _xHHHH_ escapes decoded once, left to right (so "_x005F_x0041_" shows "_x0041_").
    openpyxl cannot tell: it leaves "_x001F_" as stored and turns "_x005F_x005F_" into "_"."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        table = zf.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in zf.namelist() else b"<sst/>"
        strings = ["".join(t.text or "" for t in si.iter(f"{_MAIN}t"))
                   for si in ElementTree.fromstring(table).iter(f"{_MAIN}si")]
        sheet = ElementTree.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    decode = functools.partial(_OOXML_ESCAPE.sub, lambda m: chr(int(m.group(1), 16)))
    return {c.get("r"): decode(strings[int(c.findtext(f"{_MAIN}v"))])
            for c in sheet.iter(f"{_MAIN}c") if c.get("t") == "s"}


@given(st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=4), min_size=1, max_size=6))
@example([['=HYPERLINK("http://x.example","Klik")', "-1", "+62 811", "@SUM(A1)", "_x0041_", "\r\n"]])
def test_a_book_reads_back_as_exactly_its_texts_and_holds_no_formula(rows):
    book = Book()
    sheet = book.sheet("RKT")
    for row in rows:
        sheet.append(row)
    data = book.to_bytes()
    ws = load_workbook(io.BytesIO(data)).active
    shown = shown_texts(data)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            assert cell.data_type == "s" if text else cell.value is None  # text, or an empty cell: never 'f'
            assert shown.get(cell.coordinate, "") == text, cell.coordinate
            if "_x" not in text and not re.search("[\x00-\x1f]", text):  # what openpyxl reads faithfully
                assert (cell.value or "") == text, cell.coordinate
            if text.startswith(FORMULA_START):  # the quote prefix: an edit in Excel keeps it text
                assert cell.quotePrefix, (cell.coordinate, text)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert not _FORMULA_TAG.search(zf.read(name)), name


@given(st.text())
@example('=HYPERLINK("http://x.example","Klik")')
@example("-")
def test_no_csv_cell_starts_like_a_formula_unless_quoted(text):
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerow([_csv_text(text), "x"])
    [[cell, _]] = list(csv.reader(io.StringIO(buf.getvalue(), newline=""), delimiter=";"))
    printed = replaced(text)[0]  # a placeholder rkt init left is printed BELUM DIISI
    if printed.startswith(FORMULA_START) and printed != "-":
        assert cell == "'" + printed
    else:
        assert cell == printed
    assert cell == "-" or not cell.startswith(FORMULA_START)
