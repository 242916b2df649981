"""`rkt status`: the Beranda summary in a terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import report
from generator.check.validate import validate
from generator.core import fmt
from generator.core.calendar import today as today_in
from generator.core.model import Agency
from generator.plan.derive import derive
from generator.plan.status import DICATAT, DIJADWALKAN, PHASE_LABELS, SELESAI, STATE_LABELS, CycleStatus, who_must_act
from generator.site.build import BuildError


def status(root: Path, year: int | None, today: dt.date | None) -> tuple[str, int]:
    result = validate(root, today=today)
    if not result.ok:
        return report.text(list(result.problems), result.files_checked), 1
    repo = result.repository
    day = today_in(repo.agency.timezone if repo.agency else "Asia/Makassar", today)
    try:
        d = derive(root, result.repository, day)
    except BuildError as exc:
        return report.visible(f"rkt: {exc}\n", lines=True), 1
    if not d.folders:
        return ("Belum ada siklus RKT. Buat siklus pertama dengan 'rkt new-cycle TAHUN --start TTTT-BB-HH' "
                "(lihat Panduan: Mulai dengan data sendiri).\n"), 0
    if year is None:
        running = [c for c in d.folders if not d.statuses[c.year].finished]
        folder = min(running, key=lambda c: c.year) if running else d.folders[0]
    else:
        folder = next((c for c in d.folders if c.year == year), None)
        if folder is None:
            years = ", ".join(str(c.year) for c in d.folders)
            return f"rkt: siklus {year} tidak ada (yang ada: {years})\n", 2
    st = d.statuses[folder.year]
    lanes = {ln.code: ln.name for ln in repo.sop.lanes}
    phase = PHASE_LABELS[st.phase] + (f", mulai {fmt.date_id(st.start)}" if st.phase == DIJADWALKAN else "")
    lines = [f"RKT {folder.year} — {phase} (keadaan per {fmt.date_id(day)})"]
    if st.phase == DICATAT:
        lines.append("Siklus ini dicatat kemudian (arsip): keterlambatan tidak dinilai.")
    lines.append("")
    rows = [("No", "Langkah", "Pelaksana", "Tenggat", "Selesai", "Perkiraan", "Status")]
    for s in st.steps:
        label = STATE_LABELS[s.state] + (f" {s.late_by} hari" if s.late_by else "")
        expected = st.forecast.step(s.step.number) if st.forecast else None
        rows.append((str(s.step.number), s.step.short, lanes.get(s.step.executor, s.step.executor),
                     fmt.date_short(s.deadline or (s.planned.end if st.phase == DIJADWALKAN else None)),
                     fmt.date_short(s.finished), fmt.date_short(expected.end if expected else None), label))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, r in enumerate(rows):
        lines.append("  ".join(c.rjust(widths[i]) if i == 0 else c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    submitted = sum(1 for s in st.submissions if s.date)
    lines.append(f"Form RKT masuk: {submitted} dari {len(st.submissions)} unit")
    lines += _now(st, repo.agency)
    if st.warnings:
        lines.append("")
        lines.append("Peringatan keterlambatan" if st.late or (st.forecast and st.forecast.behind) else "Perhatian")
        lines += [f"  - {w}" for w in st.warnings]

    # names and warnings come from the data: shown as text, never as terminal commands
    return report.visible("\n".join(lines) + "\n", lines=True), 0


def _now(st: CycleStatus, agency: Agency) -> list[str]:
    """The Beranda's first screen in lines: the step waited on, who must act, the forecast finish."""
    lines = []
    current = st.current
    if current is not None:
        late = f", terlambat {current.late_by} hari kerja" if current.late_by else ""
        lines.append(f"Langkah sekarang: {current.step.number} dari {len(st.steps)} ({current.step.short}){late}")
    for a in who_must_act(st, agency):
        lines.append(f"Harus bertindak: {a.person.name} — {a.person.position}")
    if st.forecast is not None:
        f = st.forecast
        versus = f"{f.behind} hari kerja setelah jadwal dasar" if f.behind else "sesuai jadwal dasar"
        lines.append(f"Perkiraan selesai: {fmt.date_id(f.finish)}, {versus} ({fmt.date_id(st.baseline_end)})")
    if st.phase == SELESAI and st.ended is not None:
        versus = f"{st.ended_behind} hari kerja setelah jadwal dasar" if st.ended_behind else "sesuai jadwal dasar"
        lines.append(f"Selesai: {fmt.date_id(st.ended)}, {versus} ({fmt.date_id(st.baseline_end)})")
    return lines
