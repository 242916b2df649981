"""What the rules on the performance year's files (Rencana Aksi, quarterly reports) look up:
the year's compiled RKT rows, the Renstra indicators, the units' forms and the staff list, and
the ways a target or a realisation can be written unlike the target it answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.check import formrules
from generator.check.rules.common import choices, problem
from generator.core import target as tgt
from generator.core.capaian import decimal_text
from generator.core.model import At, CycleFolder, Form, Indicator, Program, Repository
from generator.core.problems import WARNING, Problem
from generator.core.year import ActionPlan, QuarterReport
from generator.plan.compile import PerformanceRow, compile_rkt


@dataclass(frozen=True)
class YearContext:
    """One cycle folder's performance year and what its rules compare it with."""

    repo: Repository
    folder: CycleFolder
    today: dt.date
    files: frozenset[str]
    rows: Mapping[str, PerformanceRow]  # the compiled RKT's rows by indicator code; empty without an RKT
    indicators: Mapping[str, Indicator]  # the Renstra's, by code
    names: Mapping[str, str]  # unit code -> short name ("Bidang MPK")
    persons: frozenset[str] | None  # None without a valid agency.yaml
    units: frozenset[str] | None

    @property
    def year(self) -> int:
        return self.folder.year

    def name(self, unit: str) -> str:
        return self.names.get(unit, unit)

    def form(self, unit: str) -> Form | None:
        return next((f for f in self.folder.forms if f.unit == unit), None)

    def form_file(self, unit: str) -> str:
        return f"{self.folder.folder}/forms/{unit}.yaml"

    def form_invalid(self, unit: str) -> bool:
        """The unit's form is there but did not pass its schema (its own problems say why)."""
        return self.form(unit) is None and self.form_file(unit) in self.files

    def form_missing(self, at: At, unit: str, what: str) -> Iterator[Problem]:
        """A warning that `what` (codes of the unit's form) cannot be checked while its form is
        not in; nothing when the form is there but invalid (its own problems say why)."""
        if not self.form_invalid(unit):
            yield problem(at, "RKT243", f"Form RKT {self.year} unit {self.name(unit)} ({self.form_file(unit)}) "
                                        f"belum ada, jadi {what} belum dapat diperiksa", severity=WARNING)

    def plan_file(self, unit: str) -> str:
        return f"{self.folder.folder}/renaksi/{unit}.yaml"

    def plan(self, unit: str) -> ActionPlan | None:
        """The unit's Rencana Aksi, when it lies where its unit and year say (a misplaced one has
        its RKT213 and is not compared with anything else)."""
        return next((p for p in self.folder.year_files.plans if p.unit == unit and placed(self, p)), None)

    @property
    def plans(self) -> tuple[ActionPlan, ...]:
        return tuple(p for p in self.folder.year_files.plans if placed(self, p))

    def year_target(self, code: str) -> str | None:
        """The indicator's target in the year's RKT as printed, when the RKT has one to print and
        the units agree on it; None otherwise (not in yet, or units disagree: RKT224 says so)."""
        row = self.rows.get(code)
        if row is None or not row.filled or len(row.distinct) > 1:
            return None
        return row.target_text


def _stem(at: At) -> str:
    return at.file.rsplit("/", 1)[-1][:-len(".yaml")]


def placed(ctx: YearContext, item: ActionPlan | QuarterReport) -> bool:
    """Whether a Rencana Aksi or a report says the unit, year (and quarter) its place says."""
    if item.unit != _stem(item.at) or item.year != ctx.year:
        return False
    return not isinstance(item, QuarterReport) or item.at.file.split("/")[-2] == f"tw{item.quarter}"


def year_context(repo: Repository, folder: CycleFolder, today: dt.date, files: set[str]) -> YearContext:
    agency, renstra = repo.agency, repo.renstra
    rows: dict[str, PerformanceRow] = {}
    if agency is not None and renstra is not None and folder.cycle is not None:
        rows = {r.indicator.code: r for r in compile_rkt(folder, agency, renstra).performance}
    indicators = {i.code: i for _, i in renstra.indicators()} if renstra is not None else {}
    return YearContext(repo, folder, today, frozenset(files), rows, indicators, formrules.unit_names(repo),
                       frozenset(p.code for p in agency.persons) if agency else None,
                       frozenset(u.code for u in agency.units) if agency else None)


def has_year_target(row: PerformanceRow) -> bool:
    """Whether the RKT gives the indicator a target this year: agreed by a unit, or (forms not in
    yet) written in the Renstra; never "-"."""
    if row.agreed:
        return any(not read(t.target, row.indicator).is_none for t in row.agreed)
    return row.renstra is not None and not row.renstra_says_none


def misnamed(ctx: YearContext, at: At, unit: str, year: int, kind: str, named: str,
             folder: str) -> Iterator[Problem]:
    """A year's file (a Rencana Aksi, a report) whose unit or year is not the one its name and folder
    say (RKT213): `kind` as the message names it, `named` the file it should be, `folder` its kind's."""
    stem = at.file.rsplit("/", 1)[-1][:-len(".yaml")]
    if unit != stem:
        yield problem(at / "unit", "RKT213", f"unit '{unit}' tidak sama dengan nama berkasnya ({stem}.yaml); {kind} "
                                             f"unit '{unit}' harus bernama {named}")
    if year != ctx.year:
        yield problem(at / "tahun", "RKT213", f"tahun {year} tidak sama dengan folder siklusnya ({ctx.year}); {kind} "
                                              f"tahun {year} diletakkan di cycles/{year}/{folder}/")


def unknown_unit(ctx: YearContext, at: At, unit: str) -> Iterator[Problem]:
    """A unit that agency.yaml does not list (RKT200)."""
    if ctx.units is not None and unit not in ctx.units:
        yield problem(at / "unit", "RKT200", f"unit '{unit}' tidak ada di cycles/agency.yaml; pilih salah satu: "
                                             f"{choices(sorted(ctx.units))}")


def program_codes(program: Program) -> set[str]:
    """The codes spending on a program is reported under: its own, its kegiatan's, their sub kegiatan's."""
    return ({program.code} if program.code else set()) | {k.code for k in program.activities} | {
        s.code for k in program.activities for s in k.subs}


def form_codes(form: Form) -> dict[str, str]:
    """Every code of a form with its level: program, kegiatan, sub kegiatan."""
    out: dict[str, str] = {}
    for p in form.programs:
        if p.code:
            out[p.code] = "program"
        for k in p.activities:
            out[k.code] = "kegiatan"
            for s in k.subs:
                out[s.code] = "sub kegiatan"
    return out


def read(typed: str | int, ind: Indicator) -> tgt.Target:
    return tgt.parse(typed, ind.unit_of_measure)


def _unit_key(t: tgt.Target) -> str:
    return " ".join((t.unit or "").split()).casefold()


def unit_words(t: tgt.Target) -> str:
    """How a message names what a target or realisation is written in."""
    if t.kind == tgt.PREDICATE:
        return "predikat"
    if t.kind == tgt.TEXT:
        return "teks, bukan angka"
    if t.kind == tgt.RANGE:
        return f"rentang ({t.unit})" if t.unit else "rentang"
    if t.unit == "%":
        return "persen (%)"
    return f"satuan '{t.unit}'" if t.unit else "angka tanpa satuan"


def _numeric(t: tgt.Target) -> bool:
    return t.kind in tgt.NUMERIC and (t.value is not None or t.dotted)


def _units_differ(a: tgt.Target, b: tgt.Target) -> bool:
    """Two numbers in different units; a bare number with no unit at all is taken in the other's."""
    return bool(a.unit and b.unit) and _unit_key(a) != _unit_key(b)


def quarter_unlike_year(q: tgt.Target, year: tgt.Target) -> bool:
    """A quarterly target not written as the year's target is ("5 orang" for "84%", a range for a
    single number, a number for a predikat)."""
    if q.is_none or year.is_none:
        return False
    if year.kind == tgt.RANGE or q.kind == tgt.RANGE:
        return q.kind != year.kind or _units_differ(q, year)
    if _numeric(year):
        return not _numeric(q) or _units_differ(q, year)
    if year.kind == tgt.PREDICATE:
        return q.kind != tgt.PREDICATE
    return False


def value_unlike_target(value: tgt.Target, target: tgt.Target) -> bool:
    """A realisation not written in its target's unit: another unit ("12 orang" against "90%"),
    text or a range against a number, anything but a predikat against a predikat."""
    if value.is_none or target.is_none:
        return False
    if target.kind == tgt.RANGE or _numeric(target):
        return not _numeric(value) or _units_differ(value, target)
    if target.kind == tgt.PREDICATE:
        return value.kind != tgt.PREDICATE
    return False


def example(value: tgt.Target, target: tgt.Target) -> str:
    """How the value could be written in the target's unit, for a message ("85%", "12 hari kerja")."""
    if target.kind == tgt.PREDICATE:
        return '"BB"'
    number = value.value if value.value is not None else (target.value if target.value is not None else target.low)
    shown = decimal_text(number) if number is not None else "85"
    if target.unit == "%":
        return f'"{shown}%"'
    return f'"{shown} {target.unit}"' if target.unit and target.unit_in_text else f'"{shown}"'
