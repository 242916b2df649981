"""What happens in the demo repository, as values: who makes a change, the changes, and the three
kinds of step the replay runs (a commit, a pull request merged by its reviewer, a `rkt sign`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.core.model import Person


class DemoError(Exception):
    """The example cannot be replayed (message in Indonesian): a bug of ours or a broken checkout."""


@dataclass(frozen=True)
class Who:
    name: str
    email: str


@dataclass(frozen=True)
class Change:
    path: str
    data: bytes
    event: bool = False  # append `data` as an item of the cycle's `peristiwa` list


@dataclass(frozen=True)
class Commit:
    """One commit on the current branch."""

    when: dt.datetime
    who: Who
    message: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class PullRequest:
    """One commit on a branch of its own, merged into main with --no-ff by the reviewer."""

    number: int
    branch: str
    commit: Commit
    merged: dt.datetime
    reviewer: Who

    @property
    def when(self) -> dt.datetime:
        return self.commit.when


@dataclass(frozen=True)
class Signing:
    """`rkt sign` run on the archiving day (scan, metadata, event), committed by the recorder."""

    when: dt.datetime
    who: Who
    year: int
    scan: Path
    signed_on: dt.date
    role: str
    note: str | None



Step = Commit | PullRequest | Signing


def who(person: Person) -> Who:
    email = f"{person.github}@users.noreply.github.com" if person.github else f"{person.code}@contoh.invalid"
    return Who(person.name, email)

