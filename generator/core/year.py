"""What the performance year's files hold, as typed data: a unit's Rencana Aksi
(cycles/<year>/renaksi/<unit>.yaml) and its quarterly reports
(cycles/<year>/laporan/tw<N>/<unit>.yaml), and the agency's measurement rules
(`pengukuran` of agency.yaml) with their documented defaults.

Values stay as typed (a realisation "0,63" is text, read by core/target.py like a
target), so that every page and document prints what the unit wrote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator.core.problems import At

QUARTERS = (1, 2, 3, 4)
QUARTER_NAMES = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}

# indicator direction (`arah` in renstra.yaml)
UP = "naik"  # higher is better
DOWN = "turun"  # lower is better ("semakin kecil semakin baik")
RANGE = "rentang"  # a target range ("80–90%")
DIRECTIONS = (UP, DOWN, RANGE)

# how quarters make the year (`agregasi` in renstra.yaml)
SUM = "jumlah"  # counts: the quarters add up
LAST = "terakhir"  # percentages, indices, cumulative counts: the last quarter's value is the year's
MEAN = "rata-rata"
MAX = "maksimum"
AGGREGATIONS = (SUM, LAST, MEAN, MAX)

# the lower-is-better formulas in use (`pengukuran.rumus_turun`)
DOWN_TWO_MINUS = "2 - R/T"  # (2 − R/T) × 100%
DOWN_RATIO = "T/R"  # T / R × 100%
DOWN_FORMULAS = (DOWN_TWO_MINUS, DOWN_RATIO)


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of a quarter (31 March, 30 June, 30 September, 31 December)."""
    month = quarter * 3
    return dt.date(year, month, 31 if month in (3, 12) else 30)


@dataclass(frozen=True, slots=True)
class Band:
    """One band of the category scale: capaian at or above `lowest` (%) is `name`."""

    lowest: Decimal
    name: str


# The 5-band scale most Perbup use (DOMAIN.md): 91–100 Sangat Baik ... ≤ 50 Sangat Kurang.
DEFAULT_BANDS = (
    Band(Decimal(91), "Sangat Baik"),
    Band(Decimal(76), "Baik"),
    Band(Decimal(66), "Cukup"),
    Band(Decimal(51), "Kurang"),
    Band(Decimal(0), "Sangat Kurang"),
)


@dataclass(frozen=True, slots=True)
class MeasurementRules:
    """How the agency computes and judges capaian (`pengukuran` of agency.yaml). Each field
    has the default documented in the schema; `stated` lists the ones agency.yaml wrote, so
    a page can say which rule is the agency's own and which the tool's default."""

    down_formula: str = DOWN_TWO_MINUS
    cap: Decimal | None = None  # `batas_capaian`: capaian above it is shown as it (None: no cap)
    verify_above: Decimal | None = Decimal(150)  # `ambang_verifikasi`: above it, "perlu verifikasi"
    bands: tuple[Band, ...] = DEFAULT_BANDS  # highest first
    report_days: int = 10  # `tenggat_laporan`: working days after a quarter ends to report it
    stated: tuple[str, ...] = ()
    at: At | None = None


DEFAULT_RULES = MeasurementRules()


@dataclass(frozen=True, slots=True)
class Action:
    """One action of a Rencana Aksi row, in the quarters it is done."""

    description: str
    quarters: tuple[int, ...]
    at: At


@dataclass(frozen=True, slots=True)
class PlannedIndicator:
    """One PK indicator in a unit's Rencana Aksi: its quarterly targets (as typed; "-" where a
    quarter has none), who is responsible, what carries it."""

    indicator: str  # Renstra code
    targets: tuple[str | int, str | int, str | int, str | int]  # TW I–IV
    responsible: str  # person code
    activities: tuple[str, ...]  # kegiatan / sub kegiatan codes of the unit's form
    actions: tuple[Action, ...]
    at: At

    def target(self, quarter: int) -> str | int:
        return self.targets[quarter - 1]


@dataclass(frozen=True, slots=True)
class BudgetPlan:
    """A program's planned spending per quarter (optional part of a Rencana Aksi)."""

    program: str  # program code of the unit's form
    amounts: tuple[int, int, int, int]
    at: At


@dataclass(frozen=True, slots=True)
class ActionPlan:
    """A unit's Rencana Aksi for a year (cycles/<year>/renaksi/<unit>.yaml)."""

    year: int
    unit: str
    filled_on: dt.date | None
    author: str | None
    indicators: tuple[PlannedIndicator, ...]
    budget: tuple[BudgetPlan, ...]
    at: At

    def indicator(self, code: str) -> PlannedIndicator | None:
        return next((i for i in self.indicators if i.indicator == code), None)


@dataclass(frozen=True, slots=True)
class Realisation:
    """One indicator's realisation in a quarterly report, with the unit's own words on it."""

    indicator: str
    value: str | int  # as typed, read by core/target.py in the target's unit
    drivers: str | None  # faktor pendorong
    obstacles: str | None  # faktor penghambat
    follow_up: str | None  # tindak lanjut
    evidence: tuple[str, ...]  # files under cycles/<year>/ (bukti/...)
    at: At


@dataclass(frozen=True, slots=True)
class Spending:
    """Budget realised in the quarter on one program, kegiatan or sub kegiatan of the unit's form."""

    code: str
    amount: int
    at: At


@dataclass(frozen=True, slots=True)
class ReportRevision:
    """Why a merged report was changed (`perubahan`, append-only like the event log)."""

    date: dt.date
    by: str  # person code
    reason: str
    at: At


@dataclass(frozen=True, slots=True)
class QuarterReport:
    """A unit's report of one quarter (cycles/<year>/laporan/tw<N>/<unit>.yaml)."""

    year: int
    quarter: int
    unit: str
    filled_on: dt.date | None  # `tanggal`: the report's date when Git does not give it
    author: str | None
    realisations: tuple[Realisation, ...]
    spending: tuple[Spending, ...]
    revisions: tuple[ReportRevision, ...]
    at: At

    def realisation(self, code: str) -> Realisation | None:
        return next((r for r in self.realisations if r.indicator == code), None)


@dataclass(frozen=True, slots=True)
class YearFiles:
    """The performance year's files of one cycle folder."""

    plans: tuple[ActionPlan, ...] = field(default=())
    reports: tuple[QuarterReport, ...] = field(default=())

    def plan_of(self, unit: str) -> ActionPlan | None:
        return next((p for p in self.plans if p.unit == unit), None)

    def report(self, quarter: int, unit: str) -> QuarterReport | None:
        return next((r for r in self.reports if r.quarter == quarter and r.unit == unit), None)
