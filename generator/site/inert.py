"""The files a build publishes beside its pages must be inert as well: a workbook, a PDF, a CSV
or a chart that reaches the site (made by rkt, served from a cache, archived as a signed scan)
holds no formula, no script, no macro and no link out of it.

`scan_file` is one small check per kind of file; the build refuses to publish a site with any
finding (`safety.scan_site`), whatever put the file there.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from generator.source.workbook import FORMULA_START

# PDF actions that run, open, fetch or submit something; names may hide letters as #xx
_PDF_ACTIONS = (b"/JavaScript", b"/JS", b"/Launch", b"/URI", b"/SubmitForm", b"/GoToR", b"/GoToE",
                b"/ImportData", b"/EmbeddedFile", b"/RichMedia", b"/OpenAction", b"/AA")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_SVG_ACTIVE = re.compile(r"<\s*(script|foreignObject|iframe)\b|\son[a-z]+\s*=|javascript:|"
                         r"(?:xlink:)?href\s*=\s*[\"']\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_MAX_INFLATED = 64 * 1024 * 1024  # a stream that inflates beyond this is refused, not read


def _xlsx(data: bytes) -> list[str]:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
    except (zipfile.BadZipFile, OSError):
        return ["bukan berkas XLSX yang utuh"]
    found = []
    if any("vbaproject" in n.lower() or "activex" in n.lower() or n.startswith("xl/externalLinks/") for n in names):
        found.append("memuat makro atau tautan ke buku kerja lain")
    for name in names:
        if not name.endswith((".xml", ".rels")):
            continue
        if z.getinfo(name).file_size > _MAX_INFLATED:
            found.append(f"{name} terlalu besar untuk diperiksa")
            continue
        part = z.read(name)
        if name.startswith("xl/worksheets/") and name.endswith(".xml") and re.search(rb"<f[\s>/]", part):
            found.append("memuat rumus (formula)")
        if name.endswith(".rels") and b'TargetMode="External"' in part:
            found.append("memuat tautan ke luar")
        if b"ddeLink" in part or b"oleLink" in part:
            found.append("memuat tautan DDE/OLE")
    return sorted(set(found))


def _inflated(stream: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(stream, _MAX_INFLATED)
    except zlib.error:
        return b""  # not deflated (or damaged): its bytes were scanned as they are


def _pdf(data: bytes) -> list[str]:
    parts = [data] + [_inflated(m.group(1)) for m in _PDF_STREAM.finditer(data)]
    text = b"".join(_PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), p) for p in parts)
    found = {name.decode() for name in _PDF_ACTIONS if re.search(re.escape(name) + rb"(?![A-Za-z0-9])", text)}
    return [f"memuat tindakan PDF {', '.join(sorted(found))} (skrip, tautan atau berkas sisipan)"] if found else []


def _csv(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig", errors="replace")
    cells = [c for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for c in row]
    # a text that a spreadsheet would read as a formula is written with a leading ' (documents/rkt_csv)
    live = [c for c in cells if c != "-" and c.startswith(FORMULA_START)]
    return [f"memuat sel yang terbaca sebagai rumus: {live[0][:40]!r}"] if live else []


def _svg(data: bytes) -> list[str]:
    m = _SVG_ACTIVE.search(data.decode("utf-8", errors="replace"))
    return [f"memuat unsur aktif atau tautan ke luar: {m.group(0).strip()[:40]!r}"] if m else []


SCANS: dict[str, Callable[[bytes], list[str]]] = {".xlsx": _xlsx, ".pdf": _pdf, ".csv": _csv, ".svg": _svg}


def scan_file(path: Path, rel: str) -> list[str]:
    """Findings for one published file (none for a kind that is not scanned here)."""
    scan = SCANS.get(path.suffix.lower())
    if scan is None:
        return []
    return [f"{rel}: {finding}" for finding in scan(path.read_bytes())]
