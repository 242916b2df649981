"""The frame around every command: the repository it needs before it starts, and the
`Outcome` when it stops on an exception instead of returning one (Git or the project's own
schemas broken, this computer lacking something, Ctrl+C, or a bug of ours)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from generator.commands.environment import environment
from generator.commands.outcome import Outcome
from generator.source.gitrepo import GitError
from generator.source.schema import SchemaError

# The commands that make a repository, and the regency's (it has no cycles/: `rkt kabupaten`
# checks its own kabupaten.yaml): they run without an RKT repository.
WITHOUT_REPOSITORY = ("init", "demo", "kabupaten")


def refusal(command: str, root: Path, schemas: Path | None) -> Outcome | None:
    """Why `command` cannot run on `root` (with the schemas of `--schemas`), or None."""
    if schemas is not None and not schemas.is_dir():
        return Outcome.failed(f"rkt: kesalahan: folder skema {schemas} tidak ada\n", 2)
    if command in WITHOUT_REPOSITORY:
        return None
    from generator.commands.init import UNFINISHED

    if (root / UNFINISHED).is_file():
        return Outcome.failed(f"rkt: kesalahan: pembuatan repositori di {root} terhenti sebelum selesai; jalankan lagi "
                              f"'rkt init' untuk folder ini\n", 2)
    if not ((root / "cycles").is_dir() and (schemas or root / "schemas").is_dir()):
        return Outcome.failed(f"rkt: kesalahan: {root} bukan repositori RKT (folder cycles/ dan schemas/ tidak "
                              f"ada)\n", 2)
    return None


def run_in(name: str, root: Path, command: Callable[[], Outcome]) -> Outcome:
    """`run(command)`; in a repository, only after ending any write a killed run left half done
    (a scan without its record, a form half imported), with one line saying what was done."""
    if name in WITHOUT_REPOSITORY:
        return run(command)
    from generator.commands.checked_write import recovering

    return run(lambda: recovering(root, command))


def run(command: Callable[[], Outcome]) -> Outcome:
    """The command's Outcome, or the one that says why it stopped."""
    try:
        return command()
    except KeyboardInterrupt:
        return Outcome.failed("rkt: dihentikan\n", 130)
    except Exception as exc:  # a bug of ours must still not greet the user with a traceback
        return stopped(exc)


def stopped(exc: Exception) -> Outcome:
    """What the user reads when a command stopped on `exc` (with RKT_DEBUG set, a bug of ours
    is raised again for its traceback)."""
    if isinstance(exc, GitError):
        return Outcome.failed(f"rkt: kesalahan: {exc}\n", 2)
    if isinstance(exc, SchemaError):
        return Outcome.failed(f"rkt: kesalahan pada skema proyek: {exc}\n", 2)
    environmental = environment(exc)
    if environmental:
        return Outcome.failed(f"rkt: kesalahan: {environmental}\n", 2)
    if os.environ.get("RKT_DEBUG"):
        raise exc
    return Outcome.failed(f"rkt: kesalahan internal pada alat ini ({type(exc).__name__}: {exc}). Data Anda tidak "
                          f"diubah. Laporkan ke pengelola repositori; jalankan dengan RKT_DEBUG=1 untuk rinciannya.\n",
                          3)
