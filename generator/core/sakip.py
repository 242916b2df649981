"""The SAKIP calendar after a performance year, as typed data: the stages of its accountability
report (the LKjIP written, reviewed by the Inspektorat, handed to the regency, uploaded to the
national e-SAKIP Reviu application), each with its due date as a month and day of the next year
and the role that must act (`kalender_sakip` of agency.yaml, defaults documented in its schema),
and the log of what was done (cycles/<year>/sakip.yaml, `peristiwa`, append-only).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from generator.core.problems import At

LKJIP = "lkjip"
REVIEW = "reviu"
SUBMISSION = "penyampaian"
UPLOAD = "unggah"
STAGES = (LKJIP, REVIEW, SUBMISSION, UPLOAD)  # in the order they follow each other

STAGE_NAMES = {
    LKJIP: "LKjIP selesai disusun",
    REVIEW: "Reviu Inspektorat",
    SUBMISSION: "Disampaikan ke Pemerintah Daerah",
    UPLOAD: "Diunggah ke e-SAKIP Reviu",
}

# the role that must act when agency.yaml names none: the planning section (the same code as
# check/codeowners.PLANNING_ROLE, which core cannot import; a test keeps them equal)
DEFAULT_ROLE = "kasubbag-perencanaan"

# (month, day) in the year after the performance year; a day past the month's end is its last day,
# so 29 February is the end of February in every year (28 February outside leap years)
DEFAULT_DUE = {LKJIP: (2, 29), REVIEW: (3, 15), SUBMISSION: (3, 20), UPLOAD: (3, 31)}


def due_in(year: int, month: int, day: int) -> dt.date:
    """The day `month`-`day` of `year`; a day past the month's end is the month's last day."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class StageRule:
    """When a stage is due and who must act (one entry of `kalender_sakip`)."""

    stage: str
    month: int
    day: int
    role: str  # role code of agency.yaml `peran`
    stated: tuple[str, ...] = ()  # the fields agency.yaml wrote ("tenggat", "peran")
    at: At | None = None

    def due(self, year: int) -> dt.date:
        """The due date for the performance year `year` (a day of the year after it)."""
        return due_in(year + 1, self.month, self.day)


@dataclass(frozen=True, slots=True)
class SakipCalendar:
    """Every stage's rule, in stage order."""

    stages: tuple[StageRule, ...]
    at: At | None = None

    def rule(self, stage: str) -> StageRule:
        return next(r for r in self.stages if r.stage == stage)


DEFAULT_CALENDAR = SakipCalendar(tuple(StageRule(s, *DEFAULT_DUE[s], DEFAULT_ROLE) for s in STAGES))


@dataclass(frozen=True, slots=True)
class SakipEvent:
    """One stage done on one day (an entry of `peristiwa` in sakip.yaml)."""

    index: int  # position in the log
    stage: str
    date: dt.date
    by: str  # person code
    evidence: str | None  # file under the cycle folder (bukti/...)
    note: str | None
    at: At


@dataclass(frozen=True, slots=True)
class SakipLog:
    """cycles/<year>/sakip.yaml: the performance year's SAKIP stages as they were done."""

    year: int
    events: tuple[SakipEvent, ...] = field(default=())
    at: At | None = None

    def done(self, stage: str) -> SakipEvent | None:
        """The record that stands for a stage: its last one (a correction is a new record below)."""
        return next((e for e in reversed(self.events) if e.stage == stage), None)
