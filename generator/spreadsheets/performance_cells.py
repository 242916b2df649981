"""What the performance year's workbooks (the Rencana Aksi's and a quarterly report's) share
beyond the form's parts: the sheet look with the instructions on top of the table, the
columns copied from the plan (shown, never changed), lists of codes in one cell, the actions
of a Rencana Aksi written one a line with their quarters, rupiah as typed, and the reading
that names the cell behind every JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.core import amount
from generator.core.year import QUARTER_NAMES
from generator.source.workbook import inert_append
from generator.spreadsheets.cell_problems import CellProblem, Found, Place
from generator.spreadsheets.cells import Raw, budget_of, refusal, words
from generator.spreadsheets.number_formats import shown

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
READ_ONLY_FILL = "EEEEEE"


@dataclass(frozen=True)
class SheetReading:
    """What a performance workbook says: its data (best effort when there are problems), every
    problem, and the cell behind every JSON path (the `cell_problems.Placed` protocol)."""

    label: str
    data: dict | None  # None when the workbook could not be read at all
    problems: tuple[CellProblem, ...]
    places: dict[tuple, Place]
    first_sheet: str

    def place(self, path: tuple) -> Place:
        """The cell behind a JSON path: the nearest ancestor that has one, else the first sheet."""
        p = tuple(path)
        while p and p not in self.places:
            p = p[:-1]
        return self.places[p] if p else (f"{self.label}:{self.first_sheet}", (1, 0, 0))


# --- writing ------------------------------------------------------------------------------------

def instructed_table(ws: Any, lines: Sequence[str], headers: Sequence[str], widths: Sequence[int]) -> int:
    """The instructions (one line a row, the first bold) above a bold, shaded header row that
    stays in view and repeats on every printed page; the header's row number."""
    from openpyxl.styles import Alignment, Font, PatternFill

    for n, line in enumerate(lines, start=1):
        inert_append(ws, [line])
        ws.cell(row=n, column=1).font = Font(bold=n == 1, size=12 if n == 1 else 11)
    inert_append(ws, list(headers))
    head = ws.max_row
    fill = PatternFill("solid", fgColor="DDDDDD")
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=head, column=col)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = f"A{head + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = f"{head}:{head}"
    return head


def shape_rows(ws: Any, first: int, last: int, editable: Sequence[int], numbers: Sequence[int] = ()) -> None:
    """Rows `first`..`last`: the columns to fill unlocked and formatted as text (`numbers`: as
    whole rupiah), the others shaded and locked; the sheet protected without a password, so
    the plan's columns are not changed by accident (the import checks them anyway)."""
    from openpyxl.styles import Alignment, PatternFill, Protection

    shade = PatternFill("solid", fgColor=READ_ONLY_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in range(first, last + 1):
        for c in range(1, ws.max_column + 1):
            cell = ws.cell(row=r, column=c)
            cell.alignment = wrap
            if c in editable:
                cell.protection = Protection(locked=False)
                cell.number_format = "#,##0" if c in numbers else "@"
            else:
                cell.fill = shade
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may change (a hidden one is refused on import)
    ws.protection.formatRows = False


def actions_text(actions: Sequence[dict]) -> str:
    """A Rencana Aksi's actions as its cell shows them: one a line, quarters in brackets."""
    return "\n".join(f"{a['uraian']} ({', '.join(QUARTER_NAMES[q] for q in a['triwulan'])})" for a in actions)


def codes_text(codes: Sequence[str]) -> str:
    return ", ".join(codes)


# --- reading ------------------------------------------------------------------------------------

_ACTION = re.compile(r"(?P<text>.*?)\s*\((?P<quarters>[^()]*)\)\s*\.?", re.S)
_QUARTER = re.compile(r"(?:tw|triwulan)?\s*(iv|iii|ii|i|[1-4])", re.I)


def quarters_of(text: str) -> tuple[int, ...] | None:
    """"TW I, TW III", "TW 1 dan 3", "I, II" as quarters (sorted, each once); None when not."""
    parts = [p.strip() for p in re.split(r",|;|\bdan\b|&|/", text) if p.strip()]
    found: list[int] = []
    for part in parts:
        m = _QUARTER.fullmatch(part)
        if m is None:
            return None
        q = m.group(1).upper()
        found.append(ROMAN[q] if q in ROMAN else int(q))
    return tuple(sorted(set(found))) if found else None


def actions_of(text: str) -> tuple[list[dict], list[str]]:
    """The actions written in a cell (one a line, quarters in brackets) and what is wrong with
    each line that is not one."""
    actions, wrong = [], []
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:[-•*]|[0-9]+[.)])\s+", "", line).strip()
        if not line:
            continue
        m = _ACTION.fullmatch(line)
        quarters = quarters_of(m["quarters"]) if m else None
        if m is None or quarters is None or not m["text"].strip():
            wrong.append(f"aksi '{line}' tidak menyebut triwulan pelaksanaannya di dalam kurung; tulis satu aksi "
                         f"per baris, misalnya 'Evaluasi sistem merit (TW I, TW III)'")
            continue
        actions.append({"uraian": m["text"].strip(), "triwulan": list(quarters)})
    return actions, wrong


def codes_of(text: str) -> list[str]:
    """Codes written in one cell, separated by commas, semicolons, spaces or lines."""
    return [c for c in re.split(r"[,;\s]+", text) if c]


def rupiah_of(raw: Raw, what: str) -> tuple[int | None, str | None]:
    """Whole rupiah: a number, or a text as Indonesians write an amount ("Rp 60.000.000",
    "60 juta": core/amount.py); a fraction of a rupiah and what could be read two ways refused."""
    if raw.empty:
        return None, None
    if isinstance(raw.value, str) and refusal(raw) is None:
        read = amount.read(raw.value)
        if read.value is not None:
            return read.value, None
        if read.problem is not None:
            return None, f"{what} {read.problem}"
    value, why = budget_of(raw)
    return value, (why.replace("anggaran", what, 1) if why else None)


def same_shown(raw: Raw, expected: object) -> bool:
    """Whether a copied cell still shows what the template wrote (an emptied one counts as unchanged)."""
    if raw.empty:
        return True
    if words(raw) == " ".join(str("" if expected is None else expected).split()).casefold():
        return True
    return (isinstance(raw.value, (int, float)) and not isinstance(raw.value, bool)
            and shown(raw.value, raw.fmt)[0] == expected)


def check_copied(found: Found, sheet: str, row: int, cells: Sequence[tuple[int, Raw, object]],
                 headers: Sequence[str], source: str) -> None:
    """The columns copied from the plan may stay as they are or be emptied; a change is refused."""
    for col, raw, expected in cells:
        if not same_shown(raw, expected):
            found.add(sheet, col, row, f"kolom '{headers[col - 1]}' diambil dari {source} dan tidak dapat diubah "
                                       f"di sini; kosongkan sel ini atau kembalikan ke "
                                       f"'{'' if expected is None else expected}'")
