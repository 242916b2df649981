"""`rkt kabupaten init FOLDER` and `rkt kabupaten build`: the regency view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generator.check import report
from generator.commands.init import refusal, write_all
from generator.commands.outcome import Outcome


def init(target: Path, name: str | None) -> Outcome:
    from generator.regency import init as regency_init
    from generator.scaffold.init import InitError, flag_problem

    problem = flag_problem("--nama", name)
    if problem:
        return Outcome.failed(f"rkt: {problem}\n", 2)
    refused = refusal(target)
    if refused:
        return Outcome.failed(refused, 2)
    try:
        files = regency_init.files(name)
    except InitError as exc:
        return Outcome.failed(f"rkt: {exc}\n", 2)
    failure = write_all(target, files)
    if failure:
        return Outcome.failed(failure, 2)
    return Outcome.done(
        f"Repositori dasbor kabupaten dibuat di {target} ({len(files)} berkas). Langkah berikutnya:\n"
        f"  1. Tulis setiap OPD di {target / 'kabupaten.yaml'}: kode, nama, alamat data/rkt.json dasbornya.\n"
        f"  2. Bangun dasbor: rkt -C {target} kabupaten build\n"
        f"  3. Unggah ke GitHub dan pilih GitHub Actions di Settings → Pages (lihat README.md).\n")


def build(root: Path, today: dt.date | None, site: Path | None, force: bool, engine: str,
          on_wait: Callable[[str], None] | None = None) -> Outcome:
    from generator.plan.derive import BuildError
    from generator.regency.build import build as build_regency
    from generator.regency.config import FILE
    from generator.site.publish import SiteRefused

    if not (root / FILE).is_file():
        return Outcome.failed(f"rkt: kesalahan: {root} bukan repositori dasbor kabupaten ({FILE} tidak ada); buat "
                              f"dengan 'rkt kabupaten init FOLDER', atau jalankan di folder repositori itu "
                              f"(-C FOLDER)\n", 2)
    try:
        rep = build_regency(root, today=today, site=site, force=force, engine=engine, on_wait=on_wait)
    except SiteRefused as exc:
        return Outcome.failed(f"rkt: kesalahan: {exc}\n", 2)
    except BuildError as exc:
        return Outcome.failed(f"rkt: {exc}\n", 1)
    if rep.problems:
        return Outcome.failed(report.text(rep.problems, 1) +
                              "Dasbor kabupaten tidak dibangun karena kabupaten.yaml masih salah.\n", 1)
    lines = []
    for e in rep.entries:
        if e.warning:  # fetched text may be in the reason: shown, never acted on by the terminal
            lines.append(report.visible(f"Perhatian: {e.agency.name} ({e.agency.code}): {e.warning}"))
    engine_report = rep.engine
    assert engine_report is not None
    if engine_report.unsafe:
        lines += [f"rkt: tidak aman: {f}" for f in engine_report.unsafe]
        lines.append("rkt: situs tidak diterbitkan karena pemeriksaan keamanan gagal; situs lama tidak diubah")
        return Outcome.failed("\n".join(lines) + "\n", 1)
    lines += [f"Perhatian: {note}" for note in engine_report.notes + rep.notes]
    fresh = sum(1 for e in rep.entries if not e.stale)
    assert engine_report.site is not None
    lines.append(f"Data OPD: {fresh} dari {len(rep.entries)} terbaru (diambil dalam {rep.seconds_fetch:.1f} s).")
    lines.append(f"Dasbor kabupaten selesai dibangun (halaman {rep.seconds_pages:.1f} s + "
                 f"{engine_report.engine} {engine_report.seconds_engine:.1f} s): "
                 f"{(engine_report.site / 'index.html').resolve()}")
    return Outcome.done("\n".join(lines) + "\n")
