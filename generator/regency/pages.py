"""The regency dashboard's pages, as Markdown strings (Bahasa Indonesia).

Everything an agency published is untrusted: it only ever appears escaped
inside raw HTML built here (never in Markdown syntax, front matter, a link or an
attribute). Links go to our own pages (paths from the validated OPD codes and
years) or to the addresses written in kabupaten.yaml. Phone first: the Beranda
opens with the late agencies and who must act; tables turn into cards below
44em (kabupaten.css), so nothing needs sideways scrolling at 360 px.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core import fmt
from generator.regency.config import Config
from generator.regency.data import Cycle, Published
from generator.regency.sources import Entry
from generator.site.pages import Html, esc

PHASES = {"dijadwalkan": "Dijadwalkan", "berjalan": "Berjalan", "selesai": "Selesai", "dicatat": "Dicatat kemudian"}
STATES = {"belum": "Belum", "berjalan": "Berjalan", "selesai": "Selesai", "terlambat": "Terlambat",
          "dilewati": "Dilewati", "tanpa-catatan": "Tanpa catatan"}
BASIS = {"selesai": "selesai", "perkiraan": "perkiraan", "jadwal-dasar": "menurut jadwal dasar"}
# generated part of the regency's docs/ (everything else there, css/, is hand-written)
GENERATED = ("index.md", "tahun", "opd", "sumber.md")
_NUM = ' class="num"'  # a numeric header cell
_UNSAFE_TITLE = re.compile(r"[<>\"'`\\{}]")


@dataclass(frozen=True)
class Site:
    config: Config
    today: dt.date
    entries: tuple[Entry, ...]

    @property
    def years(self) -> list[int]:
        return sorted({c.year for e in self.entries if e.data for c in e.data.cycles}, reverse=True)

    @property
    def focus_year(self) -> int | None:
        """The plan year most agencies are working on (the later one on a tie)."""
        counts = Counter(e.data.current.year for e in self.entries if e.data and e.data.current)
        return max(counts, key=lambda y: (counts[y], y)) if counts else None


def front(title: str) -> str:
    """Front matter with `title`. JSON is valid YAML, so no title breaks out of the front matter;
    the theme prints titles without escaping (<title>, navigation), so markup characters go."""
    safe = re.sub(r"\s+", " ", _UNSAFE_TITLE.sub(" ", title.replace("&", " dan "))).strip() or "OPD"
    return f"---\ntitle: {json.dumps(safe, ensure_ascii=False)}\n---\n\n"


def _a(href: str, text: str, cls: str | None = None) -> Html:
    attr = f' class="{cls}"' if cls else ""
    return Html(f'<a href="{esc(href)}"{attr}>{esc(text)}</a>')


def _badge(text: str, kind: str) -> Html:
    return Html(f'<span class="kab-badge kab-{kind}">{esc(text)}</span>')


def _up(page: str) -> str:
    return "../" * page.count("/")


def status_badge(entry: Entry, cycle: Cycle | None) -> Html:
    """The one worded tag of an agency for a year."""
    if entry.data is None:
        return _badge("Data tidak tersedia", "abu")
    if cycle is None:
        return _badge("Belum ada siklus", "belum")
    if cycle.phase == "berjalan" and cycle.lateness:
        return _badge(f"Terlambat {cycle.lateness} hari kerja", "terlambat")
    if cycle.phase == "selesai" and cycle.verified_signed:
        return _badge("Ditandatangani", "selesai")
    kind = {"berjalan": "berjalan", "selesai": "selesai", "dijadwalkan": "belum", "dicatat": "abu"}[cycle.phase]
    return _badge(PHASES[cycle.phase], kind)


def _acting(cycle: Cycle, limit: int = 4) -> list[str]:
    """"langkah 4 Pengisian Form (Kabid/Kasubbag): Nama (Jabatan); ..." for each step waited on."""
    out = []
    for a in cycle.acting:
        people = [f"{n} ({j})" for n, j in a.people]
        shown = "; ".join(people[:limit]) + (f"; dan {len(people) - limit} lainnya" if len(people) > limit else "")
        out.append(f"langkah {a.step} {a.step_name} ({a.executor})" + (f": {shown}" if shown else ""))
    return out


def _lateness_text(cycle: Cycle) -> str:
    """Which steps run late and by how much; the slip only when no running step says it already."""
    parts = [f"langkah {s.number} {s.name} terlambat {s.late_by} hari kerja" for s in cycle.late_steps]
    if cycle.slip and not parts:
        parts.append(f"tertinggal {cycle.slip} hari kerja dari jadwal dasar")
    return "; ".join(parts)


def _forecast(cycle: Cycle) -> str:
    if cycle.forecast is None:
        return "—"
    behind = f", {cycle.behind} hari kerja setelah jadwal dasar" if cycle.behind else ""
    return f"{fmt.date_id(cycle.forecast)} ({BASIS[cycle.forecast_basis]}{behind})"


def _signed_text(cycle: Cycle) -> str:
    v = cycle.verified_signed
    if not v:
        return "belum"
    last = max(v, key=lambda x: x.version)
    return f"versi {last.version}, {fmt.date_short(last.date)}"


def _current_text(cycle: Cycle | None) -> str:
    if cycle is None:
        return "—"
    if cycle.phase == "dijadwalkan":
        return f"belum mulai (mulai {fmt.date_id(cycle.start)})"
    step = cycle.current
    if cycle.phase in ("selesai", "dicatat") or step is None:
        return "semua langkah selesai" if cycle.phase == "selesai" else PHASES[cycle.phase].lower()
    return f"{step.number}. {step.name}"


def _cards(rows: Sequence[tuple[str, object]], cls: str = "kab-cards") -> Html:
    body = "".join(f'<div class="kab-card"><div class="kab-card-label">{esc(k)}</div>'
                   f'<div class="kab-card-value">{esc(v)}</div></div>' for k, v in rows)
    return Html(f'<div class="{cls}">{body}</div>')


def card_table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = (),
               row_classes: Sequence[str | None] = (), cards: bool = True) -> Html:
    """A table on wide screens, one card per row on phones (each cell labelled by its header);
    `cards=False` for a table narrow enough to stay one."""
    out = [f'<table class="kab-table{" kab-cardable" if cards else ""}"><thead><tr>']
    out += [f"<th{_NUM if i in numeric else ''}>{esc(h)}</th>" for i, h in enumerate(headers)]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(rows):
        rc = row_classes[n] if n < len(row_classes) else None
        out.append(f'<tr class="{rc}">' if rc else "<tr>")
        for i, cell in enumerate(row):
            # on a phone card an empty cell ("—") is left out rather than labelled
            classes = " ".join((["num"] if i in numeric else []) + (["kab-empty"] if cell == "—" else []))
            cls = f' class="{classes}"' if classes else ""
            out.append(f'<td{cls} data-label="{esc(headers[i])}">{esc(cell)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return Html("".join(out))


def _opd_link(page: str, entry: Entry) -> Html:
    return _a(f"{_up(page)}opd/{entry.agency.code}.html", entry.agency.name)


def _external(entry: Entry) -> Html:
    """Links to the agency's own site and repository: addresses from kabupaten.yaml only."""
    links = []
    if entry.agency.site:
        links.append(_a(entry.agency.site, "Situs dasbor OPD"))
    if entry.agency.repository:
        links.append(_a(entry.agency.repository, "Repositori"))
    return Html(" · ".join(links))


def _stale_note(entry: Entry) -> Html:
    warning = entry.warning
    return Html(f'<p class="kab-stale">{esc(warning)}</p>') if warning else Html("")


# --- Beranda -----------------------------------------------------------------

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
    out.append(_attention(page, pairs))
    out.append(_summary(site, pairs) + "\n\n")
    out.append("## Langkah yang sedang dikerjakan\n\n" + _step_counts(pairs) + "\n\n")
    out.append(f"## Semua OPD: RKT {year}\n\n" + _agency_cards(page, pairs) + "\n\n")
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
        acting = "".join(f'<span class="kab-act">Harus bertindak, {esc(a)}</span>' for a in _acting(c))
        per = f" (keadaan per {fmt.date_short(e.data.as_of)})" if e.stale and e.data else ""
        why = _lateness_text(c) + per
        if c.forecast is not None and c.forecast_basis == "perkiraan":
            why += f"; perkiraan selesai {_forecast(c)}"
        items.append(f'<li class="kab-late">{_opd_link(page, e)} {status_badge(e, c)}'
                     f'<span class="kab-why">{esc(why)}</span>{acting}</li>')
    stale = [e for e, _ in pairs if e.stale]
    out = ['<div class="kab-attention">']
    if items:
        out.append(f'<p class="kab-attention-title">Terlambat: {len(items)} OPD</p><ol class="kab-list">'
                   + "".join(items) + "</ol>")
    else:
        out.append('<p class="kab-attention-title kab-ok">Tidak ada OPD yang terlambat</p>')
    if stale:
        rows = "".join(f"<li>{_opd_link(page, e)}: {esc(e.warning)}</li>" for e in stale)
        out.append(f'<p class="kab-attention-title">Data tidak diperbarui: {len(stale)} OPD</p>'
                   f'<ul class="kab-list kab-stale-list">{rows}</ul>')
    out.append("</div>\n\n")
    return "".join(out)


def _summary(site: Site, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    with_cycle = [c for _, c in pairs if c is not None]
    return _cards([
        ("OPD", f"{len(pairs)}"),
        ("Terlambat", f"{sum(1 for c in with_cycle if c.lateness)} OPD"),
        ("Sudah ditandatangani", f"{sum(1 for c in with_cycle if c.verified_signed)} OPD"),
        ("Form unit belum masuk", f"{sum(len(c.missing) for c in with_cycle)} unit"),
    ])


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
        facts = [("Langkah saat ini", _current_text(c))]
        if c is not None:
            if c.lateness:
                facts.append(("Keterlambatan", _lateness_text(c)))
            facts += [("Form unit", f"{c.submitted} dari {c.required} masuk"),
                      ("Perkiraan selesai", _forecast(c)), ("Ditandatangani", _signed_text(c))]
        if e.data is not None:
            facts.append(("Data per", fmt.date_id(e.data.as_of)))
        dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
        out.append(f'<div class="kab-opd"><p class="kab-opd-name">{_opd_link(page, e)} {status_badge(e, c)}</p>'
                   f"<dl>{dl}</dl>{_stale_note(e)}<p class=\"kab-links\">{_external(e)}</p></div>")
    out.append("</div>")
    return Html("".join(out))


# --- per year ---------------------------------------------------------------------

def page_years(site: Site) -> str:
    lines = [f"- [RKT {y}]({y}.md)" for y in site.years]
    return front("Per tahun") + "# RKT per tahun\n\n" + ("\n".join(lines) + "\n" if lines else "Belum ada data.\n")


def page_year(site: Site, year: int) -> str:
    page = f"tahun/{year}.md"
    pairs = [(e, e.data.cycle(year) if e.data else None) for e in site.entries]
    out = [front(f"RKT {year}"), f"# RKT {year} seluruh perangkat daerah\n\n",
           f'<p class="kab-lead">{esc(site.config.name)} · keadaan per {esc(fmt.date_id(site.today))}</p>\n\n',
           "## Status setiap OPD\n\n", _status_table(page, pairs) + "\n\n",
           "## Anggaran\n\n", _budget_table(page, pairs) + "\n\n",
           "## Sasaran kabupaten\n\n", _goals(site, page, pairs)]
    return "".join(out)


def _status_table(page: str, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    rows, classes = [], []
    for e, c in pairs:
        rows.append([_opd_link(page, e), status_badge(e, c), _current_text(c),
                     (_lateness_text(c) or "tepat waktu") if c and c.phase == "berjalan" else "—",
                     f"{c.submitted} dari {c.required}" if c else "—",
                     _signed_text(c) if c else "—", _forecast(c) if c else "—",
                     fmt.date_short(e.data.as_of) + (" (lama)" if e.stale else "") if e.data else "—"])
        classes.append("kab-row-late" if c is not None and c.lateness else None)
    return card_table(["OPD", "Status", "Langkah saat ini", "Keterlambatan", "Form unit", "Ditandatangani",
                       "Perkiraan selesai", "Data per"], rows, row_classes=classes)


def _budget_table(page: str, pairs: list[tuple[Entry, Cycle | None]]) -> Html:
    with_rkt = [(e, c) for e, c in pairs if c is not None]
    total = sum(c.total_budget for _, c in with_rkt)
    rows = []
    for e, c in with_rkt:
        state = "ditandatangani" if c.verified_signed else "draf (form belum lengkap)" if c.draft else "lengkap"
        rows.append([_opd_link(page, e), fmt.rupiah(c.total_budget), fmt.percent(c.total_budget, total), state,
                     f"{sum(len(o.indicators) for o in c.objectives)}", f"{c.sub_activities}"])
    rows.append([Html("<strong>Jumlah</strong>"), Html(f"<strong>{esc(fmt.rupiah(total))}</strong>"),
                 "100%" if total else "—", f"{len(with_rkt)} OPD",
                 f"{sum(len(o.indicators) for _, c in with_rkt for o in c.objectives)}",
                 f"{sum(c.sub_activities for _, c in with_rkt)}"])
    missing = [e for e, c in pairs if c is None]
    note = ""
    if missing:
        names = ", ".join(e.agency.name for e in missing)
        note = f'<p class="kab-note">{esc(f"Tanpa RKT tahun ini (tidak dijumlahkan): {names}")}</p>'
    return Html(card_table(["OPD", "Anggaran", "Porsi", "RKT", "Indikator", "Sub kegiatan"], rows,
                           numeric=(1, 2, 4, 5), row_classes=[None] * (len(rows) - 1) + ["kab-total"]) + note)


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
        out.append(_cards([("OPD", f"{len({e.agency.code for e, _ in found})}"), ("Indikator", f"{n_ind}"),
                           ("Target terisi", f"{n_target} dari {n_ind}")]) + "\n\n")
        rows = [[_opd_link(page, e), f"{o.code} {o.description}", i.description,
                 i.target if i.target is not None else "belum diisi"] for e, o in found for i in o.indicators]
        if rows:
            out.append(card_table(["OPD", "Sasaran OPD", "Indikator", "Target"], rows) + "\n\n")
    if unlinked:
        names = "; ".join(f"{e.agency.name}: {o.code}" for e, o in unlinked)
        text = f"{len(unlinked)} sasaran OPD belum dikaitkan dengan sasaran kabupaten: {names}."
        out.append(f'<p class="kab-note">{esc(text)}</p>\n')
    return "".join(out)


# --- one agency -------------------------------------------------------------------

def page_agencies(site: Site) -> str:
    page = "opd/index.md"
    rows = [[_opd_link(page, e), e.data.short if e.data else "—",
             fmt.date_short(e.data.as_of) if e.data else "—", "data lama" if e.stale else "terbaru"]
            for e in site.entries]
    return (front("OPD") + "# Perangkat daerah\n\n" +
            card_table(["OPD", "Singkatan", "Data per", "Keadaan data"], rows) + "\n")


def page_agency(site: Site, entry: Entry) -> str:
    page = f"opd/{entry.agency.code}.md"
    out = [front(entry.agency.name), f"<h1>{esc(entry.agency.name)}</h1>\n\n"]
    links = _external(entry)
    if links:
        out.append(f'<p class="kab-links">{links}</p>\n\n')
    out.append(_stale_note(entry) + "\n\n" if entry.warning else "")
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
        rows = [[c.year, status_badge(entry, c), _forecast(c), _signed_text(c), fmt.rupiah(c.total_budget)]
                for c in older]
        out.append("<h2>Siklus sebelumnya</h2>\n\n" +
                   card_table(["Tahun", "Status", "Selesai", "Ditandatangani", "Anggaran"], rows, numeric=(0, 4)) +
                   "\n")
    return "".join(out)


def _agency_cycle(page: str, entry: Entry, data: Published, c: Cycle) -> str:
    out = [f'<h2 id="rkt-{c.year}">RKT {c.year} {status_badge(entry, c)}</h2>\n\n']
    facts = [("Fase", PHASES[c.phase]), ("Mulai", fmt.date_id(c.start)),
             ("Jadwal dasar selesai", fmt.date_id(c.baseline_end)), ("Perkiraan selesai", _forecast(c))]
    if c.slip:
        facts.append(("Tertinggal dari jadwal", f"{c.slip} hari kerja"))
    if c.revisions:
        facts.append(("Putaran revisi", f"{c.revisions}"))
    facts.append(("Form unit", f"{c.submitted} dari {c.required} masuk"))
    out.append(_cards(facts) + "\n\n")
    acting = _acting(c, limit=20)
    if acting and c.phase == "berjalan":
        out.append('<div class="kab-acting"><p><strong>Harus bertindak</strong></p><ul>' +
                   "".join(f"<li>{esc(a)}</li>" for a in acting) + "</ul></div>\n\n")
    if c.missing and c.phase == "berjalan":
        out.append('<div class="kab-missing"><p><strong>Belum menyerahkan Form RKT</strong></p><ul>' +
                   "".join(f"<li>{esc(name)}</li>" for _, name in c.missing) + "</ul></div>\n\n")
    rows, classes = [], []
    for s in c.steps:
        when = s.finished or s.deadline or s.planned_end
        state = f"{STATES[s.state]} {s.late_by} hari kerja" if s.late_by else STATES[s.state]
        rows.append([s.number, s.name, s.executor, fmt.date_short(when), _badge(state, _state_kind(s.state))])
        classes.append("kab-row-late" if s.late_by and s.finished is None else None)
    out.append(f'<details class="kab-steps"><summary>Langkah SOP ({len(c.steps)})</summary>'
               + card_table(["No", "Langkah", "Pelaksana", "Selesai / tenggat", "Status"], rows, numeric=(0,),
                            row_classes=classes) + "</details>\n\n")
    out.append(_agency_rkt(c))
    if c.signed:
        rows = [[v.version, fmt.date_short(v.date), f"{v.signer} ({v.position})",
                 Html(f'<code class="kab-hash">{esc(v.sha256)}</code>'), Html(f"<code>{esc(v.commit[:12])}</code>"),
                 _badge("Cocok", "selesai") if v.verified else _badge("Tidak cocok", "terlambat")]
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
    rows = [[b.name, fmt.rupiah(b.budget) if b.submitted else "belum diserahkan"] for b in c.budgets]
    rows.append([Html("<strong>Jumlah</strong>"), Html(f"<strong>{esc(fmt.rupiah(c.total_budget))}</strong>")])
    out.append(card_table(["Unit", "Anggaran"], rows, numeric=(1,),
                          row_classes=[None] * (len(rows) - 1) + ["kab-total"]) + "\n\n")
    return "".join(out)


# --- sources ----------------------------------------------------------------------

def page_sources(site: Site) -> str:
    page = "sumber.md"
    rows = []
    for e in site.entries:
        state = _badge("Terbaru", "selesai") if not e.stale else _badge("Data lama", "terlambat") if e.data else \
            _badge("Tidak tersedia", "abu")
        rows.append([_opd_link(page, e), Html(f'<code class="kab-url">{esc(e.agency.source)}</code>'), state,
                     fmt.date_short(e.data.as_of) if e.data else "—", fmt.date_short(e.fetched_on),
                     e.warning or "—"])
    return (front("Sumber data") + "# Sumber data\n\n"
            "Dasbor ini dibangun setiap hari dari berkas data RKT (data/rkt.json) yang diterbitkan dasbor setiap "
            "OPD. OPD yang tidak dapat dihubungi atau menerbitkan data yang tidak sah tetap ditampilkan dengan data "
            "terakhir yang sah, ditandai sebagai data lama beserta alasannya.\n\n" +
            card_table(["OPD", "Alamat data", "Keadaan", "Data per", "Diambil", "Keterangan"], rows) + "\n")


def pages(site: Site) -> dict[str, str]:
    out = {"index.md": page_home(site), "tahun/index.md": page_years(site), "opd/index.md": page_agencies(site),
           "sumber.md": page_sources(site)}
    for y in site.years:
        out[f"tahun/{y}.md"] = page_year(site, y)
    for e in site.entries:
        out[f"opd/{e.agency.code}.md"] = page_agency(site, e)
    return out
