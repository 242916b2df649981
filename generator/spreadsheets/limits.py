"""Opening a workbook that anyone may have made: measured before it is opened (zip entries,
unpacked size, compression ratio), so a zip bomb is refused in seconds, and every way a
damaged file fails said in the words a user recognises. `tables.table` counts rows and
cells while a sheet is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """What a filled form may weigh. A unit's form is a few hundred rows and well under 1 MB;
    the bounds are generous for that and small enough that refusing takes seconds."""

    file_bytes: int = 20 * 1024 * 1024  # the .xlsx on disk
    entries: int = 500  # files inside the zip (a saved workbook has about 15)
    # openpyxl parses the shared strings and every sheet's XML whole when it opens a workbook
    # (about 1 s per MB of tiny strings); a template's sheet is 85 bytes per row, so 2 MB is
    # over 20,000 rows.
    part_bytes: int = 2 * 1024 * 1024  # one unpacked XML part
    xml_bytes: int = 10 * 1024 * 1024  # all unpacked XML parts together
    total_bytes: int = 60 * 1024 * 1024  # everything unpacked, pictures included
    ratio: int = 100  # unpacked / packed for any part above 1 MiB (real sheets pack about 10:1)
    rows: int = 5000  # rows of one sheet, counted while reading (the dimension tag can lie)
    cells: int = 100_000  # cells of one sheet, counted while reading


LIMITS = Limits()
UNREADABLE = ("berkas tidak dapat dibaca sebagai Excel (.xlsx); simpan ulang dari Excel dengan format "
               "'Excel Workbook (*.xlsx)'")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB".replace(".", ",")


def _not_xlsx(head: bytes) -> str:
    """Why bytes that are not a zip are no workbook, in the words a user recognises."""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ("berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; buka di Excel, hapus kata "
                "sandinya bila ada, lalu simpan sebagai 'Excel Workbook (*.xlsx)'")
    if head.startswith((b"<", b"\xef\xbb\xbf<")):
        return "berkas ini halaman web/XML, bukan Excel (.xlsx); " + UNREADABLE.split("; ", 1)[1]
    return UNREADABLE


def measure(path: Path, limits: Limits = LIMITS) -> str | None:
    """Why `path` must not be opened as a workbook, or None. Reads only the zip's central
    directory, whose sizes zipfile enforces while unpacking, so nothing large is unpacked here."""
    import zipfile

    size = path.stat().st_size
    if size > limits.file_bytes:
        return f"berkas terlalu besar ({_mb(size)}; paling besar {_mb(limits.file_bytes)} untuk satu form)"
    with path.open("rb") as fh:
        head = fh.read(8)
    if not zipfile.is_zipfile(path):
        return _not_xlsx(head)
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
        names = {e.filename for e in entries}
    if "xl/workbook.xml" not in names:
        if "mimetype" in names or "content.xml" in names:
            return "berkas ini berformat OpenDocument (.ods), bukan Excel; simpan sebagai 'Excel Workbook (*.xlsx)'"
        return UNREADABLE
    bomb = ("isinya tidak wajar untuk sebuah form (kemungkinan berkas rusak atau sengaja dibuat membengkak); "
            "berkas tidak dibuka")
    if len(entries) > limits.entries:
        return f"berkas memuat {len(entries)} bagian (paling banyak {limits.entries}); {bomb}"
    xml = [e for e in entries if e.filename.endswith((".xml", ".rels"))]
    for e in entries:
        if e.file_size > 1024 * 1024 and e.file_size > limits.ratio * max(e.compress_size, 1):
            return f"bagian {e.filename} mengembang {e.file_size // max(e.compress_size, 1)} kali saat dibuka; {bomb}"
    for e in xml:
        if e.file_size > limits.part_bytes:
            return (f"lembar atau bagian {e.filename} berukuran {_mb(e.file_size)} setelah dibuka (paling besar "
                    f"{_mb(limits.part_bytes)}); hapus baris dan kolom kosong yang berformat, atau salin isian ke "
                    f"templat baru dari 'rkt form-template'")
    for total, limit in ((sum(e.file_size for e in xml), limits.xml_bytes),
                         (sum(e.file_size for e in entries), limits.total_bytes)):
        if total > limit:
            return f"isi berkas {_mb(total)} setelah dibuka (paling besar {_mb(limit)}); {bomb}"
    return None



# openpyxl and the zip/XML layers under it fail in many ways on a damaged file
DAMAGED = (KeyError, ValueError, TypeError, AttributeError, IndexError, SyntaxError, EOFError, LookupError)


def read_workbook(path: Path, limits: Limits, read: Callable[[Any], T]) -> T | str:
    """`read(workbook)` of the workbook at `path`, opened read-only with formulas visible (to
    refuse them), or why it was not read: `measure` first, nothing is opened that fails it."""
    import warnings
    import zipfile
    import zlib

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        why = measure(path, limits)
        if why:
            return why
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about extensions it skips
            wb = load_workbook(path, read_only=True, data_only=False)  # formulas visible, to refuse them
            try:
                return read(wb)
            finally:
                wb.close()
    except OSError as exc:
        from generator.core.problems import os_reason

        return f"berkas tidak dapat dibaca ({os_reason(exc)})"
    except (InvalidFileException, zipfile.BadZipFile, zlib.error, *DAMAGED):
        return UNREADABLE + " (berkas rusak atau bukan buatan Excel)"
