"""One measure of lateness and one precision of shares, whichever surface prints them: the words come
from plan/status.py and core/fmt.py, so the site, `rkt status`, `rkt remind` and the regency agree."""

from __future__ import annotations

import datetime as dt

from generator.core import fmt
from generator.plan.status import late_label, versus_schedule


def test_lateness_is_always_in_working_days():
    assert late_label(14) == "Terlambat 14 hari kerja"
    assert versus_schedule(15, dt.date(2026, 12, 2)) == "15 hari kerja setelah akhir jadwal SOP (2 Desember 2026)"
    assert versus_schedule(0, dt.date(2026, 12, 2)) == "tidak melewati akhir jadwal SOP (2 Desember 2026)"


def test_a_share_has_one_decimal_and_a_tiny_one_is_never_shown_as_none():
    assert [fmt.percent(p, 1000) for p in (123, 777, 1000, 0)] == ["12,3%", "77,7%", "100,0%", "0,0%"]
    assert fmt.percent(7767, 10000) == "77,7%" and fmt.percent(1, 16) == "6,3%"  # 6,25: half up
    assert fmt.percent(1, 20_000_000) == "<0,1%"
