"""Files that must never be under version control: what rkt makes and keeps (its caches, the built
site, the generated pages) and whatever .gitignore ignores. Tracked, such a file is served or
published as if rkt had made it, without any check: a planted download, a planted page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path as FsPath

from generator.core.layout import NEVER_TRACKED
from generator.core.problems import Problem
from generator.source import gitrepo

CODE = "RKT027"


def problems(root: FsPath) -> Iterator[Problem]:
    """One error for every tracked file that rkt makes or .gitignore ignores."""
    files = gitrepo.tracked(root)
    if files is None:
        return
    ignored = set(gitrepo.tracked_but_ignored(root))
    for rel in files:
        if rel in ignored or rel.startswith(NEVER_TRACKED):
            yield Problem(rel, CODE, "berkas ini buatan rkt (cache, situs atau halaman yang dibangun) atau diabaikan "
                          ".gitignore, tetapi ikut tersimpan di repositori: isinya bisa terbit di dasbor tanpa "
                          f"diperiksa. Keluarkan dari repositori: git rm --cached '{rel}'", line=1, col=1)
