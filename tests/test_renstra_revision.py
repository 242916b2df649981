"""A Renstra revision never silently re-binds the forms: a code that keeps its place but changes
its text or satuan is flagged against the base revision (RKT308/RKT309), and a form that recorded
the text it was agreed against says so itself (RKT227)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git
from support.text import edit

from generator.source.load import load_file

pytestmark = pytest.mark.git

OLD = "Persentase data ASN yang mutakhir pada SIASN"
NEW = "Persentase data ASN yang diverifikasi pada SIASN"


def rkt(repo: Path, *args: str) -> subprocess.CompletedProcess:
    today = ["--today", "2026-11-28"] if args[0] == "validate" else []
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args, *today],
                          capture_output=True, text=True, cwd=ROOT)


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), start=1) if text in line)


def warnings(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f" {code} " in line]


def test_a_rewritten_indicator_under_the_same_code_is_flagged_against_the_base(example_git):
    renstra = example_git / "cycles/renstra.yaml"
    edit(renstra, f"uraian: {OLD}", f"uraian: {NEW}")
    proc = rkt(example_git, "validate", "--base", "main")
    [found] = warnings(proc.stdout, "RKT308")
    assert found.startswith(f"cycles/renstra.yaml:{line_of(renstra, NEW)}:")
    assert f"uraian indikator SS3.2 diubah dari '{OLD}' menjadi '{NEW}'" in found
    assert "cycles/2026/forms/ppik.yaml, cycles/2027/forms/ppik.yaml" in found
    # without a base there is nothing to compare with
    assert not warnings(rkt(example_git, "validate").stdout, "RKT308")


def test_a_changed_satuan_is_flagged_with_the_forms_that_use_it(example_git):
    renstra = example_git / "cycles/renstra.yaml"
    edit(renstra, "        uraian: Indeks Sistem Merit\n        satuan: indeks\n",
         "        uraian: Indeks Sistem Merit\n        satuan: nilai\n")
    proc = rkt(example_git, "validate", "--base", "main")
    [found] = warnings(proc.stdout, "RKT309")
    assert found.startswith(f"cycles/renstra.yaml:{line_of(renstra, 'satuan: nilai')}:")
    assert "satuan indikator SS1.1 diubah dari 'indeks' menjadi 'nilai'" in found
    assert ("cycles/2026/forms/mpk.yaml, cycles/2026/forms/ppik.yaml, cycles/2027/forms/mpk.yaml, "
            "cycles/2027/forms/ppik.yaml") in found
    assert not warnings(proc.stdout, "RKT308")


def test_a_form_that_records_the_text_it_agreed_to_is_warned_itself(example_git):
    # the 2027 form of PPIK was made against the old text (rkt new-form and the imports write it)
    form = example_git / "cycles/2027/forms/ppik.yaml"
    edit(form, "      - kode: SS3.2\n", f"      - kode: SS3.2\n        uraian: {OLD}\n")
    git(example_git, "commit", "-qam", "Form PPIK mencatat uraian indikator")
    assert not warnings(rkt(example_git, "validate").stdout, "RKT227")
    edit(example_git / "cycles/renstra.yaml", f"uraian: {OLD}", f"uraian: {NEW}")
    proc = rkt(example_git, "validate")
    [found] = warnings(proc.stdout, "RKT227")
    assert found.startswith(f"cycles/2027/forms/ppik.yaml:{line_of(form, OLD)}:")
    assert f"form ini disusun untuk indikator SS3.2 '{OLD}', sedangkan Renstra kini menulis '{NEW}'" in found
    # once the unit has looked again and recorded the new text, neither warning names the form
    edit(form, f"uraian: {OLD}", f"uraian: {NEW}")
    proc = rkt(example_git, "validate", "--base", "main")
    assert not warnings(proc.stdout, "RKT227")
    [revision] = warnings(proc.stdout, "RKT308")
    assert "di cycles/2026/forms/ppik.yaml kini" in revision  # the 2026 form still promises the old meaning


def test_new_forms_and_excel_imports_record_the_renstra_text(example_git, tmp_path):
    expected = [("SS2.1", "Indeks Profesionalitas ASN"),
                ("SS2.2", "Persentase ASN yang mengikuti pengembangan kompetensi paling sedikit 20 JP")]
    form = example_git / "cycles/2027/forms/psdm.yaml"
    assert rkt(example_git, "new-form", "2027", "psdm").returncode == 0
    data = load_file(form, "psdm.yaml").document.data
    assert [(t["kode"], t["uraian"]) for t in data["kinerja"][0]["indikator"]] == expected
    form.unlink()
    book = tmp_path / "psdm.xlsx"
    assert rkt(example_git, "form-template", "2027", "psdm", "--out", str(book)).returncode == 0
    proc = rkt(example_git, "import", "2027", "psdm", str(book))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = load_file(form, "psdm.yaml").document.data
    assert [(t["kode"], t["uraian"]) for t in data["kinerja"][0]["indikator"]] == expected
    # re-importing an older form that records nothing leaves it as it was (no churn in old files)
    book = tmp_path / "ppik.xlsx"
    before = (example_git / "cycles/2027/forms/ppik.yaml").read_bytes()
    assert rkt(example_git, "form-template", "2027", "ppik", "--out", str(book)).returncode == 0
    assert rkt(example_git, "import", "2027", "ppik", str(book)).returncode == 0
    assert (example_git / "cycles/2027/forms/ppik.yaml").read_bytes() == before
