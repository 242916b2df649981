"""Excel in: a form template for a unit, and reading a filled one back.

The template has the columns of the agency's target sheets, instructions in
Indonesian, drop-downs where the values are a closed list, and the codes
column formatted as text so that Excel never turns "5.03.02" into a number.
Reading it back checks every cell and names it as `form.xlsx:Sheet!C12`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import Renstra

KINERJA = "Kinerja"
PROGRAM = "Program"
LISTS = "Daftar"
GUIDE = "Petunjuk"
LEVELS = ("Program", "Kegiatan", "Sub Kegiatan")
KINERJA_HEADERS = ["Kode Sasaran", "Sasaran", "Kode Indikator", "Indikator Kinerja", "Satuan", "Target Renstra",
                   "Target"]
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
    "2. Lembar 'Program': satu baris untuk setiap program, kegiatan dan sub kegiatan, berurutan:",
    "   baris Program, lalu baris-baris Kegiatan di bawahnya, lalu baris-baris Sub Kegiatan di bawah kegiatannya.",
    "   Pilih 'Tingkat' dari daftar. Kode ditulis lengkap sesuai nomenklatur Kepmendagri, misalnya 5.03.02.2.01.0001.",
    "3. Anggaran diisi pada baris Sub Kegiatan saja, berupa angka tanpa 'Rp' dan tanpa titik.",
    "   Jumlah per kegiatan, program dan unit dihitung otomatis oleh sistem.",
    "4. Jangan mengubah nama lembar, urutan kolom, atau baris judul.",
    "5. Setelah selesai, serahkan berkas ini kepada Tim Perencanaan (atau unggah ke pull request).",
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

    from .export import _deterministic_zip

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
    header(kin, KINERJA_HEADERS, [13, 45, 15, 55, 12, 15, 15])
    by_code = {i.code: (o, i) for o, i in indicators}
    for row in data["kinerja"]:
        for t in row["indikator"]:
            o, i = by_code.get(t["kode"], (None, None))
            kin.append([row["sasaran"], o.description if o else "", t["kode"], i.description if i else "",
                        i.unit_of_measure if i else "", (i.target(data["tahun"]) if i else "") or "", t["target"]])
    dv = DataValidation(type="list", formula1=f"={LISTS}!$A$1:$A${max(len(indicators), 1)}", allow_blank=True,
                        showErrorMessage=True, errorTitle="Kode indikator",
                        error="Pilih kode indikator dari daftar Renstra.")
    kin.add_data_validation(dv)
    dv.add(f"C2:C{kin.max_row + EMPTY_ROWS}")
    for r in range(2, kin.max_row + EMPTY_ROWS + 1):
        for col in ("A", "C", "G"):
            kin[f"{col}{r}"].number_format = "@"

    prog = wb.create_sheet(PROGRAM)
    header(prog, PROGRAM_HEADERS, [14, 20, 55, 50, 16, 12, 18, 36])
    for p in data["program"]:
        prog.append(["Program", p["kode"], p["nama"], p.get("indikator", ""), _blank(p.get("target")), "", None, ""])
        for k in p["kegiatan"]:
            prog.append(["Kegiatan", k["kode"], k["nama"], k.get("indikator", ""), _blank(k.get("target")), "",
                         None, ""])
            for s in k["sub_kegiatan"]:
                prog.append(["Sub Kegiatan", s["kode"], s["nama"], s["indikator"], s["target"],
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
        prog[f"B{r}"].number_format = "@"
        prog[f"G{r}"].number_format = '#,##0'
    for ws in (kin, prog):
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.print_title_rows = "1:1"
    buf = io.BytesIO()
    wb.save(buf)
    return _deterministic_zip(buf.getvalue())


def _blank(value: object) -> object:
    return "" if value is None else value


@dataclass(frozen=True)
class CellProblem:
    where: str  # "form.xlsx:Program!G12"
    message: str


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _target(value: object) -> str | int | None:
    """A target as the project writes it: whole numbers stay numbers, decimals use a comma."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        return f"{value:.10g}".replace(".", ",")
    return str(value).strip()


def read(path: Path, year: int, unit: str, renstra: Renstra, name: str | None = None) -> tuple[dict | None, list[CellProblem]]:
    """A filled template back as form data, or every problem with its sheet and cell."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    label = name or path.name
    import zipfile

    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except OSError as exc:
        from .problems import os_reason

        return None, [CellProblem(label, f"berkas tidak dapat dibaca ({os_reason(exc)})")]
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError):
        return None, [CellProblem(label, "berkas tidak dapat dibaca sebagai Excel (.xlsx); simpan ulang dari Excel "
                                         "dengan format 'Excel Workbook (*.xlsx)'")]
    problems: list[CellProblem] = []
    for sheet in (KINERJA, PROGRAM):
        if sheet not in wb.sheetnames:
            problems.append(CellProblem(label, f"lembar '{sheet}' tidak ada; pakai templat dari 'rkt form-template'"))
    if problems:
        return None, problems

    def at(sheet: str, col: str, row: int) -> str:
        return f"{label}:{sheet}!{col}{row}"

    indicators = {i.code: (o, i) for o, i in renstra.indicators()}
    kinerja: dict[str, list] = {}
    for r, row in enumerate(wb[KINERJA].iter_rows(min_row=2, max_col=7, values_only=True), start=2):
        sasaran, _, code, _, _, _, target = (list(row) + [None] * 7)[:7]
        if all(_text(v) == "" for v in (sasaran, code, target)):
            continue
        code_s = _text(code)
        if code_s not in indicators:
            problems.append(CellProblem(at(KINERJA, "C", r), f"kode indikator '{code_s}' tidak ada di Renstra; "
                                        f"pilih dari daftar: {', '.join(indicators)}"))
            continue
        obj = indicators[code_s][0]
        if _text(sasaran) and _text(sasaran) != obj.code:
            problems.append(CellProblem(at(KINERJA, "A", r), f"indikator {code_s} milik sasaran {obj.code}, "
                                        f"bukan {_text(sasaran)}"))
        value = _target(target)
        if value is None:
            problems.append(CellProblem(at(KINERJA, "G", r), f"target indikator {code_s} belum diisi"))
            continue
        kinerja.setdefault(obj.code, []).append({"kode": code_s, "target": value})

    programs: list[dict] = []
    for r, row in enumerate(wb[PROGRAM].iter_rows(min_row=2, max_col=8, values_only=True), start=2):
        level, code, nama, indikator, target, satuan, anggaran, pj = (list(row) + [None] * 8)[:8]
        if all(_text(v) == "" for v in row[:8]):
            continue
        level_s = _text(level)
        if level_s not in LEVELS:
            problems.append(CellProblem(at(PROGRAM, "A", r), f"tingkat '{level_s}' tidak dikenal; pilih "
                                        f"{', '.join(LEVELS)}"))
            continue
        if isinstance(code, (int, float)) and not isinstance(code, bool):
            problems.append(CellProblem(at(PROGRAM, "B", r), f"kode {code} terbaca sebagai angka oleh Excel; "
                                        f"ketik ulang sebagai teks, misalnya {CODE_EXAMPLES[level_s]}"))
            continue
        code_s = _text(code)
        if not CODE_PATTERNS[level_s].fullmatch(code_s):
            problems.append(CellProblem(at(PROGRAM, "B", r), f"kode {level_s.lower()} '{code_s}' tidak sesuai format; "
                                        f"contoh: {CODE_EXAMPLES[level_s]}"))
            continue
        if not _text(nama):
            problems.append(CellProblem(at(PROGRAM, "C", r), "nama belum diisi"))
        entry: dict = {"kode": code_s, "nama": _text(nama)}
        if level_s == "Program":
            if _text(indikator):
                entry["indikator"] = _text(indikator)
            if _target(target) is not None:
                entry["target"] = _target(target)
            entry["kegiatan"] = []
            programs.append(entry)
            continue
        if not programs:
            problems.append(CellProblem(at(PROGRAM, "A", r), f"{level_s.lower()} harus berada di bawah baris Program"))
            continue
        program = programs[-1]
        if level_s == "Kegiatan":
            if not code_s.startswith(program["kode"] + "."):
                problems.append(CellProblem(at(PROGRAM, "B", r), f"kode kegiatan {code_s} tidak diawali kode "
                                            f"programnya {program['kode']}"))
            if _text(indikator):
                entry["indikator"] = _text(indikator)
            if _target(target) is not None:
                entry["target"] = _target(target)
            entry["sub_kegiatan"] = []
            program["kegiatan"].append(entry)
            continue
        if not program["kegiatan"]:
            problems.append(CellProblem(at(PROGRAM, "A", r), "sub kegiatan harus berada di bawah baris Kegiatan"))
            continue
        activity = program["kegiatan"][-1]
        if not code_s.startswith(activity["kode"] + "."):
            problems.append(CellProblem(at(PROGRAM, "B", r), f"kode sub kegiatan {code_s} tidak diawali kode "
                                        f"kegiatannya {activity['kode']}"))
        if not _text(indikator):
            problems.append(CellProblem(at(PROGRAM, "D", r), "indikator kinerja belum diisi"))
        if _target(target) is None:
            problems.append(CellProblem(at(PROGRAM, "E", r), "target kinerja belum diisi"))
        budget = anggaran
        if isinstance(budget, float) and budget.is_integer():
            budget = int(budget)
        if isinstance(budget, bool) or not isinstance(budget, int):
            shown = _text(budget)
            hint = re.sub(r"[^0-9]", "", shown) if re.fullmatch(r"(?:Rp\.?\s*)?[0-9.,]+", shown or "-") else ""
            problems.append(CellProblem(at(PROGRAM, "G", r),
                                        f"anggaran '{shown}' bukan angka; isi angka saja tanpa 'Rp' dan titik"
                                        + (f", misalnya {hint}" if hint else "")))
            budget = 0
        elif budget < 0:
            problems.append(CellProblem(at(PROGRAM, "G", r), "anggaran tidak boleh negatif"))
        if not _text(pj):
            problems.append(CellProblem(at(PROGRAM, "H", r), "penanggung jawab belum diisi"))
        entry.update({"indikator": _text(indikator), "target": _target(target) if _target(target) is not None else "",
                      **({"satuan": _text(satuan)} if _text(satuan) else {}),
                      "anggaran": budget, "penanggung_jawab": _text(pj)})
        activity["sub_kegiatan"].append(entry)
    for p in programs:
        for k in p["kegiatan"]:
            if not k["sub_kegiatan"]:
                problems.append(CellProblem(f"{label}:{PROGRAM}", f"kegiatan {k['kode']} belum memiliki sub kegiatan"))
        if not p["kegiatan"]:
            problems.append(CellProblem(f"{label}:{PROGRAM}", f"program {p['kode']} belum memiliki kegiatan"))
    if problems:
        return None, problems
    order = [o.code for o in renstra.objectives]
    data = {"tahun": year, "unit": unit,
            "kinerja": [{"sasaran": s, "indikator": kinerja[s]} for s in order if s in kinerja],
            "program": programs}
    return data, []
