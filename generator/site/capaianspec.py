"""What the capaian chart of one IKU is drawn from (its quarterly target path and its realisation),
its file name, and the words that describe it for a reader who cannot see it.

Kept apart from the drawing (`capaiancharts`, which imports matplotlib) so that the pages can name
and describe the charts without loading matplotlib.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.core import target as tgt
from generator.core.year import DOWN, QUARTER_NAMES, QUARTERS
from generator.plan.performance import IndicatorYear, MeasuredYear, QuarterCell

KIND = "capaian-iku"


@dataclass(frozen=True)
class CapaianChartSpec:
    """One IKU through the year: per quarter (TW I–IV) its target (a number, or a range's bounds),
    its realisation, and the texts the points are labelled with, as the units wrote them."""

    code: str
    title: str
    unit: str | None  # unit of measure
    targets: tuple[float | None, ...]  # None: no numeric target that quarter ("-", a range)
    lows: tuple[float | None, ...]  # a range target's bounds ("85–95%")
    highs: tuple[float | None, ...]
    target_texts: tuple[str, ...]
    realised: tuple[float | None, ...]  # None: not reported, or not a number
    realised_texts: tuple[str, ...]
    ended: tuple[bool, ...]
    lower_is_better: bool


def chart_key(year: int, code: str) -> str:
    """The chart's name under grafik/ (without .svg): a file name, whatever the code holds."""
    return f"capaian-{year}-" + re.sub(r"[^A-Za-z0-9.-]+", "-", code)


def charted(row: IndicatorYear) -> bool:
    """An IKU with a numeric target path (a number or a range in some quarter)."""
    return row.is_iku and any(c.target is not None and (c.target.number is not None or c.target.kind == tgt.RANGE)
                              for c in row.cells)


def _realised(cell: QuarterCell) -> float | None:
    return cell.value.number if cell.value is not None else None


def chart_spec(row: IndicatorYear) -> CapaianChartSpec:
    cells = row.cells
    return CapaianChartSpec(
        row.indicator.code, row.indicator.description, row.indicator.unit_of_measure,
        tuple(c.target.number if c.target is not None else None for c in cells),
        tuple(float(c.target.low) if c.target is not None and c.target.low is not None else None for c in cells),
        tuple(float(c.target.high) if c.target is not None and c.target.high is not None else None for c in cells),
        tuple(c.target_text for c in cells), tuple(_realised(c) for c in cells),
        tuple(c.value_text if c.value is not None else "" for c in cells), tuple(c.ended for c in cells),
        row.indicator.direction == DOWN)


def chart_specs(measured: Mapping[int, MeasuredYear]) -> Iterator[tuple[str, str, CapaianChartSpec]]:
    """(file name, kind, spec) of every IKU chart of every year that has a Rencana Aksi."""
    for year in sorted(measured):
        m = measured[year]
        if not m.has_plan:
            continue
        for row in m.indicators:
            if charted(row):
                yield chart_key(year, row.indicator.code), KIND, chart_spec(row)


def alt_text(spec: CapaianChartSpec) -> str:
    """The chart in words, with its numbers: the target path, then the realisation of each quarter."""
    targets = []
    for q, text in zip(QUARTERS, spec.target_texts, strict=True):
        targets.append(f"{QUARTER_NAMES[q]} {text if text and text != '-' else 'tanpa target'}")
    realised = []
    for q, text, ended, aim in zip(QUARTERS, spec.realised_texts, spec.ended, spec.target_texts, strict=True):
        missing = "belum berakhir" if not ended else "tanpa target" if aim in ("", "-") else "belum dilaporkan"
        realised.append(f"{QUARTER_NAMES[q]} {text or missing}")
    unit = f" ({spec.unit})" if spec.unit else ""
    return (f"Grafik {spec.code} {spec.title}{unit}: target triwulan {', '.join(targets)}; "
            f"realisasi {', '.join(realised)}.")
