"""A signed year keeps the identity it printed: renaming the agency, a new head or a new atasan
after signing never re-letters a signed RKT or PK; a new Renstra period does not make every signed
cycle look changed; the content fingerprint carries its recipe's version; and the example's signed
2026 is guarded on a laptop (deleting signed/ or swapping the scan is an error)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git
from pdf import scan
from pypdf import PdfReader
from support.repos import commit

from generator.check.validate import validate
from generator.plan import fingerprint
from generator.plan.derive import derive

TODAY = "2026-11-28"
OLD_NAME = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
NEW_NAME = "Badan Kepegawaian Daerah Baru"


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def signed_2027(repo: Path, tmp_path: Path) -> str:
    """2027 signed with `rkt sign` and committed; returns the commit."""
    proc = run(repo, "sign", "2027", str(scan(tmp_path, "a.pdf", "v1")), "--date", "2026-11-27", "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    commit(repo, "Arsip RKT 2027 v1")
    return git(repo, "rev-parse", "HEAD").strip()


def rename_agency(repo: Path) -> None:
    agency = repo / "cycles/agency.yaml"
    text = agency.read_text()
    assert f"  nama: {OLD_NAME}\n" in text
    agency.write_text(text.replace(f"  nama: {OLD_NAME}\n", f"  nama: {NEW_NAME}\n", 1)
                      .replace("alamat: Jl. Jend. A. Yani Km 2", "alamat: Jl. Baru No. 1", 1)
                      .replace("  kota: Paringin\n", "  kota: Tanjung Baru\n", 1)
                      .replace("    nama: H. Ahmad Syarifuddin, S.H., M.H.", "    nama: Bupati Pengganti, S.H.", 1))


@pytest.mark.git
def test_signing_records_the_printed_identity_and_the_renstra(example_git, tmp_path):
    signed_2027(example_git, tmp_path)
    meta = (example_git / "cycles/2027/signed/rkt-2027-v1.yaml").read_text()
    assert "versi_sidik: 1\n" in meta
    assert (f"identitas:\n  pemerintah: Pemerintah Kabupaten Balangan\n  instansi: {OLD_NAME}\n"
            f"  alamat: Jl. Jend. A. Yani Km 2") in meta and "  kota: Paringin\n" in meta
    assert "renstra:\n  judul: Rencana Strategis BKPSDM Kabupaten Balangan Tahun 2025-2029 (contoh)\n" in meta
    assert "  mulai: 2025\n  selesai: 2029\n" in meta


@pytest.mark.git
def test_renaming_the_agency_after_signing_keeps_the_signed_letterhead(example_git, tmp_path):
    signed = signed_2027(example_git, tmp_path)
    rename_agency(example_git)
    commit(example_git, "Nama instansi baru")
    checked = run(example_git, "validate", "--base", signed, "--today", TODAY)
    assert checked.returncode == 0, checked.stdout
    # 2027 recorded what it printed: only the example's older 2026 is warned about
    assert [ln.split(":")[0] for ln in checked.stdout.splitlines() if "RKT230" in ln] == [
        "cycles/2026/signed/rkt-2026-v1.yaml"]
    out = tmp_path / "rkt.pdf"
    proc = run(example_git, "export", "2027", "--format", "pdf", "--out", str(out), "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(out)
    assert OLD_NAME.upper() in text and NEW_NAME.upper() not in text
    assert "Jl. Jend. A. Yani Km 2" in text and "Jl. Baru No. 1" not in text
    assert "Paringin, 27 November 2026" in text and "Tanjung Baru" not in text  # the signature's place
    # the PK made from the signed RKT: its kop too
    pk = tmp_path / "pk.pdf"
    proc = run(example_git, "export", "2027", "--document", "pk", "--format", "pdf", "--out", str(pk), "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(pk)
    assert OLD_NAME.upper() in text and NEW_NAME.upper() not in text


@pytest.mark.git
@pytest.mark.site
def test_the_rkt_page_of_a_signed_year_keeps_its_letterhead_too(example_git, tmp_path):
    signed_2027(example_git, tmp_path)
    rename_agency(example_git)
    commit(example_git, "Nama instansi baru")
    shutil.copy(ROOT / "mkdocs.yml", example_git / "mkdocs.yml")  # what a site needs beside the data
    for folder in ("docs/panduan", "docs/css"):
        shutil.copytree(ROOT / folder, example_git / folder)
    proc = run(example_git, "build", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (example_git / "site/rkt/2027.html").read_text(encoding="utf-8")
    kop = page[page.index('<div class="rkt-kop">'):page.index('<p class="rkt-title">')]
    assert OLD_NAME.upper() in kop and NEW_NAME.upper() not in kop and "Jl. Baru No. 1" not in kop


@pytest.mark.git
def test_a_signed_pk_keeps_its_atasan_and_kop(example_git, tmp_path):
    signed_2027(example_git, tmp_path)
    proc = run(example_git, "sign", "2027", str(scan(tmp_path, "pk.pdf", "PK")), "--date", "2026-11-28",
               "--document", "pk", "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    meta = (example_git / "cycles/2027/signed/pk-2027-v1.yaml").read_text()
    assert "  atasan:\n    nama: H. Ahmad Syarifuddin, S.H., M.H.\n    jabatan: Bupati Balangan\n" in meta
    commit(example_git, "Arsip PK 2027")
    rename_agency(example_git)
    commit(example_git, "Nama instansi dan bupati baru")
    out = tmp_path / "pk-lagi.pdf"
    proc = run(example_git, "export", "2027", "--document", "pk", "--format", "pdf", "--out", str(out), "--today",
               TODAY)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(out)
    assert OLD_NAME.upper() in text and NEW_NAME.upper() not in text
    assert "H. Ahmad Syarifuddin, S.H., M.H." in text and "Bupati Pengganti" not in text


def new_period(repo: Path) -> None:
    """cycles/renstra.yaml replaced by the next period's (its targets moved five years on)."""
    path = repo / "cycles/renstra.yaml"
    text = path.read_text().replace("2025-2029", "2030-2034").replace("mulai: 2025", "mulai: 2030") \
        .replace("selesai: 2029", "selesai: 2034")
    path.write_text(re.sub(r"(\n\s+)(202[5-9]):", lambda m: f"{m.group(1)}{int(m.group(2)) + 5}:", text))


@pytest.mark.git
def test_a_new_renstra_period_does_not_flag_the_signed_cycles(example_git, tmp_path):
    signed = signed_2027(example_git, tmp_path)
    new_period(example_git)
    commit(example_git, "Renstra 2030-2034")
    proc = run(example_git, "validate", "--base", signed, "--today", TODAY)
    assert proc.returncode == 0, proc.stdout
    assert "RKT307" not in proc.stdout and "RKT219" not in proc.stdout
    # the PK of the signed year cannot be made again from another period's Renstra: it says so
    refused = run(example_git, "export", "2027", "--document", "pk", "--out", str(tmp_path / "pk.pdf"), "--today",
                  TODAY)
    assert refused.returncode == 1
    assert "disusun dari Renstra 'Rencana Strategis BKPSDM Kabupaten Balangan Tahun 2025-2029 (contoh)'" in \
        refused.stderr and "Traceback" not in refused.stderr
    # nor the RKT itself: the signed scan is its copy now
    again = run(example_git, "export", "2027", "--out", str(tmp_path / "rkt.pdf"), "--today", TODAY)
    assert again.returncode == 1 and again.stderr.startswith("rkt: RKT 2027 tidak dicetak ulang: ")
    assert not (tmp_path / "rkt.pdf").exists()


@pytest.mark.git
def test_a_change_within_the_period_still_flags_the_signed_cycle(example_git, tmp_path):
    signed = signed_2027(example_git, tmp_path)
    path = example_git / "cycles/renstra.yaml"
    path.write_text(path.read_text().replace("(contoh)", "(contoh, perubahan)", 1).replace(
        "Indeks Profesionalitas ASN", "Indeks Profesionalitas Aparatur", 1))
    commit(example_git, "Renstra diubah")
    proc = run(example_git, "validate", "--base", signed, "--today", TODAY)
    assert proc.returncode == 1 and "RKT307" in proc.stdout


def test_the_example_carries_the_fingerprint_rkt_sign_makes(example):
    """The example's signed 2026 records `sidik_isi` without `versi_sidik` (read as recipe 1),
    and it is the fingerprint `rkt sign` makes of the example as committed."""
    today = dt.date(2026, 11, 28)
    result = validate(example, today=today)
    assert result.ok
    meta = (example / "cycles/2026/signed/rkt-2026-v1.yaml").read_text()
    stored = re.search(r"^sidik_isi: ([0-9a-f]{64})$", meta, re.M)
    assert stored is not None and "versi_sidik" not in meta
    rkt = derive(example, result.repository, today).compiled[2026]
    assert fingerprint.fingerprint_v1(rkt) == stored.group(1) == fingerprint.fingerprint(rkt)
    assert not [p for p in result.problems if p.code == "RKT219"]


def test_a_new_recipe_still_verifies_the_stored_v1_fingerprints(example, monkeypatch):
    """A future recipe (version 2) becomes today's: fingerprints stored by recipe 1 still verify."""
    monkeypatch.setitem(fingerprint.RECIPES, 2, lambda rkt: "0" * 64)
    monkeypatch.setattr(fingerprint, "VERSION", 2)
    result = validate(example, today=dt.date(2026, 11, 28))
    assert result.ok and not [p for p in result.problems if p.code == "RKT219"]
    # and a changed plan is still seen through the old recipe
    form = example / "cycles/2026/forms/sekretariat.yaml"
    form.write_text(form.read_text().replace("anggaran: 85000000", "anggaran: 85000001", 1))
    changed = validate(example, today=dt.date(2026, 11, 28))
    assert [p.code for p in changed.problems if p.is_error] == ["RKT219"]


def test_an_unknown_recipe_is_named_not_called_forged(example):
    meta = example / "cycles/2026/signed/rkt-2026-v1.yaml"
    meta.write_text(meta.read_text().replace("catatan:", "versi_sidik: 7\ncatatan:", 1))
    result = validate(example, today=dt.date(2026, 11, 28))
    found = [p for p in result.problems if p.code == "RKT219"]
    assert len(found) == 1 and "cara 7" in found[0].message and "belum dikenal" in found[0].message


def test_deleting_the_signed_folder_of_the_example_is_an_error(example):
    shutil.rmtree(example / "cycles/2026/signed")
    proc = run(example, "validate", "--today", TODAY)
    assert proc.returncode == 1
    assert re.search(r"^cycles/2026/cycle\.yaml:\d+:\d+: RKT211 langkah tanda tangan tercatat tetapi pindaian "
                     r"tidak ada", proc.stdout, re.M), proc.stdout


def test_swapping_the_scan_of_the_example_is_an_error(example, tmp_path):
    shutil.copy(scan(tmp_path, "lain.pdf", "PALSU"), example / "cycles/2026/signed/rkt-2026-v1.pdf")
    proc = run(example, "validate", "--today", TODAY)
    assert proc.returncode == 1 and "cycles/2026/signed/rkt-2026-v1.yaml:14:1: RKT212" in proc.stdout


def test_a_changed_form_of_the_signed_example_is_seen_without_a_base(example):
    form = example / "cycles/2026/forms/sekretariat.yaml"
    form.write_text(form.read_text().replace("anggaran: 85000000", "anggaran: 85000001", 1))
    proc = run(example, "validate", "--today", TODAY)
    assert proc.returncode == 1 and "RKT219" in proc.stdout


@pytest.mark.git
def test_an_old_signed_version_without_identity_warns_once_when_the_kop_changes(example_git):
    """The example's signed 2026 recorded no identity: validate says nothing until a change alters
    the kop, then warns once for that version (exit 0), suggesting nothing destructive."""
    quiet = run(example_git, "validate", "--today", TODAY)
    assert quiet.returncode == 0 and "RKT230" not in quiet.stdout
    base = git(example_git, "rev-parse", "HEAD").strip()
    rename_agency(example_git)
    commit(example_git, "Nama instansi baru")
    proc = run(example_git, "validate", "--base", base, "--today", TODAY)
    assert proc.returncode == 0, proc.stdout
    warned = [ln for ln in proc.stdout.splitlines() if "RKT230" in ln]
    assert len(warned) == 1 and warned[0].startswith("cycles/2026/signed/rkt-2026-v1.yaml:")
    assert "(peringatan) nama instansi, alamat instansi, kota, pihak kedua (atasan) di cycles/agency.yaml berubah" \
        in warned[0] and "tidak perlu diubah" in warned[0]
