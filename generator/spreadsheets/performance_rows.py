"""The lines a unit's performance workbooks show, from the repository: its indicators for the
year (with the year's target as its form or the Renstra gives it), its form's programs,
kegiatan and sub kegiatan (with their pagu), and the staff who may be responsible. The
templates write these and the imports check against the same values.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core import target as tgt
from generator.core.model import Form, ValidRepository


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    description: str
    unit: str | None  # the Renstra's satuan
    year_target: str | int | None  # the unit's form target, else the Renstra's


@dataclass(frozen=True)
class BudgetLine:
    level: str  # Program, Kegiatan, Sub Kegiatan
    code: str
    name: str
    budget: int | None  # the pagu in the form; None: not known yet


def form_of(repo: ValidRepository, year: int, unit: str) -> Form | None:
    folder = next((c for c in repo.cycles if c.year == year), None)
    return next((f for f in folder.forms if f.unit == unit), None) if folder else None


def _form_targets(form: Form | None) -> dict[str, str | int]:
    if form is None:
        return {}
    return {t.indicator: t.target for row in form.performance for t in row.indicators}


def indicator_lines(repo: ValidRepository, year: int, unit: str, planned: list[str]) -> list[IndicatorLine]:
    """The indicators of the unit's Rencana Aksi (`planned`, in its order), then those the Renstra
    assigns to the unit that have a target this year, in the Renstra's order."""
    targets = _form_targets(form_of(repo, year, unit))
    by_code = {i.code: i for _, i in repo.renstra.indicators()}
    codes = [c for c in planned if c in by_code]
    for _, i in repo.renstra.indicators():
        year_target = i.target(year)
        if (unit in i.units and i.code not in codes and year_target is not None
                and not tgt.parse(year_target).is_none):
            codes.append(i.code)
    return [IndicatorLine(c, by_code[c].description, by_code[c].unit_of_measure,
                          targets.get(c, by_code[c].target(year))) for c in codes]


def budget_lines(form: Form | None) -> list[BudgetLine]:
    """The form's programs (those with a code), kegiatan and sub kegiatan, in the form's order."""
    lines: list[BudgetLine] = []
    for p in form.programs if form else ():
        if p.code:
            lines.append(BudgetLine("Program", p.code, p.name, p.budget))
        for k in p.activities:
            lines.append(BudgetLine("Kegiatan", k.code, k.name, k.budget))
            lines += [BudgetLine("Sub Kegiatan", s.code, s.name, s.budget) for s in k.subs]
    return lines
