"""A cycle's compiled RKT as a page: the downloads, the performance table, programmes and budgets,
and the signature block, laid out like the printed document."""

from __future__ import annotations

from generator.core import fmt
from generator.core.model import CycleFolder, Form
from generator.documents import pk
from generator.documents.unfilled import draft_note
from generator.plan.compile import DRAFT, NO_BUDGET, CompiledRkt, Signature, UnitPlan, plan_rows
from generator.site.pages.context import Context
from generator.site.pages.markup import Html, esc, front, link, region, table
from generator.site.pages.unfilled import marks


def page_rkt(ctx: Context, folder: CycleFolder) -> str:
    rkt = ctx.compiled[folder.year]
    a = ctx.agency
    page = f"rkt/{folder.year}.md"
    out = [front(f"RKT {folder.year}", [str(folder.year), "RKT"]), f"# RKT {folder.year}\n\n"]
    finished = ctx.statuses[folder.year].finished
    kinds = (("xlsx", "Excel (XLSX)"), ("csv", "CSV")) if finished else \
        (("pdf", "PDF (untuk ditandatangani)"), ("xlsx", "Excel (XLSX)"), ("csv", "CSV"))
    downloads = " · ".join(link(page, f"unduh/rkt-{folder.year}.{ext}", label) for ext, label in kinds)
    signed = [v for v in sorted(folder.signed, key=lambda v: v.version) if v.scan_exists and v.scan_sha256 == v.sha256]
    if signed:
        downloads += " · " + " · ".join(link(page, f"unduh/{v.scan}", f"pindaian bertanda tangan versi {v.version}")
                                        for v in signed)
    offered = pk.downloads(folder, a, rkt, ctx.sop, finished)  # the Perjanjian Kinerja made from the signed plan
    downloads += "".join(f" · {link(page, path, label)}" for path, label in offered)
    out.append(f"Unduh: {downloads}. Halaman ini juga dapat dicetak langsung dari peramban "
               f"(A4 mendatar).\n{{ .rkt-downloads }}\n\n")
    if folder.year_files.plans:  # the year after the PK: its Rencana Aksi and capaian
        out.append(f"Rencana Aksi, laporan triwulan dan capaian tahun {folder.year}: "
                   f"{link(page, f'capaian-{folder.year}.md', f'Capaian Kinerja {folder.year}')}\n\n")
    if rkt.draft:
        out.append(f'<div class="admonition warning rkt-draf"><p class="admonition-title">{DRAFT}: belum lengkap</p>'
                   f"<p>{esc(rkt.draft_note)}</p></div>\n\n")
    kop = rkt.kop(a)  # a signed year's as it was signed, as its printed copies have it
    out.append(f'<div class="rkt-doc"><div class="rkt-kop"><p>{esc(kop.government.upper())}</p>'
               f"<p>{esc(kop.name.upper())}</p><p class=\"rkt-kop-addr\">{esc(kop.address)}</p></div>"
               f'<p class="rkt-title">RENCANA KINERJA TAHUNAN (RKT) TAHUN {folder.year}'
               f"{' (' + DRAFT + ')' if rkt.draft else ''}</p></div>\n\n")
    out.append("## Tabel kinerja\n\n")
    out.append(performance_table(rkt) + "\n\n")
    if rkt.has_programs:  # no empty sections: a plan of targets only has no program tables or totals
        out.append("## Program dan anggaran\n\n")
        for plan in rkt.program_units:
            out.append(f'<h3 class="rkt-unit">{esc(plan.unit.name)}</h3>\n\n')
            if plan.form is None:
                out.append('<p class="rkt-missing-form">Form RKT unit ini belum diserahkan.</p>\n\n')
                continue
            out.append(_program_table(plan.form, rkt) + "\n\n")
        totals = [_unit_total(p, rkt.total) for p in rkt.program_units]
        totals.append([Html("<strong>Jumlah</strong>"), Html(f"<strong>{esc(_rupiah(rkt.total))}</strong>"),
                       fmt.percent(rkt.total, rkt.total) if rkt.total else "—"])
        out.append("## Jumlah anggaran per unit\n\n")
        out.append(table(["Unit", "Anggaran", "Porsi"], totals, numeric=(1, 2)) + "\n\n")
    if rkt.signature is not None:
        out.append(_signature(rkt.signature))
    text, unfilled = marks(a, ctx.renstra).mark("".join(out))
    return _unfilled_draft(text, unfilled, rkt) if unfilled else text


def _unfilled_draft(page: str, count: int, rkt: CompiledRkt) -> str:
    """A page that shows BELUM DIISI is a DRAF, as the printed RKT would be: a note above the
    document saying why, and DRAF in its title."""
    note = (f'<div class="admonition warning rkt-draf rkt-draf-isian"><p class="admonition-title">{DRAFT}: belum '
            f"dapat ditandatangani</p><p>{esc(draft_note(count))}</p></div>\n\n")
    page = page.replace('<div class="rkt-doc">', note + '<div class="rkt-doc">', 1)
    title = f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}"
    return page if rkt.draft else page.replace(f"{title}</p>", f"{title} ({DRAFT})</p>", 1)


def _signature(s: Signature) -> str:
    date = fmt.date_id(s.date) if s.date else None
    rank = f"<p>{esc(s.rank)}</p>" if s.rank else ""
    return (f'<div class="rkt-sign"><p>{esc(s.place_date(date))}</p><p>{esc(s.position)}</p><p>{esc(s.region)}</p>'
            f'<p class="rkt-sign-space"></p><p class="rkt-sign-name">{esc(s.name)}</p>{rank}'
            f"<p>{esc(s.nip_line)}</p></div>\n")


def performance_table(rkt: CompiledRkt) -> Html:
    """No | Sasaran | Indikator Kinerja | Target (+ the optional columns), numbered per sasaran,
    the No and Sasaran cells spanning the sasaran's indicators. On a phone each indicator becomes
    a card (as `table` does), the sasaran's number and text on its first card."""
    columns = rkt.performance_columns()
    headers = columns.headers
    target_col = headers.index("Target")
    out = ['<table class="rkt-table rkt-kinerja rkt-stack rkt-stack-m">', "<thead><tr>"]
    out += [f'<th class="num">{esc(h)}</th>' if h == "No" else f"<th>{esc(h)}</th>" for h in headers]
    out.append("</tr></thead><tbody>")
    for g in rkt.groups:
        span = f' rowspan="{len(g.rows)}"' if len(g.rows) > 1 else ""
        for i, row in enumerate(g.rows):
            out.append("<tr>")
            if i == 0:
                out.append(f'<td class="num"{span} data-label="No">{g.number}</td>'
                           f'<td{span} data-label="Sasaran">{esc(g.objective.description)}</td>')
            for j, cell in enumerate(columns.cells(row), start=2):
                content = Html(f'<em class="rkt-belum">{esc(cell)}</em>') if j == target_col and not row.filled \
                    else esc(cell)
                out.append(f'<td data-label="{esc(headers[j])}">{content}</td>')
            out.append("</tr>")
    out.append("</tbody></table>")
    return region("".join(out), "Tabel kinerja")


def _rupiah(value: int | None) -> str:
    """Rp 1.500.000, or "belum ada anggaran" for an unknown amount (never Rp 0)."""
    return NO_BUDGET if value is None else fmt.rupiah(value)


def _unit_total(plan: UnitPlan, total: int | None) -> list[object]:
    """A unit's row of the budget summary: its amount and its share (a share of an unknown is none)."""
    if plan.form is None:
        return [plan.unit.name, "belum diserahkan", "—"]
    known = plan.total is not None and total
    return [plan.unit.name, _rupiah(plan.total), fmt.percent(plan.total or 0, total or 0) if known else "—"]


_SITE_INDENT = {"Kegiatan": "rkt-l1", "Sub Kegiatan": "rkt-l2"}
_SITE_ROW_CLASS = {"Program": "rkt-program", "Kegiatan": "rkt-kegiatan", "Sub Kegiatan": None}


def _program_table(form: Form, rkt: CompiledRkt) -> Html:
    detail = rkt.shows_program_indicator
    rows: list[list[object]] = []
    classes: list[str | None] = []
    for row in plan_rows(form):
        if row.level == "Program":
            label = Html(f"<strong>{esc(row.code)}</strong> {esc(row.name)}" if row.code else esc(row.name))
        else:
            label = Html(f'<span class="{_SITE_INDENT[row.level]}">{esc(row.label)}</span>')
        budget = NO_BUDGET if row.unknown_budget else "—" if row.budget is None else fmt.rupiah(row.budget)
        rows.append([row.number or "", label, *([row.indicator, row.target_text] if detail else []), budget])
        classes.append(_SITE_ROW_CLASS[row.level])
    total = Html(f"<strong>{esc(_rupiah(form.total))}</strong>")
    rows.append(["", Html("<strong>Jumlah</strong>"), *(["", ""] if detail else []), total])
    classes.append("rkt-total")
    headers = ["No", rkt.program_heading, *(["Indikator kinerja", "Target kinerja"] if detail else []),
               "Anggaran (Rp)"]
    return table(headers, rows, numeric=(0, len(headers) - 1), row_classes=classes)
