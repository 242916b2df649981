"""A merged quarterly report changes only with a recorded reason (`rkt validate --base`).

A report that exists at the base revision has been approved (merged). Changing it afterwards
is allowed, as the issue asks, but each change adds an entry to its `perubahan` list (date,
who, why), and that list is append-only like a cycle's event log: old entries stay, unchanged,
at their place. Read through source/gitrepo (one `cat-file --batch` for all reports) and parsed
with the strict loader; the comparison itself is a pure function of the two documents' data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path as FsPath

from generator.check import logs
from generator.core.problems import Path, Problem
from generator.core.year import QUARTER_NAMES
from generator.source.gitrepo import Blob, read_blobs
from generator.source.load import Document, load_bytes

_REPORT = re.compile(r"cycles/([0-9]{4})/laporan/tw([1-4])/([a-z][a-z0-9-]{0,39})\.yaml")
_LOG = "perubahan"


def report_revisions(root: FsPath, listing: list[Blob], head: Mapping[str, Document],
                     head_files: set[str]) -> list[Problem]:
    """Every report of the base compared with the working tree's: a merged report is never removed
    (its realisation would silently leave the capaian), and changes only with a new `perubahan`
    entry (a report unreadable now has its own problems)."""
    blobs = [b for b in listing if _REPORT.fullmatch(b.path)]
    problems: list[Problem] = [removed(b.path) for b in blobs if b.path not in head_files]
    blobs = [b for b in blobs if b.path in head_files]
    contents = read_blobs(root, sorted({b.oid for b in blobs}))
    for b in blobs:
        before, after = load_bytes(contents[b.oid], b.path).document, head.get(b.path)
        if before is not None and after is not None:
            problems.extend(revision_problems(b.path, before.data, after.data))
    return problems


def removed(file: str) -> Problem:
    """A merged report deleted: its numbers would leave the year's capaian without a trace."""
    return Problem(file, "RKT312", f"{_title(file)} sudah disetujui, lalu berkasnya dihapus. Laporan yang sudah "
                   f"disetujui tidak dihapus: realisasinya akan hilang dari capaian tanpa jejak. Kembalikan "
                   f"berkasnya dari riwayat Git; bila isinya salah, perbaiki isinya dan tambahkan satu catatan di "
                   f"bagian bawah '{_LOG}' (tanggal, oleh, alasan)", line=1, col=1)


def revision_problems(file: str, old: object, new: object) -> Iterator[Problem]:
    """One report at the base (`old`) and now (`new`), as plain data."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return
    before, after = logs.entries(old, _LOG), logs.entries(new, _LOG)
    for i, entry, _ in logs.changed(before, after):
        yield Problem(file, "RKT311",
                      f"catatan perubahan ke-{i + 1} ({_label(entry)}) diubah; catatan lama tidak boleh diubah "
                      f"atau disisipi. Kembalikan isinya dan tambahkan catatan baru di bagian bawah",
                      path=(_LOG, i))
    place = {"path": (_LOG,)} if _LOG in new else {"line": 1, "col": 1}  # the list itself may be gone
    for i, entry in logs.removed(before, after):
        yield Problem(file, "RKT311",
                      f"catatan perubahan ke-{i + 1} ({_label(entry)}) dihapus; catatan perubahan laporan hanya "
                      f"boleh ditambah. Kembalikan catatan itu dari riwayat Git", **place)
    content_old = {k: v for k, v in old.items() if k != _LOG}
    content_new = {k: v for k, v in new.items() if k != _LOG}
    if content_old != content_new and len(after) <= len(before):
        path = _first_difference(content_old, content_new)
        yield Problem(file, "RKT310",
                      f"{_title(file)} sudah disetujui, lalu {_what(path, content_new)} diubah tanpa catatan "
                      f"perubahan baru. Tambahkan satu catatan di bagian bawah '{_LOG}' (tanggal, oleh: kode "
                      f"pegawai, alasan: mengapa laporan yang sudah disetujui diubah), atau kembalikan isi semula",
                      path=path)


def _label(entry: object) -> str:
    if isinstance(entry, dict):
        return f"tanggal {entry.get('tanggal')} oleh {entry.get('oleh')}"
    return "catatan"


def _title(file: str) -> str:
    m = _REPORT.fullmatch(file)
    if m is None:
        return "laporan ini"
    return f"laporan {QUARTER_NAMES[int(m.group(2))]} {m.group(1)} unit {m.group(3)}"


def _first_difference(old: object, new: object, path: Path = ()) -> Path:
    """Where `new` first differs from `old` (the enclosing item when something was removed)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in new:
            if key not in old or old[key] != new[key]:
                return _first_difference(old.get(key), new[key], path + (key,))
        return path
    if isinstance(old, list) and isinstance(new, list):
        for i, item in enumerate(new):
            if i >= len(old) or old[i] != item:
                return _first_difference(old[i] if i < len(old) else None, item, path + (i,))
        return path
    return path


def _what(path: Path, data: Mapping) -> str:
    """The changed place in the staff's words: "realisasi indikator SS1.2", "realisasi anggaran 5.03.02"."""
    if len(path) >= 2 and path[0] in ("realisasi", "anggaran") and isinstance(path[1], int):
        items = data.get(path[0])
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        code = item.get("kode") if isinstance(item, dict) else None
        if code is not None:
            return f"realisasi {'indikator' if path[0] == 'realisasi' else 'anggaran'} {code}"
    return f"isian '{path[0]}'" if path else "isinya"
