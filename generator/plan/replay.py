"""What the event log and the evidence say about each step of a cycle: completions, skips,
rejections ("tidak" at a decision sends the cycle back and counts a revision round) and
reopening after an archived signed version; then the steps proven by files rather than
events (forms on main, a verified signed scan). The working state of `status.cycle_status`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.core.model import Cycle, CycleFolder, Event, SignedVersion, Step
from generator.plan.submissions import Submission


@dataclass(frozen=True, slots=True)
class Rejection:
    event: Event
    step: int
    back_to: int


@dataclass
class Replay:
    """What the event log says about each step (working state of `cycle_status`, never returned)."""

    finished: dict[int, dt.date | None] = field(default_factory=dict)
    restarts: dict[int, dt.date] = field(default_factory=dict)  # step sent back to -> latest rejection
    times: dict[int, int] = field(default_factory=dict)
    decision: dict[int, str | None] = field(default_factory=dict)
    note: dict[int, str | None] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)
    rejections: list[Rejection] = field(default_factory=list)
    event_dates: dict[int, dt.date] = field(default_factory=dict)
    reopened: bool = False


def replay(cycle: Cycle, steps: Mapping[int, Step]) -> Replay:
    """Replay the event log: completions, skips, rejections, reopening."""
    r = Replay()
    # an event logged after the archiving of a signed version reopens the cycle: the
    # revision goes through the SOP again and the cycle is not done until a new version
    archived = False
    for e in cycle.events:
        step = steps.get(e.step)
        if step is None:
            continue
        if step.evidence == "arsip":
            archived, r.reopened = True, False
        elif archived:
            archived, r.reopened = False, True
            for k in steps:
                if k > e.step:
                    r.finished[k] = None
        r.note[e.step] = e.note
        if e.skipped:
            r.skipped.add(e.step)
            r.finished[e.step] = e.date
            continue
        _record(r, e, step)
    return r


def _record(r: Replay, e: Event, step: Step) -> None:
    """One event that did a step; a "tidak" undoes it and every step back to where it sends the cycle."""
    r.times[e.step] = r.times.get(e.step, 0) + 1
    r.decision[e.step] = e.decision
    r.event_dates[e.step] = e.date
    r.finished[e.step] = e.date
    if e.decision == "tidak" and step.on_reject is not None:
        r.rejections.append(Rejection(e, e.step, step.on_reject))
        r.restarts[step.on_reject] = e.date
        for k in range(step.on_reject, e.step + 1):
            r.finished[k] = None


def apply_evidence(r: Replay, folder: CycleFolder, step_list: list[Step], subs: tuple[Submission, ...]) -> None:
    """Steps proven by files rather than events: forms on main, a verified signed scan."""
    all_in = bool(subs) and all(s.date is not None for s in subs)
    # the day the last form came in, once every required unit is in
    last_in = max((s.date for s in subs if s.date), default=None) if all_in else None
    verified = [v for v in folder.signed if v.scan_exists and v.scan_sha256 == v.sha256]
    for s in step_list:
        if s.evidence == "form_unit":  # done when the last form is in; done once per form
            r.finished[s.number] = last_in
            r.times[s.number] = sum(1 for x in subs if x.date)
        elif s.evidence == "form_lengkap":  # needs every form, and its own event when it has one
            own = r.event_dates.get(s.number)
            r.finished[s.number] = max(last_in, own) if last_in and own else last_in
            r.times[s.number] = 1 if all_in else 0
        elif s.evidence == "arsip":
            _archived(r, s, verified)


def _archived(r: Replay, s: Step, verified: list[SignedVersion]) -> None:
    """The archiving step is done by a verified signed scan, unless events reopened the cycle since."""
    if verified and not r.reopened:
        r.finished[s.number] = r.event_dates.get(s.number) or max(v.date for v in verified)
        r.times[s.number] = len(verified)
    else:
        r.finished[s.number] = None
