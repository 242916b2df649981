"""When a cycle is sealed: the SOP step whose evidence is a signed version, and the
rule that an event after the last archiving reopens the cycle for a revision.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.model import Sop


def archive_step(sop: Sop | None) -> int | None:
    """The SOP step whose evidence is a signed version in the archive."""
    return next((s.number for s in sop.steps if s.evidence == "arsip"), None) if sop else None


def last_archiving(steps: Sequence[object], archive: int) -> int:
    """Position of the last archiving event in a log of step numbers (-1: none)."""
    return max((i for i, step in enumerate(steps) if step == archive), default=-1)


def reopening(steps: Sequence[object], archive: int, after: int) -> int | None:
    """Position of the first event after position `after` that is not an archiving:
    after a signed version was archived, such an event reopens the cycle for a
    revision (the rule status.py applies). None: the cycle was not reopened."""
    return next((i for i in range(after + 1, len(steps)) if steps[i] != archive), None)


def is_reopened(steps: Sequence[object], archive: int) -> bool:
    last = last_archiving(steps, archive)
    return last >= 0 and reopening(steps, archive, last) is not None
