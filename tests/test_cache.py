"""Caches key on everything their output depends on: the data, mkdocs.yml, rkt's own code
and every installed library; they live in .rkt-cache/, out of the site engines' .cache/."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from support.repos import repo_copy

from generator.site.build import build
from generator.source import cache

pytestmark = pytest.mark.git

TODAY = dt.date(2026, 11, 28)

GENERATE = ("import datetime, sys; from pathlib import Path; from generator.site.build import build; "
            "r = build(Path(sys.argv[1]), today=datetime.date(2026, 11, 28), run_mkdocs=False); "
            "print(r.result is None, r.generated.charts_drawn, r.generated.charts_reused)")


def generate_elsewhere(repo: Path, code: Path = ROOT, pythonpath: str | None = None) -> tuple[bool, int, int]:
    """One generation in a fresh process running the generator package found in `code`:
    (skipped as unchanged, charts drawn, charts reused)."""
    env = dict(os.environ, PYTHONHASHSEED="random")
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    proc = subprocess.run([sys.executable, "-c", GENERATE, str(repo)], cwd=code, capture_output=True, text=True,
                          env=env, check=True)
    skipped, drawn, reused = proc.stdout.split()
    return skipped == "True", int(drawn), int(reused)


def test_changing_mkdocs_yml_regenerates_the_pages_and_caches_stay_in_their_own_folder(tmp_path):
    repo = repo_copy(tmp_path)
    build(repo, today=TODAY, run_mkdocs=False)
    assert (repo / ".rkt-cache/generate.json").is_file() and len(list((repo / ".rkt-cache/charts").iterdir())) == 16
    assert not any((repo / ".cache" / name).exists() for name in ("charts", "exports", "generate.json"))
    # the form page links to the repository named in mkdocs.yml
    config = repo / "mkdocs.yml"
    repository = "extra:\n  repositori: https://github.com/bkpsdm/rkt\n"
    config.write_text(config.read_text().replace("extra:\n", repository, 1))
    again = build(repo, today=TODAY, run_mkdocs=False)
    assert again.result is not None  # not skipped as "unchanged"
    assert "https://github.com/bkpsdm/rkt" in (repo / "docs/isi-form.md").read_text()


def test_a_library_upgrade_invalidates_the_generation_and_the_charts(tmp_path):
    repo = repo_copy(tmp_path)
    # 5 charts and the capaian charts of the 3 IKU of 2026 with a numeric target, each with its phone variant
    assert generate_elsewhere(repo)[:2] == (False, 16)
    assert generate_elsewhere(repo) == (True, 0, 0)  # nothing changed: skipped, in another process too
    # a new release of holidays (it can move a deadline) or of matplotlib, seen as pip leaves it
    upgraded = tmp_path / "upgrade/site-packages"
    (upgraded / "holidays-99.0.dist-info").mkdir(parents=True)
    assert generate_elsewhere(repo, pythonpath=str(upgraded)) == (False, 16, 0)


def test_a_change_to_rkt_code_redraws_every_chart(tmp_path):
    repo = repo_copy(tmp_path)
    build(repo, today=TODAY, run_mkdocs=False)
    code = tmp_path / "code"
    shutil.copytree(ROOT / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    charts = code / "generator/site/chartlook.py"
    charts.write_text(charts.read_text().replace('"ink": "#263238"', '"ink": "#000000"'))
    assert '"ink": "#000000"' in charts.read_text()
    assert generate_elsewhere(repo, code=code) == (False, 16, 0)


def test_keys_separate_their_inputs_and_do_not_depend_on_the_process():
    assert cache.key("k", "ab", "c") != cache.key("k", "a", "bc")
    assert cache.key("k", b"x") == cache.key("k", "x") != cache.key("j", "x")
    assert cache.key("k", {"b": 1, "a": [2]}) == cache.key("k", {"a": [2], "b": 1})
    line = "from generator.source import cache; print(cache.key('k', 'x', {'a': 1}))"
    keys = {subprocess.run([sys.executable, "-c", line], cwd=ROOT, capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed)).stdout.strip() for seed in ("1", "2")}
    assert len(keys) == 1 and len(keys.pop()) == 64
