"""What a typed target means: "0,70", "100%", "85 point", "BB", "-".

Targets stay text as typed (they are printed exactly so), but charts, comparisons
and checks need to know what a target says. Indonesian writing uses a decimal
comma and a dot between thousands ("1.500.000,50"); the national planning system
(SIPD) writes a decimal dot ("16.46"). A dotted value is therefore read only when
it cannot be thousands (16.46 is 16,46: a thousands group has three digits), is
flagged so the writer can fix it, and is never read as sixteen thousand. One dot
before exactly three digits ("1.500") may be either: it gets no value at all.

Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NONE = "tanpa target"  # "-": the plan states that there is no target this year
NUMBER = "angka"
PERCENT = "persen"
INDEX = "indeks"
QUANTITY = "jumlah"  # a number with its unit: "5 Dokumen", "85 point"
PREDICATE = "predikat"  # SAKIP and similar grades: AA, A, BB, B, CC, C, D
TEXT = "teks"  # anything else, kept and printed as typed
RANGE = "rentang"  # "80–90%": within the range is met (an indicator with `arah: rentang`)

NUMERIC = (NUMBER, PERCENT, INDEX, QUANTITY)
PREDICATES = ("AA", "A", "BB", "B", "CC", "C", "D")
DASHES = ("-", "\u2013", "\u2014")  # Word turns "-" into an en or em dash
_INDEX_UNITS = ("indeks", "index")
_PERCENT_UNITS = ("%", "persen")

_COMPARATOR = r"(?P<cmp>[<>]=?|[\u2264\u2265\u00b1])?\s*"
_NUMBER = r"(?P<num>[+-]?[0-9][0-9.,]*)"
_UNIT = r"(?:\s*(?P<pct>%)|\s+(?P<unit>[^\W\d_][^\n]*?))?"
_SHAPE = re.compile(rf"{_COMPARATOR}{_NUMBER}{_UNIT}\s*", re.UNICODE)
# "80–90%", "80 - 90 %", "80% - 90%", "0,60–0,70": two numbers joined by a dash, one unit
_RANGE = re.compile(r"(?P<lo>[0-9][0-9.,]*)\s*(?P<pct1>%)?\s*[-\u2013\u2014]\s*(?P<hi>[0-9][0-9.,]*)"
                    r"(?:\s*(?P<pct>%)|\s+(?P<unit>[^\W\d_][^\n]*?))?\s*", re.UNICODE)

_INT = re.compile(r"[+-]?[0-9]+")
_COMMA_DECIMAL = re.compile(r"[+-]?[0-9]+,[0-9]+")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")  # 1.500.000 or 1.500,25
_DOT_DECIMAL = re.compile(r"[+-]?[0-9]+\.[0-9]+")  # 16.46 as SIPD writes it
_ENGLISH = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+")  # 1,500.25


@dataclass(frozen=True, slots=True)
class Target:
    text: str  # as typed, printed as is
    kind: str
    value: Decimal | None = None  # for the numeric kinds, when the text says it unambiguously
    unit: str | None = None  # "%", "point", "Dokumen", or the indicator's satuan for a bare number
    unit_in_text: bool = False  # the unit is written inside the target ("85 point", "100%")
    comparator: str | None = None  # "≥ 80%": the target is a bound
    dotted: bool = False  # a decimal dot (or English grouping): ambiguous in Indonesian writing
    fix: str | None = None  # how to write it unambiguously (quoted, in Indonesian), for a dotted target
    low: Decimal | None = None  # a range's bounds ("80–90%": 80 and 90)
    high: Decimal | None = None

    @property
    def is_none(self) -> bool:
        return self.kind == NONE

    @property
    def number(self) -> float | None:
        """The value for a chart; None for predikat, text, "-" and an ambiguous dotted number."""
        return float(self.value) if self.value is not None and self.kind in NUMERIC else None

    def same_as(self, other: Target) -> bool:
        """Whether two targets say the same thing ("0,70" and "0,7"; "88%" and "88 %")."""
        if self.value is not None and other.value is not None:
            return (self.value == other.value and self.comparator == other.comparator
                    and _unit_key(self.unit) == _unit_key(other.unit))
        return _words(self.text) == _words(other.text)


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _unit_key(unit: str | None) -> str:
    return _words(unit) if unit else ""


def _decimal(digits: str) -> tuple[Decimal | None, bool, tuple[str, ...]]:
    """(value, dotted, how to write it) of a number as typed: value None when it can be read
    two ways; for a dotted number the unambiguous spelling(s), fraction first."""
    if _INT.fullmatch(digits):
        return Decimal(digits), False, ()
    if _COMMA_DECIMAL.fullmatch(digits):
        return Decimal(digits.replace(",", ".")), False, ()
    if _GROUPED.fullmatch(digits):
        whole, _, frac = digits.partition(",")
        if whole.lstrip("+-").startswith("0"):  # "0.625": no thousands group starts with 0
            return Decimal(digits), True, (digits.replace(".", ","),)
        if whole.count(".") == 1 and not frac:
            # "1.500": thousands (1500) or a decimal dot (1,5)? Both happen; read neither.
            return None, True, (digits.replace(".", ","), digits.replace(".", ""))
        return Decimal(whole.replace(".", "") + ("." + frac if frac else "")), False, ()
    if _DOT_DECIMAL.fullmatch(digits):
        return Decimal(digits), True, (digits.replace(".", ","),)
    if _ENGLISH.fullmatch(digits):
        whole, _, frac = digits.partition(".")
        return None, True, (f"{whole.replace(',', '.')},{frac}",)
    return None, False, ()


def parse(typed: str | int, satuan: str | None = None) -> Target:
    """What a target says. `satuan` is the unit written beside it (the indicator's or the
    sub kegiatan's), used when the target is a bare number."""
    if isinstance(typed, bool):  # never in valid data; keeps the type honest
        return Target(str(typed), TEXT)
    if isinstance(typed, int):
        return _numeric(str(typed), Decimal(typed), None, None, False, None, satuan)
    text = typed
    stripped = " ".join(text.split())
    if stripped in DASHES:
        return Target(text, NONE)
    if stripped in PREDICATES:
        return Target(text, PREDICATE)
    m = _SHAPE.fullmatch(stripped)
    if m is None:
        return _range(text, stripped, satuan)
    value, dotted, spellings = _decimal(m["num"])
    if value is None and not dotted:
        return Target(text, TEXT)  # "1,2,3" and such: not a number
    unit = "%" if m["pct"] else m["unit"]
    fix = None
    if spellings:
        prefix = f"{m['cmp']} " if m["cmp"] else ""
        suffix = ("%" if m["pct"] else f" {m['unit']}") if unit else ""
        written = [f'"{prefix}{s}{suffix}"' for s in spellings]
        fix = written[0] if len(written) == 1 else f"{written[0]} bila pecahan, atau {written[1]} bila ribuan"
    return _numeric(text, value, m["cmp"], unit, dotted, fix, satuan)


def _numeric(text: str, value: Decimal | None, comparator: str | None, unit: str | None, dotted: bool,
             fix: str | None, satuan: str | None) -> Target:
    in_text = unit is not None
    if unit is None and satuan:
        unit = satuan
    key = _unit_key(unit)
    if key in _PERCENT_UNITS:
        kind = PERCENT
        unit = "%"
    elif key in _INDEX_UNITS:
        kind = INDEX
    elif unit:
        kind = QUANTITY
    else:
        kind = NUMBER
    return Target(text, kind, value, unit, in_text, comparator, dotted, fix)


def number(typed: str | int | None, satuan: str | None = None) -> float | None:
    """A target as a chart value, or None (no target, predikat, text, ambiguous)."""
    return None if typed is None else parse(typed, satuan).number


def _range(text: str, stripped: str, satuan: str | None) -> Target:
    """A range target ("80–90%"), or the text as typed when it is not one (an ambiguous
    dotted bound makes the whole range unread, never half of it)."""
    m = _RANGE.fullmatch(stripped)
    if m is None or (m["pct1"] and m["unit"]):
        return Target(text, TEXT)
    low, low_dotted, _ = _decimal(m["lo"])
    high, high_dotted, _ = _decimal(m["hi"])
    if low is None or high is None or low_dotted or high_dotted or low > high:
        return Target(text, TEXT)
    unit = "%" if (m["pct"] or m["pct1"]) else m["unit"]
    in_text = unit is not None
    if unit is None and satuan:
        unit = "%" if _unit_key(satuan) in _PERCENT_UNITS else satuan
    return Target(text, RANGE, None, unit, in_text, low=low, high=high)
