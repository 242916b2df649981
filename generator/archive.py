"""What changed between two signed versions, from the content at their source commits.

The content of a version is rebuilt from the repository as it was at the
commit recorded in its metadata (read with `git archive`, loaded and checked
by the same pipeline), compiled, and compared with the previous version's.
"""

from __future__ import annotations

import io
import shutil
import tarfile
import tempfile
from pathlib import Path

from . import export, fmt
from .compile import compile_rkt
from .history import GitError, git
from .validate import SchemaSet, build_repository, gather


def content_at(root: Path, commit: str, year: int) -> dict | None:
    """The compiled plan of `year` as it was at `commit`, or None if it cannot be rebuilt."""
    try:
        tar = git(root, "archive", "--format=tar", commit, "cycles", "schemas")
    except GitError:
        return None
    tmp = Path(tempfile.mkdtemp(prefix="rkt-version-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            try:
                archive.extractall(tmp, filter="data")
            except TypeError:  # Python < 3.11.4 has no extraction filters; git archive has no links out
                archive.extractall(tmp)
        if not (tmp / "schemas").is_dir():
            shutil.copytree(root / "schemas", tmp / "schemas")
        g = gather(tmp, SchemaSet.load(tmp / "schemas"))
        repo = build_repository(tmp, g)
        folder = next((c for c in repo.cycles if c.year == year and c.cycle is not None), None)
        if folder is None or repo.agency is None or repo.renstra is None:
            return None
        return export.content(compile_rkt(folder, repo.agency, repo.renstra))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _subs(content: dict) -> dict[tuple[str, str], dict]:
    out = {}
    for unit in content["unit"]:
        for p in unit["program"]:
            out[(unit["unit"], p["kode"])] = {**p, "tingkat": "Program"}
            for k in p["kegiatan"]:
                out[(unit["unit"], k["kode"])] = {**k, "tingkat": "Kegiatan"}
                for s in k["sub_kegiatan"]:
                    out[(unit["unit"], s["kode"])] = {**s, "tingkat": "Sub kegiatan"}
    return out


def _budget(item: dict) -> int:
    if "anggaran" in item:
        return item["anggaran"]
    if "sub_kegiatan" in item:
        return sum(s["anggaran"] for s in item["sub_kegiatan"])
    return sum(_budget(k) for k in item.get("kegiatan", []))


def diff(old: dict, new: dict) -> list[str]:
    """Changes from `old` to `new` (export.content shapes), in Indonesian, in a stable order."""
    out: list[str] = []
    before = {r["indikator"]: r for r in old["kinerja"]}
    after = {r["indikator"]: r for r in new["kinerja"]}
    for code in sorted(after.keys() - before.keys()):
        out.append(f"Indikator {code} ({after[code]['uraian']}) ditambahkan, target {after[code]['target']}.")
    for code in sorted(before.keys() - after.keys()):
        out.append(f"Indikator {code} ({before[code]['uraian']}) dihapus.")
    for code in sorted(before.keys() & after.keys()):
        if before[code]["target"] != after[code]["target"]:
            out.append(f"Target {code} ({after[code]['uraian']}): {before[code]['target']} → {after[code]['target']}.")
    b, a = _subs(old), _subs(new)
    for key in sorted(a.keys() - b.keys()):
        item = a[key]
        out.append(f"{item['tingkat']} {key[1]} {item['nama']} ditambahkan ({key[0]}): {fmt.rupiah(_budget(item))}.")
    for key in sorted(b.keys() - a.keys()):
        item = b[key]
        out.append(f"{item['tingkat']} {key[1]} {item['nama']} dihapus ({key[0]}): {fmt.rupiah(_budget(item))}.")
    for key in sorted(a.keys() & b.keys()):
        x, y = b[key], a[key]
        if x["tingkat"] != "Sub kegiatan":
            continue
        for field, label in (("nama", "Nama"), ("indikator", "Indikator"), ("target", "Target"),
                             ("satuan", "Satuan"), ("penanggung_jawab", "Penanggung jawab")):
            if x.get(field) != y.get(field):
                out.append(f"{label} {key[1]} ({key[0]}): {x.get(field) or '—'} → {y.get(field) or '—'}.")
        if x["anggaran"] != y["anggaran"]:
            out.append(f"Anggaran {key[1]} {y['nama']} ({key[0]}): {fmt.rupiah(x['anggaran'])} → "
                       f"{fmt.rupiah(y['anggaran'])}.")
    units_before = {u["unit"]: sum(_budget(p) for p in u["program"]) for u in old["unit"]}
    units_after = {u["unit"]: sum(_budget(p) for p in u["program"]) for u in new["unit"]}
    for unit in sorted(units_before.keys() | units_after.keys()):
        x, y = units_before.get(unit, 0), units_after.get(unit, 0)
        if x != y:
            out.append(f"Jumlah anggaran {unit}: {fmt.rupiah(x)} → {fmt.rupiah(y)}.")
    return out


def version_changes(root: Path, folders) -> dict[tuple[int, int], list[str] | None]:
    """For every signed version after the first: its changes, or None if a source commit is unreadable."""
    out: dict[tuple[int, int], list[str] | None] = {}
    for folder in folders:
        versions = sorted(folder.signed, key=lambda v: v.version)
        contents: dict[str, dict | None] = {}
        for v in versions:
            if v.commit not in contents:
                contents[v.commit] = content_at(root, v.commit, folder.year)
        for prev, cur in zip(versions, versions[1:]):
            old, new = contents[prev.commit], contents[cur.commit]
            out[(folder.year, cur.version)] = diff(old, new) if old is not None and new is not None else None
    return out
