"""Work folders of the site engines, and what a killed build or server left of them.

A build works in folders of its own: the new site beside the site folder (`<site>.tmp-<id>`),
a Zensical build for a folder outside the repository (`.rkt-cache/situs-<id>`), the Zensical
server's (`.rkt-cache/serve-<id>`). Each holds a lock file (`.rkt-kerja`) for as long as its
process lives, and the engine writes into `situs/` inside it, so the lock survives an engine
that empties its folder. A work folder whose lock no live process holds is a leftover of ours:
the next build removes it and says so. A folder without that lock is never ours to delete.

A work folder beside the site may hold the previous site after the swap (`ditukar` written
just before it): then only the files our site marker lists are deleted, and anything else is
moved to `<site>.old-<id>`, as the swap itself does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.safety import remove_ours
from generator.source.filelock import holding_new, if_abandoned

# the work folders in .rkt-cache/: a Zensical build for a folder outside the repository, its server
ZENSICAL_OUTSIDE = "situs-"
ZENSICAL_SERVER = "serve-"
LOCK = ".rkt-kerja"  # held while the folder is in use
INSIDE = "situs"  # where the engine writes
SWAPPED = "ditukar"  # written just before the previous site may be swapped in
PREVIOUS = "lama"  # the previous site during a swap where no atomic exchange exists
_NOTE = "Folder kerja 'rkt' selama prosesnya berjalan; dihapus oleh pembangunan berikutnya bila prosesnya terhenti.\n"


def fresh(parent: Path, prefix: str) -> Path:
    """A new name `<parent>/<prefix><id>` that nothing uses yet."""
    while True:
        path = parent / f"{prefix}{uuid.uuid4().hex[:8]}"
        if not os.path.lexists(path):
            return path


@contextlib.contextmanager
def work_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A new work folder of ours (locked, with an empty `situs/` for the engine) for as long as the
    block runs, removed after it. Once a swap may have begun (`SWAPPED`) the caller clears it
    (`clear`): left behind, it is cleared by the next build, never deleted whole."""
    parent.mkdir(parents=True, exist_ok=True)
    path = fresh(parent, prefix)
    os.mkdir(path)  # not mkdtemp: its 0700 would lock a web server out of the published site
    try:
        with holding_new(path / LOCK, _NOTE.encode("utf-8")):
            os.mkdir(path / INSIDE)
            yield path
    finally:
        if not (path / SWAPPED).exists():
            shutil.rmtree(path, ignore_errors=True)  # engine output only: all ours


@dataclass
class Cleared:
    """What clearing a work folder did: its size, and where files that were not ours went."""

    size: int = 0
    kept: list[str] = field(default_factory=list)  # someone else's files that stay
    moved_to: Path | None = None


def clear(folder: Path, site: Path | None = None) -> Cleared:
    """Empty and remove the work folder `folder`. Engine output is deleted; a swapped-out site
    (after `SWAPPED`) loses only the files our marker lists, the rest moved to `<site>.old-<id>`
    (`site`: the site folder it was swapped with; None: not beside a site)."""
    done = Cleared(size=_size(folder))
    swapped = (folder / SWAPPED).exists()
    for name in (INSIDE, PREVIOUS):
        inner = folder / name
        if not inner.is_dir() or inner.is_symlink():
            continue
        if not (swapped or name == PREVIOUS):
            shutil.rmtree(inner, ignore_errors=True)
            continue
        left = remove_ours(inner)
        if left and inner.exists():
            done.kept, done.moved_to = left, fresh(folder.parent, f"{(site or folder).name}.old-")
            os.rename(inner, done.moved_to)
    shutil.rmtree(folder, ignore_errors=True)  # now only our lock and records
    return done


def _size(folder: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def leftovers(parent: Path, prefix: str, site: Path | None = None) -> list[tuple[str, Cleared]]:
    """Remove the work folders `<parent>/<prefix>*` that no live process holds; what each held.
    Beside a site folder (`site`), one of them may hold the previous site of a build killed in
    the middle of its swap with no atomic exchange: it is put back when the site is missing."""
    found: list[tuple[str, Cleared]] = []
    if not parent.is_dir():
        return found
    for path in sorted(parent.iterdir()):
        if not path.name.startswith(prefix) or path.is_symlink() or not path.is_dir():
            continue
        with if_abandoned(path / LOCK) as ours:
            if not ours:
                continue  # someone else's, or a live process is using it
            if site is not None and not os.path.lexists(site) and (path / PREVIOUS).is_dir():
                os.rename(path / PREVIOUS, site)
            found.append((path.name, clear(path, site)))
    return found


def said(found: list[tuple[str, Cleared]]) -> list[str]:
    """For the user: what was removed, how big, and what was kept."""
    notes = []
    for name, cleared in found:
        note = f"sisa pembangunan yang terhenti dihapus: {name} ({megabytes(cleared.size)})"
        if cleared.moved_to is not None:
            note += (f"; berkas di dalamnya yang bukan buatan rkt tidak dihapus, dipindahkan ke {cleared.moved_to}: "
                     f"{', '.join(cleared.kept[:5])}" + (f" dan {len(cleared.kept) - 5} lainnya"
                                                          if len(cleared.kept) > 5 else ""))
        notes.append(note)
    return notes


def megabytes(size: int) -> str:
    """A size as the user reads it: '4,9 MB' (decimal comma)."""
    if size < 100_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
