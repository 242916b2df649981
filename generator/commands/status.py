"""`rkt status`: the Beranda summary in a terminal.

Everything it says goes to stdout, the refusals too: it is read on a screen, not parsed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import report
from generator.check.validate import validate
from generator.commands.outcome import Outcome
from generator.commands.sakip_status import sakip_screen, sakip_years_shown
from generator.core import fmt
from generator.core.calendar import today as today_in
from generator.core.model import Agency, CycleFolder
from generator.core.year import QUARTER_NAMES
from generator.plan.derive import BuildError, Derived, derive
from generator.plan.performance import LATE, LATE_MISSING, NOT_ENDED, ON_TIME, WAITING, ReportState
from generator.plan.season import in_unit_order, quarter_words, report_due
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
    working_days,
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
    text = screen(d, folder.year) + "".join("\n" + reports_screen(d, y) for y in _performance_years(d, year))
    text += "".join("\n" + sakip_screen(y) for y in sakip_years_shown(d, year))  # the LKjIP and what follows it
    return Outcome(report.visible(text, lines=True))


def _shown(d: Derived, year: int | None) -> CycleFolder | None:
    """The cycle of `year`; without one, the earliest cycle still running, else the newest."""
    if year is not None:
        return next((c for c in d.folders if c.year == year), None)
    running = [c for c in d.folders if not d.statuses[c.year].finished]
    return min(running, key=lambda c: c.year) if running else d.folders[0]


def _performance_years(d: Derived, year: int | None) -> list[int]:
    """The performance years whose quarterly reports are shown: the year asked for, else every year
    with reports to hand in that are not all in yet."""
    years = [y for y, m in sorted(d.measured.items()) if m.reports]
    if year is not None:
        return [y for y in years if y == year]
    return [y for y in years if any(r.state not in (ON_TIME, LATE) for r in d.measured[y].reports)]


def reports_screen(d: Derived, year: int) -> str:
    """A performance year's quarterly reports: per unit the state of each ended quarter's report,
    the next due day, and who must act for the reports past due."""
    m = d.measured[year]
    agency = d.repo.agency
    lines = [f"Laporan triwulan {year} (tenggat: {working_days(m.rules.report_days)} setelah triwulan berakhir)", ""]
    ended = m.ended_quarters(d.today)
    if ended:
        rows: list[tuple[str, ...]] = [("Unit", *(QUARTER_NAMES[q] for q in ended))]
        for unit in dict.fromkeys(r.unit for r in in_unit_order(agency, list(m.reports))):
            u = agency.unit(unit)
            rows.append((u.short if u else unit, *(_report_cell(m.report(unit, q)) for q in ended)))
        lines += _columns(rows, first_right=False)
    else:
        lines.append("Belum ada triwulan yang berakhir.")
    lines.append("")
    upcoming = [r for r in m.reports if r.state in (WAITING, NOT_ENDED)]
    if upcoming:
        nxt = min(upcoming, key=lambda r: r.due)
        lines.append(f"Jatuh tempo berikutnya: laporan {quarter_words(nxt.quarter)} {year}, {fmt.date_id(nxt.due)}")
    for r in in_unit_order(agency, list(m.reports)):
        if r.state == LATE_MISSING:
            head = report_due(year, r, agency, d.cal, d.today).head
            name = f"{head.name} — {head.position}" if head else r.unit
            lines.append(f"Harus bertindak: {name}, laporan {quarter_words(r.quarter)} {year} "
                         f"{late_label(r.late_days).lower()}")
    return "\n".join(lines) + "\n"


def _report_cell(r: ReportState | None) -> str:
    """tepat waktu / terlambat diserahkan 5 hari kerja / terlambat 32 hari kerja, belum masuk /
    menunggu, jatuh tempo 15 Apr 2026"""
    if r is None:
        return "—"
    if r.state == LATE:
        return f"terlambat diserahkan {working_days(r.late_days)}"
    if r.state == LATE_MISSING:
        return f"{late_label(r.late_days).lower()}, belum masuk"
    if r.state == WAITING:
        return f"menunggu, jatuh tempo {fmt.date_short(r.due)}"
    return r.state


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


def _columns(rows: list[tuple[str, ...]], first_right: bool = True) -> list[str]:
    """Rows as aligned columns (the first right-aligned, unless told), a rule under the header."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.rjust(widths[i]) if i == 0 and first_right else c.ljust(widths[i])
                               for i, c in enumerate(r)).rstrip())
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
