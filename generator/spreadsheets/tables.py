"""One sheet read as a table: the header row found (title rows above it are allowed) and its
titles checked, then the non-empty rows under it, each cell as stored (`cells.Raw`). Rows and
cells are counted as they stream in, so a million junk rows stop at the limit; a sasaran
merged over its indicator rows reads as that sasaran on every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.spreadsheets.cell_problems import Found
from generator.spreadsheets.cells import EMPTY, Raw, raw_of, words
from generator.spreadsheets.limits import LIMITS, Limits

HEADER_SEARCH = 10  # a hand-made sheet may have title rows above the header row


@dataclass(frozen=True)
class Row:
    number: int
    cells: tuple[Raw, ...]  # one per column of the table, in the template's order


def _header(raws: tuple[Raw, ...], headers: list[str], optional: int, sheet: str, n: int,
            found: Found) -> int | None:
    """The number of columns of the table when row `n` is its header row; a problem per wrong title."""
    width = len(headers)
    while width > len(headers) - optional and (len(raws) < width or raws[width - 1].empty):
        width -= 1  # an older template without the trailing optional columns
    wrong = False
    for col, name in enumerate(headers[:width], start=1):
        got = raws[col - 1] if col <= len(raws) else EMPTY
        if words(got) != " ".join(name.split()).casefold():
            found.add(sheet, col, n, f"judul kolom seharusnya '{name}', bukan '{'' if got.empty else got.value}'; "
                                      f"jangan menyisipkan, menghapus atau menukar kolom (isinya akan terbaca di "
                                      f"kolom yang salah); pakai templat dari 'rkt form-template'")
            wrong = True
    return None if wrong else width


_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _vertical_merges(ws: Any) -> dict[tuple[int, int], tuple[int, int]]:
    """Cells covered by a vertical merge (one column, several rows) -> the merge's top cell.

    Real sheets merge a sasaran's cells over all of its indicator rows; Excel keeps the value in
    the top cell only, so without this every row below it would read as an empty sasaran.
    Horizontal merges are left alone: spreading a name into the next column would invent a value.
    Read from the sheet's XML (already bounded by `measure`), since a read-only sheet does not
    expose its merges."""
    import xml.etree.ElementTree as ET

    covered: dict[tuple[int, int], tuple[int, int]] = {}
    try:
        source = ws._get_source()
        for _, el in ET.iterparse(source):
            if el.tag.endswith("}mergeCell"):
                first, _, last = (el.get("ref") or "").partition(":")
                a, b = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last)
                if a and b and a.group(1) == b.group(1):
                    col, top, bottom = _column_number(a.group(1)), int(a.group(2)), int(b.group(2))
                    for r in range(top + 1, min(bottom, top + LIMITS.rows) + 1):
                        covered[(r, col)] = (top, col)
            elif el.tag.endswith("}row"):
                el.clear()  # keep memory flat on big sheets
    except (ET.ParseError, AttributeError, OSError):
        return {}  # openpyxl reports a damaged sheet itself
    return covered


def _fill_merged(raws: tuple[Raw, ...], n: int, spans: dict[tuple[int, int], tuple[int, int]],
                 anchors: dict[tuple[int, int], Raw]) -> tuple[Raw, ...]:
    """The row with each vertically merged cell holding its merge's value (the top cell's);
    `anchors` collects the top cells as their rows stream by."""
    tops = {top for top in spans.values() if top[0] == n}
    # a streamed row stops at its last stored cell: a covered cell past it is not in the tuple
    reach = max((c for r, c in spans if r == n), default=0)
    out = list(raws) + [EMPTY] * (reach - len(raws))
    for col, raw in enumerate(tuple(out), start=1):
        if (n, col) in tops:
            anchors[(n, col)] = raw
        elif (n, col) in spans and raw.empty:
            out[col - 1] = anchors.get(spans[(n, col)], raw)
    return tuple(out)


def table(ws: Any, sheet: str, headers: list[str], found: Found, limits: Limits = LIMITS,
          optional: int = 0) -> tuple[list[Row], int] | None:
    """The non-empty rows under the header row and the table's width, or None when the sheet
    cannot be read as the table. Rows and cells are counted as they stream in: the sheet's
    dimension tag is ignored (it can claim anything), so a million junk rows stop at the limit."""
    spans = _vertical_merges(ws)
    ws.reset_dimensions()
    width: int | None = None
    rows: list[Row] = []
    cells = 0
    anchors: dict[tuple[int, int], Raw] = {}
    for n, row in enumerate(ws.iter_rows(), start=1):
        cells += len(row)
        if n > limits.rows or cells > limits.cells:
            found.sheet(sheet, f"lembar {sheet} memuat lebih dari {limits.rows} baris atau {limits.cells} sel "
                               f"(termasuk baris dan kolom kosong yang berformat); salin isian ke templat baru "
                               f"dari 'rkt form-template'")
            return None
        raws = tuple(raw_of(c) for c in row)
        if spans:
            raws = _fill_merged(raws, n, spans, anchors)
        if width is None:
            if raws and words(raws[0]) == headers[0].casefold():
                width = _header(raws, headers, optional, sheet, n, found)
                if width is None:
                    return None
            elif n >= HEADER_SEARCH:
                break
            continue  # title rows above the header
        for col, raw in enumerate(raws[width:], start=width + 1):
            if not raw.empty:
                found.add(sheet, col, n, "isi di luar kolom tabel tidak dibaca; pindahkan ke kolom yang sesuai "
                                         "atau hapus")
        if any(not r.empty for r in raws[:width]):
            rows.append(Row(n, raws[:width] + (EMPTY,) * (len(headers) - min(len(raws), width))))
    if width is None:
        found.sheet(sheet, f"baris judul tabel (kolom '{headers[0]}', '{headers[1]}', ...) tidak ditemukan di "
                           f"{HEADER_SEARCH} baris pertama; pakai templat dari 'rkt form-template'")
        return None
    return rows, width


