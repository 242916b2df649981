"""Synthetic repositories and measuring helpers shared by the benchmarks.

Everything here is self-contained (the benchmarks never import from tests/): a
regency-scale repository built from the example's agency.yaml and sop.yaml, forms of
any size, a minimal signed scan, best-of-N timing of in-process calls and of
subprocesses (start-up and imports included), the machine's load, and the one
summary line every benchmark prints for `make bench`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_YEAR = 2030

# a whole cycle, with one rejection round (steps 8/9); `prev` is the year before the plan's
RUN = (
    (1, "11-02", "kaban", ""), (2, "11-03", "kasubbag-perencanaan", ""), (3, "11-04", "kasubbag-perencanaan", ""),
    (6, "11-16", "staf-perencanaan-1", ""), (7, "11-19", "staf-perencanaan-1", ""),
    (8, "11-26", "staf-perencanaan-2", ""), (9, "11-27", "sekretaris", "    keputusan: tidak\n    catatan: Revisi\n"),
    (8, "12-02", "staf-perencanaan-2", ""), (9, "12-03", "sekretaris", "    keputusan: ya\n"),
    (10, "12-04", "kaban", "    keputusan: ya\n"), (11, "12-07", "staf-perencanaan-1", ""))


def events(upto: int | None = None) -> str:
    """The event log of RUN (its first `upto` entries), with `{prev}` for the year."""
    return "".join(f"  - langkah: {n}\n    tanggal: {{prev}}-{d}\n    oleh: {who}\n{extra}"
                   for n, d, who, extra in RUN[:upto])


EVENTS = events()


def write_reference(repo: Path, years: list[int], units_per_year: int,
                    events_of: Callable[[int], str] | str | None = None) -> list[str]:
    """schemas/, agency/sop/renstra and one cycle.yaml per year; returns the synthetic unit codes.
    `events_of`: the event log of every cycle (text with `{prev}`), or a function of the year."""
    shutil.copytree(ROOT / "schemas", repo / "schemas")
    cycles = repo / "cycles"
    cycles.mkdir(parents=True)
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
                           "        target:\n" + "".join(f"          {y}: \"90%\"\n" for y in years))
    # one indicator of its own per unit (SS5.<n>): what its Rencana Aksi and quarterly reports measure
    renstra.append("  - kode: SS5\n    tujuan: T1\n    uraian: Sasaran unit\n    indikator:\n")
    for i, u in enumerate(units):
        renstra.append(f"      - kode: SS5.{i + 1}\n        uraian: Indikator unit {u}\n        satuan: \"%\"\n"
                       f"        unit: [{u}]\n        target:\n" + "".join(f"          {y}: \"90%\"\n" for y in years))
    (cycles / "renstra.yaml").write_text("".join(renstra), encoding="utf-8")
    for year in years:
        log = events_of(year) if callable(events_of) else events_of
        (cycles / str(year) / "forms").mkdir(parents=True)
        (cycles / str(year) / "cycle.yaml").write_text(
            "# yaml-language-server: $schema=../../schemas/cycle.schema.json\n"
            f"tahun: {year}\nmulai: {year - 1}-11-02\ntanggal_dari_git: false\nunit_wajib: [{', '.join(units)}]\n"
            f"peristiwa:\n" + (log or "  - langkah: 1\n    tanggal: {prev}-11-02\n    oleh: kaban\n").format(
                prev=year - 1),
            encoding="utf-8")
    return units


def form_text(year: int, unit: str, rows: int) -> str:
    """A schema-valid form of `rows` sub kegiatan (ten per kegiatan)."""
    lines = ["# yaml-language-server: $schema=../../../schemas/form.schema.json\n",
             f"tahun: {year}\nunit: {unit}\ntanggal: {year - 1}-11-06\npenyusun: Operator {unit}\n",
             "kinerja:\n"]
    for s in range(1, 3):
        lines.append(f"  - sasaran: SS{s}\n    indikator:\n")
        for i in range(1, 4):
            lines.append(f"      - kode: SS{s}.{i}\n        target: \"{85 + i}%\"\n")
    lines.append(f"  - sasaran: SS5\n    indikator:\n      - kode: SS5.{_index(unit) + 1}\n        target: \"90%\"\n")
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


def _index(unit: str) -> int:
    return int(unit.rsplit("-", 1)[1])


def renaksi_text(year: int, unit: str) -> str:
    """A unit's Rencana Aksi: its own indicator, 90% every quarter (the year's target, `terakhir`)."""
    return ("# yaml-language-server: $schema=../../../schemas/renaksi.schema.json\n"
            f"tahun: {year}\nunit: {unit}\ntanggal: {year}-01-12\nindikator:\n"
            f"  - kode: SS5.{_index(unit) + 1}\n    target_triwulan: [\"90%\", \"90%\", \"90%\", \"90%\"]\n"
            f"    penanggung_jawab: p-{unit}\n    kegiatan: [\"5.03.02.2.01\"]\n"
            "    aksi:\n      - uraian: Pelaksanaan kegiatan sesuai jadwal\n        triwulan: [1, 2, 3, 4]\n")


def report_text(year: int, quarter: int, unit: str, rows: int) -> str:
    """A unit's quarterly report: its indicator's realisation with the unit's words on it, and the
    quarter's spending on every sub kegiatan of its form (a fifth of each pagu)."""
    lines = ["# yaml-language-server: $schema=../../../../schemas/laporan.schema.json\n",
             f"tahun: {year}\ntriwulan: {quarter}\nunit: {unit}\ntanggal: {year + (quarter == 4)}-"
             f"{(quarter * 3) % 12 + 1:02d}-08\nrealisasi:\n",
             f"  - kode: SS5.{_index(unit) + 1}\n    realisasi: \"{88 + quarter}%\"\n"
             "    faktor_pendorong: Kegiatan berjalan sesuai jadwal\n"
             "    faktor_penghambat: Sebagian data perangkat daerah terlambat masuk\n"
             "    tindak_lanjut: Pendampingan pengelola kepegawaian\n", "anggaran:\n"]
    per = 10
    for n in range(rows):
        k, j = divmod(n, per)
        lines.append(f"  - kode: \"5.03.02.2.{k + 1:02d}.{j + 1:04d}\"\n    realisasi: {(j + 1) * 2_500_000}\n")
    return "".join(lines)


def write_measured(repo: Path, year: int, unit: str, rows: int, quarters: int = 4) -> list[Path]:
    """The unit's Rencana Aksi and its reports of the first `quarters` quarters of `year`."""
    folder = repo / "cycles" / str(year)
    paths = [folder / "renaksi" / f"{unit}.yaml"]
    paths += [folder / "laporan" / f"tw{q}" / f"{unit}.yaml" for q in range(1, quarters + 1)]
    for q, path in enumerate(paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(renaksi_text(year, unit) if q == 0 else report_text(year, q, unit, rows), encoding="utf-8")
    return paths


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page, valid, deterministic PDF (a stand-in for a signed scan)."""
    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = ["BT", "/F1 28 Tf", "72 760 Td"]
    for i, line in enumerate(lines):
        body += (["0 -40 Td"] if i else []) + [f"({esc(line)}) Tj"]
    stream = "\n".join(body + ["ET"]).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write_signed(repo: Path, year: int) -> None:
    """Version 1 of the year's signed plan, with a scan that verifies."""
    signed = repo / f"cycles/{year}/signed"
    signed.mkdir()
    scan = minimal_pdf(["CONTOH", f"RKT {year}"])
    (signed / f"rkt-{year}-v1.pdf").write_bytes(scan)
    (signed / f"rkt-{year}-v1.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/signed.schema.json\n"
        f"tahun: {year}\nversi: 1\ntanggal: {year - 1}-12-04\npenandatangan:\n  jabatan: Kepala Badan\n"
        f"  nama: Kepala\n  nip: \"197005141993031007\"\nberkas: rkt-{year}-v1.pdf\n"
        f"sha256: {hashlib.sha256(scan).hexdigest()}\ncommit: {'0' * 40}\n", encoding="utf-8")


def write_signed_agreements(repo: Path, years: list[int], today: dt.date) -> None:
    """Version 1 of each year's signed Perjanjian Kinerja, signed from its signed plan as it is (its
    content fingerprint recorded, as `rkt sign --document pk` records it): as an agency has its PK of
    every past year signed, a finished year's PK is its scan."""
    from generator.check.validate import validate
    from generator.plan import fingerprint
    from generator.plan.derive import derive

    result = validate(repo, today=today)
    compiled = derive(repo, result.repository, today).compiled
    for year in years:
        scan = minimal_pdf(["CONTOH", f"PK {year}"])
        signed = repo / f"cycles/{year}/signed"
        (signed / f"pk-{year}-v1.pdf").write_bytes(scan)
        (signed / f"pk-{year}-v1.yaml").write_text(
            "# yaml-language-server: $schema=../../../schemas/signed.schema.json\n"
            f"tahun: {year}\nversi: 1\ntanggal: {year}-01-06\npenandatangan:\n  jabatan: Kepala Badan\n"
            f"  nama: Kepala\n  nip: \"197005141993031007\"\nberkas: pk-{year}-v1.pdf\n"
            f"sha256: {hashlib.sha256(scan).hexdigest()}\ncommit: {'0' * 40}\n"
            f"sidik_isi: {fingerprint.fingerprint(compiled[year])}\nversi_sidik: {fingerprint.VERSION}\n",
            encoding="utf-8")


@dataclass(frozen=True)
class Regency:
    """A dashboard repository: `cycles` plans, the last one still running on `today`."""

    years: tuple[int, ...]
    units: tuple[str, ...]
    today: dt.date


# the running cycle's log stops after step 7 (11-19): today is the day after
RUNNING_EVENTS = 5
RUNNING_TODAY = "11-20"


def generate_regency(repo: Path, cycles: int, units: int, rows: int, running: bool = True) -> Regency:
    """10 x 8 x 40 by default (bench_build): every cycle but the last finished and signed; the
    last one running (`running`), as on any day of the year a plan is being prepared, or finished
    as well (`running=False`, the scenario of earlier measurements)."""
    years = [FIRST_YEAR + i for i in range(cycles)]
    last = years[-1]
    log = (lambda y: events(RUNNING_EVENTS if y == last else None)) if running else EVENTS
    codes = write_reference(repo, years, units, log)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "docs/panduan", repo / "docs/panduan")
    shutil.copytree(ROOT / "docs/css", repo / "docs/css")
    for extra in ("js", "vendor"):  # the form page's script and its libraries, when the project has them
        if (ROOT / "docs" / extra).is_dir():
            shutil.copytree(ROOT / "docs" / extra, repo / "docs" / extra)
    today = dt.date(last - 1, *map(int, RUNNING_TODAY.split("-"))) if running else dt.date(last + 1, 1, 15)
    for year in years:
        for unit in codes:
            (repo / f"cycles/{year}/forms/{unit}.yaml").write_text(form_text(year, unit, rows), encoding="utf-8")
        if not (running and year == last):
            write_signed(repo, year)
            # the measured year of every signed plan: the quarters that have ended by `today`
            ended = 4 if year < today.year else (today.month - 1) // 3
            for unit in codes:
                write_measured(repo, year, unit, rows, ended)
    write_signed_agreements(repo, [y for y in years if not (running and y == last)], today)
    return Regency(tuple(years), tuple(codes), today)


# --- measuring --------------------------------------------------------------

def load_average() -> str:
    """The 1-minute load average and the cores: figures taken on a busy machine say so."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load {one:.1f}/{five:.1f} (1/5 min) on {os.cpu_count()} cores"


@dataclass(frozen=True)
class Timing:
    wall: float  # best of N
    cpu: float  # CPU seconds of the best run (children included for subprocesses)
    runs: tuple[float, ...]


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (and theirs); 0 where unknown (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _self_cpu() -> float:
    return time.process_time()


def time_call(fn: Callable[[], object], cpu: Callable[[], float] = _self_cpu) -> tuple[float, float, object]:
    c, t = cpu(), time.perf_counter()
    value = fn()
    return time.perf_counter() - t, cpu() - c, value


def run(cmd: Sequence[str], check: bool = True, **kw) -> tuple[float, float, subprocess.CompletedProcess]:
    """One subprocess: wall seconds, its CPU seconds (with its own children), the result."""
    def call():
        return subprocess.run(list(cmd), capture_output=True, text=True, **kw)

    wall, cpu, proc = time_call(call, _children_cpu)
    if check and proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n"
                         f"{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}")
    return wall, cpu, proc


def best(samples: list[tuple[float, float]]) -> Timing:
    wall, cpu = min(samples)
    return Timing(wall, cpu, tuple(s[0] for s in samples))


# --- the summary ------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    name: str
    value: float
    limit: float
    at_most: bool = True  # value <= limit; False: value >= limit
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.value <= self.limit if self.at_most else self.value >= self.limit

    def line(self) -> str:
        sign = "<=" if self.at_most else ">="
        return (f"  {'ok  ' if self.met else 'MISS'}  {self.name:<52} {self.value:8.2f} {self.unit:<2} "
                f"(target {sign} {self.limit:g} {self.unit})")


def finish(bench: str, targets: list[Target]) -> int:
    """Print the targets (one line each, parsed by run_all.py) and the exit code: 1 on any miss."""
    print(f"[{bench}] {load_average()}")
    for t in targets:
        print(f"RESULT {bench} | {t.line()}")
    return 0 if all(t.met for t in targets) else 1


def python_in(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def script_in(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def tool(name: str) -> str:
    """A console script of the running interpreter's environment (or PATH)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)
