"""Write, then let the verdict decide: what a command writes into the repository (an imported
form or Renstra, a signed scan with its metadata and events) is checked by the same `validate`
that `rkt validate` runs, and every file is put back as it was when the verdict blames it.

One mechanism for every command that writes data, so that each says only what it blames and
how it explains a refusal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.check.validate import Result, validate
from generator.core.problems import Problem
from generator.source import atomic


@dataclass(frozen=True)
class Undone:
    """The verdict after the write, and the problems it was undone for; the files are as before."""

    result: Result
    blamed: list[Problem]


def errors(problem: Problem) -> bool:
    """Blame every error (warnings never undo a write)."""
    return problem.is_error


def write_checked(root: Path, writes: Mapping[Path, bytes | str], today: dt.date | None,
                  blamed: Callable[[Problem], bool] = errors) -> Undone | None:
    """Write `writes` (a new file is created, never overwritten), validate the repository, and
    when a problem is `blamed` put every file back (a new one removed); None: the writes stand."""
    before = {path: path.read_bytes() if path.exists() else None for path in writes}
    for path, data in writes.items():
        if before[path] is None:
            atomic.create(path, data)
        else:
            atomic.replace(path, data)
    after = validate(root, today=today)
    found = [p for p in after.problems if blamed(p)]
    if not found:
        return None
    for path, old in before.items():
        if old is None:
            path.unlink()
        else:
            atomic.replace(path, old)
    return Undone(after, found)
