"""Half-done writes: a command killed at any of its writes leaves nothing half done.

Every multi-file command writes through one journal (`generator/source/transaction.py`) and
ends what a killed run left on its next run; the build works in locked work folders and swaps
the site in one atomic exchange. The test hook `RKT_TEST_KILL_AT=N` (`generator/source/atomic.py`)
ends the process as if killed just before its N-th write: each test loops N over every write
of the command until one run completes, so no kill point is left out.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdf import scan
from support.cli import rkt
from support.repos import ROOT, copy_example, repo_copy, tree

from generator.check.validate import validate
from generator.site import workfolders
from generator.site.build import build
from generator.source import filelock

TODAY = "2026-11-28"
KILLED = 137


def files(repo: Path) -> dict[str, bytes]:
    """The repository as the user has it: every file but Git's own and rkt's cache."""
    return {k: v for k, v in tree(repo).items() if not k.startswith((".git/", ".rkt-cache/"))}


def killed_at(n: int) -> dict[str, str]:
    return dict(os.environ, RKT_TEST_KILL_AT=str(n))


def every_kill_point(run: Callable[[int], int], at_least: int) -> int:
    """Call `run(n)` for n = 1, 2, ... until a run is not killed (it must then succeed);
    the number of kill points found, which must be at least `at_least` (no vacuous loop)."""
    n = 0
    while True:
        n += 1
        code = run(n)
        if code != KILLED:
            assert code == 0, f"not killed at write {n}, and failed"
            break
        assert n < 200, "no end to the writes"
    assert n - 1 >= at_least, f"only {n - 1} writes"
    return n - 1


def journals(repo: Path) -> list[Path]:
    folder = repo / ".rkt-cache/transaksi"
    return sorted(folder.iterdir()) if folder.is_dir() else []


# --- rkt sign: the scan, its metadata and cycle.yaml, all or none ------------------------

@pytest.mark.git
def test_sign_killed_at_every_write_is_undone_or_whole_and_signing_again_completes(example_git, tmp_path):
    pdf = scan(tmp_path, "pindaian.pdf", "RKT 2027 ditandatangani")
    bad = tmp_path / "bukan.pdf"
    bad.write_bytes(b"bukan pdf")
    sign = ("sign", "2027", str(pdf), "--date", "2026-11-27", "--today", TODAY)
    before = files(example_git)
    whole = Path(shutil.copytree(example_git, tmp_path / "utuh", symlinks=True))
    assert rkt(whole, *sign).returncode == 0
    after = files(whole)
    assert set(after) - set(before) == {"cycles/2027/signed/rkt-2027-v1.pdf", "cycles/2027/signed/rkt-2027-v1.yaml"}

    def run(n: int) -> int:
        repo = Path(shutil.copytree(example_git, tmp_path / f"r{n}", symlinks=True))
        proc = rkt(repo, *sign, env=killed_at(n))
        if proc.returncode != KILLED:
            assert files(repo) == after and not journals(repo)
            return proc.returncode
        started = any((j / "niat").exists() for j in journals(repo))
        # any writing command ends what the killed one left before doing its own work
        again = rkt(repo, "sign", "2027", str(bad), "--date", "2026-11-27", "--today", TODAY)
        assert again.returncode == 1 and "bukan berkas PDF" in again.stderr, again.stderr
        said = "rkt: 'rkt sign 2027' sebelumnya terhenti sebelum selesai; semua perubahannya dibatalkan"
        assert (said in again.stderr) == started, (n, again.stderr)
        assert files(repo) in (before, after), n  # byte for byte
        assert not journals(repo) and not (repo / ".rkt-cache/transaksi").exists()
        assert validate(repo, today=dt.date(2026, 11, 28)).ok
        done = rkt(repo, *sign)
        assert done.returncode == 0, done.stderr
        assert files(repo) == after, n
        return KILLED

    every_kill_point(run, at_least=8)


@pytest.mark.git
def test_an_orphan_scan_of_a_killed_sign_no_longer_needs_deleting_by_hand(example_git, tmp_path):
    """The issue's case: the scan written, its metadata and events not; `rkt sign` refused while
    validate blamed the orphan, so the user had to delete files by hand."""
    pdf = scan(tmp_path, "pindaian.pdf", "RKT 2027 ditandatangani")
    sign = ("sign", "2027", str(pdf), "--date", "2026-11-27", "--today", TODAY)
    for n in range(1, 40):
        repo = Path(shutil.copytree(example_git, tmp_path / f"r{n}", symlinks=True))
        assert rkt(repo, *sign, env=killed_at(n)).returncode == KILLED
        if (repo / "cycles/2027/signed/rkt-2027-v1.pdf").exists() and not \
                (repo / "cycles/2027/signed/rkt-2027-v1.yaml").exists():
            break
    else:
        pytest.fail("no kill point leaves the scan without its metadata")
    # any command ends the killed write first: validate, before it judges, says so and passes
    checked = rkt(repo, "validate", "--today", TODAY)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stderr.startswith("rkt: 'rkt sign 2027' sebelumnya terhenti sebelum selesai")
    proc = rkt(repo, *sign)
    assert proc.returncode == 0, proc.stderr
    assert "Versi 1 RKT 2027 diarsipkan" in proc.stdout
    assert rkt(repo, "validate", "--today", TODAY).returncode == 0


# --- rkt import: the form, or the old form --------------------------------------------

def test_import_killed_at_every_write_keeps_the_old_form_or_the_new_one(tmp_path):
    base = copy_example(tmp_path / "base")
    workbook = tmp_path / "ppik.xlsx"
    made = rkt(base, "form-template", "2027", "ppik", "--out", str(workbook))
    assert made.returncode == 0, made.stderr
    wb = load_workbook(workbook)
    wb["Kinerja"]["G2"] = "95%"  # a new target: the import changes the form
    wb.save(workbook)
    before = files(base)
    whole = Path(shutil.copytree(base, tmp_path / "utuh"))
    done = rkt(whole, "import", "2027", "ppik", str(workbook))
    assert done.returncode == 0, done.stderr
    after = files(whole)
    assert after != before and set(after) == set(before)

    def run(n: int) -> int:
        repo = Path(shutil.copytree(base, tmp_path / f"r{n}"))
        proc = rkt(repo, "import", "2027", "ppik", str(workbook), env=killed_at(n))
        if proc.returncode != KILLED:
            assert files(repo) == after
            return proc.returncode
        again = rkt(repo, "import", "2027", "ppik", str(workbook))
        assert again.returncode == 0, again.stderr
        if again.stderr:
            assert again.stderr.startswith("rkt: 'rkt import (cycles/2027/forms/ppik.yaml)' sebelumnya terhenti")
        assert files(repo) == after and not journals(repo), n
        return KILLED

    every_kill_point(run, at_least=4)


# --- the build: the old site or the new one, whole, never neither ----------------------------

def sites(repo: Path) -> list[str]:
    return sorted(p.name for p in repo.iterdir() if p.name.startswith("site"))


@pytest.mark.site
@pytest.mark.git
def test_a_build_killed_during_its_swap_leaves_a_whole_site_and_the_next_build_cleans_up(tmp_path):
    base = repo_copy(tmp_path / "base")
    assert build(base, today=dt.date(2026, 11, 28)).site
    old = tree(base / "site")
    # the pages of the next day, written; the engine and the swap are what the loop kills
    assert build(base, today=dt.date(2026, 11, 29), run_mkdocs=False).ok
    whole = Path(shutil.copytree(base, tmp_path / "utuh", symlinks=True))
    assert rkt(whole, "build", "--today", "2026-11-29").returncode == 0
    new = tree(whole / "site")
    assert new != old and sites(whole) == ["site"]

    def run(n: int) -> int:
        repo = Path(shutil.copytree(base, tmp_path / f"r{n}", symlinks=True))
        proc = rkt(repo, "build", "--today", "2026-11-29", env=killed_at(n))
        if proc.returncode != KILLED:
            assert tree(repo / "site") == new and sites(repo) == ["site"]
            return proc.returncode
        assert tree(repo / "site") in (old, new), n  # whole: the old site or the new one
        left = [name for name in sites(repo) if name != "site"]
        again = rkt(repo, "build", "--today", "2026-11-29")
        assert again.returncode == 0, again.stderr
        for name in left:
            assert f"Perhatian: sisa pembangunan yang terhenti dihapus: {name} (" in again.stdout
        assert sites(repo) == ["site"] and tree(repo / "site") == new
        return KILLED

    every_kill_point(run, at_least=2)


@pytest.mark.site
@pytest.mark.git
def test_a_build_killed_while_the_engine_writes_is_cleaned_up_by_the_next_build(tmp_path):
    repo = repo_copy(tmp_path)
    assert build(repo, today=dt.date(2026, 11, 28), run_mkdocs=False).ok
    proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(repo), "build", "--today", TODAY],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(repo.glob("site.tmp-*/situs/*/*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # rkt and its engine, in the middle of writing the site
    proc.wait()
    left = [p.name for p in repo.glob("site.tmp-*")]
    assert len(left) == 1 and not (repo / "site").exists()
    done = rkt(repo, "build", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert f"Perhatian: sisa pembangunan yang terhenti dihapus: {left[0]} (" in done.stdout
    assert sites(repo) == ["site"] and (repo / "site/index.html").exists()


# --- what the cleaning never touches ---------------------------------------------------

def abandoned(parent: Path, name: str, size: int = 4_900_000) -> Path:
    """A work folder its process left when killed: its lock written, no process holding it."""
    folder = parent / name
    (folder / "situs/aset").mkdir(parents=True)
    (folder / "situs/aset/besar.bin").write_bytes(b"\0" * size)
    with filelock.holding_new(folder / workfolders.LOCK, b"rkt\n"):
        pass
    return folder


def test_leftovers_of_dead_processes_go_others_and_live_ones_stay(tmp_path):
    site = tmp_path / "site"
    abandoned(tmp_path, "site.tmp-1234abcd")
    cache = tmp_path / ".rkt-cache"
    abandoned(cache, "serve-0a0a0a0a", 1000)
    foreign = tmp_path / "site.tmp-bukanrkt"  # the same kind of name, no lock of ours: not ours
    foreign.mkdir()
    (foreign / "catatan.txt").write_text("milik orang lain\n")
    live = tmp_path / "site.tmp-hidup000"
    live.mkdir()
    with filelock.holding_new(live / workfolders.LOCK, b"rkt\n"):  # a build still working in it
        found = workfolders.leftovers(tmp_path, "site.tmp-", site) + workfolders.leftovers(cache, "serve-")
        assert live.exists()
    assert workfolders.said(found) == ["sisa pembangunan yang terhenti dihapus: site.tmp-1234abcd (4,9 MB)",
                                       "sisa pembangunan yang terhenti dihapus: serve-0a0a0a0a (1 kB)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".rkt-cache", "site.tmp-bukanrkt", "site.tmp-hidup000"]
    assert (foreign / "catatan.txt").read_text() == "milik orang lain\n" and not list(cache.iterdir())


def test_a_site_swapped_out_keeps_files_that_are_not_ours(tmp_path):
    """A build killed after the exchange: the work folder holds the previous site, whose files
    the marker does not list (a user's) are moved aside, never deleted."""
    from generator.site.safety import mark

    work = abandoned(tmp_path, "site.tmp-5678abcd", 10)
    mark(work / "situs")
    (work / "situs/catatan-saya.txt").write_text("milik saya\n")
    (work / workfolders.SWAPPED).touch()
    (tmp_path / "site").mkdir()
    [(name, cleared)] = workfolders.leftovers(tmp_path, "site.tmp-", tmp_path / "site")
    assert cleared.moved_to is not None and cleared.moved_to.name.startswith("site.old-")
    assert tree(cleared.moved_to) == {"catatan-saya.txt": b"milik saya\n"}
    assert not work.exists()


def test_where_no_atomic_exchange_exists_the_previous_site_is_put_back(tmp_path):
    """Killed between the two renames of the fallback swap: no site folder, the previous site
    in the work folder. The next build puts it back before anything else."""
    from generator.site.safety import mark

    work = abandoned(tmp_path, "site.tmp-9999abcd", 10)
    (work / workfolders.SWAPPED).touch()
    shutil.rmtree(work / "situs")
    (work / "lama").mkdir()
    (work / "lama/index.html").write_text("situs lama")
    mark(work / "lama")
    workfolders.leftovers(tmp_path, "site.tmp-", tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "situs lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# --- the test hook and the journal's trust --------------------------------------------------

def test_a_journal_this_machine_did_not_write_is_never_applied(tmp_path):
    """`.rkt-cache/` is not trusted (it can be committed or uploaded): a planted journal that
    would "put back" a file is refused and removed, the data untouched."""
    from generator.source import transaction

    repo = copy_example(tmp_path / "repo")
    agency = repo / "cycles/agency.yaml"
    before = agency.read_bytes()
    journal = repo / ".rkt-cache/transaksi/tanam"
    journal.mkdir(parents=True)
    (journal / "lama-0").write_text("nama: palsu\n")
    import hashlib
    import json
    record = {"perintah": "rkt sign", "folder": [], "berkas": [
        {"path": "cycles/agency.yaml", "new": "baru-0", "new_sha": hashlib.sha256(before).hexdigest(),
         "old": "lama-0", "old_sha": hashlib.sha256(b"nama: palsu\n").hexdigest()}]}
    (journal / "niat").write_bytes(json.dumps(record).encode() + b"\0" * 32)
    notes = transaction.recover(repo)
    assert len(notes) == 1 and "tidak dibuat oleh rkt di komputer ini" in notes[0]
    assert agency.read_bytes() == before and not journal.exists()


def test_the_kill_hook_only_counts_in_the_process_that_read_it(tmp_path):
    code = ("import os\nfrom generator.source import atomic\nfrom pathlib import Path\n"
            "p = Path(os.environ['D'])\nif os.fork() == 0:\n    atomic.replace(p / 'anak', 'x')\n    os._exit(0)\n"
            "os.wait()\natomic.replace(p / 'satu', 'x')\natomic.replace(p / 'dua', 'x')\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(killed_at(2), D=str(tmp_path)))
    assert proc.returncode == KILLED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anak", "satu"]


# --- rkt init: the new repository whole, or started over --------------------------------------

def test_a_killed_init_is_started_over_and_nothing_works_on_the_half_made_repository(tmp_path):
    """At every kill point of `rkt init`, the folder is refused by the other commands (never judged
    half made) and the same `rkt init` again gives exactly the repository a clean run gives."""
    flags = ("--nama", "Dinas Contoh", "--pengelola", "budi-it")
    clean = tmp_path / "bersih"
    assert rkt(tmp_path, "init", str(clean), *flags).returncode == 0
    expected = {p.relative_to(clean).as_posix(): p.read_bytes() for p in clean.rglob("*") if p.is_file()}
    for n in (1, 2, 3, len(expected) // 2, len(expected), len(expected) + 1):
        target = tmp_path / f"r{n}"
        assert rkt(tmp_path, "init", str(target), *flags, env=killed_at(n)).returncode == KILLED, n
        left = target.exists() and any(target.iterdir())
        if (target / "cycles").is_dir():
            refused = rkt(target, "validate")
            assert refused.returncode == 2 and "jalankan lagi 'rkt init'" in refused.stderr, n
        again = rkt(tmp_path, "init", str(target), *flags)
        assert again.returncode == 0, (n, again.stdout + again.stderr)
        # what a killed run left is said and started over (killed before its first write: nothing to say)
        assert again.stdout.startswith("Pembuatan repositori sebelumnya terhenti sebelum selesai") == left, n
        got = {p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*") if p.is_file()}
        assert got == expected, n
