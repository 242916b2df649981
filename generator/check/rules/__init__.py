"""Cross-file rules: what the schemas cannot express.

Each rule is a small generator over the model that yields problems; `check`
runs them all, one module per family (agency, sop, renstra, cycles; a cycle's
forms, performance table and signed versions in their own; the performance year's
measurement settings, Rencana Aksi and quarterly reports in performance_*). A rule that needs a
file which is missing or invalid simply does not run (that file's own problems
are already reported), so one broken file never buries the rest under follow-on
errors. The order of the problems is the order of the families and, within
each, the order of the files: `rkt validate` prints them as found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from generator.check.rules.agency import LOGO_MAX_BYTES, NIP_PLACEHOLDER, agency_rules, nip_problem
from generator.check.rules.cycles import cycle_rules
from generator.check.rules.performance_measure import measurement_rules
from generator.check.rules.performance_year import performance_year_rules
from generator.check.rules.placeholders import placeholder_rules
from generator.check.rules.renstra import renstra_rules
from generator.check.rules.sakip import sakip_rules
from generator.check.rules.sop import sop_rules
from generator.core.model import Repository
from generator.core.problems import Problem

__all__ = ["LOGO_MAX_BYTES", "NIP_PLACEHOLDER", "RULES", "agency_rules", "check", "cycle_rules", "nip_problem",
           "placeholder_rules", "renstra_rules", "sop_rules"]

RULES: tuple[Callable[[Repository, dt.date, set[str]], Iterator[Problem]], ...] = (
    agency_rules,
    sop_rules,
    renstra_rules,
    cycle_rules,
    measurement_rules,  # how the performance year is measured (Renstra arah/agregasi, category scale)
    performance_year_rules,  # Rencana Aksi and quarterly reports
    sakip_rules,  # the SAKIP stages after the year (LKjIP, reviu, penyampaian, unggah)
    placeholder_rules,
)


def check(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    for rule in RULES:
        yield from rule(repo, today, files)
