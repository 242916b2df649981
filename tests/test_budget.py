"""No budget is not zero: an amount not given is unknown everywhere (documents, pages, published
data, the regency view, the rules), a total over unknown parts prints "belum ada anggaran", a
program may have no code, and a new form does not carry last year's pagu."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TODAY
from openpyxl import load_workbook
from pypdf import PdfReader
from support.text import edit, flat

from generator.check.validate import validate
from generator.documents import export
from generator.plan import fingerprint
from generator.plan.derive import derive
from generator.regency import data as regency_data
from generator.regency.config import Agency, Config
from generator.regency.pages import agency as agency_page
from generator.regency.pages import year as year_page
from generator.regency.pages.model import Site
from generator.regency.sources import Entry
from generator.site import published
from generator.site.generate import generate
from generator.spreadsheets import excel

NO_BUDGET = "belum ada anggaran"
MUTASI = "            anggaran: 239200000\n"  # mpk 2027, sub kegiatan 5.03.02.2.02.0001


def run(repo: Path, *args: str, dated: bool = True) -> subprocess.CompletedProcess:
    today = ("--today", TODAY.isoformat()) if dated else ()
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args, *today],
                          capture_output=True, text=True, cwd=ROOT)


def targets_only(repo: Path, *units: str) -> None:
    for unit in units:
        path = repo / f"cycles/2027/forms/{unit}.yaml"
        path.write_text(path.read_text(encoding="utf-8").split("\nprogram:")[0] + "\nprogram: []\n", encoding="utf-8")


def compiled(repo: Path, year: int = 2027):
    result = validate(repo, today=TODAY)
    assert result.ok, [(p.file, p.line, p.message) for p in result.errors]
    d = derive(repo, result.repository, TODAY)
    return result, d


def printed(repo: Path, kind: str) -> bytes:
    result, d = compiled(repo)
    rkt = d.compiled[2027]
    return export.render(kind, rkt, result.repository.agency, export.Source("", fingerprint.fingerprint(rkt)), TODAY)


def pdf_text(data: bytes) -> str:
    return " ".join(flat(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages)


def cells(data: bytes) -> list[tuple]:
    ws = load_workbook(io.BytesIO(data)).active
    return [tuple(c for c in row if c is not None) for row in ws.iter_rows(values_only=True)]


# --- a sub kegiatan without an amount ------------------------------------------------------

def test_a_sub_kegiatan_without_anggaran_is_valid_and_prints_belum_ada_anggaran_never_0(example):
    edit(example / "cycles/2027/forms/mpk.yaml", MUTASI, "")
    text = pdf_text(printed(example, "pdf"))
    assert "5.03.02.2.02.0001 Pengelolaan Mutasi ASN Jumlah Dokumen Hasil Pengelolaan Mutasi ASN 450 Dokumen " \
           f"{NO_BUDGET}" in text
    # the kegiatan, the program, the unit and the plan: totals over an unknown part are unknown
    assert f"5.03.02.2.02 Mutasi dan Promosi ASN {NO_BUDGET}" in text
    assert f"Jumlah Bidang Mutasi, Promosi dan Kinerja {NO_BUDGET}" in text
    assert f"Jumlah seluruhnya {NO_BUDGET}" in text
    # the amounts that are known still print, and an unknown never reads as a zero
    assert "5.03.02.2.02.0002 Pengelolaan Promosi ASN" in text and " 0 " not in f" {text} ".replace(" 0,", "")
    rows = cells(printed(example, "xlsx"))
    assert ("Jumlah seluruhnya", NO_BUDGET) in rows and ("Jumlah", NO_BUDGET) in rows
    assert not any(row and row[-1] == 0 for row in rows)


def test_an_explicit_zero_stays_a_real_zero(example):
    edit(example / "cycles/2027/forms/mpk.yaml", MUTASI, "            anggaran: 0\n")
    text = pdf_text(printed(example, "pdf"))
    assert "450 Dokumen 0 " in text and NO_BUDGET not in text.split("C. Jumlah Anggaran")[0]


def test_the_rkt_page_says_belum_ada_anggaran_and_gives_no_share_of_an_unknown(example, tmp_path):
    edit(example / "cycles/2027/forms/mpk.yaml", MUTASI, "")
    result = validate(example, today=TODAY)
    page = generate(example, result, TODAY, tmp_path / "cache").files["rkt/2027.md"].decode()
    assert f'<td class="num" data-label="Anggaran (Rp)">{NO_BUDGET}</td>' in page  # the sub kegiatan
    assert f"<strong>{NO_BUDGET}</strong>" in page  # the unit's and the plan's Jumlah
    assert "Rp 0" not in page and ">0%<" not in page


# --- a plan of targets only: no program section, no "Jumlah 0" -----------------------------

def test_a_targets_only_pk_xlsx_has_no_program_table_and_no_jumlah_0(example, tmp_path):
    targets_only(example, "sekretariat", "ppik", "mpk")
    out = tmp_path / "pk.xlsx"
    proc = run(example, "export", "2027", "--document", "pk", "--format", "xlsx", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [tuple(c for c in r if c is not None) for r in load_workbook(out).active.iter_rows(values_only=True)]
    assert ("Sasaran Strategis, Indikator Kinerja dan Target",) in rows
    assert not any("Program dan Anggaran" in r or "Jumlah" in r for r in rows), rows


def test_a_pk_program_whose_amount_is_unknown_prints_belum_ada_anggaran_and_so_does_the_total(example, tmp_path):
    path = example / "cycles/2027/forms/ppik.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("            anggaran: 130000000\n", ""), encoding="utf-8")
    for kind in ("pdf", "xlsx"):
        out = tmp_path / f"pk.{kind}"
        proc = run(example, "export", "2027", "--document", "pk", "--format", kind, "--out", str(out))
        assert proc.returncode == 0, proc.stderr
    text = " ".join(flat(p.extract_text()) for p in PdfReader(tmp_path / "pk.pdf").pages)
    assert f"Jumlah {NO_BUDGET}" in text
    rows = [tuple(c for c in r if c is not None) for r in load_workbook(tmp_path / "pk.xlsx").active.iter_rows(
        values_only=True)]
    assert ("Jumlah", NO_BUDGET) in rows
    assert any(len(r) > 2 and r[1] == "5.03.02 Program Kepegawaian Daerah" and r[2] == NO_BUDGET for r in rows)


# --- published data and the regency view ----------------------------------------------------

def _entry(code: str, name: str, data: dict) -> Entry:
    checked = regency_data.validate(json.loads(json.dumps(data)))
    return Entry(Agency(code, name, f"https://{code}.invalid/data/rkt.json", None, None, ()),
                 regency_data.from_data(checked), True, None, TODAY)


def test_an_agency_without_budget_publishes_null_and_the_regency_shows_belum_ada_anggaran(example):
    targets_only(example, "sekretariat", "ppik", "mpk")
    result, d = compiled(example)
    data = published.published(result.repository, d)
    rkt = next(c for c in data["siklus"] if c["tahun"] == 2027)["rkt"]
    assert rkt["jumlah_anggaran"] is None and {u["anggaran"] for u in rkt["anggaran_unit"]} == {None}
    old = json.loads(json.dumps(data))  # a file published before: 0 for the same, read as before
    old_rkt = next(c for c in old["siklus"] if c["tahun"] == 2027)["rkt"]
    old_rkt["jumlah_anggaran"] = 0
    for u in old_rkt["anggaran_unit"]:
        u["anggaran"] = 0
    new, before = _entry("baru", "Badan Baru", data), _entry("lama", "Badan Lama", old)
    assert next(c for c in before.data.cycles if c.year == 2027).total_budget == 0
    site = Site(Config("Kabupaten Contoh", "Asia/Makassar", (), (new.agency, before.agency)), TODAY, (new, before))
    year = year_page.page_year(site, 2027)
    budgets = year[year.index("## Anggaran"):]
    row = budgets[budgets.index("opd/baru.html"):][:300]
    assert f'data-label="Anggaran">{NO_BUDGET}</td><td class="num kab-empty" data-label="Porsi">—</td>' in row, row
    # the old file's 0 is summed as before; the unknown is named, not counted as 0
    assert ("Jumlah di atas hanya dari 1 OPD yang anggarannya sudah ada; belum ada anggaran (tidak dijumlahkan): "
            "Badan Baru") in year
    alone = Site(Config("Kabupaten Contoh", "Asia/Makassar", (), (new.agency,)), TODAY, (new,))
    assert f"<strong>{NO_BUDGET}</strong>" in year_page.page_year(alone, 2027)
    page = agency_page.page_agency(site, new)
    assert NO_BUDGET in page and "Rp 0<" not in page and ">0%<" not in page


# --- the budget rules: unknown is unknown, not 0 --------------------------------------------

def test_a_pagu_above_children_with_an_unknown_amount_is_not_called_unequal(example):
    path = example / "cycles/2027/forms/mpk.yaml"
    edit(path, "    target: \"0,70\"\n    kegiatan:\n", "    target: \"0,70\"\n    anggaran: 2000000000\n    kegiatan:\n")
    edit(path, MUTASI, "")
    found = [p for p in validate(example, today=TODAY).problems if p.code == "RKT220"]
    assert found == []  # the rest may still come: 2 billion is not "not equal" to a sum with a gap
    edit(path, "    anggaran: 2000000000\n", "    anggaran: 1000\n")
    found = [p.message for p in validate(example, today=TODAY).problems if p.code == "RKT220"]
    assert found and all("lebih kecil dari jumlah anggaran kegiatan yang sudah dirinci" in m for m in found)


# --- the Excel import -----------------------------------------------------------------------

def test_an_empty_anggaran_cell_of_a_sub_kegiatan_is_left_out_never_0(example, tmp_path):
    proc = run(example, "form-template", "2027", "mpk", "--out", str(tmp_path / "mpk.xlsx"), dated=False)
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(tmp_path / "mpk.xlsx")
    ws = wb[excel.PROGRAM]
    row = next(r for r in ws.iter_rows() if r[1].value == "5.03.02.2.02.0001")
    row[6].value = None
    wb.save(tmp_path / "mpk.xlsx")
    proc = run(example, "import", "2027", "mpk", str(tmp_path / "mpk.xlsx"), dated=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (example / "cycles/2027/forms/mpk.yaml").read_text(encoding="utf-8")
    assert "anggaran: 239200000" not in text and "anggaran: 0\n" not in text
    assert validate(example, today=TODAY).ok


# --- a program without a code ---------------------------------------------------------------

def test_a_program_without_a_code_prints_its_name_alone_everywhere(example, tmp_path):
    path = example / "cycles/2027/forms/ppik.yaml"
    edit(path, '  - kode: "5.03.02"\n    nama: Program Kepegawaian Daerah\n', "  - nama: Program Kepegawaian Daerah\n")
    text = pdf_text(printed(example, "pdf"))
    assert "1 Program Kepegawaian Daerah" in text and "None Program" not in text
    csv_text = printed(example, "csv").decode("utf-8-sig")
    assert "ppik;Program;;Program Kepegawaian Daerah;" in csv_text
    out = tmp_path / "pk.pdf"
    proc = run(example, "export", "2027", "--document", "pk", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    pk = " ".join(flat(p.extract_text()) for p in PdfReader(out).pages)
    # merged by name with no code, by code with one: two lines, neither printed with "None"
    assert "Program Kepegawaian Daerah" in pk and "None" not in pk


# --- a new form for the next year -----------------------------------------------------------

def test_new_form_leaves_the_budgets_empty_and_says_why(example):
    (example / "cycles/2027/forms/psdm.yaml").unlink(missing_ok=True)
    proc = run(example, "new-form", "2027", "psdm", dated=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (example / "cycles/2027/forms/psdm.yaml").read_text(encoding="utf-8")
    body = text[text.index("\ntahun:"):]
    assert "anggaran:" not in body  # nothing of 2026's pagu reaches 2027's plan
    head = " ".join(line.lstrip("# ") for line in text[:text.index("\ntahun:")].splitlines())
    assert "Anggaran tidak disalin dari form 2026: isi 'anggaran' dari DPA/pagu tahun 2027." in head
    assert "Catatan: Anggaran tidak disalin dari form 2026" in proc.stdout
    assert "Sebagai pembanding saja, jumlah anggaran form 2026: Rp " in proc.stdout
    pdf = pdf_text(printed(example, "pdf"))
    assert f"Jumlah Bidang Pengembangan Sumber Daya Manusia {NO_BUDGET}" in pdf


def test_the_web_form_prefill_has_no_amount_of_last_year(example):
    from generator.site import formpage

    (example / "cycles/2027/forms/psdm.yaml").unlink(missing_ok=True)
    result = validate(example, today=TODAY)
    unit = formpage._unit_form(example, result.repository, 2027, "psdm", "PSDM")
    programs = json.dumps(unit["data"]["program"])
    assert unit["data"]["program"] and "anggaran" not in programs
    assert "Anggaran tidak disalin dari form 2026" in unit["header"]

