"""Benchmark: `rkt validate` against the YAML floor and check-jsonschema.

Generates a synthetic, schema-valid repository of N forms (default 2,000,
~40 rows each) in a temporary folder and prints, from one run:

  (a) floor:  yaml.load(..., Loader=CSafeLoader) of the same form files
  (b) rkt validate on the whole repository (in-process, and the CLI wall time)
  (c) check-jsonschema with the project's form schema on the same files

Targets (issue #2): (b) <= 2x (a), and (b) at least 5x faster than (c).

    python benchmarks/bench_validate.py [--forms N] [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.validate import validate  # noqa: E402

UNITS_PER_YEAR = 46  # the example agency has 4 units; the schema allows 50
FIRST_YEAR = 2030


def write_reference(repo: Path, years: list[int], units_per_year: int = UNITS_PER_YEAR,
                    events: str | None = None) -> list[str]:
    """agency/sop/renstra and one cycle.yaml per year; returns the synthetic unit codes."""
    shutil.copytree(ROOT / "schemas", repo / "schemas")
    cycles = repo / "cycles"
    cycles.mkdir()
    shutil.copy(ROOT / "cycles/sop.yaml", cycles / "sop.yaml")
    units = [f"unit-{i:02d}" for i in range(units_per_year)]
    persons = "".join(
        f"  - kode: p-{u}\n    nama: Pegawai {u}\n    nip: \"19800101200501100{i % 10}\"\n"
        f"    jabatan: Kepala {u}\n" for i, u in enumerate(units))
    agency = (ROOT / "cycles/agency.yaml").read_text(encoding="utf-8")
    agency = agency.replace("pegawai:\n", "pegawai:\n" + persons, 1)
    agency = agency.replace("unit:\n", "unit:\n" + "".join(
        f"  - kode: {u}\n    nama: Unit {u}\n    singkatan: {u.upper()}\n    kepala: p-{u}\n" for u in units), 1)
    # NIPs must be unique: number them
    out, n = [], 0
    for line in agency.splitlines(keepends=True):
        if line.startswith("    nip: \"198001012005011"):
            line = f"    nip: \"1980010120050110{n:02d}\"\n"
            n += 1
        out.append(line)
    (cycles / "agency.yaml").write_text("".join(out), encoding="utf-8")
    renstra = [
        "# yaml-language-server: $schema=../schemas/renstra.schema.json\n",
        f"judul: Renstra sintetis\nperiode:\n  mulai: {years[0]}\n  selesai: {years[-1]}\n",
        "tujuan:\n  - kode: T1\n    uraian: Tujuan sintetis\nsasaran:\n",
    ]
    for s in range(1, 5):
        renstra.append(f"  - kode: SS{s}\n    tujuan: T1\n    uraian: Sasaran {s}\n    indikator:\n")
        for i in range(1, 4):
            renstra.append(f"      - kode: SS{s}.{i}\n        uraian: Indikator {s}.{i}\n        satuan: \"%\"\n"
                           f"        iku: {'true' if i == 1 else 'false'}\n        unit: [unit-00]\n"
                           f"        target:\n          {years[0]}: \"90%\"\n")
    (cycles / "renstra.yaml").write_text("".join(renstra), encoding="utf-8")
    for year in years:
        (cycles / str(year) / "forms").mkdir(parents=True)
        (cycles / str(year) / "cycle.yaml").write_text(
            "# yaml-language-server: $schema=../../schemas/cycle.schema.json\n"
            f"tahun: {year}\nmulai: {year - 1}-11-02\ntanggal_dari_git: false\nunit_wajib: [{', '.join(units)}]\n"
            f"peristiwa:\n" + (events or "  - langkah: 1\n    tanggal: {prev}-11-02\n    oleh: kaban\n").format(prev=year - 1),
            encoding="utf-8")
    return units


def form_text(year: int, unit: str, rows: int) -> str:
    lines = ["# yaml-language-server: $schema=../../../schemas/form.schema.json\n",
             f"tahun: {year}\nunit: {unit}\ntanggal: {year - 1}-11-06\npenyusun: Operator {unit}\n",
             "kinerja:\n"]
    for s in range(1, 3):
        lines.append(f"  - sasaran: SS{s}\n    indikator:\n")
        for i in range(1, 4):
            lines.append(f"      - kode: SS{s}.{i}\n        target: \"{85 + i}%\"\n")
    lines.append("program:\n  - kode: \"5.03.02\"\n    nama: Program Kepegawaian Daerah\n"
                 "    indikator: Persentase layanan kepegawaian tepat waktu\n    target: \"92%\"\n    kegiatan:\n")
    per = 10
    for k in range((rows + per - 1) // per):
        lines.append(f"      - kode: \"5.03.02.2.{k + 1:02d}\"\n        nama: Kegiatan {k + 1}\n        sub_kegiatan:\n")
        for j in range(min(per, rows - k * per)):
            lines.append(
                f"          - kode: \"5.03.02.2.{k + 1:02d}.{j + 1:04d}\"\n"
                f"            nama: Sub kegiatan {k + 1}.{j + 1} pengelolaan administrasi kepegawaian\n"
                f"            indikator: Jumlah dokumen hasil pengelolaan administrasi kepegawaian\n"
                f"            target: {j + 1}\n            satuan: Dokumen\n"
                f"            anggaran: {(j + 1) * 12_500_000}\n"
                f"            penanggung_jawab: Kepala Sub Bidang {k + 1}\n")
    return "".join(lines)


def generate(repo: Path, forms: int, rows: int) -> list[Path]:
    years = [FIRST_YEAR + i for i in range((forms + UNITS_PER_YEAR - 1) // UNITS_PER_YEAR)]
    write_reference(repo, years)
    paths = []
    for n in range(forms):
        year, unit = years[n // UNITS_PER_YEAR], f"unit-{n % UNITS_PER_YEAR:02d}"
        path = repo / "cycles" / str(year) / "forms" / f"{unit}.yaml"
        path.write_text(form_text(year, unit, rows), encoding="utf-8")
        paths.append(path)
    return paths


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--forms", type=int, default=2000)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3, help="repeat (a) and (b), keep the best")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="rkt-bench-")) if args.keep is None else args.keep
    repo = tmp / "repo"
    try:
        paths = generate(repo, args.forms, args.rows)
        size = sum(p.stat().st_size for p in paths)
        print(f"synthetic repository: {len(paths)} forms x {args.rows} rows, {size / 1e6:.1f} MB of form YAML", flush=True)

        def floor():
            for p in paths:
                yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)

        today = dt.date(2100, 1, 1)
        result = validate(repo, today=today)
        errors = [p for p in result.problems if p.is_error]
        if errors:
            print("synthetic data is not valid:", errors[:3], file=sys.stderr)
            return 1
        a = best_of(args.runs, floor)
        b = best_of(args.runs, lambda: validate(repo, today=today))
        rkt = shutil.which("rkt") or str(Path(sys.executable).parent / "rkt")
        t = time.perf_counter()
        proc = subprocess.run([rkt, "-C", str(repo), "validate", "--today", "2100-01-01"], capture_output=True)
        b_cli = time.perf_counter() - t
        assert proc.returncode == 0, proc.stdout[-500:]

        cj = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
        t = time.perf_counter()
        schema = repo / "schemas/form.schema.json"
        # --base-uri: resolve common.schema.json beside it, not at the (unreachable) $id host
        proc = subprocess.run([cj, "--schemafile", str(schema), "--base-uri", schema.as_uri(), *map(str, paths)],
                              capture_output=True, text=True)
        c = time.perf_counter() - t
        if proc.returncode != 0:
            print("check-jsonschema failed:", proc.stdout[-500:], proc.stderr[-500:], file=sys.stderr)
            return 1

        print(f"(a) floor, CSafeLoader load of the forms:   {a:7.2f} s  ({size / 1e6 / a:.1f} MB/s)")
        print(f"(b) rkt validate, whole repository:         {b:7.2f} s  = {b / a:.2f} x (a)   [target <= 2.00]")
        print(f"    rkt validate, CLI wall time:            {b_cli:7.2f} s")
        print(f"(c) check-jsonschema, form schema only:     {c:7.2f} s  = {c / b:.1f} x slower than (b)   [target >= 5.0]")
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
