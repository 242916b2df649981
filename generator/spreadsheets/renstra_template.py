"""The Renstra's workbook: a template from cycles/renstra.yaml for planning staff to edit, with
its sheets and columns (defined here), which `renstra_excel` reads back.

One row per indicator with its tujuan and sasaran, satuan, cara pengukuran, IKU flag,
responsible units and one target column per year of the period; every typed column is
formatted as text so that Excel keeps "0,70" and "92%" as typed.
"""

from __future__ import annotations

from typing import Any

from generator.core.model import Agency, Renstra
from generator.core.year import AGGREGATIONS, DIRECTIONS, LAST, UP
from generator.source.workbook import deterministic_zip, inert_append
from generator.spreadsheets.layout import header_row, print_setup, text_format

GUIDE = "Petunjuk"
IDENTITY = "Identitas"
INDICATORS = "Indikator"
LISTS = "Daftar"
SHEET_ORDER = {IDENTITY: 1, INDICATORS: 2}
IDENTITY_HEADERS = ["Isian", "Nilai"]
IDENTITY_ROWS = {"judul": "Judul", "dasar": "Dasar Penetapan"}
FIXED_HEADERS = ["Kode Tujuan", "Tujuan", "Kode Sasaran", "Sasaran", "Kode Indikator", "Indikator Kinerja", "Satuan",
                 "Cara Pengukuran", "IKU", "Unit Penanggung Jawab", "Arah", "Agregasi"]
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
    "   termasuk tujuan dan sasaran baris di atasnya. Sasaran yang dalam Renstra tidak berada di bawah tujuan:",
    "   kosongkan kolom Tujuan (bila sejak baris pertama) atau tulis '-' di kolom Tujuan.",
    "   Kolom Kode boleh dikosongkan untuk tujuan, sasaran atau indikator baru: kode dibuat otomatis (T1, SS1,",
    "   SS1.1 ...). Kode yang sudah ada jangan diubah: Form RKT unit merujuk indikator dengan kodenya.",
    "3. Satuan boleh kosong bila satuannya sudah tertulis di target (\"100%\", \"85 point\").",
    "   'Cara Pengukuran' berisi rumus indikator, misalnya 'jumlah ... dibagi jumlah ... x 100%' (boleh kosong).",
    "4. IKU: pilih 'Ya' untuk Indikator Kinerja Utama, 'Tidak' (atau kosong) untuk yang lain.",
    "5. Unit Penanggung Jawab: kode atau singkatan unit dari cycles/agency.yaml, dipisah koma, misalnya: mpk, ppik.",
    "6. Arah: 'naik' (semakin besar semakin baik; bila kosong), 'turun' (semakin kecil semakin baik, misalnya lama",
    "   layanan) atau 'rentang' (target berupa rentang, misalnya 80–90%). Agregasi: cara realisasi triwulan menjadi",
    "   realisasi setahun: 'terakhir' (nilai triwulan terakhir; bila kosong), 'jumlah', 'rata-rata' atau 'maksimum'.",
    "   Persentase tidak boleh dijumlahkan.",
    "7. Satu kolom target untuk setiap tahun periode Renstra (judul kolom: tahunnya, misalnya 2027).",
    "   Tulis '-' bila indikator memang tidak memiliki target pada tahun itu. Sel kosong berarti target tahun itu",
    "   tidak tercatat: boleh, kecuali untuk tahun yang sudah memiliki siklus RKT.",
    "   Untuk periode Renstra baru, ganti judul kolom tahunnya (tahun berurutan, paling banyak 10).",
    "8. Kolom isian sudah berformat Teks agar Excel tidak mengubah isinya (0,70 tetap 0,70; 92% tetap 92%).",
    "   Pecahan ditulis dengan koma. Jangan memakai rumus (=...): ketik nilainya.",
    "9. Setelah selesai, pemeriksa menjalankan: rkt import-renstra berkas.xlsx",
    "   Semua kesalahan dilaporkan sekaligus dengan nama lembar dan sel, misalnya Indikator!L7;",
    "   cycles/renstra.yaml tidak diubah sampai seluruh isian benar.",
    "10. Standar nasional indikator (pembanding pada LKjIP), bila ada, tidak diisi di templat ini: tulis langsung",
    "   di cycles/renstra.yaml ('standar' dengan 'nilai' dan 'sumber'); impor templat ini tidak menghapusnya.",
]


def template(renstra: Renstra, agency: Agency) -> bytes:
    """A workbook holding `renstra`, laid out for editing and for reading back."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

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
    for r, word in enumerate(DIRECTIONS, start=1):
        lists[f"B{r}"] = word
    for r, word in enumerate(AGGREGATIONS, start=1):
        lists[f"C{r}"] = word
    lists.sheet_state = "hidden"

    ident = wb.create_sheet(IDENTITY)
    header_row(ident, IDENTITY_HEADERS, [20, 100])
    inert_append(ident, [IDENTITY_ROWS["judul"], renstra.title])
    inert_append(ident, [IDENTITY_ROWS["dasar"], renstra.basis or ""])
    for r in (2, 3):
        ident[f"B{r}"].number_format = "@"

    _indicator_sheet(wb.create_sheet(INDICATORS), renstra)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def _indicator_sheet(ws: Any, renstra: Renstra) -> None:
    """One row per indicator, its tujuan and sasaran written out on every row; typed columns as text."""
    from openpyxl.worksheet.datavalidation import DataValidation

    years = list(range(renstra.first_year, renstra.last_year + 1))
    header_row(ws, FIXED_HEADERS + [str(y) for y in years],
               [11, 40, 12, 40, 13, 50, 11, 40, 7, 20, 10, 12] + [9] * len(years))
    goals = {g.code: g for g in renstra.goals}
    for o, i in renstra.indicators():
        goal = goals.get(o.goal) if o.goal else None
        # a sasaran without a tujuan: its tujuan cells empty, or "-" where an empty one would continue a tujuan
        no_goal = "-" if renstra.goals else ""
        inert_append(ws, [o.goal or "", goal.description if goal else no_goal, o.code, o.description, i.code,
                          i.description, i.unit_of_measure or "", i.formula or "", YES if i.is_iku else NO,
                          ", ".join(i.units),
                          # the defaults stay empty, as renstra.yaml leaves them unwritten
                          "" if i.direction == UP else i.direction, "" if i.aggregation == LAST else i.aggregation,
                          *("" if i.target(y) is None else i.target(y) for y in years)])
    last = ws.max_row + EMPTY_ROWS
    iku = DataValidation(type="list", formula1=f"={LISTS}!$A$1:$A$2", allow_blank=True, showErrorMessage=True,
                         errorTitle="IKU", error="Pilih Ya atau Tidak.")
    ws.add_data_validation(iku)
    iku.add(f"I2:I{last}")
    for column, count, title in (("K", len(DIRECTIONS), "Arah"), ("L", len(AGGREGATIONS), "Agregasi")):
        source = {"K": "B", "L": "C"}[column]
        choice = DataValidation(type="list", formula1=f"={LISTS}!${source}$1:${source}${count}", allow_blank=True,
                                showErrorMessage=True, errorTitle=title, error="Pilih salah satu dari daftar.")
        ws.add_data_validation(choice)
        choice.add(f"{column}2:{column}{last}")
    text_format(ws, range(1, len(FIXED_HEADERS) + len(years) + 1), last)  # "0,70" and "92%" stay as typed
    print_setup(ws)
