"""The compiled RKT of a cycle: both tables of the agency's RKT, from all units' forms.

1. Performance (agency level): Sasaran | Indikator Kinerja | Satuan | Target,
   for every Renstra indicator that a unit's form carries, with the Renstra
   target for the plan year and each unit's own target beside it.
2. Per unit: Program / Kegiatan / Sub Kegiatan | Indikator | Target | Anggaran,
   with totals per kegiatan, program, unit and overall. Totals are derived,
   never typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .model import Agency, CycleFolder, Form, Indicator, Objective, Renstra, Unit


@dataclass(frozen=True, slots=True)
class PerformanceRow:
    objective: Objective
    indicator: Indicator
    target: str | int | None  # the Renstra target for the plan year
    unit_targets: tuple[tuple[str, str | int], ...]  # (unit code, the unit's target)


@dataclass(frozen=True, slots=True)
class UnitPlan:
    unit: Unit
    form: Form | None

    @property
    def budget(self) -> int:
        return self.form.budget if self.form else 0


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One line of a unit's program table, as every output (page, PDF, XLSX, CSV) lists it."""

    level: str  # Program | Kegiatan | Sub Kegiatan
    number: int | None  # programs are numbered within the unit
    code: str
    name: str
    indicator: str
    target: str | int | None
    unit_of_measure: str | None
    budget: int  # derived for programs and kegiatan
    responsible: str

    @property
    def target_text(self) -> str:
        """The target as printed: "5 Dokumen" from 5 + Dokumen."""
        if self.target is None:
            return ""
        return f"{self.target} {self.unit_of_measure}" if self.unit_of_measure else str(self.target)


def plan_rows(form: Form) -> Iterator[PlanRow]:
    for i, p in enumerate(form.programs, start=1):
        yield PlanRow("Program", i, p.code, p.name, p.indicator or "", p.target, None, p.budget, "")
        for k in p.activities:
            yield PlanRow("Kegiatan", None, k.code, k.name, k.indicator or "", k.target, None, k.budget, "")
            for s in k.subs:
                yield PlanRow("Sub Kegiatan", None, s.code, s.name, s.indicator, s.target, s.unit_of_measure,
                              s.budget, s.responsible)


@dataclass(frozen=True, slots=True)
class CompiledRkt:
    year: int
    performance: tuple[PerformanceRow, ...]
    units: tuple[UnitPlan, ...]

    @property
    def total_budget(self) -> int:
        return sum(u.budget for u in self.units)

    @property
    def missing(self) -> tuple[Unit, ...]:
        return tuple(u.unit for u in self.units if u.form is None)

    @property
    def sub_activity_count(self) -> int:
        return sum(len(k.subs) for u in self.units if u.form for p in u.form.programs for k in p.activities)


def compile_rkt(folder: CycleFolder, agency: Agency, renstra: Renstra) -> CompiledRkt:
    assert folder.cycle is not None
    forms = {f.unit: f for f in folder.forms}
    order = [u for u in folder.cycle.required_units]
    units = tuple(UnitPlan(agency.unit(code) or Unit(code, code, code, "", folder.cycle.at), forms.get(code))
                  for code in order)
    targets: dict[str, list[tuple[str, str | int]]] = {}
    for plan in units:
        if plan.form is None:
            continue
        for row in plan.form.performance:
            for t in row.indicators:
                targets.setdefault(t.indicator, []).append((plan.unit.code, t.target))
    rows = tuple(
        PerformanceRow(obj, ind, ind.target(folder.year), tuple(targets[ind.code]))
        for obj, ind in renstra.indicators() if ind.code in targets)
    return CompiledRkt(folder.year, rows, units)
