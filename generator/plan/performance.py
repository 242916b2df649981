"""The performance year as plan values: for every indicator of the year's RKT, its quarterly
targets (the Rencana Aksi), its quarterly realisations (the reports), the year so far and its
capaian by the agency's rules; for every unit and quarter, whether the report is in, when it
was due and how late it is; per program, budget realised against the pagu.

What a page or a document prints comes from here, so that the Capaian page, the PDF, the
workbook, the published data and the regency all show the same numbers with the same formula.
Pure functions of the model, "today" and the arrival dates (I/O stays in derive.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.core import target as tgt
from generator.core.calendar import WorkCalendar
from generator.core.capaian import AGGREGATION_WORDS, Capaian, aggregate, aggregate_targets, measure, shown_value
from generator.core.model import Agency, CycleFolder, Indicator, Objective, Person, Program
from generator.core.year import (
    LAST,
    QUARTER_NAMES,
    QUARTERS,
    MeasurementRules,
    PlannedIndicator,
    QuarterReport,
    Realisation,
    quarter_end,
)
from generator.plan.arrivals import Arrival
from generator.plan.compile import CompiledRkt, PerformanceRow

# the state of one unit's report of one quarter
NOT_ENDED = "belum berakhir"  # the quarter is still running
WAITING = "menunggu laporan"  # ended, not in, not yet due
LATE_MISSING = "terlambat"  # ended, not in, past due
ON_TIME = "tepat waktu"
LATE = "terlambat diserahkan"  # in, after the due day


@dataclass(frozen=True, slots=True)
class QuarterCell:
    """One indicator in one quarter: the planned target, the realisation, the capaian."""

    quarter: int
    target: tgt.Target | None  # None: no Rencana Aksi for the indicator
    realisation: Realisation | None
    value: tgt.Target | None  # the realisation read in the target's unit
    capaian: Capaian | None
    ended: bool

    @property
    def target_text(self) -> str:
        return self.target.text.strip() if self.target is not None else ""

    @property
    def value_text(self) -> str:
        return str(self.realisation.value).strip() if self.realisation is not None else ""


@dataclass(frozen=True, slots=True)
class SoFar:
    """The year so far: the reported quarters aggregated, against their targets aggregated
    the same way (and, once TW IV is in, against the year's target)."""

    quarters: tuple[int, ...]  # the quarters reported
    realised: str  # the aggregated realisation as text ("" when none)
    target: str  # the aggregated target of the same quarters
    capaian: Capaian | None
    how: str  # "jumlah triwulan I–II", "nilai triwulan terakhir (TW II)"


@dataclass(frozen=True, slots=True)
class IndicatorYear:
    """One indicator of the year's RKT through the year."""

    number: str  # "1.2": sasaran number and indicator number, as the capaian table numbers rows
    objective: Objective
    indicator: Indicator
    year_target: str  # as the RKT and the PK print it
    unit: str | None  # the unit whose Rencana Aksi carries it
    responsible: Person | None
    planned: PlannedIndicator | None
    cells: tuple[QuarterCell, QuarterCell, QuarterCell, QuarterCell]
    so_far: SoFar
    year: Capaian | None  # against the year's target, once all four quarters are reported
    plan_problem: str | None  # the quarterly targets do not aggregate to the year's target

    @property
    def is_iku(self) -> bool:
        return self.indicator.is_iku


@dataclass(frozen=True, slots=True)
class ReportState:
    """One unit's report of one quarter."""

    unit: str
    quarter: int
    due: dt.date
    report: QuarterReport | None
    arrived: dt.date | None  # merge date (or the report's own date when Git does not give one)
    state: str
    late_days: int  # working days late (past due and missing, or handed in late)
    revisions: int


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One program of a unit: the pagu, realisation per quarter, serapan."""

    unit: str
    code: str | None
    name: str
    budget: int | None  # the program's pagu in the unit's form; None when unknown
    spent: tuple[int | None, int | None, int | None, int | None]  # per quarter; None: not reported
    planned: tuple[int, int, int, int] | None  # the Rencana Aksi's plan, when given

    @property
    def cumulative(self) -> tuple[int | None, ...]:
        """Spent up to each quarter; unknown from the first quarter not reported on (a sum over a
        missing quarter would pass for the real one)."""
        out: list[int | None] = []
        total: int | None = 0
        for s in self.spent:
            total = None if s is None or total is None else total + s
            out.append(total)
        return tuple(out)

    def absorption(self, quarter: int) -> Decimal | None:
        """Serapan up to a quarter (%), None when the pagu or the quarter is unknown."""
        done = self.cumulative[quarter - 1]
        if done is None or not self.budget:
            return None
        return Decimal(done) * 100 / Decimal(self.budget)


@dataclass(frozen=True, slots=True)
class MeasuredYear:
    year: int
    rules: MeasurementRules
    indicators: tuple[IndicatorYear, ...]
    reports: tuple[ReportState, ...]  # every unit that carries an indicator × every quarter
    budget: tuple[BudgetLine, ...]
    has_plan: bool  # a Rencana Aksi file exists for the year

    def report(self, unit: str, quarter: int) -> ReportState | None:
        return next((r for r in self.reports if r.unit == unit and r.quarter == quarter), None)

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.unit for r in self.reports))

    def ended_quarters(self, today: dt.date) -> tuple[int, ...]:
        return tuple(q for q in QUARTERS if quarter_end(self.year, q) < today)


def report_due(year: int, quarter: int, rules: MeasurementRules, cal: WorkCalendar) -> dt.date:
    """The last day to have a quarter's report approved: the `report_days`-th working day after
    the quarter ends."""
    return cal.add(quarter_end(year, quarter) + dt.timedelta(days=1), rules.report_days)


def _read(typed: str | int, indicator: Indicator) -> tgt.Target:
    return tgt.parse(typed, indicator.unit_of_measure)


def _cell(quarter: int, planned: PlannedIndicator | None, realisation: Realisation | None, indicator: Indicator,
          rules: MeasurementRules, ended: bool) -> QuarterCell:
    target = _read(planned.target(quarter), indicator) if planned is not None else None
    value = _read(realisation.value, indicator) if realisation is not None else None
    capaian = (measure(value, target, indicator.direction, rules)
               if value is not None and target is not None else None)
    return QuarterCell(quarter, target, realisation, value, capaian, ended)


def aggregated(values: list[tgt.Target], how: str) -> tgt.Target:
    """Realisations of several quarters (in order, at least one) as one: numbers aggregated as the
    indicator says and written as the quarters wrote theirs; the last quarter's as the unit typed it
    ("71,50") where it stands for the year (`terakhir`), and so do text realisations."""
    numbers = [v.value for v in values if v.value is not None and v.kind in tgt.NUMERIC]
    if how == LAST or len(numbers) != len(values):
        return values[-1]
    total = aggregate(numbers, how)
    assert total is not None
    last = values[-1]
    return tgt.Target(shown_value(total, last), last.kind, total, last.unit, last.unit_in_text)


def _so_far(cells: tuple[QuarterCell, ...], indicator: Indicator, rules: MeasurementRules) -> SoFar:
    reported = [c for c in cells if c.value is not None and c.target is not None]
    quarters = tuple(c.quarter for c in reported)
    if not reported:
        return SoFar((), "", "", None, "")
    how = indicator.aggregation
    names = "–".join(dict.fromkeys((QUARTER_NAMES[quarters[0]], QUARTER_NAMES[quarters[-1]])))
    words = f"{AGGREGATION_WORDS[how]} ({names})"
    target = aggregate_targets([c.target for c in reported if c.target is not None], how)
    realised = aggregated([c.value for c in reported if c.value is not None], how)
    capaian = measure(realised, target, indicator.direction, rules) if target is not None else None
    return SoFar(quarters, realised.text.strip(), target.text.strip() if target else "", capaian, words)


def plan_problem(planned: PlannedIndicator, indicator: Indicator, year_target: str) -> str | None:
    """Why the quarterly targets do not make the year's target (Indonesian), or None when they do."""
    targets = [_read(t, indicator) for t in planned.targets]
    whole = aggregate_targets(targets, indicator.aggregation)
    wanted = _read(year_target, indicator)
    if whole is None or wanted.is_none:
        return None
    if whole.value is not None and wanted.value is not None:
        if whole.value == wanted.value:
            return None
    elif whole.kind == tgt.RANGE and wanted.kind == tgt.RANGE:
        if (whole.low, whole.high) == (wanted.low, wanted.high):
            return None
    elif whole.same_as(wanted):
        return None
    return (f"target triwulan ({', '.join(t.text.strip() for t in targets)}) dengan agregasi "
            f"'{indicator.aggregation}' menghasilkan {whole.text.strip()}, sedangkan target tahunan di RKT "
            f"{year_target}")


def _year_capaian(cells: tuple[QuarterCell, ...], ind: Indicator, year_target: str,
                  rules: MeasurementRules) -> Capaian | None:
    """The year's capaian: the four quarters aggregated against the year's target."""
    values = [c.value for c in cells if c.value is not None]
    if len(values) != 4:
        return None
    return measure(aggregated(values, ind.aggregation), _read(year_target, ind), ind.direction, rules)


def _indicator_year(number: str, row: PerformanceRow, unit: str | None, planned: PlannedIndicator | None,
                    reports: dict[int, QuarterReport], agency: Agency, today: dt.date, year: int) -> IndicatorYear:
    ind = row.indicator
    rules = agency.measurement
    cells = tuple(_cell(q, planned, reports[q].realisation(ind.code) if q in reports else None, ind, rules,
                        quarter_end(year, q) < today) for q in QUARTERS)
    so_far = _so_far(cells, ind, rules)
    year_capaian = None
    if so_far.quarters == QUARTERS and row.filled:
        year_capaian = _year_capaian(cells, ind, row.target_text, rules)
    responsible = agency.person(planned.responsible) if planned is not None else None
    problem = plan_problem(planned, ind, row.target_text) if planned is not None and row.filled else None
    return IndicatorYear(number, row.objective, ind, row.target_text, unit, responsible, planned,
                         cells, so_far, year_capaian, problem)  # type: ignore[arg-type]


def _report_state(unit: str, quarter: int, folder: CycleFolder, rules: MeasurementRules, cal: WorkCalendar,
                  today: dt.date, arrivals: dict[str, Arrival], dates_from_git: bool) -> ReportState:
    year = folder.year
    due = report_due(year, quarter, rules, cal)
    report = folder.year_files.report(quarter, unit)
    if report is None:
        if quarter_end(year, quarter) >= today:
            return ReportState(unit, quarter, due, None, None, NOT_ENDED, 0, 0)
        if today <= due:
            return ReportState(unit, quarter, due, None, None, WAITING, 0, 0)
        return ReportState(unit, quarter, due, None, None, LATE_MISSING, cal.count(due + dt.timedelta(days=1), today),
                           0)
    arrival = arrivals.get(report.at.file) if dates_from_git else None
    arrived = arrival.date if arrival is not None else report.filled_on
    late = cal.count(due + dt.timedelta(days=1), arrived) if arrived is not None else 0
    return ReportState(unit, quarter, due, report, arrived, LATE if late else ON_TIME, late, len(report.revisions))


def _budget(rkt: CompiledRkt, folder: CycleFolder) -> tuple[BudgetLine, ...]:
    lines = []
    for unit_plan in rkt.units:
        form = unit_plan.form
        if form is None:
            continue
        plan = folder.year_files.plan_of(form.unit)
        for program in form.programs:
            spent = tuple(_spent(program, folder.year_files.report(q, form.unit)) for q in QUARTERS)
            planned = next((b.amounts for b in plan.budget if b.program == program.code), None) if plan else None
            lines.append(BudgetLine(form.unit, program.code, program.name, program.budget,
                                    spent, planned))  # type: ignore[arg-type]
    return tuple(lines)


def _spent(program: Program, report: QuarterReport | None) -> int | None:
    """What a report says was spent on a program in its quarter (its own line, its kegiatan's and
    its sub kegiatan's); None without a report, or when the report names none of them (unknown,
    never 0: a quarter without spending is written as 0)."""
    if report is None:
        return None
    codes = {program.code} | {a.code for a in program.activities} | {s.code for a in program.activities
                                                                      for s in a.subs}
    lines = [s.amount for s in report.spending if s.code in codes]
    return sum(lines) if lines else None


def measured_year(folder: CycleFolder, rkt: CompiledRkt, agency: Agency, cal: WorkCalendar, today: dt.date,
                  arrivals: dict[str, Arrival]) -> MeasuredYear:
    """The performance year of one cycle folder, as of `today`."""
    files = folder.year_files
    owners: dict[str, tuple[str, PlannedIndicator]] = {}
    for plan in files.plans:
        for planned in plan.indicators:
            owners.setdefault(planned.indicator, (plan.unit, planned))
    rows: list[IndicatorYear] = []
    numbers: dict[str, int] = {}
    for row in rkt.performance:
        group = numbers.setdefault(row.objective.code, len(numbers) + 1)
        index = sum(1 for r in rows if r.objective.code == row.objective.code) + 1
        owner = owners.get(row.indicator.code)
        unit = owner[0] if owner is not None else None
        carried = owner[1] if owner is not None else None
        reports = {r.quarter: r for r in files.reports if r.unit == unit} if unit else {}
        rows.append(_indicator_year(f"{group}.{index}", row, unit, carried, reports, agency, today, folder.year))
    dates_from_git = folder.cycle.dates_from_git if folder.cycle is not None else True
    units = tuple(dict.fromkeys([p.unit for p in files.plans] + [r.unit for r in files.reports]))
    states = tuple(_report_state(u, q, folder, agency.measurement, cal, today, arrivals, dates_from_git)
                   for u in units for q in QUARTERS)
    return MeasuredYear(folder.year, agency.measurement, tuple(rows), states, _budget(rkt, folder),
                        bool(files.plans))
