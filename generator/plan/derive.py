"""Derived state: everything computed from a valid repository and "today" before any
page or document is drawn (the working calendar, every cycle's status, every compiled RKT).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.core.calendar import WorkCalendar, work_calendar
from generator.core.model import CycleFolder, Repository, ValidRepository
from generator.plan import archive
from generator.plan.arrivals import arrivals as git_arrivals
from generator.plan.compile import CompiledRkt, compile_rkt
from generator.plan.performance import MeasuredYear, measured_year
from generator.plan.status import CycleStatus, cycle_status
from generator.source.gitrepo import require_git


class BuildError(Exception):
    """The data cannot be turned into a plan or a site (message in Indonesian)."""


@dataclass(frozen=True)
class Derived:
    """Everything computed from the model and "today", before any page is drawn."""

    today: dt.date
    folders: tuple[CycleFolder, ...]  # with a valid cycle.yaml, newest first
    cal: WorkCalendar
    statuses: dict[int, CycleStatus]
    compiled: dict[int, CompiledRkt]
    repo: ValidRepository
    measured: dict[int, MeasuredYear]  # the performance year (Rencana Aksi, reports, capaian) of every cycle


def derive(root: Path, repository: Repository, today: dt.date) -> Derived:
    require_git(root)
    repo = repository.complete()
    if repo is None:
        raise BuildError("agency.yaml, sop.yaml dan renstra.yaml harus valid untuk membangun dasbor")
    folders = tuple(sorted((c for c in repo.cycles if c.cycle is not None), key=lambda c: -c.year))
    years = {today.year}
    for c in folders:
        assert c.cycle is not None
        # a cycle recorded afterwards may have no start: its year and the one before it
        # the year after: the last quarter's report is due in January
        years.update(range(c.cycle.start.year if c.cycle.start else c.year - 1, c.year + 2))
    extra_off = {d.date: d.note for d in repo.agency.extra_holidays}
    cal = work_calendar(sorted(years), extra_off, [d.date for d in repo.agency.extra_workdays])
    arrived = git_arrivals(root, repo.agency.timezone)
    names = {u.code: u.name for u in repo.agency.units}
    # a signed cycle keeps the working days it was signed with (archive.calendar_for)
    statuses = {c.year: cycle_status(c, repo.sop, archive.calendar_for(c, repo.sop, cal), today, arrived, names)
                for c in folders}
    compiled = {c.year: compile_rkt(c, repo.agency, repo.renstra) for c in folders}
    measured = {c.year: measured_year(c, compiled[c.year], repo.agency, cal, today, arrived) for c in folders}
    return Derived(today, folders, cal, statuses, compiled, repo, measured)
