"""The LKjIP (Laporan Kinerja Instansi Pemerintah) of a year as plan values, in the structure of
PermenPAN-RB 53/2014: Ikhtisar Eksekutif; Bab I Pendahuluan; Bab II Perencanaan Kinerja (the
PK); Bab III Akuntabilitas Kinerja (A. capaian per sasaran with the comparisons the format asks
for, B. realisasi anggaran); Bab IV Penutup; Lampiran (the PK).

Every number and table comes from the repository (plan/performance.MeasuredYear of the year and
of the years before it, the Renstra, the forms' budgets, the quarterly reports' words); every
narrative part is the staff's Markdown (cycles/<year>/lkjip/<bagian>.md, read by
source/narrative.py), and a part nobody wrote stays marked as such, never filled with prose.

Pure functions of the derived state and the section texts; the files are drawn in documents/.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.core import target as tgt
from generator.core.capaian import Capaian, measure
from generator.core.cycles import program_key
from generator.core.lkjip import (
    BUDGET,
    CLOSING,
    EXECUTIVE_SUMMARY,
    INTRODUCTION,
    PLANNING,
    objective_section,
    section_file,
)
from generator.core.lkjip import sections as narrative_sections
from generator.core.model import Agency, CycleFolder, Indicator, Objective
from generator.core.year import QUARTER_NAMES, QUARTERS, MeasurementRules, quarter_end
from generator.plan.agreement import Agreement, agreement
from generator.plan.compile import NOT_FILLED, CompiledRkt, Letterhead, PerformanceRow
from generator.plan.derive import Derived
from generator.plan.performance import BudgetLine, IndicatorYear, MeasuredYear, QuarterCell, aggregated


@dataclass(frozen=True, slots=True)
class Narrative:
    """One part of the report the staff write: its file, its title, what to write in it, and the
    text written (None while nobody has: the draft marks the part, it never invents it)."""

    key: str  # "bab-1-pendahuluan": the file cycles/<year>/lkjip/<key>.md
    title: str  # "BAB I PENDAHULUAN"
    guidance: str  # what the staff must write here (Indonesian), shown where the text is missing
    file: str
    text: str | None  # Markdown as written; None when the file is absent or holds only the guidance

    @property
    def written(self) -> bool:
        return self.text is not None


@dataclass(frozen=True, slots=True)
class Cause:
    """What a unit wrote about an indicator in a quarter's report (faktor pendorong/penghambat,
    tindak lanjut): the raw material of the causes and solutions the LKjIP analyses."""

    quarter: int
    unit: str  # unit name as printed
    drivers: str | None
    obstacles: str | None
    follow_up: str | None


@dataclass(frozen=True, slots=True)
class EarlierYear:
    """An indicator in an earlier year the repository measured (None values: not measured)."""

    year: int
    target: str | None
    realised: str | None
    capaian: Capaian | None


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """One indicator of a sasaran in Bab III: the year against its target, against the years
    before it, against the Renstra's end-of-period target and a national standard where given."""

    number: str  # "1.2"
    indicator: Indicator
    satuan: str  # as printed ("" when the targets carry their unit)
    target: str  # the year's target as the PK/RKT prints it
    realised: str  # the year's realisation (all four quarters aggregated); "" when not measured
    capaian: Capaian | None  # the year's capaian; None until the year is measured
    quarters_in: tuple[int, ...]  # the quarters the realisation comes from (all four when complete)
    how: str  # the aggregation in words
    earlier: tuple[EarlierYear, ...]  # the earlier years of the Renstra period, oldest first
    renstra_year: int  # the last year of the Renstra period
    renstra_target: str | None  # its target that year
    renstra_capaian: Capaian | None  # the year's realisation against it
    standard: str | None  # a national standard (`standar` of the Renstra indicator), as written
    standard_source: str | None
    causes: tuple[Cause, ...]
    # the target `capaian` measures against: the year's (`target`) once every quarter is in, else the
    # reported quarters' target aggregated (the year so far: "50%" after TW III of a 65% year)
    capaian_target: str = ""


@dataclass(frozen=True, slots=True)
class ProgramResult:
    """A program's budget in the year: pagu, realisation over the four quarters, absorption."""

    code: str | None
    name: str
    units: tuple[str, ...]  # short names of the units that carry it
    budget: int | None  # pagu; None when a unit's amount is unknown
    spent: int | None  # realisation over the year; None when a quarter's is not reported
    absorption: Decimal | None  # spent / budget × 100
    indicators: tuple[str, ...]  # the indicator codes it carries (the Rencana Aksi's kegiatan links)


@dataclass(frozen=True, slots=True)
class ObjectiveResult:
    """One sasaran strategis in Bab III A: its indicators, the programs that carry them, and the
    staff's analysis of it."""

    number: int
    objective: Objective
    indicators: tuple[IndicatorResult, ...]
    programs: tuple[ProgramResult, ...]
    analysis: Narrative  # the causes of success or failure, solutions, efficiency, in the staff's words


@dataclass(frozen=True)
class Lkjip:
    """The LKjIP of a year, ready to be drawn as DOCX or PDF."""

    year: int
    letterhead: Letterhead
    agency_name: str
    signer_name: str
    signer_position: str
    signer_nip: str | None
    place: str
    rules: MeasurementRules
    executive_summary: Narrative
    introduction: Narrative  # Bab I: the organisation and its strategic issues
    planning: Narrative  # Bab II's words before the PK table
    agreement: Agreement | None  # the PK of the year (Bab II and the Lampiran); None: see `agreement_missing`
    agreement_missing: str | None
    objectives: tuple[ObjectiveResult, ...]  # Bab III A
    budget: tuple[ProgramResult, ...]  # Bab III B, per program
    budget_text: Narrative
    closing: Narrative  # Bab IV
    incomplete: tuple[str, ...]  # why the numbers are not final (a quarter not reported, ...), Indonesian

    @property
    def narratives(self) -> tuple[Narrative, ...]:
        return (self.executive_summary, self.introduction, self.planning,
                *(o.analysis for o in self.objectives), self.budget_text, self.closing)

    @property
    def draft(self) -> bool:
        """A draft until every number is final and every part is written."""
        return bool(self.incomplete) or not all(n.written for n in self.narratives)


# --- building it ------------------------------------------------------------------------------

def lkjip(year: int, derived: Derived, sections: Mapping[str, str | None]) -> Lkjip | str:
    """The LKjIP of `year` from the derived state and the staff's section texts (key -> the written
    text, None when not written: source/narrative.read_sections), or why none can be made
    (Indonesian, for the user)."""
    repo = derived.repo
    folder = next((f for f in derived.folders if f.year == year), None)
    if folder is None or year not in derived.compiled:
        return (f"siklus {year} belum ada (cycles/{year}/cycle.yaml): LKjIP melaporkan RKT, Rencana Aksi dan "
                f"laporan triwulan tahun itu")
    rkt, measured = derived.compiled[year], derived.measured[year]
    if not measured.has_plan:
        return (f"Rencana Aksi {year} belum ada (cycles/{year}/renaksi/): capaian kinerja yang dilaporkan LKjIP "
                f"diukur dari Rencana Aksi dan laporan triwulan; susun Rencana Aksi lebih dulu")
    if rkt.refusal is not None:
        return rkt.refusal
    head = repo.agency.person(repo.agency.head)
    if head is None:
        return ("cycles/agency.yaml tidak menyebut kepala instansi yang menandatangani LKjIP: isi 'kepala' di "
                "bawah 'instansi'")
    kop = rkt.kop(repo.agency)
    texts = _Texts(year, sections)
    programs = _programs(rkt, folder, measured)
    pk = agreement(folder, repo.agency, rkt, repo.sop)
    return Lkjip(
        year, kop, kop.name, head.name, head.position, head.nip, kop.city, measured.rules,
        texts.of(EXECUTIVE_SUMMARY), texts.of(INTRODUCTION), texts.of(PLANNING),
        pk if isinstance(pk, Agreement) else None, pk if isinstance(pk, str) else None,
        _objectives(year, derived, programs, texts), programs, texts.of(BUDGET), texts.of(CLOSING),
        _incomplete(year, derived))


_FIXED = {s.key: s for s in narrative_sections(())}  # the parts that do not depend on the Renstra


@dataclass(frozen=True)
class _Texts:
    year: int
    sections: Mapping[str, str | None]

    def of(self, key: str, objective: Objective | None = None) -> Narrative:
        section = objective_section(objective) if objective is not None else _FIXED[key]
        text = self.sections.get(section.key)
        return Narrative(section.key, section.title, section.guidance, section_file(self.year, section.key),
                         text if text and text.strip() else None)


def _objectives(year: int, derived: Derived, programs: tuple[ProgramResult, ...],
                texts: _Texts) -> tuple[ObjectiveResult, ...]:
    """Bab III A: every sasaran of the year's RKT with its indicators, numbered as the RKT numbers them."""
    measured = derived.measured[year]
    rows = {r.indicator.code: r for r in derived.compiled[year].performance}
    out: list[ObjectiveResult] = []
    for item in measured.indicators:
        number = int(item.number.split(".")[0])
        result = _indicator(item, rows[item.indicator.code], year, derived)
        if out and out[-1].objective.code == item.objective.code:
            out[-1] = replace(out[-1], indicators=out[-1].indicators + (result,))
        else:
            out.append(ObjectiveResult(number, item.objective, (result,), (), texts.of("", item.objective)))
    return tuple(replace(o, programs=tuple(p for p in programs
                                           if set(p.indicators) & {i.indicator.code for i in o.indicators}))
                 for o in out)


# --- one indicator -------------------------------------------------------------------------------

def _reported(item: IndicatorYear) -> list[QuarterCell]:
    return [c for c in item.cells if c.value is not None and c.target is not None]


def _unreported(item: IndicatorYear) -> list[int]:
    """The quarters with a target but no realisation (a "-" quarter has nothing to report)."""
    return [c.quarter for c in item.cells if c.target is not None and not c.target.is_none and c.value is None]


def _complete(item: IndicatorYear) -> bool:
    return item.planned is not None and bool(_reported(item)) and not _unreported(item)


def _realised(item: IndicatorYear) -> tgt.Target | None:
    """The reported quarters aggregated as the indicator says, as a value (the year's once complete)."""
    values = [c.value for c in _reported(item) if c.value is not None]
    return aggregated(values, item.indicator.aggregation) if values else None


def _text(value: tgt.Target | None) -> str:
    return value.text.strip() if value is not None else ""


def _year_capaian(item: IndicatorYear, rules: MeasurementRules) -> Capaian | None:
    """The year's capaian once every quarter with a target is reported (the measured year's own when
    all four are), else the year so far's."""
    if not _complete(item):
        return item.so_far.capaian
    if item.year is not None:
        return item.year
    realised = _realised(item)
    if realised is None or item.year_target == NOT_FILLED:
        return None
    return measure(realised, tgt.parse(item.year_target, item.indicator.unit_of_measure), item.indicator.direction,
                   rules)


def _indicator(item: IndicatorYear, row: PerformanceRow, year: int, derived: Derived) -> IndicatorResult:
    ind, rules = item.indicator, derived.measured[year].rules
    renstra = derived.repo.renstra
    end = ind.target(renstra.last_year)
    realised = _realised(item)
    renstra_capaian = None
    if realised is not None and end is not None:
        renstra_capaian = measure(realised, tgt.parse(end, ind.unit_of_measure), ind.direction, rules)
    satuan = "" if row.unit_in_target else ind.unit_of_measure or ""
    return IndicatorResult(
        item.number, ind, satuan, item.year_target, _text(realised), _year_capaian(item, rules),
        item.so_far.quarters, item.so_far.how, _earlier(ind, year, derived), renstra.last_year,
        None if end is None else str(end), renstra_capaian, ind.standard, ind.standard_source,
        _causes(item, derived.measured[year], derived.repo.agency),
        item.year_target if _complete(item) else item.so_far.target)


def _earlier(ind: Indicator, year: int, derived: Derived) -> tuple[EarlierYear, ...]:
    """The indicator in every year of the Renstra period before `year`: what the repository measured
    (a year with all its quarters reported), else the year's target alone, never a value made up."""
    out = []
    for y in range(derived.repo.renstra.first_year, year):
        typed = ind.target(y)
        measured = derived.measured.get(y)
        item = _item(measured, ind.code) if measured is not None else None
        if measured is None or item is None:
            out.append(EarlierYear(y, None if typed is None else str(typed), None, None))
        elif not _complete(item):
            out.append(EarlierYear(y, item.year_target, None, None))
        else:
            out.append(EarlierYear(y, item.year_target, _text(_realised(item)), _year_capaian(item, measured.rules)))
    return tuple(out)


def _item(measured: MeasuredYear, code: str) -> IndicatorYear | None:
    return next((i for i in measured.indicators if i.indicator.code == code), None)


def _causes(item: IndicatorYear, measured: MeasuredYear, agency: Agency) -> tuple[Cause, ...]:
    """What the unit's reports say about the indicator, quarter by quarter (reports without words left out)."""
    unit = agency.unit(item.unit or "")
    out = []
    for cell in item.cells:
        r = cell.realisation
        if r is not None and (r.drivers or r.obstacles or r.follow_up):
            out.append(Cause(cell.quarter, unit.name if unit else item.unit or "", r.drivers, r.obstacles,
                             r.follow_up))
    return tuple(out)


# --- programs -------------------------------------------------------------------------------------

def _programs(rkt: CompiledRkt, folder: CycleFolder, measured: MeasuredYear) -> tuple[ProgramResult, ...]:
    """Every program of the year's forms once (merged across units by its code, else its name): the
    units' pagu, spending over the four quarters and absorption; unknown stays unknown."""
    order: list[str] = []
    lines: dict[str, list[BudgetLine]] = {}
    for line in measured.budget:
        key = program_key(line.code, line.name)
        if key not in lines:
            order.append(key)
            lines[key] = []
        lines[key].append(line)
    carried = _carried(rkt, folder)
    shorts = {u.unit.code: u.unit.short for u in rkt.units}
    position = {r.indicator.code: n for n, r in enumerate(rkt.performance)}
    out = []
    for key in order:
        group = lines[key]
        budget = _sum([line.budget for line in group])
        spent = _sum([line.cumulative[3] for line in group])
        absorption = Decimal(spent) * 100 / Decimal(budget) if spent is not None and budget else None
        codes = sorted(carried.get(key, set()), key=lambda c: (position.get(c, len(position)), c))
        out.append(ProgramResult(group[0].code, group[0].name,
                                 tuple(dict.fromkeys(shorts.get(line.unit, line.unit) for line in group)),
                                 budget, spent, absorption, tuple(codes)))
    return tuple(out)


def _carried(rkt: CompiledRkt, folder: CycleFolder) -> dict[str, set[str]]:
    """Program key -> the indicator codes whose Rencana Aksi names one of its kegiatan or sub kegiatan
    (or the program itself) in the same unit's form."""
    forms = {u.form.unit: u.form for u in rkt.units if u.form is not None}
    out: dict[str, set[str]] = {}
    for plan in folder.year_files.plans:
        form = forms.get(plan.unit)
        if form is None:
            continue
        for planned in plan.indicators:
            for program in form.programs:
                codes = {program.code} | {a.code for a in program.activities} | \
                    {s.code for a in program.activities for s in a.subs}
                if codes & set(planned.activities):
                    out.setdefault(program.key, set()).add(planned.indicator)
    return out


def _sum(amounts: list[int | None]) -> int | None:
    return None if not amounts or None in amounts else sum(a for a in amounts if a is not None)


# --- what keeps the numbers from being final ---------------------------------------------------------

def _incomplete(year: int, derived: Derived) -> tuple[str, ...]:
    """Why the numbers are not the year's final ones, in Indonesian: a quarter not ended, a report not
    in, an indicator without Rencana Aksi or without its realisation, spending a report does not give."""
    measured, agency = derived.measured[year], derived.repo.agency
    running = [q for q in QUARTERS if quarter_end(year, q) >= derived.today]

    def name(code: str | None) -> str:
        unit = agency.unit(code or "")
        return unit.name if unit else code or ""

    def handed_in(unit: str | None, quarter: int) -> bool:
        state = measured.report(unit or "", quarter)
        return state is not None and state.report is not None

    out = [f"{QUARTER_NAMES[running[0]]} {year} belum berakhir"] if running else []
    out += [f"laporan {QUARTER_NAMES[r.quarter]} {name(r.unit)} belum ada" for r in measured.reports
            if r.report is None and r.quarter not in running]
    for item in measured.indicators:
        if item.planned is None:
            out.append(f"indikator {item.indicator.code} belum dimuat Rencana Aksi unit mana pun")
            continue
        absent = [q for q in _unreported(item) if handed_in(item.unit, q)]
        if absent:
            out.append(f"realisasi {', '.join(QUARTER_NAMES[q] for q in absent)} indikator {item.indicator.code} "
                       f"belum tercantum di laporan {name(item.unit)}")
    for line in measured.budget:
        absent = [q for q in QUARTERS if line.spent[q - 1] is None and handed_in(line.unit, q)]
        if absent:
            label = f"{line.code} {line.name}" if line.code else line.name
            out.append(f"realisasi anggaran {', '.join(QUARTER_NAMES[q] for q in absent)} program {label} belum "
                       f"tercantum di laporan {name(line.unit)}")
    return tuple(out)
