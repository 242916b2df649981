"""The forecast: a running cycle's remaining steps chained in working days from where they stand."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from generator.core.calendar import WorkCalendar
from generator.core.model import At, Step
from generator.plan.forecast import forecast
from generator.plan.status import BELUM, BERJALAN, SELESAI, TERLAMBAT, StepStatus, baseline

D = dt.date
# Christmas on a Friday, and cuti bersama on the Thursday before it
CAL = WorkCalendar(MappingProxyType({D(2026, 12, 24): "Cuti Bersama Hari Raya Natal",
                                     D(2026, 12, 25): "Hari Raya Natal"}), frozenset(), frozenset())
START = D(2026, 11, 2)  # a Monday


def sop_step(number: int, days: int) -> Step:
    return Step(number, f"Langkah {number}", "", "tim", (), "", days, f"{days} Hari", "", None, "peristiwa", None,
                At("cycles/sop.yaml"))


STEPS = tuple(sop_step(n, d) for n, d in enumerate((1, 3, 3, 5, 1), start=1))
PLAN = {p.step: p for p in baseline(type("Sop", (), {"steps": STEPS})(), START, CAL)}  # type: ignore[arg-type]


def status(number: int, state: str, started: D | None = None, finished: D | None = None) -> StepStatus:
    step = STEPS[number - 1]
    deadline = CAL.add(started, step.days) if started else None
    return StepStatus(step, PLAN[number], state, started, finished, deadline, 0, 0, 1 if finished else 0, None, None)


def test_a_step_running_on_time_ends_at_its_deadline_and_the_rest_follow_the_sop():
    steps = [status(1, SELESAI, START, START), status(2, BERJALAN, D(2026, 11, 3)),
             status(3, BELUM), status(4, BELUM), status(5, BELUM)]
    f = forecast(steps, D(2026, 11, 4), START, PLAN[5].end, CAL)
    # nothing slipped: the forecast is the baseline
    assert [(s.number, s.start, s.end) for s in f.steps] == [(p.step, p.start, p.end) for p in PLAN.values()][1:]
    assert (f.finish, f.behind) == (PLAN[5].end, 0)


def test_a_late_step_ends_no_sooner_than_today_and_pushes_every_later_step():
    steps = [status(1, SELESAI, START, START), status(2, TERLAMBAT, D(2026, 11, 3)),
             status(3, BELUM), status(4, BELUM), status(5, BELUM)]
    today = D(2026, 11, 18)  # a Wednesday; step 2's deadline was 5 November
    f = forecast(steps, today, START, PLAN[5].end, CAL)
    dates = {s.number: (s.start, s.end) for s in f.steps}
    assert dates[2] == (D(2026, 11, 3), today)
    assert dates[3] == (D(2026, 11, 19), D(2026, 11, 23))  # over the weekend
    assert dates[4] == (D(2026, 11, 24), D(2026, 11, 30))
    assert dates[5] == (D(2026, 12, 1), D(2026, 12, 1))
    assert f.finish == D(2026, 12, 1)
    # the baseline ends on 18 November: 9 working days later (19 Nov .. 1 Dec)
    assert PLAN[5].end == D(2026, 11, 18) and f.behind == 9


def test_on_a_weekend_the_late_step_is_expected_on_the_next_working_day_and_holidays_do_not_count():
    steps = [status(1, SELESAI, START, START), status(2, SELESAI, D(2026, 11, 3), D(2026, 11, 5)),
             status(3, SELESAI, D(2026, 11, 6), D(2026, 11, 10)), status(4, TERLAMBAT, D(2026, 11, 11)),
             status(5, BELUM)]
    f = forecast(steps, D(2026, 12, 19), START, PLAN[5].end, CAL)  # a Saturday
    assert f.step(4).end == D(2026, 12, 21)
    assert f.step(5).start == D(2026, 12, 22) and f.finish == D(2026, 12, 22)
    f = forecast(steps, D(2026, 12, 23), START, PLAN[5].end, CAL)  # the last working day before Christmas
    assert f.step(5).start == D(2026, 12, 28)  # 24 and 25 December are days off


def test_done_and_skipped_steps_are_not_forecast_and_a_step_recorded_early_still_waits():
    # step 4 was recorded although step 3 is still open: step 5 waits for step 3 and then step 4's
    # record, whichever is later
    steps = [status(1, SELESAI, START, START), status(2, SELESAI, D(2026, 11, 3), D(2026, 11, 5)),
             status(3, BERJALAN, D(2026, 11, 6)), status(4, SELESAI, D(2026, 11, 9), D(2026, 11, 9)),
             status(5, BELUM)]
    f = forecast(steps, D(2026, 11, 9), START, PLAN[5].end, CAL)
    assert [s.number for s in f.steps] == [3, 5]
    assert f.step(3).end == D(2026, 11, 10) and f.step(5).start == D(2026, 11, 11)
