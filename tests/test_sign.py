"""`rkt sign` and the archive: real PDFs only, versions only grow, history catches tampering,
and the Arsip page says what changed between versions."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git
from pdf import minimal_pdf, scan
from support.repos import commit

from generator.check import versions
from generator.check.validate import validate
from generator.check.versions import version_changes
from generator.plan import fingerprint

pytestmark = pytest.mark.git

TODAY = "2026-11-28"


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def reopen(repo: Path) -> None:
    """A revision of the signed 2027 plan goes through steps 8 and 9 again."""
    cycle = repo / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 8\n    tanggal: 2026-11-28\n    oleh: staf-perencanaan-2\n"
                     "  - langkah: 9\n    tanggal: 2026-11-28\n    oleh: sekretaris\n    keputusan: ya\n")


def test_a_file_that_is_not_a_pdf_is_refused(example_git, tmp_path):
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"<html>bukan pdf</html>")
    proc = run(example_git, "sign", "2027", str(fake), "--date", "2026-11-27", "--today", TODAY)
    assert proc.returncode == 1 and "bukan berkas PDF" in proc.stderr
    assert not (example_git / "cycles/2027/signed").exists()
    assert git(example_git, "status", "--porcelain", "--", "cycles") == ""


def test_signing_twice_makes_v2_and_never_overwrites(example_git, tmp_path):
    first = run(example_git, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27",
                "--today", TODAY)
    assert first.returncode == 0, first.stderr
    signed = example_git / "cycles/2027/signed"
    v1 = {p.name: p.read_bytes() for p in signed.iterdir()}
    assert set(v1) == {"rkt-2027-v1.pdf", "rkt-2027-v1.yaml"}
    meta = (signed / "rkt-2027-v1.yaml").read_text()
    assert "nama: Drs. H. Ahmad Fauzi, M.Si." in meta and 'nip: "197005141993031007"' in meta
    assert "commit: " in meta and "sidik_isi: " in meta
    cycle = (example_git / "cycles/2027/cycle.yaml").read_text()
    assert "  - langkah: 10\n    tanggal: 2026-11-27\n    oleh: kaban\n    keputusan: ya\n" in cycle
    assert "  - langkah: 11\n    tanggal: 2026-11-28\n    oleh: staf-perencanaan-1\n" in cycle
    commit(example_git, "v1")
    second = run(example_git, "sign", "2027", str(scan(tmp_path, "b.pdf", "v2")), "--date", "2026-11-28",
                 "--today", TODAY, "--catatan", "Perbaikan anggaran")
    assert second.returncode == 0, second.stderr
    assert {p.name: p.read_bytes() for p in signed.iterdir() if "v1" in p.name} == v1
    assert (signed / "rkt-2027-v2.yaml").exists()
    assert "catatan: Perbaikan anggaran" in (signed / "rkt-2027-v2.yaml").read_text()


def test_validate_base_passes_after_signing_and_fails_after_tampering(example_git, tmp_path):
    base = git(example_git, "rev-parse", "HEAD").strip()
    assert run(example_git, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27",
               "--today", TODAY).returncode == 0
    commit(example_git, "Arsip v1")
    ok = run(example_git, "validate", "--base", base, "--today", TODAY)
    assert ok.returncode == 0, ok.stdout
    signed_commit = git(example_git, "rev-parse", "HEAD").strip()
    (example_git / "cycles/2027/signed/rkt-2027-v1.pdf").write_bytes(minimal_pdf(["PALSU"]))
    bad = run(example_git, "validate", "--base", signed_commit, "--today", TODAY)
    assert bad.returncode == 1
    assert "cycles/2027/signed/rkt-2027-v1.pdf:1:1: RKT302" in bad.stdout
    assert "RKT212" in bad.stdout


def test_archive_lists_what_changed_between_two_versions(example_git, tmp_path):
    assert run(example_git, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27",
               "--today", TODAY).returncode == 0
    commit(example_git, "Arsip v1")
    form = example_git / "cycles/2027/forms/ppik.yaml"
    form.write_text(form.read_text().replace("anggaran: 130000000", "anggaran: 150000000")
                    .replace('target: "0,70"', 'target: "0,72"'))
    renstra = example_git / "cycles/renstra.yaml"
    renstra.write_text(renstra.read_text().replace('2027: "0,70"', '2027: "0,72"'))
    reopen(example_git)
    commit(example_git, "Revisi anggaran PPIK")
    assert run(example_git, "sign", "2027", str(scan(tmp_path, "b.pdf", "v2")), "--date", "2026-11-28",
               "--today", TODAY).returncode == 0
    commit(example_git, "Arsip v2")
    result = validate(example_git, today=dt.date(2026, 11, 28))
    folder = next(c for c in result.repository.cycles if c.year == 2027)
    changes = version_changes(example_git, [folder])[(2027, 2)]
    # the target as printed: PPIK's new target beside MPK's unchanged one
    assert "Target SS1.1 (Indeks Sistem Merit): 0,70 → 0,72 (PPIK); 0,70 (MPK)." in changes
    assert any(c.startswith("Anggaran 5.03.02.2.01.0001") and "Rp 130.000.000 → Rp 150.000.000" in c
               for c in changes)
    assert "Jumlah anggaran ppik: Rp 733.200.000 → Rp 753.200.000." in changes


# --- what is signed is what a commit holds ---------------------------------------

@pytest.mark.parametrize("change", ["form diubah", "form baru", "cycle.yaml di-stage"])
def test_signing_refuses_uncommitted_inputs(example_git, tmp_path, change):
    if change == "form diubah":
        path = example_git / "cycles/2027/forms/ppik.yaml"
        path.write_text(path.read_text().replace("anggaran: 130000000", "anggaran: 150000000"))
        expected = "cycles/2027/forms/ppik.yaml"
    elif change == "form baru":
        src = Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml"
        (example_git / "cycles/2027/forms/psdm.yaml").write_bytes(src.read_bytes())
        expected = "cycles/2027/forms/psdm.yaml"
    else:
        path = example_git / "cycles/2027/cycle.yaml"
        path.write_text(path.read_text() + "  - langkah: 6\n    tanggal: 2026-11-27\n    oleh: staf-perencanaan-1\n")
        git(example_git, "add", "cycles/2027/cycle.yaml")
        expected = "cycles/2027/cycle.yaml"
    before = git(example_git, "status", "--porcelain")
    proc = run(example_git, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27",
               "--today", TODAY)
    assert proc.returncode == 1
    assert "belum di-commit" in proc.stderr and f"  {expected}\n" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (example_git / "cycles/2027/signed").exists()
    assert git(example_git, "status", "--porcelain") == before


def test_the_recorded_commit_holds_the_signed_content(example_git, tmp_path):
    """The metadata's commit is the last one that changed the plan's inputs, cycle.yaml
    (its required units) included; rebuilding from it gives the signed fingerprint."""

    path = example_git / "cycles/2027/cycle.yaml"
    path.write_text(path.read_text().replace("unit_wajib: [sekretariat, ppik, mpk, psdm]",
                                             "unit_wajib: [sekretariat, ppik, mpk]")
                    .replace("  psdm: 1200000000\n", ""))
    commit(example_git, "PSDM tidak wajib tahun ini")
    last = git(example_git, "rev-parse", "HEAD").strip()
    assert run(example_git, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27",
               "--today", TODAY).returncode == 0
    meta = (example_git / "cycles/2027/signed/rkt-2027-v1.yaml").read_text()
    assert f"commit: {last}\n" in meta
    result = validate(example_git, today=dt.date(2026, 11, 28))
    version = next(c for c in result.repository.cycles if c.year == 2027).signed[0]
    content = versions.content_at(example_git, version.commit, 2027)
    assert [u["unit"] for u in content["unit"]] == ["sekretariat", "ppik", "mpk"]
    assert fingerprint.digest(content) == version.content_fingerprint


# --- the calendar a signed cycle was computed with ---------------------------------

def test_a_signed_cycle_keeps_its_recorded_calendar_and_a_change_is_reported(example_git, tmp_path):
    from generator.plan import archive
    from generator.plan.derive import derive
    from generator.plan.status import cycle_status
    from generator.site.generate import generate

    day = dt.date(2026, 11, 28)
    assert run(example_git, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27",
               "--today", TODAY).returncode == 0
    meta = (example_git / "cycles/2027/signed/rkt-2027-v1.yaml").read_text()
    assert "kalender:\n  holidays: " in meta and "  dari: 2026-11-02\n" in meta
    assert "  libur: [2026-12-24, 2026-12-25, 2027-01-01]\n" in meta  # Natal and its cuti bersama, 1 Januari
    result = validate(example_git, today=day)
    assert result.ok, result.problems
    before = derive(example_git, result.repository, day).statuses[2027]
    # later, 20 November 2026 becomes a day off (an SKB change, a regional holiday)
    agency = example_git / "cycles/agency.yaml"
    agency.write_text(agency.read_text().replace(
        "libur_tambahan: []", "libur_tambahan:\n    - tanggal: 2026-11-20\n      keterangan: Libur daerah"))
    result = validate(example_git, today=day)
    assert result.ok, result.problems
    d = derive(example_git, result.repository, day)
    assert d.statuses[2027].steps == before.steps  # history is not rewritten
    warnings = generate(example_git, result, day, None).warnings
    drift = [w for w in warnings if "Kalender hari kerja siklus 2027" in w]
    assert len(drift) == 1 and "20 November 2026 kini hari libur" in drift[0]
    assert "tetap memakai kalender yang tercatat" in drift[0]
    # without the record, today's calendar would have moved the history
    folder = next(f for f in d.folders if f.year == 2027)
    assert archive.calendar_for(folder, result.repository.sop, d.cal) != d.cal
    assert cycle_status(folder, result.repository.sop, d.cal, day).steps != before.steps
