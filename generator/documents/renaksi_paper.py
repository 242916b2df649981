"""The Rencana Aksi of a year as a printed document (A4 landscape), set by the one document engine
(`typeset`): the agency's letterhead (the RKT's), one table grouped under each sasaran (the
indicator, its year target, its quarterly targets, the actions with their quarters, who is
responsible, the kegiatan that carry it), the quarterly budget plan per program when the units
gave one, and the head's signature kept with the last rows.

An indicator of the RKT that no unit's Rencana Aksi carries says so in its row, and the document
is then a DRAF (marked on every page, with the reason), never a row of empty cells passed off as
final. `renaksi_xlsx` prints the same paper as a workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.model import Agency
from generator.core.year import QUARTER_NAMES, PlannedIndicator
from generator.documents import typeset as ts
from generator.documents.provenance import Source
from generator.documents.rkt_pdf import kop, signature_block
from generator.documents.unfilled import mark_unfilled
from generator.documents.year_paper import (
    MISSING_PLAN,
    NONE,
    activity_names,
    draft_note,
    footer,
    head_signature,
    letterhead,
)
from generator.plan.compile import DRAFT, CompiledRkt, Letterhead, Signature
from generator.plan.performance import IndicatorYear, MeasuredYear

HEADERS = ("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target {year}", "TW I", "TW II", "TW III",
           "TW IV", "Rencana Aksi", "Penanggung Jawab", "Kegiatan Pendukung")
BUDGET_HEADERS = ("No", "Unit", "Program", "Pagu (Rp)", "TW I", "TW II", "TW III", "TW IV")


@dataclass(frozen=True)
class PlanLine:
    """One indicator of the RKT as the Rencana Aksi prints it (texts as printed)."""

    number: int  # the sasaran's number
    objective: str
    indicator: str
    unit: str  # satuan
    target: str  # the year's target, as the RKT prints it
    quarters: tuple[str, ...]  # TW I–IV as typed; NONE when no Rencana Aksi carries it
    actions: tuple[str, ...]  # "uraian (TW I, TW III)"; (MISSING_PLAN,) when no Rencana Aksi carries it
    responsible: tuple[str, ...]  # name, jabatan
    activities: tuple[str, ...]  # "code name"
    missing: bool  # no unit's Rencana Aksi carries the indicator


@dataclass(frozen=True)
class BudgetPlanLine:
    unit: str
    program: str  # "5.03.02 Program Kepegawaian Daerah"
    budget: int | None  # the program's pagu in the unit's form; None: unknown
    amounts: tuple[int, ...]  # TW I–IV


@dataclass(frozen=True)
class RenaksiPaper:
    year: int
    letterhead: Letterhead
    lines: tuple[PlanLine, ...]
    budget: tuple[BudgetPlanLine, ...]
    signature: Signature | None
    notes: tuple[str, ...]  # why the document is a DRAF; empty when it is not

    @property
    def title(self) -> str:
        return f"RENCANA AKSI {self.letterhead.name.upper()} TAHUN {self.year}"

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(h.format(year=self.year) for h in HEADERS)

    @property
    def draft(self) -> bool:
        return bool(self.notes)


def _actions(planned: PlannedIndicator) -> tuple[str, ...]:
    return tuple(f"{a.description} ({', '.join(QUARTER_NAMES[q] for q in a.quarters)})" for a in planned.actions)


def listed(items: tuple[str, ...]) -> str:
    """Several items one per line, each after a bullet; one item as it is."""
    return items[0] if len(items) == 1 else "\n".join(f"• {x}" for x in items)


def _line(item: IndicatorYear, rkt: CompiledRkt, agency: Agency) -> PlanLine:
    number = int(item.number.split(".")[0])
    planned = item.planned
    satuan = item.indicator.unit_of_measure or ""
    if planned is None:
        return PlanLine(number, item.objective.description, item.indicator.description, satuan, item.year_target,
                        (NONE,) * 4, (MISSING_PLAN,), (NONE,), (NONE,), True)
    person = item.responsible
    responsible = ((person.name, person.position) if person is not None else
                   (f"{planned.responsible} (tidak ada di agency.yaml)",))
    form = next((u.form for u in rkt.units if u.unit.code == item.unit), None)
    return PlanLine(number, item.objective.description, item.indicator.description, satuan,
                    item.year_target, tuple(str(t).strip() for t in planned.targets), _actions(planned),
                    responsible, activity_names(form, planned.activities), False)


def _budget(measured: MeasuredYear, agency: Agency) -> tuple[BudgetPlanLine, ...]:
    out = []
    for line in measured.budget:
        if line.planned is None:
            continue
        unit = agency.unit(line.unit)
        out.append(BudgetPlanLine(unit.name if unit is not None else line.unit,
                                  f"{line.code} {line.name}" if line.code else line.name, line.budget,
                                  tuple(line.planned)))
    return tuple(out)


def _notes(measured: MeasuredYear, rkt: CompiledRkt) -> tuple[str, ...]:
    notes = []
    missing = [i.indicator.code for i in measured.indicators if i.planned is None]
    if missing:
        notes.append(f"Indikator RKT yang {MISSING_PLAN}: {', '.join(missing)}.")
    for item in measured.indicators:
        if item.plan_problem:
            notes.append(f"Indikator {item.indicator.code}: {item.plan_problem}.")
    if rkt.draft:
        notes.append(f"RKT {rkt.year} sendiri masih {DRAFT}: {rkt.draft_note}")
    return tuple(notes)


def renaksi_paper(measured: MeasuredYear, rkt: CompiledRkt, agency: Agency) -> RenaksiPaper:
    """The Rencana Aksi of `measured`'s year as printed (the letterhead the RKT prints)."""
    head = letterhead(rkt, agency)
    lines = tuple(_line(i, rkt, agency) for i in measured.indicators)
    return RenaksiPaper(measured.year, head, lines, _budget(measured, agency),
                        head_signature(agency, head, measured.year), _notes(measured, rkt))


# --- the PDF -----------------------------------------------------------------

_WIDTHS = ("auto", "2fr", "2.4fr", "auto", "auto", "auto", "auto", "auto", "auto", "3fr", "1.8fr", "2.6fr")


def _rows(paper: RenaksiPaper) -> tuple[ts.Row, ...]:
    rows = []
    previous: int | None = None
    for line in paper.lines:
        first = line.number != previous
        previous = line.number
        lead = ([ts.Cell(str(line.number), nowrap=True), ts.Cell(line.objective)] if first else
                [ts.Cell("", continues=True), ts.Cell("", continues=True)])
        rest = (*line.quarters, listed(line.actions), "\n".join(line.responsible), listed(line.activities))
        rows.append(ts.Row((*lead, ts.Cell(line.indicator), ts.Cell(line.unit), ts.Cell(line.target, nowrap=True),
                            *(ts.Cell(text, nowrap=i < 4, italic=line.missing) for i, text in enumerate(rest)))))
    return tuple(rows)


def _budget_table(paper: RenaksiPaper, number) -> ts.Table:
    rows = tuple(ts.Row((ts.Cell(str(n), nowrap=True), ts.Cell(b.unit), ts.Cell(b.program),
                         ts.Cell("belum ada anggaran", italic=True) if b.budget is None else
                         ts.Cell(number(b.budget), nowrap=True),
                         *(ts.Cell(number(a), nowrap=True) for a in b.amounts)))
                 for n, b in enumerate(paper.budget, start=1))
    return ts.Table(tuple(ts.Column(h, "left" if h in ("Unit", "Program") else "right",
                                    "2fr" if h in ("Unit", "Program") else "auto") for h in BUDGET_HEADERS), rows)


def renaksi_document(paper: RenaksiPaper, source: Source) -> ts.Document:
    """The Rencana Aksi to sign."""
    from generator.core import fmt  # Babel: only the printed outputs need it

    blocks: list[ts.Block] = [kop(paper.letterhead), ts.Text("title", paper.title)]
    if paper.draft:
        blocks.append(draft_note(paper.notes))
    if not paper.lines:
        blocks.append(ts.Text("para", f"RKT {paper.year} belum memuat indikator kinerja."))
    else:
        columns = tuple(ts.Column(h, "right" if h == "No" else "left", w) for h, w in zip(paper.headers, _WIDTHS,
                                                                                             strict=True))
        blocks.append(ts.Table(columns, _rows(paper)))
    if paper.budget:
        blocks += [ts.Text("heading", "Rencana Anggaran per Triwulan"), _budget_table(paper, fmt.number)]
    last = blocks[-1]
    if paper.signature is not None:
        sign = signature_block(paper.signature, paper.signature.place_date())
        blocks[-1] = (ts.Table(last.columns, last.rows, sign) if isinstance(last, ts.Table)
                      else ts.Keep((last, sign)))
    return mark_unfilled(ts.Document(f"Rencana Aksi {paper.year}", footer(source), tuple(blocks), landscape=True,
                                     font_size=8, margin=(14, 12, 18, 12), draft=paper.draft, draft_mark=DRAFT,
                                     logo=paper.letterhead.logo))
