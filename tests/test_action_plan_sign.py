"""The signed Rencana Aksi: archived like the RKT and the PK (scan and metadata together, hash,
commit, content fingerprint), listed in the Arsip and offered for download; a Rencana Aksi
changed after its signature asks for a new version; archived means final."""

from __future__ import annotations

import pytest
from conftest import copy_example, git
from pdf import minimal_pdf
from support.cli import rkt
from support.repos import TODAY

from generator.check.validate import validate
from generator.site.generate import generate

pytestmark = pytest.mark.git


@pytest.fixture()
def repo(tmp_path):
    repo = copy_example(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data contoh")
    return repo


def sign(repo, scan, *extra):
    return rkt(repo, "sign", "2026", str(scan), "--date", "2026-01-20", "--document", "renaksi",
               "--today", TODAY.isoformat(), *extra)


def test_a_signed_rencana_aksi_is_archived_listed_and_offered(repo, tmp_path):
    scan = tmp_path / "renaksi.pdf"
    scan.write_bytes(minimal_pdf(["RENCANA AKSI 2026 (CONTOH)"]))
    proc = sign(repo, scan)
    assert proc.returncode == 0, proc.stderr
    assert "Rencana Aksi 2026 versi 1 diarsipkan: cycles/2026/signed/renaksi-2026-v1.pdf" in proc.stdout
    meta = (repo / "cycles/2026/signed/renaksi-2026-v1.yaml").read_text()
    assert "Rencana Aksi Tahun 2026" in meta and "berkas: renaksi-2026-v1.pdf" in meta
    assert "nama: Drs. H. Ahmad Fauzi, M.Si." in meta and "sidik_isi: " in meta
    assert (repo / "cycles/2026/signed/renaksi-2026-v1.pdf").read_bytes() == scan.read_bytes()
    result = validate(repo, today=TODAY)
    assert result.ok and not [p for p in result.problems if p.file.startswith("cycles/2026/signed/renaksi")]
    folder = next(c for c in result.repository.cycles if c.year == 2026)
    assert [v.version for v in folder.action_plan_versions] == [1] and [v.version for v in folder.signed] == [1]
    files = generate(repo, result, TODAY, None).files
    archive = files["arsip.md"].decode()
    assert "## Rencana Aksi bertanda tangan" in archive and "renaksi-2026-v1.pdf" in archive
    assert files["unduh/renaksi-2026-v1.pdf"] == scan.read_bytes()
    # signed as it is: its scan is the document of record, offered beside the year's capaian with the
    # XLSX, and no PDF to sign again (as a finished RKT's); the capaian is not a signed document
    assert "unduh/renaksi-2026.pdf" not in files and "unduh/renaksi-2026.xlsx" in files
    assert files["unduh/capaian-2026.pdf"].startswith(b"%PDF-") and "unduh/capaian-2026.xlsx" in files
    capaian = files["capaian-2026.md"].decode()
    assert "[Rencana Aksi 2026 bertanda tangan versi 1](unduh/renaksi-2026-v1.pdf)" in capaian
    assert "Rencana Aksi 2026 (PDF)" not in capaian and "[Rencana Aksi 2026 (XLSX)](unduh/renaksi-2026.xlsx)" in capaian
    assert "[Capaian Kinerja 2026 (XLSX)](unduh/capaian-2026.xlsx)" in capaian
    assert "[Capaian Kinerja 2026](../capaian-2026.md)" in files["rkt/2026.md"].decode()


def test_a_rencana_aksi_changed_after_its_signature_asks_for_a_new_version(repo, tmp_path):
    scan = tmp_path / "renaksi.pdf"
    scan.write_bytes(minimal_pdf(["RENCANA AKSI 2026 (CONTOH)"]))
    assert sign(repo, scan).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Rencana Aksi 2026 ditandatangani")
    plan = repo / "cycles/2026/renaksi/mpk.yaml"
    plan.write_text(plan.read_text().replace('["80%", "81%", "83%", "84%"]', '["80%", "82%", "83%", "84%"]'))
    found = [p for p in validate(repo, today=TODAY).problems if p.code == "RKT231"]
    assert [(p.file, p.severity) for p in found] == [("cycles/2026/signed/renaksi-2026-v1.yaml", "warning")]
    assert "Rencana Aksi 2026 berubah setelah versi 1 ditandatangani pada 2026-01-20" in found[0].message
    assert "--document renaksi" in found[0].message
    # changed since its signature: the PDF to print and sign again is back on the Capaian page
    files = generate(repo, validate(repo, today=TODAY), TODAY, None).files
    assert files["unduh/renaksi-2026.pdf"].startswith(b"%PDF-")
    assert "[Rencana Aksi 2026 (PDF)](unduh/renaksi-2026.pdf)" in files["capaian-2026.md"].decode()
    # a second signature records the revision
    second = tmp_path / "renaksi-2.pdf"
    second.write_bytes(minimal_pdf(["RENCANA AKSI 2026 PERUBAHAN (CONTOH)"]))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Rencana Aksi MPK direvisi")
    proc = rkt(repo, "sign", "2026", str(second), "--date", "2026-07-20", "--document", "renaksi",
               "--catatan", "Revisi setelah APBD Perubahan", "--today", TODAY.isoformat())
    assert proc.returncode == 0, proc.stderr
    assert "menggantikan: 1" in (repo / "cycles/2026/signed/renaksi-2026-v2.yaml").read_text()
    assert not [p for p in validate(repo, today=TODAY).problems if p.code == "RKT231"]


def test_a_signed_rencana_aksi_is_final_and_its_scan_checked(repo, tmp_path):
    scan = tmp_path / "renaksi.pdf"
    scan.write_bytes(minimal_pdf(["RENCANA AKSI 2026 (CONTOH)"]))
    assert sign(repo, scan).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Rencana Aksi 2026 ditandatangani")
    (repo / "cycles/2026/signed/renaksi-2026-v1.pdf").write_bytes(minimal_pdf(["LAIN"]))
    codes = {(p.file, p.code) for p in validate(repo, today=TODAY, base="main").problems}
    assert ("cycles/2026/signed/renaksi-2026-v1.yaml", "RKT212") in codes  # the scan is not the one signed
    assert any(code.startswith("RKT3") and file.endswith("renaksi-2026-v1.pdf") for file, code in codes)


def test_nothing_is_archived_for_a_year_without_rencana_aksi(repo, tmp_path):
    scan = tmp_path / "renaksi.pdf"
    scan.write_bytes(minimal_pdf(["RENCANA AKSI 2027"]))
    proc = rkt(repo, "sign", "2027", str(scan), "--date", "2026-11-20", "--document", "renaksi",
               "--today", TODAY.isoformat())
    assert proc.returncode == 1 and "Rencana Aksi 2027 belum ada" in proc.stderr
    assert not (repo / "cycles/2027/signed").exists()
