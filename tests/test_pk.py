"""The Perjanjian Kinerja: made from the signed RKT of a year, refused for a year without one;
archived like a signed RKT and offered by the site."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_example, git
from openpyxl import load_workbook
from pdf import minimal_pdf
from pypdf import PdfReader
from support.text import edit, flat

from generator.check.validate import validate
from generator.documents import export
from generator.plan.derive import derive
from generator.site.generate import generate

TODAY = dt.date(2026, 11, 28)


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args, "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def pk_pages(tmp_path_factory) -> list[str]:
    repo = copy_example(tmp_path_factory.mktemp("pk") / "repo")
    out = repo.parent / "pk-2026.pdf"
    proc = run(repo, "export", "2026", "--document", "pk", "--format", "pdf", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "dari RKT 2026 versi 1 yang ditandatangani" in proc.stdout
    return [flat(page.extract_text()) for page in PdfReader(out).pages]


def test_statement_page_names_both_parties(pk_pages):
    first = pk_pages[0]
    assert "PERJANJIAN KINERJA TAHUN 2026" in first
    assert ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
            "pada hasil, kami yang bertanda tangan di bawah ini:") in first
    # pihak pertama: the Kepala Badan who signed the RKT; pihak kedua: the Bupati of agency.yaml
    assert ("Nama : Drs. H. Ahmad Fauzi, M.Si. Jabatan : Kepala Badan Kepegawaian dan Pengembangan Sumber Daya "
            "Manusia Kabupaten Balangan selanjutnya disebut pihak pertama.") in first
    assert ("Nama : H. Ahmad Syarifuddin, S.H., M.H. Jabatan : Bupati Balangan selaku atasan pihak pertama, "
            "selanjutnya disebut pihak kedua.") in first
    assert "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini" in first
    assert "Pihak kedua akan memberikan supervisi" in first
    # signed in January of the plan year: the day is left blank for the pen
    assert "Paringin, .................... 2026" in first
    # pihak kedua on the left, pihak pertama on the right, their names on one line
    assert ("PIHAK KEDUA, PIHAK PERTAMA, Bupati Balangan Kepala Badan Kepegawaian dan Pengembangan Sumber Daya "
            "Manusia Kabupaten Balangan H. Ahmad Syarifuddin, S.H., M.H. Drs. H. Ahmad Fauzi, M.Si. "
            "NIP. 19700514 199303 1 007") in first


@pytest.mark.git
def test_lampiran_lists_the_iku_per_sasaran_and_the_program_budgets(pk_pages):
    lampiran = pk_pages[1]
    assert lampiran.startswith("LAMPIRAN PERJANJIAN KINERJA TAHUN 2026 BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER "
                               "DAYA MANUSIA KABUPATEN BALANGAN")
    rows = [
        "No Sasaran Strategis Indikator Kinerja Satuan Target",
        "1 Meningkatnya penerapan sistem merit dalam manajemen ASN Indeks Sistem Merit indeks 0,66",
        "2 Meningkatnya kompetensi ASN Indeks Profesionalitas ASN indeks 72,00",
        "3 Meningkatnya kualitas pelayanan administrasi kepegawaian Persentase layanan administrasi kepegawaian "
        "yang diselesaikan tepat waktu 90%",
        "4 Meningkatnya akuntabilitas kinerja perangkat daerah Nilai SAKIP BKPSDM BB",
        "No Program Anggaran (Rp) Keterangan",
        "1 5.03.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota 5.459.900.000",
        "2 5.03.02 Program Kepegawaian Daerah 2.150.000.000",
        "3 5.04.02 Program Pengembangan Sumber Daya Manusia 460.500.000",
        "Jumlah 8.070.400.000",
        "PIHAK KEDUA,",
    ]
    position = 0
    for row in rows:  # in this order, each row whole
        found = lampiran.find(row, position)
        assert found >= 0, (row, lampiran[position:])
        position = found + len(row)
    # Keterangan holds only what the agency typed, and it typed none (no units' names put there for it)
    programs = lampiran[lampiran.find("No Program Anggaran (Rp) Keterangan"):lampiran.find("Jumlah 8.070.400.000")]
    assert "Sekretariat" not in programs and "PSDM" not in programs
    # only the IKU: the other indicators of the Renstra are not part of the agreement
    assert "Persentase jabatan yang diisi" not in lampiran and "Jumlah dokumen perencanaan" not in lampiran
    # the total is the forms' total
    result = validate(ROOT, today=TODAY)
    assert derive(ROOT, result.repository, TODAY).compiled[2026].total == 8_070_400_000


def test_unsigned_year_gives_a_draft_pk(example, tmp_path):
    """Before the RKT is signed the PK is made from the compiled plan, as a DRAF saying so
    (tests/test_pk_draft.py has the details)."""
    out = tmp_path / "pk-2027.pdf"
    proc = run(example, "export", "2027", "--document", "pk", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "sebagai DRAF: disusun dari RKT 2027 yang belum ditandatangani" in proc.stdout
    pages = [flat(page.extract_text()) for page in PdfReader(out).pages]
    assert all("DRAF" in page for page in pages)


def test_without_the_bupati_in_agency_yaml_the_pk_is_refused(example, tmp_path):
    edit(example / "cycles/agency.yaml", "  atasan:\n    nama: H. Ahmad Syarifuddin, S.H., M.H.\n"
                                         "    jabatan: Bupati Balangan\n", "")
    proc = run(example, "export", "2026", "--document", "pk", "--out", str(tmp_path / "pk.pdf"))
    assert proc.returncode == 1
    assert "cycles/agency.yaml belum memuat pihak kedua Perjanjian Kinerja: tambahkan 'atasan'" in proc.stderr
    assert not (tmp_path / "pk.pdf").exists()


def test_csv_is_not_a_pk_format(example):
    proc = run(example, "export", "2026", "--document", "pk", "--format", "csv")
    assert proc.returncode == 2 and "pdf atau xlsx" in proc.stderr


def test_a_plan_under_revision_gives_a_draft_of_its_current_content(example, tmp_path):
    # the 2026 cycle reopened (a new step-8 event after the archiving) and a target changed
    cycle = example / "cycles/2026/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 8\n    tanggal: 2026-02-02\n    oleh: staf-perencanaan-2\n"
                                         "    catatan: Revisi RKT setelah perubahan anggaran\n")
    edit(example / "cycles/2026/forms/sekretariat.yaml", "        target: BB\n", "        target: A\n")
    # the Rencana Aksi follows the revised target (else RKT244 names both)
    edit(example / "cycles/2026/renaksi/sekretariat.yaml", '["-", "-", "BB", "BB"]', '["-", "-", "A", "A"]')
    proc = run(example, "export", "2026", "--document", "pk", "--out", str(tmp_path / "pk.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert ("sebagai DRAF: disusun dari isi RKT 2026 saat ini, yang sedang direvisi (berbeda dari versi 1 yang "
            "ditandatangani)") in proc.stdout
    lampiran = flat(PdfReader(tmp_path / "pk.pdf").pages[1].extract_text())
    assert "Nilai SAKIP BKPSDM A" in lampiran  # the revised target, not the signed one


def test_xlsx_has_both_tables_with_merged_sasaran_and_rupiah_numbers(example, tmp_path):
    # two key indicators under one sasaran: one number, its cells merged over both
    edit(example / "cycles/renstra.yaml", "        satuan: \"%\"\n        iku: false\n        formula: jumlah jabatan",
         "        satuan: \"%\"\n        iku: true\n        formula: jumlah jabatan")
    out = tmp_path / "pk.xlsx"
    proc = run(example, "export", "2026", "--document", "pk", "--format", "xlsx", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    ws = load_workbook(out).active
    rows = [tuple(row) for row in ws.iter_rows(values_only=True)]
    assert rows[2][0] == "PERJANJIAN KINERJA TAHUN 2026"
    assert ["Pihak Pertama", "Drs. H. Ahmad Fauzi, M.Si."] == list(rows[5][:2])
    assert ["Pihak Kedua", "H. Ahmad Syarifuddin, S.H., M.H.", "Bupati Balangan"] == list(rows[6][:3])
    header = next(i for i, r in enumerate(rows) if r[:2] == ("No", "Sasaran Strategis"))
    assert rows[header][:5] == ("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target")
    table = [r[:5] for r in rows[header + 1:header + 6]]
    assert table == [
        (1, "Meningkatnya penerapan sistem merit dalam manajemen ASN", "Indeks Sistem Merit", "indeks", "0,66"),
        (None, None, "Persentase jabatan yang diisi sesuai standar kompetensi jabatan", None, "84%"),
        (2, "Meningkatnya kompetensi ASN", "Indeks Profesionalitas ASN", "indeks", "72,00"),
        (3, "Meningkatnya kualitas pelayanan administrasi kepegawaian",
         "Persentase layanan administrasi kepegawaian yang diselesaikan tepat waktu", None, "90%"),
        (4, "Meningkatnya akuntabilitas kinerja perangkat daerah", "Nilai SAKIP BKPSDM", None, "BB"),
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {f"A{header + 2}:A{header + 3}", f"B{header + 2}:B{header + 3}"} <= merged
    programs = next(i for i, r in enumerate(rows) if r[:4] == ("No", "Program", "Anggaran (Rp)", "Keterangan"))
    assert [r[:4] for r in rows[programs + 1:programs + 5]] == [
        (1, "5.03.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 5_459_900_000, None),
        (2, "5.03.02 Program Kepegawaian Daerah", 2_150_000_000, None),
        (3, "5.04.02 Program Pengembangan Sumber Daya Manusia", 460_500_000, None),
        (None, "Jumlah", 8_070_400_000, None),
    ]
    assert ws.cell(row=programs + 2, column=3).number_format == export.RUPIAH_FORMAT
    assert any(r[3] == "Paringin, .................... 2026" for r in rows)
    # same data, same bytes
    again = tmp_path / "again.xlsx"
    assert run(example, "export", "2026", "--document", "pk", "--format", "xlsx", "--out", str(again)).returncode == 0
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.git
def test_a_signed_pk_is_archived_dated_listed_and_offered(tmp_path):
    repo = copy_example(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data contoh")
    scan = tmp_path / "pk.pdf"
    scan.write_bytes(minimal_pdf(["PERJANJIAN KINERJA 2026 (CONTOH)"]))
    refused = run(repo, "sign", "2027", str(scan), "--date", "2026-01-06", "--document", "pk")
    assert refused.returncode == 1 and "RKT 2027 belum ditandatangani" in refused.stderr
    assert not (repo / "cycles/2027/signed").exists()
    proc = run(repo, "sign", "2026", str(scan), "--date", "2026-01-06", "--document", "pk")
    assert proc.returncode == 0, proc.stderr
    meta = (repo / "cycles/2026/signed/pk-2026-v1.yaml").read_text()
    assert "Versi 1 Perjanjian Kinerja Tahun 2026" in meta and "berkas: pk-2026-v1.pdf" in meta
    assert (repo / "cycles/2026/signed/pk-2026-v1.pdf").read_bytes() == scan.read_bytes()
    cycle_before = git(repo, "show", "HEAD:cycles/2026/cycle.yaml")
    assert (repo / "cycles/2026/cycle.yaml").read_text() == cycle_before  # no SOP step recorded
    result = validate(repo, today=TODAY)
    assert result.ok, result.problems
    folder = next(c for c in result.repository.cycles if c.year == 2026)
    assert [v.version for v in folder.agreements] == [1] and [v.version for v in folder.signed] == [1]
    # the PK now carries the date it was signed
    out = tmp_path / "pk-2026.pdf"
    assert run(repo, "export", "2026", "--document", "pk", "--out", str(out)).returncode == 0
    assert "Paringin, 6 Januari 2026" in flat(PdfReader(out).pages[0].extract_text())
    # the site: the Arsip lists it, the RKT page offers its scan, the document of record (as a finished
    # RKT's), and the lampiran as XLSX; no PDF to sign it again (`rkt export` above still prints one)
    files = generate(repo, result, TODAY, None).files
    archive = files["arsip.md"].decode()
    assert "## Perjanjian Kinerja bertanda tangan" in archive and "pk-2026-v1.pdf" in archive
    assert files["unduh/pk-2026-v1.pdf"] == scan.read_bytes()
    assert "unduh/pk-2026.pdf" not in files and "unduh/pk-2026.xlsx" in files
    page = files["rkt/2026.md"].decode()
    assert "Perjanjian Kinerja (PDF)" not in page and "[Perjanjian Kinerja (XLSX)](../unduh/pk-2026.xlsx)" in page
    assert "[Perjanjian Kinerja bertanda tangan versi 1](../unduh/pk-2026-v1.pdf)" in page
    # the running 2027 cycle offers a DRAF of its PK, never one named as the PK to sign
    assert "[Perjanjian Kinerja DRAF, belum untuk ditandatangani (PDF)](../unduh/pk-2027-draf.pdf)" in files[
        "rkt/2027.md"].decode()
    assert "unduh/pk-2027.pdf" not in files and files["unduh/pk-2027-draf.pdf"].startswith(b"%PDF-")
    # archived means final, as for the RKT's versions
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "PK 2026 ditandatangani")
    meta_path = repo / "cycles/2026/signed/pk-2026-v1.yaml"
    meta_path.write_text(meta_path.read_text().replace("tanggal: 2026-01-06", "tanggal: 2026-01-07"))
    changed = [p for p in validate(repo, today=TODAY, base="main").problems if p.code == "RKT302"]
    assert [p.file for p in changed] == ["cycles/2026/signed/pk-2026-v1.yaml"]
    # a scan signed from another content of the RKT (its fingerprint is not the plan's now) is not the
    # PK of this plan: the PK to sign is offered again
    meta_path.write_text(re.sub(r"sidik_isi: \S+", "sidik_isi: " + "0" * 64, meta_path.read_text()))
    files = generate(repo, validate(repo, today=TODAY), TODAY, None).files
    assert files["unduh/pk-2026.pdf"].startswith(b"%PDF-")
    assert "[Perjanjian Kinerja (PDF)](../unduh/pk-2026.pdf)" in files["rkt/2026.md"].decode()


def test_a_signed_pk_must_be_named_as_one(example):
    signed = example / "cycles/2026/signed"
    (signed / "pk-2026-v1.pdf").write_bytes((signed / "rkt-2026-v1.pdf").read_bytes())
    (signed / "pk-2026-v1.yaml").write_text((signed / "rkt-2026-v1.yaml").read_text())  # names rkt-2026-v1.pdf
    problems = [(p.file, p.code) for p in validate(example, today=TODAY).problems if p.is_error]
    assert problems == [("cycles/2026/signed/pk-2026-v1.yaml", "RKT213")]


def test_a_renstra_that_marks_no_iku_agrees_on_all_its_indicators(example, tmp_path):
    """Marking key indicators is the agency's choice: with every indicator `iku: false` the PK prints
    every indicator of the plan (nobody has to mark them all to get a PK row)."""
    renstra = example / "cycles/renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    assert text.count("        iku: true\n") == 4
    renstra.write_text(text.replace("        iku: true\n", "        iku: false\n"), encoding="utf-8")
    out = tmp_path / "pk-2026.pdf"
    proc = run(example, "export", "2026", "--document", "pk", "--format", "pdf", "--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lampiran = " ".join(flat(page.extract_text()) for page in PdfReader(out).pages[1:])
    for row in ("1 Meningkatnya penerapan sistem merit dalam manajemen ASN Indeks Sistem Merit indeks 0,66",
                "Persentase jabatan yang diisi sesuai standar kompetensi jabatan 84%",
                "Jumlah dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu dokumen 5"):
        assert row in lampiran, (row, lampiran)
