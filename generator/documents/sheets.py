"""The workbook set-up that every signable XLSX shares (the RKT and the Perjanjian Kinerja):
fixed document properties, column widths, the header row repeated on every printed page, A4
fitted to the page width, and the bytes made reproducible.

Cells are written through `generator.source.workbook.inert_append` only: the files are
published for anyone to download, so no text cell may ever become a live formula.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from generator.source.workbook import deterministic_zip

RUPIAH_FORMAT = '"Rp" #,##0'


def new_workbook() -> Any:
    """An empty openpyxl Workbook whose properties do not depend on when or where it is made."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = "rkt-dashboard"
    wb.properties.created = wb.properties.modified = dt.datetime(2000, 1, 1)
    return wb


def sheet_setup(ws: Any, widths: list[int], orientation: str = "landscape", header_row: int | None = None) -> None:
    """Column widths, A4 fitted to the page width; with `header_row`, that row frozen and
    repeated on every printed page."""
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    if header_row is not None:
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def to_bytes(wb: Any) -> bytes:
    """The workbook as an .xlsx file: the same content gives the same bytes."""
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())
