"""`rkt validate --base`: against a real git repository, the record only grows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, git
from support.repos import commit

from generator.check.validate import validate
from generator.source.gitrepo import GitError

pytestmark = pytest.mark.git

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
        "tahun: 2027\nunit: psdm\nkinerja: []\nprogram:\n  - kode: \"<script>alert(1)</script>|\"\n    target: x\n")
    commit(example_git, "PR")
    summary = tmp_path / "summary.md"
    proc = run(example_git, "validate", "--format", "github", "--base", "main",
               "--today", "2026-11-28", GITHUB_STEP_SUMMARY=str(summary))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    assert annotations[0].startswith("::error file=cycles/2027/") or annotations[0].startswith("::error file=cycles/2027/forms")
    old = [i for i, a in enumerate(annotations) if "cycles/2026/" in a]
    # the old file's problems (its error, and the pagu it leaves unchecked) come after the change's own
    assert old and old == list(range(old[0], len(annotations)))
    # (and what it does to the signed 2026: its content no longer matches `sidik_isi`, RKT219)
    assert all("cycles/2026/forms/mpk.yaml" in annotations[i] or "cycles/2026/signed/rkt-2026-v1.yaml" in annotations[i]
               for i in old)
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


# --- a signed cycle is final ----------------------------------------------------
# cycles/2026 of the example is signed (version 1, its scan verifies).

FINAL = "memerlukan versi bertanda tangan yang baru"


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def found(repo: Path, base: str) -> list[tuple[str, int, str]]:
    return errors(repo, base)


def test_changing_a_form_of_a_signed_cycle_fails_naming_the_form(example_git):
    base = head(example_git)
    edit(example_git / "cycles/2026/forms/mpk.yaml", "anggaran: 230000000", "anggaran: 250000000")
    commit(example_git, "Ubah anggaran MPK 2026")
    result = validate(example_git, today=TODAY, base=base)
    problems = [p for p in result.problems if p.is_error]
    # the form named against the base, and the signed version's fingerprint without one (RKT219)
    assert [(p.file, p.line, p.code) for p in problems] == [("cycles/2026/forms/mpk.yaml", 42, "RKT306"),
                                                            ("cycles/2026/signed/rkt-2026-v1.yaml", 16, "RKT219")]
    message = problems[0].message
    assert "230000000 menjadi 250000000" in message
    assert "RKT 2026 sudah ditandatangani (versi 1)" in message and FINAL in message
    assert "tandatangani versi 2 dengan 'rkt sign'" in message and "langkah 8" in message


@pytest.mark.parametrize("change", ["tambah", "hapus", "komentar"])
def test_adding_or_removing_a_form_of_a_signed_cycle_fails_but_a_comment_passes(example_git, change):
    base = head(example_git)
    forms = example_git / "cycles/2026/forms"
    if change == "tambah":
        (forms / "baru.yaml").write_bytes((forms / "mpk.yaml").read_bytes().replace(b"unit: mpk", b"unit: baru"))
    elif change == "hapus":
        (forms / "mpk.yaml").unlink()
    else:
        edit(forms / "mpk.yaml", "unit: mpk\n", "unit: mpk\n# catatan: diperiksa ulang\n")
    commit(example_git, change)
    codes = {(f, c) for f, _, c in found(example_git, base) if c.startswith("RKT3")}
    expected = {"tambah": {("cycles/2026/forms/baru.yaml", "RKT306")},
                "hapus": {("cycles/2026/forms/mpk.yaml", "RKT306")}, "komentar": set()}[change]
    assert codes == expected


def test_changing_a_field_of_a_signed_cycle_fails(example_git):
    base = head(example_git)
    edit(example_git / "cycles/2026/cycle.yaml", "mpk: 950000000", "mpk: 990000000")
    commit(example_git, "Ubah pagu")
    assert found(example_git, base) == [("cycles/2026/cycle.yaml", 11, "RKT305")]


def test_a_renstra_change_that_alters_a_signed_plan_fails_and_one_that_does_not_passes(example_git):
    base = head(example_git)
    edit(example_git / "cycles/renstra.yaml", '2028: "0,75"', '2028: "0,76"')  # no signed plan prints it
    commit(example_git, "Target 2028")
    assert found(example_git, base) == []
    edit(example_git / "cycles/renstra.yaml", '2026: "0,66"', '2026: "0,67"')
    commit(example_git, "Target 2026")
    result = validate(example_git, today=TODAY, base=base)
    problems = [p for p in result.problems if p.is_error]
    assert [(p.file, p.line, p.code) for p in problems] == [("cycles/2026/signed/rkt-2026-v1.yaml", 16, "RKT219"),
                                                            ("cycles/renstra.yaml", 23, "RKT307")]
    assert "mengubah isi RKT 2026 (indikator SS1.1)" in problems[1].message and FINAL in problems[1].message


def test_an_agency_change_does_not_touch_a_signed_plan(example_git):
    """Unit names and the head are the letterhead, not the signed content: a reorganisation
    or a new head must not turn every signed plan into a changed one."""
    base = head(example_git)
    edit(example_git / "cycles/agency.yaml", "nama: Bidang Mutasi, Promosi dan Kinerja",
         "nama: Bidang Mutasi dan Promosi")
    commit(example_git, "Nama bidang baru")
    assert found(example_git, base) == []


@pytest.mark.parametrize("year", [2026, 2027])
def test_moving_the_start_date_after_events_fails(example_git, year):
    base = head(example_git)
    cycle = example_git / f"cycles/{year}/cycle.yaml"
    start = next(ln for ln in cycle.read_text().splitlines() if ln.startswith("mulai: "))
    edit(cycle, start, start[:-2] + "01")  # earlier: no event falls before the start
    commit(example_git, "Geser mulai")
    result = validate(example_git, today=TODAY, base=base)
    problems = [p for p in result.problems if p.is_error]
    assert [(p.file, p.code) for p in problems] == [(f"cycles/{year}/cycle.yaml", "RKT303")]
    assert "tanggal mulai diubah" in problems[0].message


def test_a_start_date_may_move_before_any_event(example_git):
    cycle = example_git / "cycles/2027/cycle.yaml"
    text = cycle.read_text()
    cycle.write_text(text[:text.index("  - langkah: 1")].replace("peristiwa:", "peristiwa: []"))
    commit(example_git, "Siklus 2027 belum dimulai")
    base = head(example_git)
    edit(cycle, "mulai: 2026-11-02", "mulai: 2026-11-09")
    commit(example_git, "Geser mulai")
    assert found(example_git, base) == []


@pytest.mark.parametrize("new", ["tanggal_dari_git: true\n", ""])
def test_flipping_tanggal_dari_git_on_a_finished_cycle_fails(example_git, new):
    base = head(example_git)
    edit(example_git / "cycles/2026/cycle.yaml", "tanggal_dari_git: false\n", new)
    commit(example_git, "Tanggal dari Git")
    assert [(f, c) for f, _, c in found(example_git, base)] == [("cycles/2026/cycle.yaml", "RKT304")]


def test_tanggal_dari_git_may_change_on_a_running_cycle(example_git):
    base = head(example_git)
    edit(example_git / "cycles/2027/cycle.yaml", "tanggal_dari_git: false", "tanggal_dari_git: true")
    commit(example_git, "Tanggal dari berkas")
    assert found(example_git, base) == []


REOPEN = ("  - langkah: 8\n    tanggal: 2025-12-10\n    oleh: staf-perencanaan-2\n"
          "    catatan: Revisi anggaran MPK setelah penetapan APBD\n")


def test_an_event_after_the_archive_passes_and_reopens_the_cycle(example_git):
    from generator.plan.derive import derive

    base = head(example_git)
    cycle = example_git / "cycles/2026/cycle.yaml"
    cycle.write_text(cycle.read_text() + REOPEN)
    commit(example_git, "Buka kembali RKT 2026")
    result = validate(example_git, today=TODAY, base=base)
    assert result.ok, result.problems
    status = derive(example_git, result.repository, TODAY).statuses[2026]
    assert not status.finished  # not "selesai" until a new version is signed
    steps = {s.step.number: s for s in status.steps}
    assert steps[8].finished is not None and steps[9].finished is None and steps[11].finished is None


def test_a_revision_reopened_and_signed_as_version_2_passes(example_git, tmp_path):
    from pdf import minimal_pdf

    from generator.plan.derive import derive

    base = head(example_git)
    branch(example_git, "revisi-2026")
    cycle = example_git / "cycles/2026/cycle.yaml"
    cycle.write_text(cycle.read_text() + REOPEN)
    edit(example_git / "cycles/2026/forms/mpk.yaml", "anggaran: 230000000", "anggaran: 250000000")
    commit(example_git, "Revisi RKT 2026")
    assert found(example_git, base) == []
    # the revision passes the Sekretaris again (step 9) before the Kepala Badan signs it
    cycle.write_text(cycle.read_text() + "  - langkah: 9\n    tanggal: 2025-12-11\n    oleh: sekretaris\n"
                     "    keputusan: ya\n")
    commit(example_git, "Koreksi Sekretaris atas revisi")
    assert found(example_git, base) == []
    scan = tmp_path / "v2.pdf"
    scan.write_bytes(minimal_pdf(["RKT 2026 v2"]))
    signed = run(example_git, "sign", "2026", str(scan), "--date", "2025-12-15", "--today", "2026-11-28")
    assert signed.returncode == 0, signed.stdout + signed.stderr
    meta = (example_git / "cycles/2026/signed/rkt-2026-v2.yaml").read_text()
    assert "\nmenggantikan: 1\n" in meta
    commit(example_git, "RKT 2026 versi 2")
    assert found(example_git, base) == []
    result = validate(example_git, today=TODAY)
    assert derive(example_git, result.repository, TODAY).statuses[2026].finished
    # and version 2 is final in its turn
    base = head(example_git)
    edit(example_git / "cycles/2026/forms/mpk.yaml", "anggaran: 250000000", "anggaran: 260000000")
    assert sorted(c for _, _, c in found(example_git, base)) == ["RKT219", "RKT306"]


def _sign_2027(repo: Path, tmp_path: Path) -> None:
    from pdf import minimal_pdf

    scan = tmp_path / "v1.pdf"
    scan.write_bytes(minimal_pdf(["RKT 2027"]))
    proc = run(repo, "sign", "2027", str(scan), "--date", "2026-11-27", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    commit(repo, "RKT 2027 versi 1")


def test_without_base_a_signed_version_that_no_longer_matches_the_data_fails(example_git, tmp_path):
    _sign_2027(example_git, tmp_path)
    edit(example_git / "cycles/2027/forms/ppik.yaml", "anggaran: 130000000", "anggaran: 150000000")
    commit(example_git, "Langsung ke main")
    proc = run(example_git, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1
    line = next(ln for ln in proc.stdout.splitlines() if "RKT219" in ln)
    assert line.startswith("cycles/2027/signed/rkt-2027-v1.yaml:")
    assert "berkas yang berubah sejak commit" in line and "cycles/2027/forms/ppik.yaml" in line
    assert "cycle.yaml" not in line.split("berkas yang berubah")[1].split(".")[0]  # events only: not a change
    assert FINAL in line
    # a revision under way: the old version no longer has to match
    cycle = example_git / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 8\n    tanggal: 2026-11-28\n    oleh: staf-perencanaan-2\n")
    assert run(example_git, "validate", "--today", "2026-11-28").returncode == 0


def test_menggantikan_names_an_earlier_version(example):
    meta = example / "cycles/2026/signed/rkt-2026-v1.yaml"
    meta.write_text(meta.read_text() + "menggantikan: 1\n")
    result = validate(example, today=TODAY)
    assert [(p.file, p.code) for p in result.problems if p.is_error] == [("cycles/2026/signed/rkt-2026-v1.yaml",
                                                                          "RKT217")]
