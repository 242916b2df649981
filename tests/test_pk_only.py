"""A past year of which the agency has only its signed Perjanjian Kinerja: `rkt sign YEAR scan.pdf
--document pk` archives the scan alone (no cycle, no signed RKT, no commit or content fingerprint
invented), validation accepts it, the site lists it as what it is and shows nothing else of that year."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git
from pdf import minimal_pdf
from support.html import text_of

from generator.check.validate import validate
from generator.site.generate import generate

TODAY = dt.date(2026, 11, 28)
ONLY = "hanya Perjanjian Kinerja yang diarsipkan"


def rkt(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True,
                          text=True, cwd=ROOT)


def new_agency(tmp_path: Path, head_filled: bool = True) -> Path:
    """A `rkt init` agency, its head's name, NIP and jabatan filled in (or left as init wrote them),
    committed."""
    proc = rkt(tmp_path, "init", str(tmp_path / "dinas"), "--nama", "Dinas Kesehatan", "--pemerintah",
               "Pemerintah Kabupaten Contoh", "--kota", "Contoh", "--pengelola", "budi-it")
    assert proc.returncode == 0, proc.stderr
    repo = tmp_path / "dinas"
    if head_filled:
        agency = repo / "cycles/agency.yaml"
        text = agency.read_text()
        head = text.index("  - kode: kepala-badan\n")
        before, after = text[:head], text[head:]
        after = (after.replace("(isi nama Kepala Badan)", "dr. Siti Rahmah, M.Kes.", 1)
                 .replace("nip: (isi NIP)", 'nip: "197503152005012003"', 1)
                 .replace("(isi jabatan Kepala Badan)", "Kepala Dinas Kesehatan", 1))
        agency.write_text(before + after)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Repositori baru")
    return repo


def scan_file(tmp_path: Path) -> Path:
    scan = tmp_path / "pk-2024-pindaian.pdf"
    scan.write_bytes(minimal_pdf(["PERJANJIAN KINERJA TAHUN 2024"]))
    return scan


def sign_2024(repo: Path, scan: Path, *extra: str) -> subprocess.CompletedProcess:
    return rkt(repo, "sign", "2024", str(scan), "--document", "pk", "--date", "2024-01-15", "--today", "2026-11-28",
               *extra)


@pytest.mark.git
def test_a_pk_scan_of_a_year_without_a_cycle_is_archived_alone(tmp_path):
    repo = new_agency(tmp_path)
    scan = scan_file(tmp_path)
    proc = sign_2024(repo, scan)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Perjanjian Kinerja 2024 versi 1 diarsipkan: cycles/2024/signed/pk-2024-v1.pdf" in proc.stdout
    assert f"Tahun 2024 tidak memiliki siklus RKT di repositori ini: {ONLY}" in proc.stdout
    assert "pihak pertama dr. Siti Rahmah, M.Kes." in proc.stdout
    # the scan and its metadata, nothing else: no cycle.yaml, no RKT, no SOP step
    assert sorted(p.relative_to(repo / "cycles/2024").as_posix() for p in (repo / "cycles/2024").rglob("*")
                  if p.is_file()) == ["signed/pk-2024-v1.pdf", "signed/pk-2024-v1.yaml"]
    assert (repo / "cycles/2024/signed/pk-2024-v1.pdf").read_bytes() == scan.read_bytes()
    meta = (repo / "cycles/2024/signed/pk-2024-v1.yaml").read_text()
    assert "# Versi 1 Perjanjian Kinerja Tahun 2024 yang ditandatangani." in meta
    assert "tanggal: 2024-01-15\n" in meta and "nama: dr. Siti Rahmah, M.Kes.\n" in meta
    # no commit printed this scan and no plan of this repository is its content: neither is invented
    assert "commit:" not in meta and "sidik_isi:" not in meta and "kalender:" not in meta
    # validation accepts the year as it is
    result = validate(repo, today=TODAY)
    assert not [p for p in result.problems if p.is_error], result.problems
    folder = next(c for c in result.repository.cycles if c.year == 2024)
    assert folder.cycle is None and folder.agreement_only and [v.version for v in folder.agreements] == [1]
    # nothing to print for that year: the command points at the scan
    export = rkt(repo, "export", "2024", "--document", "pk", "--today", "2026-11-28")
    assert export.returncode == 2 and ("tahun 2024 tidak memiliki siklus RKT; hanya Perjanjian Kinerja bertanda "
                                       "tangan yang diarsipkan: cycles/2024/signed/pk-2024-v1.pdf") in export.stderr
    # signed by an earlier head: the guide says to write that person in and drop the staff code
    edited = (meta.replace("  pegawai: kepala-badan\n", "").replace("dr. Siti Rahmah, M.Kes.", "Drs. Ahmad Yani")
              .replace('"197503152005012003"', '"196801011990031002"'))
    (repo / "cycles/2024/signed/pk-2024-v1.yaml").write_text(edited)
    assert not [p for p in validate(repo, today=TODAY).problems if p.is_error]
    # a second scan of the same year (a PK signed again) is version 2, still alone
    again = sign_2024(repo, scan, "--catatan", "PK Perubahan")
    assert again.returncode == 0, again.stderr
    assert "menggantikan: 1" in (repo / "cycles/2024/signed/pk-2024-v2.yaml").read_text()


@pytest.mark.git
def test_the_site_lists_the_year_as_a_pk_only_and_shows_nothing_else_of_it(tmp_path):
    repo = new_agency(tmp_path)
    scan = scan_file(tmp_path)
    assert sign_2024(repo, scan).returncode == 0
    result = validate(repo, today=TODAY)
    files = generate(repo, result, TODAY, None).files
    archive = text_of(files["arsip.md"].decode())
    assert f"Tahun 2024: {ONLY}. RKT, Form RKT dan langkah SOP tahun itu tidak tercatat di dasbor ini" in archive
    assert "Belum ada versi RKT bertanda tangan." in archive
    assert "Commit sumber: tidak ada (dicetak di luar repositori ini)" in archive
    assert 'href="unduh/pk-2024-v1.pdf"' in files["arsip.md"].decode()
    assert files["unduh/pk-2024-v1.pdf"] == scan.read_bytes()
    # no RKT, form, cycle or SOP page for that year
    assert not [path for path in files if "2024" in path and path != "unduh/pk-2024-v1.pdf"]
    assert "Belum ada siklus RKT" in text_of(files["index.md"].decode())


@pytest.mark.git
@pytest.mark.site
def test_a_pk_only_year_builds_strictly(tmp_path):
    repo = new_agency(tmp_path)
    assert sign_2024(repo, scan_file(tmp_path)).returncode == 0
    proc = rkt(repo, "build", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert ONLY in text_of((repo / "site/arsip.html").read_text())
    assert (repo / "site/unduh/pk-2024-v1.pdf").is_file()
    assert not (repo / "site/rkt/2024.html").exists() and not (repo / "site/siklus/2024.html").exists()


@pytest.mark.git
def test_nothing_invented_nothing_written_when_the_signer_is_still_a_placeholder(tmp_path):
    repo = new_agency(tmp_path, head_filled=False)
    proc = sign_2024(repo, scan_file(tmp_path))
    assert proc.returncode == 1
    assert "rkt: penanda tangan dokumen 2024 tidak dapat dicatat: datanya masih isian contoh dari 'rkt init'" \
        in proc.stderr
    assert "cycles/agency.yaml:" in proc.stderr and "nama pegawai 'kepala-badan' masih \"(isi nama Kepala Badan)\"" \
        in proc.stderr
    assert not (repo / "cycles/2024").exists()


@pytest.mark.git
def test_a_future_date_or_a_failed_check_leaves_no_folder_behind(tmp_path):
    repo = new_agency(tmp_path)
    scan = scan_file(tmp_path)
    future = rkt(repo, "sign", "2024", str(scan), "--document", "pk", "--date", "2026-12-01", "--today", "2026-11-28")
    assert future.returncode == 2 and "ada di masa depan" in future.stderr
    assert not (repo / "cycles/2024").exists()
    # the written metadata is checked like any file; a refusal takes back the folders it made
    bad = rkt(repo, "sign", "2024", str(scan), "--document", "pk", "--date", "2024-01-15", "--today", "2026-11-28",
              "--catatan", "\u202e")
    assert bad.returncode != 0
    assert not (repo / "cycles/2024").exists()


def test_an_rkt_version_still_needs_its_commit(example):
    """Only a PK archived without its RKT goes without a commit: a signed RKT names the commit printed."""
    meta = example / "cycles/2026/signed/rkt-2026-v1.yaml"
    text = meta.read_text()
    line = next(ln for ln in text.splitlines(keepends=True) if ln.startswith("commit: "))
    meta.write_text(text.replace(line, ""))
    problems = [(p.file, p.code) for p in validate(example, today=TODAY).problems if p.is_error]
    assert ("cycles/2026/signed/rkt-2026-v1.yaml", "RKT101") in problems
