"""The pages of the agencies: their list, and each agency's cycles in full or in summary."""

from __future__ import annotations

from generator.core import fmt
from generator.plan.compile import NO_BUDGET
from generator.plan.status import SOP_SCHEDULE, late_label
from generator.regency.data import Cycle, Published
from generator.regency.pages.describe import (
    PHASES,
    STATES,
    external_links,
    finish_label,
    forecast_text,
    opd_link,
    signed_text,
    stale_note,
    status_badge,
    who_acts,
)
from generator.regency.pages.markup import badge, card_table, fact_cards, front
from generator.regency.pages.model import Site
from generator.regency.sources import Entry
from generator.site.pages.markup import Html, esc


def page_agencies(site: Site) -> str:
    page = "opd/index.md"
    rows = [[opd_link(page, e), e.data.short if e.data else "—",
             fmt.date_short(e.data.as_of) if e.data else "—", "data lama" if e.stale else "terbaru"]
            for e in site.entries]
    return (front("OPD") + "# Perangkat daerah\n\n" +
            card_table(["OPD", "Singkatan", "Data per", "Keadaan data"], rows) + "\n")


def page_agency(site: Site, entry: Entry) -> str:
    page = f"opd/{entry.agency.code}.md"
    out = [front(entry.agency.name), f"<h1>{esc(entry.agency.name)}</h1>\n\n"]
    links = external_links(entry)
    if links:
        out.append(f'<p class="kab-links">{links}</p>\n\n')
    out.append(stale_note(entry) + "\n\n" if entry.warning else "")
    data = entry.data
    if data is None:
        out.append("<p>Belum ada data dari OPD ini.</p>\n")
        return "".join(out)
    out.append(f'<p class="kab-lead">{esc(f"{data.name} · {data.government} · data per {fmt.date_id(data.as_of)}")}'
               f"</p>\n\n")
    if not data.cycles:
        out.append("<p>OPD ini belum membuka siklus RKT.</p>\n")
    # in full: the cycles still open and the newest finished one; the older ones as one summary
    # line each (their detail is on the agency's own site), so a page stays small with the years
    done = [c for c in data.cycles if c.finished]
    full = [c for c in data.cycles if not c.finished or c is done[0]]
    for c in full:
        out.append(_agency_cycle(page, entry, data, c))
    older = [c for c in data.cycles if c not in full]
    if older:
        rows = [[c.year, status_badge(entry, c), forecast_text(c), signed_text(c), _rupiah(c.total_budget)]
                for c in older]
        out.append("<h2>Siklus sebelumnya</h2>\n\n" +
                   card_table(["Tahun", "Status", "Selesai", "Ditandatangani", "Anggaran"], rows, numeric=(0, 4)) +
                   "\n")
    return "".join(out)


def _facts(c: Cycle) -> list[tuple[str, str]]:
    """The cycle's dates and counts; a cycle recorded afterwards has no SOP schedule, and the archiving
    in the repository is a date apart from the finish. How late it is, the badge (its steps) and the
    finish (against the end of the SOP schedule) say, as the agency's own dashboard does."""
    facts = [("Fase", PHASES[c.phase])] + ([("Mulai", fmt.date_id(c.start))] if c.start else [])
    facts += [(f"Akhir {SOP_SCHEDULE}", fmt.date_id(c.baseline_end))] if c.baseline_end else []
    facts.append((finish_label(c), forecast_text(c)))
    facts += [("Diarsipkan di repositori", fmt.date_id(c.archived))] if c.archived else []
    facts += [("Putaran revisi", f"{c.revisions}")] if c.revisions else []
    facts.append(("Form unit", f"{c.submitted} dari {c.required} masuk"))
    return facts


def _agency_cycle(page: str, entry: Entry, data: Published, c: Cycle) -> str:
    out = [f'<h2 id="rkt-{c.year}">RKT {c.year} {status_badge(entry, c)}</h2>\n\n', fact_cards(_facts(c)) + "\n\n"]
    acting = who_acts(c, limit=20)
    if acting and c.phase == "berjalan":
        out.append('<div class="kab-acting"><p><strong>Harus bertindak</strong></p><ul>' +
                   "".join(f"<li>{esc(a)}</li>" for a in acting) + "</ul></div>\n\n")
    if c.missing and c.phase == "berjalan":
        out.append('<div class="kab-missing"><p><strong>Belum menyerahkan Form RKT</strong></p><ul>' +
                   "".join(f"<li>{esc(name)}</li>" for _, name in c.missing) + "</ul></div>\n\n")
    rows, classes = [], []
    for s in c.steps:
        when = s.finished or s.deadline or s.planned_end
        state = late_label(s.late_by) if s.late_by else STATES[s.state]
        rows.append([s.number, s.name, s.executor, fmt.date_short(when), badge(state, _state_kind(s.state))])
        classes.append("kab-row-late" if s.late_by and s.finished is None else None)
    out.append(f'<details class="kab-steps"><summary>Langkah SOP ({len(c.steps)})</summary>'
               + card_table(["No", "Langkah", "Pelaksana", "Selesai / tenggat", "Status"], rows, numeric=(0,),
                            row_classes=classes) + "</details>\n\n")
    out.append(_agency_rkt(c))
    if c.signed:
        rows = [[v.version, fmt.date_short(v.date), f"{v.signer} ({v.position})",
                 Html(f'<code class="kab-hash">{esc(v.sha256)}</code>'), Html(f"<code>{esc(v.commit[:12])}</code>"),
                 badge("Cocok", "selesai") if v.verified else badge("Tidak cocok", "terlambat")]
                for v in sorted(c.signed, key=lambda v: v.version)]
        out.append(f"<h3>Versi bertanda tangan {c.year}</h3>\n\n" +
                   card_table(["Versi", "Tanggal", "Penandatangan", "SHA-256 pindaian", "Commit sumber",
                               "Pemeriksaan OPD"], rows, numeric=(0,)) + "\n\n")
    return "".join(out)


def _state_kind(state: str) -> str:
    return {"selesai": "selesai", "berjalan": "berjalan", "terlambat": "terlambat"}.get(state, "belum")


def _agency_rkt(c: Cycle) -> str:
    out = [f"<h3>RKT {c.year}" + (" (draf)" if c.draft else "") + "</h3>\n\n"]
    rows = [[f"{o.code} {o.description}", f"{i.code} {i.description}", i.unit_of_measure or "",
             i.target if i.target is not None else "belum diisi",
             i.renstra_target if i.renstra_target is not None else "—"] for o in c.objectives for i in o.indicators]
    if rows:
        out.append(f'<details class="kab-steps"><summary>Tabel kinerja ({len(rows)} indikator)</summary>'
                   + card_table(["Sasaran", "Indikator", "Satuan", "Target", "Target Renstra"], rows)
                   + "</details>\n\n")
    rows = [[b.name, _rupiah(b.budget) if b.submitted else "belum diserahkan"] for b in c.budgets]
    rows.append([Html("<strong>Jumlah</strong>"), Html(f"<strong>{esc(_rupiah(c.total_budget))}</strong>")])
    out.append(card_table(["Unit", "Anggaran"], rows, numeric=(1,),
                          row_classes=[None] * (len(rows) - 1) + ["kab-total"]) + "\n\n")
    return "".join(out)


def _rupiah(value: int | None) -> str:
    """Rp 1.500.000, or "belum ada anggaran" (never Rp 0 for an unknown)."""
    return NO_BUDGET if value is None else fmt.rupiah(value)
