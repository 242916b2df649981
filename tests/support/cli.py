"""The `rkt` command line as a separate process, as a person runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.repos import ROOT


def rkt(repo: Path, *args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`rkt -C repo args...` with this run's Python, from the project's folder (or `cwd`, where a command
    that is not told where to write puts its file)."""
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True,
                          text=True, cwd=cwd, env=env)


def rkt_here(capsys, repo: Path, *args: str) -> tuple[int, str]:
    """`rkt -C repo args...` in this process (fast; `capsys` catches what it prints): exit code and output."""
    from generator.cli import main

    code = main(["-C", str(repo), *args])
    out = capsys.readouterr()
    return code, out.out + out.err
