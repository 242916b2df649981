"""The generated part of docs/: writing it, and remembering what was written.

The writer only rewrites files whose bytes changed and removes generated files that
are no longer produced, so a rebuild with nothing changed touches nothing (and the
engine's live reload stays quiet). Hand-written pages (`docs/panduan/`, `docs/css/`)
are never touched. What the last generation wrote is remembered with the fingerprint
of its inputs, so a build whose inputs did not change skips generating altogether.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.layout import GENERATED_DOCS, GENERATED_PATTERNS
from generator.source import atomic, cache, cacheseal
from generator.source.gitrepo import GitError, git

DOCS = "docs"
# what the generator owns inside docs/: everything else there is hand-written
GENERATED = GENERATED_DOCS + GENERATED_PATTERNS  # names, and patterns of names ("capaian-*.md")
STATE = "generate.json"  # in the cache folder


@dataclass(frozen=True)
class Generated:
    """Every generated file of docs/, in memory (`site.generate`), and what its charts cost."""

    files: dict[str, bytes]  # path under docs/ -> content
    charts_drawn: int
    charts_reused: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WriteStats:
    written: list[str]
    unchanged: int
    removed: list[str]


def write(docs: Path, files: dict[str, bytes], owned: tuple[str, ...] = GENERATED) -> WriteStats:
    """Bring the generated part of docs/ (the `owned` top-level names) to exactly `files`,
    touching only what differs."""
    written, unchanged = [], 0
    for rel, content in sorted(files.items()):
        path = docs / rel
        try:
            if path.read_bytes() == content:
                unchanged += 1
                continue
        except OSError:
            pass
        _replace(path, content)
        written.append(rel)
    return WriteStats(written, unchanged, _remove_unproduced(docs, files, owned))


def _replace(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(content)
        tmp.replace(path)
    except OSError as exc:  # a full disk fails in write(), which names no file: name it
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def _remove_unproduced(docs: Path, files: dict[str, bytes], owned: tuple[str, ...]) -> list[str]:
    """Delete the files under the `owned` names that this generation did not produce."""
    removed = []
    for top in owned:
        base = docs / top
        if "*" in top:
            candidates = sorted(p for p in docs.glob(top) if p.is_file())
        elif base.is_file():
            candidates = [base]
        else:
            candidates = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in candidates:
            rel = path.relative_to(docs).as_posix()
            if rel not in files:
                path.unlink()
                removed.append(rel)
    return removed


def fingerprint(root: Path, today: dt.date) -> str:
    """Everything the generated pages depend on: data, schemas, mkdocs.yml (the form page reads
    it), the date and the git history that dates the forms; `cache.key` adds the code and libraries."""
    inputs: list[object] = [today.isoformat()]
    for base in (root / "cycles", root / "schemas"):
        for path in sorted(base.rglob("*")):
            if path.is_file():
                inputs.append(path.relative_to(root).as_posix())
                inputs.append(path.read_bytes())
    config = root / "mkdocs.yml"
    inputs.append(config.read_bytes() if config.is_file() else b"no-mkdocs.yml")
    try:
        inputs.append(git(root, "rev-parse", "HEAD").strip() + git(root, "rev-parse", "--is-shallow-repository"))
    except GitError:
        inputs.append(b"no-git")
    return cache.key("generate", *inputs)


def unchanged_since_last_time(root: Path, key: str) -> int | None:
    """The number of generated files, if the last generation had the same inputs and its
    output is still in docs/ byte for byte; otherwise None."""
    try:
        # a state this machine did not write (a planted one) would skip the generation: never trusted
        sealed = cacheseal.unseal((cache.folder(root) / STATE).read_bytes())
        state = json.loads(sealed.decode("utf-8")) if sealed is not None else {}
    except (OSError, ValueError):
        return None
    if state.get("fingerprint") != key:
        return None
    docs = root / DOCS
    for rel, digest in state.get("files", {}).items():
        try:
            if hashlib.sha256((docs / rel).read_bytes()).hexdigest() != digest:
                return None
        except OSError:
            return None
    return len(state.get("files", {}))


def remember(root: Path, key: str, files: dict[str, bytes]) -> None:
    """Note the inputs' fingerprint and the digest of every file this generation wrote."""
    state = {"fingerprint": key, "files": {rel: hashlib.sha256(b).hexdigest() for rel, b in sorted(files.items())}}
    try:
        atomic.replace(cache.folder(root) / STATE, cacheseal.seal(json.dumps(state, indent=1).encode("utf-8")))
    except OSError:
        pass  # only an optimisation; a full or read-only disk was already reported by the writer
