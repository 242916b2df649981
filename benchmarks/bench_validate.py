"""Benchmark: `rkt validate` against the YAML floor and against check-jsonschema.

Generates a synthetic, valid repository of N forms (default 460: 46 units over the ten
years of one Renstra period, the most one repository validly holds; ~40 rows each), with
each unit's Rencana Aksi and four quarterly reports per year, and measures, best of --runs, interleaved (one round = every measurement once):

  floor:   libyaml's event stream of the YAML files (read, decode, yaml.parse with the
           C parser): the part of loading no YAML reader in Python can skip, and what
           rkt's strict loader is built on (it resolves no tags, builds no nodes)
  load:    yaml.load(..., Loader=CSafeLoader) of the same files, for reference
  rkt:     validate() of the whole repository, in this process (every file, every
           schema and cross-file rule; the forms are most of it)
  CLIs:    `rkt validate` and `check-jsonschema --schemafile form.schema.json` on the
           same repository, each as a fresh process (start-up and imports included)

Targets: rkt in-process <= 2x the event floor; the rkt CLI >= 10x faster than the
check-jsonschema CLI (which checks each file against its schema only, and no rule).
Exits 1 when a target is missed.

    python benchmarks/bench_validate.py [--forms N] [--rows N] [--runs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenario import (
    FIRST_YEAR,
    ROOT,
    Target,
    best,
    finish,
    form_text,
    load_average,
    run,
    time_call,
    tool,
    write_measured,
    write_reference,
)

sys.path.insert(0, str(ROOT))

from generator.check.validate import validate

__all__ = ["form_text", "write_reference"]  # bench_regency builds its repository with them

UNITS_PER_YEAR = 46  # the example agency has 4 units; the schema allows 50
TARGET_FLOOR = 2.0
TARGET_CLI = 10.0


def generate(repo: Path, forms: int, rows: int) -> list[Path]:
    years = [FIRST_YEAR + i for i in range((forms + UNITS_PER_YEAR - 1) // UNITS_PER_YEAR)]
    write_reference(repo, years, UNITS_PER_YEAR)
    paths = []
    for n in range(forms):
        year, unit = years[n // UNITS_PER_YEAR], f"unit-{n % UNITS_PER_YEAR:02d}"
        path = repo / "cycles" / str(year) / "forms" / f"{unit}.yaml"
        path.write_text(form_text(year, unit, rows), encoding="utf-8")
        paths.append(path)
        # the performance year of every plan: a Rencana Aksi and four quarterly reports per unit
        paths += write_measured(repo, year, unit, rows)
    return paths


def event_floor(paths: list[Path]) -> int:
    events = 0
    for p in paths:
        for _ in yaml.parse(p.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader):
            events += 1
    return events


def csafe_load(paths: list[Path]) -> None:
    for p in paths:
        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # a Renstra covers at most ten years (its schema), and a cycle outside its period is an error
    ap.add_argument("--forms", type=int, default=460)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--runs", type=int, default=2, help="rounds; the best of each measurement is kept")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="rkt-bench-")) if args.keep is None else args.keep
    repo = tmp / "repo"
    try:
        paths = generate(repo, args.forms, args.rows)
        size = sum(p.stat().st_size for p in paths)
        print(f"synthetic repository: {args.forms} forms x {args.rows} rows, each unit's Rencana Aksi and four "
              f"quarterly reports ({len(paths)} files), {size / 1e6:.1f} MB of YAML "
              f"({load_average()})", flush=True)
        today = dt.date(2100, 1, 1)
        errors = [p for p in validate(repo, today=today).problems if p.is_error]
        if errors:
            print("synthetic data is not valid:", errors[:3], file=sys.stderr)
            return 1
        rkt_cli = [tool("rkt"), "-C", str(repo), "validate", "--today", today.isoformat()]
        # check-jsonschema checks one schema per run: the forms, the Rencana Aksi and the reports,
        # each against its own (--base-uri: resolve common.schema.json beside it, not at the $id host)
        kinds = {"form": "forms", "renaksi": "renaksi", "laporan": None}
        cj_clis = []
        for kind, folder in kinds.items():
            schema = repo / f"schemas/{kind}.schema.json"
            files = [p for p in paths if (p.parent.name == folder if folder else p.parent.parent.name == "laporan")]
            cj_clis.append([tool("check-jsonschema"), "--schemafile", str(schema), "--base-uri", schema.as_uri(),
                            *map(str, files)])
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in ("floor", "load", "rkt", "rkt CLI", "cj CLI")}
        events = 0
        for _ in range(args.runs):
            wall, cpu, events = time_call(lambda: event_floor(paths))
            samples["floor"].append((wall, cpu))
            samples["load"].append(time_call(lambda: csafe_load(paths))[:2])
            samples["rkt"].append(time_call(lambda: validate(repo, today=today))[:2])
            samples["rkt CLI"].append(run(rkt_cli)[:2])
            runs = [run(cli)[:2] for cli in cj_clis]
            samples["cj CLI"].append((sum(w for w, _ in runs), sum(c for _, c in runs)))
        t = {k: best(v) for k, v in samples.items()}
        floor, rkt = t["floor"].wall, t["rkt"].wall
        print(f"best of {args.runs} (wall s, CPU s of that run):")
        rows = [
            ("floor: libyaml event stream of the files", "floor", f"{events:,} events, {size / 1e6 / floor:.1f} MB/s"),
            ("yaml.load(CSafeLoader) of the files", "load", f"= {t['load'].wall / floor:.2f} x floor"),
            ("rkt validate, whole repository, in-process", "rkt", f"= {rkt / floor:.2f} x floor, "
                                                                  f"{t['rkt'].wall / t['load'].wall:.2f} x load"),
            ("rkt validate CLI (start-up included)", "rkt CLI", ""),
            ("check-jsonschema CLI, schemas only (3 runs)", "cj CLI",
             f"= {t['cj CLI'].wall / t['rkt CLI'].wall:.1f} x the rkt CLI"),
        ]
        for label, key, note in rows:
            print(f"  {label:<44} {t[key].wall:7.2f} s  {t[key].cpu:7.2f} s CPU   {note}")
        return finish("bench_validate", [
            Target("rkt validate / event floor (in-process)", rkt / floor, TARGET_FLOOR),
            Target("check-jsonschema CLI / rkt validate CLI", t["cj CLI"].wall / t["rkt CLI"].wall, TARGET_CLI,
                   at_most=False),
        ])
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
