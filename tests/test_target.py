"""Reading a typed target: Indonesian decimal comma, SIPD's decimal dot, units, predikat, "-"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.core import target as t
from generator.core.target import parse


@pytest.mark.parametrize("typed, kind, value, unit", [
    ("0,70", t.NUMBER, "0.70", None),
    ("99,25", t.NUMBER, "99.25", None),
    ("85", t.NUMBER, "85", None),
    (85, t.NUMBER, "85", None),
    ("100%", t.PERCENT, "100", "%"),
    ("99,25 %", t.PERCENT, "99.25", "%"),
    ("100 persen", t.PERCENT, "100", "%"),
    ("-5%", t.PERCENT, "-5", "%"),
    ("85 point", t.QUANTITY, "85", "point"),
    ("5 Dokumen", t.QUANTITY, "5", "Dokumen"),
    ("12 Orang/Bulan", t.QUANTITY, "12", "Orang/Bulan"),
    ("0,75 indeks", t.INDEX, "0.75", "indeks"),
    ("7.646.183.378", t.NUMBER, "7646183378", None),  # Rupiah-style grouping is thousands
    ("1.500.000,50", t.NUMBER, "1500000.50", None),
])
def test_numbers_read_the_indonesian_way(typed, kind, value, unit):
    got = parse(typed)
    assert (got.kind, got.value, got.unit, got.dotted) == (kind, Decimal(value), unit, False)
    assert got.text == str(typed)  # printed as typed, always


def test_the_unit_beside_the_target_gives_a_bare_number_its_kind():
    assert parse("0,70", "indeks").kind == t.INDEX and not parse("0,70", "indeks").unit_in_text
    assert parse("88", "%").kind == t.PERCENT
    assert parse(450, "Dokumen").kind == t.QUANTITY and parse(450, "Dokumen").unit == "Dokumen"
    assert parse("85 point", "indeks").unit == "point"  # the unit written in the target wins
    assert parse("85 point").unit_in_text and parse("100%").unit_in_text


@pytest.mark.parametrize("typed", ["16.46", "0.62", "0.625", "1.2345"])
def test_a_dotted_decimal_is_never_thousands_and_is_flagged(typed):
    got = parse(typed)
    assert got.dotted
    assert got.value == Decimal(typed)  # 16.46 is sixteen and a bit, never 1646 or 16460
    assert got.fix == '"' + typed.replace(".", ",") + '"'


def test_one_dot_before_three_digits_reads_neither_way():
    got = parse("1.500")
    assert got.dotted and got.value is None and got.number is None
    assert got.fix == '"1,500" bila pecahan, atau "1500" bila ribuan'
    assert parse("≥ 1.500 Dokumen").fix == '"≥ 1,500 Dokumen" bila pecahan, atau "≥ 1500 Dokumen" bila ribuan'


def test_english_grouping_is_flagged_with_the_indonesian_spelling():
    got = parse("1,500.25")
    assert got.dotted and got.value is None and got.fix == '"1.500,25"'
    assert parse("0.62%").fix == '"0,62%"' and parse("0.62%").value == Decimal("0.62")


@pytest.mark.parametrize("typed", ["-", " - ", "\u2013", "\u2014"])
def test_a_dash_says_no_target_this_year(typed):
    got = parse(typed)
    assert got.is_none and got.value is None and got.number is None and got.text == typed


@pytest.mark.parametrize("typed", ["AA", "A", "BB", "B", "CC", "C", "D"])
def test_predikat(typed):
    assert parse(typed).kind == t.PREDICATE and parse(typed).number is None


@pytest.mark.parametrize("typed", ["Tersusunnya dokumen Renstra", "WTP", "1,2,3", "5.", "Rp 1.000", "bb"])
def test_anything_else_is_text_kept_as_typed(typed):
    got = parse(typed)
    assert got.kind == t.TEXT and got.value is None and got.text == typed


def test_a_bound_keeps_its_comparator():
    got = parse("≥ 80%")
    assert (got.comparator, got.kind, got.value) == ("≥", t.PERCENT, Decimal(80))
    assert not got.same_as(parse("80%"))


def test_same_as_compares_what_targets_say_not_how_they_are_spaced():
    assert parse("0,70").same_as(parse("0,7"))
    assert parse("88%").same_as(parse("88 %"))
    assert parse("6", "dokumen").same_as(parse(6, "dokumen"))
    assert parse("6 Dokumen").same_as(parse(6, "dokumen"))  # a unit's case is not a difference
    assert parse("BB").same_as(parse(" BB "))
    assert not parse("0,70").same_as(parse("0,72"))
    assert not parse("85 point").same_as(parse("85%"))
    assert not parse("-").same_as(parse("0"))


def test_chart_values():
    assert t.number("0,70") == 0.7
    assert t.number("0.62") == 0.62  # SIPD's dot: charted as 0,62, not 62
    assert t.number("92%") == 92.0
    assert t.number(5) == 5.0
    assert t.number("85 point") == 85.0
    for none in ("-", "BB", "Tersusunnya dokumen", "1.500", None):
        assert t.number(none) is None, none
