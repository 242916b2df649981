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


def test_names_typed_in_the_data_never_ping_link_or_format_in_the_issue(example):
    """A unit, person or step named "@kepala-badan", "#12" or "*tebal*" reaches GitHub as plain text:
    nobody is notified, no issue is linked, nothing is formatted; the unit head's own account is still
    mentioned on purpose."""
    agency = example / "cycles/agency.yaml"
    text = agency.read_text(encoding="utf-8")
    text = text.replace("nama: Bidang Pengembangan Sumber Daya Manusia",
                        "nama: \"Bidang @kepala-badan #12 GH-3 *tebal* [klik](http://contoh.invalid) <b>x</b>\"")
    text = text.replace("nama: Rahmadi, S.Pd., M.Pd.", "nama: \"Rahmadi @admin #7\"")
    agency.write_text(text, encoding="utf-8")
    sop = example / "cycles/sop.yaml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("nama_singkat: Pengisian Form\n",
                                                           "nama_singkat: \"Pengisian @semua #1\"\n"), encoding="utf-8")
    out = rkt(example, "remind", "2027", "--today", "2026-11-28").stdout
    body = out.split("\n", 1)[1]  # the title line is ours
    for raw in ("@kepala-badan", "@admin", "@semua", "#12", "#7", "#1", "GH-3", "*tebal*", "[klik]", "<b>"):
        assert raw not in body, raw
    assert "Bidang @&#8203;kepala-badan #&#8203;12 GH&#8203;-3 \\*tebal\\* \\[klik\\](http://contoh.invalid) " \
           "\\<b\\>x\\</b\\> — Rahmadi @&#8203;admin #&#8203;7 (@rahmadi-bkpsdm)" in body
    assert "Langkah 4 (Pengisian @&#8203;semua #&#8203;1)" in body
