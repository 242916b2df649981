"""The matplotlib charts' figures: deterministic SVG from matplotlib (Agg), in the look of `chartlook`.

Same input, same bytes: a fixed hash salt for element ids, no date or creator
metadata, text drawn as paths with the DejaVu font that matplotlib ships.
Each chart function (`swimlane`, `trendcharts`, `capaiancharts`; every kind and its
phone variant in `chartkinds`) takes plain data (the "spec") and returns SVG
text, so a chart is cached by a hash of its spec (`chartcache`) and never redrawn
when nothing changed. The drawing modules make their figures with `subplots` here,
so the Agg backend is chosen before pyplot is first used.
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # after the backend is chosen
from matplotlib.figure import Figure

from generator.site.chartlook import COLORS, MIN_FONT, MONTHS, PHONE_WIDTH, wrap

__all__ = ["COLORS", "MIN_FONT", "MONTHS", "PHONE_WIDTH", "subplots", "svg", "wrap"]


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
