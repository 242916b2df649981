"""Every `git` call of rkt in one place: the history that dates forms, the base revision
that `--base` compares with, the commit an export names, and what is not yet committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from pathlib import Path as FsPath


class GitError(Exception):
    """Git could not answer; the message is for the user (Indonesian)."""


def git(root: FsPath, *args: str, input: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], input=input, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("perintah 'git' tidak ditemukan; pasang Git terlebih dahulu") from exc
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} gagal")
    return proc.stdout


def isolated(folder: Path, *args: str, author: tuple[str, str] | None = None, when: str | None = None) -> str:
    """git in `folder` with the user's and the system's configuration shut out (no signing,
    no hooks of theirs, no line-ending conversion), as `author` (name, e-mail) at `when`
    (ISO 8601): the same steps give the same commit ids on every machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, LC_ALL="C")
    if author is not None:
        env.update(GIT_AUTHOR_NAME=author[0], GIT_AUTHOR_EMAIL=author[1],
                   GIT_COMMITTER_NAME=author[0], GIT_COMMITTER_EMAIL=author[1])
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    try:
        proc = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", "-c",
                               "core.hooksPath=" + os.devnull, "-C", str(folder), *args],
                              env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise GitError("perintah 'git' tidak ditemukan; pasang Git terlebih dahulu") from exc
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip() or proc.stdout.strip())
    return proc.stdout


def resolve(root: FsPath, rev: str) -> str:
    """The commit id of `rev`, or GitError with an Indonesian explanation."""
    try:
        git(root, "rev-parse", "--is-inside-work-tree")
    except GitError as exc:
        raise GitError(f"folder {root} bukan repositori Git, jadi --base tidak dapat dipakai") from exc
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitError as exc:
        raise GitError(f"revisi pembanding '{rev}' tidak ditemukan di repositori "
                       f"(untuk klon dangkal, ambil riwayat lengkap: git fetch --unshallow)") from exc


@dataclass(frozen=True)
class Blob:
    path: str
    oid: str


def tree(root: FsPath, commit: str, prefix: str = "cycles/") -> list[Blob]:
    out = git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix)
    blobs = []
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        _mode, kind, oid = meta.decode().split()
        if kind == "blob":
            blobs.append(Blob(path.decode("utf-8", "surrogateescape"), oid))
    return blobs


def read_blobs(root: FsPath, oids: list[str]) -> dict[str, bytes]:
    """Contents of many blobs with one `git cat-file --batch`."""
    if not oids:
        return {}
    out = git(root, "cat-file", "--batch", input="".join(f"{o}\n" for o in oids).encode())
    result: dict[str, bytes] = {}
    pos = 0
    for oid in oids:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        size = int(header[2])
        result[oid] = out[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
    return result


def tracked(root: FsPath) -> list[str] | None:
    """Every file under version control, and every tracked file that .gitignore ignores; None
    outside a repository."""
    try:
        out = git(root, "ls-files", "-z", "--cached")
    except GitError:
        return None
    return sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)


def tracked_but_ignored(root: FsPath) -> list[str]:
    """Tracked files that .gitignore ignores (committed with `git add -f` or through the web)."""
    try:
        out = git(root, "ls-files", "-z", "--cached", "--ignored", "--exclude-standard")
    except GitError:
        return []
    return sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)


def changed_files(root: FsPath, base: str) -> set[str]:
    out = git(root, "diff", "--name-only", "-z", base)
    return {p for p in out.decode("utf-8", "surrogateescape").split("\0") if p}


def is_shallow(root: FsPath) -> bool:
    return git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


UNCOMMITTED = "belum di-commit"


def inputs(year: int, performance: bool = False) -> tuple[str, ...]:
    """The files a year's plan is compiled from (cycle.yaml: its required units); with
    `performance`, also those of its performance year (the Rencana Aksi, the reports, the LKjIP's
    sections)."""
    plan = (f"cycles/{year}/forms", f"cycles/{year}/cycle.yaml", "cycles/renstra.yaml", "cycles/agency.yaml")
    return plan + ((f"cycles/{year}/renaksi", f"cycles/{year}/laporan", f"cycles/{year}/lkjip")
                   if performance else ())


def uncommitted(root, year: int, performance: bool = False) -> list[str]:
    """The plan's input files with changes that no commit holds (modified, staged, new
    or deleted), as `git status` names them; empty when clean or outside Git."""
    from generator.source.gitrepo import GitError, git

    try:
        out = git(root, "-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--untracked-files=all",
                  "--", *inputs(year, performance))
    except GitError:
        return []
    entries = out.decode("utf-8", "surrogateescape").split("\0")
    paths, i = [], 0
    while i < len(entries):
        entry = entries[i]
        if len(entry) > 3:
            paths.append(entry[3:])
            if "R" in entry[:2] or "C" in entry[:2]:  # a rename or copy is followed by its old path
                i += 1
        i += 1
    return sorted(paths)


def last_commit(root, year: int, abbrev: bool = True, performance: bool = False) -> str:
    """The last first-parent commit that changed the year's inputs: its tree holds
    exactly what is compiled when the working tree is clean. "" outside Git."""
    from generator.source.gitrepo import GitError, git

    try:
        out = git(root, "log", "-1", "--first-parent", "--format=%h" if abbrev else "--format=%H", "--abbrev=12",
                  "--", *inputs(year, performance))
    except GitError:
        return ""
    return out.decode().strip()


def source_commit(root, year: int, performance: bool = False) -> str:
    """What printed pages name as their source: the commit that holds the year's inputs
    (short id), UNCOMMITTED when the working tree differs from every commit, or ""."""
    if uncommitted(root, year, performance):
        return UNCOMMITTED
    return last_commit(root, year, performance=performance)


def require_git(root: Path) -> None:
    """In a Git repository, form dates come from its history: without the `git` command
    the status would silently fall back to dates typed in the files."""
    if (root / ".git").exists() and shutil.which("git") is None:
        raise GitError(f"perintah 'git' tidak ditemukan, padahal {root} adalah repositori Git (tanggal form "
                       f"diambil dari riwayatnya). Pasang Git (Debian/Ubuntu: apt-get install git; Windows: "
                       f"https://git-scm.com), pastikan ada di PATH, lalu jalankan lagi")
