"""Strict YAML loading: data never changes silently between file and program.

Built on libyaml's event stream (`CSafeLoader` parser) rather than PyYAML's
constructors, so that:

* no implicit typing of YAML 1.1 applies: a plain scalar becomes an integer
  only if it is a plain decimal integer, `true`/`false` a boolean and
  `null`/`~`/empty a null; everything else (`no`, `on`, `010`, `1.10`,
  `12:30`, `2027-02-30`) stays the text that was typed;
* duplicate keys, anchors, aliases and tags are reported, not resolved;
* every key and list item keeps its line and column.

Bytes are checked before parsing (screen.py): size, UTF-8 (a BOM is accepted),
control, bidi-override, invisible and line-separator characters, also where a
double-quoted escape spells one. All problems of a file are reported together; a
file with any problem yields no data, so nothing half-read is ever validated or
rendered.
"""

from __future__ import annotations

import errno
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path as FsPath

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from generator.core.problems import Mark, Path, Positions, Problem, os_reason
from generator.source.screen import BAD_DECODED, MAX_BYTES, escaped_problems, read_text

MAX_DEPTH = 32
SHOWN_REFERENCES = 3  # anchors/aliases reported one by one; the rest of a file's in one line
# Far above any integer the schemas allow (all are bounded below 2**53, 16 digits),
# far below Python's 4,300-digit limit on int(): a longer run of digits is a paste
# accident, and refusing it here keeps every later step free of giant numbers.
MAX_INT_DIGITS = 100

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_WORDS = {"": None, "~": None, "null": None, "true": True, "false": False}  # the only typed words
NULLS = frozenset(w for w, v in _WORDS.items() if v is None)  # (the form page's rules list them)
_NUMERIC_START = frozenset("-0123456789")

# A value that starts with one of these is read by YAML as syntax, not as text.
_INDICATOR_VALUE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^:#\s][^:#]*:[ ]+)?(?P<value>[>|%!&*@`][^#]*?)[ ]*(?:[ ]#.*)?$")


class _Parser(yaml.CSafeLoader):
    """libyaml parser with no implicit resolvers: plain scalars stay text."""

    yaml_implicit_resolvers: dict = {}


# libyaml's messages, as users will meet them, in the users' language.
_YAML_MESSAGES = (
    ("found a tab character",
     "karakter Tab tidak boleh dipakai untuk indentasi; ganti dengan spasi"),
    ("mapping values are not allowed",
     "tanda titik dua (:) di tempat yang tidak diharapkan; periksa indentasi, "
     "atau beri tanda kutip pada teks yang memuat ': '"),
    ("could not find expected ':'",
     "tanda titik dua (:) setelah nama kunci tidak ditemukan"),
    ("did not find expected key",
     "indentasi tidak sejajar dengan baris di atasnya"),
    ("did not find expected '-' indicator",
     "indentasi daftar (-) tidak sejajar"),
    ("found unexpected end of stream",
     "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    ("found unknown escape character",
     "garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip tunggal"),
    ("found undefined alias", "alias YAML (*) tidak diizinkan"),
    ("found character '@' that cannot start any token",
     "teks yang diawali '@' harus diberi tanda kutip"),
    ("found character '`' that cannot start any token",
     "teks yang diawali '`' harus diberi tanda kutip"),
    ("did not find expected node content",
     "nilai tidak ditemukan; periksa tanda '-' atau kurung"),
    ("did not find expected <document start>",
     "teks tambahan setelah akhir data; periksa indentasi"),
    ("found unexpected ':'", "tanda titik dua (:) di tempat yang salah"),
    ("did not find expected ',' or ']'", "daftar dalam kurung [ ] tidak ditutup dengan benar"),
    ("did not find expected ',' or '}'", "pemetaan dalam kurung { } tidak ditutup dengan benar"),
)


def _yaml_message(problem: str) -> str:
    for needle, message in _YAML_MESSAGES:
        if needle in problem:
            return message
    return f"kesalahan penulisan YAML ({problem}); periksa indentasi dan tanda baca"


@dataclass(frozen=True, slots=True)
class Document:
    """One YAML file as loaded: its data (JSON-like) and where each part stands."""

    file: str
    data: object
    positions: Positions
    header: str  # the first line, where the `$schema` comment belongs


@dataclass(frozen=True, slots=True)
class Loaded:
    """The result of loading one file: a document, or the problems that prevented it."""

    file: str
    document: Document | None
    problems: tuple[Problem, ...]
    positions: Positions | None = None


def parse(text: str, file: str) -> tuple[object, Positions, list[Problem]]:
    """Parse YAML text into plain data plus positions, collecting every problem."""
    tree = _Tree(text, file)
    scalar = tree.scalar  # most events are scalars
    try:
        for ev in yaml.parse(text, Loader=_Parser):
            cls = ev.__class__
            if cls is ScalarEvent:
                scalar(ev)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if not tree.open(ev, {} if cls is MappingStartEvent else []):
                    break
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                tree.close()
            elif cls is AliasEvent:
                tree.alias(ev)
            elif cls is DocumentStartEvent and not tree.document(ev):
                break
    except yaml.MarkedYAMLError as exc:
        tree.problems.append(_syntax_problem(exc, text, file))
    except yaml.YAMLError as exc:  # reader errors carry no mark
        tree.problems.append(Problem(file, "RKT004", _yaml_message(str(exc)), line=1, col=1))
    tree.references_left()
    if not tree.problems and tree.documents == 0:
        tree.problems.append(Problem(file, "RKT010", "berkas kosong; isi data belum ada", line=1, col=1))
    return tree.root, Positions(tree.marks), tree.problems


class _Tree:
    """The data being built from libyaml's events, with the mark of every key and item
    and the problems found so far. One method per kind of event."""

    __slots__ = ("text", "file", "problems", "marks", "root", "stack", "documents", "references", "hidden_at")

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self.problems: list[Problem] = []
        self.marks: dict[Path, Mark] = {}
        self.root: object = None
        # Each open collection: [container, its path, the pending key or None, the key's mark,
        #                        whether it is itself a key, its own mark]
        self.stack: list[list] = []
        self.documents = 0
        self.references = 0  # anchors and aliases seen (an alias bomb has thousands)
        self.hidden_at = None  # where the first one not reported by itself is

    def report(self, mark, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, code, message, line=mark.line + 1, col=mark.column + 1))

    def reference(self, mark, message: str) -> None:
        """An anchor or alias: the first few are reported where they are, the rest counted once."""
        self.references += 1
        if self.references <= SHOWN_REFERENCES:
            self.report(mark, "RKT006", message)
        elif self.hidden_at is None:
            self.hidden_at = mark

    def references_left(self) -> None:
        more = self.references - SHOWN_REFERENCES
        if more > 0:
            self.report(self.hidden_at, "RKT006", f"ini dan {more - 1} anchor atau alias YAML lain sesudahnya juga "
                                                  f"tidak diizinkan; tulis setiap nilai langsung")

    def _wants_key(self) -> bool:
        """Whether the next node is the key of an entry of the innermost mapping."""
        stack = self.stack
        return bool(stack) and stack[-1][2] is None and type(stack[-1][0]) is dict

    def attach(self, value, mark) -> Path | None:
        """Put `value` in its place (the root, the next list item, or the pending key's value);
        its path, or None when it has no place (rejected or duplicate key)."""
        stack = self.stack
        if not stack:
            self.root = value
            self.marks[()] = mark
            return ()
        top = stack[-1]
        container = top[0]
        if type(container) is list:
            path = top[1] + (len(container),)
            container.append(value)
            self.marks[path] = mark
            return path
        key = top[2]
        top[2] = None
        if key is _INVALID_KEY:
            return None
        path = top[1] + (key,)
        if key in container:
            self.report(top[3], "RKT005", f"kunci '{key}' ditulis dua kali di bagian yang sama "
                                          f"(pertama di baris {self.marks[path].line + 1}); hapus salah satunya")
            return None
        container[key] = value
        self.marks[path] = top[3]
        return path

    def scalar(self, ev) -> None:
        if ev.style == '"' and BAD_DECODED.search(ev.value):
            self.problems.extend(escaped_problems(self.text, ev.start_mark.index, ev.end_mark.index, self.file))
        if ev.anchor is not None:
            self.reference(ev.start_mark, f"anchor YAML '&{ev.anchor}' tidak diizinkan; tulis nilainya "
                                          f"langsung{_as_text_hint(self.text, ev)}")
        if ev.tag is not None:
            self.report(ev.start_mark, "RKT007",
                        f"tag YAML '{ev.tag}' tidak diizinkan; hapus tag itu{_as_text_hint(self.text, ev)}")
        stack = self.stack
        if stack and stack[-1][2] is None and type(stack[-1][0]) is dict:  # a key (`_wants_key`, inlined: hot)
            key = ev.value
            if key == "" and not ev.style:
                self.report(ev.start_mark, "RKT008", "kunci kosong tidak diizinkan")
                key = _INVALID_KEY
            top = stack[-1]
            top[2] = key
            top[3] = ev.start_mark
            return
        value: object = ev.value if ev.style else _plain(ev.value)
        if type(value) is _TooLong:
            self.report(ev.start_mark, "RKT011",
                        f"angka sepanjang {value.digits} digit terlalu besar (paling banyak {MAX_INT_DIGITS} "
                        f"digit); periksa angkanya, atau tulis di antara tanda kutip bila ini kode atau "
                        f"nomor, bukan jumlah")
        self.attach(value, ev.start_mark)

    def open(self, ev, new: dict | list) -> bool:
        """A mapping or list begins; False when it nests too deep to go on."""
        as_key = self._wants_key()
        if as_key:
            self.report(ev.start_mark, "RKT008", "kunci harus berupa teks, bukan daftar atau pemetaan")
        if ev.anchor is not None:
            self.reference(ev.start_mark, f"anchor YAML '&{ev.anchor}' tidak diizinkan; tulis nilainya langsung")
        if ev.tag is not None:
            self.report(ev.start_mark, "RKT007", f"tag YAML '{ev.tag}' tidak diizinkan; hapus tag itu")
        # a collection used as a key is read (to find its end) but never kept
        path = None if as_key else self.attach(new, ev.start_mark)
        if len(self.stack) >= MAX_DEPTH:
            self.report(ev.start_mark, "RKT009", f"struktur bersarang lebih dari {MAX_DEPTH} tingkat")
            return False
        self.stack.append([new, path if path is not None else ("?",), None, None, as_key, ev.start_mark])
        return True

    def close(self) -> None:
        done = self.stack.pop()
        if done[4]:  # it was a key: the entry it began is dropped
            self.stack[-1][2] = _INVALID_KEY
            self.stack[-1][3] = done[5]

    def alias(self, ev) -> None:
        self.reference(ev.start_mark, f"alias YAML '*{ev.anchor}' tidak diizinkan; tulis nilainya langsung"
                                      f"{_as_text_hint(self.text, ev)}")
        if self._wants_key():
            self.stack[-1][2] = _INVALID_KEY
            self.stack[-1][3] = ev.start_mark
        else:
            self.attach(None, ev.start_mark)

    def document(self, ev) -> bool:
        """A document begins; False for a second one (which is not read)."""
        self.documents += 1
        if self.documents > 1:
            self.report(ev.start_mark, "RKT010",
                        "berkas berisi lebih dari satu dokumen YAML (---); satu berkas satu dokumen")
            return False
        return True


def _quote_hint(value: str) -> str:
    """Indonesian advice to write `value` as quoted text (a valid YAML double-quoted scalar)."""
    value = value if len(value) <= 60 else value[:57] + "..."
    return (f"teks yang diawali '{value[0]}' harus diberi tanda kutip, misalnya "
            f"{json.dumps(value, ensure_ascii=False)}")


def _as_text_hint(text: str, ev) -> str:
    """For a plain scalar or alias that YAML read as an anchor, alias or tag: perhaps it was meant as text."""
    if getattr(ev, "style", None):
        return ""
    source = text[ev.start_mark.index:ev.end_mark.index].split("\n", 1)[0].strip()
    source = source if len(source) <= 60 else source[:57] + "..."
    return f"; bila maksudnya teks, tulis di antara tanda kutip, misalnya {json.dumps(source, ensure_ascii=False)}" \
        if source else ""


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    problem = exc.problem or str(exc)
    mark = exc.problem_mark or exc.context_mark
    if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours in [[[[...
        return Problem(file, "RKT009", f"struktur bersarang lebih dari {MAX_DEPTH} tingkat",
                       line=mark.line + 1 if mark else 1, col=mark.column + 1 if mark else 1)
    if "end of stream" in problem and exc.context_mark is not None:
        mark = exc.context_mark  # where the unclosed quote or bracket began
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    if mark is not None:
        # a value starting with a YAML indicator (>, |, %, @, ...) fails in many ways; one advice fits all
        rows = text.split("\n")
        row = rows[mark.line].rstrip("\r") if mark.line < len(rows) else ""
        m = _INDICATOR_VALUE.match(row)
        if m and mark.column >= m.start("value"):
            return Problem(file, "RKT004", _quote_hint(m.group("value")), line=line, col=m.start("value") + 1)
    if "cannot start any token" in problem and mark is not None:
        # libyaml's C scanner does not say which character it was
        lines = text.split("\n")
        row = lines[mark.line] if mark.line < len(lines) else ""
        char = row[mark.column] if mark.column < len(row) else ""
        problem = f"found character '{char}' that cannot start any token"
        if char == "\t":
            problem = "found a tab character"
    return Problem(file, "RKT004", _yaml_message(problem), line=line, col=col)


@dataclass(frozen=True, slots=True)
class _TooLong:
    """A plain integer with more digits than MAX_INT_DIGITS (reported, never converted)."""

    digits: int


def _plain(value: str) -> object:
    """The value of a plain scalar: an integer, boolean or null only when plainly typed."""
    word = _WORDS.get(value, value)
    if word is not value:
        return word
    if value[0] in _NUMERIC_START and _INT.match(value):  # most plain scalars are text: no regex for them
        digits = len(value) - value.startswith("-")
        return int(value) if digits <= MAX_INT_DIGITS else _TooLong(digits)
    return value


class _InvalidKey:
    """Placeholder key for entries whose key was rejected; they are dropped."""

    def __repr__(self) -> str:
        return "<kunci tidak sah>"


_INVALID_KEY = _InvalidKey()


def load_bytes(raw: bytes, file: str) -> Loaded:
    text, problems = read_text(raw, file)
    if text is None:
        return Loaded(file, None, tuple(problems))
    data, positions, problems = parse(text, file)
    if problems:
        return Loaded(file, None, tuple(problems), positions)
    header = text.split("\n", 1)[0].rstrip("\r")
    return Loaded(file, Document(file, data, positions, header), ())


SYMLINK_MESSAGE = ("tautan simbolik (symlink) tidak diizinkan dan tidak dibaca; data harus berupa berkas atau "
                   "folder sungguhan di dalam repositori, bukan tautan ke tempat lain")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_no_follow(path: FsPath, limit: int = -1) -> bytes:
    """The bytes of a file that is not a symbolic link; OSError(ELOOP) for a link.

    O_NOFOLLOW, so not even a link swapped in after the folder was listed is read:
    a pull request can commit a link pointing anywhere on the machine that checks it."""
    if not _NOFOLLOW and path.is_symlink():  # Windows: no O_NOFOLLOW
        raise OSError(errno.ELOOP, "symlink", str(path))
    with os.fdopen(os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_BINARY", 0)), "rb") as fh:
        return fh.read(limit)


def load_file(path: FsPath, file: str) -> Loaded:
    """Load one file; `file` is the name to show (relative to the repository). A symbolic
    link is refused, not followed."""
    try:
        raw = read_no_follow(path, MAX_BYTES + 1)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Loaded(file, None, (Problem(file, "RKT012", SYMLINK_MESSAGE, line=1, col=1),))
        return Loaded(file, None, (Problem(file, "RKT001",
                                           f"berkas tidak dapat dibaca ({os_reason(exc)})",
                                           line=1, col=1),))
    if len(raw) > MAX_BYTES:
        return Loaded(file, None, (Problem(
            file, "RKT001", f"berkas terlalu besar (lebih dari {MAX_BYTES // 1024 // 1024} MiB)",
            line=1, col=1),))
    return load_bytes(raw, file)
