"""Every kind of chart the site draws, with its phone variant: what `generate` draws and caches."""

from __future__ import annotations

from collections.abc import Callable

from generator.site.capaiancharts import capaian_chart, capaian_chart_phone
from generator.site.swimlane import swimlane, swimlane_phone
from generator.site.timeline import timeline, timeline_phone
from generator.site.trendcharts import budget_trend, budget_trend_phone, target_trend, target_trend_phone

# each chart and its phone variant (file suffix, drawing): see pages.markup.chart
VARIANTS: dict[str, tuple[tuple[str, Callable[[object], str]], ...]] = {
    "timeline": (("", timeline), ("-ponsel", timeline_phone)),  # type: ignore[dict-item]
    "swimlane": (("", swimlane), ("-ponsel", swimlane_phone)),  # type: ignore[dict-item]
    "budget-trend": (("", budget_trend), ("-ponsel", budget_trend_phone)),  # type: ignore[dict-item]
    "target-trend": (("", target_trend), ("-ponsel", target_trend_phone)),  # type: ignore[dict-item]
    "capaian-iku": (("", capaian_chart), ("-ponsel", capaian_chart_phone)),  # type: ignore[dict-item]
}
