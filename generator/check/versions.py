"""What a signed version held: the compiled plan of a year at a past commit (read
with git and gathered like today's data), and the changes between consecutive versions.
"""

from __future__ import annotations

import io
import shutil
import tarfile
import tempfile
from pathlib import Path

from generator.check.validate import build_repository, gather
from generator.plan.archive import diff
from generator.plan.compile import compile_rkt
from generator.plan.fingerprint import content
from generator.source.gitrepo import GitError, git
from generator.source.schema import SchemaSet


def content_at(root: Path, commit: str, year: int) -> dict | None:
    """The compiled plan of `year` as it was at `commit`, or None if it cannot be rebuilt."""
    try:
        tar = git(root, "archive", "--format=tar", commit, "cycles", "schemas")
    except GitError:
        return None
    tmp = Path(tempfile.mkdtemp(prefix="rkt-version-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            try:
                archive.extractall(tmp, filter="data")
            except TypeError:  # Python < 3.11.4 has no extraction filters; git archive has no links out
                archive.extractall(tmp)
        if not (tmp / "schemas").is_dir():
            shutil.copytree(root / "schemas", tmp / "schemas")
        for schema in (root / "schemas").glob("*.schema.json"):
            # a kind of file newer than the commit (the Rencana Aksi's, say): that commit has none of
            # them, and today's schema lets its files be read
            if not (tmp / "schemas" / schema.name).exists():
                shutil.copy(schema, tmp / "schemas" / schema.name)
        g = gather(tmp, SchemaSet.load(tmp / "schemas"))
        repo = build_repository(tmp, g)
        folder = next((c for c in repo.cycles if c.year == year and c.cycle is not None), None)
        if folder is None or repo.agency is None or repo.renstra is None:
            return None
        return content(compile_rkt(folder, repo.agency, repo.renstra))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def version_changes(root: Path, folders) -> dict[tuple[int, int], list[str] | None]:
    """For every signed version after the first: its changes, or None if a source commit is unreadable."""
    out: dict[tuple[int, int], list[str] | None] = {}
    for folder in folders:
        versions = sorted(folder.signed, key=lambda v: v.version)
        contents: dict[str, dict | None] = {}
        for v in versions:
            if v.commit not in contents:
                contents[v.commit] = content_at(root, v.commit, folder.year)
        for prev, cur in zip(versions, versions[1:], strict=False):
            old, new = contents[prev.commit], contents[cur.commit]
            out[(folder.year, cur.version)] = diff(old, new) if old is not None and new is not None else None
    return out
