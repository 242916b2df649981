"""Rules on the performance year's files of every cycle folder: the Rencana Aksi
(performance_plan) and the quarterly reports (performance_reports), each judged against the
year's compiled RKT, the Renstra, agency.yaml and the units' forms (performance_context)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check.rules.performance_context import year_context
from generator.check.rules.performance_plan import plan_rules
from generator.check.rules.performance_reports import report_rules
from generator.core.model import Repository
from generator.core.problems import Problem


def performance_year_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    for folder in repo.cycles:
        if not folder.year_files.plans and not folder.year_files.reports:
            continue
        ctx = year_context(repo, folder, today, files)
        yield from plan_rules(ctx)
        yield from report_rules(ctx)
