"""Excel in: a form template for a unit, and reading a filled one back.

The template has the columns of the agency's target sheets, instructions in
Indonesian, drop-downs where the values are a closed list, and every typed
column formatted as text so that Excel never turns "5.03.02" into a number or
"0,70" into 0.7. Reading it back never changes a value: a number is read as
Excel shows it (from the cell's number format) or refused when the format does
not say how it was typed; every problem names its cell as `form.xlsx:Sheet!C12`,
and all of them are reported in one run. A workbook is measured before it is
opened (zip entries, unpacked size, compression ratio) and counted while it is
read (rows, cells), so a zip bomb or a million junk rows is refused in seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.core.model import Renstra

KINERJA = "Kinerja"
PROGRAM = "Program"
LISTS = "Daftar"
GUIDE = "Petunjuk"
LEVELS = ("Program", "Kegiatan", "Sub Kegiatan")
KINERJA_HEADERS = ["Kode Sasaran", "Sasaran", "Kode Indikator", "Indikator Kinerja", "Satuan", "Target Renstra",
                   "Target", "Catatan"]
PROGRAM_HEADERS = ["Tingkat", "Kode", "Nama Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja",
                   "Target Kinerja", "Satuan", "Anggaran (Rp)", "Penanggung Jawab"]
CODE_PATTERNS = {
    "Program": re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}"),
    "Kegiatan": re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}"),
    "Sub Kegiatan": re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}"),
}
CODE_EXAMPLES = {"Program": "5.03.02", "Kegiatan": "5.03.02.2.01", "Sub Kegiatan": "5.03.02.2.01.0001"}
EMPTY_ROWS = 150

GUIDE_TEXT = [
    "PETUNJUK PENGISIAN FORM RKT",
    "",
    "1. Lembar 'Kinerja': isi kolom 'Target' untuk setiap indikator Renstra yang menjadi tanggung jawab unit.",
    "   Baris baru boleh ditambah; pilih Kode Indikator dari daftar. Pecahan ditulis dengan koma, misalnya 0,70.",
    "   Kolom Sasaran, Indikator Kinerja, Satuan dan Target Renstra diambil dari Renstra: jangan diubah.",
    "   Kolom 'Catatan' untuk penjelasan bila target berbeda dari Renstra.",
    "   Target '-' berarti indikator itu memang tidak memiliki target tahun ini.",
    "2. Lembar 'Program': satu baris untuk setiap program, kegiatan dan sub kegiatan, berurutan:",
    "   baris Program, lalu baris-baris Kegiatan di bawahnya, lalu baris-baris Sub Kegiatan di bawah kegiatannya.",
    "   Pilih 'Tingkat' dari daftar. Kode ditulis lengkap sesuai nomenklatur Kepmendagri, misalnya 5.03.02.2.01.0001.",
    "3. Anggaran diisi pada baris Sub Kegiatan, berupa angka tanpa 'Rp' dan tanpa titik.",
    "   Jumlah per kegiatan, program dan unit dihitung otomatis oleh sistem.",
    "   Bila rincian sub kegiatan belum ada, pagu boleh diisi pada baris Program atau Kegiatan (tanpa baris di",
    "   bawahnya). Bila baris di bawahnya juga beranggaran, anggaran Program/Kegiatan harus sama dengan jumlahnya.",
    "   Pada baris Program dan Kegiatan, kolom Satuan dan Penanggung Jawab dibiarkan kosong.",
    "4. Kolom isian sudah berformat Teks agar Excel tidak mengubah isinya (0,70 tetap 0,70; 92% tetap 92%).",
    "   Bila menempel dari berkas lain, pilih 'Tempel Nilai'. Jangan memakai rumus (=...): ketik nilainya.",
    "5. Jangan mengubah nama lembar, urutan kolom, atau baris judul.",
    "6. Setelah selesai, serahkan berkas ini kepada Tim Perencanaan (atau unggah ke pull request).",
    "   Pemeriksa akan menjalankan: rkt import TAHUN UNIT berkas.xlsx",
    "",
    "Kesalahan dilaporkan dengan nama lembar dan sel, misalnya Program!G12.",
]


def template(data: dict, renstra: Renstra, unit_name: str) -> bytes:
    """A workbook prefilled with `data` (a form in schema shape)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from generator.source.workbook import deterministic_zip, inert_append

    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE
    guide.append([f"Form RKT Tahun {data['tahun']} — {unit_name} (kode unit: {data['unit']})"])
    guide["A1"].font = Font(bold=True, size=12)
    for line in GUIDE_TEXT:
        guide.append([line])
    guide.column_dimensions["A"].width = 120

    lists = wb.create_sheet(LISTS)
    indicators = [(o, i) for o, i in renstra.indicators()]
    for n, (o, i) in enumerate(indicators, start=1):
        lists.cell(row=n, column=1, value=i.code)
        lists.cell(row=n, column=2, value=o.code)
    for n, level in enumerate(LEVELS, start=1):
        lists.cell(row=n, column=3, value=level)
    lists.sheet_state = "hidden"

    header_fill = PatternFill("solid", fgColor="DDDDDD")

    def header(ws, names: list[str], widths: list[int]) -> None:
        ws.append(names)
        for i, cell in enumerate(ws[1]):
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[cell.column_letter].width = widths[i]
        ws.freeze_panes = "A2"

    kin = wb.create_sheet(KINERJA)
    header(kin, KINERJA_HEADERS, [13, 45, 15, 55, 12, 15, 15, 40])
    by_code = {i.code: (o, i) for o, i in indicators}
    for row in data["kinerja"]:
        for t in row["indikator"]:
            o, i = by_code.get(t["kode"], (None, None))
            inert_append(kin, [row["sasaran"], o.description if o else "", t["kode"], i.description if i else "",
                        i.unit_of_measure if i else "", _blank(i.target(data["tahun"]) if i else None), t["target"],
                        t.get("catatan") or ""])
    dv = DataValidation(type="list", formula1=f"={LISTS}!$A$1:$A${max(len(indicators), 1)}", allow_blank=True,
                        showErrorMessage=True, errorTitle="Kode indikator",
                        error="Pilih kode indikator dari daftar Renstra.")
    kin.add_data_validation(dv)
    dv.add(f"C2:C{kin.max_row + EMPTY_ROWS}")
    for r in range(2, kin.max_row + EMPTY_ROWS + 1):
        for col in "ABCDEFGH":  # text, so that Excel keeps "0,70" and "92%" as typed
            kin[f"{col}{r}"].number_format = "@"

    prog = wb.create_sheet(PROGRAM)
    header(prog, PROGRAM_HEADERS, [14, 20, 55, 50, 16, 12, 18, 36])
    for p in data["program"]:
        inert_append(prog, ["Program", p["kode"], p["nama"], p.get("indikator", ""), _blank(p.get("target")), "",
                            p.get("anggaran"), ""])
        for k in p.get("kegiatan", ()):
            inert_append(prog, ["Kegiatan", k["kode"], k["nama"], k.get("indikator", ""), _blank(k.get("target")), "",
                         k.get("anggaran"), ""])
            for s in k.get("sub_kegiatan", ()):
                inert_append(prog, ["Sub Kegiatan", s["kode"], s["nama"], s["indikator"], s["target"],
                             s.get("satuan") or "", s["anggaran"], s["penanggung_jawab"]])
    last = prog.max_row + EMPTY_ROWS
    levels = DataValidation(type="list", formula1=f"={LISTS}!$C$1:$C$3", allow_blank=True, showErrorMessage=True,
                            errorTitle="Tingkat", error="Pilih Program, Kegiatan atau Sub Kegiatan.")
    money = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Anggaran",
                           error="Anggaran berupa angka bulat tanpa titik dan tanpa 'Rp'.")
    prog.add_data_validation(levels)
    prog.add_data_validation(money)
    levels.add(f"A2:A{last}")
    money.add(f"G2:G{last}")
    for r in range(2, last + 1):
        for col in "ABCDEFH":  # text, so that Excel keeps codes, "0,70" and "92%" as typed
            prog[f"{col}{r}"].number_format = "@"
        prog[f"G{r}"].number_format = '#,##0'
    for ws in (kin, prog):
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.print_title_rows = "1:1"
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def _blank(value: object) -> object:
    return "" if value is None else value


# --- reading: problems and limits -----------------------------------------


@dataclass(frozen=True)
class CellProblem:
    where: str  # "form.xlsx:Program!G12", "form.xlsx:Program" or "form.xlsx"
    message: str
    order: tuple[int, int, int] = (0, 0, 0)  # (sheet, row, column): problems are listed in reading order


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
_UNREADABLE = ("berkas tidak dapat dibaca sebagai Excel (.xlsx); simpan ulang dari Excel dengan format "
               "'Excel Workbook (*.xlsx)'")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB".replace(".", ",")


def _not_xlsx(head: bytes) -> str:
    """Why bytes that are not a zip are no workbook, in the words a user recognises."""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ("berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; buka di Excel, hapus kata "
                "sandinya bila ada, lalu simpan sebagai 'Excel Workbook (*.xlsx)'")
    if head.startswith((b"<", b"\xef\xbb\xbf<")):
        return "berkas ini halaman web/XML, bukan Excel (.xlsx); " + _UNREADABLE.split("; ", 1)[1]
    return _UNREADABLE


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
        return _UNREADABLE
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


# --- reading: one cell ------------------------------------------------------

_TEXT_FIX = "format sel sebagai Teks lalu ketik ulang, atau awali isinya dengan tanda petik (')"
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Raw:
    """One cell as stored: value, openpyxl data type ('n', 's', 'f', 'b', 'e', 'd') and number format."""

    value: object
    kind: str = "n"
    fmt: str = "General"

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Raw(None)


def _decimal(number: int | float):
    from decimal import Decimal

    return Decimal(number) if isinstance(number, int) else Decimal(repr(number))


def _plain(d) -> str:
    """A Decimal as digits with a decimal comma, never in exponent notation."""
    return format(d, "f").replace(".", ",")


def _number_format(fmt: str) -> tuple[int, int, int] | str:
    """(percent signs, fewest decimals, most decimals) of the first section of an Excel
    number format, or why it cannot be trusted to show the value as typed."""
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', fmt)[0]
    for bracket in re.findall(r"\[([^\]]*)\]", section):
        if bracket[:1] in "<>=" or (bracket.startswith("$") and bracket[1:].split("-")[0].strip()):
            return "format sel memuat syarat atau mata uang"
    core = re.sub(r'\[[^\]]*\]|"\s*"|\\ |_.|\*.', "", section)
    if not core or not re.fullmatch(r"[0#?.,% ]*[0#?][0#?.,% ]*", core):
        return "format sel tidak dikenali (bukan angka biasa, desimal atau persen)"
    if re.search(r"[0#?],+[ %]*$", core):
        return "format sel membagi angka dengan seribu"
    decimals = core.split(".", 1)[1] if "." in core else ""
    return core.count("%"), decimals.count("0"), sum(decimals.count(c) for c in "0#?")


def shown(number: int | float, fmt: str | None) -> tuple[str | int | None, str | None]:
    """A number as Excel shows it, with a decimal comma: (value, None), or (None, why it is refused).

    Whole numbers in General format are unambiguous. A fraction in General (or Text) format is
    not: Excel shows 0,7 whether "0,7" or "0,70" was typed, and the project keeps "0,70" as
    typed, so such a cell is refused with a request to type it as text. A format with fixed
    decimals or a percent sign says exactly what the user saw; what it would hide (0,756 shown
    as 0,76) is refused too, never rounded silently.
    """
    from decimal import ROUND_HALF_UP, Decimal

    if isinstance(number, float) and (number != number or number in (float("inf"), float("-inf"))):
        return None, "angka tidak sah"
    d = _decimal(number)
    general = not fmt or fmt.strip().lower() in ("general", "@", "umum")
    if abs(d) >= Decimal(10) ** 15:
        return None, f"angka terlalu besar untuk dibaca dengan tepat; {_TEXT_FIX}"
    if general:
        if d == d.to_integral_value():
            return int(d), None
        return None, (f"Excel menyimpan angka {_plain(d.normalize())} tanpa jumlah desimal tetap, jadi tidak "
                      f"diketahui apakah yang diketik {_plain(d.normalize())} atau misalnya "
                      f"{_plain(d.normalize())}0; {_TEXT_FIX}, persis seperti yang dimaksud")
    if number < 0 and ";" in fmt:
        return None, f"angka negatif dengan format sel '{fmt}'; {_TEXT_FIX}"
    parsed = _number_format(fmt)
    if isinstance(parsed, str):
        return None, f"{parsed} ('{fmt}'); {_TEXT_FIX}"
    percents, fewest, most = parsed
    d = d * Decimal(100) ** percents
    q = d.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP)
    if q != d:
        return None, (f"sel menampilkan {_plain(q)}{'%' * percents} tetapi nilainya "
                      f"{_plain(d.normalize())}{'%' * percents}; {_TEXT_FIX}, persis seperti yang dimaksud")
    text = format(q, "f")
    while "." in text and len(text.split(".")[1]) > fewest and text.endswith("0"):
        text = text[:-1]
    text = text.rstrip(".").replace(".", ",")
    if percents:
        return text + "%" * percents, None
    return (int(q) if "," not in text else text), None


def _refusal(raw: Raw) -> str | None:
    """What no column accepts: formulas, error values, TRUE/FALSE, dates and times."""
    import datetime as dt

    value = raw.value
    if raw.kind == "f" or (isinstance(value, str) and value.lstrip().startswith("=")):
        return "sel berisi rumus; rumus tidak dibaca. Ketik nilainya langsung (salin lalu 'Tempel Nilai')"
    if raw.kind == "e":
        return f"sel berisi nilai galat {value}; ketik nilainya"
    if isinstance(value, bool):
        return f"sel berisi {'TRUE' if value else 'FALSE'}; ketik nilainya sebagai teks"
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return f"Excel mengubah isian menjadi tanggal atau jam; {_TEXT_FIX}"
    if not isinstance(value, (str, int, float)):
        return "isi sel tidak dikenali; ketik nilainya"
    return None


def text_of(raw: Raw) -> tuple[str, str | None]:
    """A text column: the text (stripped), or "" and why it is refused."""
    if raw.empty:
        return "", None
    why = _refusal(raw)
    if why:
        return "", why
    if isinstance(raw.value, str):
        return raw.value.strip(), None
    value, why = shown(raw.value, raw.fmt)  # type: ignore[arg-type]
    return ("", why) if why else (str(value), None)


def target_of(raw: Raw) -> tuple[str | int | None, str | None]:
    """A target: whole numbers stay numbers (as YAML reads a plain 85), everything else is
    the text the user saw; None for an empty cell."""
    if raw.empty:
        return None, None
    why = _refusal(raw)
    if why:
        return None, why
    if isinstance(raw.value, str):
        text = raw.value.strip()
        return (int(text) if _PLAIN_INT.fullmatch(text) else text), None
    return shown(raw.value, raw.fmt)  # type: ignore[arg-type]


def budget_of(raw: Raw) -> tuple[int | None, str | None]:
    """Rupiah as a whole number; digits typed as text are fine, anything else is refused."""
    if raw.empty:
        return None, "anggaran belum diisi; isi angka saja tanpa 'Rp' dan titik, misalnya 150000000"
    why = _refusal(raw)
    if why:
        return None, why
    value = raw.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, int):
        return (value, None) if value >= 0 else (None, "anggaran tidak boleh negatif")
    if isinstance(value, float):
        return None, f"anggaran {_plain(_decimal(value))} memuat pecahan; isi Rupiah bulat tanpa sen"
    shown_text = str(value).strip()
    hint = re.sub(r"[^0-9]", "", shown_text) if re.fullmatch(r"(?:Rp\.?\s*)?[0-9.,]+", shown_text) else ""
    return None, (f"anggaran '{shown_text}' bukan angka; isi angka saja tanpa 'Rp' dan titik"
                  + (f", misalnya {hint}" if hint else ""))


# --- reading: one sheet -----------------------------------------------------

SHEET_ORDER = {KINERJA: 1, PROGRAM: 2}
HEADER_SEARCH = 10  # a hand-made sheet may have title rows above the header row


@dataclass(frozen=True)
class Row:
    number: int
    cells: tuple[Raw, ...]  # one per column of the table, in the template's order


@dataclass
class _Found:
    """Problems and cell names collected while reading one workbook."""

    label: str
    problems: list[CellProblem]
    places: dict[tuple, tuple[str, tuple[int, int, int]]]  # JSON path -> (where, order)

    def cell(self, sheet: str, col: int, row: int) -> tuple[str, tuple[int, int, int]]:
        from openpyxl.utils import get_column_letter

        return f"{self.label}:{sheet}!{get_column_letter(col)}{row}", (SHEET_ORDER.get(sheet, 0), row, col)

    def add(self, sheet: str, col: int, row: int, message: str) -> None:
        where, order = self.cell(sheet, col, row)
        self.problems.append(CellProblem(where, message, order))

    def sheet(self, sheet: str, message: str) -> None:
        self.problems.append(CellProblem(f"{self.label}:{sheet}", message, (SHEET_ORDER.get(sheet, 0), 0, 0)))

    def place(self, path: tuple, sheet: str, col: int, row: int) -> None:
        self.places[path] = self.cell(sheet, col, row)


def _raw(cell: object) -> Raw:
    value = getattr(cell, "value", None)
    if value is None:
        return EMPTY
    return Raw(value, getattr(cell, "data_type", "n") or "n", getattr(cell, "number_format", None) or "General")


def _words(raw: Raw) -> str:
    return " ".join(str(raw.value).split()).casefold() if not raw.empty else ""


def _header(raws: tuple[Raw, ...], headers: list[str], optional: int, sheet: str, n: int,
            found: _Found) -> int | None:
    """The number of columns of the table when row `n` is its header row; a problem per wrong title."""
    width = len(headers)
    while width > len(headers) - optional and (len(raws) < width or raws[width - 1].empty):
        width -= 1  # an older template without the trailing optional columns
    wrong = False
    for col, name in enumerate(headers[:width], start=1):
        got = raws[col - 1] if col <= len(raws) else EMPTY
        if _words(got) != " ".join(name.split()).casefold():
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


def _vertical_merges(ws: object) -> dict[tuple[int, int], tuple[int, int]]:
    """Cells covered by a vertical merge (one column, several rows) -> the merge's top cell.

    Real sheets merge a sasaran's cells over all of its indicator rows; Excel keeps the value in
    the top cell only, so without this every row below it would read as an empty sasaran.
    Horizontal merges are left alone: spreading a name into the next column would invent a value.
    Read from the sheet's XML (already bounded by `measure`), since a read-only sheet does not
    expose its merges."""
    import xml.etree.ElementTree as ET

    covered: dict[tuple[int, int], tuple[int, int]] = {}
    try:
        source = ws._get_source()  # type: ignore[attr-defined]
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


def table(ws: object, sheet: str, headers: list[str], found: _Found, limits: Limits = LIMITS,
          optional: int = 0) -> tuple[list[Row], int] | None:
    """The non-empty rows under the header row and the table's width, or None when the sheet
    cannot be read as the table. Rows and cells are counted as they stream in: the sheet's
    dimension tag is ignored (it can claim anything), so a million junk rows stop at the limit."""
    spans = _vertical_merges(ws)
    ws.reset_dimensions()  # type: ignore[attr-defined]
    width: int | None = None
    rows: list[Row] = []
    cells = 0
    anchors: dict[tuple[int, int], Raw] = {}
    for n, row in enumerate(ws.iter_rows(), start=1):  # type: ignore[attr-defined]
        cells += len(row)
        if n > limits.rows or cells > limits.cells:
            found.sheet(sheet, f"lembar {sheet} memuat lebih dari {limits.rows} baris atau {limits.cells} sel "
                               f"(termasuk baris dan kolom kosong yang berformat); salin isian ke templat baru "
                               f"dari 'rkt form-template'")
            return None
        raws = tuple(_raw(c) for c in row)
        if spans:
            raws = _fill_merged(raws, n, spans, anchors)
        if width is None:
            if raws and _words(raws[0]) == headers[0].casefold():
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


# --- reading: the two tables ------------------------------------------------

_PLACEHOLDER = "?"  # stands for a refused cell, so later checks do not report the same cell twice


def _same_text(raw: Raw, expected: object) -> bool:
    text = _words(raw)
    return text == " ".join(str(expected if expected is not None else "").split()).casefold() or \
        (isinstance(raw.value, (int, float)) and not isinstance(raw.value, bool) and
         shown(raw.value, raw.fmt)[0] == expected)


def _kinerja(rows: list[Row], renstra: Renstra, year: int, found: _Found) -> list[dict]:
    """Kinerja rows grouped by sasaran (in order of first appearance); every cell of every row checked."""
    indicators = {i.code: (o, i) for o, i in renstra.indicators()}
    groups: dict[str, list[tuple[Row, dict]]] = {}
    for row in rows:
        n = row.number
        sasaran, obj_text, code, ind_text, unit, renstra_target, target, note = row.cells
        code_s, why = text_of(code)
        if why:
            found.add(KINERJA, 3, n, why)
        elif not code_s:
            found.add(KINERJA, 3, n, "kode indikator belum diisi; pilih dari daftar")
        elif code_s not in indicators:
            found.add(KINERJA, 3, n, f"kode indikator '{code_s}' tidak ada di Renstra; pilih dari daftar: "
                                     f"{', '.join(indicators)}")
        obj, ind = indicators.get(code_s, (None, None))
        sasaran_s, why = text_of(sasaran)
        if why:
            found.add(KINERJA, 1, n, why)
        elif obj is not None and sasaran_s and sasaran_s != obj.code:
            found.add(KINERJA, 1, n, f"indikator {code_s} milik sasaran {obj.code}, bukan {sasaran_s}")
        if ind is not None:
            from_renstra = ((2, obj_text, obj.description), (4, ind_text, ind.description),
                            (5, unit, ind.unit_of_measure), (6, renstra_target, ind.target(year)))
            for col, raw, expected in from_renstra:
                if not raw.empty and not _same_text(raw, expected):
                    found.add(KINERJA, col, n, f"kolom '{KINERJA_HEADERS[col - 1]}' diambil dari Renstra dan "
                                               f"perubahan di sini tidak dipakai; kosongkan sel ini atau kembalikan "
                                               f"ke '{_blank(expected)}'. Perubahan Renstra diajukan terpisah")
        value, why = target_of(target)
        if why:
            found.add(KINERJA, 7, n, why)
        elif value is None:
            found.add(KINERJA, 7, n, f"target indikator {code_s or '(tanpa kode)'} belum diisi")
        note_s, why = text_of(note)
        if why:
            found.add(KINERJA, 8, n, why)
        if obj is None:
            continue
        entry: dict = {"kode": code_s, "target": _PLACEHOLDER if value is None else value}
        if note_s:
            entry["catatan"] = note_s
        groups.setdefault(obj.code, []).append((row, entry))
    kinerja = []
    for i, (objective, members) in enumerate(groups.items()):
        first = members[0][0].number
        found.place(("kinerja", i), KINERJA, 1, first)
        found.place(("kinerja", i, "sasaran"), KINERJA, 1, first)
        for j, (row, _) in enumerate(members):
            for path, col in (((), 3), (("kode",), 3), (("target",), 7), (("catatan",), 8)):
                found.place(("kinerja", i, "indikator", j) + path, KINERJA, col, row.number)
        kinerja.append({"sasaran": objective, "indikator": [entry for _, entry in members]})
    return kinerja


def _program_row(row: Row, level: str, found: _Found) -> dict:
    """One Program, Kegiatan or Sub Kegiatan row as a form entry; every cell checked."""
    n = row.number
    _, code, nama, indikator, target, satuan, anggaran, pj = row.cells
    code_s, why = text_of(code)
    if isinstance(code.value, (int, float)) and not isinstance(code.value, bool):
        found.add(PROGRAM, 2, n, f"kode {code.value} terbaca sebagai angka oleh Excel; ketik ulang sebagai teks, "
                                 f"misalnya {CODE_EXAMPLES[level]}")
        code_s = _PLACEHOLDER
    elif why:
        found.add(PROGRAM, 2, n, why)
        code_s = _PLACEHOLDER
    elif not CODE_PATTERNS[level].fullmatch(code_s):
        found.add(PROGRAM, 2, n, f"kode {level.lower()} '{code_s}' tidak sesuai format; "
                                 f"contoh: {CODE_EXAMPLES[level]}")
    entry: dict = {"kode": code_s}
    texts = {}
    for col, raw in ((3, nama), (4, indikator), (6, satuan), (8, pj)):
        texts[col], why = text_of(raw)
        if why:
            found.add(PROGRAM, col, n, why)
            texts[col] = _PLACEHOLDER
    value, why = target_of(target)
    if why:
        found.add(PROGRAM, 5, n, why)
        value = _PLACEHOLDER
    if not texts[3]:
        found.add(PROGRAM, 3, n, "nama belum diisi")
    entry["nama"] = texts[3] or _PLACEHOLDER
    if level != "Sub Kegiatan":
        if texts[4]:
            entry["indikator"] = texts[4]
        if value is not None:
            entry["target"] = value
        # A pagu typed on a program or kegiatan row is the form's `anggaran` of that level
        # (rules.py checks it against the rows below). Satuan and penanggung jawab exist
        # only on sub kegiatan: a value typed there would be dropped, so it is refused.
        if not anggaran.empty:
            budget, why = budget_of(anggaran)
            if why:
                found.add(PROGRAM, 7, n, why)
            entry["anggaran"] = 0 if budget is None else budget
        for col, what in ((6, "satuan"), (8, "penanggung jawab")):
            if texts[col]:
                found.add(PROGRAM, col, n, f"{what} pada baris {level} tidak dapat disimpan: {what} hanya diisi "
                                           f"pada baris Sub Kegiatan; kosongkan sel ini")
        return entry
    if not texts[4]:
        found.add(PROGRAM, 4, n, "indikator kinerja belum diisi")
    if value is None:
        found.add(PROGRAM, 5, n, "target kinerja belum diisi")
    budget, why = budget_of(anggaran)
    if why:
        found.add(PROGRAM, 7, n, why)
    if not texts[8]:
        found.add(PROGRAM, 8, n, "penanggung jawab belum diisi")
    entry.update({"indikator": texts[4] or _PLACEHOLDER, "target": _PLACEHOLDER if value is None else value,
                  **({"satuan": texts[6]} if texts[6] else {}),
                  "anggaran": 0 if budget is None else budget, "penanggung_jawab": texts[8] or _PLACEHOLDER})
    return entry


_COLUMNS = {"kode": 2, "nama": 3, "indikator": 4, "target": 5, "satuan": 6, "anggaran": 7, "penanggung_jawab": 8}


def _under(child: str, level: str, parent: str, parent_level: str) -> bool:
    """Whether a code continues its parent's; a malformed code already has its own problem."""
    if not (CODE_PATTERNS[level].fullmatch(child) and CODE_PATTERNS[parent_level].fullmatch(parent)):
        return True
    return child.startswith(parent + ".")


def _program(rows: list[Row], found: _Found) -> list[dict]:
    """Program -> kegiatan -> sub kegiatan from rows in that order; every row checked."""
    programs: list[dict] = []
    parents: dict[str, tuple] = {}  # the JSON paths of the current program and kegiatan
    for row in rows:
        n = row.number
        level, why = text_of(row.cells[0])
        if level not in LEVELS:
            found.add(PROGRAM, 1, n, why or f"tingkat '{level}' tidak dikenal; pilih {', '.join(LEVELS)}")
            for col, raw in enumerate(row.cells[1:], start=2):
                why = _refusal(raw) if not raw.empty else None
                if why:
                    found.add(PROGRAM, col, n, why)
            continue
        entry = _program_row(row, level, found)
        if level == "Program":
            entry["kegiatan"] = []
            here = ("program", len(programs))
            programs.append(entry)
            parents = {"Program": here}
        elif "Program" not in parents:
            found.add(PROGRAM, 1, n, f"{level.lower()} harus berada di bawah baris Program")
            continue
        elif level == "Kegiatan":
            program = programs[parents["Program"][1]]
            if not _under(entry["kode"], level, program["kode"], "Program"):
                found.add(PROGRAM, 2, n, f"kode kegiatan {entry['kode']} tidak diawali kode programnya "
                                         f"{program['kode']}")
            entry["sub_kegiatan"] = []
            here = parents["Program"] + ("kegiatan", len(program["kegiatan"]))
            program["kegiatan"].append(entry)
            parents["Kegiatan"] = here
        elif "Kegiatan" not in parents:
            found.add(PROGRAM, 1, n, "sub kegiatan harus berada di bawah baris Kegiatan")
            continue
        else:
            p, k = parents["Kegiatan"][1], parents["Kegiatan"][3]
            activity = programs[p]["kegiatan"][k]
            if not _under(entry["kode"], level, activity["kode"], "Kegiatan"):
                found.add(PROGRAM, 2, n, f"kode sub kegiatan {entry['kode']} tidak diawali kode kegiatannya "
                                         f"{activity['kode']}")
            here = parents["Kegiatan"] + ("sub_kegiatan", len(activity["sub_kegiatan"]))
            activity["sub_kegiatan"].append(entry)
        found.place(here, PROGRAM, 1, n)
        for key in entry:
            found.place(here + (key,), PROGRAM, _COLUMNS.get(key, 1), n)
    # A program or kegiatan may stand without rows below it (its pagu on its own row, or
    # nothing yet: rules.py warns about a line without any amount); the form leaves the
    # empty list out, as a hand-written one would.
    for program in programs:
        for activity in program["kegiatan"]:
            if not activity["sub_kegiatan"]:
                del activity["sub_kegiatan"]
        if not program["kegiatan"]:
            del program["kegiatan"]
    return programs


# --- reading: the workbook --------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What a workbook says: the form data (best effort when there are problems: refused
    cells hold a placeholder), every problem, and the cell behind every JSON path."""

    label: str
    data: dict | None  # None when the workbook could not be opened at all
    problems: tuple[CellProblem, ...]
    places: dict[tuple, tuple[str, tuple[int, int, int]]]
    has_notes: bool  # the Kinerja sheet has the 'Catatan' column (templates before it did not)

    def place(self, path: tuple) -> tuple[str, tuple[int, int, int]]:
        """The cell (or sheet) behind a JSON path of `data`: the nearest ancestor that has one."""
        p = tuple(path)
        while p and p not in self.places:
            p = p[:-1]
        if p:
            return self.places[p]
        if path and path[0] in ("kinerja", "program"):
            sheet = KINERJA if path[0] == "kinerja" else PROGRAM
            return f"{self.label}:{sheet}", (SHEET_ORDER[sheet], 0, 0)
        return self.label, (0, 0, 0)


def at_cells(reading, found) -> list[CellProblem]:
    """Errors the schema or the rules found in what a workbook said (a form's or the Renstra's
    reading: anything with `problems` and `place(path)`), each at its cell: one per cell, none
    where the reading itself already refused the cell."""
    taken = {p.where for p in reading.problems}
    out = []
    for p in found:
        where, order = reading.place(p.path or ())
        if p.is_error and where not in taken:
            out.append(CellProblem(where, p.message, order))
            taken.add(where)
    return out


# openpyxl and the zip/XML layers under it fail in many ways on a damaged file
_DAMAGED = (KeyError, ValueError, TypeError, AttributeError, IndexError, SyntaxError, EOFError, LookupError)


def read(path: Path, year: int, unit: str, renstra: Renstra, name: str | None = None,
         limits: Limits = LIMITS) -> Reading:
    """A filled template back as form data, with every problem of both sheets named by cell."""
    import warnings
    import zipfile
    import zlib

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    label = name or path.name
    found = _Found(label, [], {})

    def failed(message: str) -> Reading:
        return Reading(label, None, (CellProblem(label, message),), {}, False)

    try:
        why = measure(path, limits)
        if why:
            return failed(why)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about extensions it skips
            wb = load_workbook(path, read_only=True, data_only=False)  # formulas visible, to refuse them
            try:
                tables: dict[str, tuple[list[Row], int] | None] = {}
                for sheet, headers, optional in ((KINERJA, KINERJA_HEADERS, 1), (PROGRAM, PROGRAM_HEADERS, 0)):
                    if sheet not in wb.sheetnames:
                        found.sheet(sheet, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt form-template'")
                        tables[sheet] = None
                        continue
                    tables[sheet] = table(wb[sheet], sheet, headers, found, limits, optional)
            finally:
                wb.close()
    except OSError as exc:
        from generator.core.problems import os_reason

        return failed(f"berkas tidak dapat dibaca ({os_reason(exc)})")
    except (InvalidFileException, zipfile.BadZipFile, zlib.error, *_DAMAGED):
        return failed(_UNREADABLE + " (berkas rusak atau bukan buatan Excel)")
    kin, prog = tables[KINERJA], tables[PROGRAM]
    kinerja = _kinerja(kin[0], renstra, year, found) if kin else []
    programs = _program(prog[0], found) if prog else []
    data = {"tahun": year, "unit": unit, "kinerja": kinerja, "program": programs}
    problems = tuple(sorted(found.problems, key=lambda p: p.order))
    return Reading(label, data, problems, found.places, bool(kin and kin[1] == len(KINERJA_HEADERS)))
