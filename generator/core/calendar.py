"""Dates as the agency sees them.

"Today" is the date in the agency's time zone (WITA for Balangan), unless the
caller fixes it: `--today`, or SOURCE_DATE_EPOCH for reproducible builds.

"Hari" in the SOP means working days: Monday-Friday minus national holidays
and cuti bersama (from the `holidays` package), with the agency's own
additions and exceptions from `agency.yaml`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Makassar"


def today(timezone: str = DEFAULT_TIMEZONE, given: dt.date | None = None,
          environ: dict[str, str] | None = None) -> dt.date:
    if given is not None:
        return given
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    zone = ZoneInfo(timezone)
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), zone).date()
    return dt.datetime.now(zone).date()


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date; ValueError (with an Indonesian message) otherwise."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' bukan tanggal TTTT-BB-HH yang benar, misalnya 2026-11-28") from None


# --- working days ---------------------------------------------------------

@dataclass(frozen=True)
class WorkCalendar:
    """Working days of the agency: Monday-Friday minus national holidays and
    cuti bersama, adjusted by `agency.yaml` (extra days off, declared working days)."""

    days_off: Mapping[dt.date, str]  # date -> name (Indonesian)
    extra_workdays: frozenset[dt.date]
    years_without_cuti: frozenset[int]  # years for which no cuti bersama are known

    def is_workday(self, day: dt.date) -> bool:
        if day in self.extra_workdays:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def next_workday(self, day: dt.date) -> dt.date:
        return self.on_or_after(day + dt.timedelta(days=1))

    def add(self, start: dt.date, days: int) -> dt.date:
        """The date on which a task of `days` working days that starts on `start` ends."""
        day = self.on_or_after(start)
        for _ in range(days - 1):
            day = self.next_workday(day)
        return day

    def count(self, first: dt.date, last: dt.date) -> int:
        """Working days from `first` to `last`, both included (0 if last < first)."""
        n, day = 0, first
        while day <= last:
            if self.is_workday(day):
                n += 1
            day += dt.timedelta(days=1)
        return n


def national_days_off(years: Iterable[int]) -> tuple[dict[dt.date, str], frozenset[int]]:
    """Indonesian public holidays and cuti bersama (holidays package), and the
    years for which the package knows no cuti bersama yet."""
    import holidays  # imported here: only the dashboard needs it, not validation

    years = sorted(set(years))
    table = holidays.country_holidays("ID", years=years, categories=("public", "government"), language="id")
    government = holidays.country_holidays("ID", years=years, categories=("government",))
    known = {d.year for d in government}
    return dict(table), frozenset(y for y in years if y not in known)


def work_calendar(years: Iterable[int], extra_days_off: Mapping[dt.date, str] = {},
                  extra_workdays: Iterable[dt.date] = ()) -> WorkCalendar:
    days_off, missing = national_days_off(years)
    days_off.update(extra_days_off)
    return WorkCalendar(MappingProxyType(days_off), frozenset(extra_workdays), missing)
