"""What the matplotlib charts show, as plain data (their "specs"): made where the pages are made,
drawn elsewhere (`chartkinds`), so that making them never imports matplotlib. A chart is cached
by its spec (`chartcache`).
"""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class BudgetTrendSpec:
    years: tuple[int, ...]
    units: tuple[str, ...]  # short names
    budgets: tuple[tuple[int | None, ...], ...]  # per unit, per year (Rupiah; None: no form or unknown, no bar)
    incomplete: tuple[int, ...] = ()  # years whose total is unknown: a unit's form or an amount still missing


@dataclass(frozen=True)
class TargetTrendSpec:
    years: tuple[int, ...]
    series: tuple[tuple[str, str | None, tuple[float | None, ...]], ...]  # (code, unit of measure, values)
