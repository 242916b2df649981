"""`rkt remind` speaks only about cycles that run: never about one that has not started yet,
nor about an archive recorded after the fact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from support.cycles import add_cycle, add_recorded_2025


def rkt(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_remind_is_silent_about_scheduled_and_recorded_cycles(example):
    add_cycle(example, 2028, "2027-11-01")
    add_recorded_2025(example)
    items = json.loads(rkt(example, "remind", "--format", "json", "--today", "2026-11-28").stdout)
    assert [i["tahun"] for i in items] == [2027]  # only the running cycle
    text = rkt(example, "remind", "--today", "2026-11-28").stdout
    assert "2028" not in text and "RKT 2025" not in text


def test_remind_has_nothing_to_say_when_no_cycle_runs(example):
    import shutil

    shutil.rmtree(example / "cycles/2027")  # 2026 is signed; 2028 has not started
    add_cycle(example, 2028, "2027-11-01")
    proc = rkt(example, "remind", "--format", "json", "--today", "2026-11-28")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    assert rkt(example, "remind", "--today", "2026-11-28").stdout == "Tidak ada siklus yang berjalan.\n"


def test_remind_for_a_scheduled_year_says_when_it_starts_and_assigns_nobody(example):
    add_cycle(example, 2028, "2027-11-01")
    items = json.loads(rkt(example, "remind", "2028", "--format", "json", "--today", "2026-11-28").stdout)
    assert [(i["tahun"], i["terlambat"], i["penerima"]) for i in items] == [(2028, False, [])]
    assert "dijadwalkan mulai 1 November 2027" in items[0]["isi"]
    assert "belum menyerahkan" not in items[0]["isi"]


def test_remind_for_a_recorded_year_reminds_nobody(example):
    add_recorded_2025(example)
    items = json.loads(rkt(example, "remind", "2025", "--format", "json", "--today", "2026-11-28").stdout)
    assert [(i["tahun"], i["terlambat"], i["penerima"]) for i in items] == [(2025, False, [])]
    assert "dicatat kemudian" in items[0]["isi"]
    assert "Langkah yang terlambat" not in items[0]["isi"] and "belum menyerahkan" not in items[0]["isi"]
