"""Every page and message that shows a budget reads "belum ada anggaran" where an amount or a total
is unknown, never "Rp 0" nor a partial sum passed off as the total: the Siklus page's form table, the
Tren page and its chart, the Arsip page's changes between signed versions, and what `rkt import`
says it removed. An explicit 0 stays a real zero."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from openpyxl import load_workbook
from pdf import scan
from support.repos import commit
from support.text import edit

from generator.check.validate import validate
from generator.site.generate import generate
from generator.site.trendcharts import BudgetTrendSpec, budget_trend
from generator.spreadsheets import excel

NO_BUDGET = "belum ada anggaran"
FORMS = "cycles/2027/forms"
MUTASI = "            anggaran: 239200000\n"  # mpk 2027, sub kegiatan 5.03.02.2.02.0001
PPIK_CODE = '  - kode: "5.03.02"\n    nama: Program Kepegawaian Daerah\n'  # ppik 2027's only program
PALETTE = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a")  # the chart's colours of the first units, in order


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


def targets_only(repo: Path, unit: str) -> None:
    path = repo / FORMS / f"{unit}.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("\nprogram:")[0] + "\nprogram: []\n", encoding="utf-8")


def pages(repo: Path, tmp_path: Path, *names: str) -> list[str]:
    result = validate(repo, today=TODAY)
    assert result.ok, [(p.file, p.line, p.message) for p in result.errors]
    files = generate(repo, result, TODAY, tmp_path / "cache").files
    return [files[name].decode() for name in names]


def row_of(page: str, first_cell: str) -> str:
    """The HTML table row whose first cell says `first_cell`."""
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.S)
    return next(r for r in rows if re.match(rf"<tr><td[^>]*>{re.escape(first_cell)}</td>", r))


# --- the Siklus page ------------------------------------------------------------------------

def test_the_cycle_page_gives_a_form_without_known_budget_as_belum_ada_anggaran(example, tmp_path):
    edit(example / FORMS / "mpk.yaml", MUTASI, "")  # one amount not given
    targets_only(example, "sekretariat")  # no program at all
    cycle, = pages(example, tmp_path, "siklus/2027.md")
    form_table = cycle[cycle.index("## Form RKT unit"):cycle.index("## Catatan peristiwa")]
    assert f'data-label="Anggaran">{NO_BUDGET}</td>' in row_of(form_table, "Bidang Mutasi, Promosi dan Kinerja")
    assert f'data-label="Anggaran">{NO_BUDGET}</td>' in row_of(form_table, "Sekretariat")
    assert 'data-label="Anggaran">Rp 733.200.000</td>' in row_of(form_table, "Bidang Pengadaan, Pemberhentian "
                                                                             "dan Informasi Kepegawaian")
    assert "Rp 0<" not in form_table


# --- the Tren page and its chart ------------------------------------------------------------

def test_the_trend_page_never_gives_an_unknown_as_rp_0_nor_a_partial_sum_as_the_total(example, tmp_path):
    edit(example / FORMS / "mpk.yaml", MUTASI, "")
    targets_only(example, "sekretariat")
    trend, = pages(example, tmp_path, "tren.md")
    table = trend[trend.index("## Anggaran per unit"):]
    # columns: Unit, 2026, 2027
    assert f'data-label="2027">{NO_BUDGET}</td>' in row_of(table, "Bidang Mutasi, Promosi dan Kinerja")
    assert f'data-label="2027">{NO_BUDGET}</td>' in row_of(table, "Sekretariat")
    assert 'data-label="2027">Rp 733.200.000</td>' in row_of(table, "Bidang Pengadaan, Pemberhentian "
                                                                    "dan Informasi Kepegawaian")
    total = row_of(table, "<strong>Jumlah</strong>")
    assert f'data-label="2027">{NO_BUDGET}<br>belum lengkap: 3 dari 4 unit</td>' in total, total
    assert re.search(r'data-label="2026">Rp [1-9][\d.]*</td>', total), total  # a year all known keeps its total
    assert "Rp 0<" not in table


def bars(svg: str, colour: str) -> int:
    """The bars of one unit in a budget chart: the patches in its colour, less its legend key."""
    return len(re.findall(rf"fill: {colour}", svg)) - 1


def test_a_budget_chart_draws_no_bar_for_an_unknown_never_one_of_height_0():
    known, zero, unknown = (budget_trend(BudgetTrendSpec((2026, 2027), ("A", "B"), ((10**9, v), (2 * 10**9, 10**9))))
                            for v in (10**9, 0, None))
    assert bars(known, PALETTE[0]) == bars(zero, PALETTE[0]) == 2  # an explicit 0 is a real (flat) bar
    assert bars(unknown, PALETTE[0]) == 1 and bars(unknown, PALETTE[1]) == 2


def test_the_site_budget_chart_leaves_out_unknown_bars_and_marks_their_year(example, tmp_path):
    edit(example / FORMS / "mpk.yaml", MUTASI, "")
    result = validate(example, today=TODAY)
    files = generate(example, result, TODAY, tmp_path / "cache").files
    svg = files["grafik/tren-anggaran.svg"].decode()
    units = [u.code for u in result.repository.agency.units]
    assert units == ["sekretariat", "ppik", "mpk", "psdm"]
    # 2026 is complete; in 2027 PSDM's form is not in and MPK has an amount not given: one bar each
    assert [bars(svg, colour) for colour in PALETTE] == [2, 2, 1, 1]
    assert "<!-- (belum lengkap) -->" in svg


# --- the Arsip page: changes between signed versions ---------------------------------------

def sign(repo: Path, tmp_path: Path, version: int, date: str) -> None:
    proc = run(repo, "sign", "2027", str(scan(tmp_path, f"v{version}.pdf", f"v{version}")), "--date", date,
               "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    commit(repo, f"Arsip v{version}")


NEW_PROGRAM = ("  - nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota\n"
               "    anggaran: 50000000\n")


@pytest.mark.git
def test_the_archive_compares_versions_with_unknown_amounts_and_programs_without_a_code(example_git, tmp_path):
    mpk, ppik = example_git / FORMS / "mpk.yaml", example_git / FORMS / "ppik.yaml"
    edit(mpk, MUTASI, "")  # v1: an amount not given yet
    edit(ppik, PPIK_CODE, "  - nama: Program Kepegawaian Daerah\n")  # v1: the program without its code
    commit(example_git, "Anggaran mutasi belum ada; program tanpa kode")
    sign(example_git, tmp_path, 1, "2026-11-27")
    edit(mpk, "            nama: Pengelolaan Mutasi ASN\n",
         "            nama: Pengelolaan Mutasi ASN\n            anggaran: 250000000\n")
    edit(ppik, "anggaran: 130000000", "anggaran: 150000000")
    ppik.write_text(ppik.read_text(encoding="utf-8") + NEW_PROGRAM, encoding="utf-8")
    cycle = example_git / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text() + "  - langkah: 8\n    tanggal: 2026-11-28\n    oleh: staf-perencanaan-2\n"
                     "  - langkah: 9\n    tanggal: 2026-11-28\n    oleh: sekretaris\n    keputusan: ya\n")
    commit(example_git, "Revisi anggaran")
    sign(example_git, tmp_path, 2, "2026-11-28")

    arsip, = pages(example_git, tmp_path, "arsip.md")
    changes = arsip[arsip.index("## Perubahan antarversi"):]
    assert "Anggaran 5.03.02.2.02.0001 Pengelolaan Mutasi ASN (mpk): belum ada anggaran → Rp 250.000.000." in changes
    assert "Jumlah anggaran mpk: belum ada anggaran → Rp " in changes
    # the program without a code is the same program in both versions (by its name): only its line changed
    assert "Rp 130.000.000 → Rp 150.000.000." in changes
    assert ("Program Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota ditambahkan (ppik): "
            "Rp 50.000.000.") in changes
    assert "Jumlah anggaran ppik: Rp 733.200.000 → Rp 803.200.000." in changes
    assert "Program Kepegawaian Daerah dihapus" not in changes and "None" not in changes and "Rp 0" not in changes


def _content(program_pagu: int | None, sub_amount: int | None) -> dict:
    """A plan's content (fingerprint.content shape) of one unit with one program without a code."""
    sub = {"kode": "5.03.02.2.01.0001", "nama": "Penyusunan Rencana", "indikator": "Dokumen", "target": 1,
           "satuan": None, "anggaran": sub_amount, "penanggung_jawab": "Kasubbid"}
    program = {"kode": None, "nama": "Program Kepegawaian Daerah", "indikator": None, "target": None,
               **({} if program_pagu is None else {"anggaran": program_pagu}),
               "kegiatan": [{"kode": "5.03.02.2.01", "nama": "Pengadaan", "indikator": None, "target": None,
                             "sub_kegiatan": [sub]}]}
    return {"tahun": 2027, "kinerja": [], "unit": [{"unit": "ppik", "program": [program]}]}


def test_the_archive_names_a_changed_pagu_and_an_amount_that_became_unknown():
    from generator.plan.archive import diff

    # a pagu stated on the program changes: said on the program's line and in the unit's total
    assert diff(_content(100, 100), _content(120, 100)) == [
        "Anggaran program Program Kepegawaian Daerah (ppik): Rp 100 → Rp 120.",
        "Jumlah anggaran ppik: Rp 100 → Rp 120."]
    # the pagu dropped while the detail below it is not known: unknown, never Rp 0 nor the old pagu
    assert diff(_content(100, 100), _content(None, None)) == [
        "Anggaran 5.03.02.2.01.0001 Penyusunan Rencana (ppik): Rp 100 → belum ada anggaran.",
        "Anggaran program Program Kepegawaian Daerah (ppik): Rp 100 → belum ada anggaran.",
        "Jumlah anggaran ppik: Rp 100 → belum ada anggaran."]
    # an explicit 0 is a real zero
    assert diff(_content(None, None), _content(None, 0))[-1] == "Jumlah anggaran ppik: belum ada anggaran → Rp 0."


# --- rkt import: what the import removes ----------------------------------------------------

def test_an_import_names_what_it_removes_without_an_amount_or_a_code(example, tmp_path):
    ppik = example / FORMS / "ppik.yaml"
    edit(ppik, PPIK_CODE, "  - nama: Program Kepegawaian Daerah\n")
    edit(ppik, "            anggaran: 182000000\n", "")  # sub kegiatan 5.03.02.2.01.0004
    ppik.write_text(ppik.read_text(encoding="utf-8") + NEW_PROGRAM, encoding="utf-8")
    book = tmp_path / "ppik.xlsx"
    proc = run(example, "form-template", "2027", "ppik", "--out", str(book))
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(book)
    ws = wb[excel.PROGRAM]
    doomed = [r[0].row for r in ws.iter_rows(min_row=2)
              if r[1].value == "5.03.02.2.01.0004" or (r[2].value or "").startswith("Program Penunjang")]
    for row in sorted(doomed, reverse=True):
        ws.delete_rows(row)
    wb.save(book)
    proc = run(example, "import", "2027", "ppik", str(book))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "Dihapus dari form karena tidak ada lagi di ppik.xlsx (2):" in out, out
    assert ("  - program Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota (anggaran Rp 50.000.000) "
            "beserta 0 kegiatan dan 0 sub kegiatannya\n") in out
    assert f"  - sub kegiatan 5.03.02.2.01.0004 Pengelolaan Data dan Sistem Informasi Kepegawaian ({NO_BUDGET})\n" \
        in out
    # the program kept without its code is not "removed"
    assert "Program Kepegawaian Daerah beserta" not in out and "None" not in out and "Rp 0" not in out
