"""Writing XLSX files that are inert and reproducible: every text that a spreadsheet would
read as a formula is stored as text, and the zip carries fixed times so the same data gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


# What makes Excel or LibreOffice read typed text as a formula (OWASP "CSV injection"),
# tab and carriage return included because both are skipped before the formula is parsed.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# OOXML's own escape (_xHHHH_) that Excel decodes inside strings: a literal one in user
# text must have its underscore escaped, or Excel shows a different text.
_OOXML_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def inert_append(ws, values: list, looks: object = None) -> list:
    """`ws.append` for rows that may hold user text: every text stays text. Returns the
    row's cells. `looks`: their style (see `_looks`), one for every cell or a list of one each.

    openpyxl turns any str starting with "=" into a formula; a text cell starting
    with "+", "-" or "@" is stored as text but becomes a formula as soon as a user
    edits it. Such cells are forced to the string type and get the quotePrefix
    style (Excel's leading apostrophe), which keeps them text after an edit too.
    Numbers are left as numbers. The cells are made here, styled as they are made, and
    handed back: `ws[ws.max_row]` scans the whole sheet (quadratic in its rows), and
    setting a Font or Alignment per cell compares it with every style so far."""
    from openpyxl.cell import Cell

    if not isinstance(looks, list):
        looks = [looks] * len(values)
    cells = []
    for value, look in zip(values, looks, strict=False):
        cell = Cell(ws, value=_OOXML_ESCAPE.sub("_x005F_", value) if isinstance(value, str) else value,
                    style_array=look)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True  # on the cell's own copy of its style
        cells.append(cell)
    ws.append(cells)
    return cells


def deterministic_zip(data: bytes) -> bytes:
    """openpyxl stamps the current time into the zip entries; same content, same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/") or info.filename == "xl/sharedStrings.xml":
                # openpyxl writes a carriage return raw, and every XML reader turns a raw one
                # into a line feed: a character reference keeps the text exactly as typed
                data = data.replace(b"\r", b"&#13;")
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" at save time
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            dst.writestr(fixed, data)
    return out.getvalue()
