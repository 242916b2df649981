"""The signable RKT as a workbook, in the layout of the agency's target sheets: the
performance table on the first sheet (with the budget per unit and every unit's program
table below it), then one sheet per unit with its program table.

Every cell is inert (`generator.documents.book`): no text may become a live formula.
"""

from __future__ import annotations

from generator.core.model import Agency, Form
from generator.documents.book import Book, Sheet
from generator.documents.provenance import Source
from generator.documents.unfilled import draft_note, mark_book
from generator.plan.compile import DRAFT, NO_BUDGET, CompiledRkt, plan_rows

PROGRAM_HEADERS = ["No", "Tingkat", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja",
                   "Target Kinerja", "Satuan", "Anggaran (Rp)", "Penanggung Jawab"]
PROGRAM_WIDTHS = [5, 13, 20, 55, 50, 16, 12, 20, 34]
PERFORMANCE_WIDTHS = {"No": 5, "Sasaran": 40, "Indikator Kinerja": 50, "Satuan": 12, "Target": 16,
                      "Target Renstra": 16, "Cara Pengukuran": 50}

def _amount(value: int | None) -> int | str:
    """An amount as a number, or "belum ada anggaran" when it is unknown (never 0)."""
    return NO_BUDGET if value is None else value


def _program_rows(form: Form) -> list[list]:
    return [[row.number or "", row.level, row.code, row.name, row.indicator, "" if row.target is None else row.target,
             row.unit_of_measure or "", NO_BUDGET if row.unknown_budget else row.budget, row.responsible]
            for row in plan_rows(form)]


def _write_program_table(ws: Sheet, form: Form) -> None:
    plain = ["top"] * 7 + ["rupiah top", "top"]
    bold = ["top bold"] * 7 + ["rupiah top bold", "top bold"]
    for row in _program_rows(form):
        ws.append(row, bold if row[1] == "Program" else plain)
    ws.append(["", "", "", "Jumlah", "", "", "", _amount(form.total), ""], ["bold"] * 7 + ["rupiah bold", "bold"])


def _write_performance(ws: Sheet, rkt: CompiledRkt) -> None:
    """The performance table as printed: numbered per sasaran, the No and Sasaran cells merged
    over the sasaran's indicators; optional columns only when the plan has them."""
    layout = rkt.performance_columns()
    headers = layout.headers
    header = ws.append(headers, "header")
    target = headers.index("Target")
    pending: list[str | None] = ["top"] * len(headers)
    pending[target] = "top italic"
    for g in rkt.groups:
        rows = []
        for i, row in enumerate(g.rows):
            cells: list = layout.cells(row)
            cells[target - 2] = row.target_value
            rows.append(ws.append([g.number if i == 0 else None, g.objective.description if i == 0 else None,
                                   *cells], "top" if row.filled else pending))
        for column in (1, 2):
            ws.merge(rows[0], rows[-1], column)
    ws.setup([PERFORMANCE_WIDTHS[h] for h in headers], header_row=header)


def _write_program_summary(ws: Sheet, rkt: CompiledRkt) -> None:
    """The budget per unit, then every unit's program table, below the performance table."""
    budget: list[str | None] = [None] * 7 + ["rupiah"]
    ws.append([])
    ws.append(["No", "Unit", "", "", "", "", "", "Anggaran (Rp)"])
    for n, plan in enumerate(rkt.program_units, start=1):
        amount = _amount(plan.total) if plan.form else "belum diserahkan"
        ws.append([n, plan.unit.name, "", "", "", "", "", amount], budget)
    ws.append(["", "Jumlah seluruhnya", "", "", "", "", "", _amount(rkt.total)], [None, "bold", *budget[2:]])
    ws.append([])
    ws.append(PROGRAM_HEADERS, "bold")
    for plan in rkt.program_units:
        ws.append(["", plan.unit.name], [None, "bold"])
        if plan.form is None:
            ws.append(["", "", "", "Form RKT unit ini belum diserahkan."])
            continue
        _write_program_table(ws, plan.form)


def _declare_unfilled(book: Book, title_row: int, draft_row: int, rkt: CompiledRkt, count: int) -> None:
    """A workbook with placeholders is a DRAF: in its title, on the line below it and on every
    printed page, with the reason."""
    ws = book.sheets[0]
    ws.set(title_row, 1, f"{ws.cell(title_row, 1)} ({DRAFT})", "bold")
    line = ws.cell(draft_row, 1)
    ws.set(draft_row, 1, f"{line} {draft_note(count)}" if rkt.draft else f"{DRAFT}. {draft_note(count)}", "draft")
    for sheet in book.sheets:
        sheet.page_header = f"{DRAFT} - belum dapat ditandatangani"


def to_xlsx(rkt: CompiledRkt, agency: Agency, source: Source) -> bytes:
    book = Book()
    ws = book.sheet("RKT")
    # a draft says so on every printed page (the sheet's page header)
    draft_header = f"{DRAFT} - belum lengkap" if rkt.draft else None
    kop = rkt.kop(agency)  # a signed year's as it was signed, never agency.yaml as it is now
    ws.append([kop.government.upper()], "bold")
    ws.append([kop.name.upper()], "bold")
    title_row = ws.append([f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}"], "bold")
    ws.append([f"{source.label} · sidik isi {source.fingerprint[:16]}"])
    draft_row = ws.append([f"{DRAFT}: {rkt.draft_note}"] if rkt.draft else [], "draft")
    _write_performance(ws, rkt)
    if rkt.has_programs:  # no empty sections: a plan of targets only has no program tables
        _write_program_summary(ws, rkt)
    ws.page_header = draft_header
    for plan in rkt.program_units if rkt.has_programs else ():
        sheet = book.sheet(plan.unit.short)
        sheet.page_header = draft_header
        sheet.append([plan.unit.name], "bold")
        sheet.append([])
        sheet.setup(PROGRAM_WIDTHS, header_row=sheet.append(PROGRAM_HEADERS, "header"))
        if plan.form is None:
            sheet.append(["", "", "", "Form RKT unit ini belum diserahkan."])
            continue
        _write_program_table(sheet, plan.form)
    unfilled = mark_book(book)
    if unfilled:
        _declare_unfilled(book, title_row, draft_row, rkt, unfilled)
    return book.to_bytes()
