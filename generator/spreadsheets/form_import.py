"""A filled form template read back as form data.

Reading never changes a value: a number is read as Excel shows it (from the cell's number
format) or refused when the format does not say how it was typed; every problem names its
cell as `form.xlsx:Sheet!C12`, and all of them are reported in one run. The workbook is
measured before it is opened and counted while it is read (`limits`, `tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.model import Indicator, Objective, Renstra
from generator.spreadsheets import hidden
from generator.spreadsheets.cell_problems import CellProblem, Found, Place
from generator.spreadsheets.cells import PLACEHOLDER, Raw, target_of, text_of, words
from generator.spreadsheets.form_programs import programs
from generator.spreadsheets.form_template import (
    KINERJA,
    KINERJA_HEADERS,
    PROGRAM,
    PROGRAM_HEADERS,
    SHEET_ORDER,
    blank,
)
from generator.spreadsheets.limits import LIMITS, Limits, read_workbook
from generator.spreadsheets.number_formats import shown
from generator.spreadsheets.tables import Row, table

Indicators = dict[str, tuple[Objective, Indicator]]  # indicator code -> its sasaran and itself


@dataclass(frozen=True)
class Reading:
    """What a workbook says: the form data (best effort when there are problems: refused
    cells hold a placeholder), every problem, and the cell behind every JSON path."""

    label: str
    data: dict | None  # None when the workbook could not be opened at all
    problems: tuple[CellProblem, ...]
    places: dict[tuple, Place]
    has_notes: bool  # the Kinerja sheet has the 'Catatan' column (templates before it did not)

    def place(self, path: tuple) -> Place:
        """The cell (or sheet) behind a JSON path of `data`: the nearest ancestor that has one."""
        p = tuple(path)
        while p and p not in self.places:
            p = p[:-1]
        if p:
            return self.places[p]
        if path and path[0] in ("kinerja", "program"):
            sheet = KINERJA if path[0] == "kinerja" else PROGRAM
            return f"{self.label}:{sheet}", (SHEET_ORDER[sheet], 0, 0)
        return self.label, (0, 0, 0)


def read(path: Path, year: int, unit: str, renstra: Renstra, name: str | None = None,
         limits: Limits = LIMITS) -> Reading:
    """A filled template back as form data, with every problem of both sheets named by cell."""
    label = name or path.name
    found = Found(label, SHEET_ORDER)

    def sheets(wb: Any) -> dict[str, tuple[list[Row], int] | None]:
        tables: dict[str, tuple[list[Row], int] | None] = {}
        for sheet, headers, optional in ((KINERJA, KINERJA_HEADERS, 1), (PROGRAM, PROGRAM_HEADERS, 0)):
            if sheet not in wb.sheetnames:
                found.sheet(sheet, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt form-template'")
                tables[sheet] = None
                continue
            hidden.check(wb[sheet], sheet, found)  # nothing is read from a place Excel does not show
            tables[sheet] = table(wb[sheet], sheet, headers, found, limits, optional)
        return tables

    tables = read_workbook(path, limits, sheets)
    if isinstance(tables, str):
        return Reading(label, None, (CellProblem(label, tables),), {}, False)
    kin, prog = tables[KINERJA], tables[PROGRAM]
    kinerja = _kinerja(kin[0], renstra, year, found) if kin else []
    program = programs(prog[0], found) if prog else []
    data = {"tahun": year, "unit": unit, "kinerja": kinerja, "program": program}
    return Reading(label, data, found.in_order(), found.places, bool(kin and kin[1] == len(KINERJA_HEADERS)))


# --- the Kinerja sheet -----------------------------------------------------------

def _kinerja(rows: list[Row], renstra: Renstra, year: int, found: Found) -> list[dict]:
    """Kinerja rows grouped by sasaran (in order of first appearance); every cell of every row checked."""
    indicators = {i.code: (o, i) for o, i in renstra.indicators()}
    groups: dict[str, list[tuple[Row, dict]]] = {}
    for row in rows:
        got = _kinerja_row(row, indicators, year, found)
        if got is not None:
            groups.setdefault(got[0], []).append((row, got[1]))
    kinerja = []
    for i, (objective, members) in enumerate(groups.items()):
        first = members[0][0].number
        found.place(("kinerja", i), KINERJA, 1, first)
        found.place(("kinerja", i, "sasaran"), KINERJA, 1, first)
        for j, (row, _) in enumerate(members):
            for path, col in (((), 3), (("kode",), 3), (("target",), 7), (("catatan",), 8)):
                found.place(("kinerja", i, "indikator", j) + path, KINERJA, col, row.number)
        kinerja.append({"sasaran": objective, "indikator": [entry for _, entry in members]})
    return kinerja


def _kinerja_row(row: Row, indicators: Indicators, year: int, found: Found) -> tuple[str, dict] | None:
    """(sasaran code, form entry) of one indicator row, or None when its indicator is unknown;
    every cell checked."""
    n = row.number
    sasaran, _, code, _, _, _, target, note = row.cells
    code_s = _indicator_code(code, indicators, n, found)
    pair = indicators.get(code_s)
    sasaran_s, why = text_of(sasaran)
    if why:
        found.add(KINERJA, 1, n, why)
    elif pair is not None and sasaran_s and sasaran_s != pair[0].code:
        found.add(KINERJA, 1, n, f"indikator {code_s} milik sasaran {pair[0].code}, bukan {sasaran_s}")
    if pair is not None:
        _from_renstra(row, *pair, year, found)
    value, why = target_of(target)
    if why:
        found.add(KINERJA, 7, n, why)
    elif value is None:
        found.add(KINERJA, 7, n, f"target indikator {code_s or '(tanpa kode)'} belum diisi")
    note_s, why = text_of(note)
    if why:
        found.add(KINERJA, 8, n, why)
    if pair is None:
        return None
    entry: dict = {"kode": code_s, "target": PLACEHOLDER if value is None else value}
    if note_s:
        entry["catatan"] = note_s
    return pair[0].code, entry


def _indicator_code(raw: Raw, indicators: Indicators, n: int, found: Found) -> str:
    """The indicator code of row `n` ("" when it cannot be read); a problem when it is not the Renstra's."""
    code_s, why = text_of(raw)
    if why:
        found.add(KINERJA, 3, n, why)
    elif not code_s:
        found.add(KINERJA, 3, n, "kode indikator belum diisi; pilih dari daftar")
    elif code_s not in indicators:
        found.add(KINERJA, 3, n, f"kode indikator '{code_s}' tidak ada di Renstra; pilih dari daftar: "
                                 f"{', '.join(indicators)}")
    return code_s


def _from_renstra(row: Row, objective: Objective, indicator: Indicator, year: int, found: Found) -> None:
    """The columns copied from the Renstra may stay as they are or be emptied; a change there is refused."""
    _, obj_text, _, ind_text, unit, renstra_target, _, _ = row.cells
    from_renstra = ((2, obj_text, objective.description), (4, ind_text, indicator.description),
                    (5, unit, indicator.unit_of_measure), (6, renstra_target, indicator.target(year)))
    for col, raw, expected in from_renstra:
        if not raw.empty and not _same_text(raw, expected):
            found.add(KINERJA, col, row.number, f"kolom '{KINERJA_HEADERS[col - 1]}' diambil dari Renstra dan "
                                                f"perubahan di sini tidak dipakai; kosongkan sel ini atau kembalikan "
                                                f"ke '{blank(expected)}'. Perubahan Renstra diajukan terpisah")


def _same_text(raw: Raw, expected: object) -> bool:
    text = words(raw)
    return text == " ".join(str(expected if expected is not None else "").split()).casefold() or \
        (isinstance(raw.value, (int, float)) and not isinstance(raw.value, bool) and
         shown(raw.value, raw.fmt)[0] == expected)
