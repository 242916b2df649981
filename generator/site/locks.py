"""File locks that make builds wait for each other.

Builds of one repository hold a lock in its `.rkt-cache/`; builds into one site folder
hold the lock beside that folder (`.<folder>.rkt-lock`): not inside it, since the folder
itself is swapped, and not in a repository's cache, since builds from two repositories
(or an agency and a regency build) into one folder must find the same lock. A lock dies
with its process, so a killed build never blocks the next one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.source.filelock import try_lock, wait_lock


@contextlib.contextmanager
def locked(path: Path, waiting: str, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """Hold the lock file `path`; when another process holds it, say `waiting` and wait."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        if not try_lock(fh):
            if on_wait:
                on_wait(waiting)
            wait_lock(fh)
        yield  # released when the file is closed


def site_lock(site: Path) -> Path:
    """The lock beside a site folder."""
    site = site.resolve()
    return site.parent / f".{site.name}.rkt-lock"
