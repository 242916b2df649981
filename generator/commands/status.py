"""`rkt status`: the Beranda summary in a terminal.

Everything it says goes to stdout, the refusals too: it is read on a screen, not parsed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import report
from generator.check.validate import validate
from generator.commands.outcome import Outcome
from generator.core import fmt
from generator.core.calendar import today as today_in
from generator.core.model import Agency, CycleFolder
from generator.plan.derive import BuildError, Derived, derive
from generator.plan.status import (
    DICATAT,
    DIJADWALKAN,
    PHASE_LABELS,
    SELESAI,
    STATE_LABELS,
    CycleStatus,
    forecast_versus,
    late_label,
    versus_schedule,
    who_must_act,
)

NO_CYCLE = ("Belum ada siklus RKT. Buat siklus pertama dengan 'rkt new-cycle TAHUN --start TTTT-BB-HH' "
            "(lihat Panduan: Mulai dengan data sendiri).\n")


def status(root: Path, year: int | None, today: dt.date | None) -> Outcome:
    result = validate(root, today=today)
    if not result.ok:
        return Outcome(report.text(list(result.problems), result.files_checked), code=1)
    repo = result.repository
    day = today_in(repo.agency.timezone if repo.agency else "Asia/Makassar", today)
    try:
        d = derive(root, result.repository, day)
    except BuildError as exc:
        return Outcome(report.visible(f"rkt: {exc}\n", lines=True), code=1)
    if not d.folders:
        return Outcome(NO_CYCLE)
    folder = _shown(d, year)
    if folder is None:
        years = ", ".join(str(c.year) for c in d.folders)
        return Outcome(f"rkt: siklus {year} tidak ada (yang ada: {years})\n", code=2)
    # names and warnings come from the data: shown as text, never as terminal commands
    return Outcome(report.visible(screen(d, folder.year), lines=True))


def _shown(d: Derived, year: int | None) -> CycleFolder | None:
    """The cycle of `year`; without one, the earliest cycle still running, else the newest."""
    if year is not None:
        return next((c for c in d.folders if c.year == year), None)
    running = [c for c in d.folders if not d.statuses[c.year].finished]
    return min(running, key=lambda c: c.year) if running else d.folders[0]


def screen(d: Derived, year: int) -> str:
    """The terminal screen of the cycle of `year`: its phase, the steps table, the forms received,
    who must act now, and the warnings those lines do not already say."""
    st = d.statuses[year]
    phase = PHASE_LABELS[st.phase] + (f", mulai {fmt.date_id(st.start)}" if st.phase == DIJADWALKAN else "")
    lines = [f"RKT {year} — {phase} (keadaan per {fmt.date_id(d.today)})"]
    if st.phase == DICATAT:
        lines.append("Siklus ini dicatat kemudian (arsip): tidak ada jadwal SOP, tenggat, perkiraan atau "
                     "keterlambatan; yang tampil hanya tanggal yang tercatat.")
    lines.append("")
    lines += _steps_table(st, {ln.code: ln.name for ln in d.repo.sop.lanes})
    lines.append("")
    lines.append(f"Form RKT masuk: {st.forms_in} dari {len(st.submissions)} unit")
    lines += _now(st, d.repo.agency)
    if st.beyond_summary:
        lines.append("")
        lines.append("Langkah lain yang terlambat" if st.late[1:] else "Perhatian")
        lines += [f"  - {w}" for w in st.beyond_summary]
    return "\n".join(lines) + "\n"


def _steps_table(st: CycleStatus, lanes: dict[str, str]) -> list[str]:
    """One row per SOP step: who, deadline (the planned end before the cycle starts), done, forecast, state.
    A cycle recorded afterwards has no schedule: who, the date recorded, state."""
    if st.phase == DICATAT:
        recorded: list[tuple[str, ...]] = [("No", "Langkah", "Pelaksana", "Tanggal tercatat", "Status")]
        recorded += [(str(s.step.number), s.step.short, lanes.get(s.step.executor, s.step.executor),
                      fmt.date_short(s.finished), STATE_LABELS[s.state]) for s in st.steps]
        return _columns(recorded)
    rows: list[tuple[str, ...]] = [("No", "Langkah", "Pelaksana", "Tenggat", "Selesai", "Perkiraan", "Status")]
    for s in st.steps:
        label = late_label(s.late_by) if s.late_by else STATE_LABELS[s.state]
        expected = st.forecast.step(s.step.number) if st.forecast else None
        planned = s.planned.end if s.planned is not None and st.phase == DIJADWALKAN else None
        rows.append((str(s.step.number), s.step.short, lanes.get(s.step.executor, s.step.executor),
                     fmt.date_short(s.deadline or planned),
                     fmt.date_short(s.finished), fmt.date_short(expected.end if expected else None), label))
    return _columns(rows)


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as aligned columns (the first right-aligned), a rule under the header."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.rjust(widths[i]) if i == 0 else c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _now(st: CycleStatus, agency: Agency) -> list[str]:
    """The Beranda's first screen in lines: the step waited on, who must act, the units not in, the
    forecast finish."""
    lines = []
    current = st.current
    if current is not None:
        late = f", {late_label(current.late_by).lower()}" if current.late_by else ""
        lines.append(f"Langkah sekarang: {current.step.number} dari {len(st.steps)} ({current.step.short}){late}")
    for a in who_must_act(st, agency):
        lines.append(f"Harus bertindak: {a.person.name} — {a.person.position}")
    forms_due = any(s.step.evidence == "form_unit" and s.started is not None for s in st.steps)
    if st.missing_units and forms_due:  # as the Beranda: before the forms' step nobody is missing yet
        names = [u.name if (u := agency.unit(code)) else code for code in st.missing_units]
        lines.append(f"Belum menyerahkan Form RKT: {', '.join(names)}")
    if st.forecast is not None:
        f = st.forecast
        lines.append(f"Perkiraan selesai: {fmt.date_id(f.finish)}, {forecast_versus(f)}")
    if st.phase == SELESAI and st.ended is not None:
        lines.append(f"Selesai: {_finish(st)}; langkah terakhir SOP selesai "
                     f"{versus_schedule(st.ended_behind, st.baseline_end)}")
    if st.phase == DICATAT:
        lines.append(f"Selesai: {_finish(st)}")
    return lines


def _finish(st: CycleStatus) -> str:
    """The finish (the day the RKT was signed), then, apart, the archiving in the repository."""
    head = (f"ditandatangani {fmt.date_id(st.signed_on)}" if st.signed_on
            else fmt.date_id(st.finished_on) if st.finished_on else "tanggal tanda tangan tidak tercatat")
    return head + (f", diarsipkan di repositori {fmt.date_id(st.archived_on)}" if st.archived_on else "")
