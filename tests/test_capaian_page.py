"""The "Capaian Kinerja 2026" page of the example as a Kepala Badan reads it: where the year stands,
the rules that made each capaian, every indicator's quarters with the formula and its numbers, the
IKU charts, budget absorption, and the Tren page's capaian across years. Expectations are written
out by hand from the example's files (cycles/2026/renaksi, laporan, forms), never recomputed."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from support.browser import serious_axe_findings, viewport
from support.html import text_of
from support.repos import TODAY, copy_example

PAGE = "capaian-2026.html"


def cells(html: str, number: str) -> dict[str, str]:
    """The cells of the capaian row numbered `number` ("5.2"), by column name, as text."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        found = dict(re.findall(r'<td[^>]*data-label="([^"]*)"[^>]*>(.*?)</td>', row, re.S))
        if text_of(found.get("No", "")).strip() == number:
            return {k: text_of(v).strip() for k, v in found.items()}
    raise AssertionError(f"no row {number}")


def row_of(html: str, first_cell: str, second: str) -> dict[str, str]:
    """The cells of the first row whose first two cells read `first_cell` and start with `second`."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        found = [(k, text_of(v).strip()) for k, v in re.findall(r'<td[^>]*data-label="([^"]*)"[^>]*>(.*?)</td>',
                                                                 row, re.S)]
        if len(found) > 1 and found[0][1] == first_cell and found[1][1].startswith(second):
            return dict(found)
    raise AssertionError(f"no row {first_cell} / {second}")


@pytest.fixture(scope="module")
def page(form_site: Path) -> str:
    return (form_site / "site" / PAGE).read_text(encoding="utf-8")


# --- summary and rules ----------------------------------------------------------------

@pytest.mark.site
def test_summary_says_which_quarter_the_data_reaches_and_what_is_next(page):
    text = text_of(page)
    assert ("Data sampai Triwulan III; Triwulan IV berakhir 31 Desember 2026, laporan jatuh tempo "
            "18 Januari 2027.") in text
    # 11 indicators: SS2.1 has no quarterly target before TW IV, SS4.1 is a predikat not yet reached
    assert ("11 indikator (4 IKU); capaian s.d. TW III: Sangat Baik 9, belum ada capaian 1, "
            "target teks, belum tercapai 1. 1 indikator perlu verifikasi.") in text
    assert "Semua unit sudah menyerahkan laporan triwulan yang berakhir (TW I–TW III)." in text


@pytest.mark.site
def test_the_late_psdm_report_names_the_unit_its_head_and_how_late(page):
    text = text_of(page)
    assert ("Bidang Pengembangan Sumber Daya Manusia (kepala unit: Rahmadi, S.Pd., M.Pd., Kepala Bidang "
            "Pengembangan Sumber Daya Manusia): laporan TW II diserahkan 21 Juli 2026, terlambat 5 hari kerja "
            "(jatuh tempo 14 Juli 2026).") in text
    psdm = row_of(page, "Bidang Pengembangan Sumber Daya Manusia", "Rahmadi")
    assert psdm["TW II"] == "terlambat diserahkan masuk 21 Jul 2026, 5 hari kerja setelah jatuh tempo 14 Jul 2026"
    assert psdm["TW I"] == "tepat waktu masuk 14 Apr 2026"
    assert psdm["TW IV"] == "belum berakhir jatuh tempo 18 Jan 2027"
    ppik = row_of(page, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", "Akhmad Riduan")
    assert ppik["TW I"] == "tepat waktu masuk 9 Apr 2026; diubah 1 kali setelah disetujui"


@pytest.mark.site
def test_the_rules_say_which_are_the_agencys_and_which_the_tools_defaults(page):
    text = text_of(page)
    for rule in ("Indikator semakin kecil semakin baik: capaian = (2 − R / T) × 100%. "
                 "(ditetapkan instansi dalam aturan pengukurannya)",
                 "Batas capaian: capaian tidak dibatasi (boleh lebih dari 100%). "
                 "(bawaan aplikasi, belum ditetapkan instansi)",
                 'Ambang verifikasi: capaian di atas 150% ditandai "perlu verifikasi". (ditetapkan instansi',
                 "Kategori capaian: Sangat Baik: 91% ke atas; Baik: 76% sampai di bawah 91%; Cukup: 66% sampai "
                 "di bawah 76%; Kurang: 51% sampai di bawah 66%; Sangat Kurang: 0% sampai di bawah 51%.",
                 "Tenggat laporan triwulan: 10 hari kerja setelah triwulan berakhir"):
        assert rule in text, rule


# --- the indicators, row by row ----------------------------------------------------------

@pytest.mark.site
def test_a_numeric_indicator_shows_each_quarter_with_its_formula(page):
    row = cells(page, "1.1")
    assert row["Indikator"].startswith("Indeks Sistem Merit IKU · semakin besar semakin baik · realisasi setahun "
                                       "= nilai triwulan terakhir · penanggung jawab: Noor Aida, S.H.")
    assert (row["Satuan"], row["Target tahun"]) == ("indeks", "0,66")
    assert row["TW I"] == "Target 0,62 Realisasi 0,62 Capaian 100,00% 0,62 / 0,62 × 100% = 100,00%"
    assert row["TW II"] == "Target 0,63 Realisasi 0,64 Capaian 101,59% 0,64 / 0,63 × 100% = 101,59%"
    assert row["TW III"] == "Target 0,65 Realisasi 0,65 Capaian 100,00% 0,65 / 0,65 × 100% = 100,00%"
    assert row["TW IV"] == "Target 0,66 belum berakhir"
    assert row["s.d. TW III"] == ("Realisasi 0,65 Target 0,65 Capaian 100,00% · Sangat Baik "
                                  "0,65 / 0,65 × 100% = 100,00% nilai triwulan terakhir (TW I–TW III)")


@pytest.mark.site
def test_a_range_is_met_inside_and_measured_against_the_nearer_bound_outside(page):
    row = cells(page, "5.1")
    assert "rentang" in row["Indikator"] and row["Target tahun"] == "85–95%"
    assert row["TW I"] == "Target 85–95% Realisasi 83% Capaian 97,65% 83 / 85 × 100% = 97,65%"  # below 85
    assert row["TW II"].startswith("Target 85–95% Realisasi 88% Capaian 100,00%")  # inside
    assert row["TW III"] == "Target 85–95% Realisasi 97% Capaian 97,89% (2 − 97 / 95) × 100% = 97,89%"  # above 95


@pytest.mark.site
def test_lower_is_better_uses_the_agencys_formula_and_averages_the_quarters(page):
    row = cells(page, "5.2")
    assert "semakin kecil semakin baik · realisasi setahun = rata-rata triwulan" in row["Indikator"]
    assert (row["Satuan"], row["Target tahun"]) == ("hari kerja", "10")
    assert row["TW I"] == "Target 11 Realisasi 12 Capaian 90,91% (2 − 12 / 11) × 100% = 90,91%"
    assert row["TW III"] == "Target 10 Realisasi 9 Capaian 110,00% (2 − 9 / 10) × 100% = 110,00%"
    # (12 + 10 + 9) / 3 = 10,33 against (11 + 10 + 10) / 3 = 10,33
    assert row["s.d. TW III"] == ("Realisasi 10,33 Target 10,33 Capaian 100,00% · Sangat Baik "
                                  "(2 − 10,33 / 10,33) × 100% = 100,00% rata-rata triwulan (TW I–TW III)")


@pytest.mark.site
def test_a_predikat_target_is_reached_or_not_without_a_percentage(page):
    row = cells(page, "4.1")
    assert row["TW I"] == "Target: tidak ada target triwulan ini"
    assert row["TW III"].startswith("Target BB Realisasi B Capaian belum tercapai B < BB")
    assert row["s.d. TW III"].startswith("Realisasi B Target BB Capaian belum tercapai B < BB")
    assert "%" not in row["TW III"] and "%" not in row["s.d. TW III"]


@pytest.mark.site
def test_a_count_is_summed_and_a_capaian_above_the_threshold_needs_checking(page):
    row = cells(page, "4.3")
    assert "realisasi setahun = jumlah triwulan" in row["Indikator"]
    assert row["TW III"] == "Target 1 Realisasi 2 Capaian 200,00% perlu verifikasi 2 / 1 × 100% = 200,00%"
    assert "perlu verifikasi" not in row["TW II"]
    assert row["s.d. TW III"] == ("Realisasi 4 Target 3 Capaian 133,33% · Sangat Baik 4 / 3 × 100% = 133,33% "
                                  "jumlah triwulan (TW I–TW III)")


@pytest.mark.site
def test_the_quarter_not_ended_says_so_on_every_indicator(page):
    numbers = ("1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "4.3", "5.1", "5.2")
    assert [n for n in numbers if not cells(page, n)["TW IV"].endswith("belum berakhir")] == []
    assert "Sasaran 5. Meningkatnya kesesuaian penataan dan kecepatan layanan ASN" in text_of(page)


# --- charts and serapan ----------------------------------------------------------------

@pytest.mark.site
def test_each_numeric_iku_has_a_chart_described_with_its_numbers(page, form_site):
    charts = re.findall(r'<img src="(grafik/capaian-2026-[^"]+\.svg)" alt="([^"]*)"', page)
    assert [src for src, _ in charts] == ["grafik/capaian-2026-SS1.1.svg", "grafik/capaian-2026-SS2.1.svg",
                                          "grafik/capaian-2026-SS3.1.svg"]  # SS4.1 is a predikat: no chart
    assert charts[0][1] == ("Grafik SS1.1 Indeks Sistem Merit (indeks): target triwulan TW I 0,62, TW II 0,63, "
                            "TW III 0,65, TW IV 0,66; realisasi TW I 0,62, TW II 0,64, TW III 0,65, "
                            "TW IV belum berakhir.")
    svg = (form_site / "site/grafik/capaian-2026-SS1.1.svg").read_text(encoding="utf-8")
    for label in ("0,62", "0,64", "0,65", "Target triwulan", "Realisasi", "(belum"):
        assert f"<!-- {label} -->" in svg, label
    assert (form_site / "site/grafik/capaian-2026-SS1.1-ponsel.svg").is_file()


@pytest.mark.site
def test_serapan_of_a_program_per_quarter_with_the_rencana_aksi_plan(page):
    # mpk, program 5.03.02: pagu 865.000.000; 140.000.000 + 230.000.000 + 240.000.000 = 610.000.000
    row = row_of(page, "Bidang Mutasi, Promosi dan Kinerja", "5.03.02")
    assert row["Pagu"].startswith("Rp 865.000.000")
    assert row["TW I"] == ("Realisasi Rp 140.000.000 Kumulatif Rp 140.000.000 Serapan 16,2% "
                           "Rencana Rp 150.000.000")  # 140 / 865 = 16,18%
    assert row["TW II"] == ("Realisasi Rp 230.000.000 Kumulatif Rp 370.000.000 Serapan 42,8% "
                            "Rencana Rp 250.000.000")  # 370 / 865 = 42,77%
    assert row["TW III"] == ("Realisasi Rp 240.000.000 Kumulatif Rp 610.000.000 Serapan 70,5% "
                             "Rencana Rp 250.000.000")  # 610 / 865 = 70,52%
    assert row["TW IV"] == "belum berakhir Rencana Rp 215.000.000"
    assert row["Serapan s.d. TW III"] == "70,5%"


def test_serapan_of_an_unknown_pagu_is_never_a_percentage():
    from generator.plan.performance import BudgetLine
    from generator.site.pages.capaian import budget_quarter, serapan

    line = BudgetLine("mpk", "5.03.02", "Program Kepegawaian Daerah", None, (100_000_000, None, None, None), None)
    assert serapan(line, 1) == "belum ada anggaran"
    assert text_of(budget_quarter(line, 1, True)).strip() == ("Realisasi Rp 100.000.000 Kumulatif Rp 100.000.000 "
                                                       "Serapan belum ada anggaran")
    assert text_of(budget_quarter(line, 2, True)).strip() == "belum dilaporkan"
    assert text_of(budget_quarter(line, 3, False)).strip() == "belum berakhir"


# --- finding the page; the Tren page ---------------------------------------------------

@pytest.mark.site
def test_the_page_is_in_the_menu_beside_siklus_and_links_its_rkt(form_site, page):
    index = (form_site / "site/capaian.html").read_text(encoding="utf-8")
    assert 'href="capaian-2026.html"' in index and "Belum ada Rencana Aksi untuk tahun 2027." in text_of(index)
    home = (form_site / "site/index.html").read_text(encoding="utf-8")
    menu = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', home) + \
        re.findall(r'href="([^"]+)"[^>]*class="md-nav__link', home)
    assert "capaian.html" in menu
    assert 'href="rkt/2026.html"' in page and 'href="siklus/2026.html"' in page
    assert not (form_site / "site/capaian-2027.html").exists()  # 2027 has no Rencana Aksi yet


@pytest.mark.site
def test_tren_says_plainly_when_capaian_across_years_appears(form_site):
    text = text_of((form_site / "site/tren.html").read_text(encoding="utf-8")).replace("( ", "(").replace(" )", ")")
    assert ("Capaian antartahun tampil setelah tahun kedua diukur, yaitu setelah Rencana Aksi dan laporan "
            "triwulan tahun berikutnya masuk. Saat ini baru tahun 2026 yang diukur (Capaian Kinerja 2026).") in text


def derived(root: Path, valid: bool = True):
    from generator.check.validate import validate
    from generator.plan.derive import derive
    from generator.site.pages import Context

    result = validate(root, today=TODAY)
    assert result.ok or not valid, result.problems[:3]
    d = derive(root, result.repository, TODAY)
    ctx = Context(TODAY, d.repo.agency, d.repo.sop, d.repo.renstra, d.folders, d.statuses, d.compiled, {}, d.cal)
    return d, ctx


def test_tren_compares_capaian_once_two_years_are_measured(tmp_path):
    from generator.site.pages.trend import capaian_across_years

    d, ctx = derived(copy_example(tmp_path / "repo"))
    this = d.measured[2026]
    html = capaian_across_years(ctx, {2025: dataclasses.replace(this, year=2025), 2026: this,
                                      2027: d.measured[2027]})
    assert "2027" not in html  # no Rencana Aksi: not measured
    row = row_of(html, "SS5.2", "Rata-rata lama penyelesaian usul kenaikan pangkat")
    assert row["2025"] == row["2026"] == ("100,00% · Sangat Baik (s.d. TW III) Realisasi 10,33 · Target 10,33 "
                                          "(2 − 10,33 / 10,33) × 100% = 100,00%")
    assert row_of(html, "SS2.1", "Indeks Profesionalitas ASN")["2026"] == "belum ada realisasi"


def test_a_unit_that_has_not_reported_an_ended_quarter_is_named_with_its_head_and_lateness(tmp_path):
    from generator.site.pages.capaian import page_capaian

    repo = copy_example(tmp_path / "repo")
    (repo / "cycles/2026/laporan/tw3/ppik.yaml").unlink()
    d, ctx = derived(repo)
    text = text_of(page_capaian(ctx, d.measured[2026]))
    # due 14 October 2026; 15 October to 28 November: 32 working days (no holiday in between)
    assert ("Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian (kepala unit: Akhmad Riduan, S.STP., M.Si., "
            "Kepala Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian): laporan TW III belum masuk, "
            "terlambat 32 hari kerja (jatuh tempo 14 Oktober 2026).") in text
    assert "Semua unit sudah menyerahkan" not in text
    assert cells(page_capaian(ctx, d.measured[2026]), "3.1")["TW III"] == "Target 90% Realisasi: belum dilaporkan"


def test_an_indicator_without_rencana_aksi_says_so(tmp_path):
    from generator.site.pages.capaian import page_capaian

    repo = copy_example(tmp_path / "repo")
    for path in ("renaksi/sekretariat.yaml", "laporan/tw3/sekretariat.yaml"):  # SS4.1 out of plan and report
        file = repo / "cycles/2026" / path
        text = file.read_text(encoding="utf-8")
        start = text.index("  - kode: SS4.1")
        file.write_text(text[:start] + text[text.index("  - kode:", start + 1):], encoding="utf-8")
    d, ctx = derived(repo)
    row = cells(page_capaian(ctx, d.measured[2026]), "4.1")
    assert "Indikator ini belum ada Rencana Aksi: target triwulan dan realisasinya belum dapat dicatat." \
        in row["Indikator"]
    assert row["TW I"] == "belum ada Rencana Aksi" and row["TW IV"] == "belum ada Rencana Aksi belum berakhir"


def test_quarterly_targets_that_miss_the_years_target_are_a_warning_on_the_row(tmp_path):
    from generator.site.pages.capaian import page_capaian

    repo = copy_example(tmp_path / "repo")
    plan = repo / "cycles/2026/renaksi/mpk.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('"83%", "84%"]', '"83%", "85%"]'), encoding="utf-8")
    d, ctx = derived(repo, valid=False)  # the rule refuses it too; the page still says what is wrong
    row = cells(page_capaian(ctx, d.measured[2026]), "1.2")
    assert ("Peringatan Rencana Aksi: target triwulan (80%, 81%, 83%, 85%) dengan agregasi 'terakhir' "
            "menghasilkan 85%, sedangkan target tahunan di RKT 84%") in row["Indikator"]
    assert row["TW IV"] == "Target 85% belum berakhir"


def test_a_range_target_chart_draws_its_band():
    from generator.site.capaiancharts import capaian_chart_phone
    from generator.site.capaianspec import CapaianChartSpec

    spec = CapaianChartSpec("SS5.1", "Persentase pemenuhan kebutuhan ASN", "%", (None,) * 4, (85.0,) * 4,
                            (95.0,) * 4, ("85–95%",) * 4, (83.0, 88.0, 97.0, None), ("83%", "88%", "97%", ""),
                            (True, True, True, False), False)
    svg = capaian_chart_phone(spec)
    for label in ("Rentang target", "83%", "97%", "Realisasi"):
        assert f"<!-- {label} -->" in svg, label


# --- on a phone ------------------------------------------------------------------------

CARDS = """
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const out = [];
for (const td of document.querySelectorAll('article table.rkt-capaian td')) {
  const r = td.getBoundingClientRect();
  out.push([td.dataset.label, shown(td), getComputedStyle(td).display, Math.round(r.left), Math.round(r.right),
            td.innerText.replace(/\\s+/g, ' ').trim()]);
}
return [document.scrollingElement.scrollWidth, window.innerWidth, out];
"""


@pytest.mark.site
@pytest.mark.browser
def test_on_a_phone_each_indicator_is_a_card_with_target_quarters_and_capaian_on_screen(form_server, driver):
    viewport(driver, 360, 780)
    driver.get(f"{form_server}/{PAGE}")
    scroll, inner, tds = driver.execute_script(CARDS)
    assert scroll <= inner == 360  # no sideways scroll
    assert len(tds) == 11 * 9
    assert [t for t in tds if not t[1] or t[2] != "table-row"] == []  # every cell shown, as a card's row
    assert [t for t in tds if t[3] < 0 or t[4] > 360] == []
    assert {t[0] for t in tds} == {"No", "Indikator", "Satuan", "Target tahun", "TW I", "TW II", "TW III", "TW IV",
                                   "s.d. TW III"}
    quarter_iv = [t[5] for t in tds if t[0] == "TW IV"]
    assert all(text.endswith("belum berakhir") for text in quarter_iv), quarter_iv


@pytest.mark.site
@pytest.mark.browser
def test_axe_finds_nothing_serious_on_the_capaian_page_at_360_px(form_server, driver):
    viewport(driver, 360, 780)
    driver.get(f"{form_server}/{PAGE}")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in serious_axe_findings(driver)] == []
