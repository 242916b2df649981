"""Where a performance year's SAKIP stages stand: the LKjIP written, reviewed by the Inspektorat,
handed to the regency, uploaded to e-SAKIP Reviu, each due on a day of the next year
(`kalender_sakip` of agency.yaml, `core/sakip.py`) and done on the day its record in
cycles/<year>/sakip.yaml says (the last record of a stage stands).

A stage is "belum waktunya" while its year runs; from 1 January of the next year it is
"menunggu" until its due day and "terlambat" after it, by the working days past the due day
(the agency's calendar, one measure with the SOP steps and the quarterly reports); once done, it
was done on time or late by so many working days. The role the calendar names must act on the
late stages, or, none late, on the first stage not done.

The season "LKjIP <year>" runs from 1 January of the next year until the upload is recorded, and
at most through that next year (then the next year's LKjIP is the season; an older one stays in
`rkt status <year>`). A year whose cycle was recorded after the fact (`dicatat_kemudian`) is an
archive, as its SOP steps are: a stage without a record is "tanpa catatan", never late, and
nobody is reminded of it. Pure functions of the model, the calendar and "today".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.core.calendar import WorkCalendar
from generator.core.model import Agency, CycleFolder, Person
from generator.core.sakip import STAGE_NAMES, UPLOAD, SakipLog, StageRule

NOT_YET = "belum-waktunya"
WAITING = "menunggu"
LATE = "terlambat"
ON_TIME = "selesai-tepat-waktu"
DONE_LATE = "selesai-terlambat"
UNRECORDED = "tanpa-catatan"  # an archive's stage of which nothing was recorded

STATE_WORDS = {NOT_YET: "belum waktunya", WAITING: "menunggu", LATE: "terlambat", ON_TIME: "selesai tepat waktu",
               DONE_LATE: "selesai terlambat", UNRECORDED: "tanpa catatan"}

REMIND_WITHIN = 5  # working days: a reminder names the stages due this soon (as season.REMIND_WITHIN)
REMINDER_AFTER = 10  # working days the reminder stays after the upload, so that it is said to be over


def working_days(n: int) -> str:
    return f"{n} hari kerja"


@dataclass(frozen=True, slots=True)
class StageState:
    """One stage of one year: due, done, how it stands and who must act on it."""

    stage: str  # lkjip | reviu | penyampaian | unggah
    due: dt.date
    done: dt.date | None
    state: str  # NOT_YET | WAITING | LATE | ON_TIME | DONE_LATE
    late_days: int  # working days past the due day (to the day done, or to today)
    days_left: int  # working days from tomorrow to the due day (0 on or after it, and once done)
    role: str  # role code that must act
    people: tuple[Person, ...]  # the role's members (agency.yaml)
    evidence: str | None = None  # the record's evidence file, under the year's folder

    @property
    def name(self) -> str:
        return STAGE_NAMES[self.stage]

    @property
    def is_open(self) -> bool:
        return self.done is None

    @property
    def label(self) -> str:
        """"terlambat 3 hari kerja", "selesai terlambat 2 hari kerja", "selesai tepat waktu", "menunggu"."""
        if self.state in (LATE, DONE_LATE):
            return f"{STATE_WORDS[self.state]} {working_days(self.late_days)}"
        return STATE_WORDS[self.state]


@dataclass(frozen=True, slots=True)
class SakipYear:
    """A performance year's SAKIP stages on "today"."""

    year: int
    today: dt.date
    stages: tuple[StageState, ...]
    archive: bool = False  # the year's cycle was recorded after the fact: never late, never reminded

    @property
    def uploaded(self) -> dt.date | None:
        return next((s.done for s in self.stages if s.stage == UPLOAD), None)

    @property
    def started(self) -> bool:
        """The year has ended: its stages can be done (and be late)."""
        return self.today.year > self.year

    @property
    def season_open(self) -> bool:
        """"LKjIP <year>" is a season of today: in the next year, until the upload is recorded."""
        return self.today.year == self.year + 1 and self.uploaded is None and not self.archive

    @property
    def recorded(self) -> bool:
        return any(not s.is_open for s in self.stages)

    @property
    def late(self) -> tuple[StageState, ...]:
        return tuple(s for s in self.stages if s.state == LATE)

    @property
    def waiting_on(self) -> StageState | None:
        """The first stage not done, once the year has ended (an archive waits on nothing)."""
        return next((s for s in self.stages if s.is_open), None) if self.started and not self.archive else None


def stage_state(rule: StageRule, year: int, log: SakipLog | None, agency: Agency, cal: WorkCalendar,
                today: dt.date, archive: bool = False) -> StageState:
    due = rule.due(year)
    record = log.done(rule.stage) if log is not None else None
    done = record.date if record is not None else None
    role = agency.role(rule.role)
    people = tuple(p for code in (role.members if role is not None else ()) if (p := agency.person(code)))
    end = done or today
    late = cal.count(cal.next_workday(due), end) if end > due else 0
    if done is not None:
        state = DONE_LATE if late else ON_TIME
    elif today.year <= year:
        state, late = NOT_YET, 0
    elif archive:
        state, late = UNRECORDED, 0
    else:
        state = LATE if late else WAITING
    left = cal.count(today + dt.timedelta(days=1), due) if done is None else 0
    return StageState(rule.stage, due, done, state, late, left, rule.role, people,
                      record.evidence if record is not None else None)


def sakip_year(folder: CycleFolder, agency: Agency, cal: WorkCalendar, today: dt.date) -> SakipYear:
    """The stages of the performance year of `folder`, in their order."""
    archive = folder.cycle is not None and folder.cycle.recorded
    stages = tuple(stage_state(rule, folder.year, folder.sakip, agency, cal, today, archive)
                   for rule in agency.sakip_calendar.stages)
    return SakipYear(folder.year, today, stages, archive)


def who_must_act(year: SakipYear) -> tuple[tuple[Person, StageState], ...]:
    """The people of the late stages' roles, or, none late, of the first stage not done; nobody
    before the year has ended."""
    stages = year.late or ((year.waiting_on,) if year.waiting_on is not None else ())
    out: list[tuple[Person, StageState]] = []
    for s in stages:
        out += [(p, s) for p in s.people if p.code not in {q.code for q, _ in out}]
    return tuple(out)


def to_remind(year: SakipYear, within: int = REMIND_WITHIN) -> tuple[StageState, ...]:
    """The stages a reminder names: not done, and late or due within `within` working days (the
    due day included); late ones first."""
    if not year.started or year.archive:
        return ()
    items = [s for s in year.stages if s.is_open and (s.state == LATE or s.days_left <= within)]
    return tuple(sorted(items, key=lambda s: (s.state != LATE, s.due)))


def reminder_open(year: SakipYear, cal: WorkCalendar) -> bool:
    """Whether the year's SAKIP reminder is still spoken of: while its season runs, and for
    `REMINDER_AFTER` working days after the upload (the item that says "nothing left" closes it)."""
    if year.season_open:
        return True
    uploaded = year.uploaded
    if year.archive or uploaded is None or not year.started:
        return False
    return year.today <= cal.add(cal.next_workday(uploaded), REMINDER_AFTER)


def sakip_years(folders: tuple[CycleFolder, ...], agency: Agency, cal: WorkCalendar,
                today: dt.date) -> dict[int, SakipYear]:
    """The SAKIP stages of every cycle's performance year, by year."""
    return {f.year: sakip_year(f, agency, cal, today) for f in sorted(folders, key=lambda f: f.year)}
