"""Excel in: template -> filled -> import -> export gives the same values; bad cells are named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_example
from openpyxl import load_workbook

from generator.source.load import load_file


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def template(repo: Path, tmp_path: Path, unit: str = "psdm") -> Path:
    out = tmp_path / f"{unit}.xlsx"
    proc = run(repo, "form-template", "2027", unit, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_template_is_prefilled_with_renstra_and_last_year(tmp_path):
    repo = copy_example(tmp_path / "repo")
    wb = load_workbook(template(repo, tmp_path))
    assert wb.sheetnames == ["Petunjuk", "Daftar", "Kinerja", "Program"]
    assert wb["Daftar"].sheet_state == "hidden"
    kin = [r for r in wb["Kinerja"].iter_rows(min_row=2, values_only=True) if r[2]]
    assert [(r[2], r[6]) for r in kin] == [("SS2.1", "74,00"), ("SS2.2", "70%")]  # Renstra targets for 2027
    prog = [r for r in wb["Program"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert prog[0][:3] == ("Program", "5.03.02", "Program Kepegawaian Daerah")
    assert ("Sub Kegiatan", "5.04.02.2.01.0001") in [(r[0], r[1]) for r in prog]  # last year's programs
    validations = {dv.formula1 for dv in wb["Program"].data_validations.dataValidation}
    assert "=Daftar!$C$1:$C$3" in validations
    assert "Anggaran" in " ".join(str(r[0]) for r in wb["Petunjuk"].iter_rows(values_only=True))


def test_round_trip_template_filled_import_export(tmp_path):
    repo = copy_example(tmp_path / "repo")
    path = template(repo, tmp_path)
    wb = load_workbook(path)
    ws = wb["Program"]
    rows = [r for r in ws.iter_rows(min_row=2) if r[0].value]
    budgets = {}
    for n, row in enumerate(r for r in rows if r[0].value == "Sub Kegiatan"):
        row[6].value = 100_000_000 + n * 12_345_000
        budgets[row[1].value] = row[6].value
    kin = wb["Kinerja"]
    kin["G2"].value = 0.75  # typed as a number in a cell that shows two decimals: becomes "0,75"
    kin["G2"].number_format = "0.00"
    wb.save(path)
    proc = run(repo, "import", "2027", "psdm", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    form = load_file(repo / "cycles/2027/forms/psdm.yaml", "f").document.data
    assert form["kinerja"][0]["indikator"][0]["target"] == "0,75"
    imported = {s["kode"]: s["anggaran"] for p in form["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]}
    assert imported == budgets
    assert run(repo, "validate", "--today", "2026-11-28").returncode == 0
    out = tmp_path / "rkt.xlsx"
    assert run(repo, "export", "2027", "--format", "xlsx", "--out", str(out), "--today", "2026-11-28").returncode == 0
    exported = {r[2]: r[7] for r in load_workbook(out)["PSDM"].iter_rows(min_row=4, values_only=True)
                if r[1] == "Sub Kegiatan"}
    assert exported == budgets


def test_bad_cells_are_reported_by_sheet_and_cell_and_nothing_is_written(tmp_path):
    repo = copy_example(tmp_path / "repo")
    path = template(repo, tmp_path)
    wb = load_workbook(path)
    wb["Program"]["G4"].value = "Rp 60,000,000"  # English grouping ("Rp 60.000.000" is read: 60000000)
    wb["Kinerja"]["C3"].value = "SS9.9"
    wb.save(path)
    proc = run(repo, "import", "2027", "psdm", str(path))
    assert proc.returncode == 1
    assert "psdm.xlsx:Program!G4: anggaran 'Rp 60,000,000' memakai koma sebagai pemisah ribuan" in proc.stderr
    assert "tulis 60.000.000" in proc.stderr
    assert "psdm.xlsx:Kinerja!C3: kode indikator 'SS9.9' tidak ada di Renstra" in proc.stderr
    assert not (repo / "cycles/2027/forms/psdm.yaml").exists()
    assert "Traceback" not in proc.stderr


def test_importing_over_an_existing_form_keeps_its_comments(tmp_path):
    repo = copy_example(tmp_path / "repo")
    form = repo / "cycles/2027/forms/ppik.yaml"
    form.write_text(form.read_text().replace("unit: ppik\n", "unit: ppik  # diperiksa Kabid\n"))
    path = template(repo, tmp_path, "ppik")
    wb = load_workbook(path)
    row = [r for r in wb["Program"].iter_rows(min_row=2) if r[0].value == "Sub Kegiatan"][0]
    row[6].value = 135_000_000
    wb.save(path)
    assert run(repo, "import", "2027", "ppik", str(path)).returncode == 0
    text = form.read_text()
    assert "unit: ppik  # diperiksa Kabid" in text
    assert "# CONTOH: isi form ini contoh." in text and "anggaran: 135000000" in text
    assert 'kode: "5.03.02.2.01.0001"' in text and "tanggal: 2026-11-09" in text


def test_not_an_excel_file(tmp_path):
    repo = copy_example(tmp_path / "repo")
    bad = tmp_path / "form.xlsx"
    bad.write_text("bukan excel")
    proc = run(repo, "import", "2027", "psdm", str(bad))
    assert proc.returncode == 1 and "tidak dapat dibaca sebagai Excel" in proc.stderr


def test_template_writes_user_text_that_looks_like_a_formula_as_text(example):
    """A name typed as '=HYPERLINK(...)' must reach the template as text, never as a live formula."""
    import io
    import zipfile

    from generator.check.validate import validate
    from generator.plan.prefill import start
    from generator.spreadsheets import excel

    result = validate(example)
    data, _ = start(result.repository, 2027, "psdm")
    data["program"][0]["nama"] = '=HYPERLINK("http://contoh.invalid","klik")'
    book = excel.template(data, result.repository.renstra, "Bidang PSDM")
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) for n in sheets)
