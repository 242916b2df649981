"""When a running cycle will finish: its remaining steps chained from where they stand.

The baseline chains every step's SOP time from the cycle's start. The forecast
chains the same SOP times from what really happened: a finished (or skipped)
step ends when it ended; a running step ends at its deadline, or, once past it,
no sooner than today (the first working day from today); every step not begun
starts the working day after the one before it ends and takes its full SOP time.
So a late step pushes everything after it, and the forecast never promises a
date that the calendar has already passed.

Pure: a function of the step statuses, "today" and the working-day calendar.
Only a running cycle has a forecast; `status.py` decides which cycle that is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.core.calendar import WorkCalendar
from generator.core.model import Step


class StepProgress(Protocol):
    """What the forecast reads of a step's status (status.StepStatus has it): status.py
    imports this module, so the forecast names only the fields it needs."""

    @property
    def step(self) -> Step: ...
    @property
    def started(self) -> dt.date | None: ...
    @property
    def finished(self) -> dt.date | None: ...
    @property
    def deadline(self) -> dt.date | None: ...


@dataclass(frozen=True, slots=True)
class ForecastStep:
    number: int
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class Forecast:
    steps: tuple[ForecastStep, ...]  # the steps not yet done, in SOP order
    finish: dt.date  # when the last step is expected to end
    baseline_end: dt.date
    behind: int  # working days the expected finish lies past the baseline's end (0 if not)

    def step(self, number: int) -> ForecastStep | None:
        return next((s for s in self.steps if s.number == number), None)


def forecast(steps: Sequence[StepProgress], today: dt.date, cycle_start: dt.date, baseline_end: dt.date,
             cal: WorkCalendar) -> Forecast:
    """The remaining steps of a running cycle, chained in working days from where each stands."""
    first_open = cal.on_or_after(today)  # nothing still to do can end before this day
    out: list[ForecastStep] = []
    previous_end: dt.date | None = None
    for s in steps:
        if s.finished is not None:  # done or skipped: the record stands
            # (a later step recorded early still waits for any earlier step that is open)
            previous_end = s.finished if previous_end is None else max(previous_end, s.finished)
            continue
        if s.started is not None and s.started <= today:
            start = s.started
            end = max(s.deadline or cal.add(start, s.step.days), first_open)
        else:
            start = cal.next_workday(previous_end) if previous_end else cal.on_or_after(cycle_start)
            start = max(start, first_open)
            end = cal.add(start, s.step.days)
        out.append(ForecastStep(s.step.number, start, end))
        previous_end = end
    finish = out[-1].end if out else (previous_end or first_open)
    behind = cal.count(cal.next_workday(baseline_end), finish) if finish > baseline_end else 0
    return Forecast(tuple(out), finish, baseline_end, behind)
