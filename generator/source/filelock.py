"""Advisory file locks: held by a live process, released by the system when it dies.

A lock file says "a live process is using this" (a build, a multi-file write, a work
folder); whoever finds it free knows that its owner, if it had one, is gone. Nothing is
ever written into a held lock by anyone else.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def try_lock(fh: BinaryIO) -> bool:
    """Take the lock of the open file `fh` if no process holds it."""
    if sys.platform == "win32":
        import msvcrt
        fh.seek(0)
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


def wait_lock(fh: BinaryIO) -> None:
    """Take the lock of the open file `fh`, waiting as long as another process holds it."""
    if sys.platform == "win32":
        import msvcrt
        fh.seek(0)
        while True:  # LK_LOCK gives up after ten seconds; a build can take longer
            try:
                msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    import fcntl
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX)


@contextlib.contextmanager
def waiting_then_removed(path: Path) -> Iterator[None]:
    """Hold the lock file `path` like `waiting`, and remove it when done, so that nothing is left
    behind (on a system that cannot remove an open file, it stays). A waiter that got the lock of
    a file removed meanwhile takes the new one instead."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fh = open(path, "a+b")
        try:
            wait_lock(fh)
            try:
                same = os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                try:
                    yield
                finally:
                    with contextlib.suppress(OSError):
                        os.unlink(path)
                return
        finally:
            fh.close()


@contextlib.contextmanager
def holding_new(path: Path, note: bytes) -> Iterator[None]:
    """Make the lock file `path` (it must not exist), hold it, then write `note` into it: a
    file with its note written was held by its maker, so finding it free means the maker is gone."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "r+b") as fh:
        if not try_lock(fh):  # made just now by us: nobody else can hold it
            raise OSError(f"{path}: tidak dapat dikunci")
        fh.seek(0)
        fh.write(note)
        fh.flush()
        yield


@contextlib.contextmanager
def if_abandoned(path: Path) -> Iterator[bool]:
    """True inside the block when `path` is a lock file with its note written that no live process
    holds (then we hold it for the block); False when it is missing, unfinished or held."""
    try:
        fh = open(path, "r+b")
    except OSError:
        yield False
        return
    with fh:
        try:
            free = os.fstat(fh.fileno()).st_size > 0 and try_lock(fh)
        except OSError:  # a lock the system refuses to test (a byte-range lock held on Windows)
            free = False
        yield free
