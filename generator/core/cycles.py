"""What a cycle folder (cycles/<year>/) holds, as typed data: the cycle and its event
log, the units' forms (performance table and program tree), and the signed versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.core.problems import At
from generator.core.sakip import SakipLog
from generator.core.year import YearFiles


@dataclass(frozen=True, slots=True)
class Event:
    index: int  # position in the log
    step: int
    date: dt.date
    by: str  # person code
    unit: str | None
    decision: str | None  # ya | tidak
    skipped: bool
    note: str | None
    evidence: str | None
    at: At


@dataclass(frozen=True, slots=True)
class Cycle:
    year: int
    start: dt.date | None  # `mulai`; None only for a cycle recorded after the fact without a known start
    required_units: tuple[str, ...]
    ceilings: tuple[tuple[str, int], ...]  # (unit, pagu)
    events: tuple[Event, ...]
    at: At
    dates_from_git: bool = True
    recorded: bool = False  # `dicatat_kemudian`: an archive entered after the fact

    def ceiling(self, unit: str) -> int | None:
        return next((v for u, v in self.ceilings if u == unit), None)


@dataclass(frozen=True, slots=True)
class TargetRow:
    indicator: str
    target: str | int
    note: str | None
    at: At
    description: str | None = None  # `uraian`: the indicator's text when the form was made (a Renstra revision shows)


@dataclass(frozen=True, slots=True)
class PerformanceRow:
    objective: str
    indicators: tuple[TargetRow, ...]
    at: At


@dataclass(frozen=True, slots=True)
class SubActivity:
    code: str
    name: str
    indicator: str
    target: str | int
    unit_of_measure: str | None
    budget: int | None  # `anggaran`; None when not given (unknown, never 0)
    responsible: str
    at: At

    @property
    def has_budget(self) -> bool:
        return self.budget is not None

    @property
    def known_budget(self) -> int:
        return self.budget or 0


# A pagu may be stated at any level: a program's or kegiatan's `anggaran` when the detail
# below it is not known yet, and a sub kegiatan may have no `anggaran` yet. A node's budget is
# its own amount when stated, else the sum of its children when every child's is known, else
# unknown (None): a total over parts some of which are unknown is unknown, never a partial sum
# printed as if it were the total. `has_budget` says whether any amount is stated at or below
# the node, `known_budget` what those amounts already add up to (a lower bound the rules use).
# Totals never count a stated amount and its children twice (check/rules checks that a
# stated amount equals its children's sum when all are known, and is never less than it).

NO_BUDGET = "belum ada anggaran"  # an unknown amount or total, as every output prints it (never "Rp 0")


def program_key(code: str | None, name: str) -> str:
    """What names a program across units and versions: its code, else its name (spacing and case aside)."""
    return code or " ".join(name.split()).casefold()


def _total(amount: int | None, children: tuple) -> int | None:
    if amount is not None:
        return amount
    if not children:
        return None
    # each child's budget read once: it is itself a sum of its children, all the way down
    total = 0
    for child in children:
        budget = child.budget
        if budget is None:
            return None
        total += budget
    return total


@dataclass(frozen=True, slots=True)
class Activity:
    code: str
    name: str
    indicator: str | None
    target: str | int | None
    subs: tuple[SubActivity, ...]
    at: At
    amount: int | None = None  # `anggaran` stated on the kegiatan itself

    @property
    def children(self) -> tuple[SubActivity, ...]:
        return self.subs

    @property
    def has_budget(self) -> bool:
        return self.amount is not None or any(s.has_budget for s in self.subs)

    @property
    def budget(self) -> int | None:
        return _total(self.amount, self.subs)

    @property
    def known_budget(self) -> int:
        return self.amount if self.amount is not None else sum(s.known_budget for s in self.subs)


@dataclass(frozen=True, slots=True)
class Program:
    code: str | None  # real tables often list a program without its code
    name: str
    indicator: str | None
    target: str | int | None
    activities: tuple[Activity, ...]
    at: At
    amount: int | None = None  # `anggaran` stated on the program itself

    @property
    def children(self) -> tuple[Activity, ...]:
        return self.activities

    @property
    def has_budget(self) -> bool:
        return self.amount is not None or any(a.has_budget for a in self.activities)

    @property
    def budget(self) -> int | None:
        return _total(self.amount, self.activities)

    @property
    def known_budget(self) -> int:
        return self.amount if self.amount is not None else sum(a.known_budget for a in self.activities)

    @property
    def label(self) -> str:
        """"5.03.02 Program Kepegawaian Daerah", or the name alone when it has no code."""
        return f"{self.code} {self.name}" if self.code else self.name

    @property
    def key(self) -> str:
        """What names the program across units: its code, else its name (spacing and case aside)."""
        return program_key(self.code, self.name)


@dataclass(frozen=True, slots=True)
class Form:
    year: int
    unit: str
    filled_on: dt.date | None
    author: str | None
    performance: tuple[PerformanceRow, ...]
    programs: tuple[Program, ...]
    at: At

    @property
    def total(self) -> int | None:
        """The form's total budget; None when a part of it is unknown (or it has no program)."""
        return _total(None, self.programs)

    @property
    def known_budget(self) -> int:
        """The amounts known so far (0 when none): a lower bound for the rules (the unit's
        ceiling), never a total to print (that is `total`)."""
        return sum(p.known_budget for p in self.programs)


@dataclass(frozen=True, slots=True)
class Signer:
    person: str | None
    position: str
    name: str
    nip: str
    rank: str | None = None  # `pangkat` as printed under the name, when the metadata records it


@dataclass(frozen=True, slots=True)
class RecordedParty:
    """Pihak kedua of a signed Perjanjian Kinerja as printed (`identitas.atasan`)."""

    name: str
    position: str
    rank: str | None
    nip: str | None  # a kepala daerah has none


@dataclass(frozen=True, slots=True)
class RecordedIdentity:
    """The letterhead and place a signed version printed (`identitas` of the signed metadata),
    so that a later change of agency.yaml never re-letters a signed year."""

    government: str
    name: str
    address: str
    city: str
    logo_sha256: str | None  # the logo printed; None: printed without a logo
    superior: RecordedParty | None = None  # pihak kedua (a Perjanjian Kinerja only)


@dataclass(frozen=True, slots=True)
class RecordedRenstra:
    """The Renstra a signed version was compiled from (`renstra` of the signed metadata)."""

    title: str
    first_year: int
    last_year: int


@dataclass(frozen=True, slots=True)
class RecordedCalendar:
    """The working days a signed cycle was computed with (`kalender` of the signed metadata)."""

    library: str  # version of the `holidays` package
    first: dt.date
    last: dt.date
    days_off: tuple[dt.date, ...]  # Monday-Friday days in [first, last] that were not working days
    workdays: tuple[dt.date, ...]  # Saturdays and Sundays in [first, last] that were working days


@dataclass(frozen=True, slots=True)
class SignedVersion:
    year: int
    version: int
    date: dt.date
    signer: Signer
    scan: str  # file name beside the metadata
    sha256: str
    # the commit whose content was printed for signing; "" for a Perjanjian Kinerja archived
    # without its RKT (`CycleFolder.agreement_only`): no commit of this repository printed it
    commit: str
    content_fingerprint: str | None
    note: str | None
    at: At
    # facts about the scan on disk, gathered at the I/O edge
    scan_path: str = ""
    scan_exists: bool = False
    scan_sha256: str | None = None
    scan_is_pdf: bool = False
    replaces: int | None = None  # `menggantikan`: the version this one revises
    calendar: RecordedCalendar | None = None
    # the recipe of `content_fingerprint` (`versi_sidik`); a fingerprint without one is version 1
    fingerprint_version: int = 1
    identity: RecordedIdentity | None = None  # None: signed before the identity was recorded
    renstra: RecordedRenstra | None = None  # None: signed before the Renstra was recorded


@dataclass(frozen=True, slots=True)
class CycleFolder:
    """Everything under cycles/<year>/."""

    year: int
    folder: str
    cycle: Cycle | None  # None when cycle.yaml is missing or invalid
    forms: tuple[Form, ...]
    signed: tuple[SignedVersion, ...]
    files: tuple[str, ...] = field(default=())  # every file present, for evidence links
    # signed Perjanjian Kinerja scans (signed/pk-<year>-v<n>), kept apart from the RKT's versions
    agreements: tuple[SignedVersion, ...] = field(default=())
    year_files: YearFiles = field(default=YearFiles())  # Rencana Aksi and quarterly reports
    # signed Rencana Aksi scans (signed/renaksi-<year>-v<n>), kept apart like the PK's
    action_plan_versions: tuple[SignedVersion, ...] = field(default=())
    sakip: SakipLog | None = None  # sakip.yaml: the SAKIP stages done after the year (None: absent or invalid)

    @property
    def agreement_only(self) -> bool:
        """A year of which only the signed Perjanjian Kinerja is archived (an agency that has its
        signed PK but not that year's RKT): signed/pk-<year>-v<n> files and nothing else, no cycle."""
        prefix = f"{self.folder}/signed/pk-"
        return bool(self.files) and all(f.startswith(prefix) for f in self.files)

    @property
    def all_signed(self) -> tuple[SignedVersion, ...]:
        """Every signed version of the folder: the RKT's, the PK's and the Rencana Aksi's."""
        return self.signed + self.agreements + self.action_plan_versions
