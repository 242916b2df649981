"""The form speaks the user's number and date language: budgets typed as Indonesians write them
("60.000.000", "Rp 60.000.000", "60 juta", "1,5 miliar") are read as the whole rupiah they say, on
the "Isi Form RKT" page and in the Excel import (core/amount.py, with its twin in the page's script);
only what could be read two ways is refused, with the fix. Dates are typed "27/11/2026" or
"27 November 2026" (or picked in the browser's calendar), shown the Indonesian way, stored as
TTTT-BB-HH. Warnings appear where they are typed, as `rkt validate` gives them; an amount that
cannot be read makes the total unknown, never a false remainder, on the page and in `rkt validate`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_example
from openpyxl import load_workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from support.browser import serious_axe_findings, viewport
from support.form_page import field, load_file, retype, visit, wait_ready

from generator.check import formrules
from generator.check.validate import validate
from generator.core import amount, dates
from generator.core.problems import WARNING
from generator.source.load import load_bytes

TODAY = dt.date(2026, 11, 28)
SUB = ("program", 0, "kegiatan", 0, "sub_kegiatan")
BUDGET = (*SUB, 0, "anggaran")

# read, refused with a fix, or no amount at all: the page and the Excel import read them alike
AMOUNTS = ["60000000", "60.000.000", "Rp 60.000.000", "Rp60.000.000", "Rp. 60.000.000,-", "Rp 60.000.000,00",
           "60 juta", "1,5 miliar", "1,25 Juta", "1.500 juta", "2 triliun", "750 ribu", "60.000.000 rupiah",
           "60,000,000", "60jt", "60 jt", "1,5M", "500rb", "60.000,5", "1,2345678 juta", "60.000.00", "1.5 miliar",
           "1.0", "1,500 juta", "banyak", "1 kuda"]
DATES = ["2026-11-27", "27/11/2026", "27-11-2026", "27.11.2026", "27 November 2026", "27 Nov 2026", "27 nopember 2026",
         "5 Agt 2026", "31/02/2026", "27 Foo 2026", "kemarin"]


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True, text=True,
                          cwd=ROOT)


# ---- the reading itself (no browser) --------------------------------------------------------

def test_indonesian_amounts_are_read_and_ambiguous_ones_refused_with_the_fix():
    read = {t: amount.read(t) for t in AMOUNTS}
    assert {t: r.value for t, r in read.items() if r.value is not None} == {
        "60000000": 60_000_000, "60.000.000": 60_000_000, "Rp 60.000.000": 60_000_000, "Rp60.000.000": 60_000_000,
        "Rp. 60.000.000,-": 60_000_000, "Rp 60.000.000,00": 60_000_000, "60 juta": 60_000_000,
        "1,5 miliar": 1_500_000_000, "1,25 Juta": 1_250_000, "1.500 juta": 1_500_000_000,
        "2 triliun": 2_000_000_000_000, "750 ribu": 750_000, "60.000.000 rupiah": 60_000_000}
    assert read["60,000,000"].problem == ("'60,000,000' memakai koma sebagai pemisah ribuan, padahal di Indonesia koma "
                                          "menandai pecahan; tulis 60.000.000")
    assert read["60jt"].problem == "singkatan 'jt' mudah salah dibaca; tulis '60 juta' atau '60.000.000'"
    assert read["1,5M"].problem == "singkatan 'M' mudah salah dibaca; tulis '1,5 miliar' atau '1.500.000.000'"
    assert "bukan rupiah utuh" in read["60.000,5"].problem and "misalnya 60.000" in read["60.000,5"].problem
    assert "tulis 1,5 miliar" in read["1.5 miliar"].problem
    assert read["banyak"] == amount.Amount("banyak")  # no amount at all: the schema's own message applies


def test_dates_are_read_day_first_in_indonesian():
    assert {t: dates.read(t) for t in DATES} == {
        "2026-11-27": "2026-11-27", "27/11/2026": "2026-11-27", "27-11-2026": "2026-11-27",
        "27.11.2026": "2026-11-27", "27 November 2026": "2026-11-27", "27 Nov 2026": "2026-11-27",
        "27 nopember 2026": "2026-11-27", "5 Agt 2026": "2026-08-05", "31/02/2026": None, "27 Foo 2026": None,
        "kemarin": None}
    assert dates.shown("2026-11-27") == "27 November 2026"


def test_an_excel_amount_cell_typed_as_text_the_indonesian_way_is_imported(tmp_path):
    repo = copy_example(tmp_path / "repo")
    path = tmp_path / "psdm.xlsx"
    assert run(repo, "form-template", "2027", "psdm", "--out", str(path)).returncode == 0
    wb = load_workbook(path)
    subs = [r for r in wb["Program"].iter_rows(min_row=2) if r[0].value == "Sub Kegiatan"]
    for row, typed in zip(subs, ["Rp 60.000.000", "60 juta", "1,5 juta"], strict=False):
        row[6].value = typed
    wb.save(path)
    proc = run(repo, "import", "2027", "psdm", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = load_bytes((repo / "cycles/2027/forms/psdm.yaml").read_bytes(), "psdm.yaml").document.data
    got = [s.get("anggaran") for p in data["program"] for k in p.get("kegiatan", []) for s in k["sub_kegiatan"]]
    assert got[:3] == [60_000_000, 60_000_000, 1_500_000]


def test_rkt_validate_says_the_pagu_could_not_be_checked_where_an_amount_is_unreadable(tmp_path):
    repo = copy_example(tmp_path / "repo")
    form = repo / "cycles/2027/forms/ppik.yaml"
    text = form.read_text(encoding="utf-8").replace("anggaran: 322400000", 'anggaran: "322,400,000"')
    form.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "322,400,000" in row)
    proc = run(repo, "validate", "--today", TODAY.isoformat())
    assert proc.returncode == 1
    assert (f"cycles/2027/forms/ppik.yaml:{line}:13: RKT210 (peringatan) jumlah anggaran form belum dapat dihitung "
            f"karena anggaran ini belum terbaca sebagai angka, sehingga pagu unit ini belum dapat diperiksa"
            in proc.stdout), proc.stdout
    assert f"cycles/2027/forms/ppik.yaml:{line}:13: RKT103 " in proc.stdout


def test_every_warning_about_one_form_has_its_rule_for_the_page():
    # RKT221 is about the Renstra (no unit's form can fix it); the others speak on the page too
    warned = {r.code for r in formrules.RULES if r.severity == WARNING}
    assert warned == {"RKT222", "RKT223", "RKT224", "RKT225", "RKT227", "RKT229"}


# ---- on the page ---------------------------------------------------------------------------------

@pytest.fixture
def page(driver, form_server):
    viewport(driver, 1280, 1000)
    visit(driver, form_server + "/isi-form.html")
    return driver


def open_form(driver, unit: str) -> None:
    Select(driver.find_element(By.ID, "rkt-pick-unit")).select_by_value(unit)
    driver.find_element(By.ID, "rkt-open").click()


def text_of(driver, node_id: str) -> str:
    return driver.find_element(By.ID, node_id).get_attribute("textContent")


def state(driver) -> dict:
    """The form as the page would write it (the YAML behind "Rincian teknis"), read back."""
    return load_bytes(text_of(driver, "rkt-yaml").encode(), "form.yaml").document.data


@pytest.mark.site
@pytest.mark.browser
def test_the_page_reads_every_amount_as_python_does(page):
    open_form(page, "psdm")
    budget = field(page, *BUDGET)
    ident = budget.get_attribute("id")
    assert "ditulis seperti biasa, misalnya 150.000.000, Rp 150.000.000 atau 150 juta" in text_of(page, ident + "-help")
    for typed in AMOUNTS:
        retype(budget, typed)
        read = amount.read(typed)
        shown, error = text_of(page, ident + "-rp"), text_of(page, ident + "-err")
        if read.value is not None:  # (a large one may exceed the pagu: that is another message)
            assert shown == "= Rp " + amount.grouped(read.value) and "Anggaran (Rp)" not in error, typed
        elif read.problem is not None:
            assert (shown, error) == ("", f"Anggaran (Rp): {read.problem}."), typed
        else:
            assert shown == "" and error == f"Anggaran (Rp) harus berupa bilangan bulat, bukan teks '{typed}'.", typed


@pytest.mark.site
@pytest.mark.browser
def test_dates_are_typed_or_picked_shown_in_indonesian_and_stored_as_iso(page):
    open_form(page, "psdm")
    date = field(page, "tanggal")
    ident = date.get_attribute("id")
    for typed in DATES:
        retype(date, typed)
        iso = dates.read(typed)
        if iso is not None and iso <= TODAY.isoformat():
            assert text_of(page, ident + "-tgl") == "= " + dates.shown(iso), typed
            assert text_of(page, ident + "-err") == "" and state(page)["tanggal"] == iso
        elif iso is None:
            assert "bukan tanggal yang benar; tulis misalnya 27/11/2026 atau 27 November 2026" in \
                text_of(page, ident + "-err"), typed
    # the browser's own calendar: a day picked there is written into the box the Indonesian way
    picker = page.find_element(By.ID, ident + "-kalender")
    assert picker.get_attribute("type") == "date"
    page.execute_script("arguments[0].value = '2026-11-20'; arguments[0].dispatchEvent(new Event('change'))", picker)
    assert date.get_attribute("value") == "20 November 2026"
    assert state(page)["tanggal"] == "2026-11-20"
    assert "tanggal: 2026-11-20\n" in text_of(page, "rkt-yaml")
    page.refresh()  # a stored date comes back shown the Indonesian way
    wait_ready(page)
    assert field(page, "tanggal").get_attribute("value") == "20 November 2026"


def page_verdict(driver) -> set:
    links = driver.find_elements(By.CSS_SELECTOR, "#rkt-error-summary li a, #rkt-warning-summary li a")
    return {(a.get_attribute("data-at"), a.get_attribute("data-code"), a.get_attribute("textContent")) for a in links}


@pytest.mark.site
@pytest.mark.browser
def test_indonesian_budgets_dates_and_warnings_on_the_page_are_what_rkt_validate_says(page, form_site, tmp_path):
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    page.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    open_form(page, "psdm")
    retype(field(page, "penyusun"), "Rahmadi (Kabid PSDM)")
    retype(field(page, "tanggal"), "27 Nov 2026")
    for path, typed in (((*SUB, 0), "Rp 60.000.000"), ((*SUB, 1), "60 juta"),
                        (("program", 1, "kegiatan", 0, "sub_kegiatan", 0), "1,5 juta")):
        retype(field(page, *path, "anggaran"), typed)
    target = field(page, "kinerja", 0, "indikator", 0, "target")
    retype(target, "16.46")  # SIPD's decimal dot: a warning where it is typed, not only in CI
    warning = text_of(page, target.get_attribute("id") + "-warn")
    assert warning == ('Peringatan: target "16.46" memakai titik desimal dan dibaca sebagai 16,46; di Indonesia titik '
                       'memisahkan ribuan. Tulis "16,46".')
    assert text_of(page, target.get_attribute("id") + "-err") == ""
    assert page.find_element(By.ID, "rkt-warning-summary").is_displayed()
    assert not page.find_element(By.ID, "rkt-error-summary").is_displayed()
    status = page.find_element(By.ID, "rkt-form-status").text
    assert status.startswith("Semua isian sudah benar.") and "peringatan" in status
    assert "peringatan" in page.find_element(By.ID, "rkt-status-top").text  # the count at the top too
    retype(field(page, "program", 0, "target"), "1.200")  # thousands or a fraction? a warning, with both fixes
    assert "bila pecahan, atau \"1200\" bila ribuan" in text_of(page, "f-program-0-target-warn")

    page.find_element(By.ID, "rkt-download").click()  # warnings do not block the download
    done = downloads / "psdm.yaml"
    WebDriverWait(page, 10).until(lambda d: done.exists())
    text = done.read_text(encoding="utf-8")
    assert "tanggal: 2026-11-27\n" in text and "anggaran: 60000000\n" in text and "anggaran: 1500000\n" in text

    repo = tmp_path / "repo"
    shutil.copytree(form_site / "cycles", repo / "cycles")
    shutil.copytree(form_site / "schemas", repo / "schemas")
    (repo / "cycles/2027/forms/psdm.yaml").write_text(text, encoding="utf-8")
    proc = run(repo, "validate", "--today", TODAY.isoformat())
    assert proc.returncode == 0, proc.stdout  # valid: its warnings are warnings
    assert "cycles/2027/forms/psdm.yaml:" in proc.stdout and "RKT222 (peringatan) target \"16.46\"" in proc.stdout
    expected = {(json.dumps(list(p.path), separators=(",", ":"), ensure_ascii=False), p.code, p.message)
                for p in validate(repo, today=TODAY).problems
                if p.file == "cycles/2027/forms/psdm.yaml" and p.path is not None}
    assert {code for _, code, _ in expected} >= {"RKT222"}
    load_file(page, done)  # the page's verdict on the downloaded file: every problem shown
    assert page_verdict(page) == expected


@pytest.mark.site
@pytest.mark.browser
def test_an_unreadable_budget_makes_the_total_unknown_and_keeps_a_known_excess(page):
    open_form(page, "psdm")  # pagu Rp 1.200.000.000
    retype(field(page, *SUB, 0, "anggaran"), "1,3 miliar")
    over = "melebihi pagu unit ini (Rp 1.200.000.000) sebesar Rp 100.000.000"
    assert over in " ".join(e.text for e in page.find_elements(By.CSS_SELECTOR, ".rkt-field-error"))
    retype(field(page, *SUB, 1, "anggaran"), "60,000,000")  # refused: English grouping
    total = page.find_element(By.ID, "rkt-total").text
    assert total.startswith("Jumlah anggaran unit: belum dapat dihitung: ada anggaran yang belum terbaca")
    assert "sisa" not in total and "sudah melebihi pagu Rp 1.200.000.000 sebesar Rp 100.000.000" in total
    assert over in " ".join(e.text for e in page.find_elements(By.CSS_SELECTOR, ".rkt-field-error"))  # still known
    retype(field(page, *SUB, 0, "anggaran"), "60 juta")  # no longer over: the excess goes, no remainder comes
    total = page.find_element(By.ID, "rkt-total").text
    assert total == "Jumlah anggaran unit: belum dapat dihitung: ada anggaran yang belum terbaca (pagu Rp 1.200.000.000)"
    assert over not in page.find_element(By.ID, "rkt-form-fields").text
    program = page.find_element(By.ID, "t-program-0").text
    assert program.endswith("belum dapat dihitung: ada anggaran yang belum terbaca")


@pytest.mark.site
@pytest.mark.browser
def test_a_reloaded_draft_shows_the_same_problems(page):
    open_form(page, "psdm")
    retype(field(page, *BUDGET), "60jt")
    retype(field(page, "kinerja", 0, "indikator", 0, "kode"), "SS9.9")
    status = page.find_element(By.ID, "rkt-form-status")
    assert status.text.startswith("2 isian perlu diperbaiki")
    page.refresh()
    wait_ready(page)
    assert page.find_element(By.ID, "rkt-form-status").text.startswith("2 isian perlu diperbaiki")


@pytest.mark.site
@pytest.mark.browser
def test_no_unit_is_chosen_for_the_user(page):
    pick = Select(page.find_element(By.ID, "rkt-pick-unit"))
    assert pick.first_selected_option.get_attribute("value") == ""
    page.find_element(By.ID, "rkt-open").click()
    assert not page.find_element(By.ID, "rkt-editor").is_displayed()
    assert page.switch_to.active_element.get_attribute("id") == "rkt-pick-unit"


@pytest.mark.site
@pytest.mark.browser
def test_on_a_phone_the_summary_is_on_top_clear_of_back_to_top_and_done_sections_fold(driver, form_server):
    viewport(driver, 360, 780)
    visit(driver, form_server + "/isi-form.html")
    open_form(driver, "ppik")  # a complete form: every section is done
    driver.find_element(By.XPATH, "//button[text()='Tambah sub kegiatan']").click()  # program 1 now unfinished
    retype(driver.switch_to.active_element, "x")
    retype(field(driver, "kinerja", 0, "indikator", 0, "target"), "0.70")  # a warning
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})",
                          driver.find_element(By.ID, "rkt-download"))
    driver.find_element(By.ID, "rkt-download").click()  # refused: the summary opens at the top
    summary = driver.find_element(By.ID, "rkt-error-summary")
    assert driver.switch_to.active_element == summary
    assert driver.find_element(By.ID, "rkt-status-top").text.startswith(summary.find_element(By.TAG_NAME, "h3")
                                                                         .text.split()[1])
    driver.execute_script("window.scrollBy(0, 300)")
    driver.execute_script("window.scrollBy(0, -200)")  # scrolling up: the theme shows "back to top"
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "const t = document.querySelector('.md-top'); return t && !t.classList.contains('md-top--hidden')"))
    summary.find_element(By.CSS_SELECTOR, "li a").click()
    driver.find_element(By.ID, "rkt-download").click()
    covered = driver.execute_script(
        "const t = document.querySelector('.md-top').getBoundingClientRect();"
        "const s = document.getElementById('rkt-error-summary').getBoundingClientRect();"
        "const shown = !document.querySelector('.md-top').classList.contains('md-top--hidden');"
        "return shown && t.bottom > s.top && t.top < s.bottom && t.right > s.left && t.left < s.right")
    assert not covered
    # done sections fold to one line each; the unfinished one stays open
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})",
                          driver.find_element(By.ID, "rkt-fold-finished"))
    driver.find_element(By.ID, "rkt-fold-finished").click()
    folds = driver.execute_script(
        "return [...document.querySelectorAll('#rkt-form-fields details.rkt-fold')]"
        ".map(d => [d.dataset.fold, d.open, d.querySelector('summary').textContent])")
    by_path = {tuple(json.loads(p)): (o, s) for p, o, s in folds}
    assert by_path[("identitas",)] == (False, "Identitas form: lengkap")
    assert by_path[("kinerja", 1)] == (False, "Sasaran 2: lengkap")
    assert by_path[("kinerja", 0)] == (True, "Sasaran 1: lengkap, 1 peringatan")
    assert by_path[("kinerja",)][0] is True and by_path[("program",)][0] is True
    assert by_path[("program", 0)][0] is True and "perlu diperbaiki" in by_path[("program", 0)][1]
    assert "· anggaran belum dapat" not in by_path[("program", 0)][1] and "· anggaran" in by_path[("program", 0)][1]
    assert driver.execute_script("return document.documentElement.scrollHeight") < height
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    assert [(v["id"], v["impact"]) for v in serious_axe_findings(driver, within="rkt-isi-form")] == []
