"""The capaian chart of one IKU: its realisation per quarter against its quarterly target path
(a dashed line, or a shaded band for a range target), each point labelled with the value the unit
wrote; a quarter not ended is named so under its label. With its phone variant."""

from __future__ import annotations

from typing import Any

from generator.site.capaianspec import CapaianChartSpec
from generator.site.charts import COLORS, MIN_FONT, PHONE_WIDTH, subplots, svg, wrap

_QUARTERS = ("TW I", "TW II", "TW III", "TW IV")
_TARGET = "#78909c"
_REALISED = "#1565c0"


def _target_path(ax: Any, spec: CapaianChartSpec) -> None:
    points = [(x, v) for x, v in enumerate(spec.targets, start=1) if v is not None]
    if points:
        ax.plot([x for x, _ in points], [v for _, v in points], linestyle="--", marker="s", color=_TARGET, lw=1.4,
                label="Target triwulan")
    band = [(x, lo, hi) for x, (lo, hi) in enumerate(zip(spec.lows, spec.highs, strict=True), start=1)
            if lo is not None and hi is not None]
    if band:
        ax.fill_between([x for x, _, _ in band], [lo for _, lo, _ in band], [hi for _, _, hi in band],
                        color=_TARGET, alpha=0.25, step=None, label="Rentang target", linewidth=0)
        if len(band) == 1:  # one quarter: a band of no width would be invisible
            x, lo, hi = band[0]
            ax.vlines([x], [lo], [hi], color=_TARGET, lw=6, alpha=0.4)


def _realisation(ax: Any, spec: CapaianChartSpec) -> None:
    points = [(x, v, t) for x, (v, t) in enumerate(zip(spec.realised, spec.realised_texts, strict=True), start=1)
              if v is not None]
    if not points:
        return
    ax.plot([x for x, _, _ in points], [v for _, v, _ in points], marker="o", color=_REALISED, lw=1.8,
            label="Realisasi")
    for x, v, text in points:
        ax.annotate(text, (x, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=MIN_FONT,
                    color=COLORS["ink"])


def capaian_chart(spec: CapaianChartSpec, phone: bool = False) -> str:
    """Realisation against the quarterly target path of one IKU, TW I–IV on the horizontal axis."""
    height = 3.3 if phone else 3.0
    fig, ax = subplots(figsize=(PHONE_WIDTH if phone else 5.2, height))
    fig.subplots_adjust(left=0.17 if phone else 0.12, right=0.96, top=1 - (0.75 if phone else 0.6) / height,
                        bottom=1.05 / height)
    _target_path(ax, spec)
    _realisation(ax, spec)
    ax.set_xlim(0.5, 4.5)
    ax.set_xticks([1, 2, 3, 4])
    ax.set_xticklabels([q if ended else f"{q}\n(belum\nberakhir)" for q, ended in zip(_QUARTERS, spec.ended,
                                                                                       strict=True)],
                       fontsize=MIN_FONT)
    ax.margins(y=0.3)
    ax.tick_params(axis="y", labelsize=MIN_FONT)
    ax.yaxis.set_major_formatter(_decimal_comma())
    if spec.unit:
        ax.set_ylabel(spec.unit, fontsize=MIN_FONT)
    ax.grid(axis="y", color="#eceff1")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    title = f"{spec.code} {spec.title}" + (" (semakin kecil semakin baik)" if spec.lower_is_better else "")
    ax.set_title(wrap(title, 40 if phone else 70), loc="left", fontsize=MIN_FONT)
    if ax.get_legend_handles_labels()[0]:
        fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False, fontsize=MIN_FONT)
    return svg(fig)


def _decimal_comma() -> Any:
    import matplotlib.ticker

    return matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}".replace(".", ","))


def capaian_chart_phone(spec: CapaianChartSpec) -> str:
    return capaian_chart(spec, phone=True)
