"""The example repository as the tests copy it: a plain folder, a fresh clone's view of it, and
real git repositories made from it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 28)  # the example data's "today": step 4 late, one unit missing


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


def site_copy(tmp_path: Path) -> Path:
    """The example with only the guides and CSS of docs/: enough for a site build."""
    repo = copy_example(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    (repo / "docs").mkdir()
    shutil.copytree(ROOT / "docs/panduan", repo / "docs/panduan")
    shutil.copytree(ROOT / "docs/css", repo / "docs/css")
    return repo


def repo_copy(tmp_path: Path) -> Path:
    """The example as a fresh clone has it: data, schemas, mkdocs.yml and all of docs/ that Git
    would carry (tracked, or new and not ignored), so a stray file there is built as in CI."""
    repo = copy_example(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                             "docs"], capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        if (ROOT / rel).is_file():  # a file deleted in the working tree is not in a clone made from it
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, repo / rel)
    return repo


def add_guide(repo: Path, text: str) -> None:
    """A hand-written guide, in the menu."""
    (repo / "docs/panduan/x.md").write_text(text, encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("      - panduan/aturan-repositori.md\n",
                                                 "      - panduan/aturan-repositori.md\n      - panduan/x.md\n"))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to compare a folder before and after."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def commit(repo: Path, message: str) -> None:
    """Everything in the working tree committed, as a user's `git add -A && git commit` would."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
