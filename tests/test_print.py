"""The compiled RKT as real documents print it: row by row in the PDF, cell by cell (merged
ranges included) in the XLSX, the performance table in the CSV, DRAF until every unit is in,
and a signature block taken from the plan (never from today's date)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, copy_example
from openpyxl import load_workbook
from pypdf import PdfReader
from support.examples import EXAMPLES, apply

from generator.check.validate import validate
from generator.documents import export, typeset
from generator.plan import fingerprint
from generator.plan.derive import derive
from generator.site import pages as render
from generator.site.generate import generate

PK = "pk-target-dan-pagu-program"
RKT = "rkt-banyak-indikator-per-sasaran"
SIGN = ("Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Balangan "
        "Drs. H. Ahmad Fauzi, M.Si.")
NIP = "NIP. 19700514 199303 1 007"


def case(tmp: Path, name: str) -> Path:
    repo = copy_example(tmp / "repo")
    apply(EXAMPLES / "valid" / name, repo)
    return repo


def plan(repo: Path, year: int = 2027, today: dt.date = TODAY):
    result = validate(repo, today=today)
    assert result.ok, [(p.file, p.line, p.message) for p in result.errors]
    return result.repository.agency, derive(repo, result.repository, today).compiled[year]


def printed(repo: Path, fmt_name: str, year: int = 2027, today: dt.date = TODAY) -> bytes:
    agency, rkt = plan(repo, year, today)
    return export.render(fmt_name, rkt, agency, export.Source("", fingerprint.fingerprint(rkt)), today)


def pdf_pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def assert_rows_in_order(text: str, rows: list[str]) -> None:
    """Each row is printed whole (its cells in order, one after the other), and the rows follow
    each other in this order; page footers may sit between two rows."""
    at = 0
    for r in rows:
        found = text.find(r, at)
        assert found >= 0, f"not found after position {at}: {r!r}\nin: {text[at:at + 400]!r}"
        at = found + len(r)


def xlsx(data: bytes):
    return load_workbook(io.BytesIO(data))


def rows_of(ws, first: int, last: int) -> list[tuple]:
    return [tuple(c for c in r if c is not None) for r in ws.iter_rows(min_row=first, max_row=last, values_only=True)]


# --- a PK-style plan: targets carrying their unit, pagu per program -----------------------

@pytest.fixture(scope="module")
def pk(tmp_path_factory) -> Path:
    return case(tmp_path_factory.mktemp("pk"), PK)


def test_pk_style_plan_prints_row_by_row_without_empty_columns(pk):
    pages = pdf_pages(printed(pk, "pdf"))
    text = " ".join(pages)
    assert_rows_in_order(text, [
        "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027",
        "A. Tabel Kinerja",
        "No Sasaran Indikator Kinerja Target",
        "1 Meningkatnya kualitas pelayanan kepegawaian Persentase usulan layanan yang selesai tepat waktu 100%",
        "Indeks kepuasan layanan kepegawaian 85 point",
        "2 Meningkatnya akuntabilitas kinerja badan Predikat SAKIP badan BB",
        "B. Program",
        "Sekretariat",
        "No Program Anggaran (Rp)",
        "1 5.03.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota 6.300.000.000",
        "Jumlah Sekretariat 6.300.000.000",
        "Bidang Mutasi, Promosi dan Kinerja",
        "No Program Anggaran (Rp)",
        "1 5.03.02 Program Kepegawaian Daerah 1.250.000.000",
        "Jumlah Bidang Mutasi, Promosi dan Kinerja 1.250.000.000",
        "C. Jumlah Anggaran",
        "Sekretariat 6.300.000.000",
        "Bidang Mutasi, Promosi dan Kinerja 1.250.000.000",
        "Jumlah seluruhnya 7.550.000.000",
        f"Paringin, ...................... 2026 {SIGN} {NIP}",
    ])
    # the unit is in the target: no Satuan column; no formula: no Cara Pengukuran; no DRAF
    for absent in ("Satuan", "Cara Pengukuran", "Target Renstra", "Indikator Kinerja Target Kinerja", "DRAF",
                   "Kegiatan", "belum diisi"):
        assert absent not in text, absent


def test_pk_style_plan_in_the_workbook(pk):
    wb = xlsx(printed(pk, "xlsx"))
    assert wb.sheetnames == ["RKT", "Sekretariat", "MPK"]
    ws = wb["RKT"]
    assert ws["A5"].value is None  # not a draft
    assert rows_of(ws, 6, 9) == [
        ("No", "Sasaran", "Indikator Kinerja", "Target"),
        (1, "Meningkatnya kualitas pelayanan kepegawaian", "Persentase usulan layanan yang selesai tepat waktu", "100%"),
        ("Indeks kepuasan layanan kepegawaian", "85 point"),
        (2, "Meningkatnya akuntabilitas kinerja badan", "Predikat SAKIP badan", "BB"),
    ]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A7:A8", "B7:B8"}
    assert ws.max_column == 9  # the program tables below keep their fixed columns
    program = [r for r in ws.iter_rows(values_only=True) if r[1] == "Program"]
    assert [(r[2], r[7]) for r in program] == [("5.03.01", 6_300_000_000), ("5.03.02", 1_250_000_000)]
    assert [r for r in ws.iter_rows(values_only=True) if r[1] == "Jumlah seluruhnya"][0][7] == 7_550_000_000


# --- several indicators per sasaran, mixed units, "-", cara pengukuran ---------------------

@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    return case(tmp_path_factory.mktemp("many"), RKT)


KINERJA_ROWS = [
    "No Sasaran Indikator Kinerja Satuan Target Target Renstra Cara Pengukuran",
    "1 Meningkatnya kualitas manajemen ASN Indeks Sistem Merit indeks 0,73 0,72 nilai penilaian mandiri sistem merit",
    "Persentase kenaikan pangkat tepat waktu % 95% kenaikan pangkat tepat waktu / usulan x 100%",
    "Jumlah peta jabatan mutakhir dokumen 12",
    "2 Meningkatnya kompetensi ASN Indeks Profesionalitas ASN 76 point",
    "Persentase pejabat lulus pelatihan kepemimpinan % - pejabat lulus / pejabat wajib x 100%",
    "3 Meningkatnya akuntabilitas kinerja Nilai SAKIP predikat BB",
]


def test_many_indicators_per_sasaran_print_row_by_row(many):
    text = " ".join(pdf_pages(printed(many, "pdf")))
    assert_rows_in_order(text, ["A. Tabel Kinerja", *KINERJA_ROWS,
                                "B. Program, Kegiatan dan Sub Kegiatan",
                                "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
                                "No Program / Kegiatan / Sub Kegiatan Indikator Kinerja Target Kinerja Anggaran (Rp)",
                                "1 5.03.02 Program Kepegawaian Daerah 300.000.000",
                                "5.03.02.2.01 Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN 300.000.000",
                                "Bidang Mutasi, Promosi dan Kinerja",
                                "1 5.03.02 Program Kepegawaian Daerah 200.000.000",
                                "5.03.02.2.02 Mutasi dan Promosi ASN 200.000.000",
                                "5.03.02.2.02.0001 Pengelolaan Mutasi ASN Dokumen mutasi 400 Dokumen 200.000.000",
                                "C. Jumlah Anggaran",
                                "Jumlah seluruhnya 500.000.000",
                                f"Paringin, ...................... 2026 {SIGN} {NIP}"])
    # units with targets only have no program table of their own
    assert "Jumlah Sekretariat" not in text and "Bidang Pengembangan Sumber Daya Manusia" not in text


def test_many_indicators_per_sasaran_in_the_workbook(many):
    ws = xlsx(printed(many, "xlsx"))["RKT"]
    assert rows_of(ws, 6, 12) == [
        ("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Target Renstra", "Cara Pengukuran"),
        (1, "Meningkatnya kualitas manajemen ASN", "Indeks Sistem Merit", "indeks", "0,73", "0,72",
         "nilai penilaian mandiri sistem merit"),
        ("Persentase kenaikan pangkat tepat waktu", "%", "95%", "kenaikan pangkat tepat waktu / usulan x 100%"),
        ("Jumlah peta jabatan mutakhir", "dokumen", 12),  # a whole number stays a number
        (2, "Meningkatnya kompetensi ASN", "Indeks Profesionalitas ASN", "76 point"),
        ("Persentase pejabat lulus pelatihan kepemimpinan", "%", "-", "pejabat lulus / pejabat wajib x 100%"),
        (3, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "predikat", "BB"),
    ]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A7:A9", "B7:B9", "A10:A11", "B10:B11"}
    assert ws["E8"].value == "95%" and ws["F8"].value is None  # the Renstra value only where it differs


def test_the_csv_carries_the_performance_table(many):
    rows = list(csv.reader(io.StringIO(printed(many, "csv").decode("utf-8-sig"), newline=""), delimiter=";"))
    start = rows.index(export.CSV_PERFORMANCE_HEADERS)
    assert rows[0] == export.CSV_HEADERS and all(len(r) == len(export.CSV_HEADERS) for r in rows)
    assert rows[start + 1:] == [
        ["1", "Meningkatnya kualitas manajemen ASN", "SS1.1", "Indeks Sistem Merit", "indeks", "0,73", "0,72",
         "nilai penilaian mandiri sistem merit", "mpk"],
        ["1", "Meningkatnya kualitas manajemen ASN", "SS1.2", "Persentase kenaikan pangkat tepat waktu", "%", "95%",
         "95%", "kenaikan pangkat tepat waktu / usulan x 100%", "ppik"],
        ["1", "Meningkatnya kualitas manajemen ASN", "SS1.3", "Jumlah peta jabatan mutakhir", "dokumen", "12", "12",
         "", "mpk"],
        ["2", "Meningkatnya kompetensi ASN", "SS2.1", "Indeks Profesionalitas ASN", "", "76 point", "76 point", "",
         "psdm"],
        # a lone "-" (no target) is no formula: it stays as printed (export._csv_text)
        ["2", "Meningkatnya kompetensi ASN", "SS2.2", "Persentase pejabat lulus pelatihan kepemimpinan", "%", "-",
         "-", "pejabat lulus / pejabat wajib x 100%", "psdm"],
        ["3", "Meningkatnya akuntabilitas kinerja", "SS3.1", "Nilai SAKIP", "predikat", "BB", "BB", "", "sekretariat"],
    ]


# --- DRAF until every required unit is in ------------------------------------------------

@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    repo = case(tmp_path_factory.mktemp("draft"), RKT)
    (repo / "cycles/2027/forms/psdm.yaml").unlink()
    return repo


def test_a_plan_with_a_unit_missing_is_marked_draft_on_every_pdf_page(draft):
    pages = pdf_pages(printed(draft, "pdf"))
    assert len(pages) >= 2
    assert all(page.startswith("DRAF ") for page in pages)  # the watermark, on every page
    text = " ".join(pages)
    assert "DRAF. Form RKT belum diserahkan: Bidang Pengembangan Sumber Daya Manusia." in text
    assert_rows_in_order(text, ["2 Meningkatnya kompetensi ASN Indeks Profesionalitas ASN belum diisi",
                                "Persentase pejabat lulus pelatihan kepemimpinan % belum diisi"])


def test_a_complete_plan_has_no_draft_mark(many):
    assert not any("DRAF" in page for page in pdf_pages(printed(many, "pdf")))


def test_a_draft_workbook_says_so_above_the_table_and_on_every_printed_page(draft):
    wb = xlsx(printed(draft, "xlsx"))
    assert wb["RKT"]["A5"].value.startswith("DRAF: Form RKT belum diserahkan: Bidang Pengembangan Sumber Daya")
    assert [wb[name].oddHeader.center.text for name in wb.sheetnames] == ["DRAF - belum lengkap"] * len(wb.sheetnames)
    assert rows_of(wb["RKT"], 10, 10) == [(2, "Meningkatnya kompetensi ASN", "Indeks Profesionalitas ASN", "belum diisi")]


def pages_of(repo: Path, tmp: Path) -> dict[str, str]:
    result = validate(repo, today=TODAY)
    files = generate(repo, result, TODAY, tmp / "cache").files
    return {k: v.decode() for k, v in files.items() if k.endswith(".md")}


def test_the_rkt_page_has_the_draft_banner_and_spans_each_sasaran(draft, tmp_path):
    page = pages_of(draft, tmp_path)["rkt/2027.md"]
    assert '<p class="admonition-title">DRAF: belum lengkap</p>' in page
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027 (DRAF)" in page
    assert '<td class="num" rowspan="3" data-label="No">1</td>' in page
    assert '<td rowspan="3" data-label="Sasaran">Meningkatnya kualitas manajemen ASN</td>' in page
    assert '<td data-label="Target"><em class="rkt-belum">belum diisi</em></td>' in page
    assert "Paringin, ...................... 2026" in page and NIP in page


def test_a_page_of_targets_only_has_no_program_section_and_no_zero_total(tmp_path):
    repo = case(tmp_path, RKT)
    for unit in ("ppik", "mpk"):
        path = repo / f"cycles/2027/forms/{unit}.yaml"
        path.write_text(path.read_text().split("\nprogram:")[0] + "\nprogram: []\n")
    page = pages_of(repo, tmp_path)["rkt/2027.md"]
    assert "## Tabel kinerja" in page
    # the plan is complete: no DRAF on the RKT (the page still offers its PK as a DRAF until it is signed)
    for absent in ("## Program", "Jumlah anggaran", "Rp 0", "DRAF: belum lengkap", "TAHUN 2027 (DRAF)"):
        assert absent not in page, absent
    text = " ".join(pdf_pages(printed(repo, "pdf")))
    assert "Tabel Kinerja" in text and "A. Tabel Kinerja" not in text
    assert "Program" not in text and "Jumlah seluruhnya" not in text
    assert xlsx(printed(repo, "xlsx")).sheetnames == ["RKT"]


# --- the signature block ----------------------------------------------------------------------

def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + b"\x20\x40\x80" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> Path:
    """The example, with the head's pangkat and the agency's logo."""
    repo = copy_example(tmp_path_factory.mktemp("signed") / "repo")
    agency = repo / "cycles/agency.yaml"
    text = agency.read_text()
    for old, new in (("  kepala: kaban\n", "  kepala: kaban\n  logo: logo.png\n"),
                     ("    jabatan: Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\n",
                      "    jabatan: Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\n"
                      "    pangkat: Pembina Utama Muda (IV/c)\n")):
        assert old in text
        text = text.replace(old, new, 1)
    agency.write_text(text)
    (repo / "cycles/logo.png").write_bytes(tiny_png())
    return repo


def test_a_signed_plan_prints_its_signing_date_and_the_signers_pangkat(signed):
    text = " ".join(pdf_pages(printed(signed, "pdf", 2026)))
    assert (f"Paringin, 3 Desember 2025 {SIGN} Pembina Utama Muda (IV/c) {NIP}") in text


def test_an_unsigned_plan_leaves_the_date_blank_in_the_year_it_is_prepared_not_today(signed):
    later = dt.date(2027, 1, 8)  # printed again in January of the plan year
    text = " ".join(pdf_pages(printed(signed, "pdf", 2027, later)))
    assert f"Paringin, ...................... 2026 {SIGN} Pembina Utama Muda (IV/c) {NIP}" in text
    assert "2027 Kepala Badan" not in text


def test_the_logo_is_embedded_never_fetched(signed):
    agency, rkt = plan(signed)
    src = export.Source("", "0" * 64)
    document = export.rkt_document(rkt, agency, src)
    assert document.logo == agency.logo_data  # the bytes of cycles/logo.png travel with the document
    reader = PdfReader(io.BytesIO(typeset.to_pdf(document)))
    assert [img.name for img in reader.pages[0].images]  # the image is in the file itself
    without = dataclasses.replace(agency, logo=None, logo_data=None)
    assert not PdfReader(io.BytesIO(typeset.to_pdf(export.rkt_document(rkt, without, src)))).pages[0].images


# --- the trend reads targets the way the plan writes them ------------------------------------

def test_the_trend_reads_a_dotted_target_as_a_decimal_and_follows_the_agreed_target(example):
    assert render.target_number("0.62") == 0.62  # SIPD's dot: not sixty-two
    assert render.target_number("0,62") == 0.62 and render.target_number("-") is None
    for unit in ("ppik", "mpk"):
        path = example / f"cycles/2027/forms/{unit}.yaml"
        path.write_text(path.read_text().replace('kode: SS1.1\n        target: "0,70"', "kode: SS1.1\n        target: 0.71"))
    agency, rkt = plan(example)
    merit = next(i for _, i in validate(example, today=TODAY).repository.renstra.indicators() if i.code == "SS1.1")
    assert render.trend_value(rkt, merit) == 0.71


@pytest.mark.git
def test_the_example_repository_still_prints(tmp_path):
    """The shipped example: DRAF (PSDM is missing), its indicators 'belum diisi'."""
    text = " ".join(pdf_pages(printed(ROOT, "pdf")))
    assert_rows_in_order(text, ["DRAF", "2 Meningkatnya kompetensi ASN Indeks Profesionalitas ASN indeks belum diisi"])




def test_typed_text_is_printed_as_written_never_obeyed(tmp_path):
    """Text from the data reaches the PDF as text: Typst markup in it (a read of a system file, an
    image from an address, a link, bold) is printed character for character and nothing is fetched."""
    import functools
    import http.server
    import threading

    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        hostile = (f'#read("/etc/hostname") #image("http://127.0.0.1:{port}/logo.png") '
                   f'#link("http://127.0.0.1:{port}/")[klik] *tebal* $x^2$ <label> \\ // komentar')
        document = typeset.Document("uji", hostile, (typeset.Text("para", hostile), typeset.Table(
            (typeset.Column("No", "right", "auto"), typeset.Column("Sasaran")),
            (typeset.Row((typeset.Cell("1"), typeset.Cell(hostile))),))))
        data = typeset.to_pdf(document)
    finally:
        server.shutdown()
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.count(" ".join(hostile.split())) == 3  # paragraph, table cell and footer, as typed
    assert asked == [] and not reader.pages[0].images
    assert b"/URI" not in data  # no link in the file
