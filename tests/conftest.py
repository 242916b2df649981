"""Shared fixtures: a copy of the example repository, and real git repositories."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 28)


def copy_example(dest: Path) -> Path:
    """The example data and schemas, as a plain folder (no git)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "cycles", dest / "cycles")
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    return dest


def git(repo: Path, *args: str, who: str = "Tim Perencanaan", when: str | None = None) -> str:
    """Run git in `repo` as `who`, optionally at time `when` (ISO 8601), with no user config."""
    env = {"GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": "tim@example.invalid",
           "GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": "tim@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return proc.stdout


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "repo")


@pytest.fixture
def example_git(tmp_path: Path) -> Path:
    """The example data committed on branch main of a fresh git repository."""
    repo = copy_example(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data contoh")
    return repo
