"""`rkt kabupaten build`: gather, render, write docs/, then the same engine run, strict
checks, safety scan and swap as `rkt build` (`generator.site.publish`), so the regency
site is held to exactly the agency sites' bar.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.calendar import today as today_in
from generator.core.problems import Problem
from generator.regency import config as config_mod
from generator.regency import pages, sources
from generator.regency.fetch import DEFAULT_LIMITS, Limits
from generator.site.docs import DOCS, WriteStats, write
from generator.site.engines import DEFAULT_ENGINE
from generator.site.locks import locked
from generator.site.publish import SITE, Publication, check_target, publish
from generator.source import cache


@dataclass
class RegencyReport:
    problems: list[Problem] = field(default_factory=list)  # in kabupaten.yaml: nothing was built
    entries: tuple[sources.Entry, ...] = ()
    stats: WriteStats | None = None
    engine: Publication | None = None  # the engine run: site, unsafe findings, notes, time
    seconds_fetch: float = 0.0
    seconds_pages: float = 0.0
    notes: list[str] = field(default_factory=list)  # about the repository itself, for the terminal

    @property
    def ok(self) -> bool:
        return not self.problems and (self.engine is None or not self.engine.unsafe)


def generate(root: Path, config: config_mod.Config, day: dt.date, limits: Limits,
             report: RegencyReport) -> dict[str, bytes]:
    t0 = time.perf_counter()
    report.entries = sources.gather(root, config, day, limits)
    t1 = time.perf_counter()
    files = {rel: text.encode("utf-8") for rel, text in pages.pages(pages.Site(config, day, report.entries)).items()}
    report.seconds_fetch, report.seconds_pages = t1 - t0, time.perf_counter() - t1
    return files


def build(root: Path, today: dt.date | None = None, site: Path | None = None, force: bool = False,
          engine: str = DEFAULT_ENGINE, on_wait: Callable[[str], None] | None = None,
          limits: Limits = DEFAULT_LIMITS, run_engine: bool = True) -> RegencyReport:
    """Build the regency site of the repository at `root` into `site` (default site/).

    An agency that cannot be fetched or publishes invalid data never fails the build: it is
    shown with its last good data, marked stale. Only a broken kabupaten.yaml (reported as
    problems) or a site that fails the engine's strict checks (BuildError) stops it."""
    root = root.resolve()  # the engine runs inside it
    target = (site or root / SITE).resolve()
    if run_engine:
        check_target(root, target, force, engine)
    config, problems = config_mod.load(root)
    if config is None:
        return RegencyReport(problems)
    day = today_in(config.timezone, today)
    report = RegencyReport(notes=stylesheet_notes(root))
    with locked(cache.folder(root) / "kabupaten.lock", "menunggu pembangunan lain di repositori ini selesai", on_wait):
        files = generate(root, config, day, limits, report)
        report.stats = write(root / DOCS, files, owned=pages.GENERATED)
        if run_engine:
            report.engine = publish(root, target, engine, day, config.timezone, force, on_wait)
    return report


STYLESHEET = "docs/css/kabupaten.css"


def stylesheet_notes(root: Path) -> list[str]:
    """The regency's stylesheet is copied once, by `rkt kabupaten init`: after the tool is updated
    its new pages (the capaian matrix, the cards of a phone) need the new one. Said, never
    overwritten: the regency may have changed it on purpose."""
    from generator.regency.init import TEMPLATES

    path = root / STYLESHEET
    if path.is_file() and path.read_bytes() == (TEMPLATES / "kabupaten.css").read_bytes():
        return []
    state = "berbeda dari" if path.is_file() else "tidak ada, padahal dipakai"
    return [f"{STYLESHEET} {state} gaya tampilan alat versi ini, sehingga halaman baru (misalnya matriks "
            f"capaian) dapat tampil tanpa gayanya, terutama di ponsel. Bila berkas itu belum diubah sendiri, salin "
            f"generator/regency/templates/kabupaten/kabupaten.css ke {STYLESHEET}."]
