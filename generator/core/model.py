"""The repository as plain, typed, immutable data.

Built only from documents that passed their schema, so the builders can index
without checks. Every object knows where it came from (`at`: file and JSON
path), so rules and pages can point back at the exact line without ever
touching positions themselves.

The values live in reference.py (agency, SOP, Renstra), cycles.py (what a
cycle folder holds) and builders.py (from schema-valid data); this module is
the whole they make up, and the one place the rest of rkt imports them from.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.builders import (
    BUILDERS,
    build_agency,
    build_cycle,
    build_form,
    build_renstra,
    build_signed,
    build_sop,
)
from generator.core.cycles import (
    NO_BUDGET,
    Activity,
    Cycle,
    CycleFolder,
    Event,
    Form,
    PerformanceRow,
    Program,
    RecordedCalendar,
    SignedVersion,
    Signer,
    SubActivity,
    TargetRow,
    program_key,
)
from generator.core.problems import At
from generator.core.reference import (
    Agency,
    DayOverride,
    Goal,
    Indicator,
    Lane,
    Objective,
    Official,
    Person,
    Renstra,
    Role,
    Sop,
    Step,
    Unit,
)

__all__ = [
    "BUILDERS", "NO_BUDGET", "Activity", "Agency", "At", "Cycle", "CycleFolder", "DayOverride", "Event", "Form", "Goal",
    "Indicator", "Lane", "Objective", "Official", "PerformanceRow", "Person", "Program", "RecordedCalendar",
    "Renstra", "Repository", "Role", "SignedVersion", "Signer", "Sop", "Step", "SubActivity", "TargetRow", "Unit",
    "ValidRepository", "build_agency", "build_cycle", "build_form", "build_renstra", "build_signed", "build_sop",
    "program_key",
]


@dataclass(frozen=True, slots=True)
class Repository:
    """Everything read from cycles/; a reference file that failed its schema is None."""

    agency: Agency | None
    sop: Sop | None
    renstra: Renstra | None
    cycles: tuple[CycleFolder, ...]

    def complete(self) -> ValidRepository | None:
        """The same repository with its three reference files known, or None when one is missing."""
        if self.agency is None or self.sop is None or self.renstra is None:
            return None
        return ValidRepository(self.agency, self.sop, self.renstra, self.cycles)


@dataclass(frozen=True)
class ValidRepository:
    """A repository whose agency.yaml, sop.yaml and renstra.yaml passed their schemas: what
    every step after validation works with, none of its parts optional."""

    agency: Agency
    sop: Sop
    renstra: Renstra
    cycles: tuple[CycleFolder, ...]
