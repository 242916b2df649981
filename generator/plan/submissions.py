"""When each required unit's form counts as in: it is in when it is in the repository
(`Submission.received`, the one definition every count uses); it came in on the day it
reached the main branch (the first-parent commit that brought it there), or on the form's
own `tanggal` when the cycle says its dates do not come from Git; and how many working days
after the deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from generator.core.calendar import WorkCalendar
from generator.core.model import CycleFolder, Form
from generator.plan.arrivals import Arrival


@dataclass(frozen=True, slots=True)
class Submission:
    unit: str
    form: Form | None
    date: dt.date | None
    source: str  # "git" | "berkas" | ""
    submitted_by: str | None
    approved_by: str | None
    commit: str | None
    late_by: int  # working days after the step-4 deadline

    @property
    def received(self) -> bool:
        """The unit's form is in: it is in the repository, whether or not the day it came in is
        known (a form recorded afterwards without its `tanggal`). Every count of forms in is of this."""
        return self.form is not None


def submissions(folder: CycleFolder, arrivals: Mapping[str, Arrival], cal: WorkCalendar,
                deadline: dt.date | None) -> tuple[Submission, ...]:
    assert folder.cycle is not None
    forms = {f.unit: f for f in folder.forms}
    out = []
    for unit in folder.cycle.required_units:
        form = forms.get(unit)
        arrival = arrivals.get(form.at.file) if form is not None else None
        if form is None:
            date, source = None, ""
        elif folder.cycle.dates_from_git and arrival is not None:
            date, source = arrival.date, "git"
        else:
            date, source = form.filled_on, "berkas"
        late = cal.count(cal.next_workday(deadline), date) if date and deadline and date > deadline else 0
        by_git = arrival if source == "git" else None
        out.append(Submission(unit, form, date if form is not None else None, source,
                              by_git.submitted_by if by_git else None, by_git.approved_by if by_git else None,
                              by_git.commit if by_git else None, late))
    return tuple(out)
