"""Rules on the performance table the forms of a cycle add up to: the compiled RKT prints
the units' targets, so warn where it would print "belum diisi" although every responsible
unit is in, and where units disagree."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check import formrules
from generator.check.rules.common import problem
from generator.core import target as tgt
from generator.core.model import At, Cycle, CycleFolder, Form, Indicator, Repository
from generator.core.problems import WARNING, Problem

# (unit, target as typed, the target's place in the unit's form)
Answer = tuple[str, str | int, At]


def performance_rules(repo: Repository, folder: CycleFolder) -> Iterator[Problem]:
    renstra, c = repo.renstra, folder.cycle
    if renstra is None or c is None:
        return
    forms = {f.unit: f for f in folder.forms}
    given: dict[str, list[Answer]] = {}
    for f in folder.forms:
        for row in f.performance:
            for t in row.indicators:
                given.setdefault(t.indicator, []).append((f.unit, t.target, t.at))
    for _, ind in renstra.indicators():
        answers = given.get(ind.code, [])
        names = formrules.unit_names(repo)
        if not answers:
            yield from _unanswered(ind, folder.year, c, forms, names)
        yield from _disagreeing(ind, answers, names)


def _unanswered(ind: Indicator, year: int, c: Cycle, forms: dict[str, Form],
                names: dict[str, str]) -> Iterator[Problem]:
    """No form gives the indicator a target although every unit responsible for it is in (and
    the Renstra does not say "-" for the year)."""
    responsible = [u for u in c.required_units if u in ind.units]
    planned = ind.target(year)
    if (responsible and all(u in forms for u in responsible)
            and not (planned is not None and tgt.parse(planned).is_none)):
        for u in responsible:
            yield problem(forms[u].at / "kinerja", "RKT223", formrules.message(
                "belum_ada_target", kode=ind.code, uraian=ind.description,
                unit=", ".join(names.get(u, u) for u in responsible)),
                severity=WARNING)


def _disagreeing(ind: Indicator, answers: list[Answer], names: dict[str, str]) -> Iterator[Problem]:
    """Units that give the indicator targets that say different things: each is warned."""
    distinct: list[Answer] = []
    for a in answers:
        if not any(tgt.parse(a[1], ind.unit_of_measure).same_as(tgt.parse(d[1], ind.unit_of_measure))
                   for d in distinct):
            distinct.append(a)
    if len(distinct) > 1:
        listed = "; ".join(f"{names.get(u, u)}: {t}" for u, t, _ in answers)
        for _unit, _, at in answers:
            yield problem(at / "target", "RKT224", formrules.message("target_berbeda", kode=ind.code, daftar=listed),
                          severity=WARNING)
