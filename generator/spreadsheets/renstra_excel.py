"""The Renstra through Excel: a template from cycles/renstra.yaml, and reading a filled one back.

Planning staff keep the Renstra in a spreadsheet: one row per indicator with its tujuan
and sasaran, satuan, cara pengukuran, IKU flag, responsible units and one target column
per year of the period. Reading it back goes through the form import's helpers
(`excel.measure`, `excel.table`, `excel.text_of`/`target_of`: limits, number formats as
shown, formulas refused), so the same promises hold: every problem named by its cell
(`renstra.xlsx:Indikator!D7`) and all of them in one run.

Tujuan and sasaran cells may be left empty (or merged) on the rows below their first:
a row continues the one above. A target cell left empty is a forgotten target, "-" says
there is none that year. Codes may be typed; where a row has none, the code is taken
from the current renstra.yaml by the text (so re-importing keeps every code, and forms
stay bound to the same indicators), else the next free one is generated: T1, SS1, SS1.1.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.model import Agency, Renstra
from generator.source.yamlwrite import scalar, schema_line
from generator.spreadsheets import excel
from generator.spreadsheets.excel import CellProblem, Limits, Raw, Row

GUIDE = "Petunjuk"
IDENTITY = "Identitas"
INDICATORS = "Indikator"
LISTS = "Daftar"
SHEET_ORDER = {IDENTITY: 1, INDICATORS: 2}
IDENTITY_HEADERS = ["Isian", "Nilai"]
IDENTITY_ROWS = {"judul": "Judul", "dasar": "Dasar Penetapan"}
FIXED_HEADERS = ["Kode Tujuan", "Tujuan", "Kode Sasaran", "Sasaran", "Kode Indikator", "Indikator Kinerja", "Satuan",
                 "Cara Pengukuran", "IKU", "Unit Penanggung Jawab"]
COL = {name: i for i, name in enumerate(FIXED_HEADERS, start=1)}  # 1-based column of each fixed header
YES, NO = "Ya", "Tidak"
EMPTY_ROWS = 100
MAX_YEARS = 10  # the schema's bound on a target table

GUIDE_TEXT = [
    "PETUNJUK PENGISIAN RENSTRA",
    "",
    "1. Lembar 'Identitas': judul Renstra dan dasar penetapannya (peraturan atau keputusan kepala daerah).",
    "2. Lembar 'Indikator': satu baris untuk setiap indikator kinerja, dengan tujuan dan sasarannya.",
    "   Kolom Tujuan dan Sasaran boleh dikosongkan (atau digabung) pada baris di bawahnya: baris itu",
    "   termasuk tujuan dan sasaran baris di atasnya.",
    "   Kolom Kode boleh dikosongkan untuk tujuan, sasaran atau indikator baru: kode dibuat otomatis (T1, SS1,",
    "   SS1.1 ...). Kode yang sudah ada jangan diubah: Form RKT unit merujuk indikator dengan kodenya.",
    "3. Satuan boleh kosong bila satuannya sudah tertulis di target (\"100%\", \"85 point\").",
    "   'Cara Pengukuran' berisi rumus indikator, misalnya 'jumlah ... dibagi jumlah ... x 100%' (boleh kosong).",
    "4. IKU: pilih 'Ya' untuk Indikator Kinerja Utama, 'Tidak' (atau kosong) untuk yang lain.",
    "5. Unit Penanggung Jawab: kode atau singkatan unit dari cycles/agency.yaml, dipisah koma, misalnya: mpk, ppik.",
    "6. Satu kolom target untuk setiap tahun periode Renstra (judul kolom: tahunnya, misalnya 2027).",
    "   Tulis '-' bila indikator memang tidak memiliki target pada tahun itu; sel kosong dianggap lupa diisi.",
    "   Untuk periode Renstra baru, ganti judul kolom tahunnya (tahun berurutan, paling banyak 10).",
    "7. Kolom isian sudah berformat Teks agar Excel tidak mengubah isinya (0,70 tetap 0,70; 92% tetap 92%).",
    "   Pecahan ditulis dengan koma. Jangan memakai rumus (=...): ketik nilainya.",
    "8. Setelah selesai, pemeriksa menjalankan: rkt import-renstra berkas.xlsx",
    "   Semua kesalahan dilaporkan sekaligus dengan nama lembar dan sel, misalnya Indikator!L7;",
    "   cycles/renstra.yaml tidak diubah sampai seluruh isian benar.",
]


# --- the template -----------------------------------------------------------

def template(renstra: Renstra, agency: Agency) -> bytes:
    """A workbook holding `renstra`, laid out for editing and for reading back."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from generator.source.workbook import deterministic_zip, inert_append

    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE
    inert_append(guide, [f"{renstra.title} — periode {renstra.first_year}-{renstra.last_year}"])
    guide["A1"].font = Font(bold=True, size=12)
    for line in GUIDE_TEXT + ["", "Unit (kode: nama):"] + [f"   {u.code}: {u.name} ({u.short})" for u in agency.units]:
        inert_append(guide, [line])
    guide.column_dimensions["A"].width = 120

    lists = wb.create_sheet(LISTS)
    lists["A1"], lists["A2"] = YES, NO
    lists.sheet_state = "hidden"
    header_fill = PatternFill("solid", fgColor="DDDDDD")

    def header(ws, names: list[str], widths: list[int]) -> None:
        inert_append(ws, names)
        for i, cell in enumerate(ws[1]):
            cell.font, cell.fill = Font(bold=True), header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(i + 1)].width = widths[i]
        ws.freeze_panes = "A2"

    ident = wb.create_sheet(IDENTITY)
    header(ident, IDENTITY_HEADERS, [20, 100])
    inert_append(ident, [IDENTITY_ROWS["judul"], renstra.title])
    inert_append(ident, [IDENTITY_ROWS["dasar"], renstra.basis or ""])
    for r in (2, 3):
        ident[f"B{r}"].number_format = "@"

    _indicator_sheet(wb.create_sheet(INDICATORS), renstra, header)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def _indicator_sheet(ws, renstra: Renstra, header) -> None:
    """One row per indicator, its tujuan and sasaran written out on every row; typed columns as text."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from generator.source.workbook import inert_append

    years = list(range(renstra.first_year, renstra.last_year + 1))
    header(ws, FIXED_HEADERS + [str(y) for y in years], [11, 40, 12, 40, 13, 50, 11, 40, 7, 20] + [9] * len(years))
    goals = {g.code: g for g in renstra.goals}
    for o, i in renstra.indicators():
        goal = goals.get(o.goal)
        inert_append(ws, [o.goal, goal.description if goal else "", o.code, o.description, i.code, i.description,
                          i.unit_of_measure or "", i.formula or "", YES if i.is_iku else NO, ", ".join(i.units),
                          *("" if i.target(y) is None else i.target(y) for y in years)])
    last = ws.max_row + EMPTY_ROWS
    iku = DataValidation(type="list", formula1=f"={LISTS}!$A$1:$A$2", allow_blank=True, showErrorMessage=True,
                         errorTitle="IKU", error="Pilih Ya atau Tidak.")
    ws.add_data_validation(iku)
    iku.add(f"I2:I{last}")
    for r in range(2, last + 1):
        for c in range(1, len(FIXED_HEADERS) + len(years) + 1):  # text: "0,70" and "92%" stay as typed
            ws.cell(row=r, column=c).number_format = "@"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"


# --- reading: cells and places -----------------------------------------------

@dataclass
class _Cells(excel._Found):
    """The form reader's problem collector, with this workbook's sheet order."""

    def cell(self, sheet: str, col: int, row: int) -> tuple[str, tuple[int, int, int]]:
        where, _ = super().cell(sheet, col, row)
        return where, (SHEET_ORDER.get(sheet, 0), row, col)

    def sheet(self, sheet: str, message: str) -> None:
        self.problems.append(CellProblem(f"{self.label}:{sheet}", message, (SHEET_ORDER.get(sheet, 0), 0, 0)))


@dataclass(frozen=True)
class Reading:
    """What a workbook says: renstra.yaml data (None when it could not be read far enough),
    every problem, and the cell behind every JSON path of the data."""

    label: str
    data: dict | None
    problems: tuple[CellProblem, ...]
    places: dict[tuple, tuple[str, tuple[int, int, int]]]
    generated: tuple[str, ...] = ()  # codes made for rows that had none and matched no existing text

    def place(self, path: tuple) -> tuple[str, tuple[int, int, int]]:
        p = tuple(path)
        while p and p not in self.places:
            p = p[:-1]
        return self.places[p] if p else (self.label, (0, 0, 0))


def _key(text: str) -> str:
    """Texts are the same when they differ only in spacing and case (as typed in real documents)."""
    return " ".join(text.split()).casefold()


@dataclass
class _Node:
    """A tujuan, sasaran or indicator as read from the rows."""

    text: str
    row: int  # the row that introduced it
    code: str | None = None  # as typed
    code_row: int = 0  # where the code was typed
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    fields: dict = field(default_factory=dict)  # an indicator's other keys
    final: str = ""  # the code it gets


def _text(found: _Cells, raw: Raw, col: int, n: int) -> str:
    value, why = excel.text_of(raw)
    if why:
        found.add(INDICATORS, col, n, why)
    return value


# --- reading: the sheets ------------------------------------------------------

def _identity(ws, found: _Cells, limits: Limits) -> dict:
    """Judul (required) and dasar from the Identitas sheet."""
    read = excel.table(ws, IDENTITY, IDENTITY_HEADERS, found, limits)
    if read is None:
        return {}
    out: dict = {}
    labels = {_key(v): k for k, v in IDENTITY_ROWS.items()}
    for row in read[0]:
        label, why = excel.text_of(row.cells[0])
        key = labels.get(_key(label)) if not why else None
        if key is None:
            found.add(IDENTITY, 1, row.number, why or f"isian '{label}' tidak dikenal; pakai "
                                                      f"{' atau '.join(IDENTITY_ROWS.values())}")
            continue
        value, why = excel.text_of(row.cells[1])
        if why:
            found.add(IDENTITY, 2, row.number, why)
        elif value:
            out[key] = value
        found.place((key,), IDENTITY, 2, row.number)
    if "judul" not in out and not any(p.where.startswith(f"{found.label}:{IDENTITY}") for p in found.problems):
        found.sheet(IDENTITY, "judul Renstra belum diisi (baris 'Judul', kolom 'Nilai')")
    return out


_YEAR = re.compile(r"20[0-9]{2}")


def _year_columns(ws, found: _Cells) -> list[int] | None:
    """The target years, from the header row's columns after the fixed ones."""
    for n, row in enumerate(ws.iter_rows(max_row=excel.HEADER_SEARCH), start=1):
        raws = [excel._raw(c) for c in row]
        if not raws or excel._words(raws[0]) != FIXED_HEADERS[0].casefold():
            continue
        years: list[int] = []
        for col, raw in enumerate(raws[len(FIXED_HEADERS):], start=len(FIXED_HEADERS) + 1):
            if raw.empty:
                break
            text = excel._words(raw)
            if not _YEAR.fullmatch(text) or (years and int(text) != years[-1] + 1):
                expected = years[-1] + 1 if years else "misalnya 2025"
                found.add(INDICATORS, col, n, f"judul kolom target harus tahun berikutnya ({expected}), bukan "
                                              f"'{raw.value}'; satu kolom untuk setiap tahun periode, berurutan")
                return None
            years.append(int(text))
        if not years:
            found.add(INDICATORS, len(FIXED_HEADERS) + 1, n, "kolom target per tahun tidak ada; beri judul kolom "
                                                              "tahunnya, misalnya 2025, 2026, ...")
            return None
        if len(years) > MAX_YEARS:
            found.add(INDICATORS, len(FIXED_HEADERS) + MAX_YEARS + 1, n,
                      f"paling banyak {MAX_YEARS} kolom tahun untuk satu periode Renstra")
            return None
        return years
    return []  # no header row: `excel.table` names the problem


def _level(found: _Cells, n: int, code_raw: Raw, text_raw: Raw, cols: tuple[int, int], seen: dict[str, _Node],
           current: _Node | None, parent: _Node | None, what: str) -> _Node | None:
    """The tujuan (or sasaran) a row belongs to: typed on the row, or continued from above."""
    code, text = _text(found, code_raw, cols[0], n), _text(found, text_raw, cols[1], n)
    if current is not None and parent is not None and current.parent is not parent:
        current = None  # a new tujuan starts a new sasaran too
    if not text and not code:
        if current is None:
            found.add(INDICATORS, cols[1], n, f"{what} belum diisi")
        return current
    if not text:  # a code alone refers to one read above
        node = next((x for x in seen.values() if x.code == code), None)
        if node is None:
            found.add(INDICATORS, cols[1], n, f"uraian {what} {code} belum diisi")
        return node
    node = seen.get(_key(text))
    if node is None:
        node = seen[_key(text)] = _Node(text, n, code or None, n if code else 0, parent)
        if parent is not None:
            parent.children.append(node)
    elif parent is not None and node.parent is not parent:
        found.add(INDICATORS, cols[1], n, f"{what} ini sudah tercantum di baris {node.row} di bawah tujuan lain; "
                                          f"satu {what} hanya di bawah satu tujuan")
    if code and node.code and code != node.code:
        found.add(INDICATORS, cols[0], n, f"{what} ini berkode {node.code} di baris {node.code_row}; satu {what} "
                                          f"satu kode")
    elif code and not node.code:
        node.code, node.code_row = code, n
    return node


def _units(found: _Cells, raw: Raw, n: int, agency: Agency) -> list[str]:
    text = _text(found, raw, COL["Unit Penanggung Jawab"], n)
    names = [x.strip() for x in re.split(r"[,;\n]", text) if x.strip()]
    if not names:
        example = ", ".join(u.code for u in agency.units[:2])
        found.add(INDICATORS, COL["Unit Penanggung Jawab"], n,
                  f"unit penanggung jawab belum diisi; tulis kode unit, misalnya {example}")
        return []
    known = {_key(u.code): u.code for u in agency.units} | {_key(u.short): u.code for u in agency.units}
    unknown = [x for x in names if _key(x) not in known]
    if unknown:
        found.add(INDICATORS, COL["Unit Penanggung Jawab"], n,
                  f"unit {', '.join(repr(x) for x in unknown)} tidak ada di cycles/agency.yaml; pakai kode atau "
                  f"singkatan unit: {', '.join(f'{u.code} ({u.short})' for u in agency.units)}")
    return list(dict.fromkeys(known[_key(x)] for x in names if _key(x) in known))


def _iku(found: _Cells, raw: Raw, n: int) -> bool:
    if isinstance(raw.value, bool):
        return raw.value
    text = _text(found, raw, COL["IKU"], n)
    if _key(text) in ("", "tidak", "t", "bukan"):
        return False
    if _key(text) in ("ya", "y", "iku"):
        return True
    found.add(INDICATORS, COL["IKU"], n, f"IKU '{text}' tidak dikenal; pilih {YES} atau {NO}")
    return False


def _indicator(found: _Cells, row: Row, years: list[int], agency: Agency) -> _Node | None:
    """One indicator row's own cells (the tujuan and sasaran columns aside); every cell checked."""
    n, c = row.number, row.cells
    text = _text(found, c[COL["Indikator Kinerja"] - 1], COL["Indikator Kinerja"], n)
    code = _text(found, c[COL["Kode Indikator"] - 1], COL["Kode Indikator"], n)
    satuan = _text(found, c[COL["Satuan"] - 1], COL["Satuan"], n)
    formula = _text(found, c[COL["Cara Pengukuran"] - 1], COL["Cara Pengukuran"], n)
    fields: dict = {"satuan": satuan, "iku": _iku(found, c[COL["IKU"] - 1], n), "formula": formula,
                    "unit": _units(found, c[COL["Unit Penanggung Jawab"] - 1], n, agency), "target": {}}
    for k, year in enumerate(years):
        col = len(FIXED_HEADERS) + k + 1
        value, why = excel.target_of(c[col - 1])
        if why:
            found.add(INDICATORS, col, n, why)
        elif value is None:
            found.add(INDICATORS, col, n, f"target tahun {year} belum diisi; tulis '-' bila indikator ini memang "
                                          f"tidak memiliki target tahun itu")
        else:
            fields["target"][str(year)] = value
    if not text:
        found.add(INDICATORS, COL["Indikator Kinerja"], n, "uraian indikator kinerja belum diisi")
        return None
    return _Node(text, n, code or None, n if code else 0, fields=fields)


def _rows(rows: list[Row], years: list[int], agency: Agency, found: _Cells) -> list[_Node]:
    """The tujuan read from the rows, each with its sasaran and their indicators, in order."""
    goals: dict[str, _Node] = {}
    objectives: dict[str, _Node] = {}
    goal = objective = None
    for row in rows:
        n, c = row.number, row.cells
        goal = _level(found, n, c[0], c[1], (1, 2), goals, goal, None, "tujuan")
        objective = _level(found, n, c[2], c[3], (3, 4), objectives, objective, goal, "sasaran")
        indicator = _indicator(found, row, years, agency)
        if objective is None or indicator is None:
            continue
        twin = next((x for x in objective.children if _key(x.text) == _key(indicator.text)), None)
        if twin is not None:
            found.add(INDICATORS, COL["Indikator Kinerja"], n, f"indikator ini sudah tercantum di baris {twin.row} "
                                                               f"pada sasaran yang sama")
            continue
        indicator.parent = objective
        objective.children.append(indicator)
    return list(goals.values())


# --- codes ------------------------------------------------------------------

def _assign(goals: list[_Node], old: Renstra | None) -> list[str]:
    """Every node's code: as typed; else the current Renstra's code for the same text (so forms
    stay bound to their indicators); else the next free one. Returns the generated codes."""
    nodes = [(g, 0) for g in goals] + [(o, 1) for g in goals for o in g.children] + \
        [(i, 2) for g in goals for o in g.children for i in o.children]
    used = {node.code for node, _ in nodes if node.code}
    known: list[dict[str, str]] = [{}, {}, {}]
    if old is not None:
        known[0] = {_key(g.description): g.code for g in old.goals}
        known[1] = {_key(o.description): o.code for o in old.objectives}
        known[2] = {f"{o.code}\0{_key(i.description)}": i.code for o, i in old.indicators()}
    generated = []
    for node, level in nodes:  # parents first: an indicator's code continues its sasaran's
        if node.code:
            node.final = node.code
            continue
        prefix = ("T", "SS", f"{node.parent.final}." if node.parent else "")[level]
        text = _key(node.text) if level < 2 else f"{node.parent.final if node.parent else ''}\0{_key(node.text)}"
        match = known[level].get(text)
        if match and match not in used and match.startswith(prefix):
            node.final = match
        else:
            number = 1
            while f"{prefix}{number}" in used:
                number += 1
            node.final = f"{prefix}{number}"
            generated.append(node.final)
        used.add(node.final)
    return generated


# --- the data, and the cell behind each part of it --------------------------------

def _data(identity: dict, years: list[int], goals: list[_Node], found: _Cells, example: bool) -> dict:
    data: dict = {"judul": identity.get("judul", excel._PLACEHOLDER)}
    if example:
        data["contoh"] = True
    if identity.get("dasar"):
        data["dasar"] = identity["dasar"]
    data["periode"] = {"mulai": years[0], "selesai": years[-1]} if years else {"mulai": 0, "selesai": 0}
    data["tujuan"] = []
    data["sasaran"] = []
    for g in goals:
        here = ("tujuan", len(data["tujuan"]))
        data["tujuan"].append({"kode": g.final, "uraian": g.text})
        _places(found, here, g, 1)
        for o in g.children:
            here = ("sasaran", len(data["sasaran"]))
            data["sasaran"].append({"kode": o.final, "tujuan": g.final, "uraian": o.text,
                                    "indikator": [_indicator_data(i) for i in o.children]})
            _places(found, here, o, 3)
            found.place(here + ("tujuan",), INDICATORS, 1, o.row)
            for j, i in enumerate(o.children):
                _places(found, here + ("indikator", j), i, COL["Kode Indikator"])
                for key in ("satuan", "iku", "formula", "unit"):
                    found.place(here + ("indikator", j, key), INDICATORS, COL[_HEADER_OF[key]], i.row)
                for k, year in enumerate(years):
                    found.place(here + ("indikator", j, "target", str(year)), INDICATORS,
                                len(FIXED_HEADERS) + k + 1, i.row)
    return data


_HEADER_OF = {"satuan": "Satuan", "iku": "IKU", "formula": "Cara Pengukuran", "unit": "Unit Penanggung Jawab"}


def _places(found: _Cells, path: tuple, node: _Node, code_col: int) -> None:
    found.place(path, INDICATORS, code_col + 1, node.row)
    found.place(path + ("uraian",), INDICATORS, code_col + 1, node.row)
    found.place(path + ("kode",), INDICATORS, code_col, node.code_row or node.row)


def _indicator_data(i: _Node) -> dict:
    f = i.fields
    return {"kode": i.final, "uraian": i.text, **({"satuan": f["satuan"]} if f["satuan"] else {}), "iku": f["iku"],
            **({"formula": f["formula"]} if f["formula"] else {}), "unit": f["unit"], "target": f["target"]}


# --- reading: the workbook ----------------------------------------------------

def read(path: Path, old: Renstra | None, agency: Agency, name: str | None = None,
         limits: Limits = excel.LIMITS) -> Reading:
    """A filled Renstra workbook as renstra.yaml data, with every problem named by its cell."""
    import warnings
    import zipfile
    import zlib

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    label = name or path.name
    found = _Cells(label, [], {})

    def failed(message: str) -> Reading:
        return Reading(label, None, (CellProblem(label, message),), {})

    try:
        why = excel.measure(path, limits)
        if why:
            return failed(why)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about extensions it skips
            wb = load_workbook(path, read_only=True, data_only=False)  # formulas visible, to refuse them
            try:
                missing = [s for s in (IDENTITY, INDICATORS) if s not in wb.sheetnames]
                for sheet in missing:
                    found.sheet(sheet, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt renstra-template'")
                identity = _identity(wb[IDENTITY], found, limits) if IDENTITY not in missing else {}
                years, rows = None, None
                if INDICATORS not in missing:
                    years = _year_columns(wb[INDICATORS], found)
                    if years is not None:
                        table = excel.table(wb[INDICATORS], INDICATORS, FIXED_HEADERS + [str(y) for y in years],
                                            found, limits)
                        rows = table[0] if table else None
            finally:
                wb.close()
    except OSError as exc:
        from generator.core.problems import os_reason

        return failed(f"berkas tidak dapat dibaca ({os_reason(exc)})")
    except (InvalidFileException, zipfile.BadZipFile, zlib.error, *excel._DAMAGED):
        return failed(excel._UNREADABLE + " (berkas rusak atau bukan buatan Excel)")
    if rows is None or not years:
        return Reading(label, None, tuple(sorted(found.problems, key=lambda p: p.order)), found.places)
    goals = _rows(rows, years, agency, found)
    generated = _assign(goals, old)
    data = _data(identity, years, goals, found, bool(old and old.is_example))
    return Reading(label, data, tuple(sorted(found.problems, key=lambda p: p.order)), found.places,
                   tuple(generated))


# --- writing renstra.yaml -------------------------------------------------------

def renstra_yaml(data: dict) -> str:
    """renstra.yaml as the project writes it: `$schema` line, the layout of the example file.
    The same data gives the same bytes (whatever the workbook was called)."""
    out = [schema_line("renstra", 1),
           "# Renstra yang berlaku, diimpor dari Excel dengan 'rkt import-renstra'.\n",
           "# Ubah lewat templat Excel ('rkt renstra-template') atau langsung di berkas ini.\n",
           "# Kode yang sudah dipakai Form RKT jangan diubah.\n",
           "# Target pecahan ditulis di antara tanda kutip dengan koma desimal, misalnya \"0,70\".\n",
           "\n", f"judul: {scalar(data['judul'])}\n"]
    if data.get("contoh"):
        out.append("# CONTOH: hapus baris berikut setelah isinya diganti dengan Renstra yang ditetapkan.\n")
        out.append("contoh: true\n")
    if data.get("dasar"):
        out.append(f"dasar: {scalar(data['dasar'])}\n")
    out.append(f"periode:\n  mulai: {data['periode']['mulai']}\n  selesai: {data['periode']['selesai']}\n\ntujuan:\n")
    for g in data["tujuan"]:
        out.append(f"  - kode: {scalar(g['kode'])}\n    uraian: {scalar(g['uraian'])}\n")
    out.append("\nsasaran:\n")
    for o in data["sasaran"]:
        out.append(f"  - kode: {scalar(o['kode'])}\n    tujuan: {scalar(o['tujuan'])}\n"
                   f"    uraian: {scalar(o['uraian'])}\n    indikator:\n")
        for i in o["indikator"]:
            out.append(f"      - kode: {scalar(i['kode'])}\n        uraian: {scalar(i['uraian'])}\n")
            if "satuan" in i:
                out.append(f"        satuan: {scalar(i['satuan'])}\n")
            out.append(f"        iku: {scalar(i['iku'])}\n")
            if "formula" in i:
                out.append(f"        formula: {scalar(i['formula'])}\n")
            out.append(f"        unit: [{', '.join(scalar(u) for u in i['unit'])}]\n        target:\n")
            out += [f"          {year}: {scalar(value)}\n" for year, value in i["target"].items()]
    return "".join(out)
