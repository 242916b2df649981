"""`rkt serve`: the dashboard on this computer, rebuilt whenever the data changes.

The server speaks for itself while it runs (site/serve.py): the Outcome carries only its exit code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.site.serve import serve


def address(addr: str, port: int | None) -> str:
    """HOST:PORT from `--addr`, its port replaced by `--port` when given."""
    return addr if port is None else f"{addr.rpartition(':')[0] or '127.0.0.1'}:{port}"


def serve_site(root: Path, today: dt.date | None, addr: str, port: int | None, engine: str) -> Outcome:
    return Outcome(code=serve(root, today, address(addr, port), engine=engine))
