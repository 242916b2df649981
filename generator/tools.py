"""Commands that read the repository and write one file: export, templates, import, sign.

Each returns (message for the user, exit code); the CLI only prints it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import export, report
from .build import BuildError, derive
from .calendar import today as today_in
from .validate import Result, validate


def _valid(root: Path, today: dt.date | None) -> tuple[Result, dt.date] | str:
    result = validate(root, today=today)
    if not result.ok:
        return report.text(list(result.problems), result.files_checked) + \
            "Perintah dibatalkan karena data masih salah. Perbaiki kesalahan di atas, lalu jalankan lagi.\n"
    repo = result.repository
    return result, today_in(repo.agency.timezone if repo.agency else "Asia/Makassar", today)


def export_year(root: Path, year: int, fmt_name: str, out: Path | None, today: dt.date | None) -> tuple[str, int]:
    checked = _valid(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    try:
        d = derive(root, result, day)
    except BuildError as exc:
        return f"rkt: {exc}\n", 1
    if year not in d.compiled:
        years = ", ".join(str(y) for y in sorted(d.compiled)) or "belum ada"
        return f"rkt: siklus {year} tidak ada (yang ada: {years})\n", 2
    rkt = d.compiled[year]
    source = export.Source(export.source_commit(root, year), export.fingerprint(rkt))
    data = export.render(fmt_name, rkt, result.repository.agency, source, day)
    target = out or Path(f"rkt-{year}.{fmt_name}")
    target.write_bytes(data)
    missing = f" Perhatian: {len(rkt.missing)} unit belum menyerahkan form." if rkt.missing else ""
    return (f"RKT {year} ditulis ke {target} ({len(data):,} byte; sidik isi {source.fingerprint[:16]}).{missing}\n"
            .replace(",", ".")), 0
