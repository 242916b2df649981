"""`rkt serve`: a change saved in cycles/ reaches the served page without a restart; the
server is built from all of docs/ as a fresh clone has it; when it cannot run, it says why."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys

import pytest
from conftest import ROOT
from support.http import fetch, free_port, wait_for
from support.repos import add_guide, repo_copy

pytestmark = pytest.mark.git


def serve(repo, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "-C", str(repo), "serve", "--today", "2026-11-28",
                             "--addr", f"127.0.0.1:{port}"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def make_serve(repo, port: int) -> subprocess.Popen:
    """`make serve PORT=N` as README gives it, with this test run's installed environment as .venv."""
    shutil.copy(ROOT / "Makefile", repo / "Makefile")
    # -o: never reinstall into this environment from the copy, whatever the files' times say
    return subprocess.Popen(["make", "--no-print-directory", "serve", f"PORT={port}", f"VENV={sys.prefix}",
                             "-o", f"{sys.prefix}/.installed-stamp"],
                            cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1795838400"})  # 2026-11-28


@pytest.mark.site
def test_saving_an_event_updates_the_served_cycle_page(tmp_path):
    repo = repo_copy(tmp_path)  # all of docs/, as `make serve` on a fresh clone sees it
    port = free_port()
    proc = serve(repo, port)
    try:
        url = f"http://127.0.0.1:{port}/siklus/2027.html"
        wait_for(lambda: "Siklus RKT 2027" in fetch(url), proc)
        cycle = repo / "cycles/2027/cycle.yaml"
        cycle.write_text(cycle.read_text() + "  - langkah: 6\n    tanggal: 2026-11-27\n"
                         "    oleh: staf-perencanaan-1\n    catatan: Kompilasi sementara tiga unit\n")
        wait_for(lambda: "Kompilasi sementara tiga unit" in fetch(url), proc)
    finally:
        with contextlib.suppress(ProcessLookupError):  # already gone when the test failed
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    assert proc.returncode == 0  # stopped by the user: not a failure
    # the second regeneration rewrote only what the new event changed
    rewrites = re.findall(r"Halaman diperbarui: (\d+) ditulis, (\d+) tidak berubah", proc.stdout.read())
    assert len(rewrites) >= 2 and int(rewrites[-1][0]) >= 1 and int(rewrites[-1][1]) >= 1


@pytest.mark.site
def test_make_serve_takes_the_port_as_readme_says(tmp_path):
    repo = repo_copy(tmp_path)
    port = free_port()
    proc = make_serve(repo, port)
    try:
        page = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"), proc)
        assert "Langkah" in page
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C in the terminal
        out = proc.communicate(timeout=15)[0]
    assert f"--port {port}" in out and f"Dasbor tersedia di http://127.0.0.1:{port}/" in out


@pytest.mark.site
def test_serve_fails_when_the_server_stops_by_itself(tmp_path):
    repo = repo_copy(tmp_path)
    add_guide(repo, "# Panduan X\n\nLihat [halaman yang hilang](tidak-ada.md).\n")  # strict: MkDocs aborts
    proc = serve(repo, free_port())
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1, out
    assert "contains a link 'tidak-ada.md'" in out
    assert "rkt: server MkDocs berhenti sendiri" in out


def test_an_occupied_port_is_explained_not_a_traceback(tmp_path):
    repo = repo_copy(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), "serve", "--port", str(port)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"rkt: kesalahan: alamat 127.0.0.1:{port} sudah dipakai program lain" in proc.stderr
    assert f"--port {port + 1} (make serve PORT={port + 1})" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("port", ["0", "65536", "delapan", "-1"])
def test_a_port_that_is_not_a_port_number_is_refused_in_indonesian(port):
    proc = subprocess.run([sys.executable, "-m", "generator", "serve", "--port", port], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "bukan nomor port" in proc.stderr and "Traceback" not in proc.stderr
