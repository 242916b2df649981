"""File locks that make builds wait for each other.

Builds of one repository hold a lock in its `.rkt-cache/`; builds into one site folder
hold the lock beside that folder (`.<folder>.rkt-lock`): not inside it, since the folder
itself is swapped, and not in a repository's cache, since builds from two repositories
(or an agency and a regency build) into one folder must find the same lock. A lock dies
with its process, so a killed build never blocks the next one.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


def _try_lock(fh: BinaryIO) -> bool:
    if sys.platform == "win32":
        import msvcrt
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _wait_lock(fh: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt
        while True:  # LK_LOCK gives up after ten seconds; a build can take longer
            try:
                msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    import fcntl
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX)


@contextlib.contextmanager
def locked(path: Path, waiting: str, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """Hold the lock file `path`; when another process holds it, say `waiting` and wait."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        fh.seek(0)
        if not _try_lock(fh):
            if on_wait:
                on_wait(waiting)
            _wait_lock(fh)
        yield  # released when the file is closed


def site_lock(site: Path) -> Path:
    """The lock beside a site folder."""
    site = site.resolve()
    return site.parent / f".{site.name}.rkt-lock"
