"""Charts as deterministic SVG (matplotlib, Agg): the cycle timeline and the SOP swimlane.

Same input, same bytes: a fixed hash salt for element ids, no date or creator
metadata, text drawn as paths with the DejaVu font that matplotlib ships.
Each chart function takes plain data (the "spec") and returns SVG text, so a
chart is cached by a hash of its spec and never redrawn when nothing changed.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle  # noqa: E402

from . import cache  # noqa: E402


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
}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


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


def _svg(fig) -> str:
    buf = io.StringIO()
    # fixed margins instead of bbox_inches="tight", which draws every figure twice
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buf.getvalue()


# --- timeline -------------------------------------------------------------

@dataclass(frozen=True)
class TimelineRow:
    label: str
    planned_start: str  # ISO dates: the spec must be plain, hashable data
    planned_end: str
    actual_start: str | None
    actual_end: str | None
    state: str


@dataclass(frozen=True)
class TimelineSpec:
    title: str
    today: str | None  # None for a finished cycle: its chart then never changes with the date
    rows: tuple[TimelineRow, ...]


def _day(s: str) -> float:
    return dt.date.fromisoformat(s).toordinal()


def timeline(spec: TimelineSpec) -> str:
    """Baseline bars (grey), actual bars coloured by status, and a 'hari ini' line."""
    _style()
    n = len(spec.rows)
    height = 0.42 * n + 1.4
    fig, ax = plt.subplots(figsize=(9, height))
    fig.subplots_adjust(left=0.19, right=0.98, top=1 - 0.45 / height, bottom=0.8 / height)
    dates = [_day(r.planned_start) for r in spec.rows] + [_day(r.planned_end) for r in spec.rows] \
        + [_day(r.actual_end) for r in spec.rows if r.actual_end]
    show_today = spec.today is not None
    today = _day(spec.today) if spec.today else max(dates)
    lo = min(dates + ([today] if show_today else [])) - 1
    hi = max(dates + ([today] if show_today else [])) + 2
    for i, r in enumerate(spec.rows):
        y = n - 1 - i
        ps, pe = _day(r.planned_start), _day(r.planned_end) + 1
        ax.add_patch(Rectangle((ps, y - 0.32), pe - ps, 0.64, color=COLORS["baseline"], lw=0))
        if r.actual_start:
            a_s = _day(r.actual_start)
            a_e = _day(r.actual_end) + 1 if r.actual_end else today + 1
            ax.add_patch(Rectangle((a_s, y - 0.18), max(a_e - a_s, 0.3), 0.36,
                                   color=COLORS.get(r.state, COLORS["berjalan"]), lw=0))
    if show_today:
        ax.axvline(today + 0.5, color=COLORS["today"], lw=1.5, ls="--")
        ax.text(today + 0.5, n - 0.35, " hari ini", color=COLORS["today"], va="bottom", ha="left", fontsize=8)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(lo, hi)
    ax.set_yticks(range(n))
    ax.set_yticklabels([r.label for r in reversed(spec.rows)])
    span = hi - lo
    step = 1 if span <= 21 else 7 if span <= 120 else 30
    first = int(lo) + (7 - dt.date.fromordinal(int(lo)).weekday()) % 7 if step == 7 else int(lo)
    ticks = list(range(first, int(hi) + 1, step))
    ax.set_xticks([t + 0.5 for t in ticks])
    ax.set_xticklabels([f"{dt.date.fromordinal(t).day} {MONTHS[dt.date.fromordinal(t).month - 1]}" for t in ticks],
                       rotation=0)
    ax.grid(axis="x", color="#eceff1", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Rectangle((0, 0), 1, 1, color=COLORS[k]) for k in ("baseline", "selesai", "berjalan", "terlambat")]
    ax.legend(handles, ["Jadwal dasar (SOP)", "Selesai", "Berjalan", "Terlambat"], loc="upper center",
              bbox_to_anchor=(0.5, -0.08), ncol=4, frameon=False, fontsize=8)
    ax.set_title(spec.title, loc="left", fontsize=10, color=COLORS["ink"])
    return _svg(fig)


# --- SOP swimlane ---------------------------------------------------------

@dataclass(frozen=True)
class FlowStep:
    number: int
    label: str
    lane: int
    decision_back_to: int | None


@dataclass(frozen=True)
class SwimlaneSpec:
    lanes: tuple[str, ...]
    steps: tuple[FlowStep, ...]


def _wrap(text: str, width: int = 16) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines)


def swimlane(spec: SwimlaneSpec) -> str:
    """The SOP flowchart: one column per pelaksana, PermenPAN-RB 35/2012 symbols
    (capsule = mulai/selesai, box = kegiatan, diamond = keputusan, arrows)."""
    _style()
    lanes = len(spec.lanes)
    rows = len(spec.steps) + 2  # start and end capsules
    lane_w, row_h = 2.2, 1.0
    fig, ax = plt.subplots(figsize=(lanes * 1.5 + 0.6, rows * 0.62 + 0.8))
    fig.subplots_adjust(left=0.01, right=0.99, top=0.99, bottom=0.01)
    ax.set_xlim(-0.3, lanes * lane_w + 0.3)
    ax.set_ylim(-rows * row_h - 0.2, 0.9)
    ax.axis("off")
    for i, name in enumerate(spec.lanes):
        x = i * lane_w
        ax.add_patch(Rectangle((x, -rows * row_h - 0.1), lane_w, rows * row_h + 0.1,
                               facecolor=COLORS["lane"] if i % 2 == 0 else "white", edgecolor="#b0bec5", lw=0.6))
        ax.add_patch(Rectangle((x, 0), lane_w, 0.8, facecolor="#37474f", edgecolor="#b0bec5", lw=0.6))
        ax.text(x + lane_w / 2, 0.4, _wrap(name, 14), ha="center", va="center", color="white", fontsize=8,
                fontweight="bold")

    def center(row: int, lane: int) -> tuple[float, float]:
        return lane * lane_w + lane_w / 2, -(row + 0.5) * row_h

    bw, bh = lane_w * 0.8, row_h * 0.66
    positions: dict[int, tuple[float, float]] = {}
    first_lane = spec.steps[0].lane if spec.steps else 0
    last_lane = spec.steps[-1].lane if spec.steps else 0
    points = [("mulai", center(0, first_lane))]
    for r, s in enumerate(spec.steps, start=1):
        positions[s.number] = center(r, s.lane)
    end_xy = center(rows - 1, last_lane)

    def capsule(xy: tuple[float, float], text: str) -> None:
        x, y = xy
        ax.add_patch(FancyBboxPatch((x - bw / 2 + 0.15, y - bh / 2 + 0.08), bw - 0.3, bh - 0.16,
                                    boxstyle="round,pad=0,rounding_size=0.25", facecolor="white",
                                    edgecolor=COLORS["ink"], lw=1))
        ax.text(x, y, text, ha="center", va="center", fontsize=8)

    capsule(points[0][1], "Mulai")
    capsule(end_xy, "Selesai")
    for s in spec.steps:
        x, y = positions[s.number]
        if s.decision_back_to is not None:
            ax.add_patch(Polygon([(x, y + bh / 2 + 0.05), (x + bw / 2, y), (x, y - bh / 2 - 0.05), (x - bw / 2, y)],
                                 closed=True, facecolor="#fff8e1", edgecolor=COLORS["ink"], lw=1))
            ax.text(x, y, _wrap(f"{s.number}. {s.label}", 11), ha="center", va="center", fontsize=6.5)
        else:
            ax.add_patch(Rectangle((x - bw / 2, y - bh / 2), bw, bh, facecolor="white", edgecolor=COLORS["ink"], lw=1))
            ax.text(x, y, _wrap(f"{s.number}. {s.label}", 15), ha="center", va="center", fontsize=7)

    def arrow(a: tuple[float, float], b: tuple[float, float], label: str = "", rad: float = 0.0) -> None:
        ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=10, color=COLORS["ink"], lw=0.9,
                                     connectionstyle=f"arc3,rad={rad}" if rad else "arc3", shrinkA=0, shrinkB=0))
        if label:
            ax.text((a[0] + b[0]) / 2 + 0.08, (a[1] + b[1]) / 2, label, fontsize=7, color=COLORS["ink"],
                    ha="left", va="center", style="italic")

    chain = [points[0][1]] + [positions[s.number] for s in spec.steps] + [end_xy]
    decisions = {s.number: s for s in spec.steps}
    numbers = [None] + [s.number for s in spec.steps] + [None]
    for i in range(len(chain) - 1):
        a, b = chain[i], chain[i + 1]
        start = (a[0], a[1] - bh / 2 - (0.05 if numbers[i] in decisions and decisions[numbers[i]].decision_back_to
                                          else 0))
        end = (b[0], b[1] + bh / 2 + (0.05 if numbers[i + 1] in decisions and
                                      decisions[numbers[i + 1]].decision_back_to else 0))
        if a[0] != b[0]:
            mid = (a[0], (start[1] + end[1]) / 2)
            ax.plot([start[0], mid[0], b[0]], [start[1], mid[1], mid[1]], color=COLORS["ink"], lw=0.9)
            label = "ya" if numbers[i] in decisions and decisions[numbers[i]].decision_back_to else ""
            arrow((b[0], mid[1]), end, label)
        else:
            label = "ya" if numbers[i] in decisions and decisions[numbers[i]].decision_back_to else ""
            arrow(start, end, label)
    # "tidak" loops: out of the diamond's right corner into a channel right of the
    # lanes, up to the target row, and into the target box from the right
    channel = lanes * lane_w + 0.15
    loops = [s for s in spec.steps if s.decision_back_to is not None and s.decision_back_to in positions]
    for k, s in enumerate(loops):
        x, y = positions[s.number]
        tx, ty = positions[s.decision_back_to]
        cx = channel + 0.22 * k
        ax.plot([x + bw / 2, cx, cx], [y, y, ty], color=COLORS["terlambat"], lw=0.9)
        ax.add_patch(FancyArrowPatch((cx, ty), (tx + bw / 2, ty), arrowstyle="-|>", mutation_scale=10,
                                     color=COLORS["terlambat"], lw=0.9, shrinkA=0, shrinkB=0))
        ax.text(x + bw / 2 + 0.05, y + 0.08, "tidak", fontsize=7, style="italic", color=COLORS["terlambat"],
                ha="left", va="bottom")
    ax.set_xlim(-0.3, channel + 0.22 * max(len(loops), 1) + 0.2)
    return _svg(fig)


# --- cache ----------------------------------------------------------------

def spec_inputs(kind: str, spec: object) -> tuple:
    """What a chart depends on besides rkt's code and matplotlib (which every cache key holds)."""
    return (kind, asdict(spec))  # type: ignore[call-overload]


@dataclass
class ChartCache:
    """SVGs through the one cache (`generator/cache.py`); counts what it had to draw."""

    folder: Path | None
    drawn: int = 0
    reused: int = 0

    def get(self, kind: str, spec: object, draw: Callable[[object], str]) -> str:
        store = cache.Cache(self.folder)
        svg = store.through("chart", spec_inputs(kind, spec), lambda: draw(spec).encode("utf-8"), ".svg")
        self.drawn += store.made
        self.reused += store.reused
        return svg.decode("utf-8")


# --- trends ---------------------------------------------------------------

@dataclass(frozen=True)
class BudgetTrendSpec:
    years: tuple[int, ...]
    units: tuple[str, ...]  # short names
    budgets: tuple[tuple[int, ...], ...]  # per unit, per year (Rupiah; 0 = no form)


def budget_trend(spec: BudgetTrendSpec) -> str:
    """Grouped bars: each unit's total budget per cycle, in billions of Rupiah."""
    _style()
    fig, ax = plt.subplots(figsize=(9, 3.6))
    fig.subplots_adjust(left=0.09, right=0.99, top=0.92, bottom=0.22)
    n = max(len(spec.units), 1)
    width = 0.8 / n
    palette = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#455a64")
    for i, (unit, values) in enumerate(zip(spec.units, spec.budgets)):
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(spec.years))]
        ax.bar(xs, [v / 1e9 for v in values], width=width * 0.95, color=palette[i % len(palette)], label=unit)
    ax.set_xticks(range(len(spec.years)))
    ax.set_xticklabels([str(y) for y in spec.years])
    ax.set_ylabel("Miliar Rupiah")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:.1f}".replace(".", ",")))
    ax.grid(axis="y", color="#eceff1")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(n, 4), frameon=False, fontsize=8)
    ax.set_title("Anggaran per unit per tahun", loc="left", fontsize=10)
    return _svg(fig)


@dataclass(frozen=True)
class TargetTrendSpec:
    years: tuple[int, ...]
    series: tuple[tuple[str, str, tuple[float | None, ...]], ...]  # (code, unit of measure, values)


def target_trend(spec: TargetTrendSpec) -> str:
    """Small multiples: one panel per numeric IKU, its target per cycle."""
    _style()
    n = max(len(spec.series), 1)
    cols = min(n, 3)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 2.3 * rows), squeeze=False)
    fig.subplots_adjust(left=0.08, right=0.98, top=0.86, bottom=0.12, wspace=0.35, hspace=0.6)
    for idx, (code, unit, values) in enumerate(spec.series):
        ax = axes[idx // cols][idx % cols]
        points = [(y, v) for y, v in zip(spec.years, values) if v is not None]
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color="#1565c0", lw=1.5)
        ax.set_title(f"{code} ({unit})", fontsize=8, loc="left")
        ax.set_xticks(list(spec.years))
        ax.set_xticklabels([str(y) for y in spec.years], fontsize=7)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}".replace(".", ",")))
        ax.tick_params(axis="y", labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for idx in range(len(spec.series), rows * cols):
        axes[idx // cols][idx % cols].axis("off")
    return _svg(fig)
