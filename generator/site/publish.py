"""Publishing a site: the engine into a temporary folder, the safety scan, then the swap.

One sequence for the agency's site (`rkt build`) and the regency's (`rkt kabupaten build`),
so both are held to the same bar. The engine builds into a work folder beside the target
(`<site>.tmp-<id>/situs`, `workfolders`), with every warning fatal; only a complete site that
passed the safety scan replaces the old one, in one atomic exchange of the two folders (where
the system has none: two renames, the old site put back by the next build if killed between).
The work folder sits beside the site folder, on its file system, so that each rename is atomic.
Of the old site only the files our marker lists are deleted; the rest is moved to
`<site>.old-<id>`. A build first removes the work folders that killed builds left.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.plan.derive import BuildError
from generator.site import engines
from generator.site.locks import locked, site_lock
from generator.site.safety import mark, scan_site, site_refusal
from generator.site.workfolders import (
    INSIDE,
    PREVIOUS,
    SWAPPED,
    ZENSICAL_OUTSIDE,
    ZENSICAL_SERVER,
    clear,
    leftovers,
    said,
    work_folder,
)
from generator.source import atomic, cache

SITE = "site"  # the site folder in the repository, unless another is asked for


class SiteRefused(BuildError):
    """The site folder asked for may not be written (the command was used wrongly)."""


@dataclass(frozen=True)
class Publication:
    """What the engine run and the swap did."""

    engine: str
    site: Path | None = None  # None when the safety scan kept the new site from being published
    unsafe: list[str] = field(default_factory=list)  # the safety scan's findings
    notes: list[str] = field(default_factory=list)  # for the user, about the site folder
    seconds_engine: float = 0.0


def check_target(root: Path, site: Path, force: bool, engine: str) -> None:
    """Refuse a site folder or an engine that cannot be used, before anything is generated."""
    refused = site_refusal(root, site, force) or engines.engine_missing(engine)
    if refused:
        raise SiteRefused(refused)


def publish(root: Path, site: Path, engine: str, today: dt.date | None, timezone: str, force: bool,
            on_wait: Callable[[str], None] | None) -> Publication:
    """Build docs/ of `root` with `engine` and put the result in place of `site` (resolved),
    waiting for any other build into the same folder. `today` and `timezone` date the
    engine's own timestamps (`engines.source_date_epoch`)."""
    with locked(site_lock(site), f"menunggu pembangunan lain ke {site} selesai", on_wait):
        refused = site_refusal(root, site, force)  # the folder may have changed while we waited
        if refused:
            raise SiteRefused(refused)
        return _build_scan_swap(root, site, engine, engines.source_date_epoch(root, today, timezone))


def _build_scan_swap(root: Path, site: Path, engine: str, epoch: str) -> Publication:
    """Engine into a work folder beside `site`, every warning fatal, safety scan, then swap; first
    remove what killed builds left (under the site lock, so no live build into `site` owns it)."""
    notes = _leftovers(root, site)
    with work_folder(site.parent, f"{site.name}.tmp-") as work:
        new = work / INSIDE
        t1 = time.perf_counter()
        proc = engines.run(engine, root, epoch, new)
        seconds = time.perf_counter() - t1
        engines.check_engine(proc, engine)
        unsafe = scan_site(new)
        if unsafe:
            return Publication(engine, None, unsafe, notes, seconds)  # never published; the previous site stays
        mark(new)
        notes += _swap(work, site)
        return Publication(engine, site, [], notes, seconds)


def _leftovers(root: Path, site: Path) -> list[str]:
    """Remove the work folders of builds and servers that were killed; say what went."""
    found = leftovers(site.parent, f"{site.name}.tmp-", site)
    for prefix in (ZENSICAL_OUTSIDE, ZENSICAL_SERVER):
        found += leftovers(cache.folder(root), prefix)
    return said(found)


def _swap(work: Path, site: Path) -> list[str]:
    """Put the complete new site (`work/situs`) in place of `site` in one atomic exchange, so that
    `site` always holds the old site or the new one, whole; of the old one delete only our files."""
    new = work / INSIDE
    if not os.path.lexists(site):
        atomic.kill_point()
        os.rename(new, site)
        return []
    atomic.kill_point()
    (work / SWAPPED).touch()
    try:
        if not atomic.exchange(new, site):
            _swap_in_two(work, site)
    except OSError:
        clear(work, site)  # the new site (ours) goes; the old one was never moved or is back
        raise
    cleared = clear(work, site)
    if cleared.moved_to is None:
        return []
    left = cleared.kept
    shown = ", ".join(left[:5]) + (f" dan {len(left) - 5} lainnya" if len(left) > 5 else "")
    return [f"berkas di {site} yang bukan buatan rkt tidak dihapus; semuanya dipindahkan ke {cleared.moved_to}: "
            f"{shown}"]


def _swap_in_two(work: Path, site: Path) -> None:
    """Where no atomic exchange exists: the old site aside, then the new one in. A build killed
    between the two has its previous site put back by the next build (`leftovers`)."""
    atomic.kill_point()
    os.rename(site, work / PREVIOUS)
    try:
        atomic.kill_point()
        os.rename(work / INSIDE, site)
    except OSError:
        os.rename(work / PREVIOUS, site)
        raise
