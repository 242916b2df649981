"""`rkt build`: check the data, write the pages, build the site; and what the user reads of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generator.check import report
from generator.commands.outcome import Outcome
from generator.plan.derive import BuildError
from generator.site.build import BuildReport, build
from generator.site.publish import SiteRefused


def build_site(root: Path, today: dt.date | None, site: Path | None, force: bool, engine: str,
               on_wait: Callable[[str], None]) -> Outcome:
    try:
        rep = build(root, today=today, site=site, force=force, on_wait=on_wait, engine=engine)
    except SiteRefused as exc:
        return Outcome.failed(f"rkt: kesalahan: {exc}\n", 2)
    except BuildError as exc:
        return Outcome.failed(f"rkt: {exc}\n", 1)
    if not rep.ok:
        assert rep.result is not None
        return Outcome(report.text(list(rep.result.problems), rep.result.files_checked) +
                       "Dasbor tidak dibangun karena data masih salah. Perbaiki kesalahan di atas, lalu jalankan "
                       "lagi.\n", code=1)
    if rep.unsafe:
        return Outcome.failed("".join(f"rkt: tidak aman: {finding}\n" for finding in rep.unsafe) +
                              "rkt: situs tidak diterbitkan karena pemeriksaan keamanan gagal; situs lama tidak "
                              "diubah\n", 1)
    return Outcome.done(built(rep))


def built(rep: BuildReport) -> str:
    """What a finished build says: warnings, notes about the site folder, pages and charts, where it is."""
    g, w = rep.generated, rep.stats
    assert g is not None and w is not None and rep.site is not None
    lines = [f"Peringatan: {warning}" for warning in g.warnings]
    lines += [f"Perhatian: {note}" for note in rep.notes]
    if rep.result is None:
        lines.append(f"Data tidak berubah sejak pembangunan terakhir: {w.unchanged} halaman tetap.")
    else:
        lines.append(f"Halaman: {len(w.written)} ditulis, {w.unchanged} tidak berubah, {len(w.removed)} dihapus; "
                     f"grafik: {g.charts_drawn} digambar, {g.charts_reused} dari cache.")
    index = (rep.site / "index.html").resolve()
    lines.append(f"Dasbor selesai dibangun ({rep.seconds_generate:.1f} s + {rep.engine} {rep.seconds_engine:.1f} s): "
                 f"{index}")
    return "".join(f"{line}\n" for line in lines)
