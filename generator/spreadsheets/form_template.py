"""The form template: the workbook a unit fills in, prefilled with its form (or the Renstra's
indicators for a new one).

The template has the columns of the agency's target sheets, instructions in Indonesian,
drop-downs where the values are a closed list, and every typed column formatted as text so
that Excel never turns "5.03.02" into a number or "0,70" into 0.7. Its sheets and columns
(defined here) are what `form_import` reads back.
"""

from __future__ import annotations

from typing import Any

from generator.core.model import Indicator, Objective, Renstra
from generator.source.workbook import deterministic_zip, inert_append
from generator.spreadsheets.layout import header_row, print_setup, text_format

KINERJA = "Kinerja"
PROGRAM = "Program"
LISTS = "Daftar"
GUIDE = "Petunjuk"
SHEET_ORDER = {KINERJA: 1, PROGRAM: 2}  # how problems are listed: the Kinerja sheet's first
LEVELS = ("Program", "Kegiatan", "Sub Kegiatan")
KINERJA_HEADERS = ["Kode Sasaran", "Sasaran", "Kode Indikator", "Indikator Kinerja", "Satuan", "Target Renstra",
                   "Target", "Catatan"]
PROGRAM_HEADERS = ["Tingkat", "Kode", "Nama Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja",
                   "Target Kinerja", "Satuan", "Anggaran (Rp)", "Penanggung Jawab"]
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
    "   Kode Program boleh dikosongkan bila tabel sumbernya tidak mencantumkannya.",
    "3. Anggaran diisi pada baris Sub Kegiatan, berupa angka tanpa 'Rp' dan tanpa titik. Bila anggarannya belum",
    "   ada, kosongkan selnya (jangan isi 0): dokumen mencetak 'belum ada anggaran'.",
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


def blank(value: object) -> object:
    """An absent value as an empty cell."""
    return "" if value is None else value


def template(data: dict, renstra: Renstra, unit_name: str) -> bytes:
    """A workbook prefilled with `data` (a form in schema shape)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE
    guide.append([f"Form RKT Tahun {data['tahun']} — {unit_name} (kode unit: {data['unit']})"])
    guide["A1"].font = Font(bold=True, size=12)
    for line in GUIDE_TEXT:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    indicators = list(renstra.indicators())
    _lists(wb.create_sheet(LISTS), indicators)
    _kinerja_sheet(wb.create_sheet(KINERJA), data, indicators)
    _program_sheet(wb.create_sheet(PROGRAM), data)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def _lists(ws: Any, indicators: list[tuple[Objective, Indicator]]) -> None:
    """The hidden sheet the drop-downs take their values from: indicator codes and levels."""
    for n, (o, i) in enumerate(indicators, start=1):
        ws.cell(row=n, column=1, value=i.code)
        ws.cell(row=n, column=2, value=o.code)
    for n, level in enumerate(LEVELS, start=1):
        ws.cell(row=n, column=3, value=level)
    ws.sheet_state = "hidden"


def _kinerja_sheet(ws: Any, data: dict, indicators: list[tuple[Objective, Indicator]]) -> None:
    """One row per indicator of the form; the Renstra's texts beside the code, to read, not to change."""
    from openpyxl.worksheet.datavalidation import DataValidation

    header_row(ws, KINERJA_HEADERS, [13, 45, 15, 55, 12, 15, 15, 40])
    by_code = {i.code: (o, i) for o, i in indicators}
    o: Objective | None
    i: Indicator | None
    for row in data["kinerja"]:
        for t in row["indikator"]:
            o, i = by_code.get(t["kode"], (None, None))
            inert_append(ws, [row["sasaran"], o.description if o else "", t["kode"], i.description if i else "",
                              i.unit_of_measure if i else "", blank(i.target(data["tahun"]) if i else None),
                              t["target"], t.get("catatan") or ""])
    dv = DataValidation(type="list", formula1=f"={LISTS}!$A$1:$A${max(len(indicators), 1)}", allow_blank=True,
                        showErrorMessage=True, errorTitle="Kode indikator",
                        error="Pilih kode indikator dari daftar Renstra.")
    ws.add_data_validation(dv)
    dv.add(f"C2:C{ws.max_row + EMPTY_ROWS}")
    text_format(ws, range(1, len(KINERJA_HEADERS) + 1), ws.max_row + EMPTY_ROWS)
    print_setup(ws)


def _program_sheet(ws: Any, data: dict) -> None:
    """One row per program, kegiatan and sub kegiatan, in that order; drop-downs for the level,
    whole numbers only for the budget."""
    from openpyxl.worksheet.datavalidation import DataValidation

    header_row(ws, PROGRAM_HEADERS, [14, 20, 55, 50, 16, 12, 18, 36])
    for p in data["program"]:
        inert_append(ws, ["Program", p.get("kode", ""), p["nama"], p.get("indikator", ""), blank(p.get("target")), "",
                          p.get("anggaran"), ""])
        for k in p.get("kegiatan", ()):
            inert_append(ws, ["Kegiatan", k["kode"], k["nama"], k.get("indikator", ""), blank(k.get("target")), "",
                              k.get("anggaran"), ""])
            for s in k.get("sub_kegiatan", ()):
                inert_append(ws, ["Sub Kegiatan", s["kode"], s["nama"], s["indikator"], s["target"],
                                  s.get("satuan") or "", s.get("anggaran"), s["penanggung_jawab"]])
    last = ws.max_row + EMPTY_ROWS
    levels = DataValidation(type="list", formula1=f"={LISTS}!$C$1:$C$3", allow_blank=True, showErrorMessage=True,
                            errorTitle="Tingkat", error="Pilih Program, Kegiatan atau Sub Kegiatan.")
    money = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Anggaran",
                           error="Anggaran berupa angka bulat tanpa titik dan tanpa 'Rp'.")
    ws.add_data_validation(levels)
    ws.add_data_validation(money)
    levels.add(f"A2:A{last}")
    money.add(f"G2:G{last}")
    text_format(ws, (1, 2, 3, 4, 5, 6, 8), last)  # all but the budget (G), a number
    for r in range(2, last + 1):
        ws.cell(row=r, column=7).number_format = '#,##0'
    print_setup(ws)
