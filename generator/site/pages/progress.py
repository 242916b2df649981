"""Where a cycle stands, in the pieces Beranda and the cycle page share: the state badges, the
timeliness box, the table of SOP steps, the summary cards or "now" panel, and the list of cycles."""

from __future__ import annotations

import datetime as dt

from generator.core import fmt
from generator.core.model import CycleFolder
from generator.plan.status import (
    BERJALAN,
    DICATAT,
    DIJADWALKAN,
    DILEWATI,
    SELESAI,
    SOP_SCHEDULE,
    STATE_LABELS,
    CycleStatus,
    StepStatus,
    forecast_versus,
    late_label,
    versus_schedule,
    who_must_act,
    working_days,
)
from generator.site.pages.context import Context
from generator.site.pages.markup import Html, esc, link, table


def badge(state: str, late_by: int = 0, finished: bool = False) -> Html:
    label = STATE_LABELS[state]
    if state == "terlambat":
        label = late_label(late_by) + (" (selesai)" if finished else "")
    return Html(f'<span class="rkt-badge rkt-{state}">{esc(label)}</span>')


def warnings_box(status: CycleStatus) -> Html:
    """What is late and what it costs, in words a reader takes in without help, and only what the
    summary above it does not already say (a running cycle's summary states the step it waits on
    with its lateness, the units not in and the forecast). The title says what the box is ("Tepat
    Waktu", the SOP's own word for its warning, reads as "on time")."""
    items = "".join(f"<li>{esc(w)}</li>" for w in status.beyond_summary)
    if status.phase == SELESAI:
        # a finished cycle is judged by when its last step ended, not by steps that no longer run
        # (the cards above give its signing and archiving dates)
        versus = versus_schedule(status.ended_behind, status.baseline_end)
        if status.ended_behind:
            return Html(f'<div class="admonition warning"><p class="admonition-title">Selesai terlambat</p>'
                        f"<p>{esc(f'Langkah terakhir SOP selesai {versus}.')}</p>"
                        f"{f'<ul>{items}</ul>' if items else ''}</div>")
        return Html(f'<div class="admonition success"><p class="admonition-title">Selesai tepat waktu</p>'
                    f"<p>{esc(f'Seluruh langkah SOP selesai, {versus}.')}</p>"
                    f"{f'<ul>{items}</ul>' if items else ''}</div>")
    if not status.warnings:
        return Html('<div class="admonition success"><p class="admonition-title">Sesuai jadwal</p>'
                    '<p>Tidak ada langkah yang terlambat.</p></div>')
    if not items:
        return Html("")  # the summary says it all
    title = "Langkah lain yang terlambat" if status.late[1:] else "Perhatian"
    return Html(f'<div class="admonition warning"><p class="admonition-title">{title}</p><ul>{items}</ul></div>')


def step_table(ctx: Context, status: CycleStatus, full: bool) -> Html:
    """The SOP's steps with their status. `full` (the cycle page): every date, the phone shows it as
    cards; otherwise (Beranda) one short row per step that fits a phone: the step with who does it,
    its dates in one cell.
    A cycle recorded afterwards has no schedule: the short table, with the dates it recorded."""
    rows, classes = [], []
    full = full and status.phase != DICATAT
    for s in status.steps:
        expected = status.forecast.step(s.step.number) if status.forecast else None
        if full and s.planned is not None:
            rows.append([s.step.number, s.step.short, ctx.lane_name(s.step.executor), working_days(s.step.days),
                         fmt.date_range(s.planned.start, s.planned.end), _done_cell(s), _deadline_cell(status, s),
                         fmt.date_range(expected.start, expected.end) if expected else "—",
                         s.days_used or "—", _state_cell(s)])
        else:
            # who does it under the step's name: a phone has no room for a column of its own
            who = Html(f'{esc(s.step.short)}<br><span class="rkt-note">{esc(ctx.lane_name(s.step.executor))}</span>')
            rows.append([s.step.number, who, _dates_cell(status, s), _state_cell(s)])
        classes.append(f"rkt-row-{s.state}")
    if full:
        headers = ["No", "Langkah", "Pelaksana", "Waktu SOP", SOP_SCHEDULE[0].upper() + SOP_SCHEDULE[1:],
                   "Pelaksanaan", "Tenggat", "Perkiraan", "Hari kerja", "Status"]
        return table(headers, rows, numeric=(0, 8), row_classes=classes, hide_small=(3, 4, 8),
                     nowrap=(6,), label=f"Langkah SOP siklus {status.year}", stack="l")
    return table(["No", "Langkah dan pelaksana", "Tanggal", "Status"], rows, numeric=(0,),
                 row_classes=classes, label=f"Langkah SOP siklus {status.year}", stack=None)


def _deadline_cell(status: CycleStatus, s: StepStatus) -> str:
    """A step's deadline, saying which one: the SOP's (its start + its SOP time) once it has begun;
    before that the forecast's end for it, or, before the cycle starts, the SOP schedule's."""
    if s.deadline is not None:
        return fmt.date_short(s.deadline)
    if s.state == DILEWATI:
        return "tidak ada (dilewati)"
    expected = status.forecast.step(s.step.number) if status.forecast else None
    if expected is not None:
        return f"perkiraan {fmt.date_short(expected.end)}"
    if s.planned is not None and s.finished is None:
        return f"{SOP_SCHEDULE} {fmt.date_short(s.planned.end)}"
    return "—"


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
        if status.phase == DICATAT and s.step.evidence == "arsip":  # the repository's date, not the SOP's
            return esc(f"diarsipkan {fmt.date_short(s.finished)}")
        return esc(f"selesai {fmt.date_short(s.finished)}")
    if status.phase == DIJADWALKAN and s.planned is not None:
        return esc(f"{SOP_SCHEDULE} {fmt.date_short(s.planned.end)}")  # nothing has started: the schedule is all
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


def phase_note(ctx: Context, st: CycleStatus) -> str:
    """What a cycle that is not simply running means for the reader."""
    if st.phase == DIJADWALKAN:
        days = ctx.cal.count(ctx.today + dt.timedelta(days=1), st.start) if st.start else 0
        text = (f"Siklus ini dimulai {fmt.date_id(st.start)} ({days} hari kerja lagi). Belum ada langkah yang "
                f"berjalan, jadi belum ada yang terlambat; tanggal langkah di bawah adalah {SOP_SCHEDULE}: waktu SOP "
                f"setiap langkah, dihitung berurutan dari tanggal mulai siklus.")
        return (f'<div class="admonition info"><p class="admonition-title">Dijadwalkan</p><p>{esc(text)}</p>'
                f"</div>\n\n")
    if st.phase == DICATAT:
        return ('<div class="admonition info"><p class="admonition-title">Dicatat kemudian</p>'
                "<p>Siklus ini dicatat setelah selesai (arsip). Yang ditampilkan hanya yang tercatat: form unit, "
                "peristiwa dan versi bertanda tangan dengan tanggalnya; tidak ada jadwal SOP yang dihitung, jadi "
                "tidak ada tenggat, perkiraan atau keterlambatan.</p></div>\n\n")
    return ""


def timeliness(st: CycleStatus) -> str:
    """The timeliness box, where timeliness means something: not for an archive, and for a
    cycle not yet started only when it has a warning (missing holiday data)."""
    if st.phase == DICATAT or (st.phase == DIJADWALKAN and not st.warnings):
        return ""
    return warnings_box(st) + "\n\n"


def summary_cards(ctx: Context, folder: CycleFolder, st: CycleStatus) -> Html:
    if st.phase == BERJALAN:
        return now_panel(ctx, st)
    if st.phase == DIJADWALKAN:
        cards = [("Dimulai", fmt.date_id(st.start)), (f"Akhir {SOP_SCHEDULE}", fmt.date_id(st.baseline_end)),
                 ("Unit wajib", f"{len(st.submissions)} unit")]
        return _cards(cards)
    done = sum(1 for s in st.steps if s.finished is not None or s.state == DILEWATI)
    archived = [("Pindaian diarsipkan", fmt.date_id(st.archived_on))] if st.archived_on else []
    if st.phase == DICATAT:
        return _cards([("Ditandatangani", fmt.date_id(st.signed_on) if st.signed_on else "tidak tercatat"),
                       *archived,
                       ("Langkah tercatat", f"{done} dari {len(st.steps)}"),
                       ("Form RKT tercatat", f"{st.forms_in} dari {len(st.submissions)} unit"),
                       ("Versi bertanda tangan", str(len(folder.signed)))])
    # (how the finish compares with the SOP schedule, the box below says)
    return _cards([("Ditandatangani" if st.signed_on else "Selesai pada", fmt.date_id(st.finished_on)),
                   *archived,
                   ("Versi bertanda tangan", str(len(folder.signed))),
                   ("Putaran revisi", str(len(st.rejections)))])


def now_panel(ctx: Context, st: CycleStatus) -> Html:
    """A running cycle in four answers: the step it waits on, who must act (name and jabatan), which
    units have not submitted, and the forecast finish against the end of the SOP schedule. Every figure comes from
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
        rows.append(("Belum menyerahkan Form RKT", Html(
            f"<strong>{esc(', '.join(_unit_short(ctx, u) for u in st.missing_units))}</strong> "
            f"({st.forms_in} dari {len(st.submissions)} unit sudah menyerahkan)")))
    if st.forecast is not None:
        f = st.forecast
        rows.append(("Perkiraan selesai", Html(f"<strong>{esc(fmt.date_id(f.finish))}</strong><br>"
                                                f"{esc(forecast_versus(f))}")))
    body = "".join(f'<div class="rkt-now-row"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in rows)
    return Html(f'<dl class="rkt-now">{body}</dl>')


def _unit_short(ctx: Context, code: str) -> str:
    unit = ctx.agency.unit(code)
    return unit.short if unit else code


def _cards(cards: list[tuple[str, str]]) -> Html:
    body = "".join(f'<div class="rkt-card"><div class="rkt-card-label">{esc(k)}</div>'
                   f'<div class="rkt-card-value">{esc(v)}</div></div>' for k, v in cards)
    return Html(f'<div class="rkt-cards">{body}</div>')


def cycle_list(ctx: Context, page: str) -> str:
    lines = []
    for c in ctx.cycles:
        st = ctx.statuses[c.year]
        if st.phase == SELESAI:
            finish = (f"ditandatangani {fmt.date_id(st.signed_on)}" if st.signed_on
                      else f"selesai {fmt.date_id(st.finished_on)}")
            state = f"{finish}, " + (f"langkah terakhir SOP selesai {working_days(st.ended_behind)} setelah akhir "
                                     f"{SOP_SCHEDULE}" if st.ended_behind else "tepat waktu")
        elif st.phase == DICATAT and st.signed_on:
            state = f"dicatat kemudian, ditandatangani {fmt.date_id(st.signed_on)}"
        elif st.phase == BERJALAN and st.forecast is not None:
            state = (f"berjalan, {len(st.late)} langkah terlambat, perkiraan selesai "
                     f"{fmt.date_id(st.forecast.finish)}")
        else:
            state = {DIJADWALKAN: f"dijadwalkan, mulai {fmt.date_id(st.start)}",
                     DICATAT: "dicatat kemudian"}.get(st.phase, "berjalan")
        lines.append(f"- {link(page, f'siklus/{c.year}.md', f'Siklus {c.year}')} ({state}) · "
                     f"{link(page, f'rkt/{c.year}.md', f'RKT {c.year}')}")
    return "\n".join(lines) + "\n" if lines else "Belum ada siklus RKT.\n"
