"""Rules against a base revision: what was recorded stays recorded.

Reads the base revision with the real `git` command (`ls-tree`, `cat-file
--batch`), parses its files with the same strict loader, and compares:

* a cycle's event log (`peristiwa`) is append-only: every event of the base
  must still be there, unchanged, at the same position;
* a signed version (scan and metadata under `signed/`) never changes, moves
  or disappears.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Iterator, Mapping

from .load import Document, load_bytes
from .problems import Problem

if TYPE_CHECKING:
    from .status import Arrival

_CYCLE = re.compile(r"cycles/[0-9]{4}/cycle\.yaml")
_SIGNED = re.compile(r"cycles/[0-9]{4}/signed/[^/]+")


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


def changed_files(root: FsPath, base: str) -> set[str]:
    out = git(root, "diff", "--name-only", "-z", base)
    return {p for p in out.decode("utf-8", "surrogateescape").split("\0") if p}


def _event_label(e: object) -> str:
    if isinstance(e, dict):
        return f"langkah {e.get('langkah')} tanggal {e.get('tanggal')}"
    return "peristiwa"


def _diff(old: Mapping, new: object) -> str:
    if not isinstance(new, dict):
        return "isinya diganti"
    parts = []
    for key in list(old) + [k for k in new if k not in old]:
        if old.get(key) != new.get(key):
            parts.append(f"'{key}' dari {old.get(key)!r} menjadi {new.get(key)!r}"
                         .replace("None", "kosong"))
    return "; ".join(parts) or "urutan isinya diubah"


def event_log_problems(file: str, old: object, new: object) -> Iterator[Problem]:
    """Compare one cycle's event logs (plain data) of base and head."""
    old_events = old.get("peristiwa") if isinstance(old, dict) else None
    new_events = new.get("peristiwa") if isinstance(new, dict) else None
    if not isinstance(old_events, list):
        return
    if not isinstance(new_events, list):
        new_events = []
    for i, before in enumerate(old_events):
        if i >= len(new_events):
            yield Problem(file, "RKT301",
                          f"peristiwa ke-{i + 1} ({_event_label(before)}) dihapus; catatan peristiwa hanya boleh "
                          f"ditambah. Kembalikan catatan itu; untuk koreksi, tambahkan peristiwa baru di bawah",
                          path=("peristiwa",))
            continue
        after = new_events[i]
        if after != before:
            yield Problem(file, "RKT301",
                          f"peristiwa ke-{i + 1} ({_event_label(before)}) diubah: {_diff(before, after)}. "
                          f"Catatan lama tidak boleh diubah atau disisipi; tambahkan peristiwa baru di bagian bawah",
                          path=("peristiwa", i))


def check(root: FsPath, base: str, head: Mapping[str, Document], head_files: set[str]) -> list[Problem]:
    """All problems of the working tree at `root` against revision `base`."""
    commit = resolve(root, base)
    blobs = [b for b in tree(root, commit) if _CYCLE.fullmatch(b.path) or _SIGNED.fullmatch(b.path)]
    contents = read_blobs(root, sorted({b.oid for b in blobs}))
    problems: list[Problem] = []
    for b in blobs:
        raw = contents[b.oid]
        if _CYCLE.fullmatch(b.path):
            if b.path not in head_files:
                problems.append(Problem(b.path, "RKT301",
                                        "cycle.yaml dihapus; catatan peristiwa siklus tidak boleh dihapus",
                                        line=1, col=1))
                continue
            before = load_bytes(raw, b.path).document
            after = head.get(b.path)
            if before is None or after is None:
                continue  # a file that does not parse has its own problems reported
            problems.extend(event_log_problems(b.path, before.data, after.data))
        else:
            if b.path not in head_files:
                problems.append(Problem(b.path, "RKT302",
                                        f"berkas bertanda tangan {b.path} dihapus atau dipindah; berkas arsip "
                                        f"tidak boleh diubah. Kembalikan berkasnya; versi baru dibuat dengan 'rkt sign'",
                                        line=1, col=1))
                continue
            try:
                now = (root / b.path).read_bytes()
            except OSError:
                now = None
            if now != raw:
                problems.append(Problem(b.path, "RKT302",
                                        f"berkas bertanda tangan {b.path} diubah; berkas arsip tidak boleh diubah. "
                                        f"Kembalikan isi aslinya; perbaikan dibuat sebagai versi baru dengan 'rkt sign'",
                                        line=1, col=1))
    return problems


def is_shallow(root: FsPath) -> bool:
    return git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def arrivals(root: FsPath, timezone: str, prefix: str = "cycles/") -> dict[str, "Arrival"]:
    """For every file under `prefix` on the current branch: the first-parent commit
    that (last) added it, with its date in the agency's time zone, who wrote the
    change and who merged it. Empty without usable history (no git, shallow clone):
    callers then take dates from the files themselves."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from .status import Arrival

    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        if is_shallow(root):
            return {}
        out = git(root, "-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent",
                  "--diff-filter=A", "--name-only", "--format=%x1e%H%x00%P%x00%an%x00%cI", "HEAD", "--", prefix)
    except GitError:
        return {}
    zone = ZoneInfo(timezone)
    found: dict[str, tuple[str, str, str, dt.date]] = {}
    second_parents: set[str] = set()
    for record in out.decode("utf-8", "replace").split("\x1e"):
        if not record.strip():
            continue
        head, _, names = record.partition("\n")
        commit, parents, author, when = head.split("\0")
        day = dt.datetime.fromisoformat(when).astimezone(zone).date()
        parent_list = parents.split()
        merged_from = parent_list[1] if len(parent_list) > 1 else ""
        if merged_from:
            second_parents.add(merged_from)
        for name in names.splitlines():
            if name and name not in found:  # newest first: keep the latest addition
                found[name] = (commit, merged_from, author, day)
    authors: dict[str, str] = {}
    if second_parents:
        listing = git(root, "log", "--no-walk", "--format=%H%x00%an", *sorted(second_parents))
        for line in listing.decode("utf-8", "replace").splitlines():
            sha, _, name = line.partition("\0")
            authors[sha] = name
    return {name: Arrival(day, commit, authors.get(merged_from, author) if merged_from else author,
                          author if merged_from else None)
            for name, (commit, merged_from, author, day) in found.items()}
