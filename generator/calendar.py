"""Dates as the agency sees them.

"Today" is the date in the agency's time zone (WITA for Balangan), unless the
caller fixes it: `--today`, or SOURCE_DATE_EPOCH for reproducible builds.
"""

from __future__ import annotations

import datetime as dt
import os
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
