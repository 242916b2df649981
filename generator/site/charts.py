"""The charts' shared look and their cache: deterministic SVG from matplotlib (Agg).

Same input, same bytes: a fixed hash salt for element ids, no date or creator
metadata, text drawn as paths with the DejaVu font that matplotlib ships.
Each chart function (`timeline`, `swimlane`, `trendcharts`; every kind and its
phone variant in `chartkinds`) takes plain data (the "spec") and returns SVG
text, so a chart is cached by a hash of its spec and never redrawn when nothing
changed. The drawing modules make their figures with `subplots` here, so the
Agg backend is chosen before pyplot is first used.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # after the backend is chosen
from matplotlib.figure import Figure

from generator.source import cache

COLORS = {
    "baseline": "#cfd8dc",
    "selesai": "#2e7d32",
    "berjalan": "#1565c0",
    "terlambat": "#c62828",
    "dilewati": "#9e9e9e",
    "belum": "#eceff1",
    "today": "#ff6f00",
    "lane": "#f5f7f8",
    "ink": "#263238",
    "forecast": "#6a1b9a",
}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

# the smallest text of any chart, in points: at the size each variant is shown (a desktop chart at
# its natural width, a phone variant at a 360 px screen's 328 px column) that is at least 11 CSS px
MIN_FONT = 9
PHONE_WIDTH = 3.6  # inches: 259 pt, so 9 pt text on 328 px stays above 11 px


def _style() -> None:
    plt.rcParams.update({
        "svg.hashsalt": "rkt-dashboard",
        "svg.fonttype": "path",
        # user text (unit names, units of measure) is text: a `$` must not start mathtext,
        # which would render `$x^2$` as a formula and crash on an unbalanced `$$`
        "text.parse_math": False,
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.edgecolor": COLORS["ink"],
        "axes.labelcolor": COLORS["ink"],
        "xtick.color": COLORS["ink"],
        "ytick.color": COLORS["ink"],
    })


def subplots(*args: Any, **kwargs: Any) -> tuple[Figure, Any]:
    """`pyplot.subplots` in the charts' style: every chart starts here."""
    _style()
    return plt.subplots(*args, **kwargs)


def svg(fig: Figure) -> str:
    """The figure as SVG text; the figure is closed."""
    buf = io.StringIO()
    # fixed margins instead of bbox_inches="tight", which draws every figure twice
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buf.getvalue()


def wrap(text: str, width: int = 16) -> str:
    """`text` in lines of at most `width` characters, broken between words."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines)


# --- cache ----------------------------------------------------------------

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
