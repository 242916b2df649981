"""The SAKIP stages' log is append-only (`rkt validate --base`), like a cycle's event log.

A cycles/<year>/sakip.yaml at the base revision keeps every record of its `peristiwa`, unchanged
and at its place; the file itself is never removed. A wrong date is corrected by a new record
below (the last record of a stage stands). Read through source/gitrepo (one `cat-file --batch`)
and parsed with the strict loader; the comparison is a pure function of the two documents' data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path as FsPath

from generator.check import logs
from generator.core.problems import Problem
from generator.source.gitrepo import Blob, read_blobs
from generator.source.load import Document, load_bytes

_SAKIP = re.compile(r"cycles/[0-9]{4}/sakip\.yaml")
_LOG = "peristiwa"


def sakip_log_history(root: FsPath, listing: list[Blob], head: Mapping[str, Document],
                      head_files: set[str]) -> list[Problem]:
    """Every sakip.yaml of the base compared with the working tree's."""
    blobs = [b for b in listing if _SAKIP.fullmatch(b.path)]
    contents = read_blobs(root, sorted({b.oid for b in blobs}))
    problems: list[Problem] = []
    for b in blobs:
        if b.path not in head_files:
            problems.append(Problem(b.path, "RKT301", "sakip.yaml dihapus; catatan tahapan SAKIP tidak boleh dihapus. "
                                    "Kembalikan berkasnya dari riwayat Git", line=1, col=1))
            continue
        before, after = load_bytes(contents[b.oid], b.path).document, head.get(b.path)
        if before is not None and after is not None:  # a file that does not parse has its own problems
            problems.extend(sakip_log_problems(b.path, before.data, after.data))
    return problems


def _label(e: object) -> str:
    if isinstance(e, dict):
        return f"tahapan {e.get('tahap')} tanggal {e.get('tanggal')}"
    return "catatan"


def sakip_log_problems(file: str, old: object, new: object) -> Iterator[Problem]:
    """One sakip.yaml at the base (`old`) and now (`new`), as plain data."""
    before, after = logs.entries(old, _LOG), logs.entries(new, _LOG)
    for i, entry, _ in logs.changed(before, after):
        yield Problem(file, "RKT301",
                      f"catatan ke-{i + 1} ({_label(entry)}) diubah; catatan lama tidak boleh diubah atau "
                      f"disisipi. Kembalikan isinya; untuk koreksi, tambahkan catatan baru untuk tahapan yang sama "
                      f"di bawah",
                      path=(_LOG, i))
    place = {"path": (_LOG,)} if isinstance(new, dict) and _LOG in new else {"line": 1, "col": 1}
    for i, entry in logs.removed(before, after):
        yield Problem(file, "RKT301",
                      f"catatan ke-{i + 1} ({_label(entry)}) dihapus; catatan tahapan SAKIP hanya boleh ditambah. "
                      f"Kembalikan catatan itu; untuk koreksi, tambahkan catatan baru di bawah", **place)
