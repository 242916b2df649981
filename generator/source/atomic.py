"""Atomic writes: after a crash, a full disk or a second process, a file is
either its old self or its complete new self, never half of each.

Every command that writes into the repository or beside it goes through here.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
