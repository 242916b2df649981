"""Every generated file of docs/, made in memory: the pages, the charts and the downloads.

Pure apart from reading scans, git and the caches. Like MkDocs' own build: gather
everything first, then write (`generator.site.docs`). Charts and exports missing from
the caches are made on two cores while the pages are rendered (`parallel.Batch`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from generator.check import versions
from generator.check.validate import Result
from generator.core.model import CycleFolder, ValidRepository
from generator.documents import export, pk, typeset, year_documents
from generator.plan import archive
from generator.plan.derive import Derived, derive
from generator.plan.fingerprint import fingerprint as content_fingerprint
from generator.site import pages as render
from generator.site import published
from generator.site.docs import Generated
from generator.site.formpage import form_page_data
from generator.site.reportpage import report_page_data
from generator.source import gitrepo, parallel

if TYPE_CHECKING:
    from generator.site.chartcache import ChartCache


def generate(root: Path, result: Result, today: dt.date, cache_dir: Path | None) -> Generated:
    """All generated files, in memory (`cache_dir`: the caches' folder; None: no caching)."""
    from generator.site.chartcache import ChartCache

    d = derive(root, result.repository, today)
    cache_obj = ChartCache(cache_dir / "charts" if cache_dir else None)
    files: dict[str, bytes] = {}
    chart_paths: dict[str, str] = {}
    with parallel.Batch() as batch:
        _charts(d, cache_obj, files, chart_paths)
        offered: dict[int, list[tuple[str, str]]] = {}
        _downloads(root, d, cache_dir / "exports" if cache_dir else None, files, offered)
        batch.start(preload=["xlsxwriter"] if batch.pending(".xlsx") else [],
                    here=[] if typeset.forks_safely() else [".pdf"])
        # the pages need only the charts' names: rendered while the workers draw and print
        _pages(root, result, d, chart_paths, files, offered)
        files = batch.finish(files)
    warnings = sorted({w for st in d.statuses.values() for w in st.warnings if "cuti bersama" in w})
    warnings += archive.calendar_drift(d.folders, d.repo.sop, d.cal)
    return Generated(files, cache_obj.drawn, cache_obj.reused, warnings)


# --- charts -------------------------------------------------------------------

def _charts(d: Derived, cache_obj: ChartCache, files: dict[str, bytes], chart_paths: dict[str, str]) -> None:
    """Each chart and its phone variant (chartkinds.VARIANTS) into `files`, each cached by its spec;
    `chart_paths` gets the name under docs/ of each."""
    from generator.site.chartkinds import VARIANTS

    for key, kind, spec in _chart_specs(d.repo, d):
        for suffix, draw in VARIANTS[kind]:
            name = f"grafik/{key}{suffix}.svg"
            files[name] = cache_obj.get(kind + suffix, spec, draw).encode()
            chart_paths[key + suffix] = name


def _chart_specs(repo: ValidRepository, d: Derived) -> Iterator[tuple[str, str, object]]:
    """(file name, kind, spec) of every chart of the site, in the order they are drawn."""
    from generator.site.capaianspec import chart_specs as capaian_specs
    from generator.site.chartspecs import BudgetTrendSpec, FlowStep, SwimlaneSpec, TargetTrendSpec
    from generator.site.timeline import timeline_spec

    for c in d.folders:
        yield f"siklus-{c.year}", "timeline", timeline_spec(d.statuses[c.year])
    lanes = {ln.code: i for i, ln in enumerate(repo.sop.lanes)}
    yield "sop", "swimlane", SwimlaneSpec(
        tuple(ln.name for ln in repo.sop.lanes),
        tuple(FlowStep(s.number, s.short, lanes.get(s.executor, 0), s.on_reject) for s in repo.sop.steps))
    years = tuple(sorted(c.year for c in d.folders))
    units = repo.agency.units
    # a unit's bar is its total, None (no bar) when unknown or the unit has no form that year;
    # a year with a form missing or an amount not given is marked incomplete
    yield "tren-anggaran", "budget-trend", BudgetTrendSpec(years, tuple(u.short for u in units), tuple(
        tuple(next((p.total for p in d.compiled[y].units if p.unit.code == u.code), None) for y in years)
        for u in units), tuple(y for y in years if d.compiled[y].total is None))
    series = []
    for _, ind in repo.renstra.indicators():
        if not ind.is_iku:
            continue
        values = tuple(render.trend_value(d.compiled[y], ind) for y in years)
        if any(v is not None for v in values):
            series.append((ind.code, ind.unit_of_measure, values))
    if series:
        yield "tren-iku", "target-trend", TargetTrendSpec(years, tuple(series))
    yield from capaian_specs(d.measured)  # each IKU's realisation against its quarterly targets


# --- downloads ----------------------------------------------------------------

def _downloads(root: Path, d: Derived, exports: Path | None, files: dict[str, bytes],
               offered: dict[int, list[tuple[str, str]]]) -> None:
    """Every cycle's RKT files, its verified signed scans and its Perjanjian Kinerja (a DRAF while
    it runs), and the signed PK of a year that has nothing else, into `files` under unduh/
    (`exports`: the cache of rendered documents); `offered` gets, per year, the path and label of each
    Rencana Aksi and capaian file, for its page."""
    for only in (c for c in d.repo.cycles if c.agreement_only):
        for v in only.agreements:
            if v.scan_exists and v.scan_sha256 == v.sha256:
                files[f"unduh/{v.scan}"] = (root / v.scan_path).read_bytes()
    for c in d.folders:
        source = export.Source(gitrepo.source_commit(root, c.year), content_fingerprint(d.compiled[c.year]))
        # the PDF is the document to be signed: made while a cycle runs; a finished cycle's
        # document of record is its signed scan (and `rkt export` still makes the PDF on demand)
        finished = d.statuses[c.year].finished
        # a signed year that can no longer be printed as signed (its logo or Renstra gone) offers its scan only
        reprintable = d.compiled[c.year].refusal is None
        for fmt_name in (export.FORMATS if not finished else ("xlsx", "csv")) if reprintable else ():
            files[f"unduh/rkt-{c.year}.{fmt_name}"] = export.render(fmt_name, d.compiled[c.year], d.repo.agency,
                                                                    source, d.today, exports)
        for v in c.all_signed:
            if v.scan_exists and v.scan_sha256 == v.sha256:
                files[f"unduh/{v.scan}"] = (root / v.scan_path).read_bytes()
        # the year's Rencana Aksi and capaian so far (PDF, XLSX), once it has a Rencana Aksi
        for path, label, data in year_documents.downloads(root, c, d.measured[c.year], d.compiled[c.year],
                                                          d.repo.agency, d.today, exports):
            if data is not None:
                files[path] = data
            offered.setdefault(c.year, []).append((path, label))
        _agreement(c, d, source, exports, files, finished)


def _agreement(c: CycleFolder, d: Derived, source: export.Source, exports: Path | None,
               files: dict[str, bytes], finished: bool) -> None:
    """A cycle's next document: the Perjanjian Kinerja made from its signed RKT once the cycle is
    finished, a DRAF of it while the cycle runs (`pk.offered`)."""
    made = pk.offered(c, d.repo.agency, d.compiled[c.year], d.repo.sop, finished)
    if made is None:
        return
    for fmt_name in pk.formats(c, made, d.compiled[c.year]):
        files[f"unduh/{pk.file_name(c.year, fmt_name, made.draft is not None)}"] = pk.render(
            fmt_name, made, d.repo.agency, source, exports)


# --- pages --------------------------------------------------------------------

def _pages(root: Path, result: Result, d: Derived, chart_paths: dict[str, str], files: dict[str, bytes],
           offered: dict[int, list[tuple[str, str]]]) -> None:
    repo = d.repo
    # the published data for a regency dashboard (`rkt kabupaten`), copied beside the pages
    files[published.PATH] = published.dumps(published.published(result.repository, d))
    changes = versions.version_changes(root, d.folders)
    ctx = render.Context(d.today, repo.agency, repo.sop, repo.renstra, d.folders, d.statuses, d.compiled,
                         chart_paths, d.cal, changes, form_page_data(root, result.repository, d.folders, d.statuses),
                         agreements_only=tuple(c for c in repo.cycles if c.agreement_only), year_documents=offered)
    for path, text in render.pages(ctx, d.measured).items():
        files[path] = text.encode("utf-8")
    # the quarterly report on the form's engine (embeds data, not text: no placeholder marks)
    files["laporan-triwulan.md"] = render.page_report_form(report_page_data(root, d)).encode("utf-8")
