"""The cycle timeline chart: baseline bars, what happened, the forecast, and "today".
A cycle recorded after the fact has no baseline: its chart marks the day each recorded
step was done, and nothing else.

One drawing for both variants, fed by a `TimelineLayout`: the desktop chart names
each step beside its bars, the phone variant (a 360 px screen) above them, and
keeps every text at FONT px. Written as SVG directly (rectangles, lines and texts),
not through matplotlib: see `timeline`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING

from generator.site.chartlook import COLORS, MONTHS, wrap

if TYPE_CHECKING:
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
    """Where the timeline puts things, in SVG px (shown at that size: 1 px = 1 CSS px); one per variant."""

    width: int  # of the picture
    label: int  # the step names' column, left of the bars (0: each name above its bars)
    row: int  # height of one step's row
    top: int  # above the first row: the title, then "hari ini"
    bar: int  # height of a baseline bar (what was done and the forecast: a little thinner)
    legend_columns: int  # entries per legend row
    title_width: int | None  # characters per title line; None: one line


DESKTOP = TimelineLayout(width=900, label=170, row=34, top=52, bar=16, legend_columns=6, title_width=None)
# each name above its bars, the legend in rows of two, below the date labels
PHONE = TimelineLayout(width=330, label=0, row=44, top=60, bar=12, legend_columns=2, title_width=44)
# days between date labels, the first that leaves each label its room ("30 Nov"); weekly ones fall on Mondays
TICK_STEPS = (1, 2, 7, 14, 30, 61, 91)
TICK_ROOM = 56  # px per date label

FONT = 12  # px: the smallest text, at the size each variant is shown (a phone variant fills a 328 px column)
LINE = 16  # px between lines of text
FONTS = "DejaVu Sans, Verdana, Arial, sans-serif"  # text stays text: the reader's own sans-serif
GLYPH = 7.2  # px: a generous average width of a character of those fonts at FONT
MAX_LABEL = 330  # px: the widest names' column of the desktop chart (44 characters: "11. " and 40)
YEARS_SPAN = 400  # days: a longer chart is labelled by year


def _day(s: str) -> int:
    return dt.date.fromisoformat(s).toordinal()


def timeline(spec: TimelineSpec, phone: bool = False) -> str:
    """Baseline bars (grey), actual bars coloured by status, forecast bars (hatched), and a 'hari ini'
    line. The phone variant puts each step's name above its bars; every text is at least 12 px.

    Written as SVG directly: a few rectangles and texts per step, where matplotlib took ~45 ms a
    chart (two per cycle, on every first build). The same spec gives the same bytes."""
    return _draw(spec, PHONE if phone else DESKTOP)


def timeline_phone(spec: TimelineSpec) -> str:
    return timeline(spec, phone=True)


@dataclass(frozen=True)
class _Frame:
    """The plot area (px) and the days it shows, [lo, hi)."""

    left: float
    right: float
    top: float
    lo: float
    hi: float

    def x(self, day: float) -> float:
        return self.left + (day - self.lo) * (self.right - self.left) / (self.hi - self.lo)


def _draw(spec: TimelineSpec, layout: TimelineLayout) -> str:
    dates = [_day(d) for r in spec.rows for d in (r.planned_start, r.planned_end, r.actual_end, r.forecast_end) if d]
    today = _day(spec.today) if spec.today else max(dates)
    shown = dates + ([today] if spec.today is not None else [])
    lo, hi = min(shown) - 1.0, max(shown) + 2.0
    if hi - lo > YEARS_SPAN:  # years: a day's margin is too thin to show the first and last marks whole
        pad = (hi - lo) * 0.03
        lo, hi = lo - pad, hi + pad
    title = wrap(spec.title, layout.title_width).split("\n") if layout.title_width else [spec.title]
    top = layout.top + LINE * (len(title) - 1)
    if layout.label:  # the names' column widens for long step names (nama_singkat: up to 40 characters)
        layout = replace(layout, label=min(max(layout.label, round(max(len(r.label) for r in spec.rows) * GLYPH) + 8),
                                           MAX_LABEL))
    frame = _Frame(layout.label + 8 if layout.label else 4, layout.width - 12, top, lo, hi)
    bottom = top + layout.row * len(spec.rows)
    keys = _legend_keys(spec)
    legend_rows = -(-len(keys) // layout.legend_columns)
    height = bottom + 28 + legend_rows * 20 + 6
    out = ['<?xml version="1.0" encoding="utf-8" standalone="no"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width}" height="{height}" '
           f'viewBox="0 0 {layout.width} {height}" font-family="{FONTS}" font-size="{FONT}" fill="{COLORS["ink"]}">',
           f"<title>{escape(spec.title)}</title>",
           '<defs><pattern id="perkiraan" width="6" height="6" patternUnits="userSpaceOnUse" '
           f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
           f'<line x1="0" y1="0" x2="0" y2="6" stroke="{COLORS["forecast"]}" stroke-width="2"/></pattern></defs>',
           f'<rect width="{layout.width}" height="{height}" fill="#fff"/>']
    out += [f'<text x="4" y="{16 + LINE * i}" font-size="{FONT + 1}">{escape(line)}</text>'
            for i, line in enumerate(title)]
    out += _grid(frame, bottom, layout)
    for i, r in enumerate(spec.rows):
        out += _bars(r, frame, top + layout.row * i, today, layout)
    out.append(f'<line x1="{frame.left:.1f}" y1="{bottom}" x2="{frame.right:.1f}" y2="{bottom}" '
               f'stroke="{COLORS["ink"]}"/>')
    if spec.today is not None:
        x = frame.x(today + 0.5)
        # the words go left of the line where they would leave the picture (on a phone: in its right half)
        flip = x > (frame.left + frame.right) / 2 if layout.label == 0 else x > layout.width - 64
        anchor = ' text-anchor="end"' if flip else ""
        out.append(f'<line x1="{x:.1f}" y1="{top - 16}" x2="{x:.1f}" y2="{bottom}" stroke="{COLORS["today"]}" '
                   'stroke-width="1.5" stroke-dasharray="5 3"/>')
        out.append(f'<text x="{x + (-4 if anchor else 4):.1f}" y="{top - 6}" fill="{COLORS["today"]}"{anchor}>'
                   "hari ini</text>")
    out += _legend(keys, bottom + 30, layout)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _bars(r: TimelineRow, frame: _Frame, y: float, today: int, layout: TimelineLayout) -> list[str]:
    """One step's row: its name, its baseline, what was done (to today while it runs), what is forecast."""
    out = []
    if layout.label:
        out.append(f'<text x="{layout.label}" y="{y + layout.row / 2 + 4:.1f}" text-anchor="end">'
                   f"{escape(r.label)}</text>")
        mid = y + layout.row / 2
    else:
        out.append(f'<text x="{frame.left}" y="{y + 13}">{escape(r.label)}</text>')
        mid = y + 17 + (layout.row - 17) / 2
    half = layout.bar / 2

    def box(first: float, last: float, h: float, paint: str) -> str:
        x0, x1 = frame.x(first), frame.x(last)
        return f'<rect x="{x0:.1f}" y="{mid - h:.1f}" width="{max(x1 - x0, 2):.1f}" height="{2 * h:.1f}" {paint}/>'

    if r.planned_start and r.planned_end:
        out.append(box(_day(r.planned_start), _day(r.planned_end) + 1, half, f'fill="{COLORS["baseline"]}"'))
    if r.actual_end and not r.actual_start:  # recorded afterwards: the day it was done, a mark
        x = frame.x(_day(r.actual_end) + 0.5)
        color = COLORS.get(r.state, COLORS["selesai"])
        out.append(f'<path d="M{x:.1f} {mid - 6:.1f}l6 6l-6 6l-6 -6z" fill="{color}"/>')
    if r.actual_start:
        end = _day(r.actual_end) + 1 if r.actual_end else today + 1
        out.append(box(_day(r.actual_start), end, half * 0.56, f'fill="{COLORS.get(r.state, COLORS["berjalan"])}"'))
    if r.forecast_start and r.forecast_end:
        out.append(box(_day(r.forecast_start), _day(r.forecast_end) + 1, half * 0.56,
                       f'fill="url(#perkiraan)" stroke="{COLORS["forecast"]}" stroke-width="1"'))
    return out


def _grid(frame: _Frame, bottom: float, layout: TimelineLayout) -> list[str]:
    """A light line and a date label at each tick: each 1 January over years, else days (Mondays for
    weekly steps)."""
    span = frame.hi - frame.lo
    if span > YEARS_SPAN:  # years (a cycle archived long after it was signed): one tick each 1 January
        ticks = [(dt.date(y, 1, 1).toordinal(), str(y)) for y in range(dt.date.fromordinal(int(frame.lo)).year + 1,
                                                                       dt.date.fromordinal(int(frame.hi)).year + 1)]
    else:
        per_day = (frame.right - frame.left) / span
        step = next((days for days in TICK_STEPS if days * per_day >= TICK_ROOM), TICK_STEPS[-1])
        lo = int(frame.lo)
        first = lo + (7 - dt.date.fromordinal(lo).weekday()) % 7 if step in (7, 14) else lo
        ticks = [(t, f"{dt.date.fromordinal(t).day} {MONTHS[dt.date.fromordinal(t).month - 1]}")
                 for t in range(first, int(frame.hi) + 1, step) if frame.lo <= t + 0.5 <= frame.hi]
    out = []
    for t, label in ticks:
        x = frame.x(t + 0.5)
        out.append(f'<line x1="{x:.1f}" y1="{frame.top}" x2="{x:.1f}" y2="{bottom}" stroke="#eceff1"/>')
        # a label that would stick out of the picture is set against its line from the inside
        half = len(label) * FONT * 0.31
        anchor = "start" if x - half < 2 else "end" if x + half > layout.width - 2 else "middle"
        out.append(f'<text x="{x:.1f}" y="{bottom + 17}" text-anchor="{anchor}">{escape(label)}</text>')
    return out


def _legend_keys(spec: TimelineSpec) -> list[tuple[str, str]]:
    """(paint, name) of what this chart shows."""
    if not any(r.planned_start for r in spec.rows):  # recorded afterwards: no schedule, nothing late
        keys = [(f'fill="{COLORS["selesai"]}"', "Tercatat selesai")]
    else:
        keys = [(f'fill="{COLORS[k]}"', name) for k, name in (("baseline", "Jadwal SOP"), ("selesai", "Selesai"),
                                                               ("berjalan", "Berjalan"), ("terlambat", "Terlambat"))]
    if any(r.forecast_end for r in spec.rows):
        keys.append((f'fill="url(#perkiraan)" stroke="{COLORS["forecast"]}"', "Perkiraan"))
    return keys


def _legend(keys: list[tuple[str, str]], y: float, layout: TimelineLayout) -> list[str]:
    """What each bar means, below the date labels, `legend_columns` to a row."""
    column = (layout.width - 8) / layout.legend_columns
    out = []
    for i, (paint, name) in enumerate(keys):
        x, row_y = 4 + column * (i % layout.legend_columns), y + 20 * (i // layout.legend_columns)
        out.append(f'<rect x="{x:.1f}" y="{row_y:.1f}" width="22" height="11" {paint}/>')
        out.append(f'<text x="{x + 28:.1f}" y="{row_y + 10:.1f}">{escape(name)}</text>')
    return out
