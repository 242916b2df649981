"""The install: one hashed lock file for everything `make` installs, a light subset of it
for the pull-request check, and a validation path that runs with that subset alone."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, git
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = ROOT / "requirements/lock.txt"
LIGHT = ROOT / "requirements/validate.txt"
# what only the dashboard, the PDF and the spreadsheets need: never in the light install
SITE_ONLY = {"mkdocs-material", "mkdocs", "matplotlib", "holidays", "babel", "typst", "openpyxl",
             "ruamel-yaml", "numpy", "pillow"}
HEAVY_MODULES = ("mkdocs", "material", "matplotlib", "holidays", "babel", "typst", "openpyxl", "ruamel",
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
    # the lock is complete: installed as it is, never resolved again against the index
    assert "-m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/lock.txt" \
        in first
    assert "-m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e ." in first
    assert "pip check" in first
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
    assert "--no-deps --require-hashes -r requirements/tools.txt" in text
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
    assert proc.stdout.splitlines()[0] == "0 [] Semua data valid: 32 berkas diperiksa, tidak ada masalah."
    assert "rkt: kesalahan: perintah ini memerlukan pustaka" in proc.stderr and "make install" in proc.stderr
    assert "Traceback" not in proc.stderr


def workflow_install_lines(path: Path, step: str) -> list[str]:
    """The shell lines of one named step of a workflow, as GitHub runs them."""
    import yaml

    for job in yaml.safe_load(path.read_text())["jobs"].values():
        for s in job["steps"]:
            if s.get("name") == step:
                return [line for line in s["run"].splitlines() if line.strip()]
    raise AssertionError(f"no step {step!r} in {path}")


FRESH = {"PIP_NO_CACHE_DIR": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def fresh_env(tmp_path: Path, venv: Path) -> dict[str, str]:
    """A new user's shell: a new HOME, no pip cache, the venv first on PATH, no config of ours."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHON"))}
    return {**keep, **FRESH, "HOME": str(home), "PATH": f"{venv / 'bin'}:{keep['PATH']}"}


# The pip that Debian 12's and Python 3.11's venv bring (23.0.1 and 23.2.1) and what the
# installer of this interpreter bundles: the lock must install the same way with every one of them.
@pytest.mark.skipif(not os.environ.get("CI"), reason="downloads the light set from the registry (CI only)")
@pytest.mark.parametrize("pip_version", ["bundled", "23.0.1"])
def test_the_light_install_in_a_fresh_venv(tmp_path, pip_version):
    """What the pull-request check does, for real: its own install lines from validate.yml, run in a
    new venv with that venv's own pip, no cache and a new HOME."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = fresh_env(tmp_path, venv)
    if pip_version != "bundled":
        subprocess.run(["python", "-m", "pip", "install", "--quiet", f"pip=={pip_version}"], env=env, check=True)
    judge = tmp_path / "judge"
    judge.mkdir()
    for name in ("pyproject.toml", "README.md"):
        (judge / name).write_bytes((ROOT / name).read_bytes())
    for tree in ("generator", "requirements"):
        subprocess.run(["cp", "-r", str(ROOT / tree), str(judge / tree)], check=True)
    lines = workflow_install_lines(ROOT / ".github/workflows/validate.yml", "Pasang pemeriksa (hanya pustaka pemeriksaan)")
    assert any("pip check" in line for line in lines)
    for line in lines:
        proc = subprocess.run(line, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, f"{line}\n{proc.stdout}{proc.stderr}"
    proc = subprocess.run(["rkt", "-C", str(ROOT), "validate", "--today", "2026-11-28"], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    installed = subprocess.run(["python", "-m", "pip", "list", "--format", "freeze"], env=env,
                               capture_output=True, text=True, check=True).stdout
    assert not {canonicalize_name(line.split("==")[0]) for line in installed.splitlines()} & SITE_ONLY


@pytest.mark.skipif(not os.environ.get("CI"), reason="downloads the whole lock from the registry (CI only)")
@pytest.mark.git
@pytest.mark.site
def test_a_repository_made_by_init_builds_with_make_site_on_a_fresh_machine(tmp_path):
    """The agency's own copy of the Makefile and lock, as its staff meet it: a clone, `make site`,
    a new HOME, no pip cache, the pip of `python3 -m venv`."""
    made = subprocess.run([sys.executable, "-m", "generator", "init", str(tmp_path / "dinkes"), "--nama",
                           "Dinas Kesehatan", "--pemerintah", "Pemerintah Kabupaten Contoh", "--kota", "Contoh",
                           "--pengelola", "budi-it"], cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    git(tmp_path / "dinkes", "init", "-q", "-b", "main")
    git(tmp_path / "dinkes", "add", "-A")
    git(tmp_path / "dinkes", "commit", "-q", "-m", "rkt init")
    subprocess.run(["git", "clone", "-q", str(tmp_path / "dinkes"), str(tmp_path / "clone")], check=True)
    home = tmp_path / "home"
    home.mkdir()
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHON"))}
    # the PATH of a new user: no venv of ours in front of the system's python3
    path = ":".join(p for p in keep["PATH"].split(":") if not p.startswith(sys.prefix))
    env = {**keep, **FRESH, "HOME": str(home), "PATH": path}
    proc = subprocess.run(["make", "site"], cwd=tmp_path / "clone", env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Dasbor selesai dibangun" in proc.stdout
    assert "Belum ada siklus RKT" in (tmp_path / "clone/site/index.html").read_text()


def system_check(tmp_path: Path, python: str, tools: tuple[str, ...]) -> subprocess.CompletedProcess:
    """requirements/system-check.sh on a PATH that holds only `tools` (real programs, linked)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for tool in tools:
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    return subprocess.run(["/bin/sh", str(ROOT / "requirements/system-check.sh"), python], capture_output=True,
                          text=True, env={"PATH": str(bin_dir), "HOME": str(tmp_path)})


def test_the_system_check_passes_on_this_machine(tmp_path):
    proc = system_check(tmp_path, sys.executable, ("git",))
    assert proc.returncode == 0 and proc.stderr == ""


def test_a_machine_without_git_is_told_what_to_install(tmp_path):
    proc = system_check(tmp_path, sys.executable, ())
    assert proc.returncode == 2
    assert "Yang belum terpasang: git" in proc.stderr and "sudo apt install git" in proc.stderr


def test_a_machine_without_python_is_told_what_to_install(tmp_path):
    proc = system_check(tmp_path, "python3", ())
    assert proc.returncode == 2
    assert "sudo apt install python3 python3-venv git" in proc.stderr


def test_a_python_without_venv_support_is_told_to_install_python3_venv(tmp_path):
    """Debian and Ubuntu ship ensurepip in python3-venv; without it `import ensurepip` fails, as here
    (this interpreter with an ensurepip that cannot be imported, as the missing package leaves it)."""
    hidden = tmp_path / "tanpa-venv"
    hidden.mkdir()
    (hidden / "ensurepip.py").write_text("raise ImportError('No module named ensurepip')\n")
    python = tmp_path / "python3"
    python.write_text(f"#!/bin/sh\nPYTHONPATH={hidden} exec {sys.executable} \"$@\"\n")
    python.chmod(0o755)
    proc = system_check(tmp_path, str(python), ("git",))
    assert proc.returncode == 2
    assert "Yang belum terpasang: python3-venv" in proc.stderr and "sudo apt install python3-venv" in proc.stderr
    # and `make` stops there, before a half-made .venv
    shutil.copytree(ROOT / "requirements", tmp_path / "repo/requirements")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / "repo" / name)
    proc = subprocess.run(["make", "validate", f"PYTHON={python}"], cwd=tmp_path / "repo", capture_output=True,
                          text=True)
    assert proc.returncode == 2 and "sudo apt install python3-venv" in proc.stderr
    assert not (tmp_path / "repo/.venv").exists()
