"""The trend charts: each unit's budget per cycle (grouped bars) and each IKU's target per cycle
(small multiples), each with its phone variant."""

from __future__ import annotations

import matplotlib.ticker

from generator.site.charts import COLORS, MIN_FONT, PHONE_WIDTH, subplots, svg
from generator.site.chartspecs import BudgetTrendSpec, TargetTrendSpec


def budget_trend(spec: BudgetTrendSpec, phone: bool = False) -> str:
    """Grouped bars: each unit's total budget per cycle, in billions of Rupiah, on an axis from zero.
    An unknown budget has no bar (never one of height 0); a year still missing a unit's form or an
    amount is marked "belum lengkap" under its label."""
    height = 3.9 if phone else 3.6
    fig, ax = subplots(figsize=(PHONE_WIDTH if phone else 9, height))
    fig.subplots_adjust(left=0.17 if phone else 0.09, right=0.98 if phone else 0.99, top=1 - 0.45 / height,
                        bottom=(1.25 if phone else 0.85) / height)
    n = max(len(spec.units), 1)
    width = 0.8 / n
    palette = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#455a64")
    for i, (unit, values) in enumerate(zip(spec.units, spec.budgets, strict=False)):
        known = [(j + (i - (n - 1) / 2) * width, v) for j, v in enumerate(values) if v is not None]
        ax.bar([x for x, _ in known], [v / 1e9 for _, v in known], width=width * 0.95,
               color=palette[i % len(palette)], label=unit)
    ax.set_ylim(bottom=0)  # bars are compared by their length: the axis starts at zero
    ax.set_xticks(range(len(spec.years)))
    ax.set_xticklabels([f"{y}\n(belum lengkap)" if y in spec.incomplete else str(y) for y in spec.years],
                       fontsize=MIN_FONT)
    ax.set_ylabel("Miliar Rupiah", fontsize=MIN_FONT)
    ax.tick_params(axis="y", labelsize=MIN_FONT)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:.1f}".replace(".", ",")))
    ax.grid(axis="y", color="#eceff1")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.01), ncol=min(n, 2 if phone else 4), frameon=False,
               fontsize=MIN_FONT)
    ax.set_title("Anggaran per unit per tahun", loc="left", fontsize=MIN_FONT + 1)
    return svg(fig)


def budget_trend_phone(spec: BudgetTrendSpec) -> str:
    return budget_trend(spec, phone=True)


def _number_id(v: float, decimals: int | None = None) -> str:
    text = f"{v:.{decimals}f}" if decimals is not None else f"{v:g}"
    return text.replace(".", ",")


def _decimals(values: list[float]) -> int:
    """As many decimals as the most precise value has (0,66 and 0,7 both print as 0,66 / 0,70)."""
    return max((len(f"{v:g}".partition(".")[2]) for v in values if "e" not in f"{v:g}"), default=0)


def target_trend(spec: TargetTrendSpec, phone: bool = False) -> str:
    """Small multiples: one panel per numeric IKU, its target per cycle, each point labelled with its
    value (a panel's axis is zoomed to its own range: the labels keep a small step from looking large)."""
    n = max(len(spec.series), 1)
    cols = 1 if phone else min(n, 3)
    rows = (n + cols - 1) // cols
    panel_h = 2.0 if phone else 2.4
    fig, axes = subplots(rows, cols, figsize=(PHONE_WIDTH if phone else 3.2 * cols, panel_h * rows),
                             squeeze=False)
    fig.subplots_adjust(left=0.16 if phone else 0.08, right=0.95 if phone else 0.98, top=1 - 0.35 / (panel_h * rows),
                        bottom=0.3 / (panel_h * rows), wspace=0.35, hspace=0.75)
    for idx, (code, unit, values) in enumerate(spec.series):
        ax = axes[idx // cols][idx % cols]
        points = [(y, v) for y, v in zip(spec.years, values, strict=False) if v is not None]
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color="#1565c0", lw=1.5)
            places = _decimals([v for _, v in points])
            for x, v in points:
                ax.annotate(_number_id(v, places), (x, v), textcoords="offset points", xytext=(0, 6), ha="center",
                            fontsize=MIN_FONT, color=COLORS["ink"])
            ax.margins(y=0.35)
        ax.set_xlim(min(spec.years) - 0.4, max(spec.years) + 0.4)  # every year has its place, with data or not
        ax.set_title(f"{code} ({unit})" if unit else code, fontsize=MIN_FONT, loc="left")
        ax.set_xticks(list(spec.years))
        ax.set_xticklabels([str(y) for y in spec.years], fontsize=MIN_FONT)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: _number_id(v)))
        ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4))
        ax.tick_params(axis="y", labelsize=MIN_FONT)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for idx in range(len(spec.series), rows * cols):
        axes[idx // cols][idx % cols].axis("off")
    return svg(fig)


def target_trend_phone(spec: TargetTrendSpec) -> str:
    return target_trend(spec, phone=True)
