"""`rkt init`: a new agency repository that validates and builds as it is, and never
overwrites anything."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git
from support.html import text_of

FLAGS = ("--nama", "Dinas Kesehatan", "--pemerintah", "Pemerintah Kabupaten Contoh", "--kota", "Contoh",
         "--pengelola", "budi-it")


def rkt(repo: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.mark.site
def test_init_makes_a_repository_that_validates_and_builds(tmp_path):
    elsewhere = tmp_path / "bukan-repositori-rkt"  # -C points at a folder without cycles/ or schemas/
    elsewhere.mkdir()
    proc = rkt(elsewhere, "init", "dinkes", *FLAGS)
    assert proc.returncode == 0, proc.stderr
    repo = elsewhere / "dinkes"
    assert "Masih ada" in proc.stdout and "rkt -C" in proc.stdout

    # placeholders that say what to fill, no example data, no invented NIP
    agency = (repo / "cycles/agency.yaml").read_text()
    assert "nama: (isi nama Kepala Badan)" in agency and "nama: Dinas Kesehatan" in agency
    assert not re.search(r"[0-9]{18}", agency)
    assert sorted(p.name for p in (repo / "cycles").iterdir()) == ["agency.yaml", "renstra.yaml", "sop.yaml"]
    assert not (repo / "tests").exists() and not (repo / "benchmarks").exists()
    assert "@budi-it" in (repo / ".github/CODEOWNERS").read_text()
    assert "Mulai dengan data sendiri" in (repo / "README.md").read_text()
    assert "site_name: Dasbor RKT Dinas Kesehatan Kabupaten Contoh" in (repo / "mkdocs.yml").read_text()

    # the agency's own copy of the tool judges its data (as its CI will): run from inside it
    own = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=repo, capture_output=True, text=True)
    assert own.returncode == 0, own.stdout + own.stderr
    # valid, with a warning at every placeholder a signed document would print
    assert "Tidak ada kesalahan" in own.stdout and "RKT228" in own.stdout

    proc = rkt(repo, "build", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (repo / "site/index.html").read_text()
    text = text_of(html)
    assert "Belum ada siklus RKT" in text
    assert "Lengkapi data instansi: nama dan alamat instansi" in text
    assert "Buka siklus pertama, lalu siapkan form tiap unit" in text
    # the files and commands are for the pengelola, folded behind "Rincian teknis"
    assert "<summary>Rincian teknis</summary><p>Data instansi ada di <code>cycles/agency.yaml</code>" in html
    assert "<code>rkt new-cycle TAHUN --start TTTT-BB-HH</code>" in html
    assert 'href="panduan/mulai.html"' in html
    assert (repo / "site/panduan/mulai.html").is_file()

    proc = rkt(repo, "status", "--today", "2026-11-28")
    assert proc.returncode == 0 and proc.stdout.startswith("Belum ada siklus RKT. Buat siklus pertama")


def test_init_refuses_a_non_empty_folder_and_writes_nothing(tmp_path):
    target = tmp_path / "ada-isinya"
    target.mkdir()
    (target / "catatan.txt").write_text("jangan ditimpa\n")
    proc = rkt(tmp_path, "init", str(target), *FLAGS)
    assert proc.returncode == 2
    assert "tidak kosong" in proc.stderr and "catatan.txt" in proc.stderr
    assert [p.name for p in target.iterdir()] == ["catatan.txt"]
    assert (target / "catatan.txt").read_text() == "jangan ditimpa\n"


@pytest.mark.git
def test_init_fills_a_fresh_clone_of_an_empty_repository(tmp_path):
    target = tmp_path / "clone"
    target.mkdir()
    git(target, "init", "-q", "-b", "main")
    proc = rkt(tmp_path, "init", "clone", *FLAGS)
    assert proc.returncode == 0, proc.stderr
    assert (target / "cycles/agency.yaml").is_file() and (target / ".git/HEAD").is_file()


def test_init_rejects_a_value_that_cannot_be_data(tmp_path):
    proc = rkt(tmp_path, "init", "baru", "--kota", "Paringin\u202e", "--pengelola", "budi-it")
    assert proc.returncode == 2 and "--kota" in proc.stderr
    proc = rkt(tmp_path, "init", "baru", "--pengelola", "@budi it")
    assert proc.returncode == 2 and "--pengelola" in proc.stderr
    assert not (tmp_path / "baru").exists()
