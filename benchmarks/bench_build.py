"""Benchmark: the dashboard generator at regency scale, against the MkDocs build.

Generates a synthetic repository of 10 cycles x 8 units x 40 rows with full event
logs (one rejection round each); every cycle but the last is finished and signed,
the last one is running (today is a day of its preparation: its PDF to sign is made,
as on any working day of the year). Then, best of --runs, interleaved:

  generator, first run:  a fresh process (start-up and imports included) generating
                         docs/ from nothing: no .rkt-cache/, no generated pages
  generator, no change:  the same command again (nothing changed: nothing drawn or written)
  mkdocs build --strict: a fresh process building the site from those pages, exactly
                         as `rkt build` runs it

and once, for the whole picture, `rkt build` from nothing (generator + MkDocs + safety scan).
The counts (files written, charts drawn) are the generator's own, as it reports them.

Targets: first run <= 1.0 x the MkDocs build; no-change run <= 0.10 x the first run.
Exits 1 when a target is missed. Wall times on a busy machine depend on what else runs:
the load is printed, and the CPU seconds beside each wall time do not depend on it.

    python benchmarks/bench_build.py [--cycles N] [--units N] [--rows N] [--runs N] [--finished] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenario import ROOT, Target, best, finish, generate_regency, load_average, run, tool

TARGET_VS_MKDOCS = 1.0
TARGET_NO_CHANGE = 0.10
GENERATED = ("index.md", "arsip.md", "sop.md", "label.md", "tren.md", "isi-form.md", "siklus", "rkt", "grafik",
             "unduh", "data")  # generator.site.build.GENERATED: what a first run starts without

# the generator alone, as `rkt build` runs it before the engine, in a fresh interpreter
GENERATE = """
import datetime, json, sys
from pathlib import Path
from generator.site.build import build
r = build(Path(sys.argv[1]), today=datetime.date.fromisoformat(sys.argv[2]), run_mkdocs=False)
if not r.ok:
    sys.exit("synthetic data is not valid: " + repr(r.result.errors[:3]))
g, w = r.generated, r.stats
print(json.dumps({"written": len(w.written), "unchanged": w.unchanged, "drawn": g.charts_drawn,
                  "reused": g.charts_reused, "skipped": r.result is None}))
"""


def cold(repo: Path) -> None:
    """As after a fresh clone: no caches, no generated pages (hand-written guides stay)."""
    shutil.rmtree(repo / ".rkt-cache", ignore_errors=True)
    for name in GENERATED:
        path = repo / "docs" / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cycles", type=int, default=10)
    ap.add_argument("--units", type=int, default=8)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3, help="rounds; the best of each measurement is kept")
    ap.add_argument("--finished", action="store_true", help="every cycle finished (no running cycle, no PDF)")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--baseline", type=Path, metavar="DIR",
                    help="also measure the generator package in DIR/generator (e.g. a checkout of an older "
                         "commit), interleaved with this one: before/after under the same load")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rkt-bench-build-")) if args.keep is None else args.keep
    repo, site = tmp / "repo", tmp / "site"
    try:
        scenario = generate_regency(repo, args.cycles, args.units, args.rows, running=not args.finished)
        today = scenario.today.isoformat()
        print(f"synthetic repository: {args.cycles} cycles x {args.units} units x {args.rows} rows, "
              f"{'all finished' if args.finished else 'the last one running'}, today {today} ({load_average()})",
              flush=True)
        generate = [sys.executable, "-c", GENERATE, str(repo), today]
        # the engine exactly as generator.site.engines.mkdocs_build runs it (its environment included)
        mkdocs = [sys.executable, "-c", "import sys; from pathlib import Path; from generator.site.engines import "
                  "mkdocs_build; p = mkdocs_build(Path(sys.argv[1]), '1800000000', Path(sys.argv[2])); "
                  "sys.stderr.write(p.stderr[-3000:]); sys.exit(p.returncode)", str(repo), str(site)]
        first, again, engine, before = [], [], [], []
        counts = {}
        for _ in range(args.runs):
            if args.baseline:
                cold(repo)
                before.append(run(generate, cwd=args.baseline, env=_code(args.baseline))[:2])
            cold(repo)
            wall, cpu, proc = run(generate, cwd=ROOT)
            first.append((wall, cpu))
            counts["first"] = json.loads(proc.stdout.splitlines()[-1])
            wall, cpu, proc = run(generate, cwd=ROOT)
            again.append((wall, cpu))
            counts["again"] = json.loads(proc.stdout.splitlines()[-1])
            engine.append(run(mkdocs, cwd=ROOT)[:2])
        cold(repo)
        whole = run([tool("rkt"), "-C", str(repo), "build", "--today", today])  # into repo/site, as a user would
        pages = len(list((repo / "docs").rglob("*.md")))
        t1, t2, tm = best(first), best(again), best(engine)
        c1, c2 = counts["first"], counts["again"]
        print(f"best of {args.runs} (wall s, CPU s of that run; all runs in brackets):")
        print(f"  generator, first run:   {t1.wall:6.2f} s  {t1.cpu:6.2f} s CPU  {list(map(_r, t1.runs))}  "
              f"({c1['written']} files written, {c1['drawn']} charts drawn; {pages} pages in docs/)")
        print(f"  generator, no change:   {t2.wall:6.2f} s  {t2.cpu:6.2f} s CPU  {list(map(_r, t2.runs))}  "
              f"({c2['written']} files written, {c2['drawn']} charts drawn, skipped: {c2['skipped']})")
        print(f"  mkdocs build --strict:  {tm.wall:6.2f} s  {tm.cpu:6.2f} s CPU  {list(map(_r, tm.runs))}")
        print(f"  rkt build, from nothing (generator + MkDocs + safety scan, once): {whole[0]:.2f} s, "
              f"{whole[1]:.2f} s CPU")
        print(f"  CPU seconds: generator = {t1.cpu / tm.cpu:.2f} x mkdocs")
        if before:
            tb = best(before)
            print(f"  baseline {args.baseline}, first run: {tb.wall:6.2f} s  {tb.cpu:6.2f} s CPU  "
                  f"{list(map(_r, tb.runs))}  = {tb.wall / tm.wall:.2f} x mkdocs; now {tb.wall / t1.wall:.2f} x "
                  f"faster (CPU: {tb.cpu / t1.cpu:.2f} x less)")
        if c2["written"] or c2["drawn"]:
            print("the no-change run wrote or drew something", file=sys.stderr)
            return 1
        return finish("bench_build", [
            Target("generator first run / mkdocs build (wall)", t1.wall / tm.wall, TARGET_VS_MKDOCS),
            Target("generator no-change run / first run (wall)", t2.wall / t1.wall, TARGET_NO_CHANGE),
        ])
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def _code(folder: Path) -> dict[str, str]:
    """The environment that makes `import generator` find the package in `folder`."""
    import os

    return dict(os.environ, PYTHONPATH=str(folder))


def _r(x: float) -> float:
    return round(x, 2)


if __name__ == "__main__":
    sys.exit(main())
