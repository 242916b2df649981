"""`rkt validate --base`: against a real git repository, the record only grows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, git
from generator.history import GitError
from generator.validate import validate

NEW_EVENT = "  - langkah: 6\n    tanggal: 2026-11-27\n    oleh: staf-perencanaan-1\n"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def errors(repo: Path, base: str = "main") -> list[tuple[str, int, str]]:
    result = validate(repo, today=TODAY, base=base)
    return [(p.file, p.line, p.code) for p in result.problems if p.is_error]


def branch(repo: Path, name: str) -> None:
    git(repo, "checkout", "-q", "-b", name)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_appending_an_event_passes(example_git):
    branch(example_git, "catat-langkah-6")
    cycle = example_git / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text() + NEW_EVENT)
    commit(example_git, "Catat langkah 6")
    assert errors(example_git) == []


def test_editing_an_old_event_fails_at_that_event(example_git):
    branch(example_git, "ubah-tanggal")
    edit(example_git / "cycles/2027/cycle.yaml", "tanggal: 2026-11-03", "tanggal: 2026-11-04")
    commit(example_git, "Ubah tanggal langkah 2")
    result = validate(example_git, today=TODAY, base="main")
    found = [p for p in result.problems if p.is_error]
    assert [(p.file, p.line, p.code) for p in found] == [("cycles/2027/cycle.yaml", 23, "RKT301")]
    assert "peristiwa ke-2" in found[0].message and "2026-11-04" in found[0].message


def test_deleting_an_event_fails(example_git):
    branch(example_git, "hapus")
    cycle = example_git / "cycles/2027/cycle.yaml"
    text = cycle.read_text()
    cycle.write_text(text[:text.index("  - langkah: 3")])
    commit(example_git, "Hapus langkah 3")
    assert ("cycles/2027/cycle.yaml", 18, "RKT301") in errors(example_git)


def test_inserting_an_event_in_the_middle_fails(example_git):
    edit(example_git / "cycles/2026/cycle.yaml", "  - langkah: 6\n",
         "  - langkah: 5\n    tanggal: 2025-11-12\n    oleh: staf-perencanaan-1\n  - langkah: 6\n")
    assert [c for _, _, c in errors(example_git)][:1] == ["RKT301"]


def test_uncommitted_changes_are_compared_too(example_git):
    edit(example_git / "cycles/2026/cycle.yaml", "oleh: kaban", "oleh: sekretaris")
    assert errors(example_git) == [("cycles/2026/cycle.yaml", 19, "RKT301")]


def test_replacing_a_signed_scan_fails_even_with_a_matching_hash(example_git):
    """Someone replaces the scan and updates its recorded hash: history catches it."""
    import hashlib
    from pdf import minimal_pdf

    branch(example_git, "ganti-scan")
    scan = example_git / "cycles/2026/signed/rkt-2026-v1.pdf"
    meta = example_git / "cycles/2026/signed/rkt-2026-v1.yaml"
    old_sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    scan.write_bytes(minimal_pdf(["PALSU"]))
    edit(meta, old_sha, hashlib.sha256(scan.read_bytes()).hexdigest())
    commit(example_git, "Ganti pindaian")
    assert errors(example_git) == [
        ("cycles/2026/signed/rkt-2026-v1.pdf", 1, "RKT302"),
        ("cycles/2026/signed/rkt-2026-v1.yaml", 1, "RKT302"),
    ]


def test_moving_a_signed_version_fails(example_git):
    signed = example_git / "cycles/2026/signed"
    git(example_git, "mv", "cycles/2026/signed/rkt-2026-v1.pdf", "cycles/2026/bukti-rkt-2026-v1.pdf")
    found = errors(example_git)
    assert ("cycles/2026/signed/rkt-2026-v1.pdf", 1, "RKT302") in found
    assert not (signed / "rkt-2026-v1.pdf").exists()


def test_adding_a_form_on_a_branch_passes_against_main(example_git):
    branch(example_git, "form-psdm")
    src = Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml"
    (example_git / "cycles/2027/forms/psdm.yaml").write_bytes(src.read_bytes())
    commit(example_git, "Form RKT 2027 Bidang PSDM")
    assert errors(example_git) == []


def test_unknown_base_is_a_usage_error(example_git):
    with pytest.raises(GitError, match="tidak ditemukan"):
        validate(example_git, today=TODAY, base="tidak-ada")


def test_base_outside_git_is_a_usage_error(example):
    with pytest.raises(GitError, match="bukan repositori Git"):
        validate(example, today=TODAY, base="main")


def run(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env})


def test_cli_base_errors_exit_2(example_git):
    proc = run(example_git, "validate", "--base", "origin/tidak-ada")
    assert proc.returncode == 2
    assert "revisi pembanding 'origin/tidak-ada' tidak ditemukan" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_github_format_puts_changed_files_first_and_writes_the_summary(example_git, tmp_path):
    # an old problem on main, outside the change...
    edit(example_git / "cycles/2026/forms/mpk.yaml", "anggaran: 230000000", "anggaran: 230.000.000")
    commit(example_git, "Data lama bermasalah")
    # ...and the pull request's own problems
    branch(example_git, "pr")
    edit(example_git / "cycles/2027/cycle.yaml", "tanggal: 2026-11-03", "tanggal: 2026-11-04")
    (example_git / "cycles/2027/forms/psdm.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/form.schema.json\n"
        "tahun: 2027\nunit: psdm\nkinerja: []\nprogram:\n  - kode: \"<script>alert(1)</script>|\"\n    nama: x\n")
    commit(example_git, "PR")
    summary = tmp_path / "summary.md"
    proc = run(example_git, "validate", "--format", "github", "--base", "main",
               "--today", "2026-11-28", GITHUB_STEP_SUMMARY=str(summary))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    assert annotations[0].startswith("::error file=cycles/2027/") or annotations[0].startswith("::error file=cycles/2027/forms")
    assert all("cycles/2026/" not in a for a in annotations[:-1])
    assert "cycles/2026/forms/mpk.yaml" in annotations[-1]
    assert any("title=RKT301" in a and "line=23" in a for a in annotations)
    assert any("title=RKT101" in a and "file=cycles/2027/forms/psdm.yaml" in a for a in annotations)
    md = summary.read_text()
    assert md.startswith("## Hasil pemeriksaan data RKT")
    assert "| cycles/2027/cycle.yaml | 23:5 | RKT301 |" in md
    assert "<script>" not in md and "\\<script\\>alert\\(1\\)\\</script\\>\\|" in md


def test_shallow_clone_without_base_history_says_how_to_fix(example_git, tmp_path):
    cycle = example_git / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text() + NEW_EVENT)
    commit(example_git, "Langkah 6")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{example_git}", str(clone)], check=True)
    proc = run(clone, "validate", "--base", "HEAD~1")
    assert proc.returncode == 2
    assert "git fetch --unshallow" in proc.stderr
