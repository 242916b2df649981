"""Benchmark: the dashboard generator at regency scale.

Generates a synthetic repository of 10 cycles x 8 units x 40 rows, with full
event logs (one rejection round each) and a signed version per cycle, then
prints, from one run:

  generator, first run:   load -> validate -> derive -> Markdown/SVG written to docs/
  generator, no change:   the same again (must draw no chart and rewrite no file)
  mkdocs build --strict:  the site from those pages

Targets (issue #3): generator < 1/4 of the mkdocs build; no-change run < 1/10 of the first.

    python benchmarks/bench_build.py [--cycles N] [--units N] [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_validate import form_text, write_reference  # noqa: E402
from generator.build import build, mkdocs_build  # noqa: E402
from pdf import minimal_pdf  # noqa: E402

FIRST = 2030

EVENTS = "".join(
    f"  - langkah: {n}\n    tanggal: {{prev}}-{d}\n    oleh: {who}\n{extra}"
    for n, d, who, extra in (
        (1, "11-02", "kaban", ""), (2, "11-03", "kasubbag-perencanaan", ""), (3, "11-04", "kasubbag-perencanaan", ""),
        (6, "11-16", "staf-perencanaan-1", ""), (7, "11-19", "staf-perencanaan-1", ""),
        (8, "11-26", "staf-perencanaan-2", ""), (9, "11-27", "sekretaris", "    keputusan: tidak\n    catatan: Revisi\n"),
        (8, "12-02", "staf-perencanaan-2", ""), (9, "12-03", "sekretaris", "    keputusan: ya\n"),
        (10, "12-04", "kaban", "    keputusan: ya\n"), (11, "12-07", "staf-perencanaan-1", "")))


def generate_repo(repo: Path, cycles: int, units: int, rows: int) -> None:
    years = [FIRST + i for i in range(cycles)]
    codes = write_reference(repo, years, units, EVENTS)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "docs/panduan", repo / "docs/panduan")
    shutil.copytree(ROOT / "docs/css", repo / "docs/css")
    for year in years:
        for unit in codes:
            (repo / f"cycles/{year}/forms/{unit}.yaml").write_text(form_text(year, unit, rows), encoding="utf-8")
        signed = repo / f"cycles/{year}/signed"
        signed.mkdir()
        scan = minimal_pdf(["CONTOH", f"RKT {year}"])
        (signed / f"rkt-{year}-v1.pdf").write_bytes(scan)
        (signed / f"rkt-{year}-v1.yaml").write_text(
            "# yaml-language-server: $schema=../../../schemas/signed.schema.json\n"
            f"tahun: {year}\nversi: 1\ntanggal: {year - 1}-12-04\npenandatangan:\n  jabatan: Kepala Badan\n"
            f"  nama: Kepala\n  nip: \"197005141993031007\"\nberkas: rkt-{year}-v1.pdf\n"
            f"sha256: {hashlib.sha256(scan).hexdigest()}\ncommit: {'0' * 40}\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cycles", type=int, default=10)
    ap.add_argument("--units", type=int, default=8)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rkt-bench-build-")) if args.keep is None else args.keep
    repo = tmp / "repo"
    try:
        generate_repo(repo, args.cycles, args.units, args.rows)
        today = dt.date(FIRST + args.cycles, 1, 15)
        print(f"synthetic repository: {args.cycles} cycles x {args.units} units x {args.rows} rows", flush=True)

        t = time.perf_counter()
        first = build(repo, today=today, run_mkdocs=False)
        t_first = time.perf_counter() - t
        if not first.result.ok:
            print("synthetic data is not valid:", first.result.errors[:3], file=sys.stderr)
            return 1
        t = time.perf_counter()
        again = build(repo, today=today, run_mkdocs=False)
        t_again = time.perf_counter() - t
        t = time.perf_counter()
        proc = mkdocs_build(repo, "1800000000", tmp / "site")
        t_mkdocs = time.perf_counter() - t
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        pages = len(list((repo / "docs").rglob("*.md")))
        g1, g2 = first.generated, again.generated
        print(f"generator, first run:  {t_first:6.2f} s  ({len(first.stats.written)} files written, "
              f"{g1.charts_drawn} charts drawn; {pages} pages)")
        print(f"generator, no change:  {t_again:6.2f} s  = {t_again / t_first:.2f} x first   [target < 0.10] "
              f"({len(again.stats.written)} files written, {g2.charts_drawn} charts drawn)")
        print(f"mkdocs build --strict: {t_mkdocs:6.2f} s;  generator = {t_first / t_mkdocs:.2f} x mkdocs   "
              f"[target < 0.25]")
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
