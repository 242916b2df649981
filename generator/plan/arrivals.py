"""When each data file arrived on the main branch: the first-parent commit that added it,
its date in the agency's time zone, who wrote it and who merged it (the evidence of form steps).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path as FsPath

from generator.source.gitrepo import GitError, git, is_shallow


@dataclass(frozen=True, slots=True)
class Arrival:
    """When and how a file reached the main branch (from `git log --first-parent`)."""

    date: dt.date
    commit: str
    submitted_by: str | None  # author of the change
    approved_by: str | None  # who merged it


def arrivals(root: FsPath, timezone: str, prefix: str = "cycles/") -> dict[str, Arrival]:
    """For every file under `prefix` on the current branch: the first-parent commit
    that (last) added it, with its date in the agency's time zone, who wrote the
    change and who merged it. Empty without usable history (no git, shallow clone):
    callers then take dates from the files themselves."""
    from zoneinfo import ZoneInfo

    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        if is_shallow(root):
            return {}
        out = git(root, "-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent",
                  "--diff-filter=A", "--name-only", "--format=%x1e%H%x00%P%x00%an%x00%cI", "HEAD", "--", prefix)
    except GitError:
        return {}
    zone = ZoneInfo(timezone)
    found: dict[str, tuple[str, str, str, dt.date]] = {}
    second_parents: set[str] = set()
    for record in out.decode("utf-8", "replace").split("\x1e"):
        if not record.strip():
            continue
        head, _, names = record.partition("\n")
        commit, parents, author, when = head.split("\0")
        day = dt.datetime.fromisoformat(when).astimezone(zone).date()
        parent_list = parents.split()
        merged_from = parent_list[1] if len(parent_list) > 1 else ""
        if merged_from:
            second_parents.add(merged_from)
        for name in names.splitlines():
            if name and name not in found:  # newest first: keep the latest addition
                found[name] = (commit, merged_from, author, day)
    authors: dict[str, str] = {}
    if second_parents:
        listing = git(root, "log", "--no-walk", "--format=%H%x00%an", *sorted(second_parents))
        for line in listing.decode("utf-8", "replace").splitlines():
            sha, _, name = line.partition("\0")
            authors[sha] = name
    return {name: Arrival(day, commit, authors.get(merged_from, author) if merged_from else author,
                          author if merged_from else None)
            for name, (commit, merged_from, author, day) in found.items()}
