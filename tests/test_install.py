"""The install: one hashed lock file for everything `make` installs, a light subset of it
for the pull-request check, and a validation path that runs with that subset alone."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

LOCK = ROOT / "requirements/lock.txt"
LIGHT = ROOT / "requirements/validate.txt"
# what only the dashboard, the PDF and the spreadsheets need: never in the light install
SITE_ONLY = {"mkdocs-material", "mkdocs", "matplotlib", "holidays", "babel", "weasyprint", "openpyxl",
             "ruamel-yaml", "numpy", "pillow"}
HEAVY_MODULES = ("mkdocs", "material", "matplotlib", "holidays", "babel", "weasyprint", "openpyxl", "ruamel",
                 "numpy", "PIL", "jinja2", "markdown")


def pins(path: Path) -> dict[str, tuple[str, str | None, frozenset[str]]]:
    """name -> (version, marker, hashes) of a `uv pip compile --generate-hashes` file."""
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    out = {}
    for line in text.splitlines():
        m = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)\s*(?:;\s*(.*?))?\s*((?:--hash=sha256:[0-9a-f]{64}\s*)*)",
                         line.strip())
        if m:
            name, version, marker, hashes = m.groups()
            out[canonicalize_name(name)] = (version, marker, frozenset(hashes.split()))
        else:
            assert not line.strip() or line.lstrip().startswith("#"), line
    return out


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_every_dependency_is_pinned_with_its_hashes():
    locked = pins(LOCK)
    p = project()
    wanted = [*p["dependencies"], *(r for extra in p["optional-dependencies"].values() for r in extra)]
    for text in wanted:
        req = Requirement(text)
        if canonicalize_name(req.name) == "rkt-dashboard":
            continue
        version, _, _ = locked[canonicalize_name(req.name)]
        assert req.specifier.contains(version, prereleases=True), (text, version)
    for name, (version, _, hashes) in locked.items():
        assert hashes, f"{name}=={version} has no hash"
    # the installers too, so that every machine runs the same pip and setuptools
    assert {"pip", "setuptools", "holidays"} <= set(locked)


def test_the_light_set_is_the_core_of_the_lock_and_nothing_more():
    locked, light = pins(LOCK), pins(LIGHT)
    for name, (version, _, hashes) in light.items():
        assert locked[name][0::2] == (version, hashes), name  # same version and files as the full install
    core = {canonicalize_name(Requirement(r).name) for r in project()["dependencies"]}
    assert core <= set(light)
    assert not SITE_ONLY & set(light)
    assert not {"pytest", "selenium"} & set(light)


def test_this_environment_is_the_locked_one():
    """`make` installed exactly the lock file (a stale .venv reinstalls when the lock changes)."""
    wrong = []
    for name, (version, marker, _) in pins(LOCK).items():
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong.append(f"{name}: {installed} installed, {version} locked")
    assert not wrong, "run 'make install':\n" + "\n".join(wrong)


def make_dry_run(tmp_path: Path, *targets: str) -> str:
    proc = subprocess.run(["make", "-n", f"VENV={tmp_path / 'venv'}", *targets], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return proc.stdout


def test_make_installs_exactly_the_lock_and_reinstalls_when_it_changes(tmp_path):
    first = make_dry_run(tmp_path, "install")
    assert "-m pip install --quiet --require-hashes -r requirements/lock.txt" in first
    assert "-m pip install --quiet --no-deps --no-build-isolation -e ." in first
    assert "--upgrade" not in first
    (tmp_path / "venv/bin").mkdir(parents=True)
    (tmp_path / "venv/bin/python").touch()
    stamp = tmp_path / "venv/.installed-stamp"
    stamp.touch()
    assert "pip install" not in make_dry_run(tmp_path, "install")
    lock_time = LOCK.stat().st_mtime
    os.utime(stamp, (lock_time - 60, lock_time - 60))  # the lock file changed after the install
    assert "--require-hashes -r requirements/lock.txt" in make_dry_run(tmp_path, "install")


def test_make_lock_writes_both_lock_files_with_uv(tmp_path):
    text = make_dry_run(tmp_path, "lock")
    assert "--require-hashes -r requirements/tools.txt" in text
    assert re.search(r"uv pip compile .*--generate-hashes.* pyproject.toml requirements/build.in --extra site "
                     r"--extra dev -o requirements/lock.txt", text)
    assert re.search(r"uv pip compile .*-c requirements/lock.txt pyproject.toml requirements/build.in "
                     r"-o requirements/validate.txt", text)


LIGHT_RUN = """
import sys
sys.path[:0] = [{site!r}, {root!r}]
import contextlib, io
from generator.cli import main

out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["-C", {root!r}, "validate", "--today", "2026-11-28"])
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
print(code, heavy, out.getvalue().splitlines()[-1])
with contextlib.redirect_stdout(out):
    print(main(["-C", {root!r}, "build"]))
"""


def test_validation_runs_with_the_light_set_alone(tmp_path):
    """Python without site-packages, given only the distributions of requirements/validate.txt:
    `rkt validate` passes and imports nothing of the dashboard; `rkt build` says what is missing."""
    site = tmp_path / "site"
    site.mkdir()
    for name, (_, marker, _) in pins(LIGHT).items():
        if name in ("pip", "setuptools") or (marker and not Marker(marker).evaluate()):
            continue
        dist = importlib.metadata.distribution(name)
        for top in {file.parts[0] for file in dist.files or ()}:
            if not top.endswith((".dist-info", ".pth")) and top not in ("..", "__pycache__"):
                (site / top).symlink_to(Path(dist.locate_file(top)))
    script = textwrap.dedent(LIGHT_RUN).format(site=str(site), root=str(ROOT), heavy=HEAVY_MODULES)
    proc = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "0 [] Semua data valid: 15 berkas diperiksa, tidak ada masalah."
    assert "rkt: kesalahan: perintah ini memerlukan pustaka" in proc.stderr and "make install" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not os.environ.get("CI"), reason="downloads the light set from the registry (CI only)")
def test_the_light_install_in_a_fresh_venv(tmp_path):
    """What the pull-request check does, for real: a new venv, the light lock with hashes, the package."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)  # pip comes locked
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "--quiet"]
    subprocess.run([*pip, "--require-hashes", "-r", str(LIGHT)], check=True)
    package = tmp_path / "judge"
    package.mkdir()
    for name in ("pyproject.toml", "README.md"):
        (package / name).write_bytes((ROOT / name).read_bytes())
    subprocess.run(["cp", "-r", str(ROOT / "generator"), str(package / "generator")], check=True)
    subprocess.run([*pip, "--no-deps", "--no-build-isolation", str(package)], check=True)
    proc = subprocess.run([str(venv / "bin/rkt"), "-C", str(ROOT), "validate", "--today", "2026-11-28"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "list",
                                "--format", "freeze"],
                               capture_output=True, text=True, check=True).stdout
    assert not {canonicalize_name(line.split("==")[0]) for line in installed.splitlines()} & SITE_ONLY
