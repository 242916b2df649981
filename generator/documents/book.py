"""A signable workbook (the RKT, the Perjanjian Kinerja) as rows of values, written by XlsxWriter.

The documents append rows to `Sheet`s as they would to a printed table; `Book.to_bytes`
writes them in one pass. XlsxWriter writes a cell exactly as it is told (`write_string`,
`write_number`), never guessing a formula, a number or a link from a text, so every text
stays text; a text that Excel or LibreOffice would read as a formula once a user edits the
cell (`FORMULA_START`) gets the quote prefix (Excel's leading apostrophe) as well. Control
characters and a literal `_xHHHH_` are escaped by XlsxWriter itself, so every text reads back
exactly as typed. In memory, XlsxWriter stamps the zip entries with a fixed time, and the
document properties carry a fixed date: the same rows give the same bytes.

Why not openpyxl, which reads the workbooks users fill in (`generator.spreadsheets`): it
builds an object per cell and a style table it compares on every write, ~15x slower for
the same workbook, and the build writes one per cycle.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.source.workbook import FORMULA_START

RUPIAH_FORMAT = '"Rp" #,##0'

# A look is a space-separated set of these traits, e.g. "top bold" or "rupiah top".
TRAITS: dict[str, dict[str, object]] = {
    "bold": {"bold": True},
    "italic": {"italic": True},
    "draft": {"bold": True, "font_color": "#AA0000"},
    "header": {"bold": True, "bg_color": "#DDDDDD", "pattern": 1, "text_wrap": True, "valign": "top"},
    "top": {"text_wrap": True, "valign": "top"},
    "rupiah": {"num_format": RUPIAH_FORMAT},
    # a placeholder that nobody replaced (generator.documents.unfilled): seen from across the room
    "unfilled": {"bold": True, "font_color": "#AA0000", "bg_color": "#FFF2CC", "pattern": 1, "text_wrap": True,
                 "valign": "top"},
}

MAX_TEXT = 32767  # characters in one cell: Excel's limit; XlsxWriter would cut a longer text
A4 = 9  # Excel's paper size code
_BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")

Value = str | int | float | None


@dataclass
class Sheet:
    """One worksheet's rows, merges and print set-up, in the order they are added."""

    name: str
    rows: list[tuple[tuple[Value, ...], tuple[str | None, ...]]] = field(default_factory=list)
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (first row, last row, column), 1-based
    widths: tuple[float, ...] = ()
    portrait: bool = False
    header_row: int | None = None  # 1-based; frozen and printed on every page
    page_header: str | None = None  # printed in red at the top of every page

    def append(self, values: Sequence[Value], looks: str | None | Sequence[str | None] = None) -> int:
        """Add a row (`looks`: one look for every cell, or one each); returns its row number, from 1."""
        each = [looks] * len(values) if looks is None or isinstance(looks, str) else list(looks)
        self.rows.append((tuple(values), tuple(each[:len(values)]) + (None,) * (len(values) - len(each))))
        return len(self.rows)

    def set(self, row: int, column: int, value: Value, look: str | None = None) -> None:
        """Cell (`row`, `column`), both from 1, rewritten: `value` in `look`."""
        values: list[Value] = list(self.rows[row - 1][0])
        looks: list[str | None] = list(self.rows[row - 1][1])
        if column > len(values):
            values += [None] * (column - len(values))
            looks += [None] * (column - len(looks))
        values[column - 1], looks[column - 1] = value, look
        self.rows[row - 1] = (tuple(values), tuple(looks))

    def cell(self, row: int, column: int) -> Value:
        values = self.rows[row - 1][0]
        return values[column - 1] if column <= len(values) else None

    def texts(self) -> list[tuple[int, int, str]]:
        """(row, column, text) of every text cell, both from 1."""
        return [(r, c, v) for r, (values, _) in enumerate(self.rows, start=1)
                for c, v in enumerate(values, start=1) if isinstance(v, str)]

    def merge(self, first_row: int, last_row: int, column: int) -> None:
        """One cell over rows `first_row`..`last_row` of `column` (1-based); it shows the first row's value."""
        if last_row > first_row:
            self.merges.append((first_row, last_row, column))

    def setup(self, widths: Sequence[float], portrait: bool = False, header_row: int | None = None) -> None:
        """Column widths (in characters), A4 fitted to the page width; `header_row` repeated on each page."""
        self.widths, self.portrait, self.header_row = tuple(widths), portrait, header_row

    @property
    def last_row(self) -> int:
        return len(self.rows)


@dataclass
class Book:
    sheets: list[Sheet] = field(default_factory=list)

    def sheet(self, name: str) -> Sheet:
        """A new sheet named `name` as Excel allows it (31 characters, no []:*?/\\, unique)."""
        base = _BAD_SHEET_NAME.sub("-", name).strip("'")[:31] or "Lembar"
        taken = {s.name.casefold() for s in self.sheets}
        title, n = base, 1
        while title.casefold() in taken:
            n += 1
            title = f"{base[:31 - len(str(n)) - 1]} {n}"
        sheet = Sheet(title)
        self.sheets.append(sheet)
        return sheet

    def to_bytes(self) -> bytes:
        import xlsxwriter

        out = io.BytesIO()
        wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                       "strings_to_formulas": False, "strings_to_urls": False})
        wb.set_properties({"author": "rkt-dashboard", "created": dt.datetime(2000, 1, 1)})
        formats = _Formats(wb)
        for sheet in self.sheets:
            _write_sheet(wb.add_worksheet(sheet.name), sheet, formats)
        wb.close()
        return out.getvalue()


class _Formats:
    """XlsxWriter formats made once per (look, quote prefix)."""

    def __init__(self, wb) -> None:
        self.wb = wb
        self.made: dict = {}

    def get(self, look: str | None, quote: bool = False):
        if look is None and not quote:
            return None
        key = (look, quote)
        if key not in self.made:
            props: dict[str, object] = {}
            for trait in (look or "").split():
                props.update(TRAITS[trait])
            if quote:
                props["quote_prefix"] = True
            self.made[key] = self.wb.add_format(props)
        return self.made[key]


def _write_sheet(ws, sheet: Sheet, formats: _Formats) -> None:
    for r, (values, looks) in enumerate(sheet.rows):
        for c, (value, look) in enumerate(zip(values, looks, strict=True)):
            _write_cell(ws, r, c, value, look, formats)
    for first, last, column in sheet.merges:
        values, looks = sheet.rows[first - 1]
        value = values[column - 1] if column <= len(values) else None
        look = looks[column - 1] if column <= len(looks) else None
        quote = isinstance(value, str) and value.startswith(FORMULA_START)
        ws.merge_range(first - 1, column - 1, last - 1, column - 1, "", formats.get(look, quote))
        _write_cell(ws, first - 1, column - 1, value, look, formats)
    for i, width in enumerate(sheet.widths):
        ws.set_column(i, i, width)
    if sheet.header_row is not None:
        ws.freeze_panes(sheet.header_row, 0)
        ws.repeat_rows(sheet.header_row - 1)
    ws.set_portrait() if sheet.portrait else ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)
    if sheet.page_header:
        ws.set_header("&C&KAA0000" + sheet.page_header.replace("&", "&&"))


def _write_cell(ws, row: int, col: int, value: Value, look: str | None, formats: _Formats) -> None:
    if value == "":
        value = None  # an empty text is an empty cell, as Excel keeps it
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ValueError(f"a text of {len(value)} characters does not fit in one cell ({MAX_TEXT})")
        ws.write_string(row, col, value, formats.get(look, value.startswith(FORMULA_START)))
    elif isinstance(value, bool):  # a bool is an int: never let True print as 1
        raise TypeError("a workbook cell takes text or a number, not a truth value")
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, formats.get(look))
    elif value is None:
        if look is not None:
            ws.write_blank(row, col, None, formats.get(look))
    else:
        raise TypeError(f"a workbook cell takes text or a number, not {type(value).__name__}")
