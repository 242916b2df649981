"""Build the dashboard: validate, derive, render, write, `mkdocs build --strict`, check.

Like MkDocs' own build: gather everything first, then write. The generated
part of `docs/` is owned by this module; the writer only rewrites files whose
bytes changed and removes generated files that are no longer produced, so a
rebuild with nothing changed touches nothing (and MkDocs' live reload stays
quiet). Hand-written pages (`docs/panduan/`, `docs/css/`) are never touched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import archive, charts, export, render
from .calendar import WorkCalendar, work_calendar
from .compile import CompiledRkt, compile_rkt
from .history import GitError, git
from .history import arrivals as git_arrivals
from .model import CycleFolder, Repository
from .safety import scan_site
from .status import CycleStatus, cycle_status
from .validate import Result, validate

DOCS = "docs"
SITE = "site"
CACHE = ".cache/charts"
# what the generator owns inside docs/: everything else there is hand-written
GENERATED = ("index.md", "arsip.md", "sop.md", "label.md", "tren.md", "isi-form.md", "siklus", "rkt", "grafik",
             "unduh")


class BuildError(Exception):
    """The build cannot go on; the message is for the user (Indonesian)."""


@dataclass
class Generated:
    files: dict[str, bytes]  # path under docs/ -> content
    charts_drawn: int
    charts_reused: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class WriteStats:
    written: list[str]
    unchanged: int
    removed: list[str]


@dataclass(frozen=True)
class Derived:
    """Everything computed from the model and "today", before any page is drawn."""

    today: dt.date
    folders: tuple[CycleFolder, ...]  # with a valid cycle.yaml, newest first
    cal: WorkCalendar
    statuses: dict[int, CycleStatus]
    compiled: dict[int, CompiledRkt]


def derive(root: Path, result: Result, today: dt.date) -> Derived:
    repo = result.repository
    if repo.agency is None or repo.sop is None or repo.renstra is None:
        raise BuildError("agency.yaml, sop.yaml dan renstra.yaml harus valid untuk membangun dasbor")
    folders = tuple(sorted((c for c in repo.cycles if c.cycle is not None), key=lambda c: -c.year))
    years = {today.year}
    for c in folders:
        years.update(range(c.cycle.start.year, c.year + 1))
    extra_off = {d.date: d.note for d in repo.agency.extra_holidays}
    cal = work_calendar(sorted(years), extra_off, [d.date for d in repo.agency.extra_workdays])
    arrived = git_arrivals(root, repo.agency.timezone)
    names = {u.code: u.name for u in repo.agency.units}
    statuses = {c.year: cycle_status(c, repo.sop, cal, today, arrived, names) for c in folders}
    compiled = {c.year: compile_rkt(c, repo.agency, repo.renstra) for c in folders}
    return Derived(today, folders, cal, statuses, compiled)


def generate(root: Path, result: Result, today: dt.date, cache: Path | None) -> Generated:
    """All generated files, in memory. Pure apart from reading scans, git and the chart cache."""
    repo = result.repository
    d = derive(root, result, today)
    folders, statuses, compiled, cal = d.folders, d.statuses, d.compiled, d.cal
    cache_obj = charts.ChartCache(cache)
    files: dict[str, bytes] = {}
    chart_paths: dict[str, str] = {}
    for c in folders:
        st = statuses[c.year]
        spec = charts.TimelineSpec(
            f"Siklus RKT {c.year}: jadwal dasar dan pelaksanaan", None if st.finished else today.isoformat(),
            tuple(charts.TimelineRow(f"{s.step.number}. {s.step.short}", s.planned.start.isoformat(),
                                     s.planned.end.isoformat(), s.started.isoformat() if s.started else None,
                                     s.finished.isoformat() if s.finished else None, s.state)
                  for s in st.steps))
        name = f"grafik/siklus-{c.year}.svg"
        files[name] = cache_obj.get("timeline", spec, charts.timeline).encode()
        chart_paths[f"siklus-{c.year}"] = name
    lanes = {ln.code: i for i, ln in enumerate(repo.sop.lanes)}
    flow = charts.SwimlaneSpec(tuple(ln.name for ln in repo.sop.lanes),
                               tuple(charts.FlowStep(s.number, s.short, lanes.get(s.executor, 0), s.on_reject)
                                     for s in repo.sop.steps))
    files["grafik/sop.svg"] = cache_obj.get("swimlane", flow, charts.swimlane).encode()
    chart_paths["sop"] = "grafik/sop.svg"
    years = tuple(sorted(c.year for c in folders))
    budgets = charts.BudgetTrendSpec(years, tuple(u.short for u in repo.agency.units), tuple(
        tuple(next((p.budget for p in compiled[y].units if p.unit.code == u.code), 0) for y in years)
        for u in repo.agency.units))
    files["grafik/tren-anggaran.svg"] = cache_obj.get("budget-trend", budgets, charts.budget_trend).encode()
    chart_paths["tren-anggaran"] = "grafik/tren-anggaran.svg"
    series = []
    for _, ind in repo.renstra.indicators():
        if not ind.is_iku:
            continue
        values = tuple(render.target_number(ind.target(y)) for y in years)
        if any(v is not None for v in values):
            series.append((ind.code, ind.unit_of_measure, values))
    if series:
        targets = charts.TargetTrendSpec(years, tuple(series))
        files["grafik/tren-iku.svg"] = cache_obj.get("target-trend", targets, charts.target_trend).encode()
        chart_paths["tren-iku"] = "grafik/tren-iku.svg"
    for c in folders:
        source = export.Source(export.source_commit(root, c.year), export.fingerprint(compiled[c.year]))
        # the PDF is the document to be signed: made while a cycle runs; a finished cycle's
        # document of record is its signed scan (and `rkt export` still makes the PDF on demand)
        formats = export.FORMATS if not statuses[c.year].finished else ("xlsx", "csv")
        for fmt_name in formats:
            files[f"unduh/rkt-{c.year}.{fmt_name}"] = export.render(fmt_name, compiled[c.year], repo.agency, source,
                                                                    today, root / ".cache/exports")
        for v in c.signed:
            if v.scan_exists and v.scan_sha256 == v.sha256:
                files[f"unduh/{v.scan}"] = (root / v.scan_path).read_bytes()

    changes = archive.version_changes(root, folders)
    ctx = render.Context(today, repo.agency, repo.sop, repo.renstra, folders, statuses, compiled, chart_paths, cal,
                         changes, form_page_data(root, repo, folders, statuses))
    for path, text in render.pages(ctx).items():
        files[path] = text.encode("utf-8")
    warnings = sorted({w for st in statuses.values() for w in st.warnings if "cuti bersama" in w})
    return Generated(files, cache_obj.drawn, cache_obj.reused, warnings)


def form_page_data(root: Path, repo: Repository, folders: tuple[CycleFolder, ...],
                   statuses: dict[int, CycleStatus]) -> dict:
    """Everything the "Isi Form RKT" page needs, embedded at build time (the page works offline)."""
    from . import prefill, yamlwrite
    from .load import load_file
    from .schema import SchemaSet

    cycles = []
    for c in sorted(folders, key=lambda f: f.year):
        if statuses[c.year].finished:
            continue
        units = []
        for code in c.cycle.required_units:
            unit = repo.agency.unit(code)
            name = unit.name if unit else code
            data, form = prefill.start(repo, c.year, code)
            if form is not None:
                header = yamlwrite.form_header((root / form.at.file).read_text(encoding="utf-8-sig"))
            else:
                header = yamlwrite.form_header(yamlwrite.form_yaml(data, f"Form RKT Tahun {c.year} {name}.",
                                                                   explain=True))
            units.append({"kode": code, "nama": name, "ada": form is not None, "header": header, "data": data})
        cycles.append({"tahun": c.year, "pagu": dict(c.cycle.ceilings), "units": units})
    satuan = sorted({s.unit_of_measure for c in repo.cycles for f in c.forms for p in f.programs
                     for k in p.activities for s in k.subs if s.unit_of_measure})
    # not `repo_url`: with it the theme asks api.github.com for stars and releases on every visit
    config = load_file(root / "mkdocs.yml", "mkdocs.yml").document
    extra = config.data.get("extra") if config is not None and isinstance(config.data, dict) else None
    repo_url = extra.get("repositori", "") if isinstance(extra, dict) else ""
    return {
        "schema": SchemaSet.load(root / "schemas").flat["form"],
        "comments": {"kinerja": yamlwrite.KINERJA_COMMENT, "program": yamlwrite.PROGRAM_COMMENT},
        "cycles": cycles,
        "renstra": [{"kode": o.code, "uraian": o.description,
                     "indikator": [{"kode": i.code, "uraian": i.description, "satuan": i.unit_of_measure}
                                   for i in o.indicators]} for o in repo.renstra.objectives],
        "satuan": satuan,
        "repo_url": repo_url if isinstance(repo_url, str) else "",
        "branch": "main",
    }


def write(docs: Path, files: dict[str, bytes]) -> WriteStats:
    """Bring the generated part of docs/ to exactly `files`, touching only what differs."""
    written, unchanged, removed = [], 0, []
    for rel, content in sorted(files.items()):
        path = docs / rel
        try:
            if path.read_bytes() == content:
                unchanged += 1
                continue
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(content)
        tmp.replace(path)
        written.append(rel)
    for top in GENERATED:
        base = docs / top
        candidates = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in candidates:
            rel = path.relative_to(docs).as_posix()
            if rel not in files:
                path.unlink()
                removed.append(rel)
    return WriteStats(written, unchanged, removed)


def source_date_epoch(root: Path, given: dt.date | None, timezone: str) -> str:
    """For MkDocs' own timestamps: the environment's, the given date's, or the last commit's."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return os.environ["SOURCE_DATE_EPOCH"].strip()
    if given is not None:
        from zoneinfo import ZoneInfo
        return str(int(dt.datetime.combine(given, dt.time(), ZoneInfo(timezone)).timestamp()))
    try:
        return git(root, "log", "-1", "--format=%ct").decode().strip() or str(int(time.time()))
    except GitError:
        return str(int(time.time()))


def mkdocs_build(root: Path, epoch: str, site: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True)


@dataclass
class BuildReport:
    result: Result | None  # None when nothing changed since the last generation (not re-validated)
    generated: Generated | None = None
    stats: WriteStats | None = None
    site: Path | None = None
    seconds_generate: float = 0.0
    seconds_mkdocs: float = 0.0
    unsafe: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.result is None or self.result.ok


STATE = ".cache/generate.json"


def fingerprint(root: Path, today: dt.date) -> str:
    """Everything the generated pages depend on: data, schemas, the generator's code,
    the date, and the git history that dates the forms."""
    h = hashlib.sha256(today.isoformat().encode())
    for base in (root / "cycles", root / "schemas", Path(__file__).parent):
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        h.update(git(root, "rev-parse", "HEAD").strip() + git(root, "rev-parse", "--is-shallow-repository"))
    except GitError:
        h.update(b"no-git")
    return h.hexdigest()


def _unchanged_since_last_time(root: Path, key: str) -> int | None:
    """The number of generated files, if the last generation had the same inputs and its
    output is still in docs/ byte for byte; otherwise None."""
    try:
        state = json.loads((root / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("fingerprint") != key:
        return None
    docs = root / DOCS
    for rel, digest in state.get("files", {}).items():
        try:
            if hashlib.sha256((docs / rel).read_bytes()).hexdigest() != digest:
                return None
        except OSError:
            return None
    return len(state.get("files", {}))


def _remember(root: Path, key: str, files: dict[str, bytes]) -> None:
    path = root / STATE
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {"fingerprint": key, "files": {rel: hashlib.sha256(b).hexdigest() for rel, b in sorted(files.items())}}
    path.write_text(json.dumps(state, indent=1), encoding="utf-8")


def _timezone(root: Path) -> str:
    """The agency's time zone, read before validation ("today" depends on it)."""
    from .load import load_file

    doc = load_file(root / "cycles/agency.yaml", "cycles/agency.yaml").document
    tz = doc.data.get("zona_waktu") if doc is not None and isinstance(doc.data, dict) else None
    return tz if tz in ("Asia/Makassar", "Asia/Jakarta", "Asia/Pontianak", "Asia/Jayapura") else "Asia/Makassar"


def build(root: Path, today: dt.date | None = None, site: Path | None = None, run_mkdocs: bool = True) -> BuildReport:
    from .calendar import today as today_in

    t0 = time.perf_counter()
    tz = _timezone(root)
    day = today_in(tz, today)
    key = fingerprint(root, day)
    same = _unchanged_since_last_time(root, key)
    if same is not None:
        # same inputs as the last successful generation: its output is still exact
        report = BuildReport(None, Generated({}, 0, 0), WriteStats([], same, []))
    else:
        result = validate(root, today=day)
        report = BuildReport(result)
        if not result.ok:
            return report
        report.generated = generate(root, result, day, root / CACHE)
        report.stats = write(root / DOCS, report.generated.files)
        _remember(root, key, report.generated.files)
    report.seconds_generate = time.perf_counter() - t0
    if not run_mkdocs:
        return report
    site = site or root / SITE
    t1 = time.perf_counter()
    proc = mkdocs_build(root, source_date_epoch(root, today, tz), site)
    report.seconds_mkdocs = time.perf_counter() - t1
    if proc.returncode != 0:
        raise BuildError("mkdocs build --strict gagal:\n" + (proc.stderr or proc.stdout).strip())
    report.site = site
    report.unsafe = scan_site(site)
    if report.unsafe:
        shutil.rmtree(site, ignore_errors=True)  # never leave an unsafe site to be published
    return report
