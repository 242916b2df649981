"""The LKjIP's section files (cycles/<year>/lkjip/<key>.md) in validation: each is read as the
report will read it (a link refused, the size bounded, UTF-8 without refused characters: the
loader's problems), and a file whose name is no section of the report is named with the list of
the names it may have (the sasaran's come from the Renstra, so this waits for the model)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path as FsPath

from generator.core import lkjip
from generator.core.model import Repository
from generator.core.problems import WARNING, Problem
from generator.source.narrative import screened

KIND = "lkjip"


def read_problems(root: FsPath, rel: str) -> list[Problem]:
    """What keeps one section file from being read, and a guidance comment left open."""
    text, problems = screened(root / rel, rel)
    if text is None:
        return problems
    opened = text.rfind("<!--")
    if opened >= 0 and text.find("-->", opened) < 0:
        line = text.count("\n", 0, opened) + 1
        col = opened - (text.rfind("\n", 0, opened) + 1) + 1
        problems.append(Problem(rel, "RKT260", "komentar '<!--' tidak ditutup dengan '-->': semua teks sesudahnya, "
                                               "termasuk petunjuknya, akan ikut dicetak di LKjIP; tutup komentarnya",
                                line=line, col=col, severity=WARNING))
    return problems


def name_problems(repo: Repository, files: Iterable[str]) -> Iterator[Problem]:
    """A file under lkjip/ that is no section of the report (RKT021), with the names it may have.
    Without a valid Renstra the sasaran are not known: only the fixed parts' names are checked."""
    objectives = repo.renstra.objectives if repo.renstra is not None else None
    names = lkjip.file_names(objectives or ())
    for rel in files:
        name = posixpath.basename(rel)
        if name in names or (objectives is None and name.startswith(lkjip.OBJECTIVE_PREFIX)):
            continue
        each = ", ".join(names) if objectives is not None else \
            ", ".join(names) + f", {lkjip.OBJECTIVE_PREFIX}<kode sasaran huruf kecil>.md"
        yield Problem(rel, "RKT021", f"berkas ini tidak akan dibaca karena namanya bukan bagian LKjIP; nama bagian "
                                     f"LKjIP: {each} (buat semuanya dengan 'rkt new-lkjip TAHUN')", line=1, col=1)
