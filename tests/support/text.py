"""Small text helpers of the tests: a document's words on one line, a file edited in place."""

from __future__ import annotations

from pathlib import Path


def flat(text: str) -> str:
    """`text` with every run of white space one space (PDF text breaks lines anywhere)."""
    return " ".join(text.split())


def edit(path: Path, old: str, new: str) -> None:
    """`old`, which the file must hold exactly once, replaced with `new`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
