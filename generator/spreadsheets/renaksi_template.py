"""The Rencana Aksi template: the workbook a unit fills in with the quarterly targets of its
indicators, the person responsible, the kegiatan that carry each and the actions, plus the
quarterly spending plan of its programs; prefilled from its existing Rencana Aksi. Its sheets
and columns (defined here) are what `renaksi_import` reads back.
"""

from __future__ import annotations

from typing import Any

from generator.core.model import NO_BUDGET, ValidRepository
from generator.source.workbook import deterministic_zip, inert_append
from generator.spreadsheets.performance_cells import actions_text, codes_text, instructed_table, shape_rows
from generator.spreadsheets.performance_rows import budget_lines, form_of, indicator_lines

PLAN = "Rencana Aksi"
BUDGET = "Rencana Anggaran"
STAFF = "Pegawai"
ACTIVITIES = "Kegiatan"
SHEET_ORDER = {PLAN: 1, BUDGET: 2}
PLAN_HEADERS = ["Kode", "Indikator", "Satuan", "Target tahun", "TW I", "TW II", "TW III", "TW IV",
                "Penanggung jawab", "Kegiatan pendukung", "Rencana aksi"]
BUDGET_HEADERS = ["Kode Program", "Program", "Pagu (Rp)", "TW I (Rp)", "TW II (Rp)", "TW III (Rp)", "TW IV (Rp)"]


def plan_lines(year: int, unit: str, unit_name: str) -> list[str]:
    return [
        f"RENCANA AKSI TAHUN {year} — {unit_name} (kode unit: {unit})",
        "Isi target setiap triwulan (TW I–IV) seperti target ditulis di Renstra, misalnya 0,63 · 85% · 2 dokumen · "
        "BB; tulis '-' bila triwulan itu tidak bertarget. Target tahun harus sama dengan hasil agregasi keempatnya.",
        f"Penanggung jawab: kode pegawai dari lembar '{STAFF}'. Kegiatan pendukung: kode kegiatan atau sub kegiatan "
        f"Form RKT unit ini (lembar '{ACTIVITIES}'), dipisah koma.",
        "Rencana aksi: satu aksi per baris di dalam sel (Alt+Enter), diakhiri triwulan pelaksanaannya di dalam "
        "kurung, misalnya: Evaluasi penerapan sistem merit (TW I, TW III).",
        "Kolom berwarna abu-abu diambil dari Renstra dan Form RKT: jangan diubah. Indikator yang tidak direncanakan "
        "unit ini: biarkan kolom isiannya kosong. Jangan memakai rumus (=...) dan jangan menyembunyikan baris, "
        "kolom atau lembar.",
        f"Pemeriksa menjalankan: rkt import {year} {unit} berkas.xlsx. Kesalahan dilaporkan per sel, misalnya "
        f"'{PLAN}'!E8.",
    ]


def budget_lines_text(year: int) -> list[str]:
    return [
        f"RENCANA PENYERAPAN ANGGARAN TAHUN {year} PER PROGRAM (boleh dikosongkan)",
        "Isi rencana penyerapan setiap triwulan dalam Rupiah bulat, tanpa 'Rp' dan titik, misalnya 150000000; "
        "isi keempat triwulan (0 bila tidak ada penyerapan) atau kosongkan semuanya.",
    ]


def template(repo: ValidRepository, year: int, unit: str, unit_name: str, old: dict | None) -> bytes:
    """The Rencana Aksi workbook of `unit` for `year`, prefilled from `old` (its current
    Rencana Aksi, schema-shaped) when there is one."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = PLAN
    _plan_sheet(ws, repo, year, unit, unit_name, old or {})
    _budget_sheet(wb.create_sheet(BUDGET), repo, year, unit, old or {})
    _staff_sheet(wb.create_sheet(STAFF), repo)
    _activity_sheet(wb.create_sheet(ACTIVITIES), repo, year, unit)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def _plan_sheet(ws: Any, repo: ValidRepository, year: int, unit: str, unit_name: str, old: dict) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    head = instructed_table(ws, plan_lines(year, unit, unit_name), PLAN_HEADERS,
                            [10, 45, 12, 12, 10, 10, 10, 10, 20, 28, 60])
    planned = {x["kode"]: x for x in old.get("indikator", [])}
    for line in indicator_lines(repo, year, unit, list(planned)):
        x = planned.get(line.code, {})
        quarters = list(x.get("target_triwulan", ["", "", "", ""]))
        inert_append(ws, [line.code, line.description, line.unit or "",
                          "" if line.year_target is None else line.year_target, *quarters,
                          x.get("penanggung_jawab", ""), codes_text(x.get("kegiatan", [])),
                          actions_text(x.get("aksi", []))])
    last = max(ws.max_row, head + 1)
    shape_rows(ws, head + 1, last, editable=range(5, 12))
    people = DataValidation(type="list", formula1=f"='{STAFF}'!$A$2:$A${len(repo.agency.persons) + 1}",
                            allow_blank=True, showErrorMessage=True, errorTitle="Penanggung jawab",
                            error=f"Pilih kode pegawai dari lembar '{STAFF}'.")
    ws.add_data_validation(people)
    people.add(f"I{head + 1}:I{last}")


def _budget_sheet(ws: Any, repo: ValidRepository, year: int, unit: str, old: dict) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    head = instructed_table(ws, budget_lines_text(year), BUDGET_HEADERS, [16, 50, 18, 16, 16, 16, 16])
    planned = {b["program"]: b["triwulan"] for b in old.get("anggaran", [])}
    for line in budget_lines(form_of(repo, year, unit)):
        if line.level == "Program":
            pagu: object = line.budget if line.budget is not None else NO_BUDGET
            inert_append(ws, [line.code, line.name, pagu, *planned.get(line.code, ["", "", "", ""])])
    last = max(ws.max_row, head + 1)
    shape_rows(ws, head + 1, last, editable=range(4, 8), numbers=range(4, 8))
    for r in range(head + 1, last + 1):
        ws.cell(row=r, column=3).number_format = "#,##0"
    money = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Rencana anggaran",
                           error="Rupiah bulat tanpa titik dan tanpa 'Rp'.")
    ws.add_data_validation(money)
    money.add(f"D{head + 1}:G{last}")


def _staff_sheet(ws: Any, repo: ValidRepository) -> None:
    """The codes the Penanggung jawab column accepts, with who they are (read only)."""
    from openpyxl.styles import Font

    inert_append(ws, ["Kode pegawai", "Nama", "Jabatan"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for p in repo.agency.persons:
        inert_append(ws, [p.code, p.name, p.position])
    for col, width in zip("ABC", (24, 40, 60), strict=True):
        ws.column_dimensions[col].width = width
    ws.protection.sheet = True


def _activity_sheet(ws: Any, repo: ValidRepository, year: int, unit: str) -> None:
    """The kegiatan and sub kegiatan of the unit's form, for the Kegiatan pendukung column (read only)."""
    from openpyxl.styles import Font

    inert_append(ws, ["Tingkat", "Kode", "Nama"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for line in budget_lines(form_of(repo, year, unit)):
        if line.level != "Program":
            inert_append(ws, [line.level, line.code, line.name])
    for col, width in zip("ABC", (14, 22, 70), strict=True):
        ws.column_dimensions[col].width = width
    ws.protection.sheet = True
