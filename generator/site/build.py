"""`rkt build`: validate, generate and write docs/, then publish the site (engine, checks, swap).

The steps live in their own modules: `generate` (every page, chart and download, in
memory), `docs` (writing docs/ and skipping a generation whose inputs did not change),
`engines` (MkDocs or Zensical, strict) and `publish` (the engine into a temporary
folder, the safety scan, the swap). Builds of one repository, and builds into one site
folder, wait for each other (`locks`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.site.docs import Generated, WriteStats, fingerprint, unchanged_since_last_time
from generator.site.locks import locked
from generator.source import cache
from generator.source.gitrepo import require_git

if TYPE_CHECKING:  # the rest is imported only when there is something to build (an unchanged build is quick)
    from generator.check.validate import Result
    from generator.site.publish import Publication

DEFAULT_ENGINE = "mkdocs"  # engines.DEFAULT_ENGINE (checked by a test), without importing the engines


@dataclass(frozen=True)
class BuildReport:
    result: Result | None  # None when nothing changed since the last generation (not re-validated)
    generated: Generated | None = None
    stats: WriteStats | None = None
    seconds_generate: float = 0.0
    engine: str = DEFAULT_ENGINE
    publication: Publication | None = None  # the engine run and the swap; None without them

    @property
    def ok(self) -> bool:
        return self.result is None or self.result.ok

    @property
    def site(self) -> Path | None:
        """Where the site was published; None when it was not."""
        return self.publication.site if self.publication else None

    @property
    def unsafe(self) -> list[str]:
        return self.publication.unsafe if self.publication else []

    @property
    def notes(self) -> list[str]:
        return self.publication.notes if self.publication else []

    @property
    def seconds_engine(self) -> float:
        return self.publication.seconds_engine if self.publication else 0.0


def build(root: Path, today: dt.date | None = None, site: Path | None = None, run_mkdocs: bool = True,
          force: bool = False, on_wait: Callable[[str], None] | None = None,
          engine: str = DEFAULT_ENGINE) -> BuildReport:
    """Generate docs/ and (with `run_mkdocs`) publish the site into `site` (default site/),
    built by `engine` (one of ENGINES).

    `force` allows a folder outside the repository or one holding files not of ours (they
    are moved aside, never deleted). `on_wait` hears when another build holds a lock."""
    if run_mkdocs:
        from generator.site.publish import SITE, check_target, publish

        target = (site or root / SITE).resolve()
        check_target(root, target, force, engine)
    require_git(root)
    with locked(cache.folder(root) / "build.lock", "menunggu pembangunan lain di repositori ini selesai", on_wait):
        report = replace(_generate_step(root, today), engine=engine)
        if not run_mkdocs or not report.ok:
            return report
        return replace(report, publication=publish(root, target, engine, today, _timezone(root), force, on_wait))


def _generate_step(root: Path, today: dt.date | None) -> BuildReport:
    """Validate, generate and write docs/, unless the inputs are those of the last generation."""
    from generator.core.calendar import today as today_in

    t0 = time.perf_counter()
    day = today_in(_timezone(root), today)
    key = fingerprint(root, day)
    same = unchanged_since_last_time(root, key)
    if same is not None:
        # same inputs as the last successful generation: its output is still exact
        return BuildReport(None, Generated({}, 0, 0), WriteStats([], same, []), time.perf_counter() - t0)
    from generator.check.validate import validate
    from generator.site.docs import DOCS, remember, write
    from generator.site.generate import generate

    result = validate(root, today=day)
    if not result.ok:
        return BuildReport(result)
    generated = generate(root, result, day, cache.folder(root))
    stats = write(root / DOCS, generated.files)
    remember(root, key, generated.files)
    return BuildReport(result, generated, stats, time.perf_counter() - t0)


def _timezone(root: Path) -> str:
    """The agency's time zone, read before validation ("today" depends on it)."""
    from generator.source.load import load_file

    doc = load_file(root / "cycles/agency.yaml", "cycles/agency.yaml").document
    tz = doc.data.get("zona_waktu") if doc is not None and isinstance(doc.data, dict) else None
    return tz if tz in ("Asia/Makassar", "Asia/Jakarta", "Asia/Pontianak", "Asia/Jayapura") else "Asia/Makassar"
