"""What differs in the inputs of one cycle between a revision and the working tree: its
cycle.yaml fields, its forms, and the effect of the shared files (renstra.yaml,
agency.yaml) on its compiled content. What a signed cycle may not change (sealed.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from generator.core.model import At, CycleFolder, Repository, build_agency, build_renstra
from generator.core.problems import Path
from generator.plan import fingerprint
from generator.plan.compile import compile_rkt
from generator.source.gitrepo import Blob, read_blobs
from generator.source.load import Document, load_bytes

if TYPE_CHECKING:
    from generator.source.schema import SchemaSet

_FORM = re.compile(r"cycles/[0-9]{4}/forms/[a-z][a-z0-9-]{0,39}\.yaml")  # as validate.py places forms
SHARED = ("cycles/renstra.yaml", "cycles/agency.yaml")  # reference files every cycle compiles from


@dataclass(frozen=True)
class Change:
    """One input of a signed cycle that differs from a revision."""

    file: str
    code: str  # RKT305 cycle.yaml, RKT306 a form, RKT307 a shared file's effect on the content
    what: str  # Indonesian
    path: Path = ()


def sealed_changes(root: FsPath, listing: list[Blob], folder: CycleFolder, head: Mapping[str, Document],
                   repo: Repository, schemas: SchemaSet,
                   skip: AbstractSet[str] = frozenset({"peristiwa"})) -> list[Change]:
    """What differs between a revision (`listing`: its tree) and the working tree in the
    inputs of one cycle: cycle.yaml fields (but `skip`), its forms, and the effect of the
    shared files on its compiled content."""
    cycle_rel, prefix = f"{folder.folder}/cycle.yaml", f"{folder.folder}/forms/"
    wanted = [b for b in listing if b.path == cycle_rel or b.path.startswith(prefix) or b.path in SHARED]
    blobs = read_blobs(root, sorted({b.oid for b in wanted}))
    raw = {b.path: blobs[b.oid] for b in wanted}
    old = {rel: load_bytes(raw[rel], rel).document for rel in (cycle_rel, *SHARED) if rel in raw}
    changes = list(_cycle_changes(cycle_rel, old.get(cycle_rel), head.get(cycle_rel), skip))
    changes += _form_changes(root, prefix, raw, folder, head)
    for rel in SHARED:
        change = _shared_change(rel, old.get(rel), head.get(rel), folder, repo, schemas)
        if change is not None:
            changes.append(change)
    return changes


def _cycle_changes(cycle_rel: str, before: Document | None, after: Document | None,
                   skip: AbstractSet[str]) -> Iterator[Change]:
    """The fields of cycle.yaml (but `skip`) whose values differ, in the base's key order, then new keys."""
    if before is None or after is None or not isinstance(before.data, dict) or not isinstance(after.data, dict):
        return
    old, new = before.data, after.data
    for key in [k for k in old if k not in skip] + [k for k in new if k not in old and k not in skip]:
        if old.get(key) != new.get(key):
            yield Change(cycle_rel, "RKT305", f"isian '{key}' diubah: "
                         f"{_value(old.get(key))} menjadi {_value(new.get(key))}", (key,))


def _form_changes(root: FsPath, prefix: str, raw: Mapping[str, bytes], folder: CycleFolder,
                  head: Mapping[str, Document]) -> Iterator[Change]:
    """Forms removed, added, or whose data differ (a change to comments only is no change)."""
    old_forms = {rel for rel in raw if rel.startswith(prefix) and _FORM.fullmatch(rel)}
    new_forms = {rel for rel in folder.files if rel.startswith(prefix) and _FORM.fullmatch(rel)}
    for rel in sorted(old_forms | new_forms):
        if rel not in new_forms:
            yield Change(rel, "RKT306", f"form {rel} dihapus")
        elif rel not in old_forms:
            yield Change(rel, "RKT306", f"form {rel} ditambahkan")
        elif rel in head and not _same_bytes(root, rel, raw[rel]):
            before_form = load_bytes(raw[rel], rel).document
            if before_form is not None and before_form.data != head[rel].data:  # comments may change
                where, was, now = _first_difference(before_form.data, head[rel].data)
                yield Change(rel, "RKT306", f"isi form diubah ({_label(where)}: {_value(was)} menjadi "
                             f"{_value(now)})", where)


def _same_bytes(root: FsPath, rel: str, raw: bytes) -> bool:
    """The file on disk is byte for byte the old one (the common case: nothing to parse)."""
    try:
        return (root / rel).read_bytes() == raw
    except OSError:
        return False


def _shared_change(rel: str, before: Document | None, after: Document | None, folder: CycleFolder,
                   repo: Repository, schemas: SchemaSet) -> Change | None:
    """The effect of a change to renstra.yaml or agency.yaml on one cycle's compiled content:
    the content compiled with the old file against the content compiled with today's."""
    if before is None or after is None or before.data == after.data or folder.cycle is None:
        return None
    if repo.agency is None or repo.renstra is None:
        return None
    kind = rel.rsplit("/", 1)[1].removesuffix(".yaml")
    if any(True for _ in schemas.check(kind, before.data, rel)) or not isinstance(before.data, dict):
        return None  # the old file no longer fits today's schema: nothing to compare with
    now = fingerprint.content(compile_rkt(folder, repo.agency, repo.renstra))
    agency = build_agency(before.data, At(rel)) if kind == "agency" else repo.agency
    renstra = build_renstra(before.data, At(rel)) if kind == "renstra" else repo.renstra
    then = fingerprint.content(compile_rkt(folder, agency, renstra))
    if now == then:
        return None
    codes = _changed_indicators(then, now)
    path: Path = ()
    if kind == "renstra" and codes:
        path = next((ind.at.path for _, ind in repo.renstra.indicators() if ind.code == codes[0]), ())
    what = f"indikator {', '.join(codes)}" if codes else "isi program dan kegiatan"
    return Change(rel, "RKT307", f"perubahan berkas ini mengubah isi RKT {folder.year} ({what})", path)


def _changed_indicators(then: dict, now: dict) -> list[str]:
    """The indicators whose rows of the compiled performance table differ (fingerprint.content shapes)."""
    then_rows = {r["indikator"]: r for r in then["kinerja"]}
    now_rows = {r["indikator"]: r for r in now["kinerja"]}
    return sorted(c for c in then_rows.keys() | now_rows.keys() if then_rows.get(c) != now_rows.get(c))


def _first_difference(old: object, new: object, path: Path = ()) -> tuple[Path, object, object]:
    """Where two parsed documents first differ, and the two values there."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            if key not in old or key not in new:
                return path + (key,), old.get(key), new.get(key)
            if old[key] != new[key]:
                return _first_difference(old[key], new[key], path + (key,))
    elif isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new, strict=False)):  # the shorter list's items, then the rest
            if a != b:
                return _first_difference(a, b, path + (i,))
        n = min(len(old), len(new))
        return path + (n,), old[n] if n < len(old) else None, new[n] if n < len(new) else None
    return path, old, new


def _label(path: Path) -> str:
    return " > ".join(str(p + 1) if isinstance(p, int) else p for p in path) or "seluruh isi"


def _value(value: object) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, (dict, list)):
        return "(bagian lain)"
    text = str(value)
    return repr(text[:60] + ("…" if len(text) > 60 else "")) if isinstance(value, str) else text
