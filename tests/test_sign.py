"""`rkt sign` and the archive: real PDFs only, versions only grow, history catches tampering,
and the Arsip page says what changed between versions."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, git
from generator.archive import version_changes
from generator.validate import validate
from pdf import minimal_pdf

TODAY = "2026-11-28"


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def scan(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(minimal_pdf([text]))
    return path


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


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
    commit(example_git, "Revisi anggaran PPIK")
    assert run(example_git, "sign", "2027", str(scan(tmp_path, "b.pdf", "v2")), "--date", "2026-11-28",
               "--today", TODAY).returncode == 0
    commit(example_git, "Arsip v2")
    result = validate(example_git, today=dt.date(2026, 11, 28))
    folder = next(c for c in result.repository.cycles if c.year == 2027)
    changes = version_changes(example_git, [folder])[(2027, 2)]
    assert "Target SS1.1 (Indeks Sistem Merit): 0,70 → 0,72." in changes
    assert any(c.startswith("Anggaran 5.03.02.2.01.0001") and "Rp 130.000.000 → Rp 150.000.000" in c
               for c in changes)
    assert "Jumlah anggaran ppik: Rp 733.200.000 → Rp 753.200.000." in changes
