"""The LKjIP's written parts (cycles/<year>/lkjip/<key>.md) read from disk, and whether each is
written.

Read like every data file: a symbolic link is refused, never followed (load.read_no_follow), the
size is bounded, the bytes must be UTF-8 without control, bidi or invisible characters (the
loader's screen, with its messages). A part is written when something is left after removing
its HTML comments (the guidance `rkt new-lkjip` puts there), its own title line and blank lines:
the starting text alone never passes for the staff's words.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Mapping
from pathlib import Path as FsPath

from generator.core.lkjip import Section, heading, section_file
from generator.core.problems import Problem, os_reason
from generator.source.load import SYMLINK_MESSAGE, read_no_follow
from generator.source.screen import read_text

MAX_BYTES = 1024 * 1024  # a chapter of prose is tens of kilobytes; a megabyte is something else
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def screened(path: FsPath, rel: str) -> tuple[str | None, list[Problem]]:
    """The text of one section file, or the problems that keep it from being read (as the loader
    names them: RKT012 a link, RKT001 unreadable or too large, RKT002 not UTF-8, RKT003 a refused
    character). (None, []) when the file does not exist."""
    try:
        raw = read_no_follow(path, MAX_BYTES + 1)
    except FileNotFoundError:
        return None, []
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, [Problem(rel, "RKT012", SYMLINK_MESSAGE, line=1, col=1)]
        return None, [Problem(rel, "RKT001", f"berkas tidak dapat dibaca ({os_reason(exc)})", line=1, col=1)]
    if len(raw) > MAX_BYTES:
        return None, [Problem(rel, "RKT001", f"berkas terlalu besar (lebih dari {MAX_BYTES // 1024 // 1024} MiB)",
                              line=1, col=1)]
    return read_text(raw, rel)


def _same_heading(line: str, section: Section) -> bool:
    """Whether a line is the section's own title line ("# BAB I PENDAHULUAN", any case and spacing)."""
    words = " ".join(line.strip().lstrip("#").split()).casefold()
    return line.lstrip().startswith("#") and words == " ".join(heading(section).lstrip("#").split()).casefold()


def written(text: str, section: Section) -> str | None:
    """The staff's words in a section file: without HTML comments and without the leading title line
    (the report prints the title itself), blank lines around them removed; None when nothing is left."""
    lines = _COMMENT.sub("", text).replace("\r\n", "\n").split("\n")
    content = [line.rstrip() for line in lines]
    first = next((i for i, line in enumerate(content) if line.strip()), None)
    if first is not None and _same_heading(content[first], section):
        content = content[first + 1:]
    while content and not content[0].strip():
        content.pop(0)
    while content and not content[-1].strip():
        content.pop()
    return "\n".join(content) if content else None


def read_sections(root: FsPath, year: int, sections: Iterable[Section]) -> tuple[dict[str, str | None],
                                                                                  list[Problem]]:
    """Every section's written text (None: absent, or holding only its title and guidance), keyed
    by section key, and the problems of the files that could not be read (their text is None)."""
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    for section in sections:
        rel = section_file(year, section.key)
        text, found = screened(root / rel, rel)
        problems += found
        texts[section.key] = written(text, section) if text is not None else None
    return texts, problems


def existing(root: FsPath, year: int, sections: Iterable[Section]) -> Mapping[str, bool]:
    """Which sections' files exist (a link counts as existing: it is never replaced)."""
    out = {}
    for section in sections:
        path = root / section_file(year, section.key)
        out[section.key] = path.exists() or path.is_symlink()
    return out
