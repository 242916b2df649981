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

from generator.core import fmt, target
from generator.documents import pk
from generator.core.calendar import WorkCalendar
from generator.plan.compile import DRAFT, CompiledRkt, Signature, group_nip, plan_rows
from generator.core.model import Agency, CycleFolder, Form, Indicator, Renstra, SignedVersion, Sop
from generator.plan.status import (
    BELUM,
    BERJALAN,
    DICATAT,
    DIJADWALKAN,
    DILEWATI,
    PHASE_LABELS,
    SELESAI,
    STATE_LABELS,
    TANPA_CATATAN,
    CycleStatus,
    StepStatus,
    who_must_act,
)


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
          hide_small: Sequence[int] = (), nowrap: Sequence[int] = (), label: str | None = None,
          stack: str | None = "m") -> Html:
    """An HTML table in a scroll region named `label`; `numeric` columns align right, `hide_small`
    ones are hidden on phones. Where its region is narrower than the `stack` size ("s", "m", "l":
    see rkt.css), each row becomes a card and each cell shows its column's name: no column the
    reader needs ends up beyond the screen's edge."""
    def attr(i: int) -> str:
        classes = (["num"] if i in numeric else []) + (["rkt-wide"] if i in hide_small else []) + \
            (["rkt-nowrap"] if i in nowrap else [])
        return f' class="{" ".join(classes)}"' if classes else ""

    def cell_attr(i: int) -> str:
        name = headers[i] if stack and i < len(headers) and headers[i] else None
        return attr(i) + (f' data-label="{esc(name)}"' if name else "")

    classes = cls + (f" rkt-stack rkt-stack-{stack}" if stack else "")
    out = [f'<table class="{classes}">', "<thead><tr>"]
    out += [f"<th{attr(i)}>{esc(h)}</th>" for i, h in enumerate(headers)]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(rows):
        rc = row_classes[n] if row_classes and n < len(row_classes) else None
        out.append(f'<tr class="{rc}">' if rc else "<tr>")
        out += [f"<td{cell_attr(i)}>{esc(c)}</td>" for i, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return region("".join(out), label or "Tabel " + ", ".join(h for h in headers[:3] if h))


def region(inner: str, label: str) -> Html:
    """A table's box: scrolls sideways only if it must, and can then be reached and scrolled with the
    keyboard (tabindex); a screen reader announces it by its label."""
    return Html(f'<div class="rkt-scroll" tabindex="0" role="region" aria-label="{esc(label)}">{inner}</div>')



def badge(state: str, late_by: int = 0, finished: bool = False) -> Html:
    label = STATE_LABELS[state]
    if state == "terlambat":
        label = f"Terlambat {late_by} hari" + (" (selesai)" if finished else "")
    return Html(f'<span class="rkt-badge rkt-{state}">{esc(label)}</span>')


def chart(ctx: Context, page: str, key: str, alt: str) -> Html:
    """A chart that opens full size when tapped. Narrow screens get its phone variant (drawn for a
    phone's width, so its text stays at least 11 CSS px) when the build made one."""
    def rel(path: str) -> str:
        return posixpath.relpath(path, posixpath.dirname(page) or ".")

    full = rel(ctx.charts[key])
    phone = ctx.charts.get(f"{key}-ponsel")
    source = f'<source media="(max-width: {PHONE_CHART_BELOW})" srcset="{esc(rel(phone))}">' if phone else ""
    return Html(f'<a class="rkt-chart" href="{esc(full)}"><picture>{source}<img src="{esc(full)}" alt="{esc(alt)}">'
                '</picture></a>\n<span class="rkt-chart-hint">Ketuk grafik untuk membukanya dalam ukuran penuh.</span>')


# below this width a desktop chart would shrink its text under 11 px: the phone variant takes over
PHONE_CHART_BELOW = "52em"


def page_not_found() -> str:
    """The 404 page, in Indonesian (the theme's own says "404 - Not found")."""
    return ("---\ntitle: Halaman tidak ditemukan\nsearch:\n  exclude: true\n---\n\n"
            "# Halaman tidak ditemukan\n\n"
            "Halaman yang Anda buka tidak ada di dasbor ini. Mungkin alamatnya salah ketik, atau halaman itu "
            "sudah dipindahkan.\n\n"
            "[Kembali ke Beranda](index.md) atau pilih halaman lain dari menu.\n")


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
    """What is late and what it costs, in words a reader takes in without help. The title says what
    the box is ("Tepat Waktu", the SOP's own word for its warning, reads as "on time")."""
    items = "".join(f"<li>{esc(w)}</li>" for w in status.warnings)
    if status.phase == SELESAI:
        # a finished cycle is judged by when it ended, not by steps that no longer run
        if status.ended_behind:
            text = (f"Siklus selesai {fmt.date_id(status.ended)}, {status.ended_behind} hari kerja setelah jadwal "
                    f"dasar ({fmt.date_id(status.baseline_end)}).")
            return Html(f'<div class="admonition warning"><p class="admonition-title">Selesai terlambat</p>'
                        f"<p>{esc(text)}</p>{f'<ul>{items}</ul>' if items else ''}</div>")
        text = f"Siklus selesai {fmt.date_id(status.ended)}, sesuai jadwal dasar ({fmt.date_id(status.baseline_end)})."
        return Html(f'<div class="admonition success"><p class="admonition-title">Selesai tepat waktu</p>'
                    f"<p>{esc(text)}</p>{f'<ul>{items}</ul>' if items else ''}</div>")
    if not status.warnings:
        return Html('<div class="admonition success"><p class="admonition-title">Sesuai jadwal</p>'
                    '<p>Tidak ada langkah yang terlambat.</p></div>')
    late = bool(status.late or status.slip or (status.forecast and status.forecast.behind))
    title = "Peringatan keterlambatan" if late else "Perhatian"
    return Html(f'<div class="admonition warning"><p class="admonition-title">{title}</p><ul>{items}</ul></div>')


def step_table(ctx: Context, status: CycleStatus, full: bool) -> Html:
    """The SOP's steps with their status. `full` (the cycle page): every date, the phone shows it as
    cards; otherwise (Beranda) one short row per step that fits a phone, its dates in one cell."""
    rows, classes = [], []
    for s in status.steps:
        expected = status.forecast.step(s.step.number) if status.forecast else None
        if full:
            rows.append([s.step.number, s.step.short, ctx.lane_name(s.step.executor), s.step.days_written,
                         fmt.date_range(s.planned.start, s.planned.end), _done_cell(s), fmt.date_short(s.deadline),
                         fmt.date_range(expected.start, expected.end) if expected else "—",
                         s.days_used or "—", _state_cell(s)])
        else:
            rows.append([s.step.number, s.step.short, ctx.lane_name(s.step.executor), _dates_cell(status, s),
                         _state_cell(s)])
        classes.append(f"rkt-row-{s.state}")
    if full:
        headers = ["No", "Langkah", "Pelaksana", "Waktu SOP", "Jadwal dasar", "Pelaksanaan", "Tenggat", "Perkiraan",
                   "Hari kerja", "Status"]
        return table(headers, rows, numeric=(0, 8), row_classes=classes, hide_small=(3, 4, 8),
                     nowrap=(6,), label=f"Langkah SOP siklus {status.year}", stack="l")
    return table(["No", "Langkah", "Pelaksana", "Tanggal", "Status"], rows, numeric=(0,),
                 row_classes=classes, hide_small=(2,), label=f"Langkah SOP siklus {status.year}", stack=None)


def _done_cell(s: StepStatus) -> str:
    """When a step was carried out: its first to its last day, or since when it runs."""
    if s.state == DILEWATI:
        return "dilewati"
    if s.finished is not None:
        return fmt.date_range(min(s.started or s.finished, s.finished), s.finished)
    return f"sejak {fmt.date_short(s.started)}" if s.started else "—"


def _dates_cell(status: CycleStatus, s: StepStatus) -> Html:

    """A step's dates in words: when it was done, or its SOP deadline and the forecast's date for it."""
    if s.state == DILEWATI:
        return Html("dilewati")
    if s.finished is not None:
        return esc(f"selesai {fmt.date_short(s.finished)}")
    if status.phase == DIJADWALKAN:
        return esc(f"jadwal {fmt.date_short(s.planned.end)}")  # nothing has started: the baseline is all there is
    expected = status.forecast.step(s.step.number) if status.forecast else None
    parts = [f"tenggat {fmt.date_short(s.deadline)}"] if s.deadline else []
    if expected is not None and expected.end != s.deadline:
        parts.append(f"perkiraan {fmt.date_short(expected.end)}")
    return Html("<br>".join(esc(p) for p in parts)) if parts else Html("—")



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
                  "Anggaran"], rows, numeric=(6,), label=f"Form RKT unit siklus {status.year}", stack="l")


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
    return table(["Tanggal", "Langkah", "Oleh", "Unit", "Keputusan", "Catatan", "Bukti"], rows,
                 label=f"Catatan peristiwa siklus {folder.cycle.year}")



# --- pages ----------------------------------------------------------------

# Pages of tables: the table of contents would take a third of a laptop's width from them
DATA_PAGE = "hide:\n  - toc"


def page_home(ctx: Context) -> str:
    """Designed for a 360 px phone first: the first screen says where the cycle is, who must act
    now, which units are missing, how late it is and when it will end."""
    page = "index.md"
    agency = f"{ctx.agency.short} {ctx.agency.government.replace('Pemerintah ', '')}"
    out = [front("Beranda", extra=DATA_PAGE), "# Dasbor RKT\n\n",
           f'<p class="rkt-lead">Keadaan per {esc(fmt.date_id(ctx.today))} · {esc(agency)}</p>\n\n']
    folder = current_cycle(ctx)
    if folder is None:
        out.append(_first_steps(ctx, page))
        return "".join(out)
    st = ctx.statuses[folder.year]
    out.append(f"## RKT {folder.year}: {PHASE_LABELS[st.phase]}\n\n")
    out.append(_phase_note(ctx, st))
    out.append(_summary_cards(ctx, folder, st) + "\n\n")
    out.append(_timeliness(st))
    out.append("### Langkah SOP\n\n")
    out.append(step_table(ctx, st, full=False) + "\n\n")
    out.append(link(page, f"siklus/{folder.year}.md", f"Rincian siklus {folder.year}") + " · " +
               link(page, f"rkt/{folder.year}.md", f"RKT {folder.year} (kompilasi)") + "\n\n")
    out.append("## Semua siklus\n\n")
    out.append(_cycle_list(ctx, page))
    return "".join(out)


def _first_steps(ctx: Context, page: str) -> str:
    """The Beranda of a repository without a cycle: what to do first, in order."""
    from generator.check.placeholders import unfilled

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
    """The timeliness box, where timeliness means something: not for an archive, and for a
    cycle not yet started only when it has a warning (missing holiday data)."""
    if st.phase == DICATAT or (st.phase == DIJADWALKAN and not st.warnings):
        return ""
    return warnings_box(st) + "\n\n"


def _summary_cards(ctx: Context, folder: CycleFolder, st: CycleStatus) -> Html:
    if st.phase == BERJALAN:
        return now_panel(ctx, st)
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
    verdict = (f"{st.ended_behind} hari kerja setelah jadwal dasar" if st.ended_behind else "tepat waktu")
    return _cards([("Selesai pada", f"{fmt.date_id(st.ended)} ({verdict})"),
                   ("Jadwal dasar selesai", fmt.date_id(st.baseline_end)),
                   ("Versi bertanda tangan", str(len(folder.signed))),
                   ("Putaran revisi", str(len(st.rejections)))])


def now_panel(ctx: Context, st: CycleStatus) -> Html:
    """A running cycle in four answers: the step it waits on, who must act (name and jabatan), which
    units have not submitted, and the forecast finish against the baseline. Every figure comes from
    the same status and forecast, so no two of them can disagree."""
    rows: list[tuple[str, Html]] = []
    current = st.current
    if current is not None:
        head = esc(f"Langkah {current.step.number} dari {len(st.steps)}: {current.step.short}")
        if current.deadline is not None:  # (how late it is, the badge says)
            when = f"tenggat {fmt.date_id(current.deadline)}"
        else:
            expected = st.forecast.step(current.step.number) if st.forecast else None
            when = f"dimulai {fmt.date_id(expected.start)}" if expected else ""
        rows.append(("Langkah sekarang", Html(f"<strong>{head}</strong> {_state_cell(current)}"
                                               + (f"<br>{esc(when)}" if when else ""))))
    actors = who_must_act(st, ctx.agency)
    if actors:
        people = "".join(f"<li><strong>{esc(a.person.name)}</strong><br>{esc(a.person.position)}</li>"
                         for a in actors)
        rows.append(("Harus bertindak sekarang", Html(f'<ul class="rkt-people">{people}</ul>')))
    elif current is not None:
        rows.append(("Harus bertindak sekarang", esc(ctx.lane_name(current.step.executor))))
    forms_due = any(s.step.evidence == "form_unit" and s.started is not None for s in st.steps)
    if st.missing_units and forms_due:  # before the forms' step nobody is missing yet
        submitted = sum(1 for s in st.submissions if s.date)
        rows.append(("Belum menyerahkan Form RKT", Html(
            f"<strong>{esc(', '.join(_unit_short(ctx, u) for u in st.missing_units))}</strong> "
            f"({submitted} dari {len(st.submissions)} unit sudah menyerahkan)")))
    if st.forecast is not None:
        f = st.forecast
        versus = (f"{f.behind} hari kerja setelah jadwal dasar ({fmt.date_id(st.baseline_end)})" if f.behind
                  else f"sesuai jadwal dasar ({fmt.date_id(st.baseline_end)})")
        rows.append(("Perkiraan selesai", Html(f"<strong>{esc(fmt.date_id(f.finish))}</strong><br>{esc(versus)}")))
    body = "".join(f'<div class="rkt-now-row"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in rows)
    return Html(f'<dl class="rkt-now">{body}</dl>')


def _unit_short(ctx: Context, code: str) -> str:
    unit = ctx.agency.unit(code)
    return unit.short if unit else code


def _cards(cards: list[tuple[str, str]]) -> Html:
    body = "".join(f'<div class="rkt-card"><div class="rkt-card-label">{esc(k)}</div>'
                   f'<div class="rkt-card-value">{esc(v)}</div></div>' for k, v in cards)
    return Html(f'<div class="rkt-cards">{body}</div>')


def _cycle_list(ctx: Context, page: str) -> str:
    lines = []
    for c in ctx.cycles:
        st = ctx.statuses[c.year]
        if st.phase == SELESAI:
            state = f"selesai {fmt.date_id(st.ended)}, " + (
                f"{st.ended_behind} hari kerja setelah jadwal dasar" if st.ended_behind else "tepat waktu")
        elif st.phase == BERJALAN and st.forecast is not None:
            state = (f"berjalan, {len(st.late)} langkah terlambat, perkiraan selesai "
                     f"{fmt.date_id(st.forecast.finish)}")
        else:
            state = {DIJADWALKAN: f"dijadwalkan, mulai {fmt.date_id(st.start)}",
                     DICATAT: "dicatat kemudian"}.get(st.phase, "berjalan")
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
    out = [front(f"Siklus {folder.year}", tags, extra=DATA_PAGE), f"# Siklus RKT {folder.year}\n\n",
           f'<p class="rkt-lead">Mulai {esc(fmt.date_id(folder.cycle.start))} · jadwal dasar selesai '
           f"{esc(fmt.date_id(st.baseline_end))} · keadaan per {esc(fmt.date_id(ctx.today))}</p>\n\n",
           _phase_note(ctx, st), _summary_cards(ctx, folder, st) + "\n\n",
           _timeliness(st),
           "## Linimasa\n\n",
           chart(ctx, page, f"siklus-{folder.year}", f"Linimasa siklus {folder.year}: jadwal dasar, pelaksanaan"
                 + (" dan perkiraan" if st.forecast else "")) + "\n\n",
           "## Langkah\n\n", step_table(ctx, st, full=True) + "\n\n"]
    if st.rejections:
        out.append("## Putaran revisi\n\n")
        rows = [[i, fmt.date_short(r.event.date), f"Langkah {r.step}", f"Kembali ke langkah {r.back_to}",
                 ctx.person_name(r.event.by), r.event.note or "—"] for i, r in enumerate(st.rejections, start=1)]
        out.append(table(["Putaran", "Tanggal", "Keputusan tidak", "Tindak lanjut", "Oleh", "Catatan"], rows,
                         numeric=(0,), label=f"Putaran revisi siklus {folder.year}") + "\n\n")
    out += ["## Form RKT unit\n\n", submission_table(ctx, st) + "\n\n",
            link(page, f"rkt/{folder.year}.md", f"Lihat RKT {folder.year} hasil kompilasi") + "\n\n",
            "## Catatan peristiwa\n\n", event_table(ctx, folder) + "\n"]
    return "".join(out)


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
    if rkt.draft:
        out.append(f'<div class="admonition warning rkt-draf"><p class="admonition-title">{DRAFT}: belum lengkap</p>'
                   f"<p>{esc(rkt.draft_note)}</p></div>\n\n")
    out.append(f'<div class="rkt-doc"><div class="rkt-kop"><p>{esc(a.government.upper())}</p>'
               f"<p>{esc(a.name.upper())}</p><p class=\"rkt-kop-addr\">{esc(a.address)}</p></div>"
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
        totals = [[p.unit.name, fmt.rupiah(p.budget) if p.form else "belum diserahkan",
                   fmt.percent(p.budget, rkt.total_budget) if p.form else "—"] for p in rkt.program_units]
        totals.append([Html("<strong>Jumlah</strong>"), Html(f"<strong>{esc(fmt.rupiah(rkt.total_budget))}</strong>"),
                       "100%" if rkt.total_budget else "—"])
        out.append("## Jumlah anggaran per unit\n\n")
        out.append(table(["Unit", "Anggaran", "Porsi"], totals, numeric=(1, 2)) + "\n\n")
    if rkt.signature is not None:
        out.append(_signature(rkt.signature))
    return "".join(out)


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
    headers = rkt.performance_headers()
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
            for j, cell in enumerate(rkt.performance_cells(row), start=2):
                content = Html(f'<em class="rkt-belum">{esc(cell)}</em>') if j == target_col and not row.filled \
                    else esc(cell)
                out.append(f'<td data-label="{esc(headers[j])}">{content}</td>')
            out.append("</tr>")
    out.append("</tbody></table>")
    return region("".join(out), "Tabel kinerja")


_SITE_INDENT = {"Kegiatan": "rkt-l1", "Sub Kegiatan": "rkt-l2"}
_SITE_ROW_CLASS = {"Program": "rkt-program", "Kegiatan": "rkt-kegiatan", "Sub Kegiatan": None}


def _program_table(form: Form, rkt: CompiledRkt) -> Html:
    detail = rkt.shows_program_indicator
    rows: list[list[object]] = []
    classes: list[str | None] = []
    for row in plan_rows(form):
        if row.level == "Program":
            label = Html(f"<strong>{esc(row.code)}</strong> {esc(row.name)}")
        else:
            label = Html(f'<span class="{_SITE_INDENT[row.level]}">{esc(row.code)} {esc(row.name)}</span>')
        budget = "—" if row.budget is None else fmt.rupiah(row.budget)
        rows.append([row.number or "", label, *([row.indicator, row.target_text] if detail else []), budget])
        classes.append(_SITE_ROW_CLASS[row.level])
    total = Html(f"<strong>{esc(fmt.rupiah(form.budget))}</strong>")
    rows.append(["", Html("<strong>Jumlah</strong>"), *(["", ""] if detail else []), total])
    classes.append("rkt-total")
    headers = ["No", rkt.program_heading, *(["Indikator kinerja", "Target kinerja"] if detail else []),
               "Anggaran (Rp)"]
    return table(headers, rows, numeric=(0, len(headers) - 1), row_classes=classes)


def page_archive(ctx: Context) -> str:
    page = "arsip.md"
    out = [front("Arsip", ["arsip"], extra=DATA_PAGE), "# Arsip RKT bertanda tangan\n\n",
           "Setiap versi RKT yang ditandatangani Kepala Badan, dengan pindaiannya. Setiap kali dasbor dibangun, "
           "pindaian diperiksa ulang terhadap sidik jarinya (SHA-256): “Cocok” berarti berkasnya tidak berubah "
           "sejak ditandatangani.\n\n"]
    versions: list[SignedVersion] = sorted((v for c in ctx.cycles for v in c.signed),
                                           key=lambda v: (-v.year, -v.version))
    if not versions:
        out.append("Belum ada versi bertanda tangan.\n")
        return "".join(out)
    out.append(_signed_table(page, versions, "Versi bertanda tangan") + "\n\n")
    agreements = sorted((v for c in ctx.cycles for v in c.agreements), key=lambda v: (-v.year, -v.version))
    if agreements:  # the Perjanjian Kinerja made from a signed RKT, archived the same way
        out.append("## Perjanjian Kinerja bertanda tangan\n\n"
                   + _signed_table(page, agreements, "Perjanjian Kinerja bertanda tangan") + "\n\n")
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


def _signed_table(page: str, versions: list[SignedVersion], label: str) -> Html:
    rows = []
    for v in versions:
        ok = v.scan_exists and v.scan_sha256 == v.sha256
        check = Html('<span class="rkt-badge rkt-selesai">Cocok</span>' if ok else
                     '<span class="rkt-badge rkt-terlambat">Tidak cocok</span>')
        href = posixpath.relpath(f"unduh/{v.scan}", posixpath.dirname(page) or ".")
        scan = Html(f'<a href="{esc(href)}">{esc(v.scan)}</a>') if ok else esc(v.scan)
        # the fingerprint and the source commit are for whoever audits the archive: folded away
        details = Html(f'<details class="rkt-rincian"><summary>rincian</summary>'
                       f'<p>SHA-256: <code class="rkt-hash">{esc(v.sha256)}</code></p>'
                       f"<p>Commit sumber: <code>{esc(v.commit[:12])}</code></p></details>")
        rows.append([v.year, v.version, fmt.date_short(v.date), f"{v.signer.name}\nNIP. {group_nip(v.signer.nip)}",
                     Html(check + details), scan, v.note or "—"])
    return table(["Tahun", "Versi", "Tanggal", "Penandatangan", "Pemeriksaan", "Pindaian", "Catatan"], rows,
                 numeric=(0, 1), label=label, stack="m")


def page_sop(ctx: Context) -> str:
    sop = ctx.sop
    out = [front("SOP", ["SOP"], extra=DATA_PAGE), "# SOP Penyusunan RKT\n\n",
           f'<p class="rkt-lead">{esc(sop.name)} · {esc(ctx.agency.name)} {esc(ctx.agency.government)}</p>\n\n']
    ident = [["Nomor SOP", sop.number or "—"], ["Tanggal pembuatan", fmt.date_id(sop.made_on)],
             ["Tanggal revisi", fmt.date_id(sop.revised_on)], ["Tanggal efektif", fmt.date_id(sop.effective_on)],
             ["Disahkan oleh", ctx.lane_name(sop.approved_by) if sop.approved_by else "—"]]
    out.append("## Identitas\n\n" + table(["", ""], ident, cls="rkt-table rkt-ident", label="Identitas SOP",
                                          stack=None) + "\n\n")
    blocks = [("Dasar hukum", sop.legal_basis), ("Kualifikasi pelaksana", sop.qualifications),
              ("Keterkaitan", sop.related), ("Peralatan/perlengkapan", sop.equipment),
              ("Peringatan", sop.warnings), ("Pencatatan dan pendataan", sop.records)]
    for title, items in blocks:
        out.append(f"### {title}\n\n<ol>{''.join(f'<li>{esc(i)}</li>' for i in items)}</ol>\n\n")
    out.append("## Bagan alir\n\n")
    out.append(chart(ctx, "sop.md", "sop", "Bagan alir SOP: satu lajur per pelaksana") + "\n\n")
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
                     numeric=(0,), label="Uraian prosedur dan mutu baku", stack="l") + "\n\n")

    total = sum(s.days for s in sop.steps)
    out.append(f"Waktu baku seluruh langkah tanpa revisi: **{total} hari kerja** "
               f"(“Hari” = hari kerja Senin–Jumat di luar libur nasional dan cuti bersama; 1 Minggu = 5 hari kerja).\n")
    return "".join(out)


def target_number(value: object) -> float | None:
    """A target as a number for charts ("0,70" -> 0.7, "92%" -> 92, SIPD's "0.62" -> 0.62);
    None for "-", predikat, text and a number that reads two ways ("1.500")."""
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return target.number(value)


def trend_value(rkt: CompiledRkt, indicator: Indicator) -> float | None:
    """The plan's target for the trend chart: the agreed one the RKT prints; None where the
    RKT prints none, "belum diisi", or different targets of different units."""
    row = next((r for r in rkt.performance if r.indicator.code == indicator.code), None)
    if row is None or len(row.distinct) != 1:
        return None
    return target.number(row.distinct[0].target, indicator.unit_of_measure)


def trend_years(ctx: Context) -> list[int]:
    return sorted(c.year for c in ctx.cycles)


def page_trend(ctx: Context) -> str:
    years = trend_years(ctx)
    out = [front("Tren", ["tren"], extra=DATA_PAGE), "# Tren antartahun\n\n",
           "Target Indikator Kinerja Utama (IKU) dan anggaran tiap unit pada setiap siklus RKT.\n\n",
           "## Target IKU\n\n"]
    iku = [(o, i) for o, i in ctx.renstra.indicators() if i.is_iku]
    rows = []
    for obj, ind in iku:
        cells = []
        for y in years:
            rkt = ctx.compiled[y]
            row = next((r for r in rkt.performance if r.indicator.code == ind.code), None)
            cells.append(row.target_text if row else "—")  # what that year's RKT prints
        rows.append([ind.code, ind.description, ind.unit_of_measure or "", *cells])
    out.append(table(["Kode", "Indikator", "Satuan", *map(str, years)], rows) + "\n\n")
    if "tren-iku" in ctx.charts:
        out.append(chart(ctx, "tren.md", "tren-iku", "Target IKU per tahun") + "\n\n")
    out.append("## Anggaran per unit\n\n")
    units = [u for u in ctx.agency.units]
    rows = []
    for u in units:
        values = []
        for y in years:
            plan = next((p for p in ctx.compiled[y].units if p.unit.code == u.code), None)
            values.append(fmt.rupiah(plan.budget) if plan and plan.form else "—")
        rows.append([u.name, *values])
    # a total of fewer units is not comparable with a full one: say so beside it
    totals = [fmt.rupiah(ctx.compiled[y].total_budget) + (
        f"\nbelum lengkap: {len(ctx.compiled[y].units) - len(ctx.compiled[y].missing)} dari "
        f"{len(ctx.compiled[y].units)} unit" if ctx.compiled[y].missing else "") for y in years]
    rows.append([Html("<strong>Jumlah</strong>"), *totals])
    out.append(table(["Unit", *map(str, years)], rows, numeric=tuple(range(1, len(years) + 1)),
                     label="Anggaran per unit per tahun") + "\n\n")
    out.append(chart(ctx, "tren.md", "tren-anggaran", "Anggaran per unit per tahun") + "\n")

    return "".join(out)


def json_for_html(data: object) -> str:
    """JSON that can sit inside <script type="application/json">: no '<', '>' or '&' as such."""
    import json

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_form(form_data: dict) -> str:
    """The "Isi Form RKT" page: a mount point, the embedded data, and a fallback without JavaScript."""
    return (front("Isi Form RKT", ["form"]) + "# Isi Form RKT\n\n"
            "Isi Form RKT unit Anda langsung di halaman ini. Isian diperiksa dengan aturan yang sama seperti "
            "pemeriksaan di GitHub, dan disimpan sebagai draf di peramban ini setiap kali Anda mengetik: bila halaman "
            "tertutup, isian muncul lagi saat halaman ini dibuka kembali. Form yang belum selesai dapat diunduh "
            "sebagai draf dan dilanjutkan di perangkat lain. Tidak ada data yang dikirim ke mana pun sampai Anda "
            "sendiri memilih **Ajukan ke GitHub** atau mengunduh berkasnya. Lihat juga Panduan: "
            "*Isi Form RKT lewat situs*.\n\n"
            '<div id="rkt-isi-form" class="rkt-isi-form"><p>Memuat form…</p>'
            "<noscript><p>Halaman ini memerlukan JavaScript. Tanpa JavaScript, isi form lewat editor web GitHub "
            "atau templat Excel (lihat Panduan).</p></noscript></div>\n\n"
            f'<script type="application/json" id="rkt-form-data">{json_for_html(form_data)}</script>\n')


def page_tags() -> str:
    return front("Label") + "# Label\n\n<!-- material/tags -->\n"


def pages(ctx: Context) -> dict[str, str]:
    out = {"index.md": page_home(ctx), "siklus/index.md": page_cycles_index(ctx), "arsip.md": page_archive(ctx),
           "sop.md": page_sop(ctx), "label.md": page_tags(), "tren.md": page_trend(ctx),
           "isi-form.md": page_form(ctx.form_data), "404.md": page_not_found()}
    for c in ctx.cycles:
        out[f"siklus/{c.year}.md"] = page_cycle(ctx, c)
        out[f"rkt/{c.year}.md"] = page_rkt(ctx, c)
    return out
