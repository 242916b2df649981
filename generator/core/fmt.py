"""Indonesian formatting of dates and numbers (Babel, locale id)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from generator.core.cycles import NO_BUDGET

LOCALE = "id_ID"
# Babel's symbols for the locale; whole numbers are then grouped by Python, which
# is ~40x faster than format_decimal on the thousands of amounts of a compiled RKT
_GROUP = get_group_symbol(LOCALE)
_DECIMAL = get_decimal_symbol(LOCALE)


def date_id(day: dt.date | None) -> str:
    """28 November 2026"""
    return format_date(day, format="d MMMM y", locale=LOCALE) if day else "—"


def date_short(day: dt.date | None) -> str:
    """28 Nov 2026"""
    return format_date(day, format="d MMM y", locale=LOCALE) if day else "—"


def number(n: int | float) -> str:
    """1.500.000.000 / 99,25"""
    if isinstance(n, int):
        return f"{n:,}".replace(",", _GROUP)
    return format_decimal(n, locale=LOCALE)


def rupiah(n: int | None) -> str:
    """Rp 1.500.000.000; "belum ada anggaran" for an unknown amount or total (None), never "Rp 0"."""
    return NO_BUDGET if n is None else f"Rp {number(n)}"


def percent(part: int, whole: int) -> str:
    """A share, always with one decimal: 12,3% / 77,7% / 100,0% (half up, never a mix of precisions)."""
    share = (Decimal(part) * 100 / Decimal(whole) if whole else Decimal(0)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if part and whole and not share:
        return f"<{format_decimal(Decimal('0.1'), format='#,##0.0', locale=LOCALE)}%"  # a share, never shown as none
    return f"{format_decimal(share, format='#,##0.0', locale=LOCALE)}%"


def date_range(first: dt.date, last: dt.date) -> str:
    """2–4 Nov 2026, 30 Nov – 2 Des 2026, 29 Des 2025 – 2 Jan 2026"""
    if first == last:
        return date_short(first)
    if first.year != last.year:
        return f"{date_short(first)} – {date_short(last)}"
    if first.month != last.month:
        return f"{format_date(first, format='d MMM', locale=LOCALE)} – {date_short(last)}"
    return f"{first.day}–{date_short(last)}"
