"""Step status from evidence and events, on real git repositories and plain folders."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_example, git
from support.cycles import add_cycle, add_recorded_2025

from generator.check.validate import validate
from generator.plan.derive import derive
from generator.plan.status import BELUM, BERJALAN, DICATAT, DIJADWALKAN, DILEWATI, SELESAI, TANPA_CATATAN, TERLAMBAT

D = dt.date
FORMS = ("sekretariat", "ppik", "mpk")


def status_of(repo: Path, year: int, today: D):
    result = validate(repo, today=today)
    assert result.ok, [p for p in result.problems if p.is_error]
    return derive(repo, result.repository, today).statuses[year]


def states(st) -> dict[int, str]:
    return {s.step.number: s.state for s in st.steps}


@pytest.fixture
def pr_repo(tmp_path: Path) -> Path:
    """Example data on main, the 2027 forms not yet submitted and dates taken from Git."""
    repo = copy_example(tmp_path / "repo")
    cycle = repo / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text().replace("tanggal_dari_git: false\n", ""))
    stash = tmp_path / "forms"
    stash.mkdir()
    for unit in FORMS:
        shutil.move(repo / f"cycles/2027/forms/{unit}.yaml", stash / f"{unit}.yaml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Siklus 2027 dibuka", when="2026-11-02T08:00:00+08:00")
    return repo


def submit(repo: Path, stash: Path, unit: str, author: str, merger: str, when: str) -> None:
    """A unit's operator proposes the form on a branch; the reviewer merges it on `when`."""
    git(repo, "checkout", "-q", "-b", f"form-{unit}")
    shutil.copy(stash / f"{unit}.yaml", repo / f"cycles/2027/forms/{unit}.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Form RKT 2027 {unit}", who=author, when=when)
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", f"Merge form {unit}", f"form-{unit}", who=merger, when=when)


@pytest.mark.git
def test_a_unit_counts_as_submitted_on_its_merge_date(pr_repo, tmp_path):
    stash = tmp_path / "forms"
    submit(pr_repo, stash, "sekretariat", "Operator Sekretariat", "Kasubbag Perencanaan", "2026-11-06T15:00:00+08:00")
    # merged at 23:30 UTC on the 8th: already 9 November in WITA
    submit(pr_repo, stash, "ppik", "Operator PPIK", "Kasubbag Perencanaan", "2026-11-08T23:30:00+00:00")
    st = status_of(pr_repo, 2027, D(2026, 11, 9))
    subs = {s.unit: s for s in st.submissions}
    assert subs["sekretariat"].date == D(2026, 11, 6)
    assert subs["sekretariat"].source == "git"
    assert subs["sekretariat"].submitted_by == "Operator Sekretariat"
    assert subs["sekretariat"].approved_by == "Kasubbag Perencanaan"
    assert subs["ppik"].date == D(2026, 11, 9)
    assert subs["mpk"].date is None and subs["psdm"].date is None
    assert states(st)[4] == BERJALAN  # deadline 9 Nov, still in time
    assert any(w.startswith("2 unit belum menyerahkan Form RKT") for w in st.warnings)


@pytest.mark.git
def test_a_unit_that_never_submits_makes_step_4_late(pr_repo, tmp_path):
    stash = tmp_path / "forms"
    for unit, day in (("sekretariat", "06"), ("ppik", "09"), ("mpk", "12")):
        submit(pr_repo, stash, unit, f"Operator {unit}", "Kasubbag Perencanaan", f"2026-11-{day}T10:00:00+08:00")
    st = status_of(pr_repo, 2027, D(2026, 11, 28))
    step4 = st.steps[3]
    assert step4.state == TERLAMBAT and step4.finished is None
    assert step4.deadline == D(2026, 11, 9) and step4.late_by == 14
    assert states(st)[5] == BELUM
    assert st.missing_units == ("psdm",)
    assert {s.unit: s.late_by for s in st.submissions}["mpk"] == 3
    assert any("Bidang Pengembangan Sumber Daya Manusia" in w for w in st.warnings)
    assert st.slip == 14


@pytest.mark.git
def test_the_last_form_completes_steps_4_and_5(pr_repo, tmp_path):
    stash = tmp_path / "forms"
    shutil.copy(Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml",
                stash / "psdm.yaml")
    for unit in ("mpk", "psdm"):  # filled before they were merged
        path = stash / f"{unit}.yaml"
        path.write_text(path.read_text().replace("tanggal: 2026-11-12", "tanggal: 2026-11-05")
                        .replace("tanggal: 2026-11-20", "tanggal: 2026-11-05"))
    for unit, day in (("sekretariat", "05"), ("ppik", "06"), ("mpk", "06"), ("psdm", "09")):
        submit(pr_repo, stash, unit, f"Operator {unit}", "Kasubbag Perencanaan", f"2026-11-{day}T10:00:00+08:00")
    st = status_of(pr_repo, 2027, D(2026, 11, 10))
    assert states(st)[4] == SELESAI and st.steps[3].finished == D(2026, 11, 9)
    assert states(st)[5] == SELESAI
    assert states(st)[6] == BERJALAN and st.steps[5].started == D(2026, 11, 10)
    assert st.missing_units == ()


@pytest.mark.git
def test_shallow_clone_takes_dates_from_the_forms(pr_repo, tmp_path):
    stash = tmp_path / "forms"
    submit(pr_repo, stash, "ppik", "Operator PPIK", "Kasubbag Perencanaan", "2026-11-20T10:00:00+08:00")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{pr_repo}", str(clone)], check=True)
    st = status_of(clone, 2027, D(2026, 11, 28))
    ppik = {s.unit: s for s in st.submissions}["ppik"]
    assert (ppik.date, ppik.source) == (D(2026, 11, 9), "berkas")  # the form's own `tanggal`


def test_plain_folder_works_with_event_and_file_dates(example):
    st = status_of(example, 2027, D(2026, 11, 28))
    assert [states(st)[n] for n in range(1, 6)] == [SELESAI, SELESAI, SELESAI, TERLAMBAT, BELUM]
    assert {s.unit: s.date for s in st.submissions}["mpk"] == D(2026, 11, 12)


def test_rejection_at_step_9_is_a_counted_revision_round(example):
    st = status_of(example, 2026, D(2026, 11, 28))
    assert st.finished and all(s.state == SELESAI for s in st.steps)
    assert len(st.rejections) == 1 and st.rejections[0].back_to == 8
    step8, step9 = st.steps[7], st.steps[8]
    assert step8.times_done == 2 and step8.started == D(2025, 11, 27)  # the second round
    assert step9.times_done == 2 and step9.decision == "ya"


def append_events(repo: Path, year: int, text: str) -> None:
    path = repo / f"cycles/{year}/cycle.yaml"
    path.write_text(path.read_text() + text)


def test_rejection_at_step_10_sends_the_cycle_back_to_step_8(example):
    shutil.copy(Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml",
                example / "cycles/2027/forms/psdm.yaml")
    append_events(example, 2027, "".join(
        f"  - langkah: {n}\n    tanggal: 2026-11-{d}\n    oleh: {who}\n{extra}"
        for n, d, who, extra in ((6, "23", "staf-perencanaan-1", ""), (7, "24", "staf-perencanaan-1", ""),
                                 (8, "25", "staf-perencanaan-2", ""), (9, "26", "sekretaris", "    keputusan: ya\n"),
                                 (10, "27", "kaban", "    keputusan: tidak\n    catatan: Anggaran PSDM dikaji ulang\n"))))
    st = status_of(example, 2027, D(2026, 11, 30))
    s = states(st)
    assert (s[8], s[9], s[10], s[11]) == (BERJALAN, BELUM, BELUM, BELUM)
    assert st.steps[7].started == D(2026, 11, 30)  # the working day after the rejection
    assert st.steps[7].deadline == D(2026, 12, 4)
    assert [(r.step, r.back_to) for r in st.rejections] == [(10, 8)]


def test_skipped_and_late_finished_steps(example):
    shutil.copy(Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml",
                example / "cycles/2027/forms/psdm.yaml")
    append_events(example, 2027,
                  "  - langkah: 6\n    tanggal: 2026-11-27\n    oleh: staf-perencanaan-1\n"
                  "  - langkah: 7\n    tanggal: 2026-11-27\n    oleh: staf-perencanaan-1\n    dilewati: true\n"
                  "    catatan: Unit sepakat tidak ada koreksi\n")
    st = status_of(example, 2027, D(2026, 11, 30))
    s = states(st)
    assert s[4] == TERLAMBAT and st.steps[3].finished == D(2026, 11, 20)  # psdm's form came on the 20th
    assert s[6] == TERLAMBAT and st.steps[5].finished == D(2026, 11, 27)  # 3 days allowed from 23 Nov
    assert s[7] == DILEWATI and st.steps[6].note == "Unit sepakat tidak ada koreksi"
    assert s[8] == BERJALAN and st.steps[7].started == D(2026, 11, 30)


# --- the cycle's place in time: scheduled (start in the future) and recorded after the fact ---

def test_a_cycle_starting_in_the_future_is_scheduled_and_never_late(example):
    add_cycle(example, 2028, "2027-11-01")
    st = status_of(example, 2028, D(2026, 11, 28))
    assert st.phase == DIJADWALKAN and not st.finished
    assert set(states(st).values()) == {BELUM}
    assert (st.late, st.missing_units, st.slip) == ((), (), 0)
    assert not any("terlambat" in w or "belum menyerahkan" in w for w in st.warnings)
    # on its first working day it runs like any other cycle
    assert status_of(example, 2028, D(2027, 11, 1)).phase == BERJALAN


def test_a_cycle_recorded_after_the_fact_is_never_late(example):
    add_recorded_2025(example)
    st = status_of(example, 2025, D(2026, 11, 28))
    assert st.phase == DICATAT and st.finished
    assert (st.late, st.missing_units, st.slip, st.warnings) == ((), (), 0, ())
    assert all(s.late_by == 0 and s.state in (SELESAI, TANPA_CATATAN) for s in st.steps)
    assert states(st)[1] == TANPA_CATATAN  # no event was invented for it
    psdm = {s.unit: s for s in st.submissions}["psdm"]
    assert (psdm.date, psdm.source, psdm.late_by) == (D(2024, 12, 20), "berkas", 0)


def test_a_recorded_cycle_keeps_its_signed_version(example):
    cycle = example / "cycles/2026/cycle.yaml"
    text = cycle.read_text()
    cycle.write_text(text[:text.index("\nperistiwa:")].replace("tanggal_dari_git: false\n", "dicatat_kemudian: true\n")
                     + "\nperistiwa: []\n")
    st = status_of(example, 2026, D(2026, 11, 28))
    assert st.phase == DICATAT and not st.late
    assert states(st)[11] == SELESAI and st.steps[10].finished == D(2025, 12, 3)  # the signed version's date
    assert states(st)[4] == SELESAI and states(st)[2] == TANPA_CATATAN


def test_beranda_says_when_a_scheduled_cycle_starts(example):
    from generator.site.build import build

    shutil.rmtree(example / "cycles/2027")
    add_cycle(example, 2028, "2027-11-01")
    (example / "docs").mkdir()
    report = build(example, today=D(2026, 11, 28), run_mkdocs=False)
    assert report.ok
    home = (example / "docs/index.md").read_text()
    assert "## RKT 2028: dijadwalkan" in home
    assert "Siklus ini dimulai 1 November 2027 (" in home
    assert "Belum menyerahkan" not in home and "Terlambat" not in home
    assert "[Siklus 2028](siklus/2028.md) (dijadwalkan, mulai 1 November 2027)" in home
    # the step table gives the baseline's dates, not a row of dashes
    assert ('<td>Pengisian Form<br><span class="rkt-note">Kabid/Kasubbag</span></td><td>jadwal SOP 8 Nov 2027</td>'
            in home)


def rkt(repo: Path, *args: str) -> subprocess.CompletedProcess:
    import sys

    from conftest import ROOT
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_rkt_status_says_scheduled_and_recorded(example):
    add_cycle(example, 2028, "2027-11-01")
    add_recorded_2025(example)
    proc = rkt(example, "status", "2028", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    assert "RKT 2028 — dijadwalkan, mulai 1 November 2027" in proc.stdout
    assert "Terlambat" not in proc.stdout
    proc = rkt(example, "status", "2025", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    assert "RKT 2025 — dicatat kemudian" in proc.stdout
    assert "Terlambat" not in proc.stdout and "Tanpa catatan" in proc.stdout


# --- forecast and who must act -------------------------------------------------

def test_only_a_running_cycle_has_a_forecast(example):
    add_cycle(example, 2028, "2027-11-01")
    add_recorded_2025(example)
    today = D(2026, 11, 28)
    running = status_of(example, 2027, today)
    assert running.phase == BERJALAN and running.forecast is not None
    # step 4 is late: expected on Monday 30 November, and the seven steps after it follow in SOP time
    assert running.forecast.step(4).end == D(2026, 11, 30)
    assert running.forecast.finish == D(2026, 12, 23) and running.forecast.behind == 15
    # what it compares: the forecast finish with the end of the SOP schedule (not step 4's 14 days late)
    assert ("Perkiraan selesai 23 Desember 2026, 15 hari kerja setelah akhir jadwal SOP (2 Desember 2026), bila "
            "setiap langkah berikutnya selesai dalam waktu SOP.") in running.warnings
    assert running.late_days == 14
    assert running.beyond_summary == ()  # the summary (step, who, missing unit, forecast) says every warning
    for year in (2028, 2025, 2026):  # dijadwalkan, dicatat, selesai
        assert status_of(example, year, today).forecast is None, year


def test_a_finished_cycle_knows_how_far_past_its_baseline_it_ended(example):
    st = status_of(example, 2026, D(2026, 11, 28))
    assert st.phase == SELESAI
    # archived on 4 December 2025, the baseline ended on the 3rd
    assert (st.ended, st.baseline_end, st.ended_behind) == (D(2025, 12, 4), D(2025, 12, 3), 1)


def test_who_must_act_are_the_heads_of_missing_units_then_the_role_of_the_current_step(example):
    from generator.plan.status import who_must_act

    result = validate(example, today=D(2026, 11, 28))
    agency = result.repository.agency
    st = status_of(example, 2027, D(2026, 11, 28))
    assert [(a.person.name, a.person.position, a.unit) for a in who_must_act(st, agency)] == [
        ("Rahmadi, S.Pd., M.Pd.", "Kepala Bidang Pengembangan Sumber Daya Manusia", "psdm")]
    shutil.copy(Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml",
                example / "cycles/2027/forms/psdm.yaml")
    st = status_of(example, 2027, D(2026, 11, 23))  # all forms in: the Tim compiles (step 6), on time
    assert st.current.step.number == 6 and not st.late
    assert [a.person.name for a in who_must_act(st, agency)] == ["Fitriani, S.E.", "Muhammad Arsyad, A.Md."]
    assert who_must_act(st, agency, late_only=True) == ()
    assert who_must_act(status_of(example, 2026, D(2026, 11, 28)), agency) == ()


def test_rkt_status_and_remind_give_the_forecast_and_who_must_act(example):
    proc = rkt(example, "status", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert re.search(r"^11  Pengarsipan +Tim +— +— +23 Des 2026 +Belum bisa dimulai$", out, re.M), out
    assert re.search(r"^ 4  Pengisian Form .* Terlambat 14 hari kerja$", out, re.M), out
    assert "Langkah sekarang: 4 dari 11 (Pengisian Form), terlambat 14 hari kerja" in out
    assert "Harus bertindak: Rahmadi, S.Pd., M.Pd. — Kepala Bidang Pengembangan Sumber Daya Manusia" in out
    assert "Belum menyerahkan Form RKT: Bidang Pengembangan Sumber Daya Manusia" in out
    assert ("Perkiraan selesai: 23 Desember 2026, 15 hari kerja setelah akhir jadwal SOP (2 Desember 2026), bila "
            "setiap langkah berikutnya selesai dalam waktu SOP") in out
    # one unit of lateness, and no warning list repeating the lines above it
    assert re.findall(r"\d+ hari(?! kerja)", out) == [] and "jadwal dasar" not in out
    assert out.count("23 Desember 2026") == 1 and "Tepat Waktu" not in out
    finished = rkt(example, "status", "2026", "--today", "2026-11-28").stdout
    # the finish is the signing; the archiving in the repository is said apart, and the SOP's verdict with it
    assert ("Selesai: ditandatangani 3 Desember 2025, diarsipkan di repositori 4 Desember 2025; langkah terakhir SOP "
            "selesai 1 hari kerja setelah akhir jadwal SOP (3 Desember 2025)") in finished
    assert re.search(r"^11  Pengarsipan +Tim +4 Des 2025 +4 Des 2025 +— +Selesai$", finished, re.M), finished
    remind = rkt(example, "remind", "2027", "--today", "2026-11-28").stdout
    assert ("**Perkiraan selesai:** 23 Desember 2026, 15 hari kerja setelah akhir jadwal SOP (2 Desember 2026), bila "
            "setiap langkah berikutnya selesai dalam waktu SOP.") in remind
    assert "terlambat 14 hari kerja (tenggat 9 November 2026, waktu SOP 3 hari kerja)" in remind
    assert re.findall(r"\d+ hari(?! kerja)", remind) == [] and "jadwal dasar" not in remind
