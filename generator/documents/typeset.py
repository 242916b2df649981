"""The one engine for every signable document: a page description in plain values, set by
Typst (the `typst` wheel from PyPI: no system library, the same on Linux, macOS and Windows).

A document is a list of blocks (letterhead, title, paragraph, table, signature...) that
`document.typ` lays out. Every text travels as a JSON string and is inserted as text, never
parsed as Typst markup, so nothing typed into the data can act in the PDF. The font is DejaVu
Sans from matplotlib's own files (a locked dependency): nothing is fetched or taken from the
system, so the same data and date give the same bytes on every machine.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "typst" / "document.typ"


class TypesetError(Exception):
    """The document could not be set (a bug of ours: the template or its data)."""


@dataclass(frozen=True)
class Column:
    title: str
    align: str = "left"  # "left" or "right"
    width: str = "1fr"  # "auto" or "<n>fr"


@dataclass(frozen=True)
class Cell:
    text: str
    nowrap: bool = False
    bold: bool = False
    italic: bool = False  # a value not known yet ("belum diisi")
    indent: int = 0  # points
    continues: bool = False  # continues the cell above it: no line between them


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    style: str | None = None  # "program", "kegiatan", "total"


@dataclass(frozen=True)
class Signature:
    """One signer, right-aligned: place/date and jabatan above the space, name, rank and NIP below."""

    above: tuple[str, ...]
    name: str
    below: tuple[str, ...]
    kind: str = "signature"


@dataclass(frozen=True)
class SignatureLine:
    left: str
    right: str
    kind: str = "line"  # "line", "space" (where they sign), "name"


@dataclass(frozen=True)
class Signatures:
    """Two signers side by side, line by line."""

    rows: tuple[SignatureLine, ...]
    kind: str = "signatures"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    # a signature kept on the page of the table's last `keep` rows (never alone on a page)
    signature: Signature | Signatures | None = None
    keep: int = 2
    kind: str = "table"


@dataclass(frozen=True)
class Kop:
    """The letterhead: government and agency in capitals, the address, the logo if any."""

    lines: tuple[str, ...]
    address: str
    logo: bool = False
    kind: str = "kop"


@dataclass(frozen=True)
class Text:
    """A title, subtitle, heading or paragraph."""

    kind: str
    text: str


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph, bold or italic as the staff marked it (still text, never markup)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Rich:
    """A paragraph of runs: the staff's Markdown emphasis, printed as in the Word file."""

    runs: tuple[Run, ...]
    kind: str = "rich"


@dataclass(frozen=True)
class Note:
    label: str
    text: str
    kind: str = "note"


@dataclass(frozen=True)
class Pairs:
    rows: tuple[tuple[str, str], ...]
    kind: str = "pairs"


@dataclass(frozen=True)
class Keep:
    """Blocks that stay on one page together (the last paragraph and the signatures)."""

    blocks: tuple[Block, ...]
    kind: str = "keep"


@dataclass(frozen=True)
class PageBreak:
    kind: str = "pagebreak"


Block = Kop | Text | Rich | Note | Pairs | Table | Signature | Signatures | Keep | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    footer: str
    blocks: tuple[Block, ...]
    landscape: bool = False
    font_size: float = 10.0
    margin: tuple[float, float, float, float] = (18, 18, 20, 22)  # mm: top, right, bottom, left
    draft: bool = False
    draft_mark: str = "DRAF"
    logo: bytes | None = field(default=None, repr=False)


def _plain(doc: Document) -> dict:
    data = _values(doc)
    assert isinstance(data, dict)
    data.pop("logo")
    for block in data["blocks"]:
        if block["kind"] == "kop":
            block["logo"] = _logo_name(doc.logo) if doc.logo else None
    return data


def _values(value: object) -> object:
    """`dataclasses.asdict` for these blocks, without its deep copies (every leaf is a text, a
    number or None): a long table's page description is a few hundred thousand values."""
    if isinstance(value, tuple | list):
        return [_values(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _values(getattr(value, name)) for name in field_names(type(value))}
    return value


@cache
def field_names(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass, looked up once per class."""
    return tuple(f.name for f in fields(kind))


def _logo_name(data: bytes) -> str:
    # Typst tells the format by the name; agency.yaml's logo is a PNG or a JPEG (checked by the rules)
    return "logo.png" if data.startswith(b"\x89PNG") else "logo.jpg"


def fonts_folder() -> Path:
    """DejaVu Sans as matplotlib ships it (found without importing matplotlib)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise TypesetError("matplotlib tidak terpasang (huruf DejaVu Sans untuk PDF diambil darinya)")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def plain(doc: Document) -> str:
    """The document as the template reads it (also the cache key of its PDF, with the logo's bytes)."""
    return json.dumps(_plain(doc), ensure_ascii=False, sort_keys=True)


def cache_key(doc: Document) -> str:
    """Everything the PDF shows: the document and the logo's bytes."""
    import hashlib

    return plain(doc) + hashlib.sha256(doc.logo or b"").hexdigest()


# Typst sets a document with a pool of threads of its own, started by the first document set in a
# process; a process forked after that inherits the pool's locks but not its threads, and its first
# document waits for ever. A build hands PDFs to forked workers only while this is False.
_set_here = False


def forks_safely() -> bool:
    """Whether a process forked now can set documents: none was set in this one yet."""
    return not _set_here


def to_pdf(doc: Document) -> bytes:
    """The PDF of `doc`: a pure function of the document (no date in its metadata)."""
    import typst

    global _set_here
    _set_here = True
    # Typst reads only below its root: the template and the logo, nothing of the repository
    root = Path(tempfile.mkdtemp(prefix="rkt-typst-"))
    try:
        shutil.copyfile(TEMPLATE, root / "document.typ")
        if doc.logo:
            (root / _logo_name(doc.logo)).write_bytes(doc.logo)
        return bytes(typst.compile(str(root / "document.typ"), root=str(root), font_paths=[str(fonts_folder())],
                                   ignore_system_fonts=True, sys_inputs={"document": plain(doc)}))
    except typst.TypstError as exc:
        raise TypesetError(f"{exc.message}\n{exc.diagnostic}") from exc
    finally:
        shutil.rmtree(root, ignore_errors=True)
