"""The regency's Beranda, phone first: the totals (agencies, late, budget), the late agencies and
who must act, whose data is stale, then the steps agencies are at, and one card per agency."""

from __future__ import annotations

import re
from collections import Counter

from generator.core import fmt
from generator.regency.data import Cycle
from generator.regency.pages.describe import (
    current_text,
    external_links,
    finish_label,
    forecast_text,
    lateness_text,
    opd_link,
    signed_text,
    stale_note,
    status_badge,
    who_acts,
)
from generator.regency.pages.markup import card_table, fact_cards, front
from generator.regency.pages.model import Site
from generator.regency.sources import Entry
from generator.site.pages.markup import Html, esc


def page_home(site: Site) -> str:
    page = "index.md"
    year = site.focus_year
    region = re.sub(r"^Pemerintah\s+", "", site.config.name)
    out = [front("Beranda"), f"<h1>RKT perangkat daerah {esc(region)}</h1>\n\n"]
    lead = f"{len(site.entries)} perangkat daerah" + (f" · RKT {year}" if year else "") + \
        f" · keadaan per {fmt.date_id(site.today)}"
    out.append(f'<p class="kab-lead">{esc(lead)}</p>\n\n')
    if year is None:
        out.append(_no_data(site))
        return "".join(out)
    pairs = [(e, e.data.cycle(year) if e.data else None) for e in site.entries]
    out.append(_summary(year, pairs) + "\n\n")  # the totals first: short, and what a head asks first
    out.append(_attention(page, pairs))
    out.append("## Langkah yang sedang dikerjakan\n\n" + _step_counts(pairs) + "\n\n")
    out.append(f"## Semua OPD: RKT {year}\n\n" + _agency_cards(page, pairs) + "\n\n")
    running = site.today.year if site.today.year in site.years else year  # the year being carried out
    out.append(f"Capaian IKU dan dokumen kinerja: [Kinerja {running}](tahun/{running}-kinerja.md)\n\n")
    others = [y for y in site.years if y != year]
    if others:
        out.append("Tahun lain: " + " · ".join(f"[RKT {y}](tahun/{y}.md)" for y in others) + "\n")
    return "".join(out)


def _no_data(site: Site) -> str:
    text = ("Belum ada OPD yang dicantumkan di kabupaten.yaml (bagian opd). Tambahkan setiap OPD dengan kode, "
            "nama dan alamat data/rkt.json dasbornya, lalu bangun ulang." if not site.entries else
            "Belum ada data RKT yang dapat ditampilkan dari OPD mana pun. Lihat halaman Sumber data.")
    return (f'<div class="admonition warning"><p class="admonition-title">Belum ada data</p><p>{esc(text)}</p>'
            "</div>\n\n[Sumber data](sumber.md)\n")


def _attention(page: str, pairs: list[tuple[Entry, Cycle | None]]) -> str:
    """First on a phone: who is late, by how much, and who must act; then whose data is stale."""
    late = sorted(((e, c) for e, c in pairs if c is not None and c.lateness),
                  key=lambda ec: -ec[1].lateness)
    items = []
    for e, c in late:
        # who must act: the most actionable fact, set strong (kabupaten.css)
        acting = "".join(f'<span class="kab-act"><strong>Harus bertindak</strong>, {esc(a)}</span>'
                         for a in who_acts(c))
        per = f" (keadaan per {fmt.date_short(e.data.as_of)})" if e.stale and e.data else ""
        why = lateness_text(c) + per
        if c.forecast is not None and c.forecast_basis == "perkiraan":
            why += f"; perkiraan selesai {forecast_text(c)}"
        items.append(f'<li class="kab-late">{opd_link(page, e)} {status_badge(e, c)}'
                     f'<span class="kab-why">{esc(why)}</span>{acting}</li>')
    stale = [e for e, _ in pairs if e.stale]
    out = ['<div class="kab-attention">']
    if items:
        out.append(f'<p class="kab-attention-title">Terlambat: {len(items)} OPD</p><ol class="kab-list">'
                   + "".join(items) + "</ol>")
    else:
        out.append('<p class="kab-attention-title kab-ok">Tidak ada OPD yang terlambat</p>')
    if stale:
        rows = "".join(f"<li>{opd_link(page, e)}: {esc(e.warning)}</li>" for e in stale)
        out.append(f'<p class="kab-attention-title">Data tidak diperbarui: {len(stale)} OPD</p>'
                   f'<ul class="kab-list kab-stale-list">{rows}</ul>')
    out.append("</div>\n\n")
    return "".join(out)


def _summary(year: int, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    with_cycle = [c for _, c in pairs if c is not None]
    return fact_cards([
        ("OPD", f"{len(pairs)}"),
        ("Terlambat", f"{sum(1 for c in with_cycle if c.lateness)} OPD"),
        (f"Anggaran RKT {year}", _budget_total(pairs)),
        ("Sudah ditandatangani", f"{sum(1 for c in with_cycle if c.verified_signed)} OPD"),
        ("Form unit belum masuk", f"{sum(len(c.missing) for c in with_cycle)} unit"),
    ], cls="kab-cards kab-totals")


def _budget_total(pairs: list[tuple[Entry, Cycle | None]]) -> str:
    """The agencies' budgets summed; a sum that leaves agencies out says how many it holds, and no
    known budget at all is "belum ada anggaran" (never Rp 0)."""
    known = [c.total_budget for _, c in pairs if c is not None and c.total_budget is not None]
    if not known:
        return fmt.rupiah(None)
    total = fmt.rupiah(sum(known))
    return total if len(known) == len(pairs) else f"{total} (baru {len(known)} dari {len(pairs)} OPD)"


def _step_counts(pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    """How many agencies are at which step (steps of different SOPs kept apart by name)."""
    counts: Counter = Counter()
    for e, c in pairs:
        if e.data is None:
            counts[(99, "Data tidak tersedia")] += 1
        elif c is None:
            counts[(98, "Belum ada siklus tahun ini")] += 1
        elif c.phase == "dijadwalkan":
            counts[(0, "Dijadwalkan (belum mulai)")] += 1
        elif c.finished or c.current is None:
            counts[(97, "Selesai" if c.phase == "selesai" else "Dicatat kemudian")] += 1
        else:
            counts[(c.current.number, f"Langkah {c.current.number}: {c.current.name}")] += 1
    rows = [[label, f"{n} OPD"] for (_, label), n in sorted(counts.items())]
    return card_table(["Keadaan", "Jumlah"], rows, numeric=(1,), cards=False)


def _agency_cards(page: str, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    out = ['<div class="kab-opd-list">']
    for e, c in pairs:
        facts = [("Langkah saat ini", current_text(c))]
        if c is not None:
            if c.lateness:
                facts.append(("Keterlambatan", lateness_text(c)))
            facts += [("Form unit", f"{c.submitted} dari {c.required} masuk"),
                      (finish_label(c), forecast_text(c)), ("Ditandatangani", signed_text(c))]
        if e.data is not None:
            facts.append(("Data per", fmt.date_id(e.data.as_of)))
        dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
        out.append(f'<div class="kab-opd"><p class="kab-opd-name">{opd_link(page, e)} {status_badge(e, c)}</p>'
                   f"<dl>{dl}</dl>{stale_note(e)}<p class=\"kab-links\">{external_links(e)}</p></div>")
    out.append("</div>")
    return Html("".join(out))
