"""Every capaian formula, aggregation and category against hand-computed values.

The expectations are literal (worked out on paper from the formulas in DOMAIN.md), never
recomputed with the code under test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.core import target as tgt
from generator.core.capaian import aggregate, aggregate_targets, measure
from generator.core.year import DOWN, DOWN_RATIO, RANGE, UP, Band, MeasurementRules

DEFAULT = MeasurementRules()
RATIO = MeasurementRules(down_formula=DOWN_RATIO)


def cap(r, t, direction=UP, rules=DEFAULT, satuan=None):
    return measure(tgt.parse(r, satuan), tgt.parse(t, satuan), direction, rules)


@pytest.mark.parametrize(("r", "t", "shown", "worked", "category"), [
    ("86%", "90%", "95,56%", "86 / 90 × 100% = 95,56%", "Sangat Baik"),
    ("0,64", "0,63", "101,59%", "0,64 / 0,63 × 100% = 101,59%", "Sangat Baik"),
    ("12%", "15%", "80,00%", "12 / 15 × 100% = 80,00%", "Baik"),
    ("1.200", "1.500", None, None, None),  # "1.200" is ambiguous: no value, no capaian
    (3, 5, "60,00%", "3 / 5 × 100% = 60,00%", "Kurang"),
    (1, 4, "25,00%", "1 / 4 × 100% = 25,00%", "Sangat Kurang"),
])
def test_higher_is_better_is_r_over_t(r, t, shown, worked, category):
    c = cap(r, t, satuan="dokumen" if isinstance(r, int) else None)
    if shown is None:
        assert c.percent is None and c.reason
        return
    assert (c.shown, c.worked, c.category) == (shown, worked, category)
    assert c.formula == "R / T × 100%"


def test_the_two_lower_is_better_formulas_differ_as_the_domain_says():
    # R = 2T: (2 − R/T) gives 0%, T/R gives 50%
    assert cap(200, 100, DOWN).shown == "0,00%"
    assert cap(200, 100, DOWN, RATIO).shown == "50,00%"
    # R = 0: (2 − R/T) gives 200% (and asks for verification), T/R has no value
    zero = cap(0, 100, DOWN)
    assert (zero.shown, zero.verify) == ("200,00%", True)
    none = cap(0, 100, DOWN, RATIO)
    assert none.percent is None and none.reason == "realisasi 0: capaian tidak dapat dihitung dengan T / R"
    # 12 days against 11: (2 − 12/11) = 0,909090.. ; 11/12 = 0,916666..
    assert cap(12, 11, DOWN).worked == "(2 − 12 / 11) × 100% = 90,91%"
    assert cap(12, 11, DOWN).category == "Baik"
    assert cap(12, 11, DOWN, RATIO).worked == "11 / 12 × 100% = 91,67%"
    assert cap(12, 11, DOWN, RATIO).category == "Sangat Baik"


def test_a_range_is_met_inside_and_measured_against_the_nearer_bound_outside():
    inside = cap("88%", "85–95%", RANGE)
    assert (inside.shown, inside.worked) == ("100,00%", "85 ≤ 88 ≤ 95: 100% = 100,00%")
    below = cap("83%", "85–95%", RANGE)
    assert below.worked == "83 / 85 × 100% = 97,65%"  # 83/85 = 0,976470..
    above = cap("97%", "85–95%", RANGE)
    assert above.worked == "(2 − 97 / 95) × 100% = 97,89%"  # 2 − 1,021052.. = 0,978947..
    assert cap("97%", "85–95%", RANGE, RATIO).worked == "95 / 97 × 100% = 97,94%"  # 0,979381..
    assert cap("85%", "85–95%", RANGE).shown == "100,00%"  # the bounds are inside
    assert cap("95%", "85–95%", RANGE).shown == "100,00%"


def test_a_range_indicator_with_a_single_number_target_gets_no_invented_percentage():
    c = cap("88%", "90%", RANGE)
    assert c.percent is None and "rentang" in (c.reason or "")


def test_the_cap_and_the_verification_threshold_are_the_agencys_choice():
    capped = cap(130, 100, UP, MeasurementRules(cap=Decimal(120)))
    assert (capped.shown, capped.capped, capped.uncapped) == ("120,00%", True, Decimal(130))
    assert capped.worked == "130 / 100 × 100% = 130,00%, dibatasi 120,00%"
    assert cap(130, 100).shown == "130,00%"  # no cap by default
    assert cap(151, 100).verify and not cap(150, 100).verify  # above 150% by default
    assert not cap(151, 100, UP, MeasurementRules(verify_above=None)).verify


def test_categories_follow_the_scale_on_the_shown_value():
    assert cap("90,996", "100", satuan="%").category == "Sangat Baik"  # shown 91,00%
    assert cap("90,994", "100", satuan="%").category == "Baik"  # shown 90,99%
    six = MeasurementRules(bands=(Band(Decimal(85), "AA"), Band(Decimal(70), "A"), Band(Decimal(60), "B"),
                                  Band(Decimal(50), "C"), Band(Decimal(30), "D"), Band(Decimal(0), "E")))
    assert [cap(r, 100, UP, six).category for r in (100, 85, 84, 60, 31, 30, 29)] == \
        ["AA", "AA", "A", "B", "D", "D", "E"]


def test_text_targets_get_no_percentage():
    below = cap("B", "BB")
    assert (below.percent, below.met, below.shown, below.worked) == (None, False, "belum tercapai", "B < BB")
    above = cap("A", "BB")
    assert (above.met, above.shown, above.worked) == (True, "tercapai", "A ≥ BB")
    same = cap("Tersedia", "Tersedia")
    assert (same.percent, same.met) == (None, True)
    assert cap("Belum", "Tersedia").met is False
    none = cap("5", "-")
    assert none.percent is None and none.met is None and none.reason == "tidak ada target"


def test_a_zero_target_has_no_higher_is_better_capaian():
    c = cap(3, 0)
    assert c.percent is None and c.reason == "target 0: capaian tidak dapat dihitung dengan R / T"


@pytest.mark.parametrize(("how", "values", "expected"), [
    ("jumlah", ["1", "1", "2"], Decimal(4)),
    ("terakhir", ["80", "82", "82"], Decimal(82)),
    ("maksimum", ["3", "7", "5"], Decimal(7)),
    ("rata-rata", ["12", "10", "8"], Decimal(10)),
])
def test_quarters_aggregate_as_the_indicator_says(how, values, expected):
    assert aggregate([Decimal(v) for v in values], how) == expected


def test_a_mean_of_targets_is_shown_with_two_decimals_at_most():
    t = aggregate_targets([tgt.parse(x, "hari kerja") for x in (11, 10, 10)], "rata-rata")
    assert t is not None and t.text == "10,33"  # 31/3 = 10,333..
    s = aggregate_targets([tgt.parse(x) for x in ("15%", "35%", "50%")], "terakhir")
    assert s is not None and s.text == "50%"
    d = aggregate_targets([tgt.parse(x) for x in ("-", "-", "BB", "BB")], "terakhir")
    assert d is not None and d.text == "BB"
    assert aggregate_targets([tgt.parse("-")] * 4, "jumlah") is None
    summed = aggregate_targets([tgt.parse(x) for x in ("1 dokumen", "1 dokumen", "2 dokumen")], "jumlah")
    assert summed is not None and summed.text == "4 dokumen"


@pytest.mark.parametrize(("typed", "low", "high"), [
    ("80–90%", "80", "90"), ("80 - 90 %", "80", "90"), ("80%-90%", "80", "90"), ("0,60–0,70", "0.60", "0.70"),
])
def test_range_targets_are_read(typed, low, high):
    t = tgt.parse(typed, "%")
    assert (t.kind, t.low, t.high) == (tgt.RANGE, Decimal(low), Decimal(high))


@pytest.mark.parametrize("typed", ["90–80%", "1.500-2.000", "80%-90 orang", "a-b"])
def test_what_is_not_a_clear_range_stays_text(typed):
    assert tgt.parse(typed, "%").kind == tgt.TEXT


def test_a_computed_value_is_shown_in_the_formula_as_the_page_shows_it():
    # the mean of 12, 10 and 9 days against the mean of 11, 10 and 10: both 31/3
    realised = aggregate_targets([tgt.parse(x, "hari kerja") for x in (12, 10, 9)], "rata-rata")
    target = aggregate_targets([tgt.parse(x, "hari kerja") for x in (11, 10, 10)], "rata-rata")
    c = measure(realised, target, DOWN, DEFAULT)
    assert c.worked == "(2 − 10,33 / 10,33) × 100% = 100,00%"
    assert cap("0,625", "0,6").worked == "0,625 / 0,6 × 100% = 104,17%"  # a typed value stays as typed
