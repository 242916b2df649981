"""The pages of the cycles: their list, and each cycle's steps, timeline, forms and events."""

from __future__ import annotations

from generator.core import fmt
from generator.core.model import CycleFolder
from generator.plan.status import (
    BELUM,
    DICATAT,
    DIJADWALKAN,
    SELESAI,
    SOP_SCHEDULE,
    TANPA_CATATAN,
    CycleStatus,
    late_label,
)
from generator.site.pages.context import Context
from generator.site.pages.markup import DATA_PAGE, Html, chart, esc, front, link, table
from generator.site.pages.progress import (
    badge,
    cycle_list,
    phase_note,
    step_table,
    summary_cards,
    timeliness,
)


def page_cycles_index(ctx: Context) -> str:
    page = "siklus/index.md"
    return front("Siklus") + "# Siklus RKT\n\n" + cycle_list(ctx, page)


def page_cycle(ctx: Context, folder: CycleFolder) -> str:
    page = f"siklus/{folder.year}.md"
    st = ctx.statuses[folder.year]
    assert folder.cycle is not None
    tags = [str(folder.year), st.phase] + (["terlambat"] if st.late else [])
    out = [front(f"Siklus {folder.year}", tags, extra=DATA_PAGE), f"# Siklus RKT {folder.year}\n\n",
           f'<p class="rkt-lead">{esc(_lead(ctx, folder, st))}</p>\n\n',
           phase_note(ctx, st), summary_cards(ctx, folder, st) + "\n\n",
           timeliness(st),
           "## Linimasa\n\n",
           chart(ctx, page, f"siklus-{folder.year}", f"Linimasa siklus {folder.year}: " + (
               "tanggal yang tercatat" if st.phase == DICATAT else f"{SOP_SCHEDULE}, pelaksanaan"
               + (" dan perkiraan" if st.forecast else ""))) + "\n\n",
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


def _lead(ctx: Context, folder: CycleFolder, st: CycleStatus) -> str:
    """The line under the title: the start and the end of the SOP schedule; for a cycle recorded afterwards,
    the start only when it was recorded, and no schedule."""
    assert folder.cycle is not None
    today = f"keadaan per {fmt.date_id(ctx.today)}"
    if st.phase == DICATAT:
        start = f"mulai {fmt.date_id(folder.cycle.start)} · " if folder.cycle.start else ""
        return f"Dicatat kemudian · {start}{today}"
    return f"Mulai {fmt.date_id(folder.cycle.start)} · akhir {SOP_SCHEDULE} {fmt.date_id(st.baseline_end)} · {today}"


def submission_table(ctx: Context, status: CycleStatus) -> Html:
    rows = []
    for sub in status.submissions:
        if status.phase == DICATAT:  # an archive: recorded or not, never judged on time
            state = badge(SELESAI if sub.received else TANPA_CATATAN)
        elif not sub.received and status.phase == DIJADWALKAN:
            state = badge(BELUM)
        elif not sub.received:
            state = Html('<span class="rkt-badge rkt-terlambat">Belum menyerahkan</span>')
        elif sub.date is None:  # in, on a day nobody recorded
            state = Html('<span class="rkt-badge rkt-selesai">Masuk, tanggal tidak tercatat</span>')
        elif sub.late_by:
            state = Html(f'<span class="rkt-badge rkt-terlambat">{esc(late_label(sub.late_by))}</span>')
        else:
            state = Html('<span class="rkt-badge rkt-selesai">Tepat waktu</span>')
        # the day a reviewer approved the submission, or the date typed on the form itself
        source = {"git": "tanggal persetujuan", "berkas": "tanggal pada form"}.get(sub.source, "—")
        budget = fmt.rupiah(sub.form.total) if sub.form else "—"  # "belum ada anggaran" when a part is unknown
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
