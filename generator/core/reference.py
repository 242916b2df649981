"""The three reference files every cycle works against, as typed data: agency.yaml (the
agency, its staff, units, roles and calendar), sop.yaml (the procedure's lanes and steps)
and renstra.yaml (the strategic plan's goals, sasaran and indicators)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from generator.core.problems import At
from generator.core.sakip import DEFAULT_CALENDAR, SakipCalendar
from generator.core.year import DEFAULT_RULES, MeasurementRules

# --- agency -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Person:
    code: str
    name: str
    nip: str
    position: str
    github: str | None
    at: At
    rank: str | None = None  # `pangkat`: pangkat/golongan, printed under the name when given


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    short: str
    head: str  # person code
    at: At


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    name: str
    members: tuple[str, ...]  # person codes
    at: At


@dataclass(frozen=True, slots=True)
class DayOverride:
    date: dt.date
    note: str
    at: At


@dataclass(frozen=True, slots=True)
class Official:
    """Someone outside the staff list who signs beside the head (the Bupati, on a Perjanjian Kinerja)."""

    name: str
    position: str
    rank: str | None
    nip: str | None  # a kepala daerah has none
    at: At


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    short: str
    government: str
    address: str
    city: str
    head: str  # person code
    timezone: str
    persons: tuple[Person, ...]
    units: tuple[Unit, ...]
    roles: tuple[Role, ...]
    extra_holidays: tuple[DayOverride, ...]
    extra_workdays: tuple[DayOverride, ...]
    at: At
    logo: str | None = None  # file name under cycles/ (`instansi.logo`)
    # the logo's bytes, read at the I/O edge (validate.py); None when absent or unreadable
    logo_data: bytes | None = None
    superior: Official | None = None  # `instansi.atasan`: pihak kedua of the Perjanjian Kinerja
    measurement: MeasurementRules = DEFAULT_RULES  # `pengukuran`: how capaian is computed and judged
    sakip_calendar: SakipCalendar = DEFAULT_CALENDAR  # `kalender_sakip`: the LKjIP's stages, due dates, roles

    def person(self, code: str) -> Person | None:
        return next((p for p in self.persons if p.code == code), None)

    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units if u.code == code), None)

    def role(self, code: str) -> Role | None:
        return next((r for r in self.roles if r.code == code), None)


# --- SOP ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Lane:
    code: str
    name: str
    at: At


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    short: str
    description: str
    executor: str  # lane code
    supporting: tuple[str, ...]
    inputs: str
    days: int  # working days
    days_written: str  # as the SOP document writes it ("1 Minggu")
    output: str
    note: str | None
    evidence: str  # peristiwa | form_unit | form_lengkap | arsip
    on_reject: int | None  # for decision steps: where "tidak" goes back to
    at: At

    @property
    def is_decision(self) -> bool:
        return self.on_reject is not None


@dataclass(frozen=True, slots=True)
class Sop:
    name: str
    number: str | None
    made_on: dt.date | None
    revised_on: dt.date | None
    effective_on: dt.date | None
    approved_by: str | None
    legal_basis: tuple[str, ...]
    qualifications: tuple[str, ...]
    related: tuple[str, ...]
    equipment: tuple[str, ...]
    warnings: tuple[str, ...]
    records: tuple[str, ...]
    lanes: tuple[Lane, ...]
    steps: tuple[Step, ...]
    at: At

    def step(self, number: int) -> Step | None:
        return next((s for s in self.steps if s.number == number), None)


# --- Renstra ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Goal:
    code: str
    description: str
    at: At


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    description: str
    unit_of_measure: str | None  # None when the targets carry their unit ("85 point")
    is_iku: bool
    formula: str | None  # cara pengukuran
    units: tuple[str, ...]
    targets: tuple[tuple[int, str | int], ...]  # (year, target), in file order; "-" = no target that year
    at: At
    direction: str = "naik"  # `arah`: naik | turun | rentang (core/year.py)
    aggregation: str = "terakhir"  # `agregasi`: how quarters make the year (core/year.py)
    standard: str | None = None  # `standar.nilai`: a national standard to compare with (LKjIP), as written
    standard_source: str | None = None  # `standar.sumber`: where the standard comes from

    def target(self, year: int) -> str | int | None:
        """The target as typed for `year`; None when the year is not written at all (forgotten),
        as opposed to "-" (the plan says there is no target that year)."""
        return next((t for y, t in self.targets if y == year), None)


@dataclass(frozen=True, slots=True)
class Objective:
    code: str
    goal: str | None  # the tujuan's code; None where the Renstra lists the sasaran without one
    description: str
    indicators: tuple[Indicator, ...]
    at: At


@dataclass(frozen=True, slots=True)
class Renstra:
    title: str
    is_example: bool
    basis: str | None
    first_year: int
    last_year: int
    goals: tuple[Goal, ...]
    objectives: tuple[Objective, ...]
    at: At

    def objective(self, code: str) -> Objective | None:
        return next((o for o in self.objectives if o.code == code), None)

    def indicators(self) -> Iterator[tuple[Objective, Indicator]]:
        for o in self.objectives:
            for i in o.indicators:
                yield o, i
