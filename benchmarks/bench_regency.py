"""Benchmark: `rkt kabupaten build` for a synthetic regency.

One synthetic agency of 10 cycles x 8 units goes through the real pipeline
(validate -> derive -> generator/site/published.py) to give a realistic published
file; N agencies are served from it (each with its own name) by a local HTTP
server on 127.0.0.1 in a thread, where some agencies are slow (1-2 s before
answering), one is down (HTTP 500, retried with the default back-off) and one
publishes invalid data. Each regency build runs with the production defaults
(fetch.Limits()) and MkDocs, into a fresh regency repository from
`rkt kabupaten init`, at N = 10, 20 and 40 agencies.

Targets: 40 agencies in under 30 s; cost linear in the number of agencies: with a
fixed part a and b per agency, t(kn) = a + kbn <= k t(n), so each doubling may at
most double the time (+1 s for the noise of a shared machine), which a cost
quadratic in the agencies breaks. Exits 1 when a target is missed.

    python benchmarks/bench_regency.py [--sizes 10,20,40] [--cycles 10] [--units 8] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.server
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scenario import Target, finish, form_text, write_reference  # noqa: E402

from generator.check.validate import validate  # noqa: E402
from generator.commands import kabupaten  # noqa: E402
from generator.plan.derive import derive  # noqa: E402
from generator.regency.build import build as build_regency  # noqa: E402
from generator.site import published  # noqa: E402

FIRST = 2030
TARGET_SECONDS = 30.0
# a whole cycle, with one rejection round (as the agency's own benchmark writes it)
EVENTS = "".join(
    f"  - langkah: {n}\n    tanggal: {{prev}}-{d}\n    oleh: {who}\n{extra}"
    for n, d, who, extra in (
        (1, "11-02", "kaban", ""), (2, "11-03", "kasubbag-perencanaan", ""), (3, "11-04", "kasubbag-perencanaan", ""),
        (6, "11-16", "staf-perencanaan-1", ""), (7, "11-19", "staf-perencanaan-1", ""),
        (8, "11-26", "staf-perencanaan-2", ""),
        (9, "11-27", "sekretaris", "    keputusan: tidak\n    catatan: Revisi\n"),
        (8, "12-02", "staf-perencanaan-2", ""), (9, "12-03", "sekretaris", "    keputusan: ya\n"),
        (10, "12-04", "kaban", "    keputusan: ya\n"), (11, "12-07", "staf-perencanaan-1", "")))
# a stand-in for a scanned PDF: only its first bytes are checked
SCAN = b"%PDF-1.4\n% contoh pindaian RKT untuk benchmark\n%%EOF\n"


def agency_file(folder: Path, cycles: int, units: int) -> tuple[dict, dt.date]:
    """The published data of a synthetic agency: older cycles signed, the newest one running late."""
    repo = folder / "opd"
    years = [FIRST + i for i in range(cycles)]
    codes = write_reference(repo, years, units, EVENTS)
    for year in years:
        for unit in codes:
            (repo / f"cycles/{year}/forms/{unit}.yaml").write_text(form_text(year, unit, 10), encoding="utf-8")
        if year == years[-1]:
            continue
        signed = repo / f"cycles/{year}/signed"
        signed.mkdir()
        (signed / f"rkt-{year}-v1.pdf").write_bytes(SCAN)
        (signed / f"rkt-{year}-v1.yaml").write_text(
            "# yaml-language-server: $schema=../../../schemas/signed.schema.json\n"
            f"tahun: {year}\nversi: 1\ntanggal: {year - 1}-12-04\npenandatangan:\n  jabatan: Kepala Badan\n"
            f"  nama: Kepala\n  nip: \"197005141993031007\"\nberkas: rkt-{year}-v1.pdf\n"
            f"sha256: {hashlib.sha256(SCAN).hexdigest()}\ncommit: {'0' * 40}\n", encoding="utf-8")
    last = repo / f"cycles/{years[-1]}/cycle.yaml"
    text = last.read_text(encoding="utf-8")
    last.write_text(text[:text.index("  - langkah: 6")], encoding="utf-8")  # stopped after step 3
    today = dt.date(years[-1] - 1, 12, 15)
    result = validate(repo, today=today)
    errors = [p for p in result.problems if p.is_error]
    if errors:
        raise SystemExit(f"synthetic agency is not valid: {errors[:3]}")
    return published.published(result.repository, derive(repo, result.repository, today)), today


class Agencies(http.server.BaseHTTPRequestHandler):
    """/opd-NN.json: the agency's file; some slow, one down (500), one invalid."""

    files: dict[str, bytes] = {}
    delays: dict[str, float] = {}
    down: set[str] = set()

    def do_GET(self) -> None:
        name = self.path.strip("/")
        time.sleep(self.delays.get(name, 0.0))
        body = self.files.get(name)
        if name in self.down or body is None:
            self.send_error(500 if name in self.down else 404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def serve(base: dict, count: int) -> tuple[http.server.ThreadingHTTPServer, list[str]]:
    names = []
    for i in range(count):
        name = f"opd-{i:02d}.json"
        data = json.loads(json.dumps(base))
        data["instansi"]["nama"] = f"Dinas Sintetis {i:02d}"
        data["instansi"]["singkatan"] = f"DS{i:02d}"
        Agencies.files[name] = published.dumps(data)
        if i % 5 == 2:
            Agencies.delays[name] = 1.0 + (i % 3) * 0.5  # slow: 1 to 2 seconds
        names.append(name)
    Agencies.down.add("opd-00.json")
    Agencies.files["opd-01.json"] = b'{"versi_skema": 1, "instansi": {}}'
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Agencies)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, names


def regency(folder: Path, url: str, names: list[str]) -> Path:
    made = kabupaten.init(folder, "Pemerintah Kabupaten Sintetis")
    if made.code:
        raise SystemExit(made.text)
    lines = ["kabupaten:\n  nama: Pemerintah Kabupaten Sintetis\nsasaran:\n  - kode: S1\n    uraian: Sasaran 1\nopd:\n"]
    for i, name in enumerate(names):
        lines.append(f"  - kode: opd-{i:02d}\n    nama: Dinas Sintetis {i:02d}\n    data: {url}/{name}\n"
                     f"    situs: https://opd-{i:02d}.sintetis.example/\n    sasaran:\n      SS1: S1\n")
    (folder / "kabupaten.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,20,40")
    ap.add_argument("--cycles", type=int, default=10)
    ap.add_argument("--units", type=int, default=8)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="rkt-bench-regency-")) if args.keep is None else args.keep
    try:
        t = time.perf_counter()
        base, today = agency_file(tmp, args.cycles, args.units)
        size = len(published.dumps(base))
        print(f"synthetic agency: {args.cycles} cycles x {args.units} units; published file {size / 1024:.0f} KiB "
              f"(made in {time.perf_counter() - t:.1f} s)", flush=True)
        httpd, names = serve(base, max(sizes))
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        totals = {}
        for n in sizes:
            root = regency(tmp / f"kabupaten-{n}", url, names[:n])
            t = time.perf_counter()
            report = build_regency(root, today=today)
            totals[n] = time.perf_counter() - t
            if not report.ok or report.engine is None or report.engine.site is None:
                print(f"regency build of {n} agencies failed: {report.problems or report.engine.unsafe}",
                      file=sys.stderr)
                return 1
            stale = sum(1 for e in report.entries if e.stale)
            pages = len(list((root / "docs").rglob("*.md")))
            print(f"{n:3d} agencies: {totals[n]:6.2f} s  (fetch {report.seconds_fetch:5.2f} s, pages "
                  f"{report.seconds_pages:5.2f} s, mkdocs {report.engine.seconds_engine:5.2f} s; {pages} pages; "
                  f"{stale} stale: down, invalid)", flush=True)
        httpd.shutdown()
        targets = []
        if 40 in totals:
            targets.append(Target("regency build, 40 agencies (wall, s)", totals[40], TARGET_SECONDS, unit="s"))
        # linear (fixed cost a, b per agency): t(kn) = a + kbn <= k t(n); a cost quadratic in the
        # agencies (every page listing every agency, for every agency) breaks it at once
        for small, large in zip(sizes, sizes[1:], strict=False):
            k = large / small
            print(f"{small} -> {large} agencies: x{totals[large] / totals[small]:.2f} time for x{k:.0f} agencies   "
                  f"[linear: <= x{k:.0f}, +1 s for noise]")
            targets.append(Target(f"time {large} / {small} agencies (linear, +1 s noise)",
                                  totals[large] / totals[small], (k * totals[small] + 1.0) / totals[small]))
        return finish("bench_regency", targets)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
