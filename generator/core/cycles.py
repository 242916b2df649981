"""What a cycle folder (cycles/<year>/) holds, as typed data: the cycle and its event
log, the units' forms (performance table and program tree), and the signed versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.core.problems import At


@dataclass(frozen=True, slots=True)
class Event:
    index: int  # position in the log
    step: int
    date: dt.date
    by: str  # person code
    unit: str | None
    decision: str | None  # ya | tidak
    skipped: bool
    note: str | None
    evidence: str | None
    at: At


@dataclass(frozen=True, slots=True)
class Cycle:
    year: int
    start: dt.date
    required_units: tuple[str, ...]
    ceilings: tuple[tuple[str, int], ...]  # (unit, pagu)
    events: tuple[Event, ...]
    at: At
    dates_from_git: bool = True
    recorded: bool = False  # `dicatat_kemudian`: an archive entered after the fact

    def ceiling(self, unit: str) -> int | None:
        return next((v for u, v in self.ceilings if u == unit), None)


@dataclass(frozen=True, slots=True)
class TargetRow:
    indicator: str
    target: str | int
    note: str | None
    at: At
    description: str | None = None  # `uraian`: the indicator's text when the form was made (a Renstra revision shows)


@dataclass(frozen=True, slots=True)
class PerformanceRow:
    objective: str
    indicators: tuple[TargetRow, ...]
    at: At


@dataclass(frozen=True, slots=True)
class SubActivity:
    code: str
    name: str
    indicator: str
    target: str | int
    unit_of_measure: str | None
    budget: int
    responsible: str
    at: At

    @property
    def has_budget(self) -> bool:
        return True  # `anggaran` is required on a sub kegiatan


# A pagu may be stated at any level: a program's or kegiatan's `anggaran` when the detail
# below it is not known yet. A node's budget is its own amount when stated, else the sum of
# its children: totals never count a stated amount and its children twice (check/rules checks
# that a stated amount equals its children's sum when both are there).

@dataclass(frozen=True, slots=True)
class Activity:
    code: str
    name: str
    indicator: str | None
    target: str | int | None
    subs: tuple[SubActivity, ...]
    at: At
    amount: int | None = None  # `anggaran` stated on the kegiatan itself

    @property
    def children(self) -> tuple[SubActivity, ...]:
        return self.subs

    @property
    def has_budget(self) -> bool:
        return self.amount is not None or bool(self.subs)

    @property
    def budget(self) -> int:
        return self.amount if self.amount is not None else sum(s.budget for s in self.subs)


@dataclass(frozen=True, slots=True)
class Program:
    code: str
    name: str
    indicator: str | None
    target: str | int | None
    activities: tuple[Activity, ...]
    at: At
    amount: int | None = None  # `anggaran` stated on the program itself

    @property
    def children(self) -> tuple[Activity, ...]:
        return self.activities

    @property
    def has_budget(self) -> bool:
        return self.amount is not None or any(a.has_budget for a in self.activities)

    @property
    def budget(self) -> int:
        return self.amount if self.amount is not None else sum(a.budget for a in self.activities)


@dataclass(frozen=True, slots=True)
class Form:
    year: int
    unit: str
    filled_on: dt.date | None
    author: str | None
    performance: tuple[PerformanceRow, ...]
    programs: tuple[Program, ...]
    at: At

    @property
    def budget(self) -> int:
        return sum(p.budget for p in self.programs)


@dataclass(frozen=True, slots=True)
class Signer:
    person: str | None
    position: str
    name: str
    nip: str


@dataclass(frozen=True, slots=True)
class RecordedCalendar:
    """The working days a signed cycle was computed with (`kalender` of the signed metadata)."""

    library: str  # version of the `holidays` package
    first: dt.date
    last: dt.date
    days_off: tuple[dt.date, ...]  # Monday-Friday days in [first, last] that were not working days
    workdays: tuple[dt.date, ...]  # Saturdays and Sundays in [first, last] that were working days


@dataclass(frozen=True, slots=True)
class SignedVersion:
    year: int
    version: int
    date: dt.date
    signer: Signer
    scan: str  # file name beside the metadata
    sha256: str
    commit: str
    content_fingerprint: str | None
    note: str | None
    at: At
    # facts about the scan on disk, gathered at the I/O edge
    scan_path: str = ""
    scan_exists: bool = False
    scan_sha256: str | None = None
    scan_is_pdf: bool = False
    replaces: int | None = None  # `menggantikan`: the version this one revises
    calendar: RecordedCalendar | None = None


@dataclass(frozen=True, slots=True)
class CycleFolder:
    """Everything under cycles/<year>/."""

    year: int
    folder: str
    cycle: Cycle | None  # None when cycle.yaml is missing or invalid
    forms: tuple[Form, ...]
    signed: tuple[SignedVersion, ...]
    files: tuple[str, ...] = field(default=())  # every file present, for evidence links
    # signed Perjanjian Kinerja scans (signed/pk-<year>-v<n>), kept apart from the RKT's versions
    agreements: tuple[SignedVersion, ...] = field(default=())
