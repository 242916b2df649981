"""Every kind of chart the site draws, with its phone variant: what `generate` draws and caches.

Each drawing is named, not imported: it is imported where the chart is drawn (a worker of the
build's batch), so that the build itself never loads matplotlib for the charts it hands over.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Drawing:
    """`module.function`, called with a chart's spec, giving its SVG text."""

    module: str
    function: str

    def __call__(self, spec: object) -> str:
        draw: Callable[[object], str] = getattr(importlib.import_module(self.module), self.function)
        return draw(spec)


def _pair(module: str, function: str) -> tuple[tuple[str, Drawing], ...]:
    module = f"generator.site.{module}"
    return (("", Drawing(module, function)), ("-ponsel", Drawing(module, f"{function}_phone")))


# each chart and its phone variant (file suffix, drawing): see pages.markup.chart
VARIANTS: dict[str, tuple[tuple[str, Drawing], ...]] = {
    "timeline": _pair("timeline", "timeline"),
    "swimlane": _pair("swimlane", "swimlane"),
    "budget-trend": _pair("trendcharts", "budget_trend"),
    "target-trend": _pair("trendcharts", "target_trend"),
    "capaian-iku": _pair("capaiancharts", "capaian_chart"),
}
