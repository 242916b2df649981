"""Atomic writes: after a crash, a full disk or a second process, a file is
either its old self or its complete new self, never half of each.

Every command that writes into the repository or beside it goes through here; several files
that must change together go through `transaction`, which is built on this module.

Test hook: with `RKT_TEST_KILL_AT=N` in the environment, the process ends at once
(`os._exit(137)`, as if killed) just before its N-th write, counting every write of this
module, of `transaction` and of the site swap (`kill_point`). Tests loop N over every write
of a command to prove that a kill at any moment leaves nothing half done. Only the process
that first read the variable counts: forked workers and child processes do not.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
import tempfile
from pathlib import Path

_KILL_AT = os.environ.get("RKT_TEST_KILL_AT", "")
_KILLER = os.getpid()  # the process the hook is for; a fork has its own pid
_writes = 0


def kill_point() -> None:
    """Count one write and, under the test hook `RKT_TEST_KILL_AT=N`, die just before the N-th."""
    global _writes
    if not _KILL_AT.isdigit() or os.getpid() != _KILLER:
        return
    _writes += 1
    if _writes == int(_KILL_AT):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(137)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary(path: Path, data: bytes) -> Path:
    """`data` in a fresh temporary file beside `path` (same file system, so a rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a written file gets the usual mode
        os.chmod(name, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def replace(path: Path, data: bytes | str) -> None:
    """Write `path` whole, replacing what was there."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    kill_point()
    tmp = _temporary(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def create(path: Path, data: bytes | str) -> None:
    """Write a new file; FileExistsError if `path` exists (checked atomically, never overwritten)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    kill_point()
    tmp = _temporary(path, data)
    try:
        try:
            os.link(tmp, path)  # fails if path appeared meanwhile: nothing is overwritten
        except OSError as exc:
            if isinstance(exc, FileExistsError):
                raise
            # a file system without hard links: the check above is the best we have
            if path.exists():
                raise FileExistsError(path) from exc
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths (folders too) in one atomic step, so that each name always holds
    one of the two, whole. False where the system or the file system cannot (then nothing moved)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # a C library without renameat2 (glibc before 2.28, musl before 1.2.?)
        return False
    kill_point()
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):  # not on this file system
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))
