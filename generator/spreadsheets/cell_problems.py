"""Problems named by their cell (`form.xlsx:Program!G12`), collected while a workbook is read
so that all of them are reported in one run, in reading order; and the cell behind every
part of the data read, so that what the schema and the rules find later is named by its
cell too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from generator.core.problems import Problem

Place = tuple[str, tuple[int, int, int]]  # (where, order): "form.xlsx:Program!G12", (2, 12, 7)


@dataclass(frozen=True)
class CellProblem:
    where: str  # "form.xlsx:Program!G12", "form.xlsx:Program" or "form.xlsx"
    message: str
    order: tuple[int, int, int] = (0, 0, 0)  # (sheet, row, column): problems are listed in reading order


@dataclass(frozen=True)
class Found:
    """Problems and cell names collected while reading one workbook (the lists fill up; the
    collector itself does not change). `sheet_order`: the workbook's sheets in reading order."""

    label: str
    sheet_order: Mapping[str, int]
    problems: list[CellProblem] = field(default_factory=list)
    places: dict[tuple, Place] = field(default_factory=dict)  # JSON path -> (where, order)

    def cell(self, sheet: str, col: int, row: int) -> Place:
        from openpyxl.utils import get_column_letter

        return f"{self.label}:{sheet}!{get_column_letter(col)}{row}", (self.sheet_order.get(sheet, 0), row, col)

    def add(self, sheet: str, col: int, row: int, message: str) -> None:
        where, order = self.cell(sheet, col, row)
        self.problems.append(CellProblem(where, message, order))

    def sheet(self, sheet: str, message: str) -> None:
        self.problems.append(CellProblem(f"{self.label}:{sheet}", message, (self.sheet_order.get(sheet, 0), 0, 0)))

    def region(self, sheet: str, ref: str, order: tuple[int, int], message: str) -> None:
        """A problem of a whole row or column (`ref` "14:14" or "G:G"); `order` is its (row, column)."""
        self.problems.append(CellProblem(f"{self.label}:{sheet}!{ref}", message,
                                         (self.sheet_order.get(sheet, 0), *order)))

    def place(self, path: tuple, sheet: str, col: int, row: int) -> None:
        self.places[path] = self.cell(sheet, col, row)

    def in_order(self) -> tuple[CellProblem, ...]:
        """Every problem, in reading order (sheet, row, column)."""
        return tuple(sorted(self.problems, key=lambda p: p.order))


class Placed(Protocol):
    """A workbook's reading (a form's or the Renstra's): its own problems, and the cell behind a JSON path."""

    @property
    def problems(self) -> tuple[CellProblem, ...]: ...

    def place(self, path: tuple) -> Place: ...


def at_cells(reading: Placed, found: Iterable[Problem]) -> list[CellProblem]:
    """Errors the schema or the rules found in what a workbook said, each at its cell: one per
    cell, none where the reading itself already refused the cell."""
    taken = {p.where for p in reading.problems}
    out = []
    for p in found:
        where, order = reading.place(p.path or ())
        if p.is_error and where not in taken:
            out.append(CellProblem(where, p.message, order))
            taken.add(where)
    return out
