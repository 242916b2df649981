"""The Renstra through Excel, read back: a filled workbook (made by `renstra_template.template`)
as renstra.yaml data, through the form import's parts (`limits`, `tables`, `cells`: limits,
number formats as shown, formulas refused), so the same promises hold: every problem named by
its cell (`renstra.xlsx:Indikator!D7`) and all of them in one run.

Tujuan and sasaran cells may be left empty (or merged) on the rows below their first:
a row continues the one above. Sasaran listed without a tujuan (as many Renstra tables are)
have their tujuan cells empty from the first row, or "-". A target cell left empty is a year
the Renstra does not record (an error only once that year has a cycle: the rules say so),
"-" says there is none that year. Codes are assigned and the data is written by `renstra_data`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.model import Agency, Renstra
from generator.core.year import AGGREGATIONS, DIRECTIONS
from generator.spreadsheets import hidden
from generator.spreadsheets.cell_problems import CellProblem, Found, Place
from generator.spreadsheets.cells import Raw, raw_of, target_of, text_of, words
from generator.spreadsheets.limits import LIMITS, Limits, read_workbook
from generator.spreadsheets.renstra_data import Node, as_data, assign, keep_standards, renstra_yaml, text_key
from generator.spreadsheets.renstra_template import (
    COL,
    FIXED_HEADERS,
    IDENTITY,
    IDENTITY_HEADERS,
    IDENTITY_ROWS,
    INDICATORS,
    MAX_YEARS,
    NO,
    SHEET_ORDER,
    YES,
    template,
)
from generator.spreadsheets.tables import HEADER_SEARCH, Row, table

__all__ = ["Reading", "read", "renstra_yaml", "template"]


@dataclass(frozen=True)
class Reading:
    """What a workbook says: renstra.yaml data (None when it could not be read far enough),
    every problem, and the cell behind every JSON path of the data."""

    label: str
    data: dict | None
    problems: tuple[CellProblem, ...]
    places: dict[tuple, Place]
    generated: tuple[str, ...] = ()  # codes made for rows that had none and matched no existing text

    def place(self, path: tuple) -> Place:
        p = tuple(path)
        while p and p not in self.places:
            p = p[:-1]
        return self.places[p] if p else (self.label, (0, 0, 0))


def read(path: Path, old: Renstra | None, agency: Agency, name: str | None = None,
         limits: Limits = LIMITS) -> Reading:
    """A filled Renstra workbook as renstra.yaml data, with every problem named by its cell."""
    label = name or path.name
    found = Found(label, SHEET_ORDER)

    def sheets(wb: Any) -> tuple[dict, list[int] | None, list[Row] | None]:
        missing = [s for s in (IDENTITY, INDICATORS) if s not in wb.sheetnames]
        for sheet in missing:
            found.sheet(sheet, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt renstra-template'")
        for sheet in (IDENTITY, INDICATORS):
            if sheet not in missing:  # nothing is read from a place Excel does not show
                hidden.check(wb[sheet], sheet, found)
        identity = _identity(wb[IDENTITY], found, limits) if IDENTITY not in missing else {}
        years, rows = None, None
        if INDICATORS not in missing:
            years = _year_columns(wb[INDICATORS], found)
            if years is not None:
                indicators = table(wb[INDICATORS], INDICATORS, FIXED_HEADERS + [str(y) for y in years], found,
                                   limits)
                rows = indicators[0] if indicators else None
        return identity, years, rows

    got = read_workbook(path, limits, sheets)
    if isinstance(got, str):
        return Reading(label, None, (CellProblem(label, got),), {})
    identity, years, rows = got
    if rows is None or not years:
        return Reading(label, None, found.in_order(), found.places)
    goals = _rows(rows, years, agency, found)
    generated = assign(goals, old)
    data = as_data(identity, years, goals, found, bool(old and old.is_example))
    keep_standards(data, old)  # not in the workbook: kept from renstra.yaml
    return Reading(label, data, found.in_order(), found.places, tuple(generated))


def _text(found: Found, raw: Raw, col: int, n: int) -> str:
    value, why = text_of(raw)
    if why:
        found.add(INDICATORS, col, n, why)
    return value


# --- the Identitas sheet, and the years of the Indikator sheet --------------------

def _identity(ws: Any, found: Found, limits: Limits) -> dict:
    """Judul (required) and dasar from the Identitas sheet."""
    identity = table(ws, IDENTITY, IDENTITY_HEADERS, found, limits)
    if identity is None:
        return {}
    out: dict = {}
    labels = {text_key(v): k for k, v in IDENTITY_ROWS.items()}
    for row in identity[0]:
        label, why = text_of(row.cells[0])
        name = labels.get(text_key(label)) if not why else None
        if name is None:
            found.add(IDENTITY, 1, row.number, why or f"isian '{label}' tidak dikenal; pakai "
                                                      f"{' atau '.join(IDENTITY_ROWS.values())}")
            continue
        value, why = text_of(row.cells[1])
        if why:
            found.add(IDENTITY, 2, row.number, why)
        elif value:
            out[name] = value
        found.place((name,), IDENTITY, 2, row.number)
    if "judul" not in out and not any(p.where.startswith(f"{found.label}:{IDENTITY}") for p in found.problems):
        found.sheet(IDENTITY, "judul Renstra belum diisi (baris 'Judul', kolom 'Nilai')")
    return out


_YEAR = re.compile(r"20[0-9]{2}")


def _year_columns(ws: Any, found: Found) -> list[int] | None:
    """The target years, from the header row's columns after the fixed ones."""
    for n, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH), start=1):
        raws = [raw_of(c) for c in row]
        if not raws or words(raws[0]) != FIXED_HEADERS[0].casefold():
            continue
        years: list[int] = []
        for col, raw in enumerate(raws[len(FIXED_HEADERS):], start=len(FIXED_HEADERS) + 1):
            if raw.empty:
                break
            text = words(raw)
            if not _YEAR.fullmatch(text) or (years and int(text) != years[-1] + 1):
                expected = years[-1] + 1 if years else "misalnya 2025"
                found.add(INDICATORS, col, n, f"judul kolom target harus tahun berikutnya ({expected}), bukan "
                                              f"'{raw.value}'; satu kolom untuk setiap tahun periode, berurutan")
                return None
            years.append(int(text))
        if not years:
            found.add(INDICATORS, len(FIXED_HEADERS) + 1, n, "kolom target per tahun tidak ada; beri judul kolom "
                                                              "tahunnya, misalnya 2025, 2026, ...")
            return None
        if len(years) > MAX_YEARS:
            found.add(INDICATORS, len(FIXED_HEADERS) + MAX_YEARS + 1, n,
                      f"paling banyak {MAX_YEARS} kolom tahun untuk satu periode Renstra")
            return None
        return years
    return []  # no header row: `tables.table` names the problem


# --- the Indikator sheet's rows ---------------------------------------------------

@dataclass(frozen=True)
class _Level:
    """Tujuan or sasaran: the columns of its code and its text, and how messages name it."""

    code_col: int
    text_col: int
    what: str


_GOAL, _OBJECTIVE = _Level(1, 2, "tujuan"), _Level(3, 4, "sasaran")


def _rows(rows: list[Row], years: list[int], agency: Agency, found: Found) -> list[Node]:
    """The tujuan read from the rows, each with its sasaran and their indicators, in order."""
    goals: dict[str, Node] = {}
    objectives: dict[str, Node] = {}
    goal = objective = None
    for row in rows:
        n = row.number
        goal = _goal(found, row, goals, goal)
        objective = _level(found, row, _OBJECTIVE, objectives, objective, goal)
        indicator = _indicator(found, row, years, agency)
        if objective is None or indicator is None:
            continue
        twin = next((x for x in objective.children if text_key(x.text) == text_key(indicator.text)), None)
        if twin is not None:
            found.add(INDICATORS, COL["Indikator Kinerja"], n, f"indikator ini sudah tercantum di baris {twin.row} "
                                                               f"pada sasaran yang sama")
            continue
        indicator.parent = objective
        objective.children.append(indicator)
    return list(goals.values())


def _goal(found: Found, row: Row, seen: dict[str, Node], current: Node | None) -> Node | None:
    """The tujuan a row belongs to; for a sasaran listed without one (tujuan cells empty from the
    first row on, or "-"), the node without text that holds such sasaran."""
    code, text = (text_of(row.cells[col - 1])[0] for col in (_GOAL.code_col, _GOAL.text_col))
    if text.strip() != "-" and (text or code or current is not None):
        return _level(found, row, _GOAL, seen, current, None)
    for col in (_GOAL.code_col, _GOAL.text_col):  # a cell that cannot be read is still named
        _text(found, row.cells[col - 1], col, row.number)
    if code and code != "-":
        found.add(INDICATORS, _GOAL.text_col, row.number, f"uraian tujuan {code} belum diisi")
    return seen.setdefault("", Node("", row.number))


def _level(found: Found, row: Row, level: _Level, seen: dict[str, Node], current: Node | None,
           parent: Node | None) -> Node | None:
    """The tujuan (or sasaran) a row belongs to: typed on the row, or continued from above."""
    n, what = row.number, level.what
    code = _text(found, row.cells[level.code_col - 1], level.code_col, n)
    text = _text(found, row.cells[level.text_col - 1], level.text_col, n)
    if current is not None and parent is not None and current.parent is not parent:
        current = None  # a new tujuan starts a new sasaran too
    if not text and not code:
        if current is None:
            found.add(INDICATORS, level.text_col, n, f"{what} belum diisi")
        return current
    if not text:  # a code alone refers to one read above
        node = next((x for x in seen.values() if x.code == code), None)
        if node is None:
            found.add(INDICATORS, level.text_col, n, f"uraian {what} {code} belum diisi")
        return node
    return _named(found, n, code, text, level, seen, parent)


def _named(found: Found, n: int, code: str, text: str, level: _Level, seen: dict[str, Node],
           parent: Node | None) -> Node:
    """The tujuan (or sasaran) that row `n` names by its text: the one read above, or a new one."""
    what = level.what
    node = seen.get(text_key(text))
    if node is None:
        node = seen[text_key(text)] = Node(text, n, code or None, n if code else 0, parent)
        if parent is not None:
            parent.children.append(node)
    elif parent is not None and node.parent is not parent:
        found.add(INDICATORS, level.text_col, n, f"{what} ini sudah tercantum di baris {node.row} di bawah tujuan "
                                                 f"lain; satu {what} hanya di bawah satu tujuan")
    if code and node.code and code != node.code:
        found.add(INDICATORS, level.code_col, n, f"{what} ini berkode {node.code} di baris {node.code_row}; satu "
                                                 f"{what} satu kode")
    elif code and not node.code:
        node.code, node.code_row = code, n
    return node


def _units(found: Found, raw: Raw, n: int, agency: Agency) -> list[str]:
    text = _text(found, raw, COL["Unit Penanggung Jawab"], n)
    names = [x.strip() for x in re.split(r"[,;\n]", text) if x.strip()]
    if not names:
        example = ", ".join(u.code for u in agency.units[:2])
        found.add(INDICATORS, COL["Unit Penanggung Jawab"], n,
                  f"unit penanggung jawab belum diisi; tulis kode unit, misalnya {example}")
        return []
    known = {text_key(u.code): u.code for u in agency.units} | {text_key(u.short): u.code for u in agency.units}
    unknown = [x for x in names if text_key(x) not in known]
    if unknown:
        found.add(INDICATORS, COL["Unit Penanggung Jawab"], n,
                  f"unit {', '.join(repr(x) for x in unknown)} tidak ada di cycles/agency.yaml; pakai kode atau "
                  f"singkatan unit: {', '.join(f'{u.code} ({u.short})' for u in agency.units)}")
    return list(dict.fromkeys(known[text_key(x)] for x in names if text_key(x) in known))


def _iku(found: Found, raw: Raw, n: int) -> bool:
    if isinstance(raw.value, bool):
        return raw.value
    text = _text(found, raw, COL["IKU"], n)
    if text_key(text) in ("", "tidak", "t", "bukan"):
        return False
    if text_key(text) in ("ya", "y", "iku"):
        return True
    found.add(INDICATORS, COL["IKU"], n, f"IKU '{text}' tidak dikenal; pilih {YES} atau {NO}")
    return False


def _choice(found: Found, raw: Raw, col: int, n: int, words_allowed: tuple[str, ...], what: str) -> str:
    """One of `words_allowed` (any case), or "" for an empty cell (the default)."""
    text = _text(found, raw, col, n)
    if not text or text.casefold() in words_allowed:
        return text.casefold()
    found.add(INDICATORS, col, n, f"{what} '{text}' tidak dikenal; pilih {', '.join(words_allowed)}, atau kosongkan")
    return ""


def _indicator(found: Found, row: Row, years: list[int], agency: Agency) -> Node | None:
    """One indicator row's own cells (the tujuan and sasaran columns aside); every cell checked."""
    n, c = row.number, row.cells
    text = _text(found, c[COL["Indikator Kinerja"] - 1], COL["Indikator Kinerja"], n)
    code = _text(found, c[COL["Kode Indikator"] - 1], COL["Kode Indikator"], n)
    satuan = _text(found, c[COL["Satuan"] - 1], COL["Satuan"], n)
    formula = _text(found, c[COL["Cara Pengukuran"] - 1], COL["Cara Pengukuran"], n)
    fields: dict = {"satuan": satuan, "iku": _iku(found, c[COL["IKU"] - 1], n), "formula": formula,
                    "unit": _units(found, c[COL["Unit Penanggung Jawab"] - 1], n, agency),
                    "arah": _choice(found, c[COL["Arah"] - 1], COL["Arah"], n, DIRECTIONS, "arah"),
                    "agregasi": _choice(found, c[COL["Agregasi"] - 1], COL["Agregasi"], n, AGGREGATIONS, "agregasi"),
                    "target": {}}
    for k, year in enumerate(years):
        col = len(FIXED_HEADERS) + k + 1
        value, why = target_of(c[col - 1])
        if why:
            found.add(INDICATORS, col, n, why)
        elif value is not None:  # an empty cell: a year the Renstra does not record
            fields["target"][str(year)] = value
    if not text:
        found.add(INDICATORS, COL["Indikator Kinerja"], n, "uraian indikator kinerja belum diisi")
        return None
    return Node(text, n, code or None, n if code else 0, fields=fields)
