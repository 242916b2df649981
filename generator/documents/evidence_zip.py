"""The evidence of a year's SAKIP evaluation as one ZIP file: every file the index names, copied
as it is in the repository (scans, YAML files) into its component's folder, and the index
workbook "indeks-bukti.xlsx" (a sheet "Petunjuk", one sheet per LKE component, a sheet
"Belum tersedia").

Deterministic: entries sorted by name, one fixed timestamp and mode, the workbook's own bytes
deterministic (`documents/book.py`). Inert: every text of the workbook is a text cell.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from generator.documents.book import Book, Sheet
from generator.documents.evidence import COMPONENTS, NO_HISTORY, Component, Evidence

INDEX = "indeks-bukti.xlsx"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644 << 16

COLUMNS = ("No", "Bukti", "Sub-komponen", "Berkas dalam ZIP", "SHA-256", "Tanggal", "Dasar tanggal",
           "Diajukan oleh", "Disetujui (digabung) oleh", "Commit", "Berkas di repositori", "Keterangan")
WIDTHS = (5, 40, 22, 36, 30, 16, 22, 26, 26, 22, 36, 60)
MISSING_COLUMNS = ("No", "Komponen", "Bukti", "Keterangan")
MISSING_WIDTHS = (5, 32, 44, 90)


def file_name(year: int) -> str:
    return f"bukti-lke-{year}.zip"


def render(evidence: Evidence, contents: Mapping[str, bytes]) -> bytes:
    """The ZIP: the index workbook and every item's file (`contents`: repository path -> bytes)."""
    entries = {INDEX: index_book(evidence).to_bytes()}
    for item in evidence.items:
        entries[item.path] = contents[item.source]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = FILE_MODE
            z.writestr(info, entries[name])
    return out.getvalue()


def index_book(evidence: Evidence) -> Book:
    book = Book()
    _guide(book.sheet("Petunjuk"), evidence)
    for component in COMPONENTS:
        _component(book.sheet(component.sheet), evidence, component)
    _missing(book.sheet("Belum tersedia"), evidence)
    return book


def _guide(ws: Sheet, ev: Evidence) -> None:
    ws.append([f"Indeks Bukti Evaluasi Akuntabilitas Kinerja Tahun {ev.year}"], "bold")
    ws.append([f"{ev.agency}, {ev.government}"])
    ws.append([f"Keadaan repositori pada {ev.today.isoformat()}"])
    ws.append([])
    ws.append(["Komponen LKE (PermenPAN-RB 88/2021)", "Bobot", "Bukti tersedia", "Belum tersedia", "Lembar"],
              "header")
    for c in COMPONENTS:
        ws.append([c.name, c.weight, len(ev.of(c)), len(ev.missing_of(c)), c.sheet], "top")
    ws.append([])
    for line in _GUIDE + (_NO_HISTORY_LINE if not ev.history else ()):
        ws.append([line], "top")
    ws.setup((70, 8, 15, 15, 20), portrait=True)


_GUIDE = (
    "Berkas ZIP ini berisi bukti dukung evaluasi akuntabilitas kinerja yang tersimpan di repositori RKT, "
    "dikelompokkan per komponen LKE: folder 1-perencanaan, 2-pengukuran, 3-pelaporan dan 4-evaluasi-internal.",
    "Setiap berkas disalin apa adanya dari repositori (pindaian bertanda tangan, berkas YAML isian unit). Kolom "
    "'Berkas di repositori' menunjukkan asalnya.",
    "Alat ini tidak menilai evaluasi: indeks ini hanya menunjukkan apa yang terbukti oleh repositori dan kapan.",
    "Tanggal: untuk dokumen bertanda tangan, tanggal penandatanganan yang dicatat saat pengarsipan; untuk berkas "
    "lain, tanggal pull request-nya digabung ke cabang utama menurut riwayat Git (atau tanggal commit bila berkas "
    "masuk tanpa pull request).",
    "Diajukan oleh: penulis perubahan yang membawa berkas. Disetujui oleh: peninjau yang menggabungkan pull "
    "request-nya. Commit: kode commit penggabungan di riwayat Git, untuk diperiksa ulang.",
    "SHA-256: sidik berkas. Untuk memeriksa bahwa berkas tidak berubah, hitung ulang sidiknya (Windows: certutil "
    "-hashfile NAMA-BERKAS SHA256; Linux: sha256sum NAMA-BERKAS) dan bandingkan dengan kolom SHA-256.",
    "Lembar 'Belum tersedia' menyebut bukti yang tidak disimpan repositori; bukti itu perlu disiapkan dari "
    "sumber lain.",
)

_NO_HISTORY_LINE = (
    f"Perhatian: repositori ini dibaca tanpa riwayat Git, sehingga tanggal penggabungan dan nama pengaju serta "
    f"penyetuju ditulis '{NO_HISTORY}'.",
)


def _component(ws: Sheet, ev: Evidence, component: Component) -> None:
    ws.append([f"{component.name} (bobot {component.weight}) — bukti yang tersimpan di repositori"], "bold")
    ws.append([])
    header = ws.append(list(COLUMNS), "header")
    items = ev.of(component)
    for n, i in enumerate(items, start=1):
        ws.append([n, i.title, i.sub, i.path, i.sha256, i.date, i.date_basis, i.submitted_by, i.approved_by,
                   i.commit, i.source, i.note], "top")
    if not items:
        ws.append(["", "Repositori belum menyimpan bukti untuk komponen ini; lihat lembar 'Belum tersedia'."],
                  "top italic")
    ws.setup(WIDTHS, header_row=header)


def _missing(ws: Sheet, ev: Evidence) -> None:
    ws.append([f"Bukti yang tidak disimpan repositori (tahun {ev.year})"], "bold")
    ws.append([])
    header = ws.append(list(MISSING_COLUMNS), "header")
    for n, m in enumerate(ev.missing, start=1):
        ws.append([n, m.component.name, m.title, m.note], "top")
    ws.setup(MISSING_WIDTHS, header_row=header)
