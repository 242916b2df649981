"""The pages per plan year: the list of years, and each year's status, budgets and regency goals."""

from __future__ import annotations

from generator.core import fmt
from generator.plan.compile import NO_BUDGET
from generator.regency.data import Cycle
from generator.regency.pages.describe import (
    current_text,
    forecast_text,
    late_days,
    lateness_text,
    opd_link,
    signed_text,
    status_badge,
)
from generator.regency.pages.markup import card_table, fact_cards, front
from generator.regency.pages.model import Site
from generator.regency.sources import Entry
from generator.site.pages.markup import Html, esc


def page_years(site: Site) -> str:
    lines = [f"- [RKT {y}]({y}.md) · [capaian dan dokumen kinerja {y}]({y}-kinerja.md)" for y in site.years]
    return front("Per tahun") + "# RKT per tahun\n\n" + ("\n".join(lines) + "\n" if lines else "Belum ada data.\n")


def page_year(site: Site, year: int) -> str:
    page = f"tahun/{year}.md"
    pairs = [(e, e.data.cycle(year) if e.data else None) for e in site.entries]
    out = [front(f"RKT {year}"), f"# RKT {year} seluruh perangkat daerah\n\n",
           f'<p class="kab-lead">{esc(site.config.name)} · keadaan per {esc(fmt.date_id(site.today))}</p>\n\n',
           f"Capaian IKU, Rencana Aksi dan laporan triwulan: [Kinerja {year}]({year}-kinerja.md)\n\n",
           "## Status setiap OPD\n\n", _status_table(page, pairs) + "\n\n",
           "## Anggaran\n\n", _budget_table(page, pairs) + "\n\n",
           "## Sasaran kabupaten\n\n", _goals(site, page, pairs)]
    return "".join(out)


def _status_table(page: str, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    rows, classes = [], []
    for e, c in pairs:
        rows.append([opd_link(page, e), status_badge(e, c), current_text(c),
                     (lateness_text(c) or "tepat waktu") if c and c.phase == "berjalan" else "—",
                     f"{c.submitted} dari {c.required}" if c else "—",
                     signed_text(c) if c else "—", forecast_text(c) if c else "—",
                     fmt.date_short(e.data.as_of) + (" (lama)" if e.stale else "") if e.data else "—"])
        classes.append("kab-row-late" if c is not None and late_days(c) else None)
    return card_table(["OPD", "Status", "Langkah saat ini", "Keterlambatan", "Form unit", "Ditandatangani",
                       "Perkiraan selesai", "Data per"], rows, row_classes=classes)


def _budget_table(page: str, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    """Each agency's budget and share; an agency whose budget is unknown is shown as "belum ada
    anggaran", with no share, and named below the table as not summed (never counted as 0)."""
    with_rkt = [(e, c) for e, c in pairs if c is not None]
    total = sum(c.total_budget or 0 for _, c in with_rkt)
    rows = [_budget_row(page, e, c, total) for e, c in with_rkt]
    unknown = [e for e, c in with_rkt if c.total_budget is None]
    summed = len(with_rkt) - len(unknown)
    rows.append([Html("<strong>Jumlah</strong>"),
                 Html(f"<strong>{esc(fmt.rupiah(total) if summed else NO_BUDGET)}</strong>"),
                 fmt.percent(total, total) if total else "—", f"{len(with_rkt)} OPD",
                 f"{sum(len(o.indicators) for _, c in with_rkt for o in c.objectives)}",
                 f"{sum(c.sub_activities for _, c in with_rkt)}"])
    note = _budget_notes([e for e, c in pairs if c is None], unknown if summed else [], summed)
    return Html(card_table(["OPD", "Anggaran", "Porsi", "RKT", "Indikator", "Sub kegiatan"], rows,
                           numeric=(1, 2, 4, 5), row_classes=[None] * (len(rows) - 1) + ["kab-total"]) + note)


def _budget_notes(missing: list[Entry], unknown: list[Entry], summed: int) -> str:
    """Who the total leaves out: agencies without an RKT, and those whose budget is unknown."""
    notes = []
    if missing:
        notes.append(f"Tanpa RKT tahun ini (tidak dijumlahkan): {', '.join(e.agency.name for e in missing)}")
    if unknown:
        notes.append(f"Jumlah di atas hanya dari {summed} OPD yang anggarannya sudah ada; belum ada anggaran "
                     f"(tidak dijumlahkan): {', '.join(e.agency.name for e in unknown)}")
    return "".join(f'<p class="kab-note">{esc(n)}</p>' for n in notes)


def _budget_row(page: str, e: Entry, c: Cycle, total: int) -> list:
    state = "ditandatangani" if c.verified_signed else "draf (form belum lengkap)" if c.draft else "lengkap"
    budget = c.total_budget
    return [opd_link(page, e), NO_BUDGET if budget is None else fmt.rupiah(budget),
            "—" if budget is None else fmt.percent(budget, total), state,
            f"{sum(len(o.indicators) for o in c.objectives)}", f"{c.sub_activities}"]


def _goals(site: Site, page: str, pairs: list[tuple[Entry, Cycle | None]]) -> str:
    """Indicators and targets per regency sasaran, through the links of kabupaten.yaml (or the
    agency's own statement when kabupaten.yaml says nothing about that sasaran)."""
    linked: dict[str, list] = {g.code: [] for g in site.config.goals}
    unlinked = []
    for e, c in pairs:
        if c is None:
            continue
        for o in c.objectives:
            goal = e.agency.goal_of(o.code) or o.regency_goal
            if goal in linked:
                linked[goal].append((e, o))
            else:
                unlinked.append((e, o))
    if not site.config.goals:
        return ("<p>Sasaran kabupaten belum dicantumkan di kabupaten.yaml (bagian <code>sasaran</code>), jadi "
                "sasaran OPD belum dapat dikaitkan.</p>\n")
    out = []
    for g in site.config.goals:
        found = linked[g.code]
        n_ind = sum(len(o.indicators) for _, o in found)
        n_target = sum(1 for _, o in found for i in o.indicators if i.target is not None)
        out.append(f'<h3 class="kab-goal">{esc(g.code)} {esc(g.description)}</h3>\n\n')
        out.append(fact_cards([("OPD", f"{len({e.agency.code for e, _ in found})}"), ("Indikator", f"{n_ind}"),
                           ("Target terisi", f"{n_target} dari {n_ind}")]) + "\n\n")
        rows = [[opd_link(page, e), f"{o.code} {o.description}", i.description,
                 i.target if i.target is not None else "belum diisi"] for e, o in found for i in o.indicators]
        if rows:
            out.append(card_table(["OPD", "Sasaran OPD", "Indikator", "Target"], rows) + "\n\n")
    if unlinked:
        names = "; ".join(f"{e.agency.name}: {o.code}" for e, o in unlinked)
        text = f"{len(unlinked)} sasaran OPD belum dikaitkan dengan sasaran kabupaten: {names}."
        out.append(f'<p class="kab-note">{esc(text)}</p>\n')
    return "".join(out)
