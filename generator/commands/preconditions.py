"""What every command requires before it writes anything: a valid repository,
a known unit; and the check of what it wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import report
from generator.check.validate import Result, validate
from generator.core.calendar import today as today_in
from generator.core.problems import os_reason
from generator.source import atomic


def valid_repository(root: Path, today: dt.date | None) -> tuple[Result, dt.date] | str:
    result = validate(root, today=today)
    if not result.ok:
        return report.text(list(result.problems), result.files_checked) + \
            "Perintah dibatalkan karena data masih salah. Perbaiki kesalahan di atas, lalu jalankan lagi.\n"
    repo = result.repository
    return result, today_in(repo.agency.timezone if repo.agency else "Asia/Makassar", today)


def valid_unit(root: Path, unit: str, today: dt.date | None):
    """(result, today, unit) for a valid repository and a known unit, or (message, exit code)."""
    checked = valid_repository(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    u = result.repository.agency.unit(unit)
    if u is None:
        codes = ", ".join(x.code for x in result.repository.agency.units)
        return f"rkt: unit '{unit}' tidak ada di cycles/agency.yaml (yang ada: {codes})\n", 2
    return result, day, u


def check_written(root: Path, rel: str, today: dt.date | None) -> tuple[str, int]:
    result = validate(root, today=today)
    mine = [p for p in result.problems if p.file == rel]
    if any(p.is_error for p in mine):
        return report.text(mine, result.files_checked), 1
    return "", 0


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


def valid_cycle(root: Path, year: int, today: dt.date | None):
    """(result, today, the cycle's folder) for a valid repository that has the cycle of `year`,
    or (message, exit code)."""
    checked = valid_repository(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    folder = next((c for c in result.repository.cycles if c.year == year and c.cycle is not None), None)
    if folder is None:
        return f"rkt: siklus {year} tidak ada\n", 2
    return result, day, folder
