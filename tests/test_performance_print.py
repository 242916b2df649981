"""The documents of the performance year as `rkt export --document renaksi|capaian` prints them for
the example's 2026 (today 2026-11-28: TW I–III reported, TW IV not ended): the PDF text row by row
and the XLSX cells, with expectations computed by hand from cycles/2026/renaksi and laporan:

* SS5.2 (turun, rata-rata): targets 11, 10, 10 → 31/3 = 10,33; realisations 12, 10, 9 → 31/3 = 10,33;
  (2 − 10,33 / 10,33) × 100% = 100,00%. TW I: 2 − 12/11 = 0,9091 → 90,91%; TW III: 2 − 9/10 → 110,00%.
* SS5.1 (rentang 85–95%, terakhir): 97% is above B: (2 − 97/95) = 0,97895 → 97,89%.
* SS4.1 (predikat): B against BB → "belum tercapai", no percentage.
* SS4.3 (jumlah): 1 + 1 + 2 = 4 against 1 + 1 + 1 = 3 → 133,33%; TW III 2/1 = 200% (> 150%: perlu verifikasi).
* mpk program 5.03.02: pagu 865.000.000; 140 + 230 + 240 = 610 juta → 610/865 = 70,52% (TW I 16,18%,
  TW II 370/865 = 42,77%).

PDF text is compared without white space (Typst breaks a cell's lines anywhere, "TW I– TW III").
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from conftest import TODAY, copy_example
from openpyxl import load_workbook
from pypdf import PdfReader
from support.cli import rkt
from support.text import edit

from generator.check.validate import validate
from generator.documents import year_documents
from generator.plan.derive import derive

SIGNATURE = ("Paringin, ...................... 2026 Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia "
             "Kabupaten Balangan Drs. H. Ahmad Fauzi, M.Si. NIP. 19700514 199303 1 007")


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def assert_rows_in_order(text: str, rows: list[str]) -> None:
    """Each row whole and in this order (white space aside; page footers may sit between rows)."""
    flat, at = squash(text), 0
    for row in rows:
        found = flat.find(squash(row), at)
        assert found >= 0, f"not found after {at}: {row!r}\nin: {flat[at:at + 600]!r}"
        at = found + len(squash(row))


def export(repo: Path, out: Path, *args: str):
    return rkt(repo, "export", "2026", *args, "--out", str(out), "--today", TODAY.isoformat())


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("year")
    repo = copy_example(folder / "repo")
    made = {}
    for document in ("renaksi", "capaian"):
        for fmt_name in ("pdf", "xlsx"):
            out = folder / f"{document}.{fmt_name}"
            proc = export(repo, out, "--document", document, "--format", fmt_name)
            assert proc.returncode == 0, proc.stderr
            made[f"{document}.{fmt_name}"] = out
            made[f"{document}.{fmt_name}.stdout"] = proc.stdout  # type: ignore[assignment]
    return made


def sheet_rows(ws) -> list[tuple]:
    return [tuple(c for c in row if c is not None) for row in ws.iter_rows(values_only=True)]


# --- the capaian ----------------------------------------------------------------

def test_capaian_pdf_prints_the_bab_iii_table_with_the_numbers_and_the_formula(files):
    text = pdf_text(files["capaian.pdf"])
    assert "Capaian Kinerja 2026 s.d. Triwulan III ditulis ke" in files["capaian.pdf.stdout"]
    assert_rows_in_order(text, [
        "CAPAIAN KINERJA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA TAHUN 2026 s.d. Triwulan III",
        "A. Capaian Kinerja s.d. Triwulan III",
        "No Indikator Kinerja Satuan Target 2026 Target s.d. TW III Realisasi s.d. TW III Capaian (%) Kategori "
        "Perhitungan",
        "2.1 Indeks Profesionalitas ASN indeks 72,00 — — — — Tidak ada target triwulan s.d. TW III "
        "(target triwulan: -; -; -; 72,00).",
        "4 Sasaran: Meningkatnya akuntabilitas kinerja perangkat daerah",
        "4.1 Nilai SAKIP BKPSDM predikat BB BB B belum tercapai — Rumus: predikat dibandingkan menurut peringkat "
        "(AA, A, BB, B, CC, C, D). R = nilai triwulan terakhir (TW III): B; T = BB. B < BB",
        "4.3 Jumlah dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu dokumen 5 3 4 133,33% "
        "Sangat Baik Rumus: R / T × 100%. R = jumlah triwulan (TW I–TW III): 1; 1; 2 = 4; T = 1; 1; 1 = 3. "
        "4 / 3 × 100% = 133,33%",
        "5.1 Persentase pemenuhan kebutuhan ASN sesuai analisis jabatan % 85–95% 85–95% 97% 97,89% Sangat Baik "
        "Rumus: 100% bila A ≤ R ≤ B; di atas B: (2 − R / B) × 100%. R = nilai triwulan terakhir (TW I–TW III): "
        "83%; 88%; 97% = 97%; T = 85–95%; 85–95%; 85–95% = 85–95%. (2 − 97 / 95) × 100% = 97,89%",
        "5.2 Rata-rata lama penyelesaian usul kenaikan pangkat hari kerja 10 10,33 10,33 100,00% Sangat Baik "
        "Rumus: (2 − R / T) × 100%. R = rata-rata triwulan (TW I–TW III): 12; 10; 9 = 10,33; "
        "T = 11; 10; 10 = 10,33. (2 − 10,33 / 10,33) × 100% = 100,00%",
        "Keterangan: R = realisasi, T = target.",
        "Kategori: Sangat Baik ≥ 91%, Baik ≥ 76%, Cukup ≥ 66%, Kurang ≥ 51%, Sangat Kurang < 51%; capaian tidak "
        "dibatasi; di atas 150% diberi tanda perlu verifikasi.",
    ])
    assert "DRAF" not in text  # every indicator planned, every ended quarter reported


def test_capaian_pdf_prints_the_quarters_and_the_serapan(files):
    text = pdf_text(files["capaian.pdf"])
    assert_rows_in_order(text, [
        "B. Pemantauan Triwulan: Target, Realisasi dan Capaian Indikator",
        "No Indikator Kinerja Uraian TW I TW II TW III TW IV Penanggung Jawab",
        "4.1 Nilai SAKIP BKPSDM Target - - BB BB Sekretariat Muhammad Rizani, S.E.",
        "Realisasi - - B belum berakhir", "Capaian - - belum tercapai belum berakhir",
        "4.3 Jumlah dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu Target 1 1 1 2",
        "Realisasi 1 1 2 belum berakhir", "Capaian 100,00% 100,00% 200,00% (perlu verifikasi) belum berakhir",
        "5.2 Rata-rata lama penyelesaian usul kenaikan pangkat Target 11 10 10 9 Bidang Pengadaan, Pemberhentian "
        "dan Informasi Kepegawaian Akhmad Riduan, S.STP., M.Si.",
        "Realisasi 12 10 9 belum berakhir", "Capaian 90,91% 100,00% 110,00% belum berakhir",
        "C. Realisasi Anggaran per Program dan Serapan",
        "No Program Unit Pagu (Rp) Uraian TW I TW II TW III TW IV",
        "3 5.03.02 Program Kepegawaian Daerah Bidang Mutasi, Promosi dan Kinerja 865.000.000 "
        "Rencana (Rp) 150.000.000 250.000.000 250.000.000 215.000.000",
        "Realisasi (Rp) 140.000.000 230.000.000 240.000.000 belum berakhir",
        "Serapan kumulatif 16,18% 42,77% 70,52% belum berakhir",
        SIGNATURE,
    ])


def test_capaian_xlsx_cells(files):
    wb = load_workbook(files["capaian.xlsx"])
    assert wb.sheetnames == ["Capaian", "Pemantauan Triwulan", "Serapan Anggaran"]
    rows = sheet_rows(wb["Capaian"])
    assert ("CAPAIAN KINERJA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA TAHUN 2026 s.d. Triwulan III",) \
        in rows
    assert ("5.2", "Rata-rata lama penyelesaian usul kenaikan pangkat", "hari kerja", "10", "10,33", "10,33",
            "100,00%", "Sangat Baik", "Rumus: (2 − R / T) × 100%. R = rata-rata triwulan (TW I–TW III): 12; 10; 9 "
            "= 10,33; T = 11; 10; 10 = 10,33. (2 − 10,33 / 10,33) × 100% = 100,00%") in rows
    assert ("4.1", "Nilai SAKIP BKPSDM", "predikat", "BB", "BB", "B", "belum tercapai", "—",
            "Rumus: predikat dibandingkan menurut peringkat (AA, A, BB, B, CC, C, D). R = nilai triwulan terakhir "
            "(TW III): B; T = BB. B < BB") in rows
    monitoring = sheet_rows(wb["Pemantauan Triwulan"])
    at = monitoring.index(("5.2", "Rata-rata lama penyelesaian usul kenaikan pangkat", "Target", "11", "10", "10",
                           "9", "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian\nAkhmad Riduan, S.STP., "
                                "M.Si."))
    assert monitoring[at + 1:at + 3] == [("Realisasi", "12", "10", "9", "belum berakhir"),
                                         ("Capaian", "90,91%", "100,00%", "110,00%", "belum berakhir")]
    spending = sheet_rows(wb["Serapan Anggaran"])
    at = spending.index((3, "5.03.02 Program Kepegawaian Daerah", "Bidang Mutasi, Promosi dan Kinerja", 865_000_000,
                         "Rencana (Rp)", 150_000_000, 250_000_000, 250_000_000, 215_000_000))
    assert spending[at + 1:at + 3] == [("Realisasi (Rp)", 140_000_000, 230_000_000, 240_000_000, "belum berakhir"),
                                       ("Serapan kumulatif", "16,18%", "42,77%", "70,52%", "belum berakhir")]
    assert wb["Serapan Anggaran"].cell(at + 1, 4).number_format == '"Rp" #,##0'
    assert spending[-2:] == [("Drs. H. Ahmad Fauzi, M.Si.",), ("NIP. 19700514 199303 1 007",)]
    for ws in wb.worksheets:  # inert: not one formula
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9


# --- the Rencana Aksi ---------------------------------------------------------------

def test_renaksi_pdf_rows(files):
    text = pdf_text(files["renaksi.pdf"])
    assert "Rencana Aksi 2026 ditulis ke" in files["renaksi.pdf.stdout"]
    assert_rows_in_order(text, [
        "PEMERINTAH KABUPATEN BALANGAN BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "RENCANA AKSI BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA TAHUN 2026",
        "No Sasaran Strategis Indikator Kinerja Satuan Target 2026 TW I TW II TW III TW IV Rencana Aksi "
        "Penanggung Jawab Kegiatan Pendukung",
        "1 Meningkatnya penerapan sistem merit dalam manajemen ASN Indeks Sistem Merit indeks 0,66 0,62 0,63 0,65 "
        "0,66 • Mandiri evaluasi penerapan sistem merit bersama tim penilai internal (TW I, TW III) • Melengkapi "
        "bukti dukung penilaian sistem merit KASN (TW II, TW IV) Noor Aida, S.H. Kepala Bidang Mutasi, Promosi dan "
        "Kinerja • 5.03.02.2.02 Mutasi dan Promosi ASN • 5.03.02.2.04 Penilaian dan Evaluasi Kinerja Aparatur",
        "4 Meningkatnya akuntabilitas kinerja perangkat daerah Nilai SAKIP BKPSDM predikat BB - - BB BB",
        "5.03.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "Rata-rata lama penyelesaian usul kenaikan pangkat hari kerja 10 11 10 10 9 Pemeriksaan berkas usul kenaikan "
        "pangkat secara daring sebelum batas periode (TW I, TW II, TW III, TW IV) Akhmad Riduan, S.STP., M.Si.",
        "Rencana Anggaran per Triwulan", "No Unit Program Pagu (Rp) TW I TW II TW III TW IV",
        "1 Bidang Mutasi, Promosi dan Kinerja 5.03.02 Program Kepegawaian Daerah 865.000.000 150.000.000 "
        "250.000.000 250.000.000 215.000.000",
        SIGNATURE,
    ])
    assert "DRAF" not in text
    assert PdfReader(files["renaksi.pdf"]).pages[0].mediabox.width > PdfReader(files["renaksi.pdf"]).pages[0].mediabox.height


def test_renaksi_xlsx_cells(files):
    wb = load_workbook(files["renaksi.xlsx"])
    ws = wb["Rencana Aksi"]
    rows = sheet_rows(ws)
    header = rows.index(("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target 2026", "TW I", "TW II",
                         "TW III", "TW IV", "Rencana Aksi", "Penanggung Jawab", "Kegiatan Pendukung")) + 1
    assert rows[header] == (1, "Meningkatnya penerapan sistem merit dalam manajemen ASN", "Indeks Sistem Merit",
                            "indeks", "0,66", "0,62", "0,63", "0,65", "0,66",
                            "• Mandiri evaluasi penerapan sistem merit bersama tim penilai internal (TW I, TW III)\n"
                            "• Melengkapi bukti dukung penilaian sistem merit KASN (TW II, TW IV)",
                            "Noor Aida, S.H.\nKepala Bidang Mutasi, Promosi dan Kinerja",
                            "• 5.03.02.2.02 Mutasi dan Promosi ASN\n• 5.03.02.2.04 Penilaian dan Evaluasi Kinerja "
                            "Aparatur")
    assert f"A{header + 1}:A{header + 2}" in {str(r) for r in ws.merged_cells.ranges}  # sasaran 1: two indicators
    assert ("Rata-rata lama penyelesaian usul kenaikan pangkat", "hari kerja", "10", "11", "10", "10", "9",
            "Pemeriksaan berkas usul kenaikan pangkat secara daring sebelum batas periode (TW I, TW II, TW III, TW IV)",
            "Akhmad Riduan, S.STP., M.Si.\nKepala Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
            "5.03.02.2.01.0003 Pengelolaan Pemberhentian ASN") in rows
    assert (1, "Bidang Mutasi, Promosi dan Kinerja", "5.03.02 Program Kepegawaian Daerah", 865_000_000,
            150_000_000, 250_000_000, 250_000_000, 215_000_000) in rows
    assert rows[-2:] == [("Drs. H. Ahmad Fauzi, M.Si.",), ("NIP. 19700514 199303 1 007",)]
    assert ws.print_title_rows == f"${header}:${header}"  # the header repeated on every printed page


# --- what is missing is said, never a number ------------------------------------------------

@pytest.fixture(scope="module")
def incomplete(tmp_path_factory) -> Path:
    """The example without SS2.1 in psdm's Rencana Aksi and without ppik's TW III report."""
    repo = copy_example(tmp_path_factory.mktemp("incomplete") / "repo")
    plan = repo / "cycles/2026/renaksi/psdm.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[:text.index("  - kode: SS2.1")] + text[text.index("  - kode: SS2.2"):], encoding="utf-8")
    (repo / "cycles/2026/laporan/tw3/ppik.yaml").unlink()
    return repo


def test_an_indicator_without_a_plan_makes_the_renaksi_a_draft(incomplete, tmp_path):
    out = tmp_path / "renaksi.pdf"
    proc = export(incomplete, out, "--document", "renaksi")
    assert proc.returncode == 0, proc.stderr
    assert "Dokumen ini DRAF, belum untuk ditandatangani: Indikator RKT yang belum ada di Rencana Aksi: SS2.1." \
        in proc.stdout
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    assert all(page.startswith("DRAF") for page in pages)  # the watermark on every page
    assert_rows_in_order(" ".join(pages), [
        "DRAF. Indikator RKT yang belum ada di Rencana Aksi: SS2.1. Dokumen ini belum dapat ditandatangani.",
        "2 Meningkatnya kompetensi ASN Indeks Profesionalitas ASN indeks 72,00 — — — — belum ada di Rencana Aksi — —",
    ])


def test_a_missing_report_prints_belum_dilaporkan_and_makes_the_capaian_a_draft(incomplete, tmp_path):
    """ppik's TW III is missing: its cells say so, the year so far of SS5.2 covers TW I–II
    (mean 12, 10 = 11 against mean 11, 10 = 10,5: 2 − 11/10,5 = 0,95238 → 95,24%), never a 0."""
    out = tmp_path / "capaian.pdf"
    proc = export(incomplete, out, "--document", "capaian")
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(out)
    assert_rows_in_order(text, [
        "DRAF. Indikator RKT yang belum ada di Rencana Aksi: SS2.1. Laporan TW III Bidang Pengadaan, Pemberhentian "
        "dan Informasi Kepegawaian belum masuk (batas 14 Oktober 2026). Dokumen ini belum dapat ditandatangani.",
        "2.1 Indeks Profesionalitas ASN indeks 72,00 — — — — belum ada di Rencana Aksi",
        "5.2 Rata-rata lama penyelesaian usul kenaikan pangkat hari kerja 10 10,5 11 95,24% Sangat Baik "
        "Rumus: (2 − R / T) × 100%. R = rata-rata triwulan (TW I–TW II): 12; 10 = 11; T = 11; 10 = 10,5. "
        "(2 − 11 / 10,5) × 100% = 95,24% TW III belum dilaporkan: realisasi dan target baris ini hanya sampai TW II.",
        "Realisasi 12 10 belum dilaporkan belum berakhir", "Capaian 90,91% 100,00% belum dilaporkan belum berakhir",
        "2 5.03.02 Program Kepegawaian Daerah Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian 705.000.000 "
        "Realisasi (Rp) 115.000.000 255.000.000 belum dilaporkan belum berakhir",
        "Serapan kumulatif 16,31% 52,48% belum dilaporkan belum berakhir",
    ])
    # the default name says DRAF, as the PK's draft does
    proc = rkt(incomplete, "export", "2026", "--document", "capaian", "--format", "xlsx", "--today", "2026-11-28",
               cwd=tmp_path)
    assert proc.returncode == 0 and "ditulis ke capaian-2026-draf.xlsx" in proc.stdout, proc.stderr
    assert (tmp_path / "capaian-2026-draf.xlsx").is_file()


def test_a_year_without_rencana_aksi_is_refused_in_indonesian(tmp_path):
    repo = copy_example(tmp_path / "repo")
    for document in ("renaksi", "capaian"):
        out = tmp_path / f"{document}.pdf"
        proc = rkt(repo, "export", "2027", "--document", document, "--out", str(out), "--today", "2026-11-28")
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr and not out.exists()
    assert proc.stderr == ("rkt: Capaian Kinerja 2027 tidak dibuat: belum ada Rencana Aksi 2027 di "
                           "cycles/2027/renaksi/; susun Rencana Aksi tiap unit sebagai "
                           "cycles/2027/renaksi/<kode-unit>.yaml terlebih dahulu.\n")
    proc = rkt(repo, "export", "2027", "--document", "renaksi", "--today", "2026-11-28")
    assert proc.stderr.startswith("rkt: Rencana Aksi 2027 tidak dibuat: belum ada berkasnya di cycles/2027/renaksi/")
    proc = rkt(repo, "export", "2026", "--document", "renaksi", "--format", "csv", "--today", "2026-11-28")
    assert proc.returncode == 2 and proc.stderr == "rkt: Rencana Aksi dibuat sebagai pdf atau xlsx, bukan csv\n"


def test_before_the_first_quarter_ends_there_is_no_capaian(tmp_path):
    """On the last day of TW I nothing has ended yet: a clear refusal, not a table of blanks."""
    repo = copy_example(tmp_path / "repo")
    for laporan in (repo / "cycles/2026/laporan").glob("tw*/*.yaml"):
        laporan.unlink()
    shutil.rmtree(repo / "cycles/2027")  # prepared in the autumn of 2026: not there yet on 31 March
    proc = rkt(repo, "export", "2026", "--document", "capaian", "--today", "2026-03-31")
    assert proc.returncode == 1
    assert proc.stderr == ("rkt: Capaian Kinerja 2026 tidak dibuat: belum ada triwulan tahun 2026 yang berakhir "
                           "(Triwulan I berakhir 31 Maret 2026); capaian dapat dihitung sesudahnya.\n")


# --- inert and deterministic ---------------------------------------------------------------

def test_typed_text_stays_text_and_the_bytes_do_not_change(tmp_path):
    repo = copy_example(tmp_path / "repo")
    edit(repo / "cycles/2026/renaksi/ppik.yaml", "      - uraian: Pemeriksaan berkas usul kenaikan pangkat",
         "      - uraian: =HYPERLINK(\"http://contoh.invalid\";\"klik\") Pemeriksaan berkas usul kenaikan pangkat")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        assert export(repo, out, "--document", "renaksi", "--format", "xlsx").returncode == 0
    assert first.read_bytes() == second.read_bytes()
    wb = load_workbook(first)
    cells = [c for row in wb["Rencana Aksi"].iter_rows() for c in row if isinstance(c.value, str)
             and c.value.startswith("=HYPERLINK")]
    assert len(cells) == 1 and cells[0].data_type == "s" and cells[0].quotePrefix


def folder(d, year: int):
    return next(c for c in d.folders if c.year == year)


def test_the_site_downloads_and_their_bytes(tmp_path):
    """What the Capaian page may offer (`year_documents.downloads`): both documents in both formats,
    the same bytes each time; nothing for a year without Rencana Aksi."""
    repo = copy_example(tmp_path / "repo")
    result = validate(repo, today=TODAY)
    d = derive(repo, result.repository, TODAY)
    got = year_documents.downloads(repo, folder(d, 2026), d.measured[2026], d.compiled[2026], d.repo.agency, TODAY)
    assert [(path, label) for path, label, _ in got] == [
        ("unduh/renaksi-2026.pdf", "Rencana Aksi 2026 (PDF)"), ("unduh/renaksi-2026.xlsx", "Rencana Aksi 2026 (XLSX)"),
        ("unduh/capaian-2026.pdf", "Capaian Kinerja 2026 (PDF)"),
        ("unduh/capaian-2026.xlsx", "Capaian Kinerja 2026 (XLSX)")]
    again = year_documents.downloads(repo, folder(d, 2026), d.measured[2026], d.compiled[2026], d.repo.agency, TODAY)
    assert [data for _, _, data in got] == [data for _, _, data in again]
    assert " ".join(PdfReader(io.BytesIO(got[2][2])).pages[0].extract_text().split()).count("Sumber: tanpa Git") == 1
    assert year_documents.downloads(repo, folder(d, 2027), d.measured[2027], d.compiled[2027], d.repo.agency, TODAY) == []
