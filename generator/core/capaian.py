"""Capaian: how far a realisation reaches its target, by the agency's own rules.

There is no single national rule (DOMAIN.md, "After the PK"), so every choice is data:
the indicator's direction (`naik`, `turun`, `rentang`) and aggregation (`jumlah`,
`terakhir`, `rata-rata`, `maksimum`) from renstra.yaml; the lower-is-better formula, the
cap, the verification threshold and the category scale from agency.yaml
(`core/year.MeasurementRules`). Every result carries the formula written out with its
numbers (`worked`), so that a reader can recompute it by hand.

* naik: R / T × 100%.
* turun: (2 − R/T) × 100% or T / R × 100% (the agency's choice); T / R has no value for R = 0.
* rentang [A, B]: 100% when A ≤ R ≤ B; below, R / A × 100% (measured against the nearer bound
  as a higher-is-better target); above, the agency's lower-is-better formula against B.
* text targets (predikat "BB", "5 Dokumen" unread, "-"): no percentage. A predikat is
  compared by its rank (AA above A above BB ...), any other text as text.

Arithmetic in Decimal, rounded half up to two places only when shown. Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.core import target as tgt
from generator.core.year import (
    DOWN,
    DOWN_RATIO,
    LAST,
    MAX,
    MEAN,
    RANGE,
    SUM,
    MeasurementRules,
)

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

MET = "tercapai"
NOT_MET = "belum tercapai"


@dataclass(frozen=True, slots=True)
class Capaian:
    """One capaian: the percentage (None when it has none, and `reason` says why), the formula
    in words and with its numbers, the category, and the flags a reader must see."""

    percent: Decimal | None  # after the cap, unrounded
    formula: str  # "R / T × 100%"
    worked: str  # "0,63 / 0,66 × 100% = 95,45%"
    category: str | None
    verify: bool = False  # above the agency's verification threshold
    capped: bool = False  # the cap cut it (`uncapped` is the computed value)
    uncapped: Decimal | None = None
    met: bool | None = None  # for a text target: whether it is reached; None when unknown
    reason: str | None = None  # why there is no percentage

    @property
    def shown(self) -> str:
        """"95,45%", "tercapai", or "—" with the reason beside it on the page."""
        if self.percent is not None:
            return percent_text(self.percent)
        if self.met is not None:
            return MET if self.met else NOT_MET
        return "—"


def decimal_text(value: Decimal, places: int | None = None) -> str:
    """Indonesian decimal writing of an exact value: 95.4545 → "95,45" (places=2), 0.66 → "0,66"."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    text = format(value.normalize() if places is None else value, "f")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    grouped = ""
    while len(digits) > 3:
        grouped = "." + digits[-3:] + grouped
        digits = digits[:-3]
    return f"{sign}{digits}{grouped}" + (f",{frac}" if frac else "")


def number_text(value: Decimal) -> str:
    """A value in a worked formula: as typed ("0,625"), or a computed one (a mean of quarters,
    10,3333...) to two places ("10,33"), as the page shows it beside the formula."""
    exponent = value.normalize().as_tuple().exponent
    return decimal_text(value, 2) if isinstance(exponent, int) and exponent < -4 else decimal_text(value)


def percent_text(value: Decimal) -> str:
    return f"{decimal_text(value, 2)}%"


def category(percent: Decimal | None, rules: MeasurementRules) -> str | None:
    if percent is None:
        return None
    shown = percent.quantize(CENT, ROUND_HALF_UP)
    return next((b.name for b in rules.bands if shown >= b.lowest), None)


def _finish(raw: Decimal, formula: str, worked: str, rules: MeasurementRules) -> Capaian:
    capped = rules.cap is not None and raw > rules.cap
    value = rules.cap if capped and rules.cap is not None else raw
    verify = rules.verify_above is not None and raw > rules.verify_above
    shown = f"{worked} = {percent_text(raw)}"
    if capped:
        shown += f", dibatasi {percent_text(value)}"
    return Capaian(value, formula, shown, category(value, rules), verify, capped, raw)


def _none(formula: str, reason: str) -> Capaian:
    return Capaian(None, formula, reason, None, reason=reason)


def _up(r: Decimal, t: Decimal, rules: MeasurementRules, r_text: str, t_text: str) -> Capaian:
    formula = "R / T × 100%"
    if t == 0:
        return _none(formula, "target 0: capaian tidak dapat dihitung dengan R / T")
    return _finish(r / t * HUNDRED, formula, f"{r_text} / {t_text} × 100%", rules)


def _down(r: Decimal, t: Decimal, rules: MeasurementRules, r_text: str, t_text: str) -> Capaian:
    if rules.down_formula == DOWN_RATIO:
        formula = "T / R × 100%"
        if r == 0:
            return _none(formula, "realisasi 0: capaian tidak dapat dihitung dengan T / R")
        return _finish(t / r * HUNDRED, formula, f"{t_text} / {r_text} × 100%", rules)
    formula = "(2 − R / T) × 100%"
    if t == 0:
        return _none(formula, "target 0: capaian tidak dapat dihitung dengan (2 − R / T)")
    return _finish((2 - r / t) * HUNDRED, formula, f"(2 − {r_text} / {t_text}) × 100%", rules)


def _range(r: Decimal, low: Decimal, high: Decimal, rules: MeasurementRules, r_text: str) -> Capaian:
    inside = "100% bila A ≤ R ≤ B"
    if low <= r <= high:
        return _finish(HUNDRED, inside, f"{decimal_text(low)} ≤ {r_text} ≤ {decimal_text(high)}: 100%", rules)
    if r < low:
        c = _up(r, low, rules, r_text, decimal_text(low))
        formula = f"{inside}; di bawah A: R / A × 100%"
    else:
        c = _down(r, high, rules, r_text, decimal_text(high))
        formula = f"{inside}; di atas B: {c.formula.replace('T', 'B')}"
    return Capaian(c.percent, formula, c.worked, c.category, c.verify, c.capped, c.uncapped, reason=c.reason)


def _predicate_rank(text: str) -> int:
    return len(tgt.PREDICATES) - tgt.PREDICATES.index(" ".join(text.split()))


def _text(realised: tgt.Target, target: tgt.Target) -> Capaian:
    formula = "dibandingkan sebagai teks"
    if target.kind == tgt.PREDICATE and realised.kind == tgt.PREDICATE:
        met = _predicate_rank(realised.text) >= _predicate_rank(target.text)
        return Capaian(None, "predikat dibandingkan menurut peringkat (AA, A, BB, B, CC, C, D)",
                       f"{realised.text.strip()} {'≥' if met else '<'} {target.text.strip()}", None, met=met,
                       reason="target berupa predikat: tanpa persentase")
    met = realised.same_as(target)
    return Capaian(None, formula, f"{realised.text.strip()} {'=' if met else '≠'} {target.text.strip()}", None,
                   met=met, reason="target berupa teks: tanpa persentase")


def measure(realised: tgt.Target, target: tgt.Target, direction: str, rules: MeasurementRules) -> Capaian:
    """The capaian of `realised` against `target` for an indicator of `direction`."""
    if target.is_none:
        return _none("—", "tidak ada target")
    if realised.is_none:
        return _none("—", "realisasi tidak dilaporkan ('-')")
    r = realised.value
    r_text = realised.text.strip()
    if target.kind == tgt.RANGE and target.low is not None and target.high is not None:
        if r is None:
            return _none("100% bila A ≤ R ≤ B", "realisasi bukan angka yang terbaca")
        return _range(r, target.low, target.high, rules, number_text(r))
    if target.value is None or target.kind not in tgt.NUMERIC:
        return _text(realised, target)
    if r is None:
        return _none("R / T × 100%", f"realisasi '{r_text}' bukan angka yang terbaca")
    if direction == RANGE:
        return _none("100% bila A ≤ R ≤ B", "target indikator rentang harus berupa rentang, misalnya \"80–90%\"")
    measure_one = _down if direction == DOWN else _up
    return measure_one(r, target.value, rules, number_text(r), number_text(target.value))


# --- quarters into the year -----------------------------------------------

AGGREGATION_WORDS = {SUM: "jumlah triwulan", LAST: "nilai triwulan terakhir", MEAN: "rata-rata triwulan",
                     MAX: "nilai tertinggi triwulan"}


def aggregate(values: Sequence[Decimal], how: str) -> Decimal | None:
    """The year (or the year so far) from quarterly values, in quarter order; None when there is none."""
    if not values:
        return None
    if how == SUM:
        return sum(values, Decimal(0))
    if how == MEAN:
        return sum(values, Decimal(0)) / len(values)
    if how == MAX:
        return max(values)
    return values[-1]


def aggregate_targets(targets: Sequence[tgt.Target], how: str) -> tgt.Target | None:
    """The target of several quarters together, as a Target: numeric targets aggregate like
    realisations; a range or a text target of the last quarter stands for the year. None when
    the quarters give nothing to aggregate (all "-")."""
    given = [t for t in targets if not t.is_none]
    if not given:
        return None
    last = given[-1]
    if how == LAST or any(t.value is None for t in given):
        return last
    value = aggregate([t.value for t in given if t.value is not None], how)
    assert value is not None
    return tgt.Target(shown_value(value, last), last.kind, value, last.unit, last.unit_in_text)


def shown_value(value: Decimal, like: tgt.Target) -> str:
    """An aggregated value as text: two decimals at most (a mean of 10, 11 and 10 is "10,33"),
    with the unit written as the quarters wrote theirs ("82%", "4 dokumen")."""
    text = decimal_text(value.quantize(CENT, ROUND_HALF_UP).normalize())
    if like.unit_in_text and like.unit:
        return f"{text}%" if like.unit == "%" else f"{text} {like.unit}"
    return text
