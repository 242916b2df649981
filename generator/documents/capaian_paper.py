"""The capaian of a year so far as a printed document (A4 landscape), set by the one document engine
(`typeset`): the agency's letterhead (the RKT's); A. the capaian table as LKjIP Bab III prints it
(`No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)`, grouped under each sasaran),
each row with its category and the formula written out with its numbers, so that a reader can
recompute it by hand; B. the quarterly monitoring of every indicator (target, realisation and
capaian TW I–IV, with who is responsible); C. the budget realised per program and quarter with its
serapan (Permendagri 86/2017); the head's signature.

Nothing unknown prints as a number: a quarter not ended is "belum berakhir", an ended quarter not
reported "belum dilaporkan", an indicator no Rencana Aksi carries "belum ada di Rencana Aksi";
and a document with a missing report or plan is a DRAF saying why. `capaian_xlsx` prints the same
paper as a workbook.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.core.capaian import Capaian, decimal_text, percent_text
from generator.core.model import Agency
from generator.core.year import DOWN_RATIO, QUARTER_NAMES, QUARTERS, MeasurementRules
from generator.documents import typeset as ts
from generator.documents.provenance import Source
from generator.documents.rkt_pdf import kop, signature_block
from generator.documents.unfilled import mark_unfilled
from generator.documents.year_paper import (
    MISSING_PLAN,
    NONE,
    NOT_ENDED,
    NOT_REPORTED,
    draft_note,
    footer,
    head_signature,
    letterhead,
)
from generator.plan.compile import DRAFT, NO_BUDGET, CompiledRkt, Letterhead, Signature
from generator.plan.performance import LATE_MISSING, WAITING, BudgetLine, IndicatorYear, MeasuredYear, QuarterCell

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class CapaianLine:
    """One indicator in the LKjIP Bab III table (texts as printed)."""

    group: int  # the sasaran's number
    objective: str
    number: str  # "5.2"
    indicator: str
    unit: str  # satuan
    target: str  # the year's target (RKT/PK)
    target_so_far: str  # the target of the quarters measured, aggregated as the realisation
    realised: str
    capaian: str  # "100,00%", "belum tercapai", or NONE
    category: str
    working: str  # the formula with its numbers, or why there is none
    pending: bool  # set apart: not (yet) known


@dataclass(frozen=True)
class QuarterLine:
    """One line of an indicator in the quarterly monitoring: its targets, realisations or capaian."""

    number: str
    indicator: str
    label: str  # "Target", "Realisasi", "Capaian"
    cells: tuple[str, ...]  # TW I–IV
    responsible: str  # unit and person


@dataclass(frozen=True)
class SpendingLine:
    """One line of a program in the budget monitoring: planned, realised or serapan per quarter."""

    number: int
    program: str
    unit: str
    budget: int | None  # pagu; None: unknown
    label: str
    cells: tuple[int | str, ...]  # TW I–IV: amounts, or texts ("70,52%", "belum berakhir")


@dataclass(frozen=True)
class CapaianPaper:
    year: int
    through: int  # the last quarter ended
    letterhead: Letterhead
    lines: tuple[CapaianLine, ...]
    quarters: tuple[QuarterLine, ...]
    spending: tuple[SpendingLine, ...]
    rules: str  # how capaian is computed and judged, in words
    signature: Signature | None
    notes: tuple[str, ...]  # why the document is a DRAF; empty when it is not

    @property
    def title(self) -> str:
        return f"CAPAIAN KINERJA {self.letterhead.name.upper()} TAHUN {self.year}"

    @property
    def span(self) -> str:
        """"s.d. Triwulan III": the quarters measured."""
        return f"s.d. Triwulan {ROMAN[self.through]}"

    @property
    def draft(self) -> bool:
        return bool(self.notes)


def shown(c: Capaian) -> str:
    text = c.shown
    return f"{text} (perlu verifikasi)" if c.verify else text


def _values(cells: list[QuarterCell]) -> tuple[str, str]:
    return "; ".join(c.value_text for c in cells), "; ".join(c.target_text for c in cells)


def _working(item: IndicatorYear, capaian: Capaian, realised: str, target: str, full: bool) -> str:
    so_far = item.so_far
    cells = [c for c in item.cells if c.quarter in so_far.quarters]
    rs, ts_ = _values(cells)
    if full:
        target_part = f"T = target tahun {target}"
    else:
        target_part = f"T = {ts_}" + (f" = {target}" if len(cells) > 1 else "")
    realised_part = f"R = {so_far.how}: {rs}" + (f" = {realised}" if len(cells) > 1 else "")
    return f"Rumus: {capaian.formula}. {realised_part}; {target_part}. {capaian.worked}"


def _unreported(item: IndicatorYear, through: int) -> list[int]:
    return [c.quarter for c in item.cells[:through] if c.target is not None and not c.target.is_none
            and c.value is None]


def _line(item: IndicatorYear, through: int) -> CapaianLine:
    group = int(item.number.split(".")[0])
    head = (group, item.objective.description, item.number, item.indicator.description,
            item.indicator.unit_of_measure or "", item.year_target)
    if item.planned is None:
        return CapaianLine(*head, NONE, NONE, NONE, NONE, MISSING_PLAN, True)
    so_far, missing = item.so_far, _unreported(item, through)
    if not so_far.quarters:
        if missing:
            return CapaianLine(*head, NONE, NOT_REPORTED, NONE, NONE, f"{_quarters(missing)} {NOT_REPORTED}.", True)
        targets = "; ".join(str(t).strip() for t in item.planned.targets)
        return CapaianLine(*head, NONE, NONE, NONE, NONE,
                           f"Tidak ada target triwulan s.d. TW {ROMAN[through]} (target triwulan: {targets}).", False)
    full = item.year is not None
    capaian = item.year if item.year is not None else so_far.capaian
    target = item.year_target if full else so_far.target
    if capaian is None:
        return CapaianLine(*head, target, so_far.realised, NONE, NONE, NONE, True)
    working = _working(item, capaian, so_far.realised, target, full)
    if missing:
        working += (f" {_quarters(missing)} {NOT_REPORTED}: realisasi dan target baris ini hanya sampai "
                    f"{QUARTER_NAMES[so_far.quarters[-1]]}.")
    return CapaianLine(*head, target, so_far.realised, shown(capaian), capaian.category or NONE, working,
                       bool(missing))


def _quarters(qs: list[int]) -> str:
    return ", ".join(QUARTER_NAMES[q] for q in qs)


# --- B. the quarterly monitoring -------------------------------------------------

def _realised_cell(c: QuarterCell) -> str:
    if not c.ended:
        return NOT_ENDED
    if c.realisation is not None:
        return c.value_text
    return "-" if c.target is not None and c.target.is_none else NOT_REPORTED


def _capaian_cell(c: QuarterCell) -> str:
    if not c.ended:
        return NOT_ENDED
    if c.capaian is not None:
        return shown(c.capaian)
    return "-" if c.target is not None and c.target.is_none else NOT_REPORTED


def _monitoring(item: IndicatorYear, agency: Agency) -> tuple[QuarterLine, ...]:
    unit = agency.unit(item.unit or "")
    person = item.responsible
    who = "\n".join(x for x in (unit.name if unit else None, person.name if person else None) if x)
    lead = (item.number, item.indicator.description)
    if item.planned is None:
        return (QuarterLine(*lead, "Target", (MISSING_PLAN,) * 4, NONE),)
    return (QuarterLine(*lead, "Target", tuple(c.target_text for c in item.cells), who),
            QuarterLine(*lead, "Realisasi", tuple(_realised_cell(c) for c in item.cells), who),
            QuarterLine(*lead, "Capaian", tuple(_capaian_cell(c) for c in item.cells), who))


# --- C. the budget ---------------------------------------------------------------

def _serapan(line: BudgetLine, quarter: int, ended: bool) -> str:
    if not ended:
        return NOT_ENDED
    if line.budget is None:
        return "pagu belum ada"
    if any(s is None for s in line.spent[:quarter]):  # an unknown quarter leaves the sum unknown
        return NOT_REPORTED
    absorbed = line.absorption(quarter)
    return percent_text(absorbed) if absorbed is not None else NOT_REPORTED


def _spending(n: int, line: BudgetLine, ended: tuple[bool, ...], agency: Agency) -> tuple[SpendingLine, ...]:
    unit = agency.unit(line.unit)
    lead = (n, f"{line.code} {line.name}" if line.code else line.name, unit.name if unit else line.unit, line.budget)
    spent: tuple[int | str, ...] = tuple(
        NOT_ENDED if not ended[q - 1] else NOT_REPORTED if s is None else s for q, s in zip(QUARTERS, line.spent,
                                                                                            strict=True))
    out = [SpendingLine(*lead, "Rencana (Rp)", tuple(line.planned))] if line.planned is not None else []
    out += [SpendingLine(*lead, "Realisasi (Rp)", spent),
            SpendingLine(*lead, "Serapan kumulatif", tuple(_serapan(line, q, ended[q - 1]) for q in QUARTERS))]
    return tuple(out)


# --- the whole ---------------------------------------------------------------------

def rules_text(rules: MeasurementRules) -> str:
    down = "T / R × 100%" if rules.down_formula == DOWN_RATIO else "(2 − R / T) × 100%"
    bands = ", ".join(f"{b.name} ≥ {decimal_text(b.lowest)}%" if b.lowest or not i else
                      f"{b.name} < {decimal_text(rules.bands[i - 1].lowest)}%" for i, b in enumerate(rules.bands))
    cap = (f"capaian di atas {decimal_text(rules.cap)}% ditulis {decimal_text(rules.cap)}%" if rules.cap is not None
           else "capaian tidak dibatasi")
    verify = (f"di atas {decimal_text(rules.verify_above)}% diberi tanda perlu verifikasi"
              if rules.verify_above is not None else "tanpa ambang verifikasi")
    return (f"R = realisasi, T = target. Indikator naik: R / T × 100%; turun (semakin kecil semakin baik): {down}; "
            f"rentang A–B: 100% di dalam rentang, di bawahnya R / A × 100%, di atasnya rumus turun terhadap B. "
            f"Target berupa teks atau predikat dibandingkan apa adanya (tercapai/belum tercapai), tanpa persen. "
            f"Kategori: {bands}; {cap}; {verify}. Triwulan yang belum berakhir ditulis '{NOT_ENDED}'; triwulan "
            f"yang sudah berakhir tetapi laporannya belum masuk ditulis '{NOT_REPORTED}'.")


def _notes(measured: MeasuredYear, rkt: CompiledRkt, agency: Agency, through: int) -> tuple[str, ...]:
    from generator.core import fmt

    notes = []
    missing = [i.indicator.code for i in measured.indicators if i.planned is None]
    if missing:
        notes.append(f"Indikator RKT yang {MISSING_PLAN}: {', '.join(missing)}.")
    for r in measured.reports:
        if r.quarter <= through and r.state in (WAITING, LATE_MISSING):
            unit = agency.unit(r.unit)
            notes.append(f"Laporan {QUARTER_NAMES[r.quarter]} {unit.name if unit else r.unit} belum masuk "
                         f"(batas {fmt.date_id(r.due)}).")
    if rkt.draft:
        notes.append(f"RKT {rkt.year} sendiri masih {DRAFT}: {rkt.draft_note}")
    return tuple(notes)


def capaian_paper(measured: MeasuredYear, rkt: CompiledRkt, agency: Agency, today: dt.date) -> CapaianPaper | None:
    """The capaian of `measured`'s year up to the last quarter ended by `today`; None before the
    first quarter has ended (nothing to measure yet)."""
    ended = measured.ended_quarters(today)
    if not ended:
        return None
    through = ended[-1]
    head = letterhead(rkt, agency)
    flags = tuple(q in ended for q in QUARTERS)
    spending = tuple(s for n, line in enumerate(measured.budget, start=1) for s in _spending(n, line, flags, agency))
    # the year's report of the last quarter is signed after it is due: in the year after TW IV
    sign_year = measured.year + 1 if through == 4 else measured.year
    return CapaianPaper(measured.year, through, head, tuple(_line(i, through) for i in measured.indicators),
                        tuple(q for i in measured.indicators for q in _monitoring(i, agency)), spending,
                        rules_text(measured.rules), head_signature(agency, head, sign_year),
                        _notes(measured, rkt, agency, through))


# --- the PDF -----------------------------------------------------------------

def _column(title: str, width: str = "auto", align: str = "left") -> ts.Column:
    return ts.Column(title, align, width)


def _bab3(paper: CapaianPaper) -> ts.Table:
    span = f"s.d. TW {ROMAN[paper.through]}"
    columns = (_column("No", align="right"), _column("Indikator Kinerja", "2.6fr"), _column("Satuan", "0.8fr"),
               _column(f"Target {paper.year}", "0.9fr"), _column(f"Target {span}", "0.9fr"),
               _column(f"Realisasi {span}", "0.9fr"), _column("Capaian (%)", "0.9fr"), _column("Kategori", "0.9fr"),
               _column("Perhitungan", "3.6fr"))
    rows: list[ts.Row] = []
    group = None
    for line in paper.lines:
        if line.group != group:
            group = line.group
            rows.append(ts.Row((ts.Cell(str(line.group), nowrap=True), ts.Cell(f"Sasaran: {line.objective}", bold=True),
                                *(ts.Cell("") for _ in columns[2:])), "kegiatan"))
        rows.append(ts.Row((ts.Cell(line.number, nowrap=True), ts.Cell(line.indicator), ts.Cell(line.unit),
                            ts.Cell(line.target, nowrap=True), ts.Cell(line.target_so_far, nowrap=True),
                            ts.Cell(line.realised, italic=line.pending and line.realised in (NOT_REPORTED, NONE)),
                            ts.Cell(line.capaian), ts.Cell(line.category),
                            ts.Cell(line.working, italic=line.pending))))
    return ts.Table(columns, tuple(rows))


def _monitoring_table(paper: CapaianPaper) -> ts.Table:
    columns = (_column("No", align="right"), _column("Indikator Kinerja", "3fr"), _column("Uraian"),
               *(_column(QUARTER_NAMES[q], "1fr") for q in QUARTERS), _column("Penanggung Jawab", "2fr"))
    rows = []
    for line in paper.quarters:
        first = line.label == "Target"
        lead = ([ts.Cell(line.number, nowrap=True), ts.Cell(line.indicator)] if first else
                [ts.Cell("", continues=True), ts.Cell("", continues=True)])
        rows.append(ts.Row((*lead, ts.Cell(line.label, nowrap=True),
                            *(ts.Cell(c, italic=c in (NOT_ENDED, NOT_REPORTED, MISSING_PLAN)) for c in line.cells),
                            ts.Cell(line.responsible) if first else ts.Cell("", continues=True))))
    return ts.Table(columns, tuple(rows))


def _spending_table(paper: CapaianPaper, number) -> ts.Table:
    columns = (_column("No", align="right"), _column("Program", "2.4fr"), _column("Unit", "2fr"),
               _column("Pagu (Rp)", align="right"), _column("Uraian"),
               *(_column(QUARTER_NAMES[q], align="right") for q in QUARTERS))
    rows = []
    for line in paper.spending:
        first = line.label != "Serapan kumulatif" and (line.label == "Rencana (Rp)" or not any(
            s.number == line.number and s.label == "Rencana (Rp)" for s in paper.spending))
        pagu = (ts.Cell(NO_BUDGET, italic=True) if line.budget is None else ts.Cell(number(line.budget), nowrap=True))
        lead = ([ts.Cell(str(line.number), nowrap=True), ts.Cell(line.program), ts.Cell(line.unit), pagu] if first
                else [ts.Cell("", continues=True) for _ in range(4)])
        cells = (ts.Cell(number(c), nowrap=True) if isinstance(c, int) else
                 ts.Cell(c, italic=c in (NOT_ENDED, NOT_REPORTED), nowrap=c.endswith("%")) for c in line.cells)
        rows.append(ts.Row((*lead, ts.Cell(line.label, nowrap=True), *cells)))
    return ts.Table(columns, tuple(rows))


def capaian_document(paper: CapaianPaper, source: Source) -> ts.Document:
    """The capaian to sign."""
    from generator.core import fmt  # Babel: only the printed outputs need it

    blocks: list[ts.Block] = [kop(paper.letterhead), ts.Text("title", paper.title), ts.Text("subtitle", paper.span)]
    if paper.draft:
        blocks.append(draft_note(paper.notes))
    blocks += [ts.Text("heading", f"A. Capaian Kinerja {paper.span}"), _bab3(paper),
               ts.Text("para", f"Keterangan: {paper.rules}"),
               ts.Text("heading", "B. Pemantauan Triwulan: Target, Realisasi dan Capaian Indikator"),
               _monitoring_table(paper)]
    if paper.spending:
        blocks += [ts.Text("heading", "C. Realisasi Anggaran per Program dan Serapan"),
                   _spending_table(paper, fmt.number)]
    if paper.signature is not None:
        last = blocks[-1]
        assert isinstance(last, ts.Table)
        blocks[-1] = ts.Table(last.columns, last.rows, signature_block(paper.signature, paper.signature.place_date()))
    return mark_unfilled(ts.Document(f"Capaian Kinerja {paper.year}", footer(source), tuple(blocks), landscape=True,
                                     font_size=8, margin=(14, 12, 18, 12), draft=paper.draft, draft_mark=DRAFT,
                                     logo=paper.letterhead.logo))
