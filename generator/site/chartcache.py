"""The charts' cache: each chart's SVG kept under a hash of its kind and its spec (plain data), so
a chart is drawn again only when what it shows changed. The drawing itself is handed over as a
function, so that matplotlib is imported only where a chart is drawn (in a worker, when a batch
runs: `generator.source.parallel`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.source import cache


def spec_inputs(kind: str, spec: object) -> tuple:
    """What a chart depends on besides rkt's code and matplotlib (which every cache key holds)."""
    return (kind, asdict(spec))  # type: ignore[call-overload]


@dataclass
class ChartCache:
    """SVGs through the one cache (`generator/source/cache.py`); counts what it had to draw."""

    folder: Path | None
    drawn: int = 0
    reused: int = 0

    def get(self, kind: str, spec: object, draw: Callable[[object], str]) -> str:
        store = cache.Cache(self.folder)
        data = store.through("chart", spec_inputs(kind, spec), lambda: draw(spec).encode("utf-8"), ".svg")
        self.drawn += store.made
        self.reused += store.reused
        return data.decode("utf-8")
