"""Values that `rkt init` leaves for the agency to fill: visible "(isi ...)" texts
(and the NIP placeholder), counted wherever a page or a check needs to know how many remain.
Which of them a printed document would show is check/rules/placeholders.py's (RKT228).
"""

from __future__ import annotations

import dataclasses

from generator.check.rules.placeholders import PLACEHOLDER, is_placeholder

__all__ = ["PLACEHOLDER", "unfilled"]


def unfilled(obj: object) -> int:
    """How many values of a model object (Agency, Renstra, ...) are still placeholders."""
    if isinstance(obj, str):
        return 1 if is_placeholder(obj) else 0
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return sum(unfilled(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name != "at")
    if isinstance(obj, (tuple, list)):
        return sum(unfilled(x) for x in obj)
    return 0
