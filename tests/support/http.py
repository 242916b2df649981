"""HTTP on this machine for the tests: a free port, a page fetched, a built site served, and waiting
for a server that another process runs."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(predicate: Callable[[], Any], proc: subprocess.Popen, seconds: float = 60.0) -> Any:
    """The first true value of `predicate`, asked every 0.3 s while `proc` (rkt serve) runs."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            output = proc.stdout.read() if proc.stdout is not None else ""
            raise AssertionError(f"rkt serve ended with code {proc.returncode}:\n{output}")
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request (the test output stays readable)."""

    # a connection opened and left idle (a browser's preconnect) ends instead of waiting forever
    timeout = 2

    def log_message(self, *args: Any) -> None:
        pass


class ClosingServer(http.server.ThreadingHTTPServer):
    """A local server whose close waits for every request thread it started: a test leaves no
    thread behind (the build's forked workers refuse to start beside another thread)."""

    daemon_threads = False
    block_on_close = True


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1 at a free port, as a static host serves a built site: yields its address."""
    httpd = ClosingServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
