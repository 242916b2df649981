"""The season(s) the agency is in on a given day, and the quarterly reports a reminder names.

Four kinds of season, each one line on the Beranda:
- "Penyusunan RKT <year>": while that year's cycle runs (the SOP's eleven steps);
- "Rencana Aksi <year>": in January and February of a year whose RKT is signed, while a unit that
  carries a PK indicator has no Rencana Aksi for it yet (the PK's indicators: the key ones the
  Renstra marks, else every indicator, as the PK prints them);
- "Pelaporan Triwulan <N> <year>": from the day after the quarter ends until every required report
  is in. The units that must report are the ones whose Rencana Aksi carries indicators
  (`MeasuredYear.reports`); a report past its due day names who must act: the unit's head, with
  the working days it is late;
- "LKjIP <year>": from 1 January of the next year until the upload to e-SAKIP Reviu is recorded
  (`sakip.py`: the stages, their due days and lateness), at most through that next year.

The due day and the lateness of a report come from `performance.py` (the agency's calendar and
`tenggat_laporan`), so every surface gives the same figures. Pure functions of the derived state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from generator.core.calendar import WorkCalendar
from generator.core.model import Agency, CycleFolder, Person
from generator.core.year import QUARTER_NAMES
from generator.plan.compile import CompiledRkt
from generator.plan.derive import Derived
from generator.plan.performance import LATE_MISSING, WAITING, MeasuredYear, ReportState
from generator.plan.sakip import SakipYear, StageState, sakip_years, who_must_act
from generator.plan.status import BERJALAN, CycleStatus

PLANNING = "penyusunan"
ACTION_PLAN = "rencana-aksi"
REPORTING = "pelaporan"
ACCOUNTABILITY = "lkjip"  # the LKjIP and the SAKIP stages after the year

ACTION_PLAN_MONTHS = (1, 2)  # the Rencana Aksi is made with the PK, in January (February at the latest)
REMIND_WITHIN = 5  # working days: a reminder names the reports due this soon


def quarter_words(quarter: int) -> str:
    """"Triwulan III" (QUARTER_NAMES writes "TW III")."""
    return "Triwulan " + QUARTER_NAMES[quarter].split()[-1]


@dataclass(frozen=True, slots=True)
class ReportDue:
    """One unit's report of one quarter that is not in: its due day, who must hand it in, how late
    it is (0 while not yet due) or how many working days are left (0 on or after the due day)."""

    year: int
    quarter: int
    unit: str  # unit code
    head: Person | None  # the unit's head (agency.yaml); None when the unit is not in agency.yaml
    due: dt.date
    late_days: int
    days_left: int

    @property
    def is_late(self) -> bool:
        return self.late_days > 0


@dataclass(frozen=True, slots=True)
class Season:
    """One thing the agency is doing now."""

    kind: str  # PLANNING | ACTION_PLAN | REPORTING
    year: int  # the RKT's year, or the performance year being planned or reported
    quarter: int | None = None  # REPORTING: the quarter
    due: dt.date | None = None  # REPORTING: the day the quarter's reports are due
    waiting: tuple[str, ...] = ()  # units (codes) whose report or Rencana Aksi is not in yet
    required: int = 0  # how many units must hand it in
    overdue: tuple[ReportDue, ...] = ()  # REPORTING: reports past due, with who must act
    stage: StageState | None = None  # ACCOUNTABILITY: the stage waited on (the first late one, else the next)
    late_people: tuple[tuple[Person, StageState], ...] = ()  # ACCOUNTABILITY: who must act on a late stage

    @property
    def title(self) -> str:
        if self.kind == PLANNING:
            return f"Penyusunan RKT {self.year}"
        if self.kind == ACTION_PLAN:
            return f"Rencana Aksi {self.year}"
        if self.kind == ACCOUNTABILITY:
            return f"LKjIP {self.year}"
        assert self.quarter is not None
        return f"Pelaporan {quarter_words(self.quarter)} {self.year}"


def seasons(d: Derived) -> tuple[Season, ...]:
    """The seasons of `d.today` (see the module's docstring)."""
    return seasons_of(d.today, d.repo.agency, d.folders, d.statuses, d.compiled, d.measured, d.cal)


def seasons_of(today: dt.date, agency: Agency, folders: tuple[CycleFolder, ...], statuses: Mapping[int, CycleStatus],
               compiled: Mapping[int, CompiledRkt], measured: Mapping[int, MeasuredYear],
               cal: WorkCalendar) -> tuple[Season, ...]:
    """Planning first (oldest cycle first), then the Rencana Aksi, then the reports by year and quarter,
    then the LKjIP."""
    out = [Season(PLANNING, y) for y in sorted(statuses) if statuses[y].phase == BERJALAN]
    folder = next((f for f in folders if f.year == today.year), None)
    if folder is not None and today.year in compiled:
        out += _action_plan(today, folder, statuses.get(today.year), compiled[today.year])
    for year in sorted(measured):
        out += _reporting(measured[year], agency, cal, today)
    out += [_accountability(y) for y in sakip_years(folders, agency, cal, today).values() if y.season_open]
    return tuple(out)


def _accountability(year: SakipYear) -> Season:
    """The LKjIP season: the stage waited on is the first late one, else the first not done; the
    people of the late stages' roles, as `rkt status` names them."""
    stage = year.late[0] if year.late else year.waiting_on
    return Season(ACCOUNTABILITY, year.year, due=stage.due if stage else None, stage=stage,
                  late_people=who_must_act(year) if year.late else ())


def pk_units(rkt: CompiledRkt) -> tuple[str, ...]:
    """The units that carry an indicator of the PK: its key indicators (IKU), or every indicator
    when the Renstra marks none (as plan/agreement.py prints it), agreed or still pending."""
    rows = [r for r in rkt.performance if r.indicator.is_iku] or list(rkt.performance)
    return tuple(dict.fromkeys(code for r in rows for code in (*(t.unit for t in r.agreed), *r.pending)))


def _action_plan(today: dt.date, folder: CycleFolder, status: CycleStatus | None,
                 rkt: CompiledRkt) -> list[Season]:
    if today.month not in ACTION_PLAN_MONTHS or status is None or status.signed_on is None:
        return []
    units = pk_units(rkt)
    waiting = tuple(u for u in units if folder.year_files.plan_of(u) is None)
    return [Season(ACTION_PLAN, folder.year, waiting=waiting, required=len(units))] if waiting else []


def in_unit_order(agency: Agency, states: list[ReportState]) -> list[ReportState]:
    """Reports in the order agency.yaml lists the units (units it does not list last)."""
    order = {u.code: n for n, u in enumerate(agency.units)}
    return sorted(states, key=lambda r: order.get(r.unit, len(order)))


def _reporting(year: MeasuredYear, agency: Agency, cal: WorkCalendar, today: dt.date) -> list[Season]:
    out = []
    for quarter in year.ended_quarters(today):
        states = in_unit_order(agency, [r for r in year.reports if r.quarter == quarter])
        missing = [r for r in states if r.state in (WAITING, LATE_MISSING)]
        if not missing:
            continue
        due = [report_due(year.year, r, agency, cal, today) for r in missing]
        out.append(Season(REPORTING, year.year, quarter, states[0].due, tuple(r.unit for r in missing),
                          len(states), tuple(r for r in due if r.is_late)))
    return out


def report_due(year: int, state: ReportState, agency: Agency, cal: WorkCalendar, today: dt.date) -> ReportDue:
    """A report not in, with its unit's head and how late it is or how long is left."""
    unit = agency.unit(state.unit)
    head = agency.person(unit.head) if unit is not None else None
    left = cal.count(today + dt.timedelta(days=1), state.due) if state.state == WAITING else 0
    late = state.late_days if state.state == LATE_MISSING else 0
    return ReportDue(year, state.quarter, state.unit, head, state.due, late, left)


def reports_to_remind(measured: Mapping[int, MeasuredYear], agency: Agency, cal: WorkCalendar, today: dt.date,
                      within: int = REMIND_WITHIN) -> dict[int, tuple[ReportDue, ...]]:
    """Per performance year, the reports a reminder names: past due, or due within `within` working
    days (the due day itself included); late ones first, then by due day, quarter and unit order."""
    out = {}
    for year in sorted(measured):
        items = [report_due(year, r, agency, cal, today) for r in in_unit_order(agency, list(measured[year].reports))
                 if r.state in (WAITING, LATE_MISSING)]
        items = [r for r in items if r.is_late or r.days_left <= within]
        out[year] = tuple(sorted(items, key=lambda r: (not r.is_late, r.due, r.quarter)))
    return out


REMINDER_AFTER = 10  # working days an ended quarter stays in the reminder after its due day or last report


def reminder_open(year: MeasuredYear, cal: WorkCalendar, today: dt.date) -> bool:
    """Whether the year's report reminder is still spoken of: from the end of a quarter until every
    report of it is in and `REMINDER_AFTER` working days have passed since its due day and its last
    report (so that a reminder opened for it is said to be over, and closed, on a later morning)."""
    for quarter in year.ended_quarters(today):
        states = [r for r in year.reports if r.quarter == quarter]
        if any(r.state in (WAITING, LATE_MISSING) for r in states):
            return True
        if not states:
            continue
        last = max([states[0].due, *(r.arrived for r in states if r.arrived is not None)])
        if today <= cal.add(cal.next_workday(last), REMINDER_AFTER):
            return True
    return False
