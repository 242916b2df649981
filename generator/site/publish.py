"""Publishing a site: the engine into a temporary folder, the safety scan, then the swap.

One sequence for the agency's site (`rkt build`) and the regency's (`rkt kabupaten build`),
so both are held to the same bar. The engine builds into a temporary sibling of the target
(`<site>.tmp-<id>`), with every warning fatal; only a complete site that passed the safety
scan replaces the old one, which is first renamed aside (`<site>.old-<id>`). Both siblings
sit beside the site folder, on its file system, so that each rename is atomic. Of the old
site only the files our marker lists are deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.plan.derive import BuildError
from generator.site import engines
from generator.site.locks import locked, site_lock
from generator.site.safety import mark, remove_ours, scan_site, site_refusal

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
    """Engine into a temporary sibling of `site`, every warning fatal, safety scan, then swap."""
    new = _sibling(site, "tmp")
    os.mkdir(new)  # not mkdtemp: its 0700 would lock a web server out of the published site
    try:
        t1 = time.perf_counter()
        proc = engines.run(engine, root, epoch, new)
        seconds = time.perf_counter() - t1
        engines.check_engine(proc, engine)
        unsafe = scan_site(new)
        if unsafe:
            return Publication(engine, None, unsafe, [], seconds)  # never published; the previous site stays
        mark(new)
        notes = _swap(new, site)
        return Publication(engine, site, [], notes, seconds)
    finally:
        # ours alone: made above and filled by the engine for this build
        shutil.rmtree(new, ignore_errors=True)


def _sibling(site: Path, role: str) -> Path:
    """A fresh name beside `site` (same file system, so renames are atomic)."""
    site.parent.mkdir(parents=True, exist_ok=True)
    while True:
        path = site.with_name(f"{site.name}.{role}-{uuid.uuid4().hex[:8]}")
        if not os.path.lexists(path):
            return path


def _swap(new: Path, site: Path) -> list[str]:
    """Put the complete `new` site in place of `site`; of the old one delete only our files."""
    if not site.exists():
        os.rename(new, site)
        return []
    old = _sibling(site, "old")
    os.rename(site, old)
    try:
        os.rename(new, site)
    except OSError:
        os.rename(old, site)
        raise
    left = remove_ours(old)
    if not left:
        return []
    shown = ", ".join(left[:5]) + (f" dan {len(left) - 5} lainnya" if len(left) > 5 else "")
    return [f"berkas di {site} yang bukan buatan rkt tidak dihapus; semuanya dipindahkan ke {old}: {shown}"]
