"""The look that the fill-in templates share (the form's and the Renstra's): a bold, shaded
header row with its column widths, frozen above the rows to fill, and A4 landscape pages
that repeat it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.source.workbook import inert_append


def header_row(ws: Any, names: list[str], widths: list[int]) -> None:
    """`names` as the first row of `ws`, bold on grey and wrapped, each column `widths` wide."""
    from openpyxl.styles import Alignment, Font, PatternFill

    inert_append(ws, names)
    fill = PatternFill("solid", fgColor="DDDDDD")
    for i, cell in enumerate(ws[1]):
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[cell.column_letter].width = widths[i]
    ws.freeze_panes = "A2"


def print_setup(ws: Any) -> None:
    """A4 landscape, the header row repeated on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"


def text_format(ws: Any, columns: Iterable[int], last: int) -> None:
    """Rows 2 to `last` of `columns` (1-based) formatted as text: Excel keeps "0,70", "92%" and
    "5.03.02" as typed instead of turning them into numbers."""
    for r in range(2, last + 1):
        for c in columns:
            ws.cell(row=r, column=c).number_format = "@"
