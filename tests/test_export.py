"""The signable RKT: PDF text, page growth and repeated headers; XLSX totals; CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_example
from openpyxl import load_workbook
from pypdf import PdfReader

from generator.check.validate import validate
from generator.documents import export, rkt_csv
from generator.plan import fingerprint
from generator.plan.derive import derive
from generator.source import gitrepo, workbook

pytestmark = pytest.mark.git

TODAY = dt.date(2026, 11, 28)


def compiled(repo: Path, year: int = 2027):
    result = validate(repo, today=TODAY)
    assert result.ok
    return result.repository, derive(repo, result.repository, TODAY).compiled[year]


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "rkt.pdf"
    proc = run(ROOT, "export", "2027", "--format", "pdf", "--out", str(out), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(out)
    return [page.extract_text() for page in reader.pages]


def test_pdf_has_title_units_totals_and_signature(pdf_text):
    text = "\n".join(pdf_text)
    flat = " ".join(text.split())
    assert "PEMERINTAH KABUPATEN BALANGAN" in flat
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027" in flat
    for unit in ("Sekretariat", "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
                 "Bidang Mutasi, Promosi dan Kinerja", "Bidang Pengembangan Sumber Daya Manusia"):
        assert unit in flat, unit
    repo, rkt = compiled(ROOT)
    from generator.core import fmt

    # PSDM's form is not in: each unit in prints its total, the plan's total is not known yet (never a part of it)
    assert rkt.total is None and "Jumlah seluruhnya belum ada anggaran" in flat
    assert all(fmt.number(p.total) in flat for p in rkt.units if p.total is not None)
    assert "Drs. H. Ahmad Fauzi, M.Si." in flat and "NIP. 19700514 199303 1 007" in flat
    assert "Kepala Badan Kepegawaian dan Pengembangan" in flat
    assert f"Halaman 1 dari {len(pdf_text)}" in " ".join(pdf_text[0].split())
    assert f"sidik isi {fingerprint.fingerprint(rkt)[:16]}" in flat


def test_pdf_repeats_table_headers_on_page_2(pdf_text):
    assert len(pdf_text) >= 2
    page2 = " ".join(pdf_text[1].split())
    assert "Program / Kegiatan / Sub Kegiatan" in page2 and "Anggaran (Rp)" in page2


def test_pdf_pages_grow_with_the_rows(tmp_path):
    repo = copy_example(tmp_path / "repo")
    path = repo / "cycles/2027/forms/sekretariat.yaml"
    text = path.read_text()
    block = text[text.index("          - kode: \"5.03.01.2.01.0001\""):text.index("          - kode: \"5.03.01.2.01.0002\"")]
    extra = "".join(block.replace("0001\"", f"{n:04d}\"").replace("anggaran: 88400000", "anggaran: 1000")
                    for n in range(100, 260))
    path.write_text(text.replace(block, block + extra))
    agency, small = compiled(ROOT)
    _, big = compiled(repo)
    src = export.Source("", "0" * 64)
    pages_small = len(PdfReader(io.BytesIO(export.render("pdf", small, agency.agency, src, TODAY))).pages)
    pages_big = len(PdfReader(io.BytesIO(export.render("pdf", big, agency.agency, src, TODAY))).pages)
    assert pages_big > pages_small + 2


def test_xlsx_totals_equal_the_forms(tmp_path):
    out = tmp_path / "rkt.xlsx"
    assert run(ROOT, "export", "2027", "--format", "xlsx", "--out", str(out), "--today", "2026-11-28").returncode == 0
    repo, rkt = compiled(ROOT)
    wb = load_workbook(out)
    assert wb.sheetnames == ["RKT", "Sekretariat", "PPIK", "MPK", "PSDM"]
    for plan in rkt.units:
        ws = wb[plan.unit.short]
        assert ws.freeze_panes == "A4"
        assert ws.page_setup.orientation == "landscape"
        if plan.form is None:
            continue
        subs = [row for row in ws.iter_rows(min_row=4, values_only=True) if row[1] == "Sub Kegiatan"]
        assert sum(r[7] for r in subs) == plan.total
        total = [row for row in ws.iter_rows(min_row=4, values_only=True) if row[3] == "Jumlah"][0]
        assert total[7] == plan.total
        assert ws.cell(row=5, column=8).number_format == export.RUPIAH_FORMAT
    summary = [row for row in wb["RKT"].iter_rows(values_only=True) if row and row[1] == "Jumlah seluruhnya"][0]
    assert summary[7] == "belum ada anggaran"  # PSDM's form is not in: the total is not known yet


def test_xlsx_unit_sheets_style_their_own_rows():
    """Each unit sheet looks like the plan it holds: its Program rows bold, its Sub Kegiatan
    rows plain, its Jumlah row bold with the budget in Rupiah, every row wrapped at the top."""
    repo, rkt = compiled(ROOT)
    wb = load_workbook(io.BytesIO(export.to_xlsx(rkt, repo.agency, export.Source("abc", "0" * 64))))
    checked = 0
    for plan in rkt.program_units:
        if plan.form is None:
            continue
        for row in wb[plan.unit.short].iter_rows(min_row=4):
            level, name, budget = row[1].value, row[3].value, row[7]
            if level in ("Program", "Kegiatan", "Sub Kegiatan"):
                assert row[3].font.b == (level == "Program"), (plan.unit.short, budget.coordinate, level)
                assert row[3].alignment.wrap_text and budget.number_format == export.RUPIAH_FORMAT, budget.coordinate
                checked += 1
            elif name == "Jumlah":
                assert row[3].font.b and budget.font.b and budget.number_format == export.RUPIAH_FORMAT
                assert budget.value == plan.total
                checked += 1
            else:  # the empty row between the headers and the table carries no style of a row
                assert not any(c.font.b for c in row), row[0].coordinate
    assert checked > 10


def test_exports_are_deterministic(tmp_path):
    for fmt_name in export.FORMATS:
        a, b = tmp_path / f"a.{fmt_name}", tmp_path / f"b.{fmt_name}"
        for out in (a, b):
            assert run(ROOT, "export", "2026", "--format", fmt_name, "--out", str(out),
                       "--today", "2026-11-28").returncode == 0
        assert a.read_bytes() == b.read_bytes(), fmt_name


def test_csv_is_excel_friendly(tmp_path):
    out = tmp_path / "rkt.csv"
    assert run(ROOT, "export", "2027", "--format", "csv", "--out", str(out), "--today", "2026-11-28").returncode == 0
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == export.CSV_HEADERS
    _, rkt = compiled(ROOT)
    # every amount the forms give, once (PSDM's form is not in: the plan's total is not known yet)
    assert sum(int(r[7]) for r in rows[1:] if r[1] == "Sub Kegiatan") == rkt.known_budget


def test_unknown_year_is_a_usage_error():
    proc = run(ROOT, "export", "2031", "--today", "2026-11-28")
    assert proc.returncode == 2 and "siklus 2031 tidak ada" in proc.stdout + proc.stderr


# --- exports are inert --------------------------------------------------------

# Each text starts with a character that makes a spreadsheet read it as a formula.
# These reach an export from valid data (the tab through the YAML escape "\t"); a
# carriage return cannot (the loader refuses "\r"), so the model-level test below
# covers it with the other five.
DANGEROUS = {
    "nama: Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan untuk Pelaksanaan Pengadaan ASN":
        '=HYPERLINK("http://x","klik")',
    "indikator: Jumlah Dokumen Rencana Kebutuhan ASN": "+1",
    "target: 1 Dokumen": "-2",
    "penanggung_jawab: Kepala Sub Bidang Pengadaan dan Pemberhentian": "@SUM(A1)",
    "nama: Koordinasi dan Pelaksanaan Pengadaan ASN": "\t=1",
}
ALL_STARTS = [*DANGEROUS.values(), "\r=1"]


@pytest.fixture(scope="module")
def dangerous_repo(tmp_path_factory) -> Path:
    import json

    repo = copy_example(tmp_path_factory.mktemp("inert") / "repo")
    form = repo / "cycles/2027/forms/ppik.yaml"
    text = form.read_text()
    for old, new in DANGEROUS.items():
        assert old in text, old
        key = old.split(":")[0]
        text = text.replace(old, f"{key}: {json.dumps(new)}", 1)  # a JSON string is a YAML double-quoted one
    form.write_text(text)
    result = validate(repo, today=TODAY)
    assert result.ok, result.problems
    return repo


def dangerous_model():
    """The example's 2027 plan with every formula start in the texts of its first unit's
    sub kegiatan (built here, so that texts the loader refuses are covered too)."""
    from dataclasses import replace

    repo, rkt = compiled(ROOT)
    plan = next(p for p in rkt.units if p.form is not None)
    texts = iter(ALL_STARTS)

    def sub(s):
        name = next(texts, None)
        return replace(s, name=name) if name else s

    programs = tuple(replace(p, activities=tuple(replace(k, subs=tuple(sub(s) for s in k.subs))
                                                 for k in p.activities)) for p in plan.form.programs)
    assert next(texts, None) is None  # the example has enough rows for all of them
    first = programs[0].activities[0]
    first = replace(first, subs=(replace(first.subs[0], indicator="+1", target="-2", responsible="@SUM(A1)"),
                                 *first.subs[1:]))
    programs = (replace(programs[0], activities=(first, *programs[0].activities[1:])), *programs[1:])
    units = tuple(replace(p, form=replace(p.form, programs=programs)) if p is plan else p for p in rkt.units)
    return repo.agency, replace(rkt, units=units)


def _sheet_cells(xml: bytes, shared: list[str]) -> list[tuple[str, str | None, str]]:
    """(reference, type, text) of every cell, text as a spreadsheet reads it: written in the
    cell itself or, by its index, in the workbook's shared strings, its _xHHHH_ escapes decoded."""
    import re
    from xml.etree import ElementTree

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    cells = []
    for c in ElementTree.fromstring(xml).iter(f"{ns}c"):
        value = c.find(f"{ns}v")
        text = shared[int(value.text)] if c.get("t") == "s" and value is not None else \
            "".join(t.text or "" for t in c.iter(f"{ns}t"))
        cells.append((c.get("r"), c.get("t"), re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), text)))
    return cells


def _shared_strings(z) -> list[str]:
    from xml.etree import ElementTree

    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    return ["".join(t.text or "" for t in si.iter(f"{ns}t"))
            for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{ns}si")]


def assert_inert_xlsx(data: bytes, texts: list[str]) -> None:
    """No formula anywhere; each text present exactly as typed, as a string with the
    quotePrefix style (Excel's leading apostrophe, which survives an edit)."""
    import re
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets
    xfs = re.findall(rb"<xf [^>]*>", z.read("xl/styles.xml").split(b"<cellXfs")[1])
    found = set()
    shared = _shared_strings(z)
    for name in sheets:
        xml = z.read(name)
        assert b"<f>" not in xml and b"<f " not in xml, name
        for ref, kind, text in _sheet_cells(xml, shared):
            if text.startswith(workbook.FORMULA_START):
                found.add(text)
                assert kind in ("inlineStr", "s", "str"), (name, ref, kind)
                style = int(re.search(rb'<c r="%s"[^>]* s="([0-9]+)"' % ref.encode(), xml).group(1))
                assert b'quotePrefix="1"' in xfs[style], (name, ref)
    assert found == set(texts)


def assert_inert_csv(data: bytes, texts: list[str]) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    cells = [c for r in rows for c in r]
    for value in texts:
        assert "'" + value in cells, repr(value)
    assert not [c for c in cells if c.startswith(workbook.FORMULA_START)]
    return rows


def test_xlsx_texts_that_look_like_formulas_stay_text(dangerous_repo, tmp_path):
    out = tmp_path / "rkt.xlsx"
    proc = run(dangerous_repo, "export", "2027", "--format", "xlsx", "--out", str(out), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    assert_inert_xlsx(out.read_bytes(), list(DANGEROUS.values()))
    budget = [r for r in load_workbook(out)["PPIK"].iter_rows(min_row=4, values_only=True)
              if r[1] == "Sub Kegiatan"][0][7]
    assert budget == 130000000  # numbers stay numbers


def test_csv_texts_that_look_like_formulas_start_with_a_quote(dangerous_repo, tmp_path):
    out = tmp_path / "rkt.csv"
    assert run(dangerous_repo, "export", "2027", "--format", "csv", "--out", str(out),
               "--today", "2026-11-28").returncode == 0
    rows = assert_inert_csv(out.read_bytes(), list(DANGEROUS.values()))
    first = [r for r in rows if r[0] == "ppik" and r[1] == "Sub Kegiatan"][0]
    assert first[7] == "130000000"  # numbers stay numbers


def test_every_formula_start_is_inert_in_the_writers_themselves():
    agency, rkt = dangerous_model()
    assert_inert_xlsx(export.to_xlsx(rkt, agency, export.Source("abc", "0" * 64)), ALL_STARTS)
    assert_inert_csv(export.to_csv(rkt), ALL_STARTS)


def test_a_text_that_spells_an_excel_escape_keeps_its_letters():
    """Excel decodes _xHHHH_ inside strings: typed literally, it must arrive as typed."""
    import zipfile
    from dataclasses import replace

    repo, rkt = compiled(ROOT)
    plan = next(p for p in rkt.units if p.form is not None)
    program = replace(plan.form.programs[0], name="Kode _x0041_ tetap")
    form = replace(plan.form, programs=(program, *plan.form.programs[1:]))
    rkt = replace(rkt, units=tuple(replace(p, form=form) if p is plan else p for p in rkt.units))
    z = zipfile.ZipFile(io.BytesIO(export.to_xlsx(rkt, repo.agency, export.Source("", "0" * 64))))
    xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/"))
    assert b"Kode _x005F_x0041_ tetap" in xml and b"Kode _x0041_ tetap" not in xml


def test_the_site_does_not_serve_an_export_made_by_older_code(tmp_path, monkeypatch):
    """The export cache key covers the writer's code: a fixed writer is never bypassed."""
    from generator.source import cache

    repo, rkt = compiled(ROOT)
    src = export.Source("abc", "0" * 64)
    folder = tmp_path / "cache"
    fresh = export.render("xlsx", rkt, repo.agency, src, TODAY, folder)
    for stale in folder.iterdir():
        stale.write_bytes(b"made by an older writer")
    monkeypatch.setattr(cache, "code_hash", lambda: "the fixed writer")
    assert export.render("xlsx", rkt, repo.agency, src, TODAY, folder) == fresh


# --- the source named on printed pages -----------------------------------------

def test_exports_of_uncommitted_inputs_say_so(example_git, tmp_path):
    from conftest import git

    form = example_git / "cycles/2026/forms/mpk.yaml"
    # a comment: 2026 is signed, so a changed amount would be refused (RKT219, its `sidik_isi`)
    form.write_text(form.read_text() + "# diperiksa ulang\n")
    pdf, xlsx = tmp_path / "rkt.pdf", tmp_path / "rkt.xlsx"
    proc = run(example_git, "export", "2026", "--format", "pdf", "--out", str(pdf), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    assert "belum di-commit" in proc.stdout
    footer = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Sumber: belum di-commit" in footer and "Sumber: commit" not in footer
    assert run(example_git, "export", "2026", "--format", "xlsx", "--out", str(xlsx),
               "--today", "2026-11-28").returncode == 0
    assert load_workbook(xlsx)["RKT"]["A4"].value.startswith("Sumber: belum di-commit ·")
    # committed: the footer names the commit that holds what is printed
    git(example_git, "commit", "-q", "-am", "Anggaran MPK")
    head = git(example_git, "rev-parse", "--short=12", "HEAD").strip()
    assert run(example_git, "export", "2026", "--format", "xlsx", "--out", str(xlsx),
               "--today", "2026-11-28").returncode == 0
    assert load_workbook(xlsx)["RKT"]["A4"].value.startswith(f"Sumber: commit {head} ·")


def test_a_new_untracked_form_counts_as_uncommitted(example_git):
    src = Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml"
    (example_git / "cycles/2027/forms/psdm.yaml").write_bytes(src.read_bytes())
    assert gitrepo.source_commit(example_git, 2027) == gitrepo.UNCOMMITTED
    assert gitrepo.uncommitted(example_git, 2027) == ["cycles/2027/forms/psdm.yaml"]
    assert gitrepo.source_commit(example_git, 2026) != gitrepo.UNCOMMITTED  # another year's inputs are clean


def test_a_lone_dash_no_target_stays_as_printed_in_the_csv():
    """'-' (no target this year) is no formula anywhere: an apostrophe would only deface it."""
    assert rkt_csv._csv_text("-") == "-"
    assert rkt_csv._csv_text("-1+2") == "'-1+2"
