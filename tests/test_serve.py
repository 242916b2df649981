"""`rkt serve`: a change saved in cycles/ reaches the served page without a restart."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT
from test_build import site_copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_saving_an_event_updates_the_served_cycle_page(tmp_path):
    repo = site_copy(tmp_path)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(repo), "serve", "--today", "2026-11-28",
                             "--addr", f"127.0.0.1:{port}"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/siklus/2027.html"
        wait_for(lambda: "Siklus RKT 2027" in fetch(url))
        cycle = repo / "cycles/2027/cycle.yaml"
        cycle.write_text(cycle.read_text() + "  - langkah: 6\n    tanggal: 2026-11-27\n"
                         "    oleh: staf-perencanaan-1\n    catatan: Kompilasi sementara tiga unit\n")
        wait_for(lambda: "Kompilasi sementara tiga unit" in fetch(url))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    assert "Dasbor tersedia di" in proc.stdout.read()
