"""The Perjanjian Kinerja's lampiran as a workbook: both tables (the sasaran cells merged over
their indicators), the parties and the place and date; amounts are numbers in Rupiah format.

Every cell is inert (`inert_append`): no text may become a live formula.
"""

from __future__ import annotations

from typing import Any

from generator.documents.provenance import Source
from generator.documents.sheets import RUPIAH_FORMAT, new_workbook, sheet_setup, to_bytes
from generator.plan.agreement import Agreement
from generator.source import workbook

PROGRAM_HEADERS = ["No", "Program", "Anggaran (Rp)", "Keterangan"]
WIDTHS = [6, 45, 50, 26, 16]  # the two tables share the columns


class _Sheet:
    """Rows appended to one worksheet, every cell wrapped and top-aligned (inert: workbook.inert_append)."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.styles import Alignment, Font

        self.ws = ws
        self.bold, self.italic = Font(bold=True), Font(italic=True)
        self.top = Alignment(wrap_text=True, vertical="top")

    def line(self, values: list, bold: bool = False) -> int:
        workbook.inert_append(self.ws, values)
        row = self.ws.max_row
        for col in range(1, len(values) + 1):
            cell = self.ws.cell(row=row, column=col)
            cell.alignment = self.top
            if bold:
                cell.font = self.bold
        return row


def to_xlsx(pk: Agreement, source: Source, date_text: str | None = None) -> bytes:
    """The lampiran as a workbook; `date_text`: the signing date in words."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Perjanjian Kinerja"
    sheet = _Sheet(ws)
    for text in (pk.government.upper(), pk.agency.upper(), f"PERJANJIAN KINERJA TAHUN {pk.year}"):
        sheet.line([text], bold=True)
    sheet.line([f"{source.label} · RKT {pk.year} versi {pk.rkt.version}, sidik isi {source.fingerprint[:16]}"])
    sheet.line([])
    for party in (pk.first, pk.second):
        sheet.line([party.label.title(), party.name, party.position])
    _performance(sheet, pk)
    _programs(sheet, pk)
    _signatures(sheet, pk, date_text)
    sheet_setup(ws, WIDTHS, orientation="portrait")
    return to_bytes(wb)


def _performance(sheet: _Sheet, pk: Agreement) -> None:
    ws = sheet.ws
    sheet.line([])
    sheet.line(["Sasaran Strategis, Indikator Kinerja dan Target"], bold=True)
    headers = pk.headers()
    sheet.line(headers, bold=True)
    for g in pk.groups:
        first = ws.max_row + 1
        for i, row in enumerate(g.rows):
            cells: list = pk.cells(row)
            if len(row.distinct) == 1 and isinstance(row.distinct[0].target, int):
                cells[-1] = row.distinct[0].target  # a whole number stays a number
            written = sheet.line([g.number if i == 0 else None, g.objective if i == 0 else None, *cells])
            if not row.filled:
                ws.cell(row=written, column=len(headers)).font = sheet.italic
        if len(g.rows) > 1:
            for column in (1, 2):
                ws.merge_cells(start_row=first, start_column=column, end_row=ws.max_row, end_column=column)


def _programs(sheet: _Sheet, pk: Agreement) -> None:
    sheet.line([])
    sheet.line(["Program dan Anggaran"], bold=True)
    sheet.line(PROGRAM_HEADERS, bold=True)
    for p in pk.programs:
        row = sheet.line([p.number, f"{p.code} {p.name}", "belum diisi" if p.budget is None else p.budget, p.note])
        sheet.ws.cell(row=row, column=3).number_format = RUPIAH_FORMAT
    row = sheet.line(["", "Jumlah", pk.total_budget, ""], bold=True)
    sheet.ws.cell(row=row, column=3).number_format = RUPIAH_FORMAT


def _signatures(sheet: _Sheet, pk: Agreement, date_text: str | None) -> None:
    """Pihak kedua in column B, pihak pertama in column D, their names on one row."""
    sheet.line([])
    sheet.line(["", "", "", pk.place_date(date_text)])
    for left, right in ((f"{pk.second.label},", f"{pk.first.label},"), (pk.second.position, pk.first.position)):
        sheet.line(["", left, "", right])
    sheet.line([])
    sheet.line(["", pk.second.name, "", pk.first.name], bold=True)
    for left_line, right_line in ((pk.second.rank, pk.first.rank), (pk.second.nip_line, pk.first.nip_line)):
        if left_line or right_line:
            sheet.line(["", left_line or "", "", right_line or ""])
