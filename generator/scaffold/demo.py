"""`rkt demo FOLDER`: the example cycles replayed as a Git history, as the SOP happens.

The example in cycles/ takes its dates from the form files (`tanggal_dari_git: false`),
so a site built from it cannot show what this tool derives from Git: the day each form
was merged, who submitted it and who approved it. The demo writes a repository whose
history is the example happening: the planning section opens each cycle, every event is
committed by its pelaksana on its date, each unit's form is committed on a branch of its
own by the Kabid/Kasubbag who wrote it and merged (`git merge --no-ff`, as GitHub does)
by the reviewer on a working day, the Sekretaris's rejection is answered by a revised
form, and the signed scan is archived with `rkt sign`. Its cycles take their dates from
Git, and the site is built into FOLDER/site.

Deterministic: the example's own dates at fixed hours in the agency's time zone, the
people of agency.yaml as authors, no signing, git's user and system configuration shut
out. The same tool version gives the same commit ids and the same site. "Today" for the
build is fixed (DEMO_TODAY), or SOURCE_DATE_EPOCH, or `--today`; the history is replayed
up to that day, so an earlier date shows a cycle half way.

The plan (`demo_plan.plan`, its steps in `demo_steps`, the texts it edits in `demo_texts`) is a
pure function of the example; `replay` here runs it with `git`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.scaffold.demo_plan import plan
from generator.scaffold.demo_steps import Change, Commit, DemoError, PullRequest, Signing, Step, Who
from generator.scaffold.init import TOOL
from generator.source import atomic, gitrepo

DEMO_TODAY = dt.date(2026, 11, 28)
SITE = "site"

__all__ = ["DEMO_TODAY", "SITE", "Demo", "DemoError", "Signer", "create", "replay"]

# `rkt sign` as the demo uses it (the command layer passes its own: the demo signs as a user would):
# (folder, year, scan, signed on, role, note, today) -> None when signed, else what it said.
Signer = Callable[[Path, int, Path, dt.date, str, str | None, dt.date], str | None]


@dataclass(frozen=True)
class Demo:
    folder: Path
    today: dt.date
    commits: int
    pull_requests: int


def create(folder: Path, sign: Signer, today: dt.date | None = None) -> Demo:
    """Write the demo repository into `folder` (new or empty) with its history up to `today`
    (default: SOURCE_DATE_EPOCH's day, else DEMO_TODAY); the site is built by the caller."""
    from generator.check.validate import validate
    from generator.core.calendar import DEFAULT_TIMEZONE

    day = today or _epoch_day(DEFAULT_TIMEZONE) or DEMO_TODAY
    # the example is checked as of the day it was written for (an earlier day replays part of it)
    result = validate(TOOL, today=max(day, DEMO_TODAY))
    if not result.ok:
        raise DemoError(f"data contoh di {TOOL / 'cycles'} tidak lolos pemeriksaan; jalankan 'rkt -C {TOOL} validate'")
    steps = plan(result.repository, day)
    replay(folder, steps, sign)
    commits = int(_git(folder, "rev-list", "--count", "HEAD").strip())
    return Demo(folder, day, commits, sum(isinstance(s, PullRequest) for s in steps))


def _epoch_day(timezone: str) -> dt.date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), ZoneInfo(timezone)).date() if epoch.isdigit() else None


def replay(folder: Path, steps: list[Step], sign: Signer) -> None:
    """Run the plan in `folder` (new or empty): a repository on branch main."""
    if shutil.which("git") is None:
        raise DemoError("perintah 'git' tidak ditemukan; pasang Git (Debian/Ubuntu: apt-get install git) lalu "
                        "jalankan lagi")
    folder.mkdir(parents=True, exist_ok=True)
    _git(folder, "init", "-q", "-b", "main")
    for step in steps:
        if isinstance(step, Commit):
            _commit(folder, step)
        elif isinstance(step, PullRequest):
            _git(folder, "checkout", "-q", "-b", step.branch)
            _commit(folder, step.commit)
            _git(folder, "checkout", "-q", "main")
            _git(folder, "merge", "-q", "--no-ff", "-m",
                 f"Gabungkan pull request #{step.number} dari cabang {step.branch}\n\n{step.commit.message}",
                 step.branch, person=step.reviewer, when=step.merged)
            _git(folder, "branch", "-q", "-d", step.branch)
        else:
            _sign(folder, step, sign)


def _git(folder: Path, *args: str, person: Who | None = None, when: dt.datetime | None = None) -> str:
    try:
        return gitrepo.isolated(folder, *args, author=(person.name, person.email) if person else None,
                                when=when.isoformat() if when else None)
    except gitrepo.GitError as exc:
        raise DemoError(f"git {' '.join(args[:2])} gagal di {folder}: {exc}") from None


def _apply(folder: Path, changes: tuple[Change, ...]) -> None:
    for change in changes:
        path = folder / change.path
        if change.event:
            text = path.read_text(encoding="utf-8")
            if text.rstrip().endswith("peristiwa: []"):  # the first event of the cycle
                text = text.rstrip()[:-len(" []")] + "\n"
            atomic.replace(path, text.encode("utf-8") + change.data)
        else:
            atomic.replace(path, change.data)


def _commit(folder: Path, commit: Commit) -> None:
    _apply(folder, commit.changes)
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", commit.message, person=commit.who, when=commit.when)


def _sign(folder: Path, step: Signing, sign: Signer) -> None:
    failed = sign(folder, step.year, step.scan, step.signed_on, step.role, step.note, step.when.date())
    if failed is not None:
        raise DemoError(f"rkt sign {step.year} gagal dalam repositori contoh:\n{failed}")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", f"Arsipkan RKT {step.year} bertanda tangan", person=step.who, when=step.when)
