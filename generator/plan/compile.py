"""The compiled RKT of a cycle: both tables of the agency's RKT, from all units' forms.

1. Performance (agency level): No | Sasaran | Indikator Kinerja | Target, numbered
   per sasaran, every Renstra indicator once. The target is the one the units agreed
   in their forms (after koreksi), not the Renstra's; the Renstra target is carried
   beside it so that outputs can show it where the two differ. An indicator whose
   responsible unit has not given a target is "belum diisi", never left out, and a
   plan with a required unit missing is a draft.
2. Per unit: Program / Kegiatan / Sub Kegiatan | Indikator | Target | Anggaran,
   with totals per kegiatan, program, unit and overall. Totals are derived,
   never typed; a pagu stated on a program or kegiatan counts once. An amount not
   given is unknown, never 0, and a total over parts some of which are unknown is
   unknown: it prints as NO_BUDGET ("belum ada anggaran"), never as a partial sum.

Several units may carry the same indicator. When their targets say the same thing it
is printed once; when they differ, each is printed with its unit (and check/rules warns),
because choosing one of them would be inventing the agreement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.core import target as tgt
from generator.core.cycles import RecordedIdentity
from generator.core.model import NO_BUDGET as NO_BUDGET  # "belum ada anggaran", as every output prints it
from generator.core.model import Agency, At, CycleFolder, Form, Indicator, Objective, Renstra, SignedVersion, Unit

NOT_FILLED = "belum diisi"
DRAFT = "DRAF"
LEVELS = ("Program", "Kegiatan", "Sub Kegiatan")


@dataclass(frozen=True, slots=True)
class UnitTarget:
    unit: str  # unit code
    label: str  # the unit's short name, as printed beside a target that units disagree on
    target: str | int  # as typed in the unit's form
    at: At


@dataclass(frozen=True, slots=True)
class PerformanceRow:
    objective: Objective
    indicator: Indicator
    renstra: str | int | None  # the Renstra target for the plan year; None when the Renstra omits the year
    agreed: tuple[UnitTarget, ...]  # the units' targets, in unit order
    pending: tuple[str, ...]  # responsible units (codes) whose form is not in yet

    def _read(self, typed: str | int) -> tgt.Target:
        return tgt.parse(typed, self.indicator.unit_of_measure)

    @property
    def distinct(self) -> tuple[UnitTarget, ...]:
        """The agreed targets that say different things (first of each)."""
        out: list[UnitTarget] = []
        for t in self.agreed:
            if not any(self._read(t.target).same_as(self._read(o.target)) for o in out):
                out.append(t)
        return tuple(out)

    @property
    def filled(self) -> bool:
        """Whether the row has a target to print: agreed by the units, or no target at all
        because the Renstra says "-" for the year and no unit set one."""
        return bool(self.agreed) or (not self.pending and self.renstra_says_none)

    @property
    def renstra_says_none(self) -> bool:
        return self.renstra is not None and self._read(self.renstra).is_none

    @property
    def target_text(self) -> str:
        """The Target cell: the agreed target as typed, each with its unit when units differ."""
        distinct = self.distinct
        if not distinct:
            return "-" if self.filled else NOT_FILLED
        if len(distinct) == 1:
            return str(distinct[0].target)
        return "; ".join(f"{t.target} ({t.label})" for t in distinct)

    @property
    def differs(self) -> bool:
        """Whether the agreed target is not the Renstra's (the Renstra value is then shown beside it)."""
        if not self.agreed or self.renstra is None:
            return False
        renstra = self._read(self.renstra)
        return any(not self._read(t.target).same_as(renstra) for t in self.agreed)

    @property
    def target_value(self) -> str | int:
        """The Target cell for a spreadsheet: a whole number stays a number."""
        distinct = self.distinct
        if len(distinct) == 1 and isinstance(distinct[0].target, int):
            return distinct[0].target
        return self.target_text

    @property
    def renstra_text(self) -> str:
        return "" if self.renstra is None else str(self.renstra)

    @property
    def unit_in_target(self) -> bool:
        """Whether every printed target carries its unit itself ("100%", "85 point", "BB", "-")."""
        shown = [t.target for t in self.distinct] or ([self.renstra] if self.renstra is not None else [])
        return bool(shown) and all(_carries_unit(tgt.parse(t)) for t in shown)


def _carries_unit(t: tgt.Target) -> bool:
    return t.unit_in_text or t.kind in (tgt.NONE, tgt.PREDICATE, tgt.TEXT)


@dataclass(frozen=True, slots=True)
class PerformanceGroup:
    """One sasaran of the performance table: one number, its cell spanning its indicators."""

    number: int
    objective: Objective
    rows: tuple[PerformanceRow, ...]


@dataclass(frozen=True, slots=True)
class UnitPlan:
    unit: Unit
    form: Form | None

    @property
    def total(self) -> int | None:
        """The unit's total budget; None when its form is not in or a part of it is unknown."""
        return self.form.total if self.form else None

    @property
    def known_budget(self) -> int:
        """The amounts known so far (0 when none): a lower bound, never a total to print (`total`)."""
        return self.form.known_budget if self.form else 0

    @property
    def has_programs(self) -> bool:
        return bool(self.form and self.form.programs)


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One line of a unit's program table, as every output (page, PDF, XLSX, CSV) lists it."""

    level: str  # Program | Kegiatan | Sub Kegiatan
    number: int | None  # programs are numbered within the unit
    code: str | None  # a program may have no code
    name: str
    indicator: str
    target: str | int | None
    unit_of_measure: str | None
    budget: int | None  # stated, or derived from the children; None when neither is there
    responsible: str
    stated: bool = False  # the amount was typed on this line (a pagu), not summed from below
    covered: bool = False  # a pagu stated above this line counts for it (its own amount may stay empty)

    @property
    def unknown_budget(self) -> bool:
        """Whether the Anggaran cell says "belum ada anggaran" (empty under a pagu stated above)."""
        return self.budget is None and not self.covered

    @property
    def label(self) -> str:
        """"5.03.02 Program Kepegawaian Daerah", or the name alone without a code."""
        return f"{self.code} {self.name}" if self.code else self.name

    @property
    def target_text(self) -> str:
        """The target as printed: "5 Dokumen" from 5 + Dokumen."""
        if self.target is None:
            return ""
        return f"{self.target} {self.unit_of_measure}" if self.unit_of_measure else str(self.target)


def plan_rows(form: Form) -> Iterator[PlanRow]:
    for i, p in enumerate(form.programs, start=1):
        yield PlanRow("Program", i, p.code, p.name, p.indicator or "", p.target, None,
                      p.budget, "", p.amount is not None)
        for k in p.activities:
            yield PlanRow("Kegiatan", None, k.code, k.name, k.indicator or "", k.target, None,
                          k.budget, "", k.amount is not None, p.amount is not None)
            for s in k.subs:
                yield PlanRow("Sub Kegiatan", None, s.code, s.name, s.indicator, s.target, s.unit_of_measure,
                              s.budget, s.responsible, s.budget is not None,
                              p.amount is not None or k.amount is not None)


def group_nip(nip: str) -> str:
    """NIP as printed: 18 digits grouped 8-6-1-3 (birth date, appointment, sex, serial)."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block: "Paringin, 3 Desember 2026", jabatan, name, pangkat, NIP."""

    place: str
    date: dt.date | None  # the signing date of the signed version; None: written by hand
    year: int  # the year the RKT is prepared (the cycle's start), for a date left blank
    position: str
    region: str  # "Kabupaten Balangan", the line under the jabatan
    name: str
    rank: str | None  # pangkat/golongan
    nip: str

    @property
    def nip_line(self) -> str:
        return f"NIP. {group_nip(self.nip)}"

    def place_date(self, date_text: str | None = None) -> str:
        """`date_text` is the signing date as words (fmt.date_id; Babel stays out of this module)."""
        if self.date is not None and date_text:
            return f"{self.place}, {date_text}"
        return f"{self.place}, ...................... {self.year}"


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The kop as printed: the signed version's recorded identity for a signed year (never
    agency.yaml as it is now), else agency.yaml's. `refusal` says (Indonesian) why a signed
    year cannot be printed again exactly as signed (its logo or its Renstra is no longer here)."""

    government: str  # "Pemerintah Kabupaten Balangan"
    name: str
    address: str
    city: str
    logo: bytes | None = field(default=None, repr=False)
    refusal: str | None = None

    @staticmethod
    def of(agency: Agency) -> Letterhead:
        return Letterhead(agency.government, agency.name, agency.address, agency.city, agency.logo_data or None)


@dataclass(frozen=True, slots=True)
class CompiledRkt:
    year: int
    performance: tuple[PerformanceRow, ...]
    units: tuple[UnitPlan, ...]
    signature: Signature | None = None  # None when agency.yaml names no head
    letterhead: Letterhead | None = None  # a signed year's recorded kop; None: agency.yaml's
    # why the signed version cannot be compiled again from today's Renstra (another period); None: it can
    renstra_refusal: str | None = None

    def kop(self, agency: Agency) -> Letterhead:
        """The plan's letterhead: a signed year's as it was signed, else agency.yaml's as it is now."""
        return self.letterhead or Letterhead.of(agency)

    @property
    def refusal(self) -> str | None:
        """Why this signed year cannot be printed again exactly as signed (Indonesian); None: it can."""
        return (self.letterhead.refusal if self.letterhead else None) or self.renstra_refusal

    @property
    def total(self) -> int | None:
        """The plan's total budget over the units the program section lists; None when one of
        them is unknown (a form not in yet, an amount not given) or there is none."""
        totals = [u.total for u in self.program_units]
        if not totals or None in totals:
            return None
        return sum(t for t in totals if t is not None)

    @property
    def known_budget(self) -> int:
        """The amounts known so far (0 when none): a lower bound, never a total to print (`total`)."""
        return sum(u.known_budget for u in self.units)

    @property
    def missing(self) -> tuple[Unit, ...]:
        return tuple(u.unit for u in self.units if u.form is None)

    @property
    def draft(self) -> bool:
        """A plan is a draft until every required unit's form is in."""
        return bool(self.missing)

    @property
    def has_programs(self) -> bool:
        return any(u.has_programs for u in self.units)

    @property
    def program_units(self) -> tuple[UnitPlan, ...]:
        """The units the program section lists: those with programs, and those not in yet."""
        return tuple(u for u in self.units if u.has_programs or u.form is None)

    @property
    def program_heading(self) -> str:
        """"Program / Kegiatan / Sub Kegiatan", down to the deepest level the plan has."""
        levels = {row.level for u in self.units if u.form for row in plan_rows(u.form)}
        return " / ".join(x for x in LEVELS if x in levels) or LEVELS[0]

    @property
    def program_title(self) -> str:
        """The section title: "Program, Kegiatan dan Sub Kegiatan" (as deep as the plan goes)."""
        levels = self.program_heading.split(" / ")
        return levels[0] if len(levels) == 1 else ", ".join(levels[:-1]) + " dan " + levels[-1]

    @property
    def shows_program_indicator(self) -> bool:
        """Whether any program line has an indicator or a target (a pagu-only plan has neither)."""
        return any(row.indicator or row.target is not None
                   for u in self.units if u.form for row in plan_rows(u.form))

    @property
    def draft_note(self) -> str:
        names = ", ".join(u.name for u in self.missing)
        return (f"Form RKT belum diserahkan: {names}. Target indikator unit tersebut tertulis '{NOT_FILLED}'. "
                f"Dokumen ini draf sampai semua unit wajib menyerahkan Form RKT.")

    @property
    def sub_activity_count(self) -> int:
        return sum(len(k.subs) for u in self.units if u.form for p in u.form.programs for k in p.activities)

    @property
    def groups(self) -> tuple[PerformanceGroup, ...]:
        out: list[PerformanceGroup] = []
        for row in self.performance:
            if out and out[-1].objective.code == row.objective.code:
                out[-1] = PerformanceGroup(out[-1].number, out[-1].objective, out[-1].rows + (row,))
            else:
                out.append(PerformanceGroup(len(out) + 1, row.objective, (row,)))
        return tuple(out)

    # Optional columns of the performance table: printed only when the data has them.
    @property
    def shows_unit_of_measure(self) -> bool:
        return any(r.indicator.unit_of_measure and not r.unit_in_target for r in self.performance)

    @property
    def shows_formula(self) -> bool:
        return any(r.indicator.formula for r in self.performance)

    @property
    def shows_renstra(self) -> bool:
        return any(r.differs for r in self.performance)

    def performance_columns(self) -> PerformanceColumns:
        """The performance table's columns, decided once for the whole table (each decision reads
        every row: asked again for each row, a table of n rows would cost n² target readings)."""
        return PerformanceColumns(self.shows_unit_of_measure, self.shows_renstra, self.shows_formula)

    def performance_headers(self) -> list[str]:
        return self.performance_columns().headers


@dataclass(frozen=True, slots=True)
class PerformanceColumns:
    """Which optional columns the performance table prints, and each row's cells in that layout."""

    unit_of_measure: bool  # a Satuan column, when a target does not carry its unit itself
    renstra: bool  # a Target Renstra column, when an agreed target is not the Renstra's
    formula: bool  # a Cara Pengukuran column, when an indicator says how it is measured

    @property
    def headers(self) -> list[str]:
        return (["No", "Sasaran", "Indikator Kinerja"] + (["Satuan"] if self.unit_of_measure else [])
                + ["Target"] + (["Target Renstra"] if self.renstra else [])
                + (["Cara Pengukuran"] if self.formula else []))

    def cells(self, row: PerformanceRow) -> list[str]:
        """The cells of one indicator after No and Sasaran, in `headers` order."""
        return ([row.indicator.description]
                + ([row.indicator.unit_of_measure or ""] if self.unit_of_measure else [])
                + [row.target_text] + ([row.renstra_text if row.differs else ""] if self.renstra else [])
                + ([row.indicator.formula or ""] if self.formula else []))


def _performance(folder: CycleFolder, renstra: Renstra, units: tuple[UnitPlan, ...]) -> tuple[PerformanceRow, ...]:
    submitted = {p.unit.code for p in units if p.form is not None}
    required = [p.unit.code for p in units]
    agreed: dict[str, list[UnitTarget]] = {}
    for plan in units:
        if plan.form is None:
            continue
        for row in plan.form.performance:
            for t in row.indicators:
                agreed.setdefault(t.indicator, []).append(UnitTarget(plan.unit.code, plan.unit.short, t.target, t.at))
    # An indicator shared by several units is answered when one of them gives its target
    # (check/rules warns when a submitted plan leaves one unanswered).
    return tuple(PerformanceRow(obj, ind, ind.target(folder.year), tuple(agreed.get(ind.code, ())),
                                tuple(u for u in required if u in ind.units and u not in submitted))
                 for obj, ind in renstra.indicators())


def _signature(folder: CycleFolder, agency: Agency) -> Signature | None:
    assert folder.cycle is not None
    signed = _newest_signed(folder)
    head = agency.person(agency.head)
    region = agency.government.replace("Pemerintah ", "")
    if signed is not None:
        s, identity = signed.signer, signed.identity
        if identity is not None:  # as signed: the place, region and rank it printed
            return Signature(identity.city, signed.date, signed.date.year, s.position,
                             identity.government.replace("Pemerintah ", ""), s.name, s.rank, s.nip)
        person = agency.person(s.person) if s.person else None  # signed before the identity was recorded
        return Signature(agency.city, signed.date, signed.date.year, s.position, region, s.name,
                         s.rank or (person.rank if person else None), s.nip)
    if head is None:
        return None
    # the year the RKT is prepared: its cycle's start, else (recorded afterwards without one) the year before
    year = folder.cycle.start.year if folder.cycle.start is not None else folder.year - 1
    return Signature(agency.city, None, year, head.position, region, head.name, head.rank,
                     head.nip)


def _newest_signed(folder: CycleFolder) -> SignedVersion | None:
    verified = [v for v in folder.signed if v.scan_exists and v.scan_sha256 == v.sha256]
    return max(verified, key=lambda v: v.version, default=None)


def recorded_letterhead(identity: RecordedIdentity, agency: Agency, what: str) -> Letterhead:
    """The kop a signed version printed (`what`: "RKT 2026 versi 1"), with today's logo only when it
    is the very logo printed; a logo changed since cannot be printed again, so `refusal` says so."""
    logo, refusal = None, None
    if identity.logo_sha256 is not None:
        if agency.logo_data and hashlib.sha256(agency.logo_data).hexdigest() == identity.logo_sha256:
            logo = agency.logo_data
        else:
            refusal = (f"logo instansi sudah berganti sejak {what} ditandatangani, jadi kop yang ditandatangani "
                       f"tidak dapat dicetak ulang dengan tepat. Pakai pindaian bertanda tangan yang diarsipkan "
                       f"sebagai salinannya")
    return Letterhead(identity.government, identity.name, identity.address, identity.city, logo, refusal)


def renstra_refusal(signed: SignedVersion, renstra: Renstra) -> str | None:
    """Why a signed version cannot be compiled again from today's Renstra: it was compiled from one
    of another period (a new period's file replaced it). None: the same period (a change of its
    content is the fingerprint's to find, RKT219)."""
    was = signed.renstra
    if was is None:
        if renstra.first_year <= signed.year <= renstra.last_year:
            return None
        period = "Renstra periode sebelumnya"
    elif (was.first_year, was.last_year) == (renstra.first_year, renstra.last_year):
        return None
    else:
        period = f"Renstra '{was.title}' ({was.first_year}-{was.last_year})"
    return (f"RKT {signed.year} versi {signed.version} disusun dari {period}, sedangkan cycles/renstra.yaml "
            f"sekarang memuat Renstra periode {renstra.first_year}-{renstra.last_year}; isinya tidak dapat "
            f"dicetak ulang dengan tepat. Pakai pindaian bertanda tangan yang diarsipkan sebagai salinannya")


def _letterhead(folder: CycleFolder, agency: Agency) -> Letterhead | None:
    """The kop of the plan as the newest verified signed version printed it, when it recorded it;
    None: agency.yaml's, as the document is drawn."""
    signed = _newest_signed(folder)
    if signed is None or signed.identity is None:
        return None
    return recorded_letterhead(signed.identity, agency, f"RKT {signed.year} versi {signed.version}")


def compile_rkt(folder: CycleFolder, agency: Agency, renstra: Renstra) -> CompiledRkt:
    assert folder.cycle is not None
    forms = {f.unit: f for f in folder.forms}
    units = tuple(UnitPlan(agency.unit(code) or Unit(code, code, code, "", folder.cycle.at), forms.get(code))
                  for code in folder.cycle.required_units)
    signed = _newest_signed(folder)
    return CompiledRkt(folder.year, _performance(folder, renstra, units), units, _signature(folder, agency),
                       _letterhead(folder, agency), renstra_refusal(signed, renstra) if signed else None)
