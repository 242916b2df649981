"""`rkt init FOLDER`: a new agency repository, written only into a new or empty folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from generator.check import report
from generator.commands.outcome import Outcome
from generator.commands.preconditions import new_folder_refusal
from generator.core.calendar import DEFAULT_TIMEZONE
from generator.core.calendar import today as today_in
from generator.core.problems import os_reason
from generator.source import atomic

# An empty clone of a new GitHub repository holds only this: nothing of it can be overwritten.
_ALLOWED = frozenset({".git"})
# Written first and removed last: a folder that still holds it was left by a run that was killed
# (everything in it but .git was written by that run), and the next run starts it over.
UNFINISHED = ".rkt-init-belum-selesai"
_UNFINISHED_NOTE = (b"Pembuatan repositori ini terhenti sebelum selesai. Jalankan lagi perintah yang sama: isi "
                    b"folder ini (kecuali .git) dihapus dan dibuat ulang.\n")


def refusal(target: Path) -> str | None:
    """Why no new repository can be written into `target`, or None."""
    if (target / UNFINISHED).is_file():
        return None  # a killed run's: started over by `write_all`
    return new_folder_refusal(target, "rkt init", _ALLOWED)


def _start_over(target: Path) -> bool:
    """Remove what a killed run left (all but .git); whether there was such a run."""
    if not (target / UNFINISHED).is_file():
        return False
    for entry in target.iterdir():
        if entry.name in _ALLOWED:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    return True


def write_all(target: Path, files: dict[str, bytes]) -> str | None:
    """Create every file (never overwriting); on failure remove what this call created and say why.
    All or nothing even when killed: a marker stands while the files are written (`UNFINISHED`)."""
    new = not target.exists()
    try:
        _start_over(target)
        atomic.create(target / UNFINISHED, _UNFINISHED_NOTE)
    except OSError as exc:
        return f"rkt: {target} tidak dapat ditulis ({os_reason(exc)}). Tidak ada berkas yang dibuat.\n"
    failure = _write_files(target, files)
    (target / UNFINISHED).unlink(missing_ok=True)
    if failure is not None and new:
        with contextlib.suppress(OSError):
            target.rmdir()
    return failure


def _write_files(target: Path, files: dict[str, bytes]) -> str | None:
    made_dirs = {parent for rel in files for parent in (target / rel).parents if not parent.exists()}
    written: list[Path] = []
    path = target
    try:
        for rel, data in files.items():
            path = target / rel
            atomic.create(path, data)
            written.append(path)
    except FileExistsError:
        failure = f"rkt: {path} sudah ada; tidak ditimpa. Tidak ada berkas yang dibuat.\n"
    except OSError as exc:
        failure = f"rkt: {path} tidak dapat ditulis ({os_reason(exc)}). Tidak ada berkas yang dibuat.\n"
    else:
        return None
    for path in written:  # only files this call created
        path.unlink(missing_ok=True)
    for folder in sorted(made_dirs, key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()
        except OSError:
            pass
    return failure


def init(target: Path, name: str | None, government: str | None, city: str | None, maintainer: str,
         today: dt.date | None) -> Outcome:
    from generator.check.rules.placeholders import unfilled
    from generator.check.validate import validate
    from generator.scaffold import init as new_repo

    maintainer = maintainer.strip().removeprefix("@")
    identity = new_repo.Identity(name, government, city, maintainer)
    problem = _flags_problem(name, government, city) or new_repo.github_problem(maintainer)
    if problem:
        return Outcome.failed(f"rkt: {problem}\n", 2)
    refused = refusal(target)
    if refused:
        return Outcome.failed(refused, 2)
    day = today_in(DEFAULT_TIMEZONE, today)
    try:
        files = new_repo.files(identity, day.year)
    except new_repo.InitError as exc:
        return Outcome.failed(f"rkt: {exc}\n", 2)
    restarted = (target / UNFINISHED).is_file()
    failure = write_all(target, files)
    if failure:
        return Outcome.failed(failure, 2)
    result = validate(target, today=day)
    if not result.ok:  # a bug of ours: say so with the problems, the files stay for inspection
        return Outcome.failed(report.text(list(result.problems), result.files_checked) +
                              f"rkt: repositori baru di {target} belum lolos pemeriksaan; laporkan ke pengelola "
                              f"rkt-dashboard\n", 3)
    left = unfilled(result.repository.agency) + unfilled(result.repository.renstra)
    return Outcome.done(
        ("Pembuatan repositori sebelumnya terhenti sebelum selesai; isinya dihapus dan dibuat ulang.\n"
         if restarted else "") +
        f"Repositori RKT baru dibuat di {target} ({len(files)} berkas); pemeriksaan data lolos.\n"
        f"Masih ada {left} isian bertanda \"(isi ...)\". Langkah berikutnya:\n"
        f"  1. Isi cycles/agency.yaml: instansi, pegawai (nama, NIP, jabatan), unit kerja, peran.\n"
        f"  2. Isi cycles/renstra.yaml: tujuan, sasaran, indikator dan target Renstra.\n"
        f"  3. Periksa cycles/sop.yaml; sesuaikan bila SOP instansi berbeda.\n"
        f"  4. Buka siklus pertama: rkt -C {target} new-cycle TAHUN --start TTTT-BB-HH\n"
        f"Panduan lengkap: {target / 'docs/panduan/mulai.md'}\n")


def _flags_problem(name: str | None, government: str | None, city: str | None) -> str | None:
    """The first of --nama, --pemerintah, --kota that cannot go into agency.yaml, and why."""
    from generator.scaffold.init import flag_problem

    for flag, value in (("--nama", name), ("--pemerintah", government), ("--kota", city)):
        problem = flag_problem(flag, value)
        if problem:
            return problem
    return None
