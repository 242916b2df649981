"""What append-only means, once, for every log rkt keeps in a YAML list: a cycle's `peristiwa`, a
report's `perubahan`, the SAKIP stages' `peristiwa`. Every entry at the base stays, unchanged, at
its place; entries are only added below. Pure functions of plain data; each caller says in its own
words what was removed or changed.
"""

from __future__ import annotations

from collections.abc import Iterator


def entries(data: object, key: str) -> list:
    """The log at `key` of a document's data; empty when there is none (or it is not a list)."""
    log = data.get(key) if isinstance(data, dict) else None
    return log if isinstance(log, list) else []


def changed(before: list, after: list) -> Iterator[tuple[int, object, object]]:
    """Each entry of `before` that stands changed at its place in `after`: (index, was, is)."""
    for i, (was, now) in enumerate(zip(before, after, strict=False)):
        if now != was:
            yield i, was, now


def removed(before: list, after: list) -> Iterator[tuple[int, object]]:
    """Each entry of `before` past the end of `after` (after every changed one): (index, entry)."""
    for i in range(len(after), len(before)):
        yield i, before[i]
