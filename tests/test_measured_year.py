"""The example's measured 2026 as plan values: quarterly targets, realisations, the year so far,
report deadlines and budget absorption, against numbers worked out by hand from the files
under cycles/2026/renaksi and cycles/2026/laporan."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from generator.check.validate import validate
from generator.core.calendar import work_calendar
from generator.core.year import YearFiles
from generator.plan.compile import compile_rkt
from generator.plan.performance import measured_year, report_due

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DAY = dt.date(2026, 11, 28)

pytestmark = pytest.mark.git  # validating this checkout asks git which files it tracks


@pytest.fixture(scope="module")
def example():
    result = validate(ROOT, EXAMPLE_DAY)
    repo = result.repository.complete()
    assert repo is not None
    folder = next(c for c in repo.cycles if c.year == 2026)
    cal = work_calendar([2025, 2026, 2027])
    return repo, folder, cal


def measure_on(example, today, folder=None):
    repo, example_folder, cal = example
    folder = folder or example_folder
    return measured_year(folder, compile_rkt(folder, repo.agency, repo.renstra), repo.agency, cal, today, {})


def row(year, code):
    return next(i for i in year.indicators if i.indicator.code == code)


def test_every_indicator_of_the_rkt_is_numbered_under_its_sasaran(example):
    year = measure_on(example, EXAMPLE_DAY)
    assert [(i.number, i.indicator.code) for i in year.indicators] == [
        ("1.1", "SS1.1"), ("1.2", "SS1.2"), ("2.1", "SS2.1"), ("2.2", "SS2.2"), ("3.1", "SS3.1"), ("3.2", "SS3.2"),
        ("4.1", "SS4.1"), ("4.2", "SS4.2"), ("4.3", "SS4.3"), ("5.1", "SS5.1"), ("5.2", "SS5.2")]
    assert all(i.plan_problem is None for i in year.indicators)
    assert row(year, "SS1.1").unit == "mpk" and row(year, "SS1.1").responsible.code == "kabid-mpk"


def test_the_year_so_far_aggregates_as_each_indicator_says(example):
    year = measure_on(example, EXAMPLE_DAY)
    # rata-rata, lower is better: realisations 12, 10, 9 (31/3 = 10,33); targets 11, 10, 10 (31/3 = 10,33)
    s = row(year, "SS5.2").so_far
    assert (s.quarters, s.realised, s.target, s.capaian.shown) == ((1, 2, 3), "10,33", "10,33", "100,00%")
    # jumlah: 1 + 1 + 2 = 4 documents against 1 + 1 + 1 = 3: 133,33%
    s = row(year, "SS4.3").so_far
    assert (s.realised, s.target, s.capaian.shown, s.how) == ("4", "3", "133,33%", "jumlah triwulan (TW I–TW III)")
    # terakhir, a cumulative percentage: 52% against 50%
    s = row(year, "SS2.2").so_far
    assert (s.realised, s.target, s.capaian.shown) == ("52%", "50%", "104,00%")
    # a predikat: B against BB in TW III, no percentage
    s = row(year, "SS4.1").so_far
    assert (s.quarters, s.realised, s.target, s.capaian.shown, s.capaian.percent) == \
        ((3,), "B", "BB", "belum tercapai", None)
    # measured once a year in TW IV: nothing so far, and no invented value
    assert row(year, "SS2.1").so_far.capaian is None
    assert [c.target_text for c in row(year, "SS2.1").cells] == ["-", "-", "-", "72,00"]


def test_quarter_cells_show_the_worked_formula(example):
    year = measure_on(example, EXAMPLE_DAY)
    cells = row(year, "SS5.1").cells
    assert [c.capaian.worked for c in cells[:3]] == [
        "83 / 85 × 100% = 97,65%", "85 ≤ 88 ≤ 95: 100% = 100,00%", "(2 − 97 / 95) × 100% = 97,89%"]
    assert cells[3].capaian is None and not cells[3].ended  # TW IV runs until 31 December
    tw3 = row(year, "SS4.3").cells[2].capaian
    assert (tw3.shown, tw3.verify) == ("200,00%", True)  # 2 documents against 1: above 150%, verify


def test_year_capaian_waits_for_the_fourth_quarter(example):
    year = measure_on(example, EXAMPLE_DAY)
    assert all(i.year is None for i in year.indicators)


def test_report_deadlines_count_working_days_after_the_quarter(example):
    _, _, cal = example
    rules = example[0].agency.measurement
    # 10 working days after 31 March 2026 (3 April is Good Friday): 1, 2, 6–10, 13, 14, 15 April
    assert report_due(2026, 1, rules, cal) == dt.date(2026, 4, 15)
    assert report_due(2026, 3, rules, cal) == dt.date(2026, 10, 14)
    year = measure_on(example, EXAMPLE_DAY)
    late = year.report("psdm", 2)
    # due 14 July, approved 21 July: 15, 16, 17, 20, 21 July = 5 working days late
    assert (late.state, late.late_days, late.arrived) == ("terlambat diserahkan", 5, dt.date(2026, 7, 21))
    assert year.report("ppik", 1).revisions == 1
    assert {year.report(u, 4).state for u in year.units} == {"belum berakhir"}


def test_a_missing_report_is_late_by_the_working_days_since_its_due_day(example):
    _, folder, _ = example
    files = folder.year_files
    without = replace(folder, year_files=YearFiles(files.plans, tuple(
        r for r in files.reports if not (r.unit == "psdm" and r.quarter == 3))))
    # due 14 October 2026; on 21 October: 15, 16, 19, 20, 21 October = 5 working days
    state = measure_on(example, dt.date(2026, 10, 21), without).report("psdm", 3)
    assert (state.state, state.late_days, state.report) == ("terlambat", 5, None)
    waiting = measure_on(example, dt.date(2026, 10, 10), without).report("psdm", 3)
    assert (waiting.state, waiting.late_days) == ("menunggu laporan", 0)


def test_budget_absorption_per_program(example):
    year = measure_on(example, EXAMPLE_DAY)
    mpk = next(b for b in year.budget if b.unit == "mpk")
    # pagu 865.000.000; 140 + 230 + 240 million = 610.000.000 → 70,52%
    assert (mpk.budget, mpk.spent, mpk.cumulative[2]) == (865000000, (140000000, 230000000, 240000000, None),
                                                          610000000)
    assert mpk.absorption(3).quantize(Decimal("0.01")) == Decimal("70.52")
    assert mpk.absorption(4) is None
    assert mpk.planned == (150000000, 250000000, 250000000, 215000000)
    # ppik reports per sub kegiatan: TW I 30 + 45 + 40 million = 115.000.000
    ppik = next(b for b in year.budget if b.unit == "ppik")
    assert ppik.spent[0] == 115000000


def test_quarterly_targets_that_do_not_make_the_year_are_named(example):
    repo, folder, _ = example
    plan = folder.year_files.plan_of("ppik")
    bad = replace(plan, indicators=tuple(
        replace(p, targets=(11, 10, 10, 10)) if p.indicator == "SS5.2" else p for p in plan.indicators))
    changed = replace(folder, year_files=YearFiles(
        tuple(bad if p.unit == "ppik" else p for p in folder.year_files.plans), folder.year_files.reports))
    problem = row(measure_on(example, EXAMPLE_DAY, changed), "SS5.2").plan_problem
    assert problem == ("target triwulan (11, 10, 10, 10) dengan agregasi 'rata-rata' menghasilkan 10,25, "
                       "sedangkan target tahunan di RKT 10")


def test_spending_not_reported_is_unknown_never_zero(example):
    _, folder, _ = example
    files = folder.year_files
    # psdm's TW II report without its spending lines: TW II and every later cumulative are unknown
    bare = tuple(replace(r, spending=()) if (r.unit, r.quarter) == ("psdm", 2) else r for r in files.reports)
    year = measure_on(example, EXAMPLE_DAY, replace(folder, year_files=YearFiles(files.plans, bare)))
    psdm = next(b for b in year.budget if b.unit == "psdm" and b.code == "5.03.02")
    assert psdm.spent[:3] == (60000000, None, 170000000)
    assert psdm.cumulative[:3] == (60000000, None, None)
    assert psdm.absorption(3) is None
