"""`rkt remind`: the text of the lateness reminder issue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.preconditions import valid_repository
from generator.plan.derive import derive
from generator.plan.status import BERJALAN


def remind(root: Path, year: int | None, fmt_name: str, today: dt.date | None) -> tuple[str, int]:
    from generator.site import remind as reminders

    checked = valid_repository(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    repo = result.repository
    d = derive(root, result.repository, day)
    # only a running cycle has anyone to remind: not one that starts later, not an archive
    years = [year] if year is not None else [c.year for c in d.folders if d.statuses[c.year].phase == BERJALAN]
    unknown = [y for y in years if y not in d.statuses]
    if unknown:
        return f"rkt: siklus {unknown[0]} tidak ada\n", 2
    items = []
    for y in sorted(years):
        st = d.statuses[y]
        items.append({"tahun": y, "judul": reminders.title(y), "terlambat": bool(st.late or st.missing_units),
                      "penerima": reminders.assignees(st, repo.agency, repo.sop),
                      "isi": reminders.markdown(st, repo.agency, repo.sop)})
    if fmt_name == "json":
        return reminders.as_json(items), 0
    return "".join(f"# {i['judul']}\n\n{i['isi']}\n" for i in items) or "Tidak ada siklus yang berjalan.\n", 0
