"""Pages of the dashboard as Markdown strings (Bahasa Indonesia).

What users typed never becomes Markdown syntax, HTML, a link or an attribute:
every table or paragraph that carries user text is raw HTML built here, with
each value escaped (`esc`) and line breaks turned into <br> so that no blank
line can end the HTML block and hand the rest to the Markdown parser. Links and
images use only paths this module computes (years, validated file names).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from . import fmt
from .calendar import WorkCalendar
from .compile import CompiledRkt, plan_rows
from .model import Agency, CycleFolder, Form, Renstra, SignedVersion, Sop
from .status import (BELUM, DICATAT, DIJADWALKAN, DILEWATI, PHASE_LABELS, SELESAI, STATE_LABELS, TANPA_CATATAN,
                     CycleStatus, StepStatus)


class Html(str):
    """Markup this module built itself: inserted as is."""


def esc(value: object) -> Html:
    if isinstance(value, Html):
        return value
    text = "" if value is None else str(value)
    text = html.escape(text, quote=True)
    return Html(re.sub(r"\r\n|\r|\n", "<br>", text))


def tag(name: str, content: object, cls: str | None = None) -> Html:
    attr = f' class="{cls}"' if cls else ""
    return Html(f"<{name}{attr}>{esc(content)}</{name}>")


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], cls: str = "rkt-table",
          numeric: Sequence[int] = (), row_classes: Sequence[str | None] | None = None,
          hide_small: Sequence[int] = (), nowrap: Sequence[int] = ()) -> Html:
    """An HTML table; `numeric` columns align right, `hide_small` ones are hidden on phones."""
    def attr(i: int) -> str:
        classes = (["num"] if i in numeric else []) + (["rkt-wide"] if i in hide_small else []) + \
            (["rkt-nowrap"] if i in nowrap else [])
        return f' class="{" ".join(classes)}"' if classes else ""

    out = [f'<div class="rkt-scroll"><table class="{cls}">', "<thead><tr>"]
    out += [f"<th{attr(i)}>{esc(h)}</th>" for i, h in enumerate(headers)]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(rows):
        rc = row_classes[n] if row_classes and n < len(row_classes) else None
        out.append(f'<tr class="{rc}">' if rc else "<tr>")
        out += [f"<td{attr(i)}>{esc(c)}</td>" for i, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return Html("".join(out))


def badge(state: str, late_by: int = 0, finished: bool = False) -> Html:
    label = STATE_LABELS[state]
    if state == "terlambat":
        label = f"Terlambat {late_by} hari" + (" (selesai)" if finished else "")
    return Html(f'<span class="rkt-badge rkt-{state}">{esc(label)}</span>')


def link(from_page: str, to_path: str, text: str) -> str:
    """A Markdown link between two of our own pages (paths relative to docs/)."""
    rel = posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")
    return f"[{text}]({rel})"


def front(title: str, tags: Sequence[str] = (), extra: str = "") -> str:
    lines = ["---", f"title: {title}"]
    if tags:
        lines.append("tags:")
        lines += [f"  - {t}" for t in tags]
    if extra:
        lines.append(extra)
    lines.append("---")
    return "\n".join(lines) + "\n\n"


@dataclass(frozen=True)
class Context:
    """Everything the pages are made of; built once per build."""

    today: dt.date
    agency: Agency
    sop: Sop
    renstra: Renstra
    cycles: tuple[CycleFolder, ...]  # with a valid cycle.yaml, newest first
    statuses: dict[int, CycleStatus]
    compiled: dict[int, CompiledRkt]
    charts: dict[str, str]  # chart name -> path under docs/
    cal: WorkCalendar
    changes: dict = field(default_factory=dict)  # (year, version) -> list of changes, or None
    form_data: dict = field(default_factory=dict)  # what the "Isi Form RKT" page embeds

    def lane_name(self, code: str) -> str:
        return next((ln.name for ln in self.sop.lanes if ln.code == code), code)

    def unit_name(self, code: str) -> str:
        u = self.agency.unit(code)
        return u.name if u else code

    def person_name(self, code: str) -> str:
        p = self.agency.person(code)
        return p.name if p else code


def current_cycle(ctx: Context) -> CycleFolder | None:
    running = [c for c in ctx.cycles if not ctx.statuses[c.year].finished]
    if running:
        return min(running, key=lambda c: c.year)
    return ctx.cycles[0] if ctx.cycles else None


# --- pieces ---------------------------------------------------------------

def warnings_box(status: CycleStatus) -> Html:
    if not status.warnings:
        return Html('<div class="admonition success"><p class="admonition-title">Tepat waktu</p>'
                    '<p>Tidak ada langkah yang terlambat.</p></div>')
    items = "".join(f"<li>{esc(w)}</li>" for w in status.warnings)
    return Html(f'<div class="admonition warning"><p class="admonition-title">Peringatan: Tepat Waktu</p>'
                f"<ul>{items}</ul></div>")


def step_table(ctx: Context, status: CycleStatus, full: bool) -> Html:
    rows, classes = [], []
    for s in status.steps:
        when = s.finished if s.finished else s.deadline
        if when is None and status.phase == DIJADWALKAN and s.state == BELUM:
            when = s.planned.end  # nothing has started: the baseline is the only date there is
        if full:
            rows.append([s.step.number, s.step.short, ctx.lane_name(s.step.executor), s.step.days_written,
                         fmt.date_range(s.planned.start, s.planned.end),
                         fmt.date_short(s.started), fmt.date_short(s.finished), fmt.date_short(s.deadline),
                         s.days_used or "—", _state_cell(s)])
        else:
            rows.append([s.step.number, s.step.short, ctx.lane_name(s.step.executor),
                         fmt.date_short(when) if s.state != DILEWATI else "—", _state_cell(s)])
        classes.append(f"rkt-row-{s.state}")
    if full:
        headers = ["No", "Langkah", "Pelaksana", "Waktu SOP", "Jadwal dasar", "Mulai", "Selesai", "Tenggat",
                   "Hari kerja", "Status"]
        return table(headers, rows, numeric=(0, 8), row_classes=classes, hide_small=(3, 4, 5, 8),
                     nowrap=(4, 5, 6, 7))
    return table(["No", "Langkah", "Pelaksana", "Selesai / tenggat", "Status"], rows, numeric=(0,),
                 row_classes=classes, hide_small=(2,))


def _state_cell(s: StepStatus) -> Html:
    cell = badge(s.state, s.late_by, s.finished is not None)
    if s.times_done > 1 and s.step.evidence == "peristiwa":
        cell = Html(cell + f' <span class="rkt-note">{s.times_done}×</span>')
    return cell


def submission_table(ctx: Context, status: CycleStatus) -> Html:
    rows = []
    for sub in status.submissions:
        if status.phase == DICATAT:  # an archive: recorded or not, never judged on time
            state = badge(SELESAI if sub.date else TANPA_CATATAN)
        elif sub.date is None and status.phase == DIJADWALKAN:
            state = badge(BELUM)
        elif sub.date is None:
            state = Html('<span class="rkt-badge rkt-terlambat">Belum menyerahkan</span>')
        elif sub.late_by:
            state = Html(f'<span class="rkt-badge rkt-terlambat">Terlambat {sub.late_by} hari</span>')
        else:
            state = Html('<span class="rkt-badge rkt-selesai">Tepat waktu</span>')
        source = {"git": "merge di Git", "berkas": "isian form"}.get(sub.source, "—")
        budget = fmt.rupiah(sub.form.budget) if sub.form else "—"
        rows.append([ctx.unit_name(sub.unit), state, fmt.date_short(sub.date), source,
                     sub.submitted_by or "—", sub.approved_by or "—", budget])
    return table(["Unit", "Status", "Diserahkan", "Sumber tanggal", "Diajukan oleh", "Disetujui oleh",
                  "Anggaran"], rows, numeric=(6,))


def event_table(ctx: Context, folder: CycleFolder) -> Html:
    assert folder.cycle is not None
    steps = {s.number: s for s in ctx.sop.steps}
    rows = []
    for e in folder.cycle.events:
        step = steps.get(e.step)
        decision = {"ya": "Ya", "tidak": "Tidak"}.get(e.decision or "", "—")
        if e.skipped:
            decision = "Dilewati"
        rows.append([fmt.date_short(e.date), f"{e.step}. {step.short if step else ''}", ctx.person_name(e.by),
                     ctx.unit_name(e.unit) if e.unit else "—", decision, e.note or "—", e.evidence or "—"])
    return table(["Tanggal", "Langkah", "Oleh", "Unit", "Keputusan", "Catatan", "Bukti"], rows)


# --- pages ----------------------------------------------------------------

def page_home(ctx: Context) -> str:
    page = "index.md"
    out = [front("Beranda"), "# Dasbor RKT\n\n",
           f'<p class="rkt-lead">{esc(ctx.agency.government)} · {esc(ctx.agency.name)}<br>'
           f"Keadaan per {esc(fmt.date_id(ctx.today))}</p>\n\n"]
    folder = current_cycle(ctx)
    if folder is None:
        out.append(_first_steps(ctx, page))
        return "".join(out)
    st = ctx.statuses[folder.year]
    out.append(f"## RKT {folder.year}: {PHASE_LABELS[st.phase]}\n\n")
    out.append(_phase_note(ctx, st))
    out.append(_summary_cards(ctx, folder, st) + "\n\n")
    out.append(_timeliness(st))
    if st.missing_units:
        names = "".join(f"<li>{esc(ctx.unit_name(u))}</li>" for u in st.missing_units)
        out.append(f'<div class="rkt-missing"><p><strong>Belum menyerahkan Form RKT:</strong></p><ul>{names}</ul></div>\n\n')
    out.append("### Langkah SOP\n\n")
    out.append(step_table(ctx, st, full=False) + "\n\n")
    out.append(link(page, f"siklus/{folder.year}.md", f"Rincian siklus {folder.year}") + " · " +
               link(page, f"rkt/{folder.year}.md", f"RKT {folder.year} (kompilasi)") + "\n\n")
    out.append("## Semua siklus\n\n")
    out.append(_cycle_list(ctx, page))
    return "".join(out)


def _first_steps(ctx: Context, page: str) -> str:
    """The Beranda of a repository without a cycle: what to do first, in order."""
    from .init import unfilled

    def left(n: int) -> str:
        return f" Masih ada {n} isian bertanda “(isi ...)”." if n else ""

    return ("## Belum ada siklus RKT\n\n"
            "Repositori ini belum memiliki siklus RKT, jadi belum ada langkah, form atau keterlambatan "
            "yang dapat ditampilkan. Yang perlu dilakukan lebih dulu:\n\n"
            "1. Lengkapi data instansi di `cycles/agency.yaml`: nama dan alamat instansi, pegawai dengan NIP-nya, "
            f"unit kerja, dan peran dalam SOP.{left(unfilled(ctx.agency))}\n"
            "2. Isi Renstra yang berlaku di `cycles/renstra.yaml`: tujuan, sasaran strategis, indikator dan "
            f"target tahunannya.{left(unfilled(ctx.renstra))}\n"
            "3. Periksa SOP di `cycles/sop.yaml` dan sesuaikan bila SOP instansi berbeda.\n"
            "4. Buka siklus pertama dengan `rkt new-cycle TAHUN --start TTTT-BB-HH`, lalu siapkan form tiap unit "
            "dengan `rkt new-form TAHUN UNIT`.\n\n"
            f"Langkah demi langkah: {link(page, 'panduan/mulai.md', 'Mulai dengan data sendiri')}.\n")


def _phase_note(ctx: Context, st: CycleStatus) -> str:
    """What a cycle that is not simply running means for the reader."""
    if st.phase == DIJADWALKAN:
        days = ctx.cal.count(ctx.today + dt.timedelta(days=1), st.start) if st.start else 0
        text = (f"Siklus ini dimulai {fmt.date_id(st.start)} ({days} hari kerja lagi). Belum ada langkah yang "
                f"berjalan, jadi belum ada yang terlambat; tanggal langkah di bawah adalah jadwal dasar menurut SOP.")
        return (f'<div class="admonition info"><p class="admonition-title">Dijadwalkan</p><p>{esc(text)}</p>'
                f"</div>\n\n")
    if st.phase == DICATAT:
        return ('<div class="admonition info"><p class="admonition-title">Dicatat kemudian</p>'
                "<p>Siklus ini dicatat setelah selesai (arsip). Yang ditampilkan hanya yang tercatat: form unit, "
                "peristiwa dan versi bertanda tangan; keterlambatan tidak dinilai.</p></div>\n\n")
    return ""


def _timeliness(st: CycleStatus) -> str:
    """The "Tepat waktu" box, where timeliness means something: not for an archive, and for a
    cycle not yet started only when it has a warning (missing holiday data)."""
    if st.phase == DICATAT or (st.phase == DIJADWALKAN and not st.warnings):
        return ""
    return warnings_box(st) + "\n\n"


def _summary_cards(ctx: Context, folder: CycleFolder, st: CycleStatus) -> Html:
    if st.phase == DIJADWALKAN:
        cards = [("Dimulai", fmt.date_id(st.start)), ("Jadwal dasar selesai", fmt.date_id(st.baseline_end)),
                 ("Unit wajib", f"{len(st.submissions)} unit")]
        return _cards(cards)
    done = sum(1 for s in st.steps if s.finished is not None or s.state == DILEWATI)
    if st.phase == DICATAT:
        recorded = sum(1 for s in st.submissions if s.date)
        return _cards([("Langkah tercatat", f"{done} dari {len(st.steps)}"),
                       ("Form RKT tercatat", f"{recorded} dari {len(st.submissions)} unit"),
                       ("Versi bertanda tangan", str(len(folder.signed)))])
    cards = [("Langkah selesai", f"{done} dari {len(st.steps)}")]
    nxt = st.next_deadline
    if nxt is not None and nxt.deadline is not None:
        label = "Tenggat berikutnya" if nxt.deadline >= ctx.today else "Tenggat terlewati"
        cards.append((label, f"{fmt.date_id(nxt.deadline)} (langkah {nxt.step.number}, {nxt.step.short})"))
    if st.finished:
        last = max((s.finished for s in st.steps if s.finished), default=None)
        cards.append(("Selesai pada", fmt.date_id(last)))
    elif ctx.today <= st.baseline_end:
        cards.append(("Sisa waktu jadwal dasar", f"{_workdays_left(ctx, st)} hari kerja (sampai "
                                                  f"{fmt.date_id(st.baseline_end)})"))
    else:
        cards.append(("Jadwal dasar berakhir", f"{fmt.date_id(st.baseline_end)} (terlewati)"))
    if st.slip:
        cards.append(("Tertinggal dari jadwal", f"{st.slip} hari kerja"))
    submitted = sum(1 for s in st.submissions if s.date)
    cards.append(("Form RKT masuk", f"{submitted} dari {len(st.submissions)} unit"))
    return _cards(cards)


def _cards(cards: list[tuple[str, str]]) -> Html:
    body = "".join(f'<div class="rkt-card"><div class="rkt-card-label">{esc(k)}</div>'
                   f'<div class="rkt-card-value">{esc(v)}</div></div>' for k, v in cards)
    return Html(f'<div class="rkt-cards">{body}</div>')


def _workdays_left(ctx: Context, st: CycleStatus) -> int:
    # counted from tomorrow: today is already being worked
    return ctx.cal.count(ctx.today + dt.timedelta(days=1), st.baseline_end)


def _cycle_list(ctx: Context, page: str) -> str:
    lines = []
    for c in ctx.cycles:
        st = ctx.statuses[c.year]
        state = {DIJADWALKAN: f"dijadwalkan, mulai {fmt.date_id(st.start)}", DICATAT: "dicatat kemudian",
                 SELESAI: "selesai"}.get(st.phase, f"berjalan, {len(st.late)} langkah terlambat")
        lines.append(f"- {link(page, f'siklus/{c.year}.md', f'Siklus {c.year}')} ({state}) · "
                     f"{link(page, f'rkt/{c.year}.md', f'RKT {c.year}')}")
    return "\n".join(lines) + "\n" if lines else "Belum ada siklus RKT.\n"


def page_cycles_index(ctx: Context) -> str:
    page = "siklus/index.md"
    return front("Siklus") + "# Siklus RKT\n\n" + _cycle_list(ctx, page)


def page_cycle(ctx: Context, folder: CycleFolder) -> str:
    page = f"siklus/{folder.year}.md"
    st = ctx.statuses[folder.year]
    assert folder.cycle is not None
    tags = [str(folder.year), st.phase] + (["terlambat"] if st.late else [])
    out = [front(f"Siklus {folder.year}", tags), f"# Siklus RKT {folder.year}\n\n",
           f'<p class="rkt-lead">Mulai {esc(fmt.date_id(folder.cycle.start))} · jadwal dasar selesai '
           f"{esc(fmt.date_id(st.baseline_end))} · keadaan per {esc(fmt.date_id(ctx.today))}</p>\n\n",
           _phase_note(ctx, st), _summary_cards(ctx, folder, st) + "\n\n",
           _timeliness(st),
           "## Linimasa\n\n",
           f"![Linimasa siklus {folder.year}: jadwal dasar dan pelaksanaan]"
           f"({posixpath.relpath(ctx.charts[f'siklus-{folder.year}'], 'siklus')})\n\n",
           "## Langkah\n\n", step_table(ctx, st, full=True) + "\n\n"]
    if st.rejections:
        out.append("## Putaran revisi\n\n")
        rows = [[i, fmt.date_short(r.event.date), f"Langkah {r.step}", f"Kembali ke langkah {r.back_to}",
                 ctx.person_name(r.event.by), r.event.note or "—"] for i, r in enumerate(st.rejections, start=1)]
        out.append(table(["Putaran", "Tanggal", "Keputusan tidak", "Tindak lanjut", "Oleh", "Catatan"], rows,
                         numeric=(0,)) + "\n\n")
    out += ["## Form RKT unit\n\n", submission_table(ctx, st) + "\n\n",
            link(page, f"rkt/{folder.year}.md", f"Lihat RKT {folder.year} hasil kompilasi") + "\n\n",
            "## Catatan peristiwa\n\n", event_table(ctx, folder) + "\n"]
    return "".join(out)


def page_rkt(ctx: Context, folder: CycleFolder) -> str:
    rkt = ctx.compiled[folder.year]
    a = ctx.agency
    head = a.person(a.head)
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
    out.append(f"Unduh: {downloads}. Halaman ini juga dapat dicetak langsung dari peramban "
               f"(A4 mendatar).\n{{ .rkt-downloads }}\n\n")
    if rkt.missing:
        names = ", ".join(u.name for u in rkt.missing)
        out.append(f'<div class="admonition warning"><p class="admonition-title">Belum lengkap</p>'
                   f"<p>{esc('Form RKT belum diserahkan: ' + names + '. Kompilasi ini sementara.')}</p></div>\n\n")
    out.append(f'<div class="rkt-doc"><div class="rkt-kop"><p>{esc(a.government.upper())}</p>'
               f"<p>{esc(a.name.upper())}</p><p class=\"rkt-kop-addr\">{esc(a.address)}</p></div>"
               f'<p class="rkt-title">RENCANA KINERJA TAHUNAN (RKT) TAHUN {folder.year}</p></div>\n\n')
    out.append("## Tabel kinerja\n\n")
    rows = []
    n = 0
    last_obj = None
    for r in rkt.performance:
        n += 1
        unit_targets = "; ".join(f"{_short(ctx, u)}: {t}" for u, t in r.unit_targets)
        rows.append([n, r.objective.description if r.objective.code != last_obj else "",
                     r.indicator.description, r.indicator.unit_of_measure,
                     r.target if r.target is not None else "—", unit_targets])
        last_obj = r.objective.code
    out.append(table(["No", "Sasaran strategis", "Indikator kinerja", "Satuan", "Target", "Target unit"], rows,
                     numeric=(0,)) + "\n\n")
    out.append("## Program, kegiatan dan anggaran\n\n")
    for plan in rkt.units:
        out.append(f'<h3 class="rkt-unit">{esc(plan.unit.name)}</h3>\n\n')
        if plan.form is None:
            out.append('<p class="rkt-missing-form">Form RKT unit ini belum diserahkan.</p>\n\n')
            continue
        out.append(_program_table(plan.form) + "\n\n")
    totals = [[p.unit.name, fmt.rupiah(p.budget) if p.form else "belum diserahkan",
               fmt.percent(p.budget, rkt.total_budget) if p.form else "—"] for p in rkt.units]
    totals.append([Html("<strong>Jumlah</strong>"), Html(f"<strong>{esc(fmt.rupiah(rkt.total_budget))}</strong>"),
                   "100%" if rkt.total_budget else "—"])
    out.append("## Jumlah anggaran per unit\n\n")
    out.append(table(["Unit", "Anggaran", "Porsi"], totals, numeric=(1, 2)) + "\n\n")
    if head is not None:
        out.append(f'<div class="rkt-sign"><p>{esc(a.city)}, ....................... {folder.year - 1}</p>'
                   f"<p>{esc(head.position)}</p><p>{esc(a.government.replace('Pemerintah ', ''))}</p>"
                   f'<p class="rkt-sign-space"></p><p class="rkt-sign-name">{esc(head.name)}</p>'
                   f"<p>NIP {esc(head.nip)}</p></div>\n")
    return "".join(out)


def _short(ctx: Context, code: str) -> str:
    unit = ctx.agency.unit(code)
    return unit.short if unit else code


_SITE_INDENT = {"Kegiatan": "rkt-l1", "Sub Kegiatan": "rkt-l2"}
_SITE_ROW_CLASS = {"Program": "rkt-program", "Kegiatan": "rkt-kegiatan", "Sub Kegiatan": None}


def _program_table(form: Form) -> Html:
    rows: list[list[object]] = []
    classes: list[str | None] = []
    for row in plan_rows(form):
        if row.level == "Program":
            label = Html(f"<strong>{esc(row.code)}</strong> {esc(row.name)}")
        else:
            label = Html(f'<span class="{_SITE_INDENT[row.level]}">{esc(row.code)} {esc(row.name)}</span>')
        rows.append([row.number or "", label, row.indicator, row.target_text, fmt.rupiah(row.budget)])
        classes.append(_SITE_ROW_CLASS[row.level])
    rows.append(["", Html("<strong>Jumlah</strong>"), "", "", Html(f"<strong>{esc(fmt.rupiah(form.budget))}</strong>")])
    classes.append("rkt-total")
    return table(["No", "Program / Kegiatan / Sub Kegiatan", "Indikator kinerja", "Target kinerja",
                  "Anggaran (Rp)"], rows, numeric=(0, 4), row_classes=classes)


def page_archive(ctx: Context) -> str:
    page = "arsip.md"
    out = [front("Arsip", ["arsip"]), "# Arsip RKT bertanda tangan\n\n",
           "Setiap versi RKT yang ditandatangani Kepala Badan, dengan sidik jari SHA-256 pindaiannya. "
           "Sidik jari diperiksa ulang setiap kali dasbor dibangun.\n\n"]
    versions: list[SignedVersion] = sorted((v for c in ctx.cycles for v in c.signed),
                                           key=lambda v: (-v.year, -v.version))
    if not versions:
        out.append("Belum ada versi bertanda tangan.\n")
        return "".join(out)
    rows = []
    for v in versions:
        ok = v.scan_exists and v.scan_sha256 == v.sha256
        check = Html('<span class="rkt-badge rkt-selesai">Cocok</span>' if ok else
                     '<span class="rkt-badge rkt-terlambat">Tidak cocok</span>')
        href = posixpath.relpath(f"unduh/{v.scan}", posixpath.dirname(page) or ".")
        scan = Html(f'<a href="{esc(href)}">{esc(v.scan)}</a>') if ok else esc(v.scan)
        rows.append([v.year, v.version, fmt.date_short(v.date), f"{v.signer.name}\nNIP {v.signer.nip}",
                     Html(f'<code class="rkt-hash">{esc(v.sha256)}</code>'), check,
                     Html(f"<code>{esc(v.commit[:12])}</code>"), scan, v.note or "—"])
    out.append(table(["Tahun", "Versi", "Tanggal", "Penandatangan", "SHA-256", "Pemeriksaan", "Commit sumber",
                      "Pindaian", "Catatan"], rows, numeric=(0, 1), hide_small=(4, 6)) + "\n\n")
    out.append("## Perubahan antarversi\n\n")
    for v in versions:
        out.append(f'<h3 class="rkt-version">RKT {v.year} versi {v.version}</h3>\n\n')
        if v.version == 1:
            out.append("<p>Versi pertama.</p>\n\n")
            continue
        changes = ctx.changes.get((v.year, v.version))
        if changes is None:
            out.append("<p>Perubahan tidak dapat dihitung: isi pada commit sumber salah satu versi tidak tersedia "
                       "di repositori ini.</p>\n\n")
        elif not changes:
            out.append(f"<p>Isi sama dengan versi {v.version - 1}.</p>\n\n")
        else:
            items = "".join(f"<li>{esc(c)}</li>" for c in changes)
            out.append(f"<p>Dibandingkan dengan versi {v.version - 1}:</p><ul>{items}</ul>\n\n")
    return "".join(out)


def page_sop(ctx: Context) -> str:
    sop = ctx.sop
    out = [front("SOP", ["SOP"]), "# SOP Penyusunan RKT\n\n",
           f'<p class="rkt-lead">{esc(sop.name)} · {esc(ctx.agency.name)} {esc(ctx.agency.government)}</p>\n\n']
    ident = [["Nomor SOP", sop.number or "—"], ["Tanggal pembuatan", fmt.date_id(sop.made_on)],
             ["Tanggal revisi", fmt.date_id(sop.revised_on)], ["Tanggal efektif", fmt.date_id(sop.effective_on)],
             ["Disahkan oleh", ctx.lane_name(sop.approved_by) if sop.approved_by else "—"]]
    out.append("## Identitas\n\n" + table(["", ""], ident, cls="rkt-table rkt-ident") + "\n\n")
    blocks = [("Dasar hukum", sop.legal_basis), ("Kualifikasi pelaksana", sop.qualifications),
              ("Keterkaitan", sop.related), ("Peralatan/perlengkapan", sop.equipment),
              ("Peringatan", sop.warnings), ("Pencatatan dan pendataan", sop.records)]
    for title, items in blocks:
        out.append(f"### {title}\n\n<ol>{''.join(f'<li>{esc(i)}</li>' for i in items)}</ol>\n\n")
    out.append("## Bagan alir\n\n")
    out.append(f"![Bagan alir SOP: satu lajur per pelaksana]({ctx.charts['sop']})\n\n")
    out.append("## Uraian prosedur dan mutu baku\n\n")
    rows = []
    for s in sop.steps:
        executor = ctx.lane_name(s.executor)
        if s.supporting:
            executor += " (bersama " + ", ".join(ctx.lane_name(x) for x in s.supporting) + ")"
        note = s.note or ""
        if s.on_reject is not None:
            note = (note + "\n" if note else "") + f"Keputusan: tidak → kembali ke langkah {s.on_reject}; ya → lanjut"
        rows.append([s.number, s.description, executor, s.inputs, s.days_written, s.output, note or "—"])
    out.append(table(["No", "Uraian prosedur", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"], rows,
                     numeric=(0,)) + "\n\n")
    total = sum(s.days for s in sop.steps)
    out.append(f"Waktu baku seluruh langkah tanpa revisi: **{total} hari kerja** "
               f"(“Hari” = hari kerja Senin–Jumat di luar libur nasional dan cuti bersama; 1 Minggu = 5 hari kerja).\n")
    return "".join(out)


def target_number(value: object) -> float | None:
    """A target as a number for charts ("0,70" -> 0.7, "92%" -> 92); None for predikat and text."""
    if isinstance(value, int):
        return float(value)
    text = str(value).strip().rstrip("%").strip().replace(".", "").replace(",", ".") if value is not None else ""
    try:
        return float(text)
    except ValueError:
        return None


def trend_years(ctx: Context) -> list[int]:
    return sorted(c.year for c in ctx.cycles)


def page_trend(ctx: Context) -> str:
    years = trend_years(ctx)
    out = [front("Tren", ["tren"]), "# Tren antartahun\n\n",
           "Target Indikator Kinerja Utama (IKU) dan anggaran tiap unit pada setiap siklus RKT.\n\n",
           "## Target IKU\n\n"]
    iku = [(o, i) for o, i in ctx.renstra.indicators() if i.is_iku]
    rows = []
    for obj, ind in iku:
        cells = []
        for y in years:
            rkt = ctx.compiled[y]
            row = next((r for r in rkt.performance if r.indicator.code == ind.code), None)
            cells.append(row.target if row and row.target is not None else (ind.target(y) or "—"))
        rows.append([ind.code, ind.description, ind.unit_of_measure, *cells])
    out.append(table(["Kode", "Indikator", "Satuan", *map(str, years)], rows) + "\n\n")
    if "tren-iku" in ctx.charts:
        out.append(f"![Target IKU per tahun]({ctx.charts['tren-iku']})\n\n")
    out.append("## Anggaran per unit\n\n")
    units = [u for u in ctx.agency.units]
    rows = []
    for u in units:
        values = []
        for y in years:
            plan = next((p for p in ctx.compiled[y].units if p.unit.code == u.code), None)
            values.append(fmt.rupiah(plan.budget) if plan and plan.form else "—")
        rows.append([u.name, *values])
    totals = [fmt.rupiah(ctx.compiled[y].total_budget) for y in years]
    rows.append([Html("<strong>Jumlah</strong>"), *totals])
    out.append(table(["Unit", *map(str, years)], rows, numeric=tuple(range(1, len(years) + 1))) + "\n\n")
    out.append(f"![Anggaran per unit per tahun]({ctx.charts['tren-anggaran']})\n")
    return "".join(out)


def json_for_html(data: object) -> str:
    """JSON that can sit inside <script type="application/json">: no '<', '>' or '&' as such."""
    import json

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_form(form_data: dict) -> str:
    """The "Isi Form RKT" page: a mount point, the embedded data, and a fallback without JavaScript."""
    return (front("Isi Form RKT", ["form"]) + "# Isi Form RKT\n\n"
            "Isi Form RKT unit Anda langsung di halaman ini. Isian diperiksa saat diketik dengan aturan yang sama "
            "seperti pemeriksaan di GitHub. Tidak ada data yang dikirim ke mana pun sampai Anda sendiri memilih "
            "**Ajukan ke GitHub** (atau mengunduh berkasnya). Lihat juga Panduan: *Isi Form RKT lewat situs*.\n\n"
            '<div id="rkt-isi-form" class="rkt-isi-form"><p>Memuat form…</p>'
            "<noscript><p>Halaman ini memerlukan JavaScript. Tanpa JavaScript, isi form lewat editor web GitHub "
            "atau templat Excel (lihat Panduan).</p></noscript></div>\n\n"
            f'<script type="application/json" id="rkt-form-data">{json_for_html(form_data)}</script>\n')


def page_tags() -> str:
    return front("Label") + "# Label\n\n<!-- material/tags -->\n"


def pages(ctx: Context) -> dict[str, str]:
    out = {"index.md": page_home(ctx), "siklus/index.md": page_cycles_index(ctx), "arsip.md": page_archive(ctx),
           "sop.md": page_sop(ctx), "label.md": page_tags(), "tren.md": page_trend(ctx),
           "isi-form.md": page_form(ctx.form_data)}
    for c in ctx.cycles:
        out[f"siklus/{c.year}.md"] = page_cycle(ctx, c)
        out[f"rkt/{c.year}.md"] = page_rkt(ctx, c)
    return out
