"""Every cache of rkt, under one rule: an entry's key is the hash of everything its
output depends on. That is the caller's inputs (data, settings, the date) plus,
always, the source of the `generator` package and the versions of every installed
library, so an upgrade of matplotlib, Typst, MkDocs, holidays, Babel or of rkt
itself can never serve a stale chart, export or page.

The caches live in `.rkt-cache/` at the repository root, out of the way of the
site engines: Zensical keeps its own `.cache/` there and may clear it.
A cache is an optimisation: failing to write one never fails a command. An entry is
trusted only when this machine's rkt wrote it (`cacheseal`): anything else is made again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.core.layout import CACHE
from generator.source import atomic, cacheseal, parallel

DIR = CACHE
_PACKAGE = Path(__file__).resolve().parent.parent  # all of generator/


def folder(root: Path, kind: str = "") -> Path:
    """The cache folder of `kind` (charts, exports, ...) in the repository at `root`."""
    return root / DIR / kind if kind else root / DIR


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """The generator package's own source: any change to rkt's code changes every key."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".json", ".css", ".js"):
            h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _site_package_dirs() -> list[str]:
    # only installation folders: the current directory on sys.path must not change the keys
    return sorted({p for p in sys.path if p and os.path.isabs(p) and os.path.basename(p) in
                   ("site-packages", "dist-packages")})


@functools.lru_cache(maxsize=1)
def library_versions() -> tuple[str, ...]:
    """Every installed distribution as `name-version` (the names of their metadata folders).

    All of them rather than a hand-kept list: the PDF alone depends on Typst and on
    matplotlib's fonts, and a list someone forgets to extend is a stale cache waiting
    to happen. Listing folders costs about a millisecond; reading every METADATA file 50.
    """
    found: set[str] = set()
    for base in _site_package_dirs():
        try:
            names = os.listdir(base)
        except OSError:
            continue
        found.update(n for n in names if n.endswith((".dist-info", ".egg-info")))
    return (f"python-{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}",
            sys.implementation.name, *sorted(found))


def _as_bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def key(kind: str, *inputs: object) -> str:
    """The hash of `kind`, every input (bytes, text or JSON-able data), rkt's code and the libraries."""
    h = hashlib.sha256()
    for part in (kind, code_hash(), "\n".join(library_versions()), *inputs):
        data = _as_bytes(part)
        # length-prefixed, so that ("ab", "c") and ("a", "bc") never share a key
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


@dataclass
class Cache:
    """Files by key in one folder (None: no caching); counts what had to be made."""

    folder: Path | None
    made: int = 0
    reused: int = 0

    def through(self, kind: str, inputs: tuple, make: Callable[[], bytes], suffix: str = "") -> bytes:
        """The cached output for `inputs`, or `make()`'s, stored for next time."""
        path = self.folder / f"{key(kind, *inputs)}{suffix}" if self.folder is not None else None
        if path is not None:
            try:
                data = cacheseal.unseal(path.read_bytes())
            except OSError:
                data = None
            if data is not None:
                self.reused += 1
                return data
        self.made += 1
        pending = parallel.defer(path, make, suffix)  # made later, with the rest of the build's
        if pending is not None:
            return pending
        data = make()
        if path is not None:
            try:
                atomic.replace(path, cacheseal.seal(data))
            except OSError:
                pass  # a full or read-only disk shows up where it matters: writing the pages
        return data


def through(folder_: Path | None, kind: str, inputs: tuple, make: Callable[[], bytes], suffix: str = "") -> bytes:
    """One cached output without counting (for callers such as the exports)."""
    return Cache(folder_).through(kind, inputs, make, suffix)
