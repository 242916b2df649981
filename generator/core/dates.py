"""What a date typed by hand means: "2026-11-27", "27/11/2026", "27-11-2026", "27 November 2026",
"27 Nov 2026" (day first, as Indonesians write it; month names in Indonesian or English).

The files store dates as TTTT-BB-HH (ISO); the form page lets staff type them their way and
stores the ISO date. The browser's twin (docs/js/isi-form.js) reads `export()`; a browser test
compares both over the same texts (tests/test_form_indonesian.py).

Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
# every accepted month word (lower case) and its number: the Indonesian names, their three-letter
# abbreviations, the common variants (Nopember, Agt) and the English names that differ
NAMES: Mapping[str, int] = {
    **{m.lower(): i for i, m in enumerate(MONTHS, 1)},
    **{m[:3].lower(): i for i, m in enumerate(MONTHS, 1)},
    "agt": 8, "ags": 8, "sept": 9, "nop": 11, "nopember": 11, "pebruari": 2, "peb": 2,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "oct": 10, "aug": 8, "december": 12, "dec": 12,
}

_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_NUMERIC = re.compile(r"(?P<d>[0-9]{1,2})[/.-](?P<m>[0-9]{1,2})[/.-](?P<y>[0-9]{4})")
_WORDS = re.compile(r"(?P<d>[0-9]{1,2})\.?\s+(?P<name>[^\W\d_]+)\.?\s+(?P<y>[0-9]{4})")


def read(typed: str) -> str | None:
    """The ISO date (TTTT-BB-HH) a typed text says, or None when it says none (or no real day)."""
    text = " ".join(typed.split())
    m = _ISO.fullmatch(text) or _NUMERIC.fullmatch(text)
    month = int(m["m"]) if m else None
    if m is None:
        m = _WORDS.fullmatch(text)
        month = NAMES.get(m["name"].lower()) if m else None
    if m is None or month is None:
        return None
    try:
        return dt.date(int(m["y"]), month, int(m["d"])).isoformat()
    except ValueError:
        return None


def shown(iso: str) -> str:
    """27 November 2026, as the page shows a stored date."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def export() -> dict:
    """The reading as data, for the browser's twin."""
    return {"bulan": list(MONTHS), "nama_bulan": dict(NAMES)}
