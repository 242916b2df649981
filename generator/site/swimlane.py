"""The SOP flowchart: PermenPAN-RB 35/2012 symbols (capsule = mulai/selesai, box = kegiatan,
diamond = keputusan, arrows), "tidak" loops back in red.

The desktop chart has one column (lane) per pelaksana; the phone variant is one column,
top to bottom, each shape naming its pelaksana in its second line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle

from generator.site.charts import COLORS, MIN_FONT, PHONE_WIDTH, subplots, svg, wrap
from generator.site.chartspecs import FlowStep, SwimlaneSpec

Point = tuple[float, float]


# --- desktop: one lane per pelaksana ------------------------------------------

@dataclass(frozen=True)
class _Grid:
    """The desktop chart's geometry, in axis units: lanes side by side, one row per shape."""

    lanes: int
    rows: int  # the steps, and the start and end capsules
    lane_w: float = 2.2
    row_h: float = 1.0

    @property
    def box(self) -> Point:  # a shape's width and height
        return self.lane_w * 0.8, self.row_h * 0.66

    def center(self, row: int, lane: int) -> Point:
        return lane * self.lane_w + self.lane_w / 2, -(row + 0.5) * self.row_h


def swimlane(spec: SwimlaneSpec) -> str:
    """The SOP flowchart, one column per pelaksana."""
    grid = _Grid(len(spec.lanes), len(spec.steps) + 2)
    fig, ax = subplots(figsize=(grid.lanes * 1.5 + 0.6, grid.rows * 0.62 + 0.8))
    fig.subplots_adjust(left=0.01, right=0.99, top=0.99, bottom=0.01)
    ax.set_xlim(-0.3, grid.lanes * grid.lane_w + 0.3)
    ax.set_ylim(-grid.rows * grid.row_h - 0.2, 0.9)
    ax.axis("off")
    _lanes(ax, spec, grid)
    positions = {s.number: grid.center(r, s.lane) for r, s in enumerate(spec.steps, start=1)}
    start = grid.center(0, spec.steps[0].lane if spec.steps else 0)
    end = grid.center(grid.rows - 1, spec.steps[-1].lane if spec.steps else 0)
    _capsule(ax, grid, start, "Mulai")
    _capsule(ax, grid, end, "Selesai")
    for s in spec.steps:
        _shape(ax, grid, positions[s.number], s)
    _forward(ax, spec, grid, [start] + [positions[s.number] for s in spec.steps] + [end])
    loops = _loops_back(ax, spec, grid, positions)
    ax.set_xlim(-0.3, grid.lanes * grid.lane_w + 0.15 + 0.22 * max(loops, 1) + 0.2)
    return svg(fig)


def _lanes(ax: Any, spec: SwimlaneSpec, grid: _Grid) -> None:
    """The lanes, shaded in turn, each under a header with its pelaksana's name."""
    for i, name in enumerate(spec.lanes):
        x = i * grid.lane_w
        ax.add_patch(Rectangle((x, -grid.rows * grid.row_h - 0.1), grid.lane_w, grid.rows * grid.row_h + 0.1,
                               facecolor=COLORS["lane"] if i % 2 == 0 else "white", edgecolor="#b0bec5", lw=0.6))
        ax.add_patch(Rectangle((x, 0), grid.lane_w, 0.8, facecolor="#37474f", edgecolor="#b0bec5", lw=0.6))
        ax.text(x + grid.lane_w / 2, 0.4, wrap(name, 14), ha="center", va="center", color="white", fontsize=8,
                fontweight="bold")


def _capsule(ax: Any, grid: _Grid, xy: Point, text: str) -> None:
    x, y = xy
    bw, bh = grid.box
    ax.add_patch(FancyBboxPatch((x - bw / 2 + 0.15, y - bh / 2 + 0.08), bw - 0.3, bh - 0.16,
                                boxstyle="round,pad=0,rounding_size=0.25", facecolor="white",
                                edgecolor=COLORS["ink"], lw=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=8)


def _shape(ax: Any, grid: _Grid, xy: Point, s: FlowStep) -> None:
    """A step: a diamond when it decides (and may send the work back), else a box."""
    x, y = xy
    bw, bh = grid.box
    if s.decision_back_to is not None:
        ax.add_patch(Polygon([(x, y + bh / 2 + 0.05), (x + bw / 2, y), (x, y - bh / 2 - 0.05), (x - bw / 2, y)],
                             closed=True, facecolor="#fff8e1", edgecolor=COLORS["ink"], lw=1))
        ax.text(x, y, wrap(f"{s.number}. {s.label}", 11), ha="center", va="center", fontsize=6.5)
    else:
        ax.add_patch(Rectangle((x - bw / 2, y - bh / 2), bw, bh, facecolor="white", edgecolor=COLORS["ink"], lw=1))
        ax.text(x, y, wrap(f"{s.number}. {s.label}", 15), ha="center", va="center", fontsize=7)


def _forward(ax: Any, spec: SwimlaneSpec, grid: _Grid, chain: list[Point]) -> None:
    """The arrows from each shape to the next (through the start and end capsules): straight down
    within a lane, else down, across and down; out of a decision they say "ya"."""
    bw, bh = grid.box
    decides = {s.number: bool(s.decision_back_to) for s in spec.steps}
    decided = [False] + [decides[s.number] for s in spec.steps] + [False]
    for i in range(len(chain) - 1):
        a, b = chain[i], chain[i + 1]
        start = (a[0], a[1] - bh / 2 - (0.05 if decided[i] else 0))
        end = (b[0], b[1] + bh / 2 + (0.05 if decided[i + 1] else 0))
        label = "ya" if decided[i] else ""
        if a[0] != b[0]:
            mid = (a[0], (start[1] + end[1]) / 2)
            ax.plot([start[0], mid[0], b[0]], [start[1], mid[1], mid[1]], color=COLORS["ink"], lw=0.9)
            _arrow(ax, (b[0], mid[1]), end, label)
        else:
            _arrow(ax, start, end, label)


def _arrow(ax: Any, a: Point, b: Point, label: str = "") -> None:
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=10, color=COLORS["ink"], lw=0.9,
                                 connectionstyle="arc3", shrinkA=0, shrinkB=0))
    if label:
        ax.text((a[0] + b[0]) / 2 + 0.08, (a[1] + b[1]) / 2, label, fontsize=7, color=COLORS["ink"],
                ha="left", va="center", style="italic")


def _loops_back(ax: Any, spec: SwimlaneSpec, grid: _Grid, positions: dict[int, Point]) -> int:
    """The "tidak" loops: out of the diamond's right corner into a channel right of the lanes,
    up to the target row, and into the target box from the right. Their number."""
    bw, _ = grid.box
    channel = grid.lanes * grid.lane_w + 0.15
    loops = [(s, back) for s in spec.steps if (back := s.decision_back_to) is not None and back in positions]
    for k, (s, back) in enumerate(loops):
        x, y = positions[s.number]
        tx, ty = positions[back]
        cx = channel + 0.22 * k
        ax.plot([x + bw / 2, cx, cx], [y, y, ty], color=COLORS["terlambat"], lw=0.9)
        ax.add_patch(FancyArrowPatch((cx, ty), (tx + bw / 2, ty), arrowstyle="-|>", mutation_scale=10,
                                     color=COLORS["terlambat"], lw=0.9, shrinkA=0, shrinkB=0))
        ax.text(x + bw / 2 + 0.05, y + 0.08, "tidak", fontsize=7, style="italic", color=COLORS["terlambat"],
                ha="left", va="bottom")
    return len(loops)


# --- phone: one column --------------------------------------------------------

def swimlane_phone(spec: SwimlaneSpec) -> str:
    """The SOP flowchart for a phone: one column, top to bottom, the same symbols (capsule, box,
    diamond, arrows, "tidak" loops on the right); each shape names its pelaksana in its second line."""
    width, box_w, gap = PHONE_WIDTH, 2.5, 0.28  # inches
    heights = [0.42] + [0.78 if s.decision_back_to is not None else 0.6 for s in spec.steps] + [0.42]
    total = sum(heights) + gap * (len(heights) - 1) + 0.2
    fig, ax = subplots(figsize=(width, total))
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
    for s, yc, h in zip(spec.steps, centres[1:-1], heights[1:-1], strict=True):
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
    loops = [(s, back) for s in spec.steps if (back := s.decision_back_to) is not None and back in index]
    for k, (s, back) in enumerate(loops):
        yc, ty = centres[index[s.number]], centres[index[back]]
        channel = cx + box_w / 2 + 0.25 + 0.2 * k
        ax.plot([cx + box_w / 2, channel, channel], [yc, yc, ty], color=COLORS["terlambat"], lw=0.9)
        ax.add_patch(FancyArrowPatch((channel, ty), (cx + box_w / 2, ty), arrowstyle="-|>", mutation_scale=9,
                                     color=COLORS["terlambat"], lw=0.9, shrinkA=0, shrinkB=0))
        ax.text(cx + box_w / 2 + 0.03, yc + 0.04, "tidak", fontsize=MIN_FONT, style="italic",
                color=COLORS["terlambat"], ha="left", va="bottom")
    return svg(fig)
