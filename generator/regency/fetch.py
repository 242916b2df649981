"""Fetching every agency's published file: in parallel, bounded in time and size.

One slow, dead or hostile server must never hold up or break the regency build:
each attempt has a time limit (connect, and the whole body, not just each read),
the body a size limit (checked before and while reading), transient failures
are retried with a growing pause, and the whole gathering has a deadline after
which nothing new is started and every attempt stops.

The standard library suffices (urllib and a thread pool): the files are small,
few and fetched once a day.
"""

from __future__ import annotations

import concurrent.futures
import errno
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator import __version__
from generator.regency.config import is_loopback

UNREACHABLE = "tidak dapat dihubungi"
TIMEOUT = "waktu habis"
TOO_LARGE = "terlalu besar"
T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    timeout: float = 15.0  # seconds for one attempt: connecting and reading the whole body
    max_bytes: int = 5 * 1024 * 1024  # a 10-year agency file is ~0.2 MB
    attempts: int = 3
    backoff: float = 1.0  # pause before the second attempt, doubled before each next one
    total: float = 180.0  # the whole gathering, all agencies together
    workers: int = 16


DEFAULT_LIMITS = Limits()  # frozen: one value shared by every default argument


@dataclass(frozen=True)
class Fetched:
    body: bytes | None
    reason: str | None  # Indonesian, when body is None: starts with UNREACHABLE, TIMEOUT or TOO_LARGE
    attempts: int


class _Failure(Exception):
    def __init__(self, reason: str, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to https (a custom Pages domain), never down to plain http."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        url = urllib.parse.urlsplit(newurl)
        if url.scheme != "https" and not (url.scheme == "http" and is_loopback(url.hostname)):
            raise _Failure(f"{UNREACHABLE} (dialihkan ke alamat yang bukan https)", retry=False)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SafeRedirect)


def _read_url(url: str, limits: Limits, until: float) -> bytes:
    request = urllib.request.Request(url, headers={
        "User-Agent": f"rkt-dashboard/{__version__} (dasbor kabupaten)", "Accept": "application/json"})
    try:
        with _OPENER.open(request, timeout=max(0.1, min(limits.timeout, until - time.monotonic()))) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_bytes:
                raise _Failure(_too_large(limits), retry=False)
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > until:  # a server dripping bytes: socket timeouts never fire
                    raise _Failure(TIMEOUT, retry=True)
                chunk = resp.read1(65536)  # what has arrived: read() would wait for all 64 KiB
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > limits.max_bytes:
                    raise _Failure(_too_large(limits), retry=False)
                chunks.append(chunk)
    except urllib.error.HTTPError as exc:
        # 5xx, 408 and 429 pass; 404 and the like will not change within a minute
        raise _Failure(f"{UNREACHABLE} (HTTP {exc.code})",
                       retry=exc.code >= 500 or exc.code in (408, 429)) from None
    except urllib.error.URLError as exc:
        raise _network(exc.reason) from None
    except TimeoutError:
        raise _Failure(TIMEOUT, retry=True) from None
    except (OSError, ValueError) as exc:  # a reset connection, a malformed response
        raise _network(exc) from None


def _network(reason: object) -> _Failure:
    if isinstance(reason, _Failure):
        return reason
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _Failure(TIMEOUT, retry=True)
    if isinstance(reason, ssl.SSLError):
        return _Failure(f"{UNREACHABLE} (sertifikat atau TLS tidak sah)", retry=False)
    if isinstance(reason, socket.gaierror):
        return _Failure(f"{UNREACHABLE} (nama server tidak ditemukan)", retry=True)
    if isinstance(reason, ConnectionRefusedError) or getattr(reason, "errno", None) == errno.ECONNREFUSED:
        return _Failure(f"{UNREACHABLE} (koneksi ditolak)", retry=True)
    return _Failure(UNREACHABLE, retry=True)


def _too_large(limits: Limits) -> str:
    return f"{TOO_LARGE} (lebih dari {limits.max_bytes // (1024 * 1024)} MiB)"


def _read_path(path: Path, limits: Limits) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise _Failure(f"{UNREACHABLE} (berkas {path} tidak ada)", retry=False) from None
    except OSError as exc:
        raise _Failure(f"{UNREACHABLE} (berkas {path} tidak dapat dibaca: {exc.strerror})", retry=False) from None
    if len(data) > limits.max_bytes:
        raise _Failure(_too_large(limits), retry=False)
    return data


def fetch(source: str, base: Path, limits: Limits, deadline: float) -> Fetched:
    """One agency's file from `source` (URL, or path relative to `base`), retried while it may help."""
    attempt, pause = 0, limits.backoff
    while True:
        attempt += 1
        start = time.monotonic()
        if start >= deadline:
            return Fetched(None, f"{TIMEOUT} (batas waktu seluruh pengambilan terlampaui)", attempt - 1)
        try:
            if "://" in source:
                body = _read_url(source, limits, min(start + limits.timeout, deadline))
            else:
                body = _read_path(base / source, limits)
            return Fetched(body, None, attempt)
        except _Failure as failure:
            if not failure.retry or attempt >= limits.attempts or time.monotonic() + pause >= deadline:
                return Fetched(None, failure.reason, attempt)
        time.sleep(pause)
        pause *= 2


def fetch_all(sources: Mapping[str, str], base: Path, limits: Limits,
              then: Callable[[str, Fetched], T]) -> dict[str, T]:
    """Every source at once (key -> address), each result under its key; never raises for a source.
    `then(key, fetched)` runs in the worker as soon as that source is in (checking one file
    overlaps with waiting for the slow ones); its result is kept instead of the Fetched."""
    deadline = time.monotonic() + limits.total

    def one(key: str, source: str) -> T:
        return then(key, fetch(source, base, limits, deadline))

    if not sources:
        return {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(limits.workers, len(sources))) as pool:
        futures = {key: pool.submit(one, key, src) for key, src in sources.items()}
        return {key: future.result() for key, future in futures.items()}
