"""The signable RKT as a workbook, in the layout of the agency's target sheets: the
performance table on the first sheet (with the budget per unit and every unit's program
table below it), then one sheet per unit with its program table.

Every cell is inert (`inert_append`): no text may become a live formula.
"""

from __future__ import annotations

from typing import Any

from generator.core.model import Agency, Form
from generator.documents.provenance import Source
from generator.documents.sheets import RUPIAH_FORMAT, new_workbook, sheet_setup, to_bytes
from generator.plan.compile import DRAFT, CompiledRkt, plan_rows
from generator.source.workbook import inert_append

PROGRAM_HEADERS = ["No", "Tingkat", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja",
                   "Target Kinerja", "Satuan", "Anggaran (Rp)", "Penanggung Jawab"]
PROGRAM_WIDTHS = [5, 13, 20, 55, 50, 16, 12, 20, 34]
PERFORMANCE_WIDTHS = {"No": 5, "Sasaran": 40, "Indikator Kinerja": 50, "Satuan": 12, "Target": 16,
                      "Target Renstra": 16, "Cara Pengukuran": 50}

# The workbook's looks, as named cell styles (Excel shows the names in its style gallery):
# key: (name, font, header fill, wrapped and top-aligned, rupiah format); font None: the default
_LOOKS = {
    "header": ("RKT Judul Kolom", "bold", True, True, False),
    "bold": ("RKT Tebal", "bold", False, False, False),
    "draft": ("RKT Draf", "draft", False, False, False),
    "top": ("RKT Rata Atas", None, False, True, False),
    "top bold": ("RKT Rata Atas Tebal", "bold", False, True, False),
    "top italic": ("RKT Rata Atas Miring", "italic", False, True, False),
    "rupiah": ("RKT Rupiah", None, False, False, True),
    "rupiah bold": ("RKT Rupiah Tebal", "bold", False, False, True),
    "rupiah top": ("RKT Rupiah Rata Atas", None, False, True, True),
    "rupiah top bold": ("RKT Rupiah Rata Atas Tebal", "bold", False, True, True),
}


def _looks(wb: Any) -> dict:
    """`_LOOKS` added to `wb` as named styles; key -> the style of a cell (for `inert_append`)."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.styles.fonts import DEFAULT_FONT

    fonts = {None: DEFAULT_FONT, "bold": Font(bold=True), "italic": Font(italic=True),
             "draft": Font(bold=True, color="AA0000")}
    looks = {}
    for key, (name, font, fill, wrap, rupiah) in _LOOKS.items():
        style = NamedStyle(name, font=fonts[font], fill=PatternFill("solid", fgColor="DDDDDD") if fill else None,
                           alignment=Alignment(wrap_text=True, vertical="top") if wrap else None,
                           number_format=RUPIAH_FORMAT if rupiah else None)
        wb.add_named_style(style)
        looks[key] = style.as_tuple()
    return looks


def _program_rows(form: Form) -> list[list]:
    return [[row.number or "", row.level, row.code, row.name, row.indicator, "" if row.target is None else row.target,
             row.unit_of_measure or "", row.budget, row.responsible] for row in plan_rows(form)]


def _write_program_table(ws: Any, form: Form, looks: dict) -> None:
    plain = [looks["top"]] * 7 + [looks["rupiah top"], looks["top"]]
    bold = [looks["top bold"]] * 7 + [looks["rupiah top bold"], looks["top bold"]]
    for row in _program_rows(form):
        inert_append(ws, row, bold if row[1] == "Program" else plain)
    inert_append(ws, ["", "", "", "Jumlah", "", "", "", form.budget, ""],
                 [looks["bold"]] * 7 + [looks["rupiah bold"], looks["bold"]])


def _write_performance(ws: Any, rkt: CompiledRkt, looks: dict) -> None:
    """The performance table as printed: numbered per sasaran, the No and Sasaran cells merged
    over the sasaran's indicators; optional columns only when the plan has them."""
    headers = rkt.performance_headers()
    header = inert_append(ws, headers, looks["header"])[0].row
    target = headers.index("Target")
    pending = [looks["top"]] * len(headers)
    pending[target] = looks["top italic"]
    for g in rkt.groups:
        rows = []
        for i, row in enumerate(g.rows):
            cells: list = rkt.performance_cells(row)
            cells[target - 2] = row.target_value
            written = inert_append(ws, [g.number if i == 0 else None, g.objective.description if i == 0 else None,
                                        *cells], looks["top"] if row.filled else pending)
            rows.append(written[0].row)
        if len(rows) > 1:
            for column in (1, 2):
                ws.merge_cells(start_row=rows[0], start_column=column, end_row=rows[-1], end_column=column)
    sheet_setup(ws, [PERFORMANCE_WIDTHS[h] for h in headers], header_row=header)


def _write_program_summary(ws: Any, rkt: CompiledRkt, looks: dict) -> None:
    """The budget per unit, then every unit's program table, below the performance table."""
    budget = [None] * 7 + [looks["rupiah"]]
    inert_append(ws, [])
    inert_append(ws, ["No", "Unit", "", "", "", "", "", "Anggaran (Rp)"])
    for n, plan in enumerate(rkt.program_units, start=1):
        inert_append(ws, [n, plan.unit.name, "", "", "", "", "", plan.budget if plan.form else "belum diserahkan"],
                     budget)
    inert_append(ws, ["", "Jumlah seluruhnya", "", "", "", "", "", rkt.total_budget],
                 [None, looks["bold"], *budget[2:]])
    inert_append(ws, [])
    inert_append(ws, PROGRAM_HEADERS, looks["bold"])
    for plan in rkt.program_units:
        inert_append(ws, ["", plan.unit.name], [None, looks["bold"]])
        if plan.form is None:
            inert_append(ws, ["", "", "", "Form RKT unit ini belum diserahkan."])
            continue
        _write_program_table(ws, plan.form, looks)


def _mark_draft(ws: Any, rkt: CompiledRkt) -> None:
    """A draft says so on every printed page (the sheet's page header)."""
    if rkt.draft:
        ws.oddHeader.center.text = f"{DRAFT} - belum lengkap"
        ws.oddHeader.center.color = "AA0000"


def to_xlsx(rkt: CompiledRkt, agency: Agency, source: Source) -> bytes:
    wb = new_workbook()
    looks = _looks(wb)
    ws = wb.active
    ws.title = "RKT"
    inert_append(ws, [agency.government.upper()], looks["bold"])
    inert_append(ws, [agency.name.upper()], looks["bold"])
    inert_append(ws, [f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}"], looks["bold"])
    inert_append(ws, [f"{source.label} · sidik isi {source.fingerprint[:16]}"])
    inert_append(ws, [f"{DRAFT}: {rkt.draft_note}"] if rkt.draft else [], looks["draft"])
    _write_performance(ws, rkt, looks)
    if rkt.has_programs:  # no empty sections: a plan of targets only has no program tables
        _write_program_summary(ws, rkt, looks)
    _mark_draft(ws, rkt)
    for plan in rkt.program_units if rkt.has_programs else ():
        sheet = wb.create_sheet(title=plan.unit.short[:31])
        _mark_draft(sheet, rkt)
        inert_append(sheet, [plan.unit.name], looks["bold"])
        inert_append(sheet, [])
        sheet_setup(sheet, PROGRAM_WIDTHS, header_row=inert_append(sheet, PROGRAM_HEADERS, looks["header"])[0].row)
        if plan.form is None:
            inert_append(sheet, ["", "", "", "Form RKT unit ini belum diserahkan."])
            continue
        _write_program_table(sheet, plan.form, looks)
    return to_bytes(wb)
