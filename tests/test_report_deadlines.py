"""Quarterly report deadlines in the tools people act on, run as a user runs them: `rkt status` gives
each unit's report of each ended quarter and the next due day; `rkt remind` writes an issue naming
the reports past due or due within five working days, with the unit heads who must hand them in.
Due days and lateness counted by hand (see test_season.py): TW I 2026 due 15 April, TW III due
14 October, TW IV due 18 January 2027."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_example
from support.cli import rkt


@pytest.fixture
def early_2026(tmp_path: Path) -> Path:
    """The example early in 2026: RKT 2026 signed, every Rencana Aksi in, no report yet, no 2027 cycle."""
    repo = copy_example(tmp_path / "repo")
    shutil.rmtree(repo / "cycles/2027")
    shutil.rmtree(repo / "cycles/2026/laporan")
    return repo


def run(repo: Path, *args: str) -> str:
    proc = rkt(repo, *args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


# --- rkt status ------------------------------------------------------------------

def test_status_gives_every_units_report_of_every_ended_quarter_and_the_next_due_day(example):
    (example / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    out = run(example, "status", "--today", "2026-11-28")
    cycle, reports = out.split("Laporan triwulan 2026", 1)
    assert "Langkah sekarang: 4 dari 11 (Pengisian Form)" in cycle  # the cycle's lines come first
    assert reports.startswith(" (tenggat: 10 hari kerja setelah triwulan berakhir)")
    assert re.search(r"^Unit +TW I +TW II +TW III$", reports, re.M), reports  # TW IV has not ended
    assert re.search(r"^Sekretariat +tepat waktu +tepat waktu +tepat waktu$", reports, re.M), reports
    assert re.search(r"^PSDM +tepat waktu +terlambat diserahkan 5 hari kerja +terlambat 32 hari kerja, belum masuk$",
                     reports, re.M), reports
    assert "Jatuh tempo berikutnya: laporan Triwulan IV 2026, 18 Januari 2027" in reports
    assert ("Harus bertindak: Rahmadi, S.Pd., M.Pd. — Kepala Bidang Pengembangan Sumber Daya Manusia, laporan "
            "Triwulan III 2026 terlambat 32 hari kerja") in reports
    assert re.findall(r"\d+ hari(?! kerja)", out) == []  # one unit of lateness, as for the steps


def test_status_says_a_report_not_yet_due_is_awaited_with_its_due_day(early_2026):
    out = run(early_2026, "status", "--today", "2026-04-08")
    assert re.search(r"^MPK +menunggu, jatuh tempo 15 Apr 2026$", out, re.M), out
    assert "Jatuh tempo berikutnya: laporan Triwulan I 2026, 15 April 2026" in out
    assert "Harus bertindak" not in out and "terlambat" not in out
    before = run(early_2026, "status", "--today", "2026-03-31")
    assert "Belum ada triwulan yang berakhir." in before and not re.search(r"^Unit ", before, re.M)


def test_status_of_a_year_whose_reports_are_all_in_shows_them_only_when_asked(example):
    shutil.rmtree(example / "cycles/2027")
    out = run(example, "status", "--today", "2026-11-28")  # TW IV of 2026 still to come
    assert "Jatuh tempo berikutnya: laporan Triwulan IV 2026, 18 Januari 2027" in out
    # a year without a Rencana Aksi has no reports to show
    assert "Laporan triwulan 2027" not in run(example, "status", "2026", "--today", "2026-11-28")


# --- rkt remind ------------------------------------------------------------------

def test_remind_names_the_late_report_its_units_head_and_how_late(example):
    (example / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    items = json.loads(run(example, "remind", "--format", "json", "--today", "2026-11-28"))
    assert [(i["tahun"], i["jenis"], i["terlambat"], i["penerima"]) for i in items] == [
        (2027, "siklus", True, ["rahmadi-bkpsdm"]), (2026, "laporan", True, ["rahmadi-bkpsdm"])]
    reports = items[1]
    assert reports["judul"] == "Peringatan: Tepat Waktu — Laporan Triwulan 2026"
    assert ("- Laporan Triwulan III 2026, Bidang Pengembangan Sumber Daya Manusia — Rahmadi, S.Pd., M.Pd. "
            "(@rahmadi-bkpsdm): terlambat 32 hari kerja (jatuh tempo 14 Oktober 2026).") in reports["isi"]
    assert "**Laporan yang terlambat**" in reports["isi"] and "Sekretariat" not in reports["isi"]
    text = run(example, "remind", "--today", "2026-11-28")
    assert "# Peringatan: Tepat Waktu — Laporan Triwulan 2026" in text


def test_remind_names_reports_due_within_five_working_days(early_2026):
    assert json.loads(run(early_2026, "remind", "--format", "json", "--today", "2026-03-31")) == []
    # 7 April: six working days left, nothing to remind yet, but the quarter's reminder is open
    (item,) = json.loads(run(early_2026, "remind", "--format", "json", "--today", "2026-04-07"))
    assert (item["jenis"], item["terlambat"], item["penerima"]) == ("laporan", False, [])
    assert "Tidak ada laporan yang terlambat atau jatuh tempo dalam 5 hari kerja." in item["isi"]
    (item,) = json.loads(run(early_2026, "remind", "--format", "json", "--today", "2026-04-08"))
    assert item["terlambat"] is True
    assert item["penerima"] == ["rusmini-bkpsdm", "riduan-bkpsdm", "nooraida-bkpsdm", "rahmadi-bkpsdm"]
    assert "**Laporan yang jatuh tempo dalam 5 hari kerja**" in item["isi"]
    assert ("- Laporan Triwulan I 2026, Sekretariat — Hj. Rusmini, S.Sos., M.AP. (@rusmini-bkpsdm): jatuh tempo "
            "15 April 2026, 5 hari kerja lagi.") in item["isi"]
    (item,) = json.loads(run(early_2026, "remind", "--format", "json", "--today", "2026-04-15"))
    assert "jatuh tempo hari ini (15 April 2026)." in item["isi"]


def test_the_report_reminder_says_nothing_is_left_then_falls_silent(example):
    """The morning after the last report the item says so (the workflow closes the issue); ten working
    days after the due day and the last report it is no longer written."""
    shutil.rmtree(example / "cycles/2027")
    (item,) = json.loads(run(example, "remind", "--format", "json", "--today", "2026-10-28"))
    assert (item["judul"], item["terlambat"]) == ("Peringatan: Tepat Waktu — Laporan Triwulan 2026", False)
    assert json.loads(run(example, "remind", "--format", "json", "--today", "2026-10-29")) == []
    # asked for by year, it is written whatever the day
    (item,) = json.loads(run(example, "remind", "2026", "--format", "json", "--today", "2026-11-28"))[1:]
    assert item["jenis"] == "laporan" and item["terlambat"] is False


def test_names_in_the_report_reminder_never_ping_or_format(example):
    (example / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    agency = example / "cycles/agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "nama: Bidang Pengembangan Sumber Daya Manusia", "nama: \"Bidang @semua #3 *tebal*\""), encoding="utf-8")
    items = json.loads(run(example, "remind", "--format", "json", "--today", "2026-11-28"))
    body = items[1]["isi"]
    assert "- Laporan Triwulan III 2026, Bidang @&#8203;semua #&#8203;3 \\*tebal\\* — Rahmadi" in body
    assert "@semua" not in body and "*tebal*" not in body.replace("\\*tebal\\*", "")
