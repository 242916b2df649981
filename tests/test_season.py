"""The season(s) the agency is in, and the quarterly reports a reminder names (plan/season.py), on
copies of the example at literal dates around the ends of quarters. Every due day and lateness
below was counted by hand on the 2026 calendar: Monday-Friday, Good Friday 3 April 2026 off, no
national holiday between 14 October and 28 November 2026; reports are due 10 working days after
the quarter ends (`tenggat_laporan: 10`)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_example

from generator.check.validate import validate
from generator.plan.derive import derive
from generator.plan.season import ACTION_PLAN, PLANNING, REPORTING, reminder_open, reports_to_remind, seasons

D = dt.date
UNITS = ("sekretariat", "ppik", "mpk", "psdm")  # in agency.yaml's order


def derived(repo: Path, today: D):
    result = validate(repo, today=today)
    assert result.ok, [p.message for p in result.problems if p.is_error]
    return derive(repo, result.repository, today)


def titles(repo: Path, today: D) -> list[str]:
    return [s.title for s in seasons(derived(repo, today))]


@pytest.fixture
def early_2026(tmp_path: Path) -> Path:
    """The example as it stood early in 2026: the RKT 2026 signed, every unit's Rencana Aksi in,
    no quarterly report yet and the 2027 cycle not opened."""
    repo = copy_example(tmp_path / "repo")
    shutil.rmtree(repo / "cycles/2027")
    shutil.rmtree(repo / "cycles/2026/laporan")
    return repo


def test_a_quarters_reports_are_in_season_from_the_day_after_it_ends(early_2026):
    assert titles(early_2026, D(2026, 3, 31)) == []  # TW I has not ended
    d = derived(early_2026, D(2026, 4, 1))
    (season,) = seasons(d)
    assert (season.kind, season.title, season.due) == (REPORTING, "Pelaporan Triwulan I 2026", D(2026, 4, 15))
    assert (season.waiting, season.required, season.overdue) == (UNITS, 4, ())


def test_a_report_past_its_due_day_names_the_units_head_and_the_working_days(early_2026):
    assert [s.overdue for s in seasons(derived(early_2026, D(2026, 4, 15)))] == [()]  # the due day itself
    (season,) = seasons(derived(early_2026, D(2026, 4, 20)))  # Monday: 16, 17 and 20 April
    assert [(r.unit, r.head.name, r.head.position, r.late_days, r.due) for r in season.overdue][-1] == (
        "psdm", "Rahmadi, S.Pd., M.Pd.", "Kepala Bidang Pengembangan Sumber Daya Manusia", 3, D(2026, 4, 15))
    assert [r.unit for r in season.overdue] == list(UNITS)


def test_the_season_ends_when_every_required_report_is_in(early_2026):
    def hand_in(unit: str) -> None:
        shutil.copy(ROOT / f"cycles/2026/laporan/tw1/{unit}.yaml", early_2026 / f"cycles/2026/laporan/tw1/{unit}.yaml")

    (early_2026 / "cycles/2026/laporan/tw1").mkdir(parents=True)
    for unit in UNITS[:3]:
        hand_in(unit)
    (season,) = seasons(derived(early_2026, D(2026, 4, 20)))
    assert (season.waiting, [r.unit for r in season.overdue]) == (("psdm",), ["psdm"])
    hand_in("psdm")
    assert titles(early_2026, D(2026, 4, 20)) == []


def test_on_the_examples_day_the_agency_plans_2027_and_no_report_is_late(example):
    found = seasons(derived(example, D(2026, 11, 28)))
    assert [(s.kind, s.title) for s in found] == [(PLANNING, "Penyusunan RKT 2027")]  # TW III all in, TW IV running


def test_a_missing_third_quarter_report_is_late_by_working_days_since_14_october(example):
    (example / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    found = seasons(derived(example, D(2026, 11, 28)))
    assert [s.title for s in found] == ["Penyusunan RKT 2027", "Pelaporan Triwulan III 2026"]
    report = found[1]
    assert (report.due, report.waiting, report.required) == (D(2026, 10, 14), ("psdm",), 4)
    # 15-16 October (2), then six full weeks from 19 October to 27 November (30): 32
    assert [(r.unit, r.head.name, r.late_days) for r in report.overdue] == [("psdm", "Rahmadi, S.Pd., M.Pd.", 32)]


def test_the_third_quarter_report_is_late_by_four_working_days_on_20_october(example):
    shutil.rmtree(example / "cycles/2027")  # (its events lie after 20 October)
    (example / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    (season,) = seasons(derived(example, D(2026, 10, 14)))
    assert season.overdue == ()  # due today, not late
    (season,) = seasons(derived(example, D(2026, 10, 20)))  # 15, 16, 19, 20 October
    assert [(r.unit, r.late_days) for r in season.overdue] == [("psdm", 4)]


def test_the_rencana_aksi_is_in_season_in_january_and_february_while_a_unit_has_none(early_2026):
    (early_2026 / "cycles/2026/renaksi/psdm.yaml").unlink()
    (season,) = seasons(derived(early_2026, D(2026, 1, 20)))
    assert (season.kind, season.title, season.waiting, season.required) == (ACTION_PLAN, "Rencana Aksi 2026",
                                                                           ("psdm",), 4)
    assert titles(early_2026, D(2026, 2, 27)) == ["Rencana Aksi 2026"]
    assert titles(early_2026, D(2026, 3, 2)) == []  # after February: no longer its season


def test_no_rencana_aksi_season_once_every_unit_has_one(early_2026):
    assert titles(early_2026, D(2026, 1, 20)) == []


def test_a_reminder_names_reports_due_within_five_working_days(early_2026):
    def due(today: D) -> list[tuple[str, int, int]]:
        d = derived(early_2026, today)
        return [(r.unit, r.late_days, r.days_left)
                for r in reports_to_remind(d.measured, d.repo.agency, d.cal, today)[2026]]

    assert due(D(2026, 4, 7)) == []  # 8, 9, 10, 13, 14, 15 April: six working days left
    assert due(D(2026, 4, 8)) == [(u, 0, 5) for u in UNITS]  # 9, 10, 13, 14, 15 April
    assert due(D(2026, 4, 15)) == [(u, 0, 0) for u in UNITS]  # the due day
    assert due(D(2026, 4, 16)) == [(u, 1, 0) for u in UNITS]


def test_the_report_reminder_stays_open_ten_working_days_after_the_last_report(example):
    shutil.rmtree(example / "cycles/2027")
    # TW III: due 14 October, every report in by the 12th; open through 28 October (15-16, 19-23, 26-28)
    d = derived(example, D(2026, 10, 28))
    assert reminder_open(d.measured[2026], d.cal, d.today)
    d = derived(example, D(2026, 10, 29))
    assert not reminder_open(d.measured[2026], d.cal, d.today)
