"""The signable RKT as a printed document (A4 landscape), set by the one document engine
(`typeset`): letterhead, performance table, the units' program tables, the budget summary and the
signature block kept with the last rows (never alone on a page).

Every page names its source commit and content fingerprint in the footer, so a printed page
can be traced back to exactly what it was printed from.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.model import Agency
from generator.documents import typeset as ts
from generator.documents.provenance import Source
from generator.documents.unfilled import mark_unfilled
from generator.plan.compile import DRAFT, NO_BUDGET, CompiledRkt, Letterhead, Signature, UnitPlan, plan_rows

# a target is short and read as one piece: it never wraps ("76 point", not "76" over "point")
_NOWRAP = {"No", "Satuan", "Target", "Target Renstra"}
_WIDTHS = {"No": "auto", "Satuan": "auto", "Target": "auto", "Target Renstra": "auto", "Sasaran": "2fr",
           "Indikator Kinerja": "3fr", "Cara Pengukuran": "2fr"}
_LEVEL = {"Program": ("program", 0), "Kegiatan": ("kegiatan", 8), "Sub Kegiatan": (None, 16)}


def kop(head: Letterhead) -> ts.Kop:
    """The letterhead as printed: a signed year's as its signed version recorded it (`Letterhead`)."""
    return ts.Kop((head.government.upper(), head.name.upper()), head.address, logo=bool(head.logo))


def columns(headers: list[str]) -> tuple[ts.Column, ...]:
    return tuple(ts.Column(h, "right" if h == "No" else "left", _WIDTHS.get(h, "2fr")) for h in headers)


def spanned_rows(headers: list[str], groups: Iterable[tuple[int, str, list[tuple[list, bool]]]]) -> tuple[ts.Row, ...]:
    """A performance table as the documents print it: numbered per sasaran, the No and Sasaran
    cells standing for all the sasaran's indicators; a Target not filled in yet is set apart.

    The sasaran is written in its first row and the cells below it continue it without a line
    (a merged cell to the eye): the text then follows the reading order, row by row, when it is
    copied out of the PDF or read aloud, which a spanning cell set after its rows would not."""
    rows = []
    for number, objective, members in groups:
        for i, (cells, filled) in enumerate(members):
            lead = ([ts.Cell(str(number), nowrap=True), ts.Cell(objective)] if i == 0 else
                    [ts.Cell("", continues=True), ts.Cell("", continues=True)])
            rest = [ts.Cell(str(cell), nowrap=h in _NOWRAP, italic=h == "Target" and not filled)
                    for h, cell in zip(headers[2:], cells, strict=True)]
            rows.append(ts.Row(tuple(lead + rest)))
    return tuple(rows)


def amount(value: int | None, number) -> ts.Cell:
    """An amount cell: the number, or "belum ada anggaran" (set apart) when it is unknown, never 0."""
    return ts.Cell(NO_BUDGET if value is None else number(value), nowrap=value is not None, italic=value is None)


def signature_block(s: Signature, place_date: str) -> ts.Signature:
    return ts.Signature((place_date, s.position, s.region), s.name, tuple(x for x in (s.rank, s.nip_line) if x))


def _unit_table(plan: UnitPlan, heading: str, detail: bool, number, total_label: str) -> ts.Table:
    cols = [ts.Column("No", "right", "auto"), ts.Column(heading, width="4fr")]
    if detail:
        cols += [ts.Column("Indikator Kinerja", width="3fr"), ts.Column("Target Kinerja", width="auto")]
    cols.append(ts.Column("Anggaran (Rp)", "right", "auto"))
    rows = []
    assert plan.form is not None
    for row in plan_rows(plan.form):
        style, indent = _LEVEL[row.level]
        cells = [ts.Cell(str(row.number or ""), nowrap=True), ts.Cell(row.label, indent=indent)]
        if detail:
            cells += [ts.Cell(row.indicator or ""), ts.Cell(row.target_text or "", nowrap=True)]
        cells.append(amount(row.budget, number) if row.unknown_budget else
                     ts.Cell("" if row.budget is None else number(row.budget), nowrap=True))
        rows.append(ts.Row(tuple(cells), style))
    blanks = [ts.Cell(""), ts.Cell("")] if detail else []
    rows.append(ts.Row((ts.Cell(""), ts.Cell(total_label), *blanks,
                        amount(plan.total, number)), "total"))
    return ts.Table(tuple(cols), tuple(rows))


def _programs(rkt: CompiledRkt, number) -> list[ts.Block]:
    out: list[ts.Block] = [ts.Text("heading", f"B. {rkt.program_title}")]
    # a plan of one unit is the agency's own table: no unit heading, no per-unit budget table
    # (its "Jumlah" is the whole), nothing the agency's source document does not have
    single = len(rkt.units) == 1
    for plan in rkt.program_units:
        if not single:
            out.append(ts.Text("heading", plan.unit.name))
        if plan.form is None:
            out.append(ts.Text("para", "Form RKT unit ini belum diserahkan."))
        else:
            out.append(_unit_table(plan, rkt.program_heading, rkt.shows_program_indicator, number,
                                   "Jumlah" if single else f"Jumlah {plan.unit.name}"))
    if single:
        return out
    out.append(ts.Text("heading", "C. Jumlah Anggaran"))
    rows = [ts.Row((ts.Cell(p.unit.name), amount(p.total, number) if p.form else ts.Cell("belum diserahkan")))
            for p in rkt.program_units]
    rows.append(ts.Row((ts.Cell("Jumlah seluruhnya"), amount(rkt.total, number)), "total"))
    out.append(ts.Table((ts.Column("Unit", width="3fr"), ts.Column("Anggaran (Rp)", "right", "auto")), tuple(rows)))
    return out


def _with_signature(blocks: list[ts.Block], signature: ts.Signature | None) -> tuple[ts.Block, ...]:
    """The signature rides with the last table's last rows (never alone on a page)."""
    if signature is None:
        return tuple(blocks)
    last = blocks[-1]
    if isinstance(last, ts.Table):
        return (*blocks[:-1], ts.Table(last.columns, last.rows, signature))
    return (*blocks[:-1], ts.Keep((last, signature)))


def place_date(signature: Signature) -> str:
    """"Paringin, 3 Desember 2026" (the signed version's date), or the date left blank in the
    year the plan is prepared: never today's year."""
    from generator.core import fmt

    return signature.place_date(fmt.date_id(signature.date) if signature.date else None)


def rkt_document(rkt: CompiledRkt, agency: Agency, source: Source, override: str | None = None) -> ts.Document:
    """The RKT to sign. `override`: a place and date in place of the plan's own."""
    from generator.core import fmt  # Babel: only the printed outputs need it, not validation

    number = fmt.number
    footer = f"{source.label} · sidik isi {source.fingerprint[:16]}"
    head = rkt.kop(agency)
    blocks: list[ts.Block] = [kop(head), ts.Text("title", f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}")]
    if rkt.draft:
        blocks.append(ts.Note(f"{DRAFT}.", rkt.draft_note))
    blocks.append(ts.Text("heading", f"{'A. ' if rkt.has_programs else ''}Tabel Kinerja"))
    layout = rkt.performance_columns()
    headers = layout.headers
    blocks.append(ts.Table(columns(headers), spanned_rows(headers, (
        (g.number, g.objective.description, [(layout.cells(r), r.filled) for r in g.rows])
        for g in rkt.groups))))
    if rkt.has_programs:
        blocks += _programs(rkt, number)
    signature = (signature_block(rkt.signature, override or place_date(rkt.signature))
                 if rkt.signature is not None else None)
    return mark_unfilled(ts.Document(f"RKT {rkt.year}", footer, _with_signature(blocks, signature), landscape=True,
                                     font_size=8.5, margin=(14, 12, 18, 12), draft=rkt.draft, draft_mark=DRAFT,
                                     logo=head.logo))
