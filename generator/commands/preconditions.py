"""What every command requires before it writes anything: a valid repository, a known unit,
an existing cycle; and the check of what it wrote.

Each requirement gives what the command works with once it holds (`Valid`, `ValidUnit`,
`ValidCycle`), or the `Outcome` that ends the command when it does not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.check import report
from generator.check.validate import Result, validate
from generator.commands.outcome import Outcome
from generator.core.calendar import today as today_in
from generator.core.model import Cycle, CycleFolder, Unit, ValidRepository
from generator.core.problems import os_reason
from generator.source import atomic


@dataclass(frozen=True)
class Valid:
    """A repository without errors: its validation, "today" in its time zone, its model."""

    result: Result
    today: dt.date
    repo: ValidRepository


@dataclass(frozen=True)
class ValidUnit(Valid):
    unit: Unit


@dataclass(frozen=True)
class ValidCycle(Valid):
    folder: CycleFolder  # cycles/<year>/
    cycle: Cycle  # its cycle.yaml


def valid_repository(root: Path, today: dt.date | None) -> Valid | Outcome:
    result = validate(root, today=today)
    repo = result.repository.complete() if result.ok else None
    if repo is None:  # a valid repository has its three reference files
        return Outcome.failed(report.text(list(result.problems), result.files_checked) +
                              "Perintah dibatalkan karena data masih salah. Perbaiki kesalahan di atas, lalu "
                              "jalankan lagi.\n", 1)
    return Valid(result, today_in(repo.agency.timezone, today), repo)


def valid_unit(root: Path, unit: str, today: dt.date | None) -> ValidUnit | Outcome:
    """A valid repository that has `unit`."""
    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    u = checked.repo.agency.unit(unit)
    if u is None:
        codes = ", ".join(x.code for x in checked.repo.agency.units)
        return Outcome.failed(f"rkt: unit '{unit}' tidak ada di cycles/agency.yaml (yang ada: {codes})\n", 2)
    return ValidUnit(checked.result, checked.today, checked.repo, u)


def valid_cycle(root: Path, year: int, today: dt.date | None) -> ValidCycle | Outcome:
    """A valid repository that has the cycle of `year`."""
    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    folder = next((c for c in checked.repo.cycles if c.year == year and c.cycle is not None), None)
    if folder is None or folder.cycle is None:
        return Outcome.failed(f"rkt: siklus {year} tidak ada\n", 2)
    return ValidCycle(checked.result, checked.today, checked.repo, folder, folder.cycle)


def check_written(root: Path, rel: str, today: dt.date | None) -> str | None:
    """The report of the file just written at `rel` when it has an error (its warnings too), else None."""
    result = validate(root, today=today)
    mine = [p for p in result.problems if p.file == rel]
    if any(p.is_error for p in mine):
        return report.text(mine, result.files_checked)
    return None


def write_out(path: Path, data: bytes) -> str | None:
    """Write an output file the user asked for (replacing it); a message when that fails."""
    try:
        atomic.replace(path, data)
    except OSError as exc:
        return f"rkt: {path} tidak dapat ditulis ({os_reason(exc)})\n"
    return None


def write_new(path: Path, text: str) -> str | None:
    """Create a file that must not exist yet; a message when it exists or cannot be written."""
    try:
        atomic.create(path, text.encode("utf-8"))
    except FileExistsError:
        return f"rkt: {path} sudah ada; tidak ditimpa\n"
    except OSError as exc:
        return f"rkt: {path} tidak dapat ditulis ({os_reason(exc)})\n"
    return None


def new_folder_refusal(target: Path, command: str, allowed: frozenset[str] = frozenset()) -> str | None:
    """Why `target` cannot receive a new repository made by `command`, or None: only a new or
    empty folder (apart from `allowed` names, e.g. the .git of a fresh clone), so nothing is overwritten."""
    if not target.exists() and not target.is_symlink():
        return None
    if not target.is_dir():
        return f"rkt: {target} sudah ada dan bukan folder; pilih nama folder baru\n"
    try:
        present = sorted(p.name for p in target.iterdir() if p.name not in allowed)
    except OSError as exc:
        return f"rkt: folder {target} tidak dapat dibaca ({os_reason(exc)})\n"
    if present:
        shown = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        return (f"rkt: folder {target} tidak kosong (berisi {shown}); '{command}' hanya mengisi folder baru "
                f"atau kosong agar tidak menimpa apa pun. Pilih folder lain.\n")
    return None
