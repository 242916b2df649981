"""`rkt remind`: the text of the lateness reminder issue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_repository
from generator.plan.derive import derive
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
        items.append({"tahun": y, "judul": reminders.title(y), "terlambat": bool(st.late or st.missing_units),
                      "penerima": reminders.assignees(st, repo.agency, repo.sop),
                      "isi": reminders.markdown(st, repo.agency, repo.sop)})
    if fmt_name == "json":
        return Outcome.done(reminders.as_json(items))
    return Outcome.done("".join(f"# {i['judul']}\n\n{i['isi']}\n" for i in items) or
                        "Tidak ada siklus yang berjalan.\n")
