"""The capaian as a workbook: the same paper as the PDF (`capaian_paper`), one sheet per table
(the LKjIP Bab III table, the quarterly monitoring of the indicators, the budget and its serapan),
amounts as numbers in Rupiah format, the head's signature after the last table.

Every cell is inert (`generator.documents.book`): no text may become a live formula.
"""

from __future__ import annotations

from generator.core.year import QUARTER_NAMES, QUARTERS
from generator.documents.book import Book, Sheet
from generator.documents.capaian_paper import ROMAN, CapaianPaper
from generator.documents.provenance import Source
from generator.documents.year_paper import NOT_ENDED, NOT_REPORTED, finish_book, sheet_head, signature_rows
from generator.plan.compile import NO_BUDGET

BAB3_WIDTHS = [6, 44, 11, 12, 12, 12, 14, 13, 70]
MONITORING_WIDTHS = [6, 44, 11, 15, 15, 15, 15, 40]
SPENDING_WIDTHS = [5, 40, 32, 18, 18, 17, 17, 17, 17]
_SET_APART = (NOT_ENDED, NOT_REPORTED)


def _bab3(ws: Sheet, paper: CapaianPaper) -> int:
    span = f"s.d. TW {ROMAN[paper.through]}"
    header = ws.append(["No", "Indikator Kinerja", "Satuan", f"Target {paper.year}", f"Target {span}",
                        f"Realisasi {span}", "Capaian (%)", "Kategori", "Perhitungan"], "header")
    group = None
    for line in paper.lines:
        if line.group != group:
            group = line.group
            ws.append([line.group, f"Sasaran: {line.objective}"], "top bold")
        ws.append([line.number, line.indicator, line.unit, line.target, line.target_so_far, line.realised,
                   line.capaian, line.category, line.working], "top italic" if line.pending else "top")
    ws.append([])
    ws.append(["", f"Keterangan: {paper.rules}"], "top")
    return header


def _monitoring(ws: Sheet, paper: CapaianPaper) -> int:
    header = ws.append(["No", "Indikator Kinerja", "Uraian", *(QUARTER_NAMES[q] for q in QUARTERS),
                        "Penanggung Jawab"], "header")
    for number in dict.fromkeys(line.number for line in paper.quarters):
        first = ws.last_row + 1
        for line in (x for x in paper.quarters if x.number == number):
            looks = ["top"] * 3 + ["top italic" if c in _SET_APART else "top" for c in line.cells] + ["top"]
            ws.append([line.number, line.indicator, line.label, *line.cells, line.responsible], looks)
        for column in (1, 2, 8):
            ws.merge(first, ws.last_row, column)
    return header


def _spending(ws: Sheet, paper: CapaianPaper) -> int:
    header = ws.append(["No", "Program", "Unit", "Pagu (Rp)", "Uraian", *(QUARTER_NAMES[q] for q in QUARTERS)],
                       "header")
    for number in dict.fromkeys(line.number for line in paper.spending):
        first = ws.last_row + 1
        for i, line in enumerate(x for x in paper.spending if x.number == number):
            pagu = (NO_BUDGET, "top italic") if line.budget is None else (line.budget, "top rupiah")
            looks = ["top italic" if c in _SET_APART else "top rupiah" if isinstance(c, int) else "top"
                     for c in line.cells]
            lead = [line.number, line.program, line.unit, pagu[0]] if i == 0 else [None] * 4
            ws.append([*lead, line.label, *line.cells], ["top", "top", "top", pagu[1], "top", *looks])
        for column in (1, 2, 3, 4):
            ws.merge(first, ws.last_row, column)
    return header


def to_xlsx(paper: CapaianPaper, source: Source) -> bytes:
    book = Book()
    ws = book.sheet("Capaian")
    title = sheet_head(ws, paper.letterhead, f"{paper.title} {paper.span}", source, paper.notes)
    ws.append([])
    ws.setup(BAB3_WIDTHS, header_row=_bab3(ws, paper))
    sheets = [(book.sheet("Pemantauan Triwulan"), _monitoring, MONITORING_WIDTHS,
               "B. Pemantauan Triwulan: Target, Realisasi dan Capaian Indikator")]
    if paper.spending:
        sheets.append((book.sheet("Serapan Anggaran"), _spending, SPENDING_WIDTHS,
                       "C. Realisasi Anggaran per Program dan Serapan"))
    for sheet, table, widths, heading in sheets:
        sheet.append([heading], "bold")
        sheet.append([])
        sheet.setup(widths, header_row=table(sheet, paper))
    last = sheets[-1][0]
    signature_rows(last, paper.signature, len(last.widths) - 1)
    finish_book(book, title, paper.draft)
    return book.to_bytes()
