"""A Perjanjian Kinerja can be printed before its RKT is signed: a DRAF made from the compiled plan,
marked on every page with what it was made from, its date line left blank; never archived as
signed. The PK of a signed RKT carries no such mark."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git
from openpyxl import load_workbook
from pdf import minimal_pdf
from pypdf import PdfReader

from generator.check.validate import validate
from generator.site.generate import generate

TODAY = dt.date(2026, 11, 28)
UNSIGNED = "DRAF - disusun dari RKT 2027 yang belum ditandatangani"


def run(repo: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args, "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=cwd)


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def reopen_with_a_new_target(repo: Path) -> None:
    """The 2026 cycle reopened after its signing (a step-8 event) and one target changed."""
    cycle = repo / "cycles/2026/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 8\n    tanggal: 2026-02-02\n    oleh: staf-perencanaan-2\n"
                                         "    catatan: Revisi RKT setelah perubahan anggaran\n")
    form = repo / "cycles/2026/forms/sekretariat.yaml"
    text = form.read_text()
    assert text.count("        target: BB\n") == 1
    form.write_text(text.replace("        target: BB\n", "        target: A\n"))
    plan = repo / "cycles/2026/renaksi/sekretariat.yaml"  # the Rencana Aksi follows (else RKT244 names both)
    plan.write_text(plan.read_text().replace('["-", "-", "BB", "BB"]', '["-", "-", "A", "A"]'))


def test_a_draft_pdf_says_draf_on_every_page_with_its_source_and_a_blank_date(example, tmp_path):
    proc = run(example, "export", "2027", "--document", "pk", cwd=tmp_path)  # the default file name
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "pk-2027-draf.pdf"
    assert proc.stdout.startswith(f"Perjanjian Kinerja 2027 ditulis ke {out.name} (")
    assert "sebagai DRAF: disusun dari RKT 2027 yang belum ditandatangani" in proc.stdout
    assert "Tanggal tanda tangan dibiarkan kosong; draf ini bukan untuk ditandatangani." in proc.stdout
    assert not (tmp_path / "pk-2027.pdf").exists()
    first, lampiran = pages(out)
    # the note under the title: what it was made from, and the plan's own gaps
    assert (f"PERJANJIAN KINERJA TAHUN 2027 {UNSIGNED}; Form RKT belum diserahkan: Bidang Pengembangan Sumber "
            f"Daya Manusia. Perjanjian Kinerja untuk ditandatangani dicetak setelah RKT 2027 ditandatangani dan "
            f"diarsipkan.") in first
    for page in (first, lampiran):
        assert page.startswith("DRAF ")  # the watermark behind the text
        assert "DRAF dari isi RKT 2027 saat ini, belum ditandatangani, sidik isi" in page  # the footer
        # no signing date invented: neither a day nor a month, a line for the pen
        assert "Paringin, .................................... PIHAK KEDUA, PIHAK PERTAMA," in page
        assert "Januari" not in page
    # pihak pertama is the head now in agency.yaml (nobody has signed this plan yet)
    assert "Nama : Drs. H. Ahmad Fauzi, M.Si. Jabatan : Kepala Badan Kepegawaian" in first
    # the targets are the compiled plan's, the missing unit's written as not filled
    assert "1 Meningkatnya penerapan sistem merit dalam manajemen ASN Indeks Sistem Merit indeks 0,70" in lampiran
    assert "Indeks Profesionalitas ASN indeks belum diisi" in lampiran


def test_a_draft_workbook_says_draf_in_its_title_below_it_and_on_every_printed_page(example, tmp_path):
    out = tmp_path / "pk.xlsx"
    proc = run(example, "export", "2027", "--document", "pk", "--format", "xlsx", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    ws = load_workbook(out).active
    rows = [r[0] for r in ws.iter_rows(max_col=1, values_only=True)]
    assert rows[2] == "PERJANJIAN KINERJA TAHUN 2027 (DRAF)"
    assert "DRAF dari isi RKT 2027 saat ini, belum ditandatangani" in rows[3]
    assert rows[4].startswith(f"{UNSIGNED}; Form RKT belum diserahkan")
    assert ws.oddHeader.center.text == "DRAF - belum dapat ditandatangani"
    assert "Paringin, ...................................." in [r[3] for r in ws.iter_rows(values_only=True)]
    again = tmp_path / "again.xlsx"
    assert run(example, "export", "2027", "--document", "pk", "--format", "xlsx", "--out", str(again)).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_the_pk_of_a_signed_plan_carries_no_draft_mark(example, tmp_path):
    out = tmp_path / "pk.pdf"
    proc = run(example, "export", "2026", "--document", "pk", "--out", str(out))
    assert proc.returncode == 0 and "dari RKT 2026 versi 1 yang ditandatangani" in proc.stdout
    for page in pages(out):
        assert "DRAF" not in page and "RKT 2026 versi 1, sidik isi" in page and "Paringin, .................... 2026" in page
    xlsx = tmp_path / "pk.xlsx"
    assert run(example, "export", "2026", "--document", "pk", "--format", "xlsx", "--out", str(xlsx)).returncode == 0
    ws = load_workbook(xlsx).active
    assert not any("DRAF" in str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    assert not ws.oddHeader.center.text


def test_a_plan_under_revision_gives_a_draft_of_what_it_says_now_and_points_at_the_signed_pk(example, tmp_path):
    reopen_with_a_new_target(example)
    out = tmp_path / "pk.pdf"
    proc = run(example, "export", "2026", "--document", "pk", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert ("sebagai DRAF: disusun dari isi RKT 2026 saat ini, yang sedang direvisi (berbeda dari versi 1 yang "
            "ditandatangani)") in proc.stdout
    # the signed version's PK is not made again from older content; the command says where it stands
    assert "Perjanjian Kinerja dari RKT 2026 versi 1 yang ditandatangani tidak dibuat ulang" in proc.stdout
    first, lampiran = pages(out)
    assert first.startswith("DRAF ") and "DRAF - disusun dari isi RKT 2026 saat ini, yang sedang direvisi" in first
    assert "Nilai SAKIP BKPSDM A" in lampiran and "Januari" not in lampiran


@pytest.mark.git
def test_under_revision_the_archived_signed_pk_is_named_and_no_draft_can_be_archived(example_git, tmp_path):
    scan = tmp_path / "pk.pdf"
    scan.write_bytes(minimal_pdf(["PERJANJIAN KINERJA 2026 (CONTOH)"]))
    assert run(example_git, "sign", "2026", str(scan), "--date", "2026-01-06", "--document", "pk").returncode == 0
    reopen_with_a_new_target(example_git)
    git(example_git, "add", "-A")
    git(example_git, "commit", "-q", "-m", "Revisi")
    proc = run(example_git, "export", "2026", "--document", "pk", "--out", str(tmp_path / "draf.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert ("Perjanjian Kinerja bertanda tangan yang berlaku sampai revisi ditandatangani: "
            "cycles/2026/signed/pk-2026-v1.pdf (versi 1, ditandatangani 2026-01-06)") in proc.stdout
    # a scan of the draft is never archived as the signed PK
    refused = run(example_git, "sign", "2026", str(scan), "--date", "2026-02-03", "--document", "pk")
    assert refused.returncode == 1
    assert "Perjanjian Kinerja 2026 tidak dapat diarsipkan: isi RKT 2026 sedang direvisi" in refused.stderr
    assert not (example_git / "cycles/2026/signed/pk-2026-v2.yaml").exists()


def test_the_site_offers_the_draft_of_a_running_cycle_labelled_as_such(example):
    result = validate(example, today=TODAY)
    files = generate(example, result, TODAY, None).files
    page = files["rkt/2027.md"].decode()
    assert "[Perjanjian Kinerja DRAF, belum untuk ditandatangani (PDF)](../unduh/pk-2027-draf.pdf)" in page
    assert "[Perjanjian Kinerja DRAF, belum untuk ditandatangani (XLSX)](../unduh/pk-2027-draf.xlsx)" in page
    assert "unduh/pk-2027.pdf" not in files and "unduh/pk-2027.xlsx" not in files
    draft = files["unduh/pk-2027-draf.pdf"]
    (example / "draf.pdf").write_bytes(draft)
    assert all(p.startswith("DRAF ") for p in pages(example / "draf.pdf"))
    # the finished, signed 2026 cycle offers its PK to sign, no draft
    signed = files["rkt/2026.md"].decode()
    assert "[Perjanjian Kinerja (PDF)](../unduh/pk-2026.pdf)" in signed and "pk-2026-draf" not in signed
    assert "unduh/pk-2026-draf.pdf" not in files
