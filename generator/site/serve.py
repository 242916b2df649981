"""`rkt serve`: the dashboard on this computer, regenerated when the data changes.

The engine's server (`mkdocs serve`, or `zensical serve` with `--engine zensical`)
watches docs/ and reloads the browser; this loop watches cycles/
and schemas/ and regenerates docs/ (only changed files are rewritten, so the
browser reloads only when a page really changed).

When the server stops by itself (a port taken, a warning in strict mode, a crash)
`rkt serve` says so and exits non-zero: a dashboard that is not served is a failure.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from generator.check import report
from generator.plan.derive import BuildError
from generator.site.build import build
from generator.site.engines import DEFAULT_ENGINE, ENGINE_NAMES, engine_missing, zensical_config
from generator.site.workfolders import INSIDE, ZENSICAL_SERVER, work_folder
from generator.source import cache


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


def address_problem(addr: str) -> str | None:
    """Why the server cannot listen on `addr` (Indonesian), checked before MkDocs spends
    seconds building only to die with a traceback; None when it can."""
    host, _, port_text = addr.rpartition(":")
    host = host.strip("[]")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return f"alamat '{addr}' tidak sah; tulis HOST:PORT, misalnya 127.0.0.1:8000"
    try:
        family, kind, proto, _, sockaddr = socket.getaddrinfo(host, int(port_text), type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        return f"nama host '{host}' pada alamat '{addr}' tidak dikenal di komputer ini"
    with socket.socket(family, kind, proto) as probe:
        if os.name != "nt":  # as MkDocs' own server does; on Windows this option means "share the port"
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(sockaddr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"alamat {addr} sudah dipakai program lain (mungkin 'rkt serve' yang masih berjalan). "
                        f"Hentikan program itu, atau pakai port lain, misalnya --port {int(port_text) + 1} "
                        f"(make serve PORT={int(port_text) + 1})")
            return f"alamat {addr} tidak dapat dipakai di komputer ini ({exc.strerror})"
    return None


def server_command(root: Path, addr: str, engine: str, stack: contextlib.ExitStack) -> list[str]:
    """The engine's live server; what it needs for the while is undone by `stack`."""
    if engine == "zensical":
        # Zensical's server empties and fills its site folder (MkDocs' serves from a temporary
        # one): give it a folder of its own, never site/. Its --strict is "currently unsupported":
        # warnings are shown in its output but do not stop it.
        # a work folder: removed when the server stops, by the next build if the server was killed
        folder = stack.enter_context(work_folder(cache.folder(root), ZENSICAL_SERVER)) / INSIDE
        config = stack.enter_context(zensical_config(root, folder))
        return [sys.executable, "-m", "zensical", "serve", "--dev-addr", addr, "--config-file", str(config)]
    return [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", addr, "--config-file", str(root / "mkdocs.yml")]


def serve(root: Path, today: dt.date | None, addr: str, interval: float = 1.0, engine: str = DEFAULT_ENGINE) -> int:
    """Serve until Ctrl+C (0), or until the server stops by itself (1), or 2 when it cannot start."""
    problem = address_problem(addr) or engine_missing(engine)
    if problem:
        print(f"rkt: kesalahan: {problem}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop)
    regenerate(root, today)
    with contextlib.ExitStack() as stack:
        code = _run_server(root, today, server_command(root, addr, engine, stack), addr, interval)
    if code is None:
        return 0
    print(f"rkt: server {ENGINE_NAMES[engine]} berhenti sendiri (kode {code}); lihat pesannya di atas. Dasbor tidak "
          f"lagi ditampilkan: perbaiki penyebabnya, lalu jalankan 'rkt serve' lagi.", file=sys.stderr)
    return 1


def _run_server(root: Path, today: dt.date | None, command: list[str], addr: str, interval: float) -> int | None:
    """Run the server, regenerating on change; its exit code when it stopped by itself, None on Ctrl+C."""
    # NO_MKDOCS_2_WARNING: Material's English end-of-life banner
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    proc = subprocess.Popen(command, cwd=root, env=env)
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
        return None
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return proc.returncode
