"""Guards that once could be broken with the whole suite staying green (issue 20, point 7): each
test here fails when its guard is removed.

- A formula typed behind a space (or a tab, or a no-break space) is still a formula: `rkt import` and
  `rkt import-renstra` refuse it naming the cell, and write nothing (spreadsheets/cells.py `refusal`).
- The regency fetch follows a redirect only to https (or to this computer): a redirect down to plain
  http is refused with its Indonesian reason and its body is never taken (regency/fetch.py)."""

from __future__ import annotations

import functools
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_example
from openpyxl import load_workbook
from support.cli import rkt_here as rkt
from support.http import ClosingServer, QuietHandler

from generator.regency.fetch import Limits, fetch

FORMS = "cycles/2027/forms"
# what a clerk's copy-and-paste leaves in front of a formula typed as text
SPACES = [" ", "  ", "\t", "\u00a0"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "repo")


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- a formula behind a space ----------------------------------------------------------------------

@pytest.mark.parametrize("space", SPACES, ids=["space", "two-spaces", "tab", "no-break-space"])
def test_a_formula_behind_a_space_is_refused_by_the_form_import(repo, capsys, space):
    path = repo.parent / "ppik.xlsx"
    code, out = rkt(capsys, repo, "form-template", "2027", "ppik", "--out", str(path))
    assert code == 0, out
    wb = load_workbook(path)
    for sheet, cell, formula in (("Kinerja", "G2", "=0,7"), ("Program", "C4", '=HYPERLINK("http://x.example","RKT")')):
        wb[sheet][cell] = space + formula
        wb[sheet][cell].data_type = "s"  # stored as text, as Excel keeps "  =..." typed by hand
    wb.save(path)
    before = files(repo / FORMS)
    code, out = rkt(capsys, repo, "import", "2027", "ppik", str(path))
    assert code == 1, out
    assert "ppik.xlsx:Kinerja!G2: sel berisi rumus" in out and "ppik.xlsx:Program!C4: sel berisi rumus" in out
    assert files(repo / FORMS) == before  # nothing written


@pytest.mark.parametrize("space", SPACES[:1] + SPACES[2:], ids=["space", "tab", "no-break-space"])
def test_a_formula_behind_a_space_is_refused_by_the_renstra_import(repo, capsys, space):
    book = repo.parent / "renstra.xlsx"
    code, out = rkt(capsys, repo, "renstra-template", "--out", str(book))
    assert code == 0, out
    wb = load_workbook(book)
    ws = wb["Indikator"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=5).value == "SS2.1")
    ws.cell(row=row, column=4).value = space + '=CONCAT("Meningkatnya ", "kompetensi ASN")'
    wb.save(book)
    before = (repo / "cycles/renstra.yaml").read_bytes()
    code, out = rkt(capsys, repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert code == 1, out
    assert f"renstra.xlsx:Indikator!D{row}: sel berisi rumus; rumus tidak dibaca" in out
    assert (repo / "cycles/renstra.yaml").read_bytes() == before


# --- the regency fetch: redirects only to https ----------------------------------------------------

AGENCY_HOST = "opd.balangankab.example"  # not this computer: its plain http is anyone's to change


class Redirecting(QuietHandler):
    """Serves the folder; /pindah answers 302 to `self.server.target` and each path asked is noted."""

    def do_GET(self) -> None:
        self.server.asked.append(self.path)  # type: ignore[attr-defined]
        if self.path == "/pindah":
            self.send_response(302)
            self.send_header("Location", self.server.target)  # type: ignore[attr-defined]
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def redirecting(tmp_path: Path, monkeypatch) -> Iterator[ClosingServer]:
    """A loopback server for the folder `tmp_path` (holding rkt.json), reachable too as AGENCY_HOST:
    the name resolves to it, so a followed plain-http redirect would really get the file."""
    (tmp_path / "rkt.json").write_text('{"versi_skema": 1}', encoding="utf-8")
    httpd = ClosingServer(("127.0.0.1", 0), functools.partial(Redirecting, directory=str(tmp_path)))
    httpd.asked = []  # type: ignore[attr-defined]
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        return real("127.0.0.1" if host == AGENCY_HOST else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def _fetch(httpd: ClosingServer, target: str, base: Path):
    httpd.target = target  # type: ignore[attr-defined]
    limits = Limits(timeout=3.0, attempts=1, backoff=0.05, total=10.0)
    return fetch(f"http://127.0.0.1:{httpd.server_address[1]}/pindah", base, limits, time.monotonic() + 10)


def test_a_redirect_down_to_plain_http_is_refused_and_its_body_never_taken(redirecting, tmp_path):
    port = redirecting.server_address[1]
    got = _fetch(redirecting, f"http://{AGENCY_HOST}:{port}/rkt.json", tmp_path)
    assert (got.body, got.reason, got.attempts) == (
        None, "tidak dapat dihubungi (dialihkan ke alamat yang bukan https)", 1)  # not retried
    assert redirecting.asked == ["/pindah"]  # the plain-http address was never asked


def test_a_redirect_within_this_computer_is_followed(redirecting, tmp_path):
    """The guard refuses plain http, not redirects: a local preview (http on 127.0.0.1) is followed."""
    got = _fetch(redirecting, f"http://127.0.0.1:{redirecting.server_address[1]}/rkt.json", tmp_path)
    assert (got.body, got.reason) == (b'{"versi_skema": 1}', None)
    assert redirecting.asked == ["/pindah", "/rkt.json"]
