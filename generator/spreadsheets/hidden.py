"""Places of a sheet that Excel does not show: the sheet itself hidden (or "very hidden", which
Excel's menus cannot show again), rows and columns hidden, folded into a collapsed group,
filtered out or too thin to see, and text in the colour of its background.

A value read from such a place is one that the person checking the workbook never saw, so the
import refuses every one of them that holds data in a sheet it reads (all of them, in one run)
and reads nothing until they are shown or removed. Hidden places without data are harmless
(Excel users hide empty columns), and sheets the import does not read are not looked at: the
templates' own hidden 'Daftar' sheet (the drop-down lists) is one of them.

Read from the sheet's XML (already bounded by `limits.measure`): a read-only openpyxl sheet
does not expose row heights, hidden columns or outline levels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.spreadsheets.cell_problems import Found

ROW_MIN_HEIGHT = 3.0  # points: a lower row shows no readable text (Excel's usual height is 15)
COL_MIN_WIDTH = 1.0  # characters: a narrower column shows no readable text (Excel's usual width is 8,43)
_TRUE = ("1", "true")
_STATE = {
    "hidden": "lembar '{s}' disembunyikan tetapi isinya dibaca; tampilkan lembarnya (klik kanan pada nama lembar "
              "mana pun > Unhide / Tampilkan, pilih '{s}') dan periksa isinya",
    "veryHidden": "lembar '{s}' disembunyikan sedemikian rupa sehingga tidak dapat ditampilkan dari menu Excel "
                  "(very hidden), tetapi isinya dibaca; buat templat baru dan salin ke sana isian yang sudah "
                  "diperiksa",
}


@dataclass(frozen=True)
class _Look:
    """How a row or a column is shown: why it cannot be seen (None when it can)."""

    hidden: bool = False
    size: float | None = None  # height in points or width in characters, when the file sets one
    grouped: bool = False  # in an outline group (a hidden one is a collapsed group)

    def why(self, least: float) -> str | None:
        if self.hidden:
            return "group" if self.grouped else "hidden"
        if self.size is not None and self.size < least:
            return "thin"
        return None


@dataclass
class _Sheet:
    """What one pass over a sheet's XML found (filled while parsing)."""

    default_width: float | None = None
    columns: list[tuple[int, int, _Look]] = field(default_factory=list)  # (first, last, look) of <col>
    rows: dict[int, tuple[str, float | None]] = field(default_factory=dict)  # hidden row with data -> why, size
    used_columns: set[int] = field(default_factory=set)
    invisible: list[tuple[int, int]] = field(default_factory=list)  # (row, column) of text coloured as its fill
    filtered: bool = False


def check(ws: Any, sheet: str, found: Found) -> None:
    """Every place of sheet `ws` (read by the import as `sheet`) that Excel does not show and
    that holds data, as a problem in `found`."""
    message = _STATE.get(getattr(ws, "sheet_state", "visible"))
    if message:
        found.sheet(sheet, message.format(s=sheet))
    got = _scan(ws)
    if got is None:
        return  # openpyxl reports a damaged sheet itself
    rows = [(n, "filter" if why == "hidden" and got.filtered else why, size if why == "thin" else None)
            for n, (why, size) in sorted(got.rows.items())]
    for first, last, why, size in _runs(rows):
        span = f"{first}" if first == last else f"{first} sampai {last}"
        found.region(sheet, f"{first}:{last}", (first, 0), _row_message(f"lembar '{sheet}' baris {span}", why, size))
    columns = [(col, unseen, look.size if unseen == "thin" else None) for col, look in _columns(got).items()
               if (unseen := look.why(COL_MIN_WIDTH)) is not None]
    for first, last, why, size in _runs(columns):
        a, b = _letter(first), _letter(last)
        span = a if first == last else f"{a} sampai {b}"
        found.region(sheet, f"{a}:{b}", (0, first), _column_message(f"lembar '{sheet}' kolom {span}", why, size))
    for n, col in got.invisible:
        found.add(sheet, col, n, "teks di sel ini tidak terlihat (warna hurufnya sama dengan warna latarnya); "
                                 "ubah warna hurufnya (Beranda > Warna Font > Otomatis) dan periksa isinya, atau "
                                 "kosongkan selnya")


def _runs(items: list[tuple[int, str, float | None]]) -> list[tuple[int, int, str, float | None]]:
    """(first, last, why, size) of each run of consecutive rows (or columns) hidden the same way,
    so that a block of hidden columns is one problem, not hundreds."""
    runs: list[tuple[int, int, str, float | None]] = []
    for n, why, size in items:
        if runs and runs[-1][1] == n - 1 and runs[-1][2:] == (why, size):
            runs[-1] = (runs[-1][0], n, why, size)
        else:
            runs.append((n, n, why, size))
    return runs


def _row_message(where: str, why: str, size: float | None) -> str:
    if why == "filter":
        return (f"{where} tersembunyi oleh filter tetapi berisi data; hapus filternya (Data > Filter > Clear / "
                f"Hapus) dan periksa isinya, atau hapus barisnya")
    if why == "group":
        return (f"{where} berada di dalam grup yang diciutkan tetapi berisi data; buka grupnya (klik tanda + di "
                f"sebelah kiri nomor baris) dan periksa isinya, atau hapus barisnya")
    if why == "thin":
        return (f"{where} setinggi {_number(size)} poin sehingga isinya tidak terlihat; atur tinggi barisnya (klik "
                f"kanan pada nomor baris > Row Height / Tinggi Baris, isi 15) dan periksa isinya, atau hapus barisnya")
    return (f"{where} disembunyikan tetapi berisi data; tampilkan barisnya (klik kanan pada nomor baris > Unhide / "
            f"Tampilkan) dan periksa isinya, atau hapus barisnya")


def _column_message(where: str, why: str, size: float | None) -> str:
    if why == "group":
        return (f"{where} berada di dalam grup yang diciutkan tetapi berisi data; buka grupnya (klik tanda + di "
                f"atas huruf kolom) dan periksa isinya, atau hapus isi kolomnya")
    if why == "thin":
        return (f"{where} selebar {_number(size)} karakter sehingga isinya tidak terlihat; atur lebar kolomnya (klik "
                f"kanan pada huruf kolom > Column Width / Lebar Kolom, isi 15) dan periksa isinya")
    return (f"{where} disembunyikan tetapi berisi data; tampilkan kolomnya (klik kanan pada huruf kolom > Unhide / "
            f"Tampilkan) dan periksa isinya")


def _number(size: float | None) -> str:
    return f"{size or 0:g}".replace(".", ",")


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _columns(got: _Sheet) -> dict[int, _Look]:
    """How each used column is shown: its <col> element's look (the first one that covers it),
    else the sheet's default width. Found by bisection, so thousands of <col> elements and
    thousands of used columns cost no more than their sum."""
    from bisect import bisect_left, bisect_right

    used = sorted(got.used_columns)
    looks = {col: _Look(size=got.default_width) for col in used}
    done = 0  # used[:done] have their look: ranges may not overlap, and where a damaged file's do, the first wins
    for first, last, look in sorted(got.columns, key=lambda c: c[0]):
        start, end = max(bisect_left(used, first), done), bisect_right(used, last)
        if look.size is not None or look.hidden:  # else a <col> that only sets a style: the default width
            looks.update((col, look) for col in used[start:end])
        done = max(done, end)
    return looks


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _scan(ws: Any) -> _Sheet | None:
    """One pass over the sheet's XML: column looks, hidden rows holding data, used columns,
    invisible text. None when the sheet's XML cannot be read."""
    import xml.etree.ElementTree as ET

    got = _Sheet()
    colours = _Colours(getattr(ws, "parent", None))
    strings = getattr(ws, "_shared_strings", None) or []
    try:
        with ws._get_source() as source:
            _parse(ET.iterparse(source), got, strings, colours)
    except (ET.ParseError, AttributeError, OSError, ValueError):
        return None
    return got


def _parse(events: Any, got: _Sheet, strings: list, colours: _Colours) -> None:
    """The elements of a sheet's XML that say how it is shown, into `got`."""
    last_row = 0
    for _, el in events:
        tag = el.tag.rpartition("}")[2]
        if tag == "sheetFormatPr":
            got.default_width = _float(el.get("defaultColWidth"))
        elif tag == "col":
            look = _Look(el.get("hidden") in _TRUE, _float(el.get("width")), (el.get("outlineLevel") or "0") != "0")
            got.columns.append((int(el.get("min") or 0), int(el.get("max") or 0), look))
        elif tag == "autoFilter":
            got.filtered = True
        elif tag == "row":
            last_row = int(el.get("r") or last_row + 1)
            _row(got, el, last_row, strings, colours)
            el.clear()  # keep memory flat on big sheets


def _row(got: _Sheet, el: Any, n: int, strings: list, colours: _Colours) -> None:
    """One <row>: the columns its cells with data use, its invisible cells, and whether it is hidden."""
    col = 0
    used = False
    for c in el:
        if not c.tag.endswith("}c"):
            continue
        ref = c.get("r")
        col = _ref_column(ref) if ref else col + 1
        if not _has_data(c, strings):
            continue
        used = True
        got.used_columns.add(col)
        if colours.invisible(c.get("s")):
            got.invisible.append((n, col))
    look = _Look(el.get("hidden") in _TRUE, _float(el.get("ht")), (el.get("outlineLevel") or "0") != "0")
    why = look.why(ROW_MIN_HEIGHT)
    if used and why:
        got.rows[n] = (why, look.size)


def _ref_column(ref: str) -> int:
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + ord(ch.upper()) - 64
    return n


def _texts(el: Any) -> Iterable[str]:
    return (t.text or "" for t in el.iter() if t.tag.endswith("}t") or t.tag.endswith("}v") or t.tag.endswith("}f"))


def _has_data(c: Any, strings: list) -> bool:
    """Whether cell element `c` holds anything the import would read (blank text is empty, as in `cells.Raw`)."""
    if c.get("t") == "s":
        v = next((x.text for x in c if x.tag.endswith("}v")), None)
        try:
            value = strings[int(v)] if v is not None else None
        except (ValueError, IndexError):
            return v is not None
        return value is not None and bool(str(value).strip())
    if any(x.tag.endswith("}f") for x in c):
        return True  # a formula: refused by the reading too, and a hidden one is named as hidden
    return any(text.strip() for text in _texts(c))


class _Colours:
    """Whether a cell style writes its text in the colour of its background: white (or the theme's
    background colour) on no fill, or the same colour as a solid fill. Colours set by conditional
    formatting or by a number format (`[White]`) are not looked at."""

    def __init__(self, workbook: Any) -> None:
        self._styles = getattr(workbook, "_cell_styles", None) or []
        self._fonts = getattr(workbook, "_fonts", None) or []
        self._fills = getattr(workbook, "_fills", None) or []
        self._seen: dict[str, bool] = {}

    def invisible(self, style: str | None) -> bool:
        if not style or style == "0":
            return False
        if style not in self._seen:
            self._seen[style] = self._invisible(style)
        return self._seen[style]

    def _invisible(self, style: str) -> bool:
        try:
            xf = self._styles[int(style)]
            font = self._fonts[xf.fontId].color
            fill = self._fills[xf.fillId]
        except (ValueError, IndexError, AttributeError, TypeError):
            return False
        if font is None:
            return False
        pattern = getattr(fill, "patternType", None)
        if pattern is None or pattern == "none":
            return _key(font) in _WHITE
        return pattern == "solid" and _key(font) == _key(getattr(fill, "fgColor", None))


def _key(colour: Any) -> tuple[str, object] | None:
    """A colour as a comparable key: ('rgb', 'FFFFFF'), ('theme', 0), ('indexed', 9); None for automatic."""
    kind = getattr(colour, "type", None)  # only the attribute that `type` names holds a colour
    tint = getattr(colour, "tint", 0) or 0
    if kind == "rgb" and isinstance(colour.rgb, str):
        return ("rgb", colour.rgb[-6:].upper())
    if kind == "theme":
        return ("theme", colour.theme) if not tint else ("theme", (colour.theme, round(tint, 3)))
    if kind == "indexed":
        return ("rgb", "FFFFFF") if colour.indexed in (1, 9) else ("indexed", colour.indexed)
    return None


_WHITE = {("rgb", "FFFFFF"), ("theme", 0)}  # theme colour 0 is "Background 1", white in every built-in theme
