"""The site engines, MkDocs and Zensical: how each is run, and how its log is read.

Both read the same mkdocs.yml and docs/: the generator is a plain step before the engine
(no MkDocs plugin or hook), so switching is a flag. MkDocs stays the default, the client's
choice, until Zensical is stable. Every warning an engine logs fails the build (strict).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from generator.site.workfolders import INSIDE, ZENSICAL_OUTSIDE, work_folder
from generator.source import atomic, cache
from generator.source.gitrepo import GitError, git

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


def source_date_epoch(root: Path, given: dt.date | None, timezone: str) -> str:
    """For the engine's own timestamps: the environment's, the given date's, or the last commit's."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return os.environ["SOURCE_DATE_EPOCH"].strip()
    if given is not None:
        from zoneinfo import ZoneInfo
        return str(int(dt.datetime.combine(given, dt.time(), ZoneInfo(timezone)).timestamp()))
    try:
        return git(root, "log", "-1", "--format=%ct").decode().strip() or str(int(time.time()))
    except GitError:
        return str(int(time.time()))


def run(engine: str, root: Path, epoch: str, site: Path) -> subprocess.CompletedProcess:
    """`engine`'s strict build of `root` into `site`; its log is read by `check_engine`."""
    return (zensical_build if engine == "zensical" else mkdocs_build)(root, epoch, site)


def mkdocs_build(root: Path, epoch: str, site: Path) -> subprocess.CompletedProcess:
    """The engine, with its own log left on: with `-q` MkDocs counts no warnings, so
    `--strict` lets a broken link in a hand-written guide through."""
    # NO_MKDOCS_2_WARNING: Material's English end-of-life banner on every run
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True)


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
    # in the root, not in .rkt-cache/: the config file's folder is the project Zensical builds
    path = root / f".rkt-zensical-{uuid.uuid4().hex[:8]}.yml"  # git-ignored; removed below
    atomic.create(path, text)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def zensical_build(root: Path, epoch: str, site: Path) -> subprocess.CompletedProcess:
    """Zensical's strict build into `site`. A folder outside the repository is built inside it
    first (in a work folder `.rkt-cache/situs-<id>/`) and copied out. Zensical's own cache is
    `.cache/` in the root: its output was measured identical with a cold and a warm cache, so it
    is left alone."""
    root = root.resolve()
    if root in site.resolve().parents:
        return _zensical(root, epoch, site)
    with work_folder(cache.folder(root), ZENSICAL_OUTSIDE) as work:  # ours; removed after
        proc = _zensical(root, epoch, work / INSIDE)
        if proc.returncode == 0:
            shutil.copytree(work / INSIDE, site, dirs_exist_ok=True)
    return proc


def _zensical(root: Path, epoch: str, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0", NO_COLOR="1")
    with zensical_config(root, out) as config:
        return subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--config-file",
                               str(config)], cwd=root, env=env, capture_output=True, text=True)


# --- the engines' logs -------------------------------------------------------

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
_ENVIRONMENTAL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG}


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
    from generator.plan.derive import BuildError  # (the engines load without the plan's modules)

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
