"""`rkt new-cycle` and `rkt new-form` write valid files, prefilled, and never overwrite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from generator.source.load import load_file


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_new_form_is_valid_and_prefilled(example):
    proc = run(example, "new-form", "2027", "psdm")
    assert proc.returncode == 0, proc.stderr
    path = example / "cycles/2027/forms/psdm.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/form.schema.json\n")
    assert "#   anggaran (angka Rupiah saja) dan penanggung_jawab (jabatan)." in text
    data = load_file(path, "f").document.data
    assert data["kinerja"] == [{"sasaran": "SS2", "indikator": [
        {"kode": "SS2.1", "uraian": "Indeks Profesionalitas ASN", "target": "74,00"},
        {"kode": "SS2.2", "uraian": "Persentase ASN yang mengikuti pengembangan kompetensi paling sedikit 20 JP",
         "target": "70%"}]}]
    assert [p["kode"] for p in data["program"]] == ["5.03.02", "5.04.02"]  # last year's
    assert run(example, "new-form", "2027", "psdm").returncode == 1  # never overwrites
    assert path.read_text() == text


def test_new_form_for_an_unknown_unit(example):
    proc = run(example, "new-form", "2027", "keuangan")
    assert proc.returncode == 2 and "unit 'keuangan' tidak ada" in proc.stderr


def test_new_cycle_is_valid_with_every_unit_required(example):
    proc = run(example, "new-cycle", "2028", "--start", "2027-11-01")
    assert proc.returncode == 0, proc.stderr
    data = load_file(example / "cycles/2028/cycle.yaml", "c").document.data
    assert data == {"tahun": 2028, "mulai": "2027-11-01", "unit_wajib": ["sekretariat", "ppik", "mpk", "psdm"],
                    "peristiwa": []}
    assert "# Catatan peristiwa: hanya boleh DITAMBAH" in (example / "cycles/2028/cycle.yaml").read_text()
    assert run(example, "validate", "--today", "2027-11-01").returncode == 0
    assert run(example, "new-cycle", "2028", "--start", "2027-11-01").returncode == 1


def test_new_form_refuses_a_year_without_a_cycle_and_writes_nothing(example):
    proc = run(example, "new-form", "2029", "psdm")
    assert proc.returncode == 2
    assert "siklus 2029 belum ada" in proc.stderr and "rkt new-cycle 2029 --start" in proc.stderr
    assert not (example / "cycles/2029").exists()
    assert run(example, "validate", "--today", "2026-11-28").returncode == 0


def test_new_form_takes_this_years_renstra_target_for_a_program(example):
    # PSDM's 2026 program 5.04.02 measures Renstra indicator SS2.2 with its 2026 target "65%";
    # the Renstra sets "70%" for 2027
    proc = run(example, "new-form", "2027", "psdm")
    assert proc.returncode == 0, proc.stderr
    data = load_file(example / "cycles/2027/forms/psdm.yaml", "f").document.data
    program = next(p for p in data["program"] if p["kode"] == "5.04.02")
    assert program["target"] == "70%"
    assert "Target program 5.04.02 diambil dari Renstra 2027 (SS2.2: 70%); form 2026 memakai 65%." in proc.stdout


def test_new_form_refuses_a_unit_the_cycle_does_not_require(example):
    cycle = example / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text().replace("unit_wajib: [sekretariat, ppik, mpk, psdm]",
                                               "unit_wajib: [sekretariat, ppik, mpk]")
                     .replace("  psdm: 1200000000\n", ""))
    proc = run(example, "new-form", "2027", "psdm")
    assert proc.returncode == 2 and "tidak termasuk unit_wajib siklus 2027" in proc.stderr
    assert not (example / "cycles/2027/forms/psdm.yaml").exists()


def test_new_cycle_for_a_past_year_says_how_to_record_it_as_an_archive(example, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795795200")  # 28 November 2026: "today" for the command
    proc = run(example, "new-cycle", "2025", "--start", "2024-11-04")
    assert proc.returncode == 0, proc.stderr
    assert "tambahkan baris 'dicatat_kemudian: true' di cycles/2025/cycle.yaml" in proc.stdout
    assert "dicatat_kemudian" not in run(example, "new-cycle", "2028", "--start", "2027-11-01").stdout
