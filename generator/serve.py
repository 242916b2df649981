"""`rkt serve`: the dashboard on this computer, regenerated when the data changes.

`mkdocs serve` watches docs/ and reloads the browser; this loop watches cycles/
and schemas/ and regenerates docs/ (only changed files are rewritten, so the
browser reloads only when a page really changed).
"""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import report
from .build import BuildError, build


def snapshot(root: Path) -> tuple:
    out = []
    for folder in ("cycles", "schemas"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                st = path.stat()
                out.append((path.as_posix(), st.st_mtime_ns, st.st_size))
    return tuple(out)


def regenerate(root: Path, today: dt.date | None) -> bool:
    try:
        rep = build(root, today=today, run_mkdocs=False)
    except BuildError as exc:
        print(f"rkt: {exc}", file=sys.stderr, flush=True)
        return False
    if not rep.ok:
        assert rep.result is not None
        sys.stdout.write(report.text(list(rep.result.problems), rep.result.files_checked))
        print("Halaman tidak diperbarui sampai kesalahan di atas diperbaiki.", flush=True)
        return False
    assert rep.stats is not None
    print(f"Halaman diperbarui: {len(rep.stats.written)} ditulis, {rep.stats.unchanged} tidak berubah.", flush=True)
    return True


def _stop(signum, frame):  # SIGTERM ends the server like Ctrl+C, so mkdocs is stopped too
    raise KeyboardInterrupt


def serve(root: Path, today: dt.date | None, addr: str, interval: float = 1.0) -> int:
    signal.signal(signal.SIGTERM, _stop)
    regenerate(root, today)
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", addr,
                             "--config-file", str(root / "mkdocs.yml")], cwd=root)
    print(f"Dasbor tersedia di http://{addr}/ (hentikan dengan Ctrl+C)", flush=True)
    seen = snapshot(root)
    try:
        while proc.poll() is None:
            time.sleep(interval)
            now = snapshot(root)
            if now != seen:
                seen = now
                regenerate(root, today)
    except KeyboardInterrupt:
        pass
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0
