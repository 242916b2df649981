"""Indonesian formatting of dates and numbers (Babel, locale id)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id_ID"


def date_id(day: dt.date | None) -> str:
    """28 November 2026"""
    return format_date(day, format="d MMMM y", locale=LOCALE) if day else "—"


def date_short(day: dt.date | None) -> str:
    """28 Nov 2026"""
    return format_date(day, format="d MMM y", locale=LOCALE) if day else "—"


def number(n: int | float) -> str:
    """1.500.000.000 / 99,25"""
    return format_decimal(n, locale=LOCALE)


def rupiah(n: int) -> str:
    """Rp 1.500.000.000"""
    return f"Rp {number(n)}"


def percent(part: int, whole: int) -> str:
    """99,25%"""
    if not whole:
        return "0%"
    return f"{format_decimal(round(part * 100 / whole, 2), format='#,##0.##', locale=LOCALE)}%"
