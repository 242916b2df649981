"""The Perjanjian Kinerja's lampiran as a workbook: both tables (the sasaran cells merged over
their indicators), the parties and the place and date; amounts are numbers in Rupiah format.

Every cell is inert (`generator.documents.book`): no text may become a live formula.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.documents import unfilled
from generator.documents.book import Book, Sheet, Value
from generator.documents.provenance import Source
from generator.plan.agreement import Agreement
from generator.plan.compile import DRAFT, NO_BUDGET

PROGRAM_HEADERS = ["No", "Program", "Anggaran (Rp)", "Keterangan"]
WIDTHS = [6, 45, 50, 26, 16]  # the two tables share the columns


def _line(ws: Sheet, values: Sequence[Value], bold: bool = False, looks: dict[int, str] | None = None) -> int:
    """A row of `ws`, every cell wrapped and top-aligned; `looks`: a column's (from 1) own look."""
    base = "top bold" if bold else "top"
    return ws.append(values, [(looks or {}).get(col, base) for col in range(1, len(values) + 1)])


def to_xlsx(pk: Agreement, source: Source, date_text: str | None = None) -> bytes:
    """The lampiran as a workbook; `date_text`: the signing date in words."""
    book = Book()
    ws = book.sheet("Perjanjian Kinerja")
    for text in (pk.government.upper(), pk.agency.upper(), f"PERJANJIAN KINERJA TAHUN {pk.year}"):
        title = _line(ws, [text], bold=True)
    _line(ws, [f"{source.label} · {pk.made_from}, sidik isi {source.fingerprint[:16]}"])
    _line(ws, [])  # the DRAF line of a lampiran with placeholders left
    for party in (pk.first, pk.second):
        _line(ws, [party.label.title(), party.name, party.position])
    _performance(ws, pk)
    if pk.programs:  # a targets-only PK has no program table, not an empty one with "Jumlah 0"
        _programs(ws, pk)
    _signatures(ws, pk, date_text)
    ws.setup(WIDTHS, portrait=True)
    _declare_unfilled(ws, title, unfilled.mark_book(book))
    if pk.draft:
        _declare_draft(ws, title, f"{DRAFT} - {pk.draft}")
    return book.to_bytes()


def _declare_draft(ws: Sheet, title: int, note: str) -> None:
    """A PK made before its RKT is signed is a DRAF: in its title, on the line below (what it was
    made from, before a placeholder note if any), on every page."""
    heading = str(ws.cell(title, 1))
    if not heading.endswith(f"({DRAFT})"):
        ws.set(title, 1, f"{heading} ({DRAFT})", "top bold")
    line = ws.cell(title + 2, 1)
    ws.set(title + 2, 1, note if line is None else f"{note} {line}", "draft")
    ws.page_header = f"{DRAFT} - belum dapat ditandatangani"


def _declare_unfilled(ws: Sheet, title: int, count: int) -> None:
    """A lampiran with placeholders left is a DRAF: in its title, on the line below, on every page."""
    if not count:
        return
    ws.set(title, 1, f"{ws.cell(title, 1)} ({DRAFT})", "top bold")
    ws.set(title + 2, 1, f"{DRAFT}. {unfilled.draft_note(count)}", "draft")
    ws.page_header = f"{DRAFT} - belum dapat ditandatangani"


def _performance(ws: Sheet, pk: Agreement) -> None:
    _line(ws, [])
    _line(ws, ["Sasaran Strategis, Indikator Kinerja dan Target"], bold=True)
    headers = pk.headers()
    _line(ws, headers, bold=True)
    for g in pk.groups:
        first = ws.last_row + 1
        for i, row in enumerate(g.rows):
            cells: list = pk.cells(row)
            if len(row.distinct) == 1 and isinstance(row.distinct[0].target, int):
                cells[-1] = row.distinct[0].target  # a whole number stays a number
            _line(ws, [g.number if i == 0 else None, g.objective if i == 0 else None, *cells],
                  looks=None if row.filled else {len(headers): "top italic"})
        for column in (1, 2):
            ws.merge(first, ws.last_row, column)


def _programs(ws: Sheet, pk: Agreement) -> None:
    _line(ws, [])
    _line(ws, ["Program dan Anggaran"], bold=True)
    _line(ws, PROGRAM_HEADERS, bold=True)
    for p in pk.programs:
        _line(ws, [p.number, p.label, NO_BUDGET if p.budget is None else p.budget, p.note],
              looks={3: _amount_look(p.budget, bold=False)})
    total = pk.total_budget
    _line(ws, ["", "Jumlah", NO_BUDGET if total is None else total, ""], bold=True,
          looks={3: _amount_look(total, bold=True)})


def _amount_look(value: int | None, bold: bool) -> str:
    """A number in Rupiah format; "belum ada anggaran" set apart in italics."""
    return ("top bold " if bold else "top ") + ("italic" if value is None else "rupiah")


def _signatures(ws: Sheet, pk: Agreement, date_text: str | None) -> None:
    """Pihak kedua in column B, pihak pertama in column D, their names on one row."""
    _line(ws, [])
    _line(ws, ["", "", "", pk.place_date(date_text)])
    for left, right in ((f"{pk.second.label},", f"{pk.first.label},"), (pk.second.position, pk.first.position)):
        _line(ws, ["", left, "", right])
    _line(ws, [])
    _line(ws, ["", pk.second.name, "", pk.first.name], bold=True)
    for left_line, right_line in ((pk.second.rank, pk.first.rank), (pk.second.nip_line, pk.first.nip_line)):
        if left_line or right_line:
            _line(ws, ["", left_line or "", "", right_line or ""])
