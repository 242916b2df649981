"""A filled quarterly report template read back as report data (schemas/laporan.schema.json).

The quarter is the one the workbook's header names ("Target TW III"); a quarter that has not
ended is refused at that header cell. Every realisation is read as Excel shows it and read by
the target reader in the target's unit: one written in another unit ("86 orang" against a
target in %, a percentage against an index) is refused. Spending is whole rupiah. Hidden
places, formulas and what no column accepts are refused as in the form import, each problem
named by its cell, all of them in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from generator.core import target as tgt
from generator.core.fmt import date_id
from generator.core.model import NO_BUDGET, ValidRepository
from generator.core.year import QUARTER_NAMES, quarter_end
from generator.spreadsheets import hidden
from generator.spreadsheets.cell_problems import CellProblem, Found
from generator.spreadsheets.cells import PLACEHOLDER, Raw, raw_of, target_of, text_of, words
from generator.spreadsheets.laporan_template import (
    REALISATION,
    SHEET_ORDER,
    SPENDING,
    SPENDING_HEADERS,
    TARGET_COLUMN,
    planned_targets,
    realisation_headers,
)
from generator.spreadsheets.limits import LIMITS, Limits, read_workbook
from generator.spreadsheets.performance_cells import SheetReading, check_copied, codes_of, rupiah_of
from generator.spreadsheets.performance_rows import BudgetLine, IndicatorLine, budget_lines, form_of, indicator_lines
from generator.spreadsheets.tables import HEADER_SEARCH, Row, table

_EVIDENCE = re.compile(r"(?!/)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}")
_TEXTS = ((6, "faktor_pendorong"), (7, "faktor_penghambat"), (8, "tindak_lanjut"))


def read(path: Path, year: int, unit: str, repo: ValidRepository, plan: dict, cycle_folder: Path, today: dt.date,
         label: str | None = None, limits: Limits = LIMITS) -> SheetReading:
    """The report a filled template holds, for the quarter its header names; `plan` is the
    unit's Rencana Aksi (schema-shaped), `cycle_folder` where the evidence files are."""
    label = label or path.name
    found = Found(label, SHEET_ORDER)
    quarter: list[tuple[int, int]] = []  # (quarter, header row) once the header names it

    def sheets(wb: Any) -> dict[str, list[Row] | None]:
        out: dict[str, list[Row] | None] = {REALISATION: None, SPENDING: None}
        if REALISATION in wb.sheetnames:
            quarter.extend(_quarter(wb[REALISATION], found))
        for sheet in (REALISATION, SPENDING):
            if sheet not in wb.sheetnames:
                found.sheet(sheet, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt laporan-template'")
                continue
            hidden.check(wb[sheet], sheet, found)
            if sheet == SPENDING or quarter:
                got = table(wb[sheet], sheet, realisation_headers(quarter[0][0]) if sheet == REALISATION
                            else SPENDING_HEADERS, found, limits)
                out[sheet] = got[0] if got else None
        return out

    tables = read_workbook(path, limits, sheets)
    if isinstance(tables, str):
        return SheetReading(label, None, (CellProblem(label, tables),), {}, REALISATION)
    if not quarter:
        return SheetReading(label, None, found.in_order(), found.places, REALISATION)
    q, header = quarter[0]
    found.place(("triwulan",), REALISATION, TARGET_COLUMN, header)  # the rules' word on the quarter lands here too
    _ended(year, q, header, today, found)
    targets = planned_targets(plan, q)
    lines = {x.code: x for x in indicator_lines(repo, year, unit, list(targets))}
    realised = _realisations(tables[REALISATION] or [], targets, lines, cycle_folder, found)
    spent = _spending(tables[SPENDING] or [], {b.code: b for b in budget_lines(form_of(repo, year, unit))}, found)
    data: dict = {"tahun": year, "triwulan": q, "unit": unit, "realisasi": realised}
    if spent:
        data["anggaran"] = spent
    return SheetReading(label, data, found.in_order(), found.places, REALISATION)


def _quarter(ws: Any, found: Found) -> list[tuple[int, int]]:
    """[(quarter, header row)] as the header row names it in its target column ("Target TW III");
    [] and a problem when it does not."""
    for n, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH), start=1):
        raws = [raw_of(c) for c in row]
        if raws and words(raws[0]) == "kode":
            got = words(raws[TARGET_COLUMN - 1]) if len(raws) >= TARGET_COLUMN else ""
            q = next((q for q, name in QUARTER_NAMES.items() if got == f"target {name}".casefold()), None)
            if q is None:
                found.add(REALISATION, TARGET_COLUMN, n, "judul kolom ini menyebut triwulan laporan: 'Target TW I', "
                                                         "'Target TW II', 'Target TW III' atau 'Target TW IV'; pakai "
                                                         "templat dari 'rkt laporan-template'")
            return [(q, n)] if q else []
    found.sheet(REALISATION, f"baris judul tabel (kolom 'Kode', 'Indikator', ...) tidak ditemukan di {HEADER_SEARCH} "
                             f"baris pertama; pakai templat dari 'rkt laporan-template'")
    return []


def _ended(year: int, quarter: int, header: int, today: dt.date, found: Found) -> None:
    end = quarter_end(year, quarter)
    if end >= today:
        found.add(REALISATION, TARGET_COLUMN, header,
                  f"{QUARTER_NAMES[quarter].replace('TW', 'triwulan')} {year} belum berakhir (berakhir "
                  f"{date_id(end)}); laporannya baru dapat diimpor mulai {date_id(end + dt.timedelta(days=1))}")


# --- the realisation sheet ----------------------------------------------------------------------

def _realisations(rows: list[Row], targets: dict[str, str | int], lines: dict[str, IndicatorLine],
                  cycle_folder: Path, found: Found) -> list[dict]:
    out: list[dict] = []
    seen: dict[str, int] = {}
    for row in rows:
        if all(raw.empty for raw in row.cells[4:]):
            continue  # not reported this quarter
        entry = _realisation(row, targets, lines, cycle_folder, found)
        if entry["kode"] in seen:
            found.add(REALISATION, 1, row.number, f"indikator {entry['kode']} sudah ada di baris "
                                                  f"{seen[entry['kode']]}; satu baris per indikator")
            continue
        seen[entry["kode"]] = row.number
        here = ("realisasi", len(out))
        out.append(entry)
        found.place(here, REALISATION, 1, row.number)
        for key, col in (("kode", 1), ("realisasi", 5), *((k, c) for c, k in _TEXTS), ("bukti", 9)):
            found.place(here + (key,), REALISATION, col, row.number)
    return out


def _realisation(row: Row, targets: dict[str, str | int], lines: dict[str, IndicatorLine], cycle_folder: Path,
                 found: Found) -> dict:
    n, cells = row.number, row.cells
    code, why = text_of(cells[0])
    line = lines.get(code)
    if why:
        found.add(REALISATION, 1, n, why)
    elif code not in targets or line is None:
        found.add(REALISATION, 1, n, f"kode indikator '{code}' tidak ada di Rencana Aksi unit ini; yang ada: "
                                     f"{', '.join(targets) or '(tidak ada)'}")
    else:
        check_copied(found, REALISATION, n, ((2, cells[1], line.description), (3, cells[2], line.unit),
                                             (4, cells[3], targets[code])),
                     realisation_headers(1), "Renstra dan Rencana Aksi")
    entry: dict = {"kode": code or PLACEHOLDER, "realisasi": _value(cells[4], targets.get(code), line, n, found)}
    for col, key in _TEXTS:
        text, why = text_of(cells[col - 1])
        if why:
            found.add(REALISATION, col, n, why)
        elif text:
            entry[key] = text
    evidence = _evidence(cells[8], cycle_folder, n, found)
    if evidence:
        entry["bukti"] = evidence
    return entry


def _value(raw: Raw, planned: str | int | None, line: IndicatorLine | None, n: int, found: Found) -> str | int:
    value, why = target_of(raw)
    if why:
        found.add(REALISATION, 5, n, why)
    elif value is None:
        found.add(REALISATION, 5, n, "realisasi belum diisi; tulis '-' bila belum dapat diukur, atau kosongkan "
                                     "seluruh baris bila indikator ini tidak dilaporkan triwulan ini")
    elif line is not None:
        wrong = unit_problem(value, planned, line)
        if wrong:
            found.add(REALISATION, 5, n, wrong)
    return PLACEHOLDER if value is None else value


def unit_problem(value: str | int, planned: str | int | None, line: IndicatorLine) -> str | None:
    """Why a realisation is not written in its target's unit (the quarter's target, else the year's), or None."""
    realised = tgt.parse(value, line.unit)
    reference = planned if planned is not None and not tgt.parse(planned).is_none else line.year_target
    if reference is None or realised.is_none:
        return None
    target = tgt.parse(reference, line.unit)
    shown = f"'{realised.text}'"
    if target.kind == tgt.PREDICATE:
        return None if realised.kind == tgt.PREDICATE else (
            f"realisasi {shown} bukan predikat, padahal targetnya predikat {target.text}; tulis salah satu dari "
            f"{', '.join(tgt.PREDICATES)}")
    if target.kind not in (*tgt.NUMERIC, tgt.RANGE):
        return None  # a text target: compared as text
    if realised.dotted:
        return f"realisasi {shown} memakai titik sebagai tanda desimal; tulis {realised.fix}"
    if realised.value is None or realised.kind not in tgt.NUMERIC:
        return f"realisasi {shown} bukan angka, padahal targetnya {target.text}; tulis angkanya dalam satuan yang sama"
    if _unit(realised.unit) != _unit(target.unit):
        return (f"realisasi {shown} ditulis dalam satuan '{realised.unit or 'tanpa satuan'}', padahal targetnya "
                f"{target.text} dalam satuan '{target.unit or line.unit or 'tanpa satuan'}'; tulis realisasi dalam "
                f"satuan yang sama dengan targetnya")
    return None


def _unit(unit: str | None) -> str:
    return " ".join((unit or "").split()).casefold()


def _evidence(raw: Raw, cycle_folder: Path, n: int, found: Found) -> list[str]:
    text, why = text_of(raw)
    if why:
        found.add(REALISATION, 9, n, why)
        return []
    files = codes_of(text)
    wrong = [f for f in files if not _EVIDENCE.fullmatch(f) or not (cycle_folder / f).is_file()]
    if wrong:
        found.add(REALISATION, 9, n, f"berkas bukti {', '.join(repr(f) for f in wrong)} tidak ada di "
                                     f"{cycle_folder.name}/ (tulis nama berkas relatif terhadap folder siklus, "
                                     f"misalnya bukti/tw1-rekap.pdf, dan tambahkan berkasnya ke repositori)")
    return files


# --- the spending sheet -------------------------------------------------------------------------

def _spending(rows: list[Row], lines: dict[str, BudgetLine], found: Found) -> list[dict]:
    out: list[dict] = []
    for row in rows:
        n, cells = row.number, row.cells
        if cells[4].empty:
            continue  # nothing recorded on this line
        code, why = text_of(cells[1])
        line = lines.get(code)
        if why or line is None:
            found.add(SPENDING, 2, n, why or f"kode '{code}' tidak ada di Form RKT unit ini")
        else:
            check_copied(found, SPENDING, n, ((1, cells[0], line.level), (3, cells[2], line.name),
                                              (4, cells[3], line.budget if line.budget is not None else NO_BUDGET)),
                         SPENDING_HEADERS, "Form RKT")
        value, why = rupiah_of(cells[4], "realisasi anggaran")
        if why:
            found.add(SPENDING, 5, n, why)
        here = ("anggaran", len(out))
        # 0 stands for a refused cell (never written: the cell has its problem)
        out.append({"kode": code or PLACEHOLDER, "realisasi": 0 if value is None else value})
        found.place(here, SPENDING, 2, n)
        found.place(here + ("kode",), SPENDING, 2, n)
        found.place(here + ("realisasi",), SPENDING, 5, n)
    return out
