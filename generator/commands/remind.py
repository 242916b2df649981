"""`rkt remind`: the text of the lateness reminder issues: one per running cycle (its late steps and
missing forms), one per performance year whose quarterly reports are due (the reports past due or
due within the next working days, with the unit heads who must hand them in), one per performance
year whose LKjIP season runs (the SAKIP stages past due or due soon, with who must act)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_repository
from generator.plan.derive import Derived, derive
from generator.plan.sakip import reminder_open as sakip_open
from generator.plan.sakip import sakip_years, to_remind
from generator.plan.season import reminder_open, reports_to_remind
from generator.plan.status import BERJALAN


def remind(root: Path, year: int | None, fmt_name: str, today: dt.date | None) -> Outcome:
    from generator.site import remind as reminders

    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    repo = checked.repo
    d = derive(root, checked.result.repository, checked.today)
    # only a running cycle has anyone to remind: not one that starts later, not an archive
    years = [year] if year is not None else [c.year for c in d.folders if d.statuses[c.year].phase == BERJALAN]
    unknown = [y for y in years if y not in d.statuses]
    if unknown:
        return Outcome.failed(f"rkt: siklus {unknown[0]} tidak ada\n", 2)
    items = []
    for y in sorted(years):
        st = d.statuses[y]
        items.append({"tahun": y, "jenis": "siklus", "judul": reminders.title(y),
                      "terlambat": bool(st.late or st.missing_units),
                      "penerima": reminders.assignees(st, repo.agency, repo.sop),
                      "isi": reminders.markdown(st, repo.agency, repo.sop)})
    items += _report_items(d, year)
    items += _sakip_items(d, year)
    if fmt_name == "json":
        return Outcome.done(reminders.as_json(items))
    return Outcome.done("".join(f"# {i['judul']}\n\n{i['isi']}\n" for i in items) or
                        "Tidak ada siklus yang berjalan.\n")


def _report_items(d: Derived, year: int | None) -> list[dict]:
    """The quarterly reports' reminder of each performance year that has reports to hand in: the
    year asked for, else every year whose reminder is still open (a quarter ended and its reports
    not all in, or in only lately: the item that says "nothing left" closes the issue)."""
    from generator.site import remind as reminders

    agency = d.repo.agency
    due = reports_to_remind(d.measured, agency, d.cal, d.today)
    out = []
    for y, measured in sorted(d.measured.items()):
        if not measured.reports or (year is not None and y != year):
            continue
        if year is None and not reminder_open(measured, d.cal, d.today):
            continue
        out.append({"tahun": y, "jenis": "laporan", "judul": reminders.reports_title(y), "terlambat": bool(due[y]),
                    "penerima": reminders.reports_assignees(due[y]),
                    "isi": reminders.reports_markdown(y, due[y], agency, measured.rules, d.today)})
    return out


def _sakip_items(d: Derived, year: int | None) -> list[dict]:
    """The SAKIP stages' reminder of each performance year: the year asked for once it has ended,
    else every year whose LKjIP season runs, or whose upload was recorded lately (the item that
    says "nothing left" closes the issue); never an archive (a cycle recorded after the fact)."""
    from generator.site import remind as reminders

    out = []
    for y, stages in sakip_years(d.folders, d.repo.agency, d.cal, d.today).items():
        asked = y == year if year is not None else sakip_open(stages, d.cal)
        if not stages.started or stages.archive or not asked:
            continue
        due = to_remind(stages)
        out.append({"tahun": y, "jenis": "sakip", "judul": reminders.sakip_title(y), "terlambat": bool(due),
                    "penerima": reminders.sakip_assignees(due), "isi": reminders.sakip_markdown(y, due, d.today)})
    return out
