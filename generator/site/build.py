"""Build the dashboard: validate, derive, render, write, strict engine build, check, publish.

Like MkDocs' own build: gather everything first, then write. The generated
part of `docs/` is owned by this module; the writer only rewrites files whose
bytes changed and removes generated files that are no longer produced, so a
rebuild with nothing changed touches nothing (and MkDocs' live reload stays
quiet). Hand-written pages (`docs/panduan/`, `docs/css/`) are never touched.

The site is built by the engine (MkDocs by default, or Zensical: `--engine`) into a
temporary folder beside the target, with every warning of the engine fatal; only a
complete site that passed the safety scan replaces the old one, and of the old one
only the files our marker lists are deleted. Builds of one repository, and builds
into one site folder, wait for each other (file locks).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from generator.source import gitrepo
from generator.plan.derive import BuildError, Derived, derive
from generator.plan.fingerprint import fingerprint as content_fingerprint
from generator.source.gitrepo import require_git
from generator.check import versions
from generator.plan import archive
from generator.source import atomic, cache, parallel
from generator.documents import export, pk
from generator.site import published, pages as render
from generator.core.calendar import WorkCalendar, work_calendar
from generator.plan.compile import CompiledRkt, compile_rkt
from generator.source.gitrepo import GitError, git
from generator.plan.arrivals import arrivals as git_arrivals
from generator.core.model import CycleFolder, Repository
from generator.site.safety import mark, remove_ours, scan_site, site_refusal
from generator.plan.status import CycleStatus, cycle_status
from generator.check.validate import Result, validate

DOCS = "docs"
SITE = "site"
# what the generator owns inside docs/: everything else there is hand-written
GENERATED = ("index.md", "arsip.md", "sop.md", "label.md", "tren.md", "isi-form.md", "siklus", "rkt", "grafik",
             "unduh", "data")


class SiteRefused(BuildError):
    """The site folder asked for may not be written (the command was used wrongly)."""


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


def generate(root: Path, result: Result, today: dt.date, cache_dir: Path | None) -> Generated:
    """All generated files, in memory. Pure apart from reading scans, git and the caches
    (in `cache_dir`; None: no caching). Charts and exports missing from the caches are made
    on two cores while the pages are rendered (`parallel.Batch`)."""
    from generator.site import charts  # matplotlib: imported only when pages are generated, not for an unchanged build

    repo = result.repository
    d = derive(root, result.repository, today)
    folders, statuses, compiled, cal = d.folders, d.statuses, d.compiled, d.cal
    cache_obj = charts.ChartCache(cache_dir / "charts" if cache_dir else None)
    files: dict[str, bytes] = {}
    chart_paths: dict[str, str] = {}
    with parallel.Batch() as batch:
        _outputs(root, repo, d, cache_dir, cache_obj, files, chart_paths)
        batch.start(preload=[lib for suffix, lib in ((".pdf", "weasyprint"), (".xlsx", "openpyxl"))
                             if batch.pending(suffix)])
        # the pages need only the charts' names: rendered while the workers draw and print
        _pages(root, repo, d, chart_paths, files)
        files = batch.finish(files)
    warnings = sorted({w for st in statuses.values() for w in st.warnings if "cuti bersama" in w})
    warnings += archive.calendar_drift(folders, repo.sop, cal)
    return Generated(files, cache_obj.drawn, cache_obj.reused, warnings)


def _outputs(root: Path, repo: Repository, d: Derived, cache_dir: Path | None, cache_obj, files: dict[str, bytes],
             chart_paths: dict[str, str]) -> None:
    """The charts and the downloads into `files` (each made, reused from the cache, or deferred)."""
    from generator.site import charts

    folders, statuses, compiled, today = d.folders, d.statuses, d.compiled, d.today

    def chart(key: str, kind: str, spec: object) -> None:
        """The chart and its phone variant (charts.VARIANTS), each cached by its spec."""
        for suffix, draw in charts.VARIANTS[kind]:
            name = f"grafik/{key}{suffix}.svg"
            files[name] = cache_obj.get(kind + suffix, spec, draw).encode()
            chart_paths[key + suffix] = name

    for c in folders:
        chart(f"siklus-{c.year}", "timeline", charts.timeline_spec(statuses[c.year]))
    lanes = {ln.code: i for i, ln in enumerate(repo.sop.lanes)}
    flow = charts.SwimlaneSpec(tuple(ln.name for ln in repo.sop.lanes),
                               tuple(charts.FlowStep(s.number, s.short, lanes.get(s.executor, 0), s.on_reject)
                                     for s in repo.sop.steps))
    chart("sop", "swimlane", flow)
    years = tuple(sorted(c.year for c in folders))
    budgets = charts.BudgetTrendSpec(years, tuple(u.short for u in repo.agency.units), tuple(
        tuple(next((p.budget for p in compiled[y].units if p.unit.code == u.code), 0) for y in years)
        for u in repo.agency.units), tuple(y for y in years if compiled[y].missing))
    chart("tren-anggaran", "budget-trend", budgets)
    series = []
    for _, ind in repo.renstra.indicators():
        if not ind.is_iku:
            continue
        values = tuple(render.trend_value(compiled[y], ind) for y in years)
        if any(v is not None for v in values):
            series.append((ind.code, ind.unit_of_measure, values))
    if series:
        chart("tren-iku", "target-trend", charts.TargetTrendSpec(years, tuple(series)))

    exports = cache_dir / "exports" if cache_dir else None
    for c in folders:
        source = export.Source(gitrepo.source_commit(root, c.year), content_fingerprint(compiled[c.year]))
        # the PDF is the document to be signed: made while a cycle runs; a finished cycle's
        # document of record is its signed scan (and `rkt export` still makes the PDF on demand)
        formats = export.FORMATS if not statuses[c.year].finished else ("xlsx", "csv")
        for fmt_name in formats:
            files[f"unduh/rkt-{c.year}.{fmt_name}"] = export.render(fmt_name, compiled[c.year], repo.agency, source,
                                                                    today, exports)
        for v in c.signed + c.agreements:
            if v.scan_exists and v.scan_sha256 == v.sha256:
                files[f"unduh/{v.scan}"] = (root / v.scan_path).read_bytes()
        # a finished cycle's next document: the Perjanjian Kinerja made from its signed RKT
        agreement = pk.agreement(c, repo.agency, compiled[c.year], repo.sop) if statuses[c.year].finished else None
        if agreement is not None and not isinstance(agreement, str):
            for fmt_name in pk.FORMATS:
                files[f"unduh/{pk.file_name(c.year, fmt_name)}"] = pk.render(fmt_name, agreement, repo.agency,
                                                                             source, exports)


def _pages(root: Path, repo: Repository, d: Derived, chart_paths: dict[str, str], files: dict[str, bytes]) -> None:
    folders, statuses = d.folders, d.statuses
    # the published data for a regency dashboard (`rkt kabupaten`), copied beside the pages
    files[published.PATH] = published.dumps(published.published(repo, d))
    changes = versions.version_changes(root, folders)
    ctx = render.Context(d.today, repo.agency, repo.sop, repo.renstra, folders, statuses, d.compiled, chart_paths,
                         d.cal, changes, form_page_data(root, repo, folders, statuses))
    for path, text in render.pages(ctx).items():
        files[path] = text.encode("utf-8")


def form_page_data(root: Path, repo: Repository, folders: tuple[CycleFolder, ...],
                   statuses: dict[int, CycleStatus]) -> dict:
    """Everything the "Isi Form RKT" page needs, embedded at build time (the page works offline)."""
    from generator.check import formrules
    from generator.plan import prefill
    from generator.source import yamlwrite
    from generator.source.load import load_file
    from generator.source.schema import SchemaSet

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
        cycles.append({"tahun": c.year, "units": units, **formrules.cycle_facts(repo, c, statuses[c.year].today)})
    satuan = sorted({s.unit_of_measure for c in repo.cycles for f in c.forms for p in f.programs
                     for k in p.activities for s in k.subs if s.unit_of_measure})
    # not `repo_url`: with it the theme asks api.github.com for stars and releases on every visit
    config = load_file(root / "mkdocs.yml", "mkdocs.yml").document
    extra = config.data.get("extra") if config is not None and isinstance(config.data, dict) else None
    repo_url = extra.get("repositori", "") if isinstance(extra, dict) else ""
    schemas = SchemaSet.load(root / "schemas")
    return {
        "schema": schemas.flat["form"],
        **formrules.export(schemas.documents["form.schema.json"]),  # the rules about one form, as data
        "comments": {"kinerja": yamlwrite.KINERJA_COMMENT, "program": yamlwrite.PROGRAM_COMMENT},
        "cycles": cycles,
        "renstra": [{"kode": o.code, "uraian": o.description,
                     "indikator": [{"kode": i.code, "uraian": i.description, "satuan": i.unit_of_measure}
                                   for i in o.indicators]} for o in repo.renstra.objectives],
        "satuan": satuan,
        "repo_url": repo_url if isinstance(repo_url, str) else "",
        "branch": "main",
    }


def write(docs: Path, files: dict[str, bytes], owned: tuple[str, ...] = GENERATED) -> WriteStats:
    """Bring the generated part of docs/ (the `owned` top-level names) to exactly `files`,
    touching only what differs."""
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
        try:
            tmp.write_bytes(content)
            tmp.replace(path)
        except OSError as exc:  # a full disk fails in write(), which names no file: name it
            tmp.unlink(missing_ok=True)
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        written.append(rel)
    for top in owned:
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
    """The engine, with its own log left on: with `-q` MkDocs counts no warnings, so
    `--strict` lets a broken link in a hand-written guide through."""
    # NO_MKDOCS_2_WARNING: Material's English end-of-life banner on every run
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True)


# --- the site engines -------------------------------------------------------
# Both read the same mkdocs.yml and docs/: the generator is a plain step before the engine
# (no MkDocs plugin or hook), so switching is a flag. MkDocs stays the default, the client's
# choice, until Zensical is stable.
ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}
_SITE_DIR = re.compile(r"^site_dir:.*$", re.M)


def engine_missing(engine: str) -> str | None:
    """Why `engine` cannot run here (Indonesian), or None; before seconds are spent generating."""
    import importlib.util

    if engine not in ENGINES:
        return f"mesin situs '{engine}' tidak dikenal (pilih dari {', '.join(ENGINES)})"
    if importlib.util.find_spec(engine) is None:
        return (f"mesin situs {ENGINE_NAMES[engine]} belum terpasang; pasang semuanya dengan 'make install' "
                f"(atau pip install 'rkt-dashboard[site]')")
    return None


@contextlib.contextmanager
def zensical_config(root: Path, site: Path) -> Iterator[Path]:
    """A copy of mkdocs.yml beside it whose `site_dir` is `site` (inside `root`), for as long as
    the engine runs. Zensical has no --site-dir, takes the project root from the config file's
    folder and builds only inside it; unlike MkDocs it empties its site folder in place."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    line = f"site_dir: {json.dumps(site.resolve().relative_to(root.resolve()).as_posix())}"
    text, found = _SITE_DIR.subn(lambda _: line, text)
    if not found:
        text = text.rstrip("\n") + "\n" + line + "\n"
    path = root / f".rkt-zensical-{uuid.uuid4().hex[:8]}.yml"  # git-ignored; removed below
    atomic.create(path, text)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def zensical_build(root: Path, epoch: str, site: Path) -> subprocess.CompletedProcess:
    """Zensical's strict build into `site`. A folder outside the repository is built inside it
    first (in .rkt-cache/) and copied out. Zensical's own cache is `.cache/` in the root: its
    output was measured identical with a cold and a warm cache, so it is left alone."""
    root = root.resolve()
    inside = root in site.resolve().parents
    out = site if inside else cache.folder(root) / f"situs-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0", NO_COLOR="1")
    try:
        with zensical_config(root, out) as config:
            proc = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--config-file",
                                   str(config)], cwd=root, env=env, capture_output=True, text=True)
        if not inside and proc.returncode == 0:
            shutil.copytree(out, site, dirs_exist_ok=True)
    finally:
        if not inside:
            shutil.rmtree(out, ignore_errors=True)  # ours: made for this build
    return proc


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_Z_ENTRY = re.compile(r"^(Warning|Error):\s*(.*)$")
_Z_WHERE = re.compile(r"\[\s*([^\s\]]+:\d+:\d+)\s*\]")
_Z_COUNT = re.compile(r"^(\d+) issues? found", re.M)


def zensical_findings(output: str) -> list[str]:
    """Every warning and error in Zensical's report, with the file:line:col it points at."""
    entries: list[list[str]] = []
    for line in _ANSI.sub("", output).splitlines():
        m = _Z_ENTRY.match(line.strip())
        if m:
            entries.append(["Peringatan Zensical" if m.group(1) == "Warning" else "Kesalahan Zensical",
                            m.group(2).strip(), ""])
            continue
        where = _Z_WHERE.search(line)
        if where and entries and not entries[-1][2]:
            entries[-1][2] = where.group(1)
    findings = [f"{label}: {text}" + (f" ({where})" if where else "") for label, text, where in entries]
    counted = sum(int(n) for n in _Z_COUNT.findall(_ANSI.sub("", output)))
    if counted > len(findings):  # a report in a shape this parser does not know: never let it pass
        findings.append(f"Peringatan Zensical: {counted - len(findings)} temuan lain (lihat keluaran Zensical)")
    return findings


_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s+(.*)$")
_LEVEL_ID = {"WARNING": "Peringatan MkDocs", "ERROR": "Kesalahan MkDocs", "CRITICAL": "Kesalahan MkDocs"}
# the engine's own file-system failures (full or read-only disk) are environmental, not ours
_OS_ERROR = re.compile(r"\[Errno (\d+)\] ([^:\n]+)(?:: '([^'\n]*)')?(?: -> '([^'\n]*)')?")
_ENVIRONMENTAL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def engine_findings(output: str) -> list[str]:
    """Every warning and error in MkDocs' log, with its continuation lines, in Indonesian context."""
    findings: list[str] = []
    open_entry = False
    for line in output.splitlines():
        m = _LOG_LINE.match(line)
        if m:
            open_entry = m.group(1) in _LEVEL_ID
            if open_entry:
                findings.append(f"{_LEVEL_ID[m.group(1)]}: {m.group(2).strip()}")
        elif open_entry and line[:1].isspace() and line.strip():
            findings[-1] += "\n    " + line.strip()
        else:
            open_entry = False
    return findings


def check_engine(proc: subprocess.CompletedProcess, engine: str = DEFAULT_ENGINE) -> None:
    """Fail on any warning or error of the engine, or on its failure; say which in Indonesian."""
    output = (proc.stderr or "") + (proc.stdout or "")
    findings = engine_findings(output) if engine == "mkdocs" else zensical_findings(output)
    if proc.returncode == 0 and not findings:
        return
    os_error = _OS_ERROR.search(output)
    if os_error and int(os_error.group(1)) in _ENVIRONMENTAL:
        # a failed copy names source and target ('a' -> 'b'): the target is where space or rights lack
        raise OSError(int(os_error.group(1)), os_error.group(2), os_error.group(4) or os_error.group(3))
    if not findings:
        tail = "\n".join(_ANSI.sub("", output).strip().splitlines()[-15:])
        raise BuildError(f"{engine} build gagal (kode {proc.returncode}):\n{tail}")
    raise BuildError("\n".join(findings) + f"\nSitus tidak dibangun: {len(findings)} peringatan/kesalahan "
                     f"{ENGINE_NAMES.get(engine, engine)} di atas (mode strict: setiap peringatan menggagalkan "
                     f"pembangunan). Situs lama tidak diubah.")


@dataclass
class BuildReport:
    result: Result | None  # None when nothing changed since the last generation (not re-validated)
    generated: Generated | None = None
    stats: WriteStats | None = None
    site: Path | None = None
    seconds_generate: float = 0.0
    seconds_engine: float = 0.0
    unsafe: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the user, about the site folder
    engine: str = DEFAULT_ENGINE

    @property
    def ok(self) -> bool:
        return self.result is None or self.result.ok

    @property
    def seconds_mkdocs(self) -> float:  # the name from before there were two engines
        return self.seconds_engine


STATE = "generate.json"  # in the cache folder


def fingerprint(root: Path, today: dt.date) -> str:
    """Everything the generated pages depend on: data, schemas, mkdocs.yml (the form page reads
    it), the date and the git history that dates the forms; `cache.key` adds the code and libraries."""
    inputs: list[object] = [today.isoformat()]
    for base in (root / "cycles", root / "schemas"):
        for path in sorted(base.rglob("*")):
            if path.is_file():
                inputs.append(path.relative_to(root).as_posix())
                inputs.append(path.read_bytes())
    config = root / "mkdocs.yml"
    inputs.append(config.read_bytes() if config.is_file() else b"no-mkdocs.yml")
    try:
        inputs.append(git(root, "rev-parse", "HEAD").strip() + git(root, "rev-parse", "--is-shallow-repository"))
    except GitError:
        inputs.append(b"no-git")
    return cache.key("generate", *inputs)


def _unchanged_since_last_time(root: Path, key: str) -> int | None:
    """The number of generated files, if the last generation had the same inputs and its
    output is still in docs/ byte for byte; otherwise None."""
    try:
        state = json.loads((cache.folder(root) / STATE).read_text(encoding="utf-8"))
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
    state = {"fingerprint": key, "files": {rel: hashlib.sha256(b).hexdigest() for rel, b in sorted(files.items())}}
    try:
        atomic.replace(cache.folder(root) / STATE, json.dumps(state, indent=1))
    except OSError:
        pass  # only an optimisation; a full or read-only disk was already reported by the writer


def _timezone(root: Path) -> str:
    """The agency's time zone, read before validation ("today" depends on it)."""
    from generator.source.load import load_file

    doc = load_file(root / "cycles/agency.yaml", "cycles/agency.yaml").document
    tz = doc.data.get("zona_waktu") if doc is not None and isinstance(doc.data, dict) else None
    return tz if tz in ("Asia/Makassar", "Asia/Jakarta", "Asia/Pontianak", "Asia/Jayapura") else "Asia/Makassar"


# --- locks ----------------------------------------------------------------

def _try_lock(fh) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _wait_lock(fh) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt
        while True:  # LK_LOCK gives up after ten seconds; a build can take longer
            try:
                msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX)


@contextlib.contextmanager
def locked(path: Path, waiting: str, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """Hold the lock file `path`; when another process holds it, say `waiting` and wait.
    The lock dies with its process, so a killed build never blocks the next one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        fh.seek(0)
        if not _try_lock(fh):
            if on_wait:
                on_wait(waiting)
            _wait_lock(fh)
        yield  # released when the file is closed


def site_lock(site: Path) -> Path:
    """The lock beside a site folder (not inside it: the folder itself is swapped)."""
    site = site.resolve()
    return site.parent / f".{site.name}.rkt-lock"


# --- the build ------------------------------------------------------------

def _generate_step(root: Path, today: dt.date | None) -> BuildReport:
    """Validate, generate and write docs/, unless the inputs are those of the last generation."""
    from generator.core.calendar import today as today_in

    t0 = time.perf_counter()
    day = today_in(_timezone(root), today)
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
        report.generated = generate(root, result, day, cache.folder(root))
        report.stats = write(root / DOCS, report.generated.files)
        _remember(root, key, report.generated.files)
    report.seconds_generate = time.perf_counter() - t0
    return report


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


def _publish(root: Path, report: BuildReport, site: Path, epoch: str) -> None:
    """Engine into a temporary sibling of `site`, every warning fatal, safety scan, then swap."""
    new = _sibling(site, "tmp")
    os.mkdir(new)  # not mkdtemp: its 0700 would lock a web server out of the published site
    try:
        t1 = time.perf_counter()
        proc = (zensical_build if report.engine == "zensical" else mkdocs_build)(root, epoch, new)
        report.seconds_engine = time.perf_counter() - t1
        check_engine(proc, report.engine)
        report.unsafe = scan_site(new)
        if report.unsafe:
            return  # never published; the previous site stays
        mark(new)
        report.notes += _swap(new, site)
        report.site = site
    finally:
        # ours alone: made above and filled by the engine for this build
        shutil.rmtree(new, ignore_errors=True)


def build(root: Path, today: dt.date | None = None, site: Path | None = None, run_mkdocs: bool = True,
          force: bool = False, on_wait: Callable[[str], None] | None = None,
          engine: str = DEFAULT_ENGINE) -> BuildReport:
    """Generate docs/ and (with `run_mkdocs`) publish the site into `site` (default site/),
    built by `engine` (one of ENGINES).

    `force` allows a folder outside the repository or one holding files not of ours (they
    are moved aside, never deleted). `on_wait` hears when another build holds a lock."""
    target = (site or root / SITE).resolve()
    if run_mkdocs:
        refused = site_refusal(root, target, force) or engine_missing(engine)
        if refused:
            raise SiteRefused(refused)
    require_git(root)
    with locked(cache.folder(root) / "build.lock", "menunggu pembangunan lain di repositori ini selesai", on_wait):
        report = _generate_step(root, today)
        report.engine = engine
        if not run_mkdocs or not report.ok:
            return report
        with locked(site_lock(target), f"menunggu pembangunan lain ke {target} selesai", on_wait):
            refused = site_refusal(root, target, force)  # the folder may have changed while we waited
            if refused:
                raise SiteRefused(refused)
            _publish(root, report, target, source_date_epoch(root, today, _timezone(root)))
    return report
