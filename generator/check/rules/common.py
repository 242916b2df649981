"""What the rule families share: a problem at a model value's place, duplicate codes, the
list of valid choices, and the warning about a target written with a decimal dot."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.check import formrules
from generator.core.model import At
from generator.core.problems import WARNING, Problem

rupiah = formrules.rupiah


def problem(at: At, code: str, message: str, severity: str = "error") -> Problem:
    return Problem(at.file, code, message, path=at.path, severity=severity)


def duplicates(items: Iterable[tuple[str, At]], what: str) -> Iterator[Problem]:
    seen: dict[str, At] = {}
    for code, at in items:
        if code in seen:
            yield problem(at, "RKT205", formrules.message("duplikat", apa=what, kode=code))
        else:
            seen[code] = at


def choices(codes: Iterable[str]) -> str:
    return formrules.choices(codes)


def dotted(typed: str | int | None, satuan: str | None, at: At) -> Iterator[Problem]:
    """A target written with a decimal dot (SIPD's way) reads as thousands in Indonesian writing."""
    found = None if typed is None else formrules.dotted_target(typed, satuan)
    if found:
        yield problem(at, formrules.DOTTED_CODE, found, severity=WARNING)
