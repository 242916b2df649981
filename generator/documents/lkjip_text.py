"""The LKjIP as one outline that both files draw (`lkjip_docx` for Word, `lkjip_pdf` through the
one document engine): the cover's lines, why it is a DRAF, and the body in the order of
PermenPAN-RB 53/2014 as headings, the staff's narrative parts, notices and tables whose cells are
texts as printed. Both files therefore show the same headings, the same tables and the same cells.

Nothing is invented: a narrative part nobody wrote is a `Missing` part (printed as a marked box
with what to write and where), an unknown number prints why it is unknown ("belum dilaporkan",
"belum ada anggaran"), never 0; a placeholder "(isi ...)" left in the data prints BELUM DIISI and
makes the file a DRAF (`documents/unfilled`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from generator.core.capaian import Capaian, percent_text
from generator.core.year import QUARTER_NAMES
from generator.documents.capaian_paper import shown
from generator.documents.year_paper import NONE, NOT_REPORTED
from generator.plan.agreement import Agreement
from generator.plan.compile import DRAFT, NO_BUDGET, Letterhead
from generator.plan.lkjip import IndicatorResult, Narrative, ObjectiveResult, ProgramResult

NOT_WRITTEN = "[BAGIAN INI BELUM DITULIS]"
NOT_MEASURED = "belum diukur"
COVER_TITLE = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)"
TOC_TITLE = "DAFTAR ISI"

EXECUTIVE = "IKHTISAR EKSEKUTIF"
CHAPTER_1 = "BAB I PENDAHULUAN"
CHAPTER_2 = "BAB II PERENCANAAN KINERJA"
CHAPTER_3 = "BAB III AKUNTABILITAS KINERJA"
PART_A = "A. Capaian Kinerja Organisasi"
PART_B = "B. Realisasi Anggaran"
CHAPTER_4 = "BAB IV PENUTUP"
APPENDIX = "LAMPIRAN"

Number = Callable[[int], str]  # how amounts are written (fmt.number: 1.500.000)


@dataclass(frozen=True)
class Heading:
    level: int  # 1: a chapter (each on a new page), 2, 3
    text: str


@dataclass(frozen=True)
class Prose:
    """A narrative part the staff wrote (Markdown, `lkjip_markdown`); `level`: its heading's level."""

    title: str
    text: str
    level: int


@dataclass(frozen=True)
class Missing:
    """A narrative part nobody wrote: the marked box, what to write, and in which file."""

    title: str
    guidance: str
    file: str

    @property
    def text(self) -> str:
        return f"{self.guidance} Tulis bagian ini di berkas {self.file}."


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Notice:
    """A marked note (red box): why the file is a DRAF, why the PK is missing."""

    label: str
    text: str


@dataclass(frozen=True)
class GridRow:
    cells: tuple[str, ...]
    kind: str = ""  # "": a row; "note": cells[1] continues the row above across the other columns; "total"
    faint: tuple[int, ...] = ()  # the columns not known yet (set apart)
    continues: bool = False  # the first two cells continue the row above (the same indicator)


@dataclass(frozen=True)
class Grid:
    caption: str  # "Tabel 3.1 ..."
    headers: tuple[str, ...]
    widths: tuple[float, ...]  # relative widths
    rows: tuple[GridRow, ...]
    right: tuple[int, ...] = ()  # columns of numbers (right-aligned)


Part = Heading | Prose | Missing | Para | Notice | Grid


@dataclass(frozen=True)
class Outline:
    year: int
    agency: str
    letterhead: Letterhead = field(repr=False)
    reasons: tuple[str, ...]  # why the LKjIP is a DRAF; empty when it is final
    parts: tuple[Part, ...]

    @property
    def title(self) -> str:
        return f"{COVER_TITLE} TAHUN {self.year}"

    @property
    def draft(self) -> bool:
        return bool(self.reasons)

    @property
    def draft_line(self) -> str:
        return f"{DRAFT} - " + " ".join(self.reasons)


def narrative(n: Narrative, level: int, title: str | None = None) -> tuple[Part, ...]:
    """A narrative part under its heading (`title`, else its own); the marked box when unwritten."""
    shown_title = title or n.title
    head: tuple[Part, ...] = (Heading(level, shown_title),) if level else ()
    if n.text is None or not n.text.strip():
        return (*head, Missing(n.title, n.guidance, n.file))
    return (*head, Prose(n.title, n.text, level))


# --- the tables ----------------------------------------------------------------

def capaian_text(c: Capaian | None) -> str:
    return shown(c) if c is not None else NONE


def _working(r: IndicatorResult, year: int) -> str:
    """The row under an indicator: its category and the formula written out with its numbers."""
    c = r.capaian
    if c is None:
        why = (f"realisasi tahun {year} belum ada" if not r.realised else
               f"realisasi hanya dari {', '.join(QUARTER_NAMES[q] for q in r.quarters_in)}")
        return f"Capaian belum dapat dihitung: {why}."
    parts = [f"Kategori: {c.category}." if c.category else "",
             f"Realisasi = {r.how}." if r.how else "",
             f"Rumus: {c.formula}.", c.worked + ("" if c.worked.endswith(".") else ".")]
    if c.verify:
        parts.append("Capaian di atas ambang verifikasi: perlu verifikasi.")
    return " ".join(p for p in parts if p)


def target_cell(r: IndicatorResult) -> str:
    """The year's target; while the year is not complete, also the target of the quarters reported,
    which the capaian beside it is measured against (so the row can be recomputed by hand)."""
    if r.capaian_target and r.capaian_target != r.target:
        upto = f"s.d. {QUARTER_NAMES[r.quarters_in[-1]]}" if r.quarters_in else "s.d. triwulan yang dilaporkan"
        return f"{r.target} ({upto}: {r.capaian_target})"
    return r.target


def capaian_grid(caption: str, o: ObjectiveResult, year: int) -> Grid:
    rows: list[GridRow] = []
    for r in o.indicators:
        faint = tuple(i for i, missing in ((4, not r.realised), (5, r.capaian is None)) if missing)
        rows.append(GridRow((r.number, r.indicator.description, r.satuan, target_cell(r), r.realised or NONE,
                             capaian_text(r.capaian)), faint=faint))
        rows.append(GridRow(("", _working(r, year)), "note"))
    return Grid(caption, ("No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"),
                (0.5, 3.2, 1.1, 1.2, 1.2, 1.2), tuple(rows), (5,))


def earlier_grid(caption: str, o: ObjectiveResult, year: int) -> Grid | None:
    """Realisation and capaian against the years before (oldest first), then the year itself;
    None when the repository measured no earlier year of any of the sasaran's indicators."""
    if not any(r.earlier for r in o.indicators):
        return None
    rows: list[GridRow] = []
    for r in o.indicators:
        lines = [(str(e.year), e.target or NONE, e.realised or NOT_MEASURED, capaian_text(e.capaian))
                 for e in r.earlier] + [(str(year), r.target, r.realised or NONE, capaian_text(r.capaian))]
        for i, cells in enumerate(lines):
            lead = (r.number, r.indicator.description) if i == 0 else ("", "")
            faint = tuple(j for j in (4, 5) if cells[j - 2] in (NONE, NOT_MEASURED))
            rows.append(GridRow((*lead, *cells), faint=faint, continues=i > 0))
    return Grid(caption, ("No", "Indikator Kinerja", "Tahun", "Target", "Realisasi", "Capaian (%)"),
                (0.5, 3.2, 0.8, 1.3, 1.3, 1.2), tuple(rows), (2, 5))


def renstra_grid(caption: str, o: ObjectiveResult, year: int) -> Grid:
    end = o.indicators[0].renstra_year if o.indicators else year
    rows = tuple(GridRow((r.number, r.indicator.description, r.renstra_target or NONE, r.realised or NONE,
                          capaian_text(r.renstra_capaian)),
                         faint=tuple(j for j, v in ((2, r.renstra_target), (3, r.realised),
                                                     (4, r.renstra_capaian)) if not v))
                 for r in o.indicators)
    return Grid(caption, ("No", "Indikator Kinerja", f"Target Akhir Renstra ({end})", f"Realisasi {year}",
                          "Capaian terhadap Target Akhir (%)"), (0.5, 3.4, 1.5, 1.4, 1.6), rows, (4,))


def standard_grid(caption: str, o: ObjectiveResult, year: int) -> Grid | None:
    """Against a national standard, for the indicators whose Renstra gives one; None when none does."""
    rows = tuple(GridRow((r.number, r.indicator.description, r.standard or "", r.standard_source or NONE,
                          r.realised or NONE, r.target))
                 for r in o.indicators if r.standard)
    if not rows:
        return None
    return Grid(caption, ("No", "Indikator Kinerja", "Standar Nasional", "Sumber", f"Realisasi {year}",
                          f"Target {year}"), (0.5, 3.0, 1.3, 1.6, 1.2, 1.2), rows)


def causes_grid(caption: str, o: ObjectiveResult) -> Grid | None:
    """What the quarterly reports say drove, hindered and will follow up each indicator; None
    when no report of the year wrote any of it."""
    rows: list[GridRow] = []
    for r in o.indicators:
        for i, c in enumerate(r.causes):
            lead = (r.number, r.indicator.description) if i == 0 else ("", "")
            rows.append(GridRow((*lead, QUARTER_NAMES[c.quarter], c.unit, c.drivers or NONE, c.obstacles or NONE,
                                 c.follow_up or NONE), continues=i > 0))
    if not rows:
        return None
    return Grid(caption, ("No", "Indikator Kinerja", "TW", "Unit", "Faktor Pendorong", "Faktor Penghambat",
                          "Tindak Lanjut"), (0.7, 1.8, 0.7, 1.3, 1.9, 1.9, 1.9), tuple(rows))


def _money(value: int | None, unknown: str, number: Number) -> str:
    return unknown if value is None else number(value)


def _absorption(value: Decimal | None) -> str:
    return NONE if value is None else percent_text(value)


def _program_row(n: int, p: ProgramResult, number: Number, units: bool) -> GridRow:
    name = f"{p.code} {p.name}" if p.code else p.name
    cells = (str(n), name, *((", ".join(p.units),) if units else ()), _money(p.budget, NO_BUDGET, number),
             _money(p.spent, NOT_REPORTED, number), _absorption(p.absorption))
    k = len(cells)
    faint = tuple(j for j, missing in ((k - 3, p.budget is None), (k - 2, p.spent is None),
                                       (k - 1, p.absorption is None)) if missing)
    return GridRow(cells, faint=faint)


def programs_grid(caption: str, programs: tuple[ProgramResult, ...], number: Number) -> Grid:
    """The programs that carry a sasaran's indicators: pagu, realisation and absorption."""
    rows = tuple(_program_row(n, p, number, True) for n, p in enumerate(programs, start=1))
    return Grid(caption, ("No", "Program", "Unit", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"),
                (0.5, 3.0, 1.4, 1.6, 1.6, 1.0), rows, (3, 4, 5))


def budget_grid(caption: str, programs: tuple[ProgramResult, ...], number: Number) -> Grid:
    """Bab III B: per program, with the totals (unknown when any part is)."""
    rows = [_program_row(n, p, number, False) for n, p in enumerate(programs, start=1)]
    budget = None if any(p.budget is None for p in programs) else sum(p.budget or 0 for p in programs)
    spent = None if any(p.spent is None for p in programs) else sum(p.spent or 0 for p in programs)
    share = Decimal(spent) / Decimal(budget) * 100 if budget and spent is not None else None
    rows.append(GridRow(("", "Jumlah", _money(budget, NO_BUDGET, number), _money(spent, NOT_REPORTED, number),
                         _absorption(share)), "total"))
    return Grid(caption, ("No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"), (0.5, 3.6, 1.7, 1.7, 1.1),
                tuple(rows), (2, 3, 4))


def pk_grid(caption: str, pk: Agreement) -> Grid:
    """The PK's performance table, numbered per sasaran (`No | Sasaran Strategis | Indikator Kinerja | Target`)."""
    headers = tuple(pk.headers())
    rows = tuple(GridRow((str(g.number), g.objective, *pk.cells(r)) if i == 0 else ("", "", *pk.cells(r)),
                         faint=() if r.filled else (len(headers) - 1,), continues=i > 0)
                 for g in pk.groups for i, r in enumerate(g.rows))
    widths = (0.5, 2.6, 3.0, *((1.0,) if pk.shows_unit_of_measure else ()), 1.3)
    return Grid(caption, headers, widths, rows)


def pk_programs_grid(caption: str, pk: Agreement, number: Number) -> Grid:
    rows = [GridRow((str(p.number), p.label, _money(p.budget, NO_BUDGET, number)),
                    faint=(2,) if p.budget is None else ()) for p in pk.programs]
    rows.append(GridRow(("", "Jumlah", _money(pk.total_budget, NO_BUDGET, number)), "total"))
    return Grid(caption, ("No", "Program", "Anggaran (Rp)"), (0.5, 4.5, 1.8), tuple(rows), (2,))
