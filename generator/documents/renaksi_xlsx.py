"""The Rencana Aksi as a workbook: the same paper as the PDF (`renaksi_paper`), the sasaran cells
merged over their indicators, the quarterly budget plan in Rupiah format, the head's signature.

Every cell is inert (`generator.documents.book`): no text may become a live formula.
"""

from __future__ import annotations

from generator.documents.book import Book
from generator.documents.provenance import Source
from generator.documents.renaksi_paper import BUDGET_HEADERS, RenaksiPaper, listed
from generator.documents.year_paper import finish_book, sheet_head, signature_rows

WIDTHS = [5, 32, 38, 10, 12, 9, 9, 9, 9, 48, 30, 44]


def _plan(ws, paper: RenaksiPaper) -> int:
    header = ws.append(list(paper.headers), "header")
    first, previous = 0, None
    for line in paper.lines:
        lead: list = [line.number, line.objective] if line.number != previous else [None, None]
        if line.number != previous:
            if previous is not None:
                ws.merge(first, ws.last_row, 1)
                ws.merge(first, ws.last_row, 2)
            first, previous = ws.last_row + 1, line.number
        ws.append([*lead, line.indicator, line.unit, line.target, *line.quarters, listed(line.actions),
                   "\n".join(line.responsible), listed(line.activities)],
                  "top italic" if line.missing else "top")
    if previous is not None:
        ws.merge(first, ws.last_row, 1)
        ws.merge(first, ws.last_row, 2)
    return header


def _budget(ws, paper: RenaksiPaper) -> None:
    ws.append([])
    ws.append(["Rencana Anggaran per Triwulan"], "bold")
    ws.append(list(BUDGET_HEADERS), "header")
    for n, b in enumerate(paper.budget, start=1):
        pagu = ("belum ada anggaran", "top italic") if b.budget is None else (b.budget, "top rupiah")
        ws.append([n, b.unit, b.program, pagu[0], *b.amounts], ["top", "top", "top", pagu[1]] + ["top rupiah"] * 4)


def to_xlsx(paper: RenaksiPaper, source: Source) -> bytes:
    book = Book()
    ws = book.sheet("Rencana Aksi")
    title = sheet_head(ws, paper.letterhead, paper.title, source, paper.notes)
    ws.append([])
    header = _plan(ws, paper)
    if paper.budget:
        _budget(ws, paper)
    signature_rows(ws, paper.signature, 11)
    ws.setup(WIDTHS, header_row=header)
    finish_book(book, title, paper.draft)
    return book.to_bytes()
