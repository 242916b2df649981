"""Reading one rule's findings out of a repository, and editing its files the way a clerk would."""

from __future__ import annotations

from pathlib import Path

from generator.check.validate import validate
from support.repos import TODAY


def problems(repo: Path, code: str) -> list[tuple[str, int, str, str]]:
    """(file, line, severity, message) of every problem with `code`."""
    return [(p.file, p.line, p.severity, p.message) for p in validate(repo, today=TODAY).problems if p.code == code]


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file (which must hold it) with `new`."""
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
