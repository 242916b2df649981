"""The quarterly report template: the unit's indicators from its Rencana Aksi with the
quarter's target (read only) and columns for the realisation, the drivers, obstacles,
follow-up and evidence; and the unit's programs, kegiatan and sub kegiatan with their pagu and
a column for the quarter's spending. Prefilled from an existing report of the quarter. Its
sheets and columns (defined here) are what `laporan_import` reads back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.core.fmt import date_id
from generator.core.model import NO_BUDGET, ValidRepository
from generator.core.year import QUARTER_NAMES, quarter_end
from generator.source.workbook import deterministic_zip, inert_append
from generator.spreadsheets.performance_cells import codes_text, instructed_table, shape_rows
from generator.spreadsheets.performance_rows import budget_lines, form_of, indicator_lines

REALISATION = "Realisasi"
SPENDING = "Anggaran"
SHEET_ORDER = {REALISATION: 1, SPENDING: 2}
SPENDING_HEADERS = ["Tingkat", "Kode", "Nama", "Pagu (Rp)", "Realisasi triwulan ini (Rp)"]
TARGET_COLUMN = 4  # "Target TW III": the header says which quarter the workbook reports


def realisation_headers(quarter: int) -> list[str]:
    return ["Kode", "Indikator", "Satuan", f"Target {QUARTER_NAMES[quarter]}", "Realisasi", "Faktor pendorong",
            "Faktor penghambat", "Tindak lanjut", "Bukti"]


def report_lines(year: int, quarter: int, unit: str, unit_name: str) -> list[str]:
    end = quarter_end(year, quarter)
    return [
        f"LAPORAN {QUARTER_NAMES[quarter].replace('TW', 'TRIWULAN')} TAHUN {year} — {unit_name} (kode unit: {unit})",
        "Isi 'Realisasi' dalam satuan yang sama dengan targetnya (0,65 · 86% · 2 dokumen · BB); tulis '-' bila belum "
        "dapat diukur. Indikator yang tidak dilaporkan triwulan ini: biarkan kolom isiannya kosong.",
        "Faktor pendorong, faktor penghambat dan tindak lanjut: kalimat singkat. Bukti: nama berkas di folder siklus, "
        f"misalnya bukti/tw{quarter}-rekap.pdf, dipisah koma.",
        "Kolom berwarna abu-abu diambil dari Renstra dan Rencana Aksi: jangan diubah. Jangan memakai rumus (=...) dan "
        "jangan menyembunyikan baris, kolom atau lembar.",
        f"Triwulan ini berakhir {date_id(end)}; laporannya dapat diimpor mulai {date_id(end + dt.timedelta(1))}: "
        f"rkt import {year} {unit} berkas.xlsx. Kesalahan dilaporkan per sel, misalnya {REALISATION}!E8.",
    ]


def spending_lines(quarter: int) -> list[str]:
    return [
        f"REALISASI ANGGARAN {QUARTER_NAMES[quarter].replace('TW', 'TRIWULAN')} (bukan kumulatif)",
        "Isi realisasi triwulan ini dalam Rupiah bulat, tanpa 'Rp' dan titik, misalnya 60000000, pada tingkat yang "
        "dicatat (program, kegiatan atau sub kegiatan); baris lain biarkan kosong.",
    ]


def template(repo: ValidRepository, year: int, quarter: int, unit: str, unit_name: str, plan: dict,
             old: dict | None) -> bytes:
    """The report workbook of `unit` for `quarter`: the indicators of `plan` (its Rencana Aksi,
    schema-shaped), prefilled from `old` (its current report of the quarter) when there is one."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = REALISATION
    _realisation_sheet(ws, repo, year, quarter, unit, unit_name, plan, old or {})
    _spending_sheet(wb.create_sheet(SPENDING), repo, year, quarter, unit, old or {})
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def planned_targets(plan: dict, quarter: int) -> dict[str, str | int]:
    """Each indicator of the Rencana Aksi with its target in `quarter`, in the plan's order."""
    return {x["kode"]: x["target_triwulan"][quarter - 1] for x in plan.get("indikator", [])}


def _realisation_sheet(ws: Any, repo: ValidRepository, year: int, quarter: int, unit: str, unit_name: str,
                       plan: dict, old: dict) -> None:
    head = instructed_table(ws, report_lines(year, quarter, unit, unit_name), realisation_headers(quarter),
                            [10, 45, 12, 12, 12, 40, 40, 40, 30])
    targets = planned_targets(plan, quarter)
    lines = {x.code: x for x in indicator_lines(repo, year, unit, list(targets))}
    reported = {x["kode"]: x for x in old.get("realisasi", [])}
    for code, target in targets.items():
        line, r = lines.get(code), reported.get(code, {})
        inert_append(ws, [code, line.description if line else "", (line.unit or "") if line else "", target,
                          r.get("realisasi", ""), r.get("faktor_pendorong", ""), r.get("faktor_penghambat", ""),
                          r.get("tindak_lanjut", ""), codes_text(r.get("bukti", []))])
    shape_rows(ws, head + 1, max(ws.max_row, head + 1), editable=range(5, 10))


def _spending_sheet(ws: Any, repo: ValidRepository, year: int, quarter: int, unit: str, old: dict) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    head = instructed_table(ws, spending_lines(quarter), SPENDING_HEADERS, [14, 22, 60, 18, 22])
    spent = {str(x["kode"]): x["realisasi"] for x in old.get("anggaran", [])}
    for line in budget_lines(form_of(repo, year, unit)):
        pagu: object = line.budget if line.budget is not None else NO_BUDGET
        inert_append(ws, [line.level, line.code, line.name, pagu, spent.get(line.code, "")])
    last = max(ws.max_row, head + 1)
    shape_rows(ws, head + 1, last, editable=(5,), numbers=(5,))
    for r in range(head + 1, last + 1):
        ws.cell(row=r, column=4).number_format = "#,##0"
    money = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Realisasi anggaran",
                           error="Rupiah bulat tanpa titik dan tanpa 'Rp'.")
    ws.add_data_validation(money)
    money.add(f"E{head + 1}:E{last}")
