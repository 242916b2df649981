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
from typing import TYPE_CHECKING, Callable

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle  # noqa: E402

from generator.source import cache  # noqa: E402

if TYPE_CHECKING:
    from generator.plan.status import CycleStatus


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
    forecast_start: str | None = None  # what is still to do, as the forecast expects it
    forecast_end: str | None = None


@dataclass(frozen=True)
class TimelineSpec:
    title: str
    today: str | None  # None for a finished cycle: its chart then never changes with the date
    rows: tuple[TimelineRow, ...]


def timeline_spec(status: "CycleStatus") -> TimelineSpec:
    """A cycle's timeline as plain data: baseline, what happened, and the forecast of the rest."""
    rows = []
    for s in status.steps:
        f = status.forecast.step(s.step.number) if status.forecast else None
        # a running step's bar already reaches today: the forecast draws only what lies after it
        f_start = max(f.start, status.today + dt.timedelta(days=1)) if f and s.started else f.start if f else None
        rows.append(TimelineRow(f"{s.step.number}. {s.step.short}", s.planned.start.isoformat(),
                                s.planned.end.isoformat(), s.started.isoformat() if s.started else None,
                                s.finished.isoformat() if s.finished else None, s.state,
                                f_start.isoformat() if f and f_start <= f.end else None,
                                f.end.isoformat() if f and f_start <= f.end else None))
    return TimelineSpec(f"Siklus RKT {status.year}: jadwal dasar, pelaksanaan" +
                        (" dan perkiraan" if status.forecast else ""),
                        None if status.finished else status.today.isoformat(), tuple(rows))


def _day(s: str) -> float:
    return dt.date.fromisoformat(s).toordinal()


# the smallest text of any chart, in points: at the size each variant is shown (a desktop chart at
# its natural width, a phone variant at a 360 px screen's 328 px column) that is at least 11 CSS px
MIN_FONT = 9
PHONE_WIDTH = 3.6  # inches: 259 pt, so 9 pt text on 328 px stays above 11 px


def timeline(spec: TimelineSpec, phone: bool = False) -> str:
    """Baseline bars (grey), actual bars coloured by status, forecast bars (hatched), and a 'hari ini'
    line. The phone variant puts each step's name above its bars and keeps every text at 9 pt."""
    _style()
    n = len(spec.rows)
    row_h = 0.62 if phone else 0.42
    bottom = 1.15 if phone else 0.75  # inches: the date axis, then the legend (three rows on a phone)
    height = row_h * n + bottom + (0.75 if phone else 0.55)
    fig, ax = plt.subplots(figsize=(PHONE_WIDTH if phone else 9, height))
    fig.subplots_adjust(left=0.03 if phone else 0.19, right=0.97 if phone else 0.98,
                        top=1 - (0.75 if phone else 0.55) / height, bottom=bottom / height)
    dates = [_day(r.planned_start) for r in spec.rows] + [_day(r.planned_end) for r in spec.rows] \
        + [_day(r.actual_end) for r in spec.rows if r.actual_end] \
        + [_day(r.forecast_end) for r in spec.rows if r.forecast_end]
    show_today = spec.today is not None
    today = _day(spec.today) if spec.today else max(dates)
    lo = min(dates + ([today] if show_today else [])) - 1
    hi = max(dates + ([today] if show_today else [])) + 2
    bar = 0.24 if phone else 0.32  # half the height of a baseline bar
    for i, r in enumerate(spec.rows):
        y = n - 1 - i
        ps, pe = _day(r.planned_start), _day(r.planned_end) + 1
        ax.add_patch(Rectangle((ps, y - bar), pe - ps, 2 * bar, color=COLORS["baseline"], lw=0))
        if r.actual_start:
            a_s = _day(r.actual_start)
            a_e = _day(r.actual_end) + 1 if r.actual_end else today + 1
            ax.add_patch(Rectangle((a_s, y - bar * 0.56), max(a_e - a_s, 0.3), bar * 1.12,
                                   color=COLORS.get(r.state, COLORS["berjalan"]), lw=0))
        if r.forecast_start and r.forecast_end:
            fs, fe = _day(r.forecast_start), _day(r.forecast_end) + 1
            ax.add_patch(Rectangle((fs, y - bar * 0.56), fe - fs, bar * 1.12, facecolor="white",
                                   edgecolor=COLORS["forecast"], hatch="////", lw=0.9))
        if phone:
            ax.text(lo + 0.3, y + bar + 0.04, r.label, fontsize=MIN_FONT, color=COLORS["ink"], va="bottom", ha="left")
    if show_today:
        ax.axvline(today + 0.5, color=COLORS["today"], lw=1.5, ls="--")
        ax.text(today + 0.5, n - 0.3 if phone else n - 0.35, " hari ini", color=COLORS["today"], va="bottom",
                ha="right" if phone and today > (lo + hi) / 2 else "left", fontsize=MIN_FONT)
    ax.set_ylim(-0.7, n - 0.05 if phone else n - 0.3)
    ax.set_xlim(lo, hi)
    if phone:
        ax.set_yticks([])
    else:
        ax.set_yticks(range(n))
        ax.set_yticklabels([r.label for r in reversed(spec.rows)])
    span = hi - lo
    step = (7 if span <= 35 else 14 if span <= 120 else 61) if phone else (1 if span <= 21 else 7 if span <= 120 else 30)
    first = int(lo) + (7 - dt.date.fromordinal(int(lo)).weekday()) % 7 if step in (7, 14) else int(lo)
    ticks = list(range(first, int(hi) + 1, step))
    ax.set_xticks([t + 0.5 for t in ticks])
    ax.set_xticklabels([f"{dt.date.fromordinal(t).day} {MONTHS[dt.date.fromordinal(t).month - 1]}" for t in ticks],
                       rotation=0, fontsize=MIN_FONT)
    ax.tick_params(axis="y", labelsize=MIN_FONT)
    ax.grid(axis="x", color="#eceff1", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right") + (("left",) if phone else ()):
        ax.spines[side].set_visible(False)
    keys = ["baseline", "selesai", "berjalan", "terlambat"]
    names = ["Jadwal dasar (SOP)", "Selesai", "Berjalan", "Terlambat"]
    handles = [Rectangle((0, 0), 1, 1, color=COLORS[k]) for k in keys]
    if any(r.forecast_end for r in spec.rows):
        handles.append(Rectangle((0, 0), 1, 1, facecolor="white", edgecolor=COLORS["forecast"], hatch="////"))
        names.append("Perkiraan")
    # below the axis, in the figure's bottom margin (kept free for it above)
    fig.legend(handles, names, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncol=2 if phone else len(names),
               frameon=False, fontsize=MIN_FONT)
    ax.set_title(_wrap(spec.title, 44) if phone else spec.title, loc="left", fontsize=MIN_FONT + 1,
                 color=COLORS["ink"], pad=16)
    return _svg(fig)


def timeline_phone(spec: TimelineSpec) -> str:
    return timeline(spec, phone=True)


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


def swimlane_phone(spec: SwimlaneSpec) -> str:
    """The SOP flowchart for a phone: one column, top to bottom, the same symbols (capsule, box,
    diamond, arrows, "tidak" loops on the right); each shape names its pelaksana in its second line."""
    _style()
    width, box_w, gap = PHONE_WIDTH, 2.5, 0.28  # inches
    heights = [0.42] + [0.78 if s.decision_back_to is not None else 0.6 for s in spec.steps] + [0.42]
    total = sum(heights) + gap * (len(heights) - 1) + 0.2
    fig, ax = plt.subplots(figsize=(width, total))
    fig.subplots_adjust(left=0, right=1, top=1, bottom=0)
    ax.set_xlim(0, width)
    ax.set_ylim(-total, 0)
    ax.axis("off")
    cx = 0.12 + box_w / 2
    centres, y = [], -0.1
    for h in heights:
        centres.append(y - h / 2)
        y -= h + gap
    ink = COLORS["ink"]

    def capsule(yc: float, text: str) -> None:
        ax.add_patch(FancyBboxPatch((cx - 0.6, yc - 0.17), 1.2, 0.34, boxstyle="round,pad=0,rounding_size=0.17",
                                    facecolor="white", edgecolor=ink, lw=1))
        ax.text(cx, yc, text, ha="center", va="center", fontsize=MIN_FONT)

    capsule(centres[0], "Mulai")
    capsule(centres[-1], "Selesai")
    for s, yc, h in zip(spec.steps, centres[1:-1], heights[1:-1]):
        lane = spec.lanes[s.lane] if s.lane < len(spec.lanes) else ""
        if s.decision_back_to is not None:
            ax.add_patch(Polygon([(cx, yc + h / 2), (cx + box_w / 2, yc), (cx, yc - h / 2), (cx - box_w / 2, yc)],
                                 closed=True, facecolor="#fff8e1", edgecolor=ink, lw=1))
        else:
            ax.add_patch(Rectangle((cx - box_w / 2, yc - h / 2), box_w, h, facecolor="white", edgecolor=ink, lw=1))
        ax.text(cx, yc + 0.08, f"{s.number}. {s.label}", ha="center", va="center", fontsize=MIN_FONT,
                fontweight="bold")
        ax.text(cx, yc - 0.13, lane, ha="center", va="center", fontsize=MIN_FONT, color="#455a64")
    decisions = {s.number for s in spec.steps if s.decision_back_to is not None}
    numbers = [None] + [s.number for s in spec.steps] + [None]
    for i in range(len(centres) - 1):
        top, bottom = centres[i] - heights[i] / 2, centres[i + 1] + heights[i + 1] / 2
        ax.add_patch(FancyArrowPatch((cx, top), (cx, bottom), arrowstyle="-|>", mutation_scale=9, color=ink, lw=0.9,
                                     shrinkA=0, shrinkB=0))
        if numbers[i] in decisions:
            ax.text(cx + 0.06, (top + bottom) / 2, "ya", fontsize=MIN_FONT, style="italic", color=ink, va="center")
    # "tidak": out of the diamond's right corner, up a channel right of the shapes, into the target's side
    index = {s.number: k + 1 for k, s in enumerate(spec.steps)}
    loops = [s for s in spec.steps if s.decision_back_to is not None and s.decision_back_to in index]
    for k, s in enumerate(loops):
        yc, ty = centres[index[s.number]], centres[index[s.decision_back_to]]
        channel = cx + box_w / 2 + 0.25 + 0.2 * k
        ax.plot([cx + box_w / 2, channel, channel], [yc, yc, ty], color=COLORS["terlambat"], lw=0.9)
        ax.add_patch(FancyArrowPatch((channel, ty), (cx + box_w / 2, ty), arrowstyle="-|>", mutation_scale=9,
                                     color=COLORS["terlambat"], lw=0.9, shrinkA=0, shrinkB=0))
        ax.text(cx + box_w / 2 + 0.03, yc + 0.04, "tidak", fontsize=MIN_FONT, style="italic",
                color=COLORS["terlambat"], ha="left", va="bottom")
    return _svg(fig)


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
    incomplete: tuple[int, ...] = ()  # years whose plan still misses a unit's form


def budget_trend(spec: BudgetTrendSpec, phone: bool = False) -> str:
    """Grouped bars: each unit's total budget per cycle, in billions of Rupiah, on an axis from zero.
    A year still missing a unit's form is marked "belum lengkap" under its label."""
    _style()
    height = 3.9 if phone else 3.6
    fig, ax = plt.subplots(figsize=(PHONE_WIDTH if phone else 9, height))
    fig.subplots_adjust(left=0.17 if phone else 0.09, right=0.98 if phone else 0.99, top=1 - 0.45 / height,
                        bottom=(1.25 if phone else 0.85) / height)
    n = max(len(spec.units), 1)
    width = 0.8 / n
    palette = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#455a64")
    for i, (unit, values) in enumerate(zip(spec.units, spec.budgets)):
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(spec.years))]
        ax.bar(xs, [v / 1e9 for v in values], width=width * 0.95, color=palette[i % len(palette)], label=unit)
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
    return _svg(fig)


def budget_trend_phone(spec: BudgetTrendSpec) -> str:
    return budget_trend(spec, phone=True)


@dataclass(frozen=True)
class TargetTrendSpec:
    years: tuple[int, ...]
    series: tuple[tuple[str, str | None, tuple[float | None, ...]], ...]  # (code, unit of measure, values)


def _number_id(v: float, decimals: int | None = None) -> str:
    text = f"{v:.{decimals}f}" if decimals is not None else f"{v:g}"
    return text.replace(".", ",")


def _decimals(values: list[float]) -> int:
    """As many decimals as the most precise value has (0,66 and 0,7 both print as 0,66 / 0,70)."""
    return max((len(f"{v:g}".partition(".")[2]) for v in values if "e" not in f"{v:g}"), default=0)


def target_trend(spec: TargetTrendSpec, phone: bool = False) -> str:
    """Small multiples: one panel per numeric IKU, its target per cycle, each point labelled with its
    value (a panel's axis is zoomed to its own range: the labels keep a small step from looking large)."""
    _style()
    n = max(len(spec.series), 1)
    cols = 1 if phone else min(n, 3)
    rows = (n + cols - 1) // cols
    panel_h = 2.0 if phone else 2.4
    fig, axes = plt.subplots(rows, cols, figsize=(PHONE_WIDTH if phone else 3.2 * cols, panel_h * rows),
                             squeeze=False)
    fig.subplots_adjust(left=0.16 if phone else 0.08, right=0.95 if phone else 0.98, top=1 - 0.35 / (panel_h * rows),
                        bottom=0.3 / (panel_h * rows), wspace=0.35, hspace=0.75)
    for idx, (code, unit, values) in enumerate(spec.series):
        ax = axes[idx // cols][idx % cols]
        points = [(y, v) for y, v in zip(spec.years, values) if v is not None]
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
    return _svg(fig)


def target_trend_phone(spec: TargetTrendSpec) -> str:
    return target_trend(spec, phone=True)


# each chart and its phone variant (file suffix, drawing): see render.chart
VARIANTS: dict[str, tuple[tuple[str, Callable[[object], str]], ...]] = {
    "timeline": (("", timeline), ("-ponsel", timeline_phone)),  # type: ignore[dict-item]
    "swimlane": (("", swimlane), ("-ponsel", swimlane_phone)),  # type: ignore[dict-item]
    "budget-trend": (("", budget_trend), ("-ponsel", budget_trend_phone)),  # type: ignore[dict-item]
    "target-trend": (("", target_trend), ("-ponsel", target_trend_phone)),  # type: ignore[dict-item]
}
