"""Cache entries that only this machine's rkt can have written.

A cache entry is served by its name, and the name (a hash of public inputs) can be computed
by anyone: a file planted under `.rkt-cache/` (committed with `git add -f`, uploaded through
the web, restored from somewhere else) would otherwise be published as if rkt had made it.
So every entry carries an HMAC-SHA256 of its content under a key that never lives in a
repository: a random key in the user's own cache folder (`~/.cache/rkt-dashboard/`, or
`$XDG_CACHE_HOME`, or `%LOCALAPPDATA%`), made on first use. An entry whose tag does not match
is treated as missing and made again. Where no key can be kept (no writable home), the key
lives only as long as the process: nothing is reused, nothing is trusted.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
from pathlib import Path

TAG = 32  # bytes of HMAC-SHA256 after the content
KEY_FILE = "cache-key"


def key_folder() -> Path:
    """Where this user's cache key is kept (never inside a repository)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "rkt-dashboard"


@functools.lru_cache(maxsize=1)
def _key() -> bytes:
    path = key_folder() / KEY_FILE
    try:
        data = path.read_bytes()
        if len(data) == 32:
            return data
    except OSError:
        pass
    fresh = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # created exclusively: two builds starting at once keep the same key (the loser reads it)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(fresh)
        return fresh
    except FileExistsError:
        data = path.read_bytes()
        return data if len(data) == 32 else fresh
    except OSError:
        return fresh


def _tag(data: bytes) -> bytes:
    return hmac.new(_key(), data, hashlib.sha256).digest()


def seal(data: bytes) -> bytes:
    """`data` as a cache entry: the content followed by its tag."""
    return data + _tag(data)


def unseal(entry: bytes) -> bytes | None:
    """The content of an entry this machine wrote; None for anything else (planted, damaged, foreign)."""
    if len(entry) < TAG:
        return None
    data, tag = entry[:-TAG], entry[-TAG:]
    return data if hmac.compare_digest(tag, _tag(data)) else None
