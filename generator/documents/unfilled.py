"""A document meant for signing never prints a placeholder: every "(isi ...)" that `rkt init`
left and nobody replaced is printed as a visible BELUM DIISI, and the document is marked DRAF
with a note saying why (`rkt validate` names each one with its file and line, RKT228; `rkt
sign` refuses while any remains)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from generator.check.rules.placeholders import WITHIN
from generator.documents import typeset as ts
from generator.documents.book import Book
from generator.plan.compile import DRAFT

UNFILLED = "BELUM DIISI"


def replaced(text: str) -> tuple[str, int]:
    """`text` with every placeholder in it written BELUM DIISI, and how many there were."""
    if "(" not in text:
        return text, 0
    return WITHIN.subn(UNFILLED, text)


def draft_note(count: int) -> str:
    """Why a document with `count` placeholders cannot be signed (after "DRAF.")."""
    return (f"Dokumen ini belum dapat ditandatangani: {count} isian masih {UNFILLED}, yaitu isian contoh dari "
            f"pembuatan repositori yang belum diganti dengan data sebenarnya; pemeriksaan data menyebut berkas "
            f"dan barisnya.")


def mark_book(book: Book) -> int:
    """Every placeholder in a workbook's cells written BELUM DIISI, the cell marked (bold red on
    yellow); how many there were."""
    count = 0
    for sheet in book.sheets:
        for row, column, value in sheet.texts():
            text, n = replaced(value)
            if n:
                sheet.set(row, column, text, "unfilled")
                count += n
    return count


def _rewrite(value: object, fix: Callable[[str], str]) -> object:
    """`value` with `fix` applied to every text in it (blocks, rows and cells are frozen dataclasses);
    `value` itself, the very object, where no text in it changed (nothing is copied for nothing)."""
    if isinstance(value, str):
        text = fix(value)
        return value if text == value else text
    if isinstance(value, tuple):
        items = tuple(_rewrite(v, fix) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed: dict[str, object] = {}
        for name in ts.field_names(type(value)):
            old = getattr(value, name)
            new = _rewrite(old, fix)
            if new is not old:
                changed[name] = new
        return dataclasses.replace(value, **changed) if changed else value
    return value


def mark_unfilled(doc: ts.Document) -> ts.Document:
    """`doc` with every placeholder printed as BELUM DIISI, marked DRAF with a note; `doc` itself
    when it has none."""
    count = 0

    def fix(text: str) -> str:
        nonlocal count
        new, n = replaced(text)
        count += n
        return new

    blocks = _rewrite(doc.blocks, fix)
    assert isinstance(blocks, tuple)
    if count == 0:
        return doc
    note = ts.Note(f"{DRAFT}.", draft_note(count))
    at = next((i + 1 for i, b in enumerate(blocks) if isinstance(b, ts.Text) and b.kind == "title"), 0)
    return dataclasses.replace(doc, blocks=(*blocks[:at], note, *blocks[at:]), draft=True, draft_mark=DRAFT)
