"""A filled Rencana Aksi template read back as Rencana Aksi data (schemas/renaksi.schema.json).

Read with the form import's care: the workbook measured before it is opened, hidden places
refused, every value as Excel shows it, formulas and what no column accepts refused, every
problem named by its cell and all of them reported in one run.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.core.model import NO_BUDGET, ValidRepository
from generator.spreadsheets import hidden
from generator.spreadsheets.cell_problems import CellProblem, Found
from generator.spreadsheets.cells import PLACEHOLDER, Raw, target_of, text_of
from generator.spreadsheets.limits import LIMITS, Limits, read_workbook
from generator.spreadsheets.performance_cells import SheetReading, actions_of, check_copied, codes_of, rupiah_of
from generator.spreadsheets.performance_rows import IndicatorLine, budget_lines, form_of, indicator_lines
from generator.spreadsheets.renaksi_template import (
    BUDGET,
    BUDGET_HEADERS,
    PLAN,
    PLAN_HEADERS,
    SHEET_ORDER,
    STAFF,
)
from generator.spreadsheets.tables import Row, table

_CODE = re.compile(r"[0-9A-Za-z.]{1,40}")
_QUARTER_WORDS = ("TW I", "TW II", "TW III", "TW IV")


def read(path: Path, year: int, unit: str, repo: ValidRepository, planned: list[str], label: str | None = None,
         limits: Limits = LIMITS) -> SheetReading:
    """The Rencana Aksi a filled template holds; `planned`: the indicator codes of the unit's
    current Rencana Aksi (they may stay although the Renstra no longer assigns them)."""
    label = label or path.name
    found = Found(label, SHEET_ORDER)

    def sheets(wb: Any) -> dict[str, list[Row] | None]:
        out: dict[str, list[Row] | None] = {}
        for sheet, headers in ((PLAN, PLAN_HEADERS), (BUDGET, BUDGET_HEADERS)):
            if sheet not in wb.sheetnames:
                found.sheet(sheet, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt renaksi-template'")
                out[sheet] = None
                continue
            hidden.check(wb[sheet], sheet, found)
            got = table(wb[sheet], sheet, headers, found, limits)
            out[sheet] = got[0] if got else None
        return out

    tables = read_workbook(path, limits, sheets)
    if isinstance(tables, str):
        return SheetReading(label, None, (CellProblem(label, tables),), {}, PLAN)
    lines = {x.code: x for x in indicator_lines(repo, year, unit, planned)}
    form = form_of(repo, year, unit)
    activities = None if form is None else {b.code for b in budget_lines(form) if b.level != "Program"}
    people = [p.code for p in repo.agency.persons]
    indicators = _indicators(tables[PLAN] or [], lines, people, activities, found)
    if tables[PLAN] is not None and not indicators and not found.problems:
        found.sheet(PLAN, "tidak ada satu indikator pun yang diisi; isi target triwulan, penanggung jawab dan "
                          "rencana aksi indikator unit ini")
    programs = {b.code: b for b in budget_lines(form) if b.level == "Program"}
    budget = _budget(tables[BUDGET] or [], programs, found)
    data: dict = {"tahun": year, "unit": unit, "indikator": indicators}
    if budget:
        data["anggaran"] = budget
    return SheetReading(label, data, found.in_order(), found.places, PLAN)


# --- the Rencana Aksi sheet ---------------------------------------------------------------------

def _indicators(rows: list[Row], lines: dict[str, IndicatorLine], people: list[str], activities: set[str] | None,
                found: Found) -> list[dict]:
    out: list[dict] = []
    seen: dict[str, int] = {}
    for row in rows:
        if all(raw.empty for raw in row.cells[4:]):
            continue  # an indicator this unit does not plan
        entry = _indicator(row, lines, people, activities, found)
        code = entry["kode"]
        if code in seen:
            found.add(PLAN, 1, row.number, f"indikator {code} sudah ada di baris {seen[code]}; satu baris per "
                                           f"indikator")
            continue
        seen[code] = row.number
        here = ("indikator", len(out))
        out.append(entry)
        found.place(here, PLAN, 1, row.number)
        for key, col in (("kode", 1), ("target_triwulan", 5), ("penanggung_jawab", 9), ("kegiatan", 10),
                         ("aksi", 11)):
            found.place(here + (key,), PLAN, col, row.number)
        for k in range(4):
            found.place(here + ("target_triwulan", k), PLAN, 5 + k, row.number)
    return out


def _indicator(row: Row, lines: dict[str, IndicatorLine], people: list[str], activities: set[str] | None,
               found: Found) -> dict:
    """One filled indicator row as a Rencana Aksi entry; every cell checked."""
    n, cells = row.number, row.cells
    code, why = text_of(cells[0])
    line = lines.get(code)
    if why:
        found.add(PLAN, 1, n, why)
    elif line is None:
        found.add(PLAN, 1, n, f"kode indikator '{code}' bukan indikator unit ini tahun ini; yang dapat "
                              f"direncanakan: {', '.join(lines) or '(tidak ada)'}")
    else:
        check_copied(found, PLAN, n, ((2, cells[1], line.description), (3, cells[2], line.unit),
                                      (4, cells[3], line.year_target)), PLAN_HEADERS, "Renstra dan Form RKT")
    entry: dict = {"kode": code or PLACEHOLDER, "target_triwulan": [_quarter(cells[4 + k], k, n, found)
                                                                  for k in range(4)]}
    entry["penanggung_jawab"] = _person(cells[8], people, n, found)
    kegiatan = _activities(cells[9], activities, n, found)
    if kegiatan:
        entry["kegiatan"] = kegiatan
    text, why = text_of(cells[10])
    actions, wrong = actions_of(text)
    if why or wrong:
        found.add(PLAN, 11, n, why or "; ".join(wrong))
    if actions:
        entry["aksi"] = actions
    return entry


def _quarter(raw: Raw, k: int, n: int, found: Found) -> str | int:
    value, why = target_of(raw)
    if why:
        found.add(PLAN, 5 + k, n, why)
    elif value is None:
        found.add(PLAN, 5 + k, n, f"target {_QUARTER_WORDS[k]} belum diisi; tulis '-' bila triwulan ini tidak "
                                  f"bertarget")
    return PLACEHOLDER if value is None else value


def _person(raw: Raw, people: list[str], n: int, found: Found) -> str:
    code, why = text_of(raw)
    if why:
        found.add(PLAN, 9, n, why)
    elif not code:
        found.add(PLAN, 9, n, f"penanggung jawab belum diisi; pilih kode pegawai dari lembar '{STAFF}'")
    elif code not in people:
        found.add(PLAN, 9, n, f"kode pegawai '{code}' tidak ada di cycles/agency.yaml; pilih dari lembar '{STAFF}': "
                              f"{', '.join(people)}")
    return code if code and not why else PLACEHOLDER


def _activities(raw: Raw, activities: set[str] | None, n: int, found: Found) -> list[str]:
    text, why = text_of(raw)
    if why:
        found.add(PLAN, 10, n, why)
        return []
    codes = codes_of(text)
    wrong = [c for c in codes if not _CODE.fullmatch(c) or (activities is not None and c not in activities)]
    if wrong:
        found.add(PLAN, 10, n, f"kode {', '.join(repr(c) for c in wrong)} bukan kegiatan atau sub kegiatan di Form "
                               f"RKT unit ini; pilih dari lembar 'Kegiatan' dan pisahkan dengan koma")
    return codes


# --- the spending plan ---------------------------------------------------------------------------

def _budget(rows: list[Row], programs: dict, found: Found) -> list[dict]:
    out: list[dict] = []
    for row in rows:
        n, cells = row.number, row.cells
        if all(raw.empty for raw in cells[3:]):
            continue  # no plan for this program
        code, why = text_of(cells[0])
        line = programs.get(code)
        if why or line is None:
            found.add(BUDGET, 1, n, why or f"kode program '{code}' tidak ada di Form RKT unit ini; yang ada: "
                                           f"{', '.join(programs) or '(tidak ada)'}")
        else:
            check_copied(found, BUDGET, n, ((2, cells[1], line.name), (3, cells[2], line.budget
                                                                         if line.budget is not None
                                                                         else NO_BUDGET)),
                         BUDGET_HEADERS, "Form RKT")
        amounts: list[int] = []
        for k in range(4):
            value, why = rupiah_of(cells[3 + k], "rencana anggaran")
            if why or value is None:
                found.add(BUDGET, 4 + k, n, why or f"rencana {_QUARTER_WORDS[k]} belum diisi; isi 0 bila tidak "
                                                   f"ada penyerapan pada triwulan ini")
            amounts.append(0 if value is None else value)  # 0: a refused cell, never written
        here = ("anggaran", len(out))
        out.append({"program": code or PLACEHOLDER, "triwulan": amounts})
        found.place(here, BUDGET, 1, n)
        found.place(here + ("program",), BUDGET, 1, n)
        for k in range(4):
            found.place(here + ("triwulan", k), BUDGET, 4 + k, n)
        found.place(here + ("triwulan",), BUDGET, 4, n)
    return out
