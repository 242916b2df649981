"""Working days: Indonesian holidays and cuti bersama, with the agency's own overrides."""

from __future__ import annotations

import datetime as dt

from generator.core.calendar import parse_date, today, work_calendar

D = dt.date


def test_idul_fitri_2026_cuti_bersama_are_not_working_days():
    cal = work_calendar([2026])
    # 18 Mar cuti Nyepi, 19 Nyepi, 20 cuti Idul Fitri, 21-22 Idul Fitri (weekend), 23-24 cuti
    assert [d.day for d in (D(2026, 3, 16) + dt.timedelta(days=i) for i in range(12)) if cal.is_workday(d)] \
        == [16, 17, 25, 26, 27]
    assert "Idul Fitri" in cal.days_off[D(2026, 3, 23)]


def test_a_three_day_step_across_lebaran_takes_until_the_next_week():
    cal = work_calendar([2026])
    assert cal.add(D(2026, 3, 16), 3) == D(2026, 3, 25)
    assert cal.count(D(2026, 3, 16), D(2026, 3, 31)) == 7


def test_baseline_of_a_2026_cycle_across_idul_fitri(example):
    from generator.check.validate import validate
    from generator.plan.status import baseline

    sop = validate(example, today=D(2026, 11, 28)).repository.sop
    plan = baseline(sop, D(2026, 3, 9), work_calendar([2026]))
    ends = {p.step: p.end for p in plan}
    assert ends[1] == D(2026, 3, 9)
    assert ends[4] == D(2026, 3, 16)   # 12, 13, 16
    assert ends[5] == D(2026, 3, 26)   # 17, 25, 26: the Lebaran week is skipped
    assert ends[11] == D(2026, 4, 16)  # 23 working days, Good Friday (3 Apr) skipped
    assert sum(1 for _ in plan) == 11


def test_weekend_start_moves_to_monday():
    cal = work_calendar([2026])
    assert cal.on_or_after(D(2026, 11, 28)) == D(2026, 11, 30)
    assert cal.add(D(2026, 11, 28), 1) == D(2026, 11, 30)


def test_agency_overrides_add_days_off_and_working_days():
    cal = work_calendar([2026], {D(2026, 11, 30): "Hari jadi Kabupaten"}, [D(2026, 12, 24)])
    assert not cal.is_workday(D(2026, 11, 30))
    assert cal.is_workday(D(2026, 12, 24))  # a cuti bersama the agency works through
    assert not cal.is_workday(D(2026, 12, 25))


def test_years_without_cuti_bersama_data_are_known():
    cal = work_calendar([2026, 2027, 2028])
    assert 2028 in cal.years_without_cuti
    assert 2026 not in cal.years_without_cuti


def test_today_is_wita_unless_fixed():
    # 2026-11-27 17:30 UTC is already 28 November in WITA (UTC+8)
    assert today("Asia/Makassar", environ={"SOURCE_DATE_EPOCH": "1795800600"}) == D(2026, 11, 28)
    assert today("Asia/Jakarta", environ={"SOURCE_DATE_EPOCH": "1795800600"}) == D(2026, 11, 28)
    assert today(given=D(2027, 1, 5)) == D(2027, 1, 5)
    assert parse_date("2026-11-28") == D(2026, 11, 28)
