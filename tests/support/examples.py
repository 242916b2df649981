"""The example cases of tests/examples/: folders laid over a copy of the example repository.

tests/examples/valid/<case>/ and tests/examples/invalid/<case>/ hold the files that differ; a file
named `<path>.delete` removes `<path>` from the copy; expect.txt and README.md describe the case."""

from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
META = {"expect.txt", "README.md"}


def apply(case: Path, repo: Path) -> None:
    """Lay the case's files over `repo`."""
    for src in sorted(case.rglob("*")):
        rel = src.relative_to(case).as_posix()
        if src.is_dir() or rel in META:
            continue
        if rel.endswith(".delete"):
            (repo / rel[:-len(".delete")]).unlink()
            continue
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, repo / rel)
