"""What the regency pages are made of: the configuration, the date and every agency's entry."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from generator.regency.config import Config
from generator.regency.sources import Entry


@dataclass(frozen=True)
class Site:
    config: Config
    today: dt.date
    entries: tuple[Entry, ...]

    @property
    def years(self) -> list[int]:
        return sorted({c.year for e in self.entries if e.data for c in e.data.cycles}, reverse=True)

    @property
    def focus_year(self) -> int | None:
        """The plan year most agencies are working on (the later one on a tie)."""
        counts = Counter(e.data.current.year for e in self.entries if e.data and e.data.current)
        return max(counts, key=lambda y: (counts[y], y)) if counts else None
