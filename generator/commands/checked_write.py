"""Write, then let the verdict decide: what a command writes into the repository (an imported
form or Renstra, a signed scan with its metadata and events) is checked by the same `validate`
that `rkt validate` runs, and every file is put back as it was when the verdict blames it.

All or nothing, even when the process is killed halfway: the files go through one journal
(`source/transaction`), and every writing command first ends what an earlier, killed run
left (`recovering`, called once for every command by `guard.run_in`), saying so in one line.

One mechanism for every command that writes data, so that each says only what it blames and
how it explains a refusal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.check.validate import Result, validate
from generator.commands.outcome import Outcome
from generator.core.problems import Problem
from generator.source import transaction


@dataclass(frozen=True)
class Undone:
    """The verdict after the write, and the problems it was undone for; the files are as before."""

    result: Result
    blamed: list[Problem]


def errors(problem: Problem) -> bool:
    """Blame every error (warnings never undo a write)."""
    return problem.is_error


def write_checked(root: Path, writes: Mapping[Path, bytes | str], today: dt.date | None,
                  blamed: Callable[[Problem], bool] = errors, command: str = "rkt") -> Undone | None:
    """Write `writes` together (a new file is created, never overwritten), validate the repository,
    and when a problem is `blamed` put every file back (a new one removed); None: the writes stand.
    `command` names the run in the message of a later recovery."""
    verdict: list[Undone] = []

    def accept() -> bool:
        after = validate(root, today=today)
        found = [p for p in after.problems if blamed(p)]
        if found:
            verdict.append(Undone(after, found))
        return not found

    transaction.write(root, writes, command, accept)
    return verdict[0] if verdict else None


def recovering(root: Path, command: Callable[[], Outcome]) -> Outcome:
    """Run `command` after ending any write that an earlier run left half done (completed ones
    stand, the others are undone), with one line on stderr for each."""
    notes = transaction.recover(root)
    outcome = command()
    if not notes:
        return outcome
    return dataclasses.replace(outcome, err="".join(f"rkt: {note}\n" for note in notes) + outcome.err)
