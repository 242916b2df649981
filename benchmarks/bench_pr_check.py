"""Benchmark: how long a staff member waits for the verdict on a pull request.

Replays the "Periksa data" job of .github/workflows/validate.yml on this machine, in a
fresh virtual environment each time:

  light:  venv, pip install --require-hashes -r requirements/validate.txt,
          pip install --no-deps --no-build-isolation . , rkt validate --format github
          of the example repository (with --base and --schemas, as the job runs it)
  full:   today's `make install` for comparison: venv, requirements/lock.txt with hashes,
          pip install --no-deps --no-build-isolation -e . , pip check

The venvs are made without pip (`venv --without-pip`) and the first install runs this
interpreter's pip with `--python`: the lock files pin pip itself, so it is installed from
them like everything else, and a CI runner's Python has pip already (no ensurepip there).
Packages come from the machine's own sources (pip's cache or configured wheel folders):
the first light run warms them, so the best of the runs is the one with a warm cache.

Target: the light path, verdict included, <= 10 s (wall, best of --runs). Exits 1 when missed.

    python benchmarks/bench_pr_check.py [--runs 2] [--full-runs 1] [--no-full]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenario import ROOT, Target, finish, load_average, python_in, run, script_in

TARGET_SECONDS = 10.0


def _pip(venv: Path, *args: str) -> list[str]:
    """This interpreter's pip, installing into `venv` (the venv has no pip of its own yet)."""
    return [sys.executable, "-m", "pip", "--python", str(python_in(venv)), *args]


def light(tmp: Path, n: int) -> dict[str, tuple[float, float]]:
    venv = tmp / f"light-{n}"
    env = dict(os.environ, GITHUB_STEP_SUMMARY=str(tmp / f"summary-{n}.md"))
    steps = {
        "venv": [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        "pip install validate.txt": _pip(venv, "install", "--quiet", "--require-hashes", "-r",
                                         str(ROOT / "requirements/validate.txt")),
        "pip install .": [str(python_in(venv)), "-m", "pip", "install", "--quiet", "--no-deps",
                          "--no-build-isolation", str(ROOT)],
    }
    out = {}
    for name, cmd in steps.items():
        wall, cpu, _ = run(cmd, cwd=tmp)
        out[name] = (wall, cpu)
    # the job's verdict: the example repository judged against its own HEAD and schemas
    wall, cpu, proc = run([str(script_in(venv, "rkt")), "-C", str(ROOT), "validate", "--format", "github",
                           "--base", "HEAD", "--schemas", str(ROOT / "schemas")], check=False, cwd=tmp, env=env)
    if proc.returncode not in (0, 1):  # 1 is a verdict too (problems in the data); 2/3 are not
        raise SystemExit(f"rkt validate failed ({proc.returncode}):\n{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}")
    out["rkt validate --format github"] = (wall, cpu)
    shutil.rmtree(venv, ignore_errors=True)
    return out


def full(tmp: Path, n: int) -> dict[str, tuple[float, float]]:
    venv = tmp / f"full-{n}"
    env = dict(os.environ, PYTHONWARNINGS="ignore:Editable installation")
    steps = {
        "venv": [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        "pip install lock.txt": _pip(venv, "install", "--quiet", "--require-hashes", "-r",
                                     str(ROOT / "requirements/lock.txt")),
        "pip install -e .": [str(python_in(venv)), "-m", "pip", "install", "--quiet", "--no-deps",
                             "--no-build-isolation", "-e", str(ROOT)],
        "pip check": [str(python_in(venv)), "-m", "pip", "check"],
    }
    out = {}
    for name, cmd in steps.items():
        wall, cpu, _ = run(cmd, cwd=tmp, env=env)
        out[name] = (wall, cpu)
    shutil.rmtree(venv, ignore_errors=True)
    return out


def total(steps: dict[str, tuple[float, float]]) -> tuple[float, float]:
    return sum(w for w, _ in steps.values()), sum(c for _, c in steps.values())


def show(title: str, runs: list[dict[str, tuple[float, float]]]) -> tuple[float, float]:
    best = min(runs, key=lambda r: total(r)[0])
    wall, cpu = total(best)
    print(f"{title}  (best of {len(runs)}; all runs: {', '.join(f'{total(r)[0]:.1f}' for r in runs)} s)")
    for name, (w, c) in best.items():
        print(f"    {name:<32} {w:6.2f} s wall  {c:6.2f} s CPU")
    print(f"    {'total':<32} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=2, help="light installs (the first warms the caches)")
    ap.add_argument("--full-runs", type=int, default=1, help="full installs, interleaved with the light ones")
    ap.add_argument("--no-full", action="store_true", help="skip the full install (minutes)")
    args = ap.parse_args()
    print(f"pull-request check on this machine ({load_average()})", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="rkt-bench-pr-"))
    try:
        lights, fulls = [], []
        for n in range(max(args.runs, 1)):
            lights.append(light(tmp, n))
            if not args.no_full and n < args.full_runs:
                fulls.append(full(tmp, n))
        wall, _ = show("light (the pull-request check)", lights)
        if fulls:
            full_wall, _ = show("full (make install, for comparison)", fulls)
            print(f"    light = {wall / full_wall:.2f} x full")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("bench_pr_check", [Target("light install + rkt validate (wall, s)", wall, TARGET_SECONDS,
                                            unit="s")])


if __name__ == "__main__":
    sys.exit(main())
