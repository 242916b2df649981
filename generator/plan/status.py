"""Where a cycle stands: pure functions of the model, the calendar and "today".

Evidence first: a unit's form counts as submitted when it is on the main
branch (dated by the first-parent commit that brought it there, or by the
form's own `tanggal` when the cycle says its dates do not come from Git);
step 5 is done when every required unit is in; step 11 when a signed version
whose scan verifies exists. Every other step comes from the event log, where a
"tidak" at a decision step sends the cycle back to the step the SOP names and
counts a revision round.

The cycle as a whole is dijadwalkan until its first working day (nothing can be
late or missing yet), then berjalan, and selesai when every step is done; a
cycle recorded after the fact (`dicatat_kemudian`) is dicatat: what was recorded
stands, steps without a record are "tanpa catatan", and no SOP schedule is computed for
it (its start date is optional): no baseline, deadline, forecast or lateness.
A cycle's finish is the day its RKT was signed (the signing step, the one before the
archiving step); the archiving into the repository (`rkt sign`, possibly years later for
a recorded cycle) is a date of its own, never the finish.
A running cycle carries its forecast (`forecast.py`: when it will end); a finished
one, how far past its baseline it ended. `who_must_act` names the people a running
cycle waits on, by role or, for missing forms, as the heads of the units.

The parts: submissions.py (when each form counts as in), replay.py (what the event
log and the evidence say about each step); this module judges the steps and the cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator.core.calendar import WorkCalendar
from generator.core.fmt import date_id
from generator.core.model import Agency, Cycle, CycleFolder, Person, Sop, Step
from generator.plan.arrivals import Arrival
from generator.plan.forecast import Forecast, forecast
from generator.plan.replay import Rejection, Replay, apply_evidence, replay
from generator.plan.submissions import Submission, submissions

BELUM = "belum"
BERJALAN = "berjalan"
SELESAI = "selesai"
TERLAMBAT = "terlambat"
DILEWATI = "dilewati"
TANPA_CATATAN = "tanpa-catatan"  # a step of a recorded cycle of which nothing was recorded

# the cycle as a whole (BERJALAN and SELESAI double as step states)
DIJADWALKAN = "dijadwalkan"  # its start is still in the future
DICATAT = "dicatat"  # recorded after the fact: an archive, never late, never reminded

STATE_LABELS = {
    BELUM: "Belum bisa dimulai",  # GOV.UK's task list: "Cannot start yet", not a bare "not yet"
    BERJALAN: "Berjalan",
    SELESAI: "Selesai",
    TERLAMBAT: "Terlambat",
    DILEWATI: "Dilewati",
    TANPA_CATATAN: "Tanpa catatan",
}

# One measure of lateness on every surface (site, terminal, reminder, regency): working days, counted
# by the calendar here. A step is late by the working days past its own deadline (its start + its SOP
# time); a cycle's forecast is compared with the end of the SOP schedule (every step's SOP time chained
# from the cycle's start), and says so.
SOP_SCHEDULE = "jadwal SOP"


def working_days(n: int) -> str:
    """14 hari kerja"""
    return f"{n} hari kerja"


def late_label(n: int) -> str:
    """Terlambat 14 hari kerja"""
    return f"Terlambat {working_days(n)}"


def versus_schedule(behind: int, schedule_end: dt.date | None) -> str:
    """How a finish compares with the end of the SOP schedule: "15 hari kerja setelah akhir jadwal SOP
    (2 Desember 2026)", or "tidak melewati akhir jadwal SOP (2 Desember 2026)"."""
    if behind:
        return f"{working_days(behind)} setelah akhir {SOP_SCHEDULE} ({date_id(schedule_end)})"
    return f"tidak melewati akhir {SOP_SCHEDULE} ({date_id(schedule_end)})"


def forecast_versus(forecast: Forecast) -> str:
    """What a forecast finish is measured against, and on what it rests: "15 hari kerja setelah akhir
    jadwal SOP (2 Desember 2026), bila setiap langkah berikutnya selesai dalam waktu SOP"."""
    return (f"{versus_schedule(forecast.behind, forecast.baseline_end)}, bila setiap langkah berikutnya selesai "
            f"dalam waktu SOP")


def forecast_sentence(forecast: Forecast) -> str:
    """"Perkiraan selesai 23 Desember 2026, 15 hari kerja setelah akhir jadwal SOP (2 Desember 2026),
    bila setiap langkah berikutnya selesai dalam waktu SOP." """
    return f"Perkiraan selesai {date_id(forecast.finish)}, {forecast_versus(forecast)}."


PHASE_LABELS = {
    DIJADWALKAN: "dijadwalkan",
    BERJALAN: "sedang berjalan",
    SELESAI: "selesai",
    DICATAT: "dicatat kemudian",
}


@dataclass(frozen=True, slots=True)
class Planned:
    step: int
    start: dt.date
    end: dt.date  # the SOP deadline in the baseline


@dataclass(frozen=True, slots=True)
class StepStatus:
    step: Step
    planned: Planned | None  # None for a cycle recorded after the fact: it has no SOP schedule
    state: str
    started: dt.date | None
    finished: dt.date | None
    deadline: dt.date | None  # started + SOP time (working days)
    days_used: int  # working days from start to finish (or to today)
    late_by: int  # working days past the deadline (0 if on time)
    times_done: int  # how often the step was completed (rework shows as > 1)
    decision: str | None  # last decision at a decision step
    note: str | None  # skip reason, last note

    @property
    def is_late(self) -> bool:
        return self.late_by > 0

    @property
    def is_running(self) -> bool:
        return self.started is not None and self.finished is None and self.state != DILEWATI


@dataclass(frozen=True, slots=True)
class CycleStatus:
    year: int
    today: dt.date
    steps: tuple[StepStatus, ...]
    submissions: tuple[Submission, ...]
    rejections: tuple[Rejection, ...]
    baseline_end: dt.date | None  # None for a cycle recorded after the fact
    slip: int  # working days the cycle is behind its baseline (0 if not)
    warnings: tuple[str, ...]
    phase: str = BERJALAN  # DIJADWALKAN | BERJALAN | SELESAI | DICATAT
    start: dt.date | None = None  # the cycle's start date (the first working day on or after it)
    forecast: Forecast | None = None  # only while the cycle runs
    ended: dt.date | None = None  # a finished cycle (not a recorded one): the day its last step was done
    ended_behind: int = 0  # working days that day lies past the baseline's end
    signed_on: dt.date | None = None  # a finished cycle: the day its RKT was signed, its finish date
    archived_on: dt.date | None = None  # the day the signed scan was archived in the repository
    # the warnings a running cycle's summary (the step waited on with its lateness, who must act, the
    # units not in, the forecast) does not already state: other late steps, missing calendar data
    beyond_summary: tuple[str, ...] = ()

    @property
    def current(self) -> StepStatus | None:
        """The step the cycle waits on: the first one neither done nor skipped."""
        if self.phase != BERJALAN:
            return None
        return next((s for s in self.steps if s.finished is None and s.state != DILEWATI), None)

    @property
    def finished(self) -> bool:
        """Nothing is left to do: every step done, or an archive recorded after the fact."""
        return self.phase in (SELESAI, DICATAT)

    @property
    def finished_on(self) -> dt.date | None:
        """The finish date a reader is shown: the day the RKT was signed, else (no signing step
        recorded) the day the last step was done; never the archiving into the repository."""
        return self.signed_on or self.ended

    @property
    def forms_in(self) -> int:
        """How many required units' forms are in (`Submission.received`): the one count that
        Beranda, `rkt status` and the published data give."""
        return sum(1 for s in self.submissions if s.received)

    @property
    def missing_units(self) -> tuple[str, ...]:
        # nobody can be missing from a cycle that has not started, nor from an archive
        if self.phase in (DIJADWALKAN, DICATAT):
            return ()
        return tuple(s.unit for s in self.submissions if not s.received)

    @property
    def running(self) -> tuple[StepStatus, ...]:
        return tuple(s for s in self.steps if s.is_running)

    @property
    def late(self) -> tuple[StepStatus, ...]:
        return tuple(s for s in self.steps if s.is_late and s.is_running)

    @property
    def late_days(self) -> int:
        """The cycle's lateness, the one figure every surface gives: the working days the latest
        running step is past its deadline (0 when no running step is late)."""
        return max((s.late_by for s in self.late), default=0)


def baseline(sop: Sop, start: dt.date, cal: WorkCalendar) -> tuple[Planned, ...]:
    """Each step's planned start and deadline, chained from the cycle start in SOP order."""
    out = []
    day = cal.on_or_after(start)
    for step in sop.steps:
        end = cal.add(day, step.days)
        out.append(Planned(step.number, day, end))
        day = cal.next_workday(end)
    return tuple(out)


def _step_status(s: Step, r: Replay, step_list: list[Step], planned: Planned, start: dt.date,
                 cal: WorkCalendar, today: dt.date) -> StepStatus:
    """One step's state, dates and lateness from the replayed log and the evidence."""
    fin = r.finished.get(s.number)
    if s.number in r.skipped and fin is not None:
        return StepStatus(s, planned, DILEWATI, None, fin, None, 0, 0, 0, None, r.note.get(s.number))
    started = _started(s, r, step_list, start, cal, today)
    deadline = cal.add(started, s.days) if started else None
    end = fin if fin is not None else today
    used = cal.count(started, end) if started else 0
    late_by = cal.count(cal.next_workday(deadline), end) if deadline and end > deadline else 0
    if started is None and fin is None:
        state = BELUM
    elif late_by:
        state = TERLAMBAT
    elif fin is not None:
        state = SELESAI
    else:
        state = BERJALAN
    return StepStatus(s, planned, state, started, fin, deadline, used, late_by,
                      r.times.get(s.number, 0), r.decision.get(s.number), r.note.get(s.number))


def _started(s: Step, r: Replay, step_list: list[Step], start: dt.date, cal: WorkCalendar,
             today: dt.date) -> dt.date | None:
    """When the step's current round began: the cycle's start for the first step, the working day
    after a rejection sent the cycle back to it, else the working day after the step before it
    ended; None while it has not begun."""
    fin = r.finished.get(s.number)
    prev = _previous_finish(step_list, s.number, r.finished)
    started: dt.date | None
    if s.number in r.restarts:
        # sent back by a "tidak": this round began the working day after the rejection
        started = cal.next_workday(r.restarts[s.number])
    elif s.number == step_list[0].number:
        started = cal.on_or_after(start)
    else:
        started = cal.next_workday(prev) if prev else None
    if started is None and fin is not None:
        started = fin
    if started is not None and fin is not None and started > fin:
        started = fin  # done together with the step before (e.g. the last form completes step 5)
    if started is not None and started > today and fin is None:
        started = None  # not begun yet (starts tomorrow)
    return started


def cycle_status(folder: CycleFolder, sop: Sop, cal: WorkCalendar, today: dt.date,
                 arrivals: Mapping[str, Arrival] | None = None,
                 unit_names: Mapping[str, str] | None = None) -> CycleStatus:
    cycle = folder.cycle
    assert cycle is not None, "status needs a valid cycle.yaml"
    step_list = list(sop.steps)
    r = replay(cycle, {s.number: s for s in step_list})
    if cycle.recorded:
        return _recorded_cycle(folder, cycle, step_list, r, arrivals or {}, cal, today)
    start = cycle.start
    assert start is not None, "the schema requires `mulai` of a cycle not recorded after the fact"
    plan = {p.step: p for p in baseline(sop, start, cal)}

    form_step = next((s for s in step_list if s.evidence == "form_unit"), None)
    form_deadline = None
    if form_step is not None:
        # the forms' deadline counts from the end of the step before it
        before = _previous_finish(step_list, form_step.number, r.finished)
        first = cal.next_workday(before) if before else None
        form_deadline = cal.add(first, form_step.days) if first else plan[form_step.number].end
    subs = submissions(folder, arrivals or {}, cal, form_deadline)
    apply_evidence(r, folder, step_list, subs)

    out = tuple(_step_status(s, r, step_list, plan[s.number], start, cal, today) for s in step_list)
    return _whole_cycle(cycle, start, today, out, subs, tuple(r.rejections), plan[step_list[-1].number].end, cal,
                        unit_names or {})


def _recorded_cycle(folder: CycleFolder, cycle: Cycle, step_list: list[Step], r: Replay,
                    arrivals: Mapping[str, Arrival], cal: WorkCalendar, today: dt.date) -> CycleStatus:
    """An archive recorded after the fact: what was recorded stands, no SOP schedule is computed
    (no baseline, deadline, forecast or lateness), whether or not it has a start date."""
    subs = submissions(folder, arrivals, cal, None)
    apply_evidence(r, folder, step_list, subs)
    steps = tuple(_recorded_step(s, r) for s in step_list)
    signed_on, archived_on = _signing_dates(steps)
    return CycleStatus(cycle.year, today, steps, subs, tuple(r.rejections), None, 0, (), DICATAT, cycle.start,
                       signed_on=signed_on, archived_on=archived_on)


def _recorded_step(s: Step, r: Replay) -> StepStatus:
    """A step of a recorded cycle: done on the day something shows it, else "tanpa catatan"."""
    fin = r.finished.get(s.number)
    if fin is None:
        state = TANPA_CATATAN
    else:
        state = DILEWATI if s.number in r.skipped else SELESAI
    return StepStatus(s, None, state, None, fin, None, 0, 0, r.times.get(s.number, 0) if fin else 0,
                      r.decision.get(s.number), r.note.get(s.number))


def _signing_dates(steps: tuple[StepStatus, ...]) -> tuple[dt.date | None, dt.date | None]:
    """(signed, archived): when the signing step (the one before the archiving step) and the
    archiving step were done, as far as they were."""
    numbers = [s.step.number for s in steps]
    archive = next((s for s in steps if s.step.evidence == "arsip"), None)
    if archive is None:
        return None, None
    index = numbers.index(archive.step.number)
    signing = steps[index - 1] if index > 0 else None
    signed = signing.finished if signing is not None and signing.state != DILEWATI else None
    return signed, archive.finished


def _whole_cycle(cycle: Cycle, start: dt.date, today: dt.date, steps: tuple[StepStatus, ...],
                 subs: tuple[Submission, ...], rejections: tuple[Rejection, ...], baseline_end: dt.date,
                 cal: WorkCalendar, names: Mapping[str, str]) -> CycleStatus:
    """The cycle as a whole from its steps: its phase, how far it slipped, its warnings."""
    first_day = cal.on_or_after(start)
    if first_day > today:
        phase = DIJADWALKAN
    elif all(x.finished is not None or x.state == DILEWATI for x in steps):
        phase = SELESAI
    else:
        phase = BERJALAN
    current = next((x for x in steps if x.finished is None and x.state != DILEWATI), None)
    slip = 0
    if current is not None and current.planned is not None and today > current.planned.end:
        slip = cal.count(cal.next_workday(current.planned.end), today)
    result = CycleStatus(cycle.year, today, steps, subs, rejections, baseline_end, slip, (), phase, first_day)
    if phase == BERJALAN:
        result = replace(result, forecast=forecast(steps, today, start, baseline_end, cal))
    elif phase == SELESAI:
        ended = max(x.finished for x in steps if x.finished is not None)
        behind = cal.count(cal.next_workday(baseline_end), ended) if ended > baseline_end else 0
        signed_on, archived_on = _signing_dates(steps)
        result = replace(result, ended=ended, ended_behind=behind, signed_on=signed_on, archived_on=archived_on)
    found = _warnings(result, cal, start, names)
    summarised = phase == BERJALAN
    return replace(result, warnings=tuple(text for text, _ in found),
                   beyond_summary=tuple(text for text, said in found if not (said and summarised)))


def _previous_finish(steps: list[Step], number: int, finished: dict[int, dt.date | None]) -> dt.date | None:
    index = next(i for i, s in enumerate(steps) if s.number == number)
    if index == 0:
        return None
    return finished.get(steps[index - 1].number)


def _warnings(status: CycleStatus, cal: WorkCalendar, start: dt.date,
              names: Mapping[str, str]) -> list[tuple[str, bool]]:
    """Each warning, and whether a running cycle's summary states it already (the step it waits on
    with its lateness, the units not in, the forecast)."""
    out = []
    current = status.current
    for s in status.late:
        out.append((f"Langkah {s.step.number} ({s.step.short}) {late_label(s.late_by).lower()}: "
                    f"tenggat {date_id(s.deadline)}, waktu SOP {working_days(s.step.days)}.",
                    current is not None and s.step.number == current.step.number))
    running_forms = any(s.step.evidence == "form_unit" and s.started is not None for s in status.steps)
    missing = status.missing_units
    if missing and running_forms:
        out.append((f"{len(missing)} unit belum menyerahkan Form RKT: {', '.join(names.get(u, u) for u in missing)}.",
                    True))
    # one statement of the cycle's delay, the forecast's: the slip so far would contradict it
    if status.forecast is not None and status.forecast.behind:
        out.append((forecast_sentence(status.forecast), True))
    end = status.baseline_end or start
    years = {y for y in range(start.year, end.year + 1)} & cal.years_without_cuti
    if years:
        out.append((f"Data cuti bersama tahun {', '.join(map(str, sorted(years)))} belum tersedia; pengelola "
                    f"dasbor perlu menambahkannya ke kalender instansi (libur tambahan) agar tenggat dihitung tepat.",
                    False))
    return out


# --- who must act -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Actor:
    """A person the running cycle waits on, and why."""

    person: Person
    step: StepStatus
    unit: str | None  # the unit whose missing form is the reason, if that is it


def who_must_act(status: CycleStatus, agency: Agency, late_only: bool = False) -> tuple[Actor, ...]:
    """The people who must act now: the pelaksana of the late steps (or, when none is late, of the
    current step), by role; for a step that waits on forms, the head of each unit not yet in."""
    if status.phase != BERJALAN:
        return ()
    current = status.current
    steps = status.late or ((current,) if current is not None and not late_only else ())
    out: list[Actor] = []
    seen: set[str] = set()

    def add(code: str, step: StepStatus, unit: str | None) -> None:
        person = agency.person(code)
        if person is not None and person.code not in seen:
            seen.add(person.code)
            out.append(Actor(person, step, unit))

    for s in steps:
        if s.step.evidence in ("form_unit", "form_lengkap") and status.missing_units:
            for code in status.missing_units:
                unit = agency.unit(code)
                if unit is not None:
                    add(unit.head, s, code)
            continue
        role = agency.role(s.step.executor)
        for code in role.members if role is not None else ():
            add(code, s, None)
    return tuple(out)
