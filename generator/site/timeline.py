"""The cycle timeline chart: baseline bars, what happened, the forecast, and "today".
A cycle recorded after the fact has no baseline: its chart marks the day each recorded
step was done, and nothing else.

One drawing for both variants, fed by a `TimelineLayout`: the desktop chart names
each step beside its bars, the phone variant (a 360 px screen) above them, and
keeps every text at MIN_FONT.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.patches import Rectangle

from generator.site.charts import COLORS, MIN_FONT, MONTHS, PHONE_WIDTH, subplots, svg, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from generator.plan.status import CycleStatus, StepStatus


@dataclass(frozen=True)
class TimelineRow:
    label: str
    planned_start: str | None  # ISO dates: the spec must be plain, hashable data; None: no baseline
    planned_end: str | None
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


def timeline_spec(status: CycleStatus) -> TimelineSpec:
    """A cycle's timeline as plain data: baseline, what happened, and the forecast of the rest."""
    rows = []
    for s in status.steps:
        forecast = _forecast_left(status, s)
        rows.append(TimelineRow(f"{s.step.number}. {s.step.short}", _iso(s.planned.start if s.planned else None),
                                _iso(s.planned.end if s.planned else None), _iso(s.started), _iso(s.finished),
                                s.state, *forecast))
    if status.baseline_end is None:  # recorded afterwards: only what was recorded
        nothing = not any(r.actual_end for r in rows)
        return TimelineSpec(f"Siklus RKT {status.year} (dicatat kemudian): tanggal yang tercatat",
                            status.today.isoformat() if nothing else None, tuple(rows))
    return TimelineSpec(f"Siklus RKT {status.year}: jadwal SOP, pelaksanaan" +
                        (" dan perkiraan" if status.forecast else ""),
                        None if status.finished else status.today.isoformat(), tuple(rows))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _forecast_left(status: CycleStatus, s: StepStatus) -> tuple[str | None, str | None]:
    """The forecast's first and last day of what is left of step `s`, or (None, None)."""
    f = status.forecast.step(s.step.number) if status.forecast else None
    if f is None:
        return None, None
    # a running step's bar already reaches today: the forecast draws only what lies after it
    start = max(f.start, status.today + dt.timedelta(days=1)) if s.started else f.start
    return (start.isoformat(), f.end.isoformat()) if start <= f.end else (None, None)


@dataclass(frozen=True)
class TimelineLayout:
    """Where the timeline puts things, in inches and axis units; one value per variant."""

    width: float  # of the figure, inches
    row: float  # height of one step's row, inches
    top: float  # margin above the axis (the title), inches
    bottom: float  # margin below it (the date axis, then the legend), inches
    left: float  # figure fractions
    right: float
    bar: float  # half the height of a baseline bar, in rows
    labels_above: bool  # each step's name above its bars (else as the axis' tick labels)
    today_drop: float  # the "hari ini" label's baseline: this far below the top row's top
    top_gap: float  # the axis ends this far below the top row's top
    today_flips: bool  # "hari ini" to the left of its line when the line is in the right half
    tick_steps: tuple[tuple[int, int], ...]  # (longest span in days, days between date ticks)
    tick_step_else: int  # days between date ticks for a longer span
    legend_columns: int | None  # None: every entry in one row
    title_width: int | None  # characters per title line; None: one line


DESKTOP = TimelineLayout(width=9, row=0.42, top=0.55, bottom=0.75, left=0.19, right=0.98, bar=0.32,
                         labels_above=False, today_drop=0.35, top_gap=0.3, today_flips=False,
                         tick_steps=((21, 1), (120, 7)), tick_step_else=30, legend_columns=None, title_width=None)
# the legend in three rows, below the date axis
PHONE = TimelineLayout(width=PHONE_WIDTH, row=0.62, top=0.75, bottom=1.15, left=0.03, right=0.97, bar=0.24,
                       labels_above=True, today_drop=0.3, top_gap=0.05, today_flips=True,
                       tick_steps=((35, 7), (120, 14)), tick_step_else=61, legend_columns=2, title_width=44)


YEARS_SPAN = 400  # days: a longer chart is labelled by year


def _day(s: str) -> float:
    return dt.date.fromisoformat(s).toordinal()


def timeline(spec: TimelineSpec, phone: bool = False) -> str:
    """Baseline bars (grey), actual bars coloured by status, forecast bars (hatched), and a 'hari ini'
    line. The phone variant puts each step's name above its bars and keeps every text at 9 pt."""
    return _draw(spec, PHONE if phone else DESKTOP)


def timeline_phone(spec: TimelineSpec) -> str:
    return timeline(spec, phone=True)


def _draw(spec: TimelineSpec, layout: TimelineLayout) -> str:
    n = len(spec.rows)
    height = layout.row * n + layout.bottom + layout.top
    fig, ax = subplots(figsize=(layout.width, height))
    fig.subplots_adjust(left=layout.left, right=layout.right, top=1 - layout.top / height,
                        bottom=layout.bottom / height)
    dates = [_day(r.planned_start) for r in spec.rows if r.planned_start] \
        + [_day(r.planned_end) for r in spec.rows if r.planned_end] \
        + [_day(r.actual_end) for r in spec.rows if r.actual_end] \
        + [_day(r.forecast_end) for r in spec.rows if r.forecast_end]
    today = _day(spec.today) if spec.today else max(dates)
    shown = dates + ([today] if spec.today is not None else [])
    lo, hi = min(shown) - 1, max(shown) + 2
    if hi - lo > YEARS_SPAN:  # years: a day's margin is too thin to show the first and last marks whole
        pad = (hi - lo) * 0.03
        lo, hi = lo - pad, hi + pad
    for i, r in enumerate(spec.rows):
        _bars(ax, r, n - 1 - i, today, lo, layout)
    if spec.today is not None:
        ax.axvline(today + 0.5, color=COLORS["today"], lw=1.5, ls="--")
        ax.text(today + 0.5, n - layout.today_drop, " hari ini", color=COLORS["today"], va="bottom",
                ha="right" if layout.today_flips and today > (lo + hi) / 2 else "left", fontsize=MIN_FONT)
    ax.set_ylim(-0.7, n - layout.top_gap)
    ax.set_xlim(lo, hi)
    _axes(ax, spec, layout, lo, hi)
    _legend(fig, spec, layout)
    ax.set_title(wrap(spec.title, layout.title_width) if layout.title_width else spec.title, loc="left",
                 fontsize=MIN_FONT + 1, color=COLORS["ink"], pad=16)
    return svg(fig)


def _bars(ax: Any, r: TimelineRow, y: int, today: float, lo: float, layout: TimelineLayout) -> None:
    """One step's row: its baseline, what was done (to today while it runs), what is forecast."""
    bar = layout.bar
    if r.planned_start and r.planned_end:
        ps, pe = _day(r.planned_start), _day(r.planned_end) + 1
        ax.add_patch(Rectangle((ps, y - bar), pe - ps, 2 * bar, color=COLORS["baseline"], lw=0))
    if r.actual_end and not r.actual_start:  # recorded afterwards: the day it was done, a mark
        ax.plot([_day(r.actual_end) + 0.5], [y], marker="D", markersize=7, color=COLORS.get(r.state, COLORS["selesai"]),
                lw=0)
    if r.actual_start:
        a_s = _day(r.actual_start)
        a_e = _day(r.actual_end) + 1 if r.actual_end else today + 1
        ax.add_patch(Rectangle((a_s, y - bar * 0.56), max(a_e - a_s, 0.3), bar * 1.12,
                               color=COLORS.get(r.state, COLORS["berjalan"]), lw=0))
    if r.forecast_start and r.forecast_end:
        fs, fe = _day(r.forecast_start), _day(r.forecast_end) + 1
        ax.add_patch(Rectangle((fs, y - bar * 0.56), fe - fs, bar * 1.12, facecolor="white",
                               edgecolor=COLORS["forecast"], hatch="////", lw=0.9))
    if layout.labels_above:
        ax.text(lo + 0.3, y + bar + 0.04, r.label, fontsize=MIN_FONT, color=COLORS["ink"], va="bottom", ha="left")


def _axes(ax: Any, spec: TimelineSpec, layout: TimelineLayout, lo: float, hi: float) -> None:
    """The steps' names (unless above the bars), the date ticks, the grid and the frame."""
    if layout.labels_above:
        ax.set_yticks([])
    else:
        ax.set_yticks(range(len(spec.rows)))
        ax.set_yticklabels([r.label for r in reversed(spec.rows)])
    span = hi - lo
    if span > YEARS_SPAN:  # years (a cycle archived long after it was signed): one tick each 1 January
        ticks = [dt.date(y, 1, 1).toordinal() for y in range(dt.date.fromordinal(int(lo)).year + 1,
                                                             dt.date.fromordinal(int(hi)).year + 1)]
        labels = [str(dt.date.fromordinal(t).year) for t in ticks]
    else:
        step = next((days for longest, days in layout.tick_steps if span <= longest), layout.tick_step_else)
        first = int(lo) + (7 - dt.date.fromordinal(int(lo)).weekday()) % 7 if step in (7, 14) else int(lo)
        ticks = list(range(first, int(hi) + 1, step))
        labels = [f"{dt.date.fromordinal(t).day} {MONTHS[dt.date.fromordinal(t).month - 1]}" for t in ticks]
    ax.set_xticks([t + 0.5 for t in ticks])
    ax.set_xticklabels(labels, rotation=0, fontsize=MIN_FONT)
    ax.tick_params(axis="y", labelsize=MIN_FONT)
    ax.grid(axis="x", color="#eceff1", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right") + (("left",) if layout.labels_above else ()):
        ax.spines[side].set_visible(False)


def _legend(fig: Figure, spec: TimelineSpec, layout: TimelineLayout) -> None:
    """What each bar means, below the axis in the figure's bottom margin (kept free for it)."""
    if not any(r.planned_start for r in spec.rows):  # recorded afterwards: no schedule, nothing late
        keys, names = ["selesai"], ["Tercatat selesai"]
    else:
        keys = ["baseline", "selesai", "berjalan", "terlambat"]
        names = ["Jadwal SOP", "Selesai", "Berjalan", "Terlambat"]
    handles = [Rectangle((0, 0), 1, 1, color=COLORS[k]) for k in keys]
    if any(r.forecast_end for r in spec.rows):
        handles.append(Rectangle((0, 0), 1, 1, facecolor="white", edgecolor=COLORS["forecast"], hatch="////"))
        names.append("Perkiraan")
    fig.legend(handles, names, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncol=layout.legend_columns or len(names),
               frameon=False, fontsize=MIN_FONT)
