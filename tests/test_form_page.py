"""The "Isi Form RKT" page in a real headless Chromium: fill, check, keep drafts, produce exactly
what rkt writes. The built site is shared with test_form_parity.py (conftest.py's `form_site`),
the browser with every browser test (`driver`)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from conftest import ROOT
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from support.browser import requested_urls, serious_axe_findings, viewport
from support.form_page import REPO_URL, load_file, visit, wait_ready

from generator.check.validate import validate
from generator.source.load import load_bytes
from generator.source.yamlwrite import form_yaml

pytestmark = pytest.mark.site
TODAY = dt.date(2026, 11, 28)
DRAFT_MESSAGE = "form ini masih draf; lengkapi lalu hapus baris 'draf: true'"


@pytest.fixture(scope="module")
def repo(form_site) -> Path:
    return form_site


@pytest.fixture(scope="module")
def server(form_server) -> str:
    return form_server


@pytest.fixture
def page(driver, server):
    viewport(driver, 1280, 1000)
    visit(driver, server + "/isi-form.html")
    return driver


def open_form(driver, unit: str) -> None:
    Select(driver.find_element(By.ID, "rkt-pick-unit")).select_by_value(unit)
    driver.find_element(By.ID, "rkt-open").click()


def field(driver, *path) -> object:
    return driver.find_element(By.ID, "f-" + "-".join(str(p) for p in path))


def retype(element, text: str) -> None:
    """Type into a field and leave it, as a person does."""
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(text, Keys.TAB)


def click(driver, element) -> None:
    """Scroll as a person would (to the middle, clear of the theme's fixed header), then click."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def shown_errors(driver) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#rkt-form-fields .rkt-field-error") if e.text]


BUDGET = ("program", 0, "kegiatan", 0, "sub_kegiatan", 0, "anggaran")


@pytest.mark.browser
def test_a_new_form_comes_out_exactly_as_rkt_writes_it(page, repo, tmp_path):
    open_form(page, "psdm")
    retype(field(page, *BUDGET), "75000000")
    retype(field(page, "penyusun"), "Rahmadi, S.Pd., M.Pd. (Kabid PSDM)")
    assert page.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."
    yaml = page.find_element(By.ID, "rkt-yaml")
    assert not yaml.is_displayed()  # the YAML is for the technically minded, behind "lihat teknis"
    page.find_element(By.CSS_SELECTOR, "#rkt-teknis summary").click()
    assert yaml.is_displayed()
    text = yaml.get_attribute("textContent")
    data = load_bytes(text.encode(), "psdm.yaml").document.data
    assert data["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["anggaran"] == 75000000
    assert data["kinerja"][0]["indikator"][0] == {"kode": "SS2.1", "uraian": "Indeks Profesionalitas ASN",
                                                  "target": "74,00"}  # Renstra prefill
    title = "Form RKT Tahun 2027 Bidang Pengembangan Sumber Daya Manusia."
    # last year's amounts are not carried: the header says so, with them for reference only
    note = ("Anggaran tidak disalin dari form 2026: isi 'anggaran' dari DPA/pagu tahun 2027. Sebagai pembanding "
            "saja, jumlah anggaran form 2026: Rp 1.040.500.000.")
    assert text == form_yaml(data, title, explain=True, remarks=(note,))
    copy = tmp_path / "repo"
    shutil.copytree(repo / "cycles", copy / "cycles")
    shutil.copytree(repo / "schemas", copy / "schemas")
    (copy / "cycles/2027/forms/psdm.yaml").write_text(text, encoding="utf-8")
    assert validate(copy, today=TODAY).ok
    link = page.find_element(By.ID, "rkt-submit")
    href = link.get_attribute("href")
    assert href.startswith(REPO_URL + "/new/main/cycles/2027/forms?filename=psdm.yaml&value=")
    assert urllib.parse.unquote(href.split("&value=", 1)[1]) == text


def add_empty_sub_kegiatan(driver) -> tuple:
    """A new, empty sub kegiatan under the first kegiatan of psdm: its path."""
    driver.find_element(By.XPATH, "//button[text()='Tambah sub kegiatan']").click()
    return ("program", 0, "kegiatan", 0, "sub_kegiatan", 2)


@pytest.mark.browser
def test_no_error_is_shown_before_a_field_is_touched(page):
    open_form(page, "psdm")
    new = add_empty_sub_kegiatan(page)  # five required fields empty, the code unfinished
    status = page.find_element(By.ID, "rkt-form-status")
    assert shown_errors(page) == []
    assert not page.find_element(By.ID, "rkt-error-summary").is_displayed()
    assert page.find_elements(By.CSS_SELECTOR, "#rkt-form-fields [aria-invalid]") == []
    assert "rkt-status-bad" not in status.get_attribute("class")
    # the field the user touched speaks; the other empty fields stay quiet
    retype(field(page, *new, "anggaran"), "banyak")
    assert shown_errors(page) == ["Anggaran (Rp) harus berupa bilangan bulat, bukan teks 'banyak'."]
    assert status.text == "1 isian perlu diperbaiki."


@pytest.mark.browser
def test_bad_values_are_named_at_their_field_and_the_result_is_refused(page):
    open_form(page, "psdm")
    budget = field(page, *BUDGET)
    retype(budget, "60,000,000")  # English grouping: refused, with the Indonesian spelling that fixes it
    error = page.find_element(By.ID, budget.get_attribute("id") + "-err")
    assert "Anggaran (Rp): '60,000,000' memakai koma sebagai pemisah ribuan" in error.text
    assert "tulis 60.000.000" in error.text
    assert budget.get_attribute("aria-invalid") == "true"
    code = field(page, "kinerja", 0, "indikator", 0, "kode")
    retype(code, "SS9.9")
    assert "indikator 'SS9.9' tidak ada pada sasaran SS2 di Renstra" in \
        page.find_element(By.ID, code.get_attribute("id") + "-err").text
    status = page.find_element(By.ID, "rkt-form-status")
    assert status.text.startswith("2 isian perlu diperbaiki")
    assert page.find_element(By.ID, "rkt-yaml").get_attribute("textContent") == ""
    retype(budget, "60000000")
    retype(code, "SS2.1")
    assert status.text == "Semua isian sudah benar."


@pytest.mark.browser
def test_the_error_summary_links_to_each_field_and_focuses_it(page):
    open_form(page, "psdm")
    add_empty_sub_kegiatan(page)
    page.find_element(By.ID, "rkt-download").click()  # not complete: the summary opens instead
    summary = page.find_element(By.ID, "rkt-error-summary")
    assert summary.is_displayed() and page.switch_to.active_element == summary
    links = summary.find_elements(By.CSS_SELECTOR, "li a")
    assert len(links) == 5  # the unfinished code and the four empty required fields (anggaran may stay empty)
    assert summary.find_element(By.TAG_NAME, "h3").text == "Ada 5 isian yang perlu diperbaiki"
    for link in (links[3], links[0]):
        target = link.get_attribute("href").split("#", 1)[1]
        click(page, link)
        active = page.switch_to.active_element
        assert active.get_attribute("id") == target and active.tag_name == "input"
        # the same message beside the field
        assert page.find_element(By.ID, target + "-err").text == link.text + "."


@pytest.mark.browser
def test_a_reload_restores_typed_values_and_other_units_do_not_discard_them(page, server):
    open_form(page, "psdm")
    retype(field(page, "penyusun"), "Rahmadi (Kabid PSDM)")
    retype(field(page, *BUDGET), "75000000")
    page.refresh()  # or the tab was closed and opened again
    wait_ready(page)
    assert field(page, "penyusun").get_attribute("value") == "Rahmadi (Kabid PSDM)"
    assert field(page, *BUDGET).get_attribute("value") == "75000000"
    assert "dipulihkan" in page.find_element(By.ID, "rkt-notice").text
    open_form(page, "ppik")
    assert field(page, "penyusun").get_attribute("value") != "Rahmadi (Kabid PSDM)"
    open_form(page, "psdm")
    assert field(page, "penyusun").get_attribute("value") == "Rahmadi (Kabid PSDM)"
    # discarding is a choice, and it can be undone too
    page.find_element(By.ID, "rkt-discard").click()
    assert field(page, "penyusun").get_attribute("value") == ""
    page.find_element(By.ID, "rkt-undo-button").click()
    assert field(page, "penyusun").get_attribute("value") == "Rahmadi (Kabid PSDM)"


@pytest.mark.browser
def test_deleting_a_kegiatan_can_be_undone(page):
    open_form(page, "psdm")
    name = field(page, "program", 1, "kegiatan", 0, "nama").get_attribute("value")
    assert name
    page.find_element(By.CSS_SELECTOR, "#i-program-1-kegiatan-0 > .rkt-item-tools "
                                       "button[aria-label='Hapus Kegiatan 1']").click()
    assert page.find_elements(By.ID, "i-program-1-kegiatan-0") == []
    bar = page.find_element(By.ID, "rkt-undo")
    assert bar.is_displayed() and "Kegiatan 1 dihapus" in bar.text
    undo = page.find_element(By.ID, "rkt-undo-button")
    assert page.switch_to.active_element == undo
    undo.click()
    assert field(page, "program", 1, "kegiatan", 0, "nama").get_attribute("value") == name
    assert field(page, "program", 1, "kegiatan", 0, "sub_kegiatan", 1, "kode").get_attribute("value")
    assert not bar.is_displayed()


@pytest.mark.browser
def test_a_budget_over_the_pagu_is_named_at_the_budget_field(page):
    open_form(page, "psdm")
    budget = field(page, *BUDGET)
    retype(budget, "5000000000")
    error = page.find_element(By.ID, budget.get_attribute("id") + "-err").text
    assert "melebihi pagu unit ini (Rp 1.200.000.000)" in error
    total = page.find_element(By.ID, "rkt-total").text
    assert "melebihi pagu Rp " in total and "sisa" not in total and "-" not in total


@pytest.mark.browser
def test_a_draft_download_is_refused_by_rkt_validate_and_loads_back(page, server, repo, tmp_path):
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    page.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    open_form(page, "psdm")
    retype(field(page, "penyusun"), "Rahmadi (Kabid PSDM)")
    retype(field(page, *BUDGET), "60,000,000")  # half done, and wrong
    page.find_element(By.ID, "rkt-download-draft").click()
    draft = downloads / "psdm-draf.yaml"
    WebDriverWait(page, 10).until(lambda d: draft.exists())
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/form.schema.json\n")
    assert "# DRAF" in text and "\ndraf: true\ntahun: 2027\n" in text

    copy = tmp_path / "repo"
    shutil.copytree(repo / "cycles", copy / "cycles")
    shutil.copytree(repo / "schemas", copy / "schemas")
    (copy / "cycles/2027/forms/psdm.yaml").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(copy), "validate", "--today", TODAY.isoformat()],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == "draf: true")
    assert f"cycles/2027/forms/psdm.yaml:{line}:1: RKT190 {DRAFT_MESSAGE}" in proc.stdout
    assert "kunci 'draf' tidak dikenal" not in proc.stdout

    # on another device: a fresh browser, the file loaded back
    visit(page, server + "/isi-form.html")
    load_file(page, draft)
    assert field(page, "penyusun").get_attribute("value") == "Rahmadi (Kabid PSDM)"
    assert field(page, *BUDGET).get_attribute("value") == "60,000,000"
    assert "tulis 60.000.000" in page.find_element(By.ID, "f-" + "-".join(map(str, BUDGET)) + "-err").text
    assert "draf" in page.find_element(By.ID, "rkt-notice").text


@pytest.mark.browser
def test_a_file_that_cannot_be_read_leaves_the_form_as_it_was(page, tmp_path):
    open_form(page, "psdm")
    retype(field(page, "penyusun"), "Rahmadi")
    bad = tmp_path / "psdm.yaml"
    bad.write_bytes("tahun: 2027\nunit: psdm\npenyusun: \u201cRahmadi\u201d\n".encode("cp1252"))
    load_file(page, bad)
    box = page.find_element(By.ID, "rkt-load-errors")
    assert box.is_displayed() and "bukan teks UTF-8" in box.text
    assert field(page, "penyusun").get_attribute("value") == "Rahmadi"


@pytest.mark.browser
def test_screen_readers_hear_one_debounced_summary(page):
    open_form(page, "psdm")
    live = page.find_elements(By.CSS_SELECTOR, "#rkt-isi-form [aria-live], #rkt-isi-form [role=alert], "
                                               "#rkt-isi-form [role=status]")
    assert [(e.get_attribute("id"), e.get_attribute("aria-live")) for e in live] == [("rkt-live", "polite")]
    budget = field(page, *BUDGET)
    for text in ("1", "1.", "1.0", "1.00"):
        retype(budget, text)
    region = page.find_element(By.ID, "rkt-live")
    WebDriverWait(page, 5).until(lambda d: region.get_attribute("textContent") == "1 isian perlu diperbaiki.")


@pytest.mark.browser
def test_phone_width_touch_targets_accessibility_and_no_outside_requests(driver, server):
    viewport(driver, 360, 780)
    visit(driver, server + "/isi-form.html")
    open_form(driver, "psdm")
    add_empty_sub_kegiatan(driver)
    click(driver, driver.find_element(By.ID, "rkt-download"))  # the error summary and every message shown
    click(driver, driver.find_element(By.CSS_SELECTOR, "#rkt-teknis summary"))
    click(driver, driver.find_element(By.CSS_SELECTOR, "#i-program-1-kegiatan-0 > .rkt-item-tools "
                                                       "button[aria-label='Hapus Kegiatan 1']"))  # the undo bar
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    budget = field(driver, *BUDGET)
    rect = budget.rect
    assert rect["x"] >= 0 and rect["x"] + rect["width"] <= 360
    small = driver.execute_script(
        "return [...document.querySelectorAll('#rkt-isi-form button, #rkt-isi-form .md-button, #rkt-isi-form input,"
        " #rkt-isi-form select, #rkt-isi-form textarea, #rkt-isi-form summary')]"
        ".filter(e => e.offsetParent !== null && e.type !== 'file')"
        ".map(e => [e.id || e.textContent, e.getBoundingClientRect()])"
        ".filter(([_, r]) => r.height < 44 || r.width < 44 || r.right > 360).map(([n, r]) => [n, r.width, r.height])")
    assert small == []
    found = serious_axe_findings(driver)
    assert [(v["id"], v["impact"], len(v["nodes"])) for v in found] == [], [
        (v["id"], [(n["html"][:160], n["any"][0]["message"][:160] if n["any"] else "") for n in v["nodes"]])
        for v in found]
    urls = requested_urls(driver)
    outside = [u for u in urls if not u.startswith((server, "data:", "blob:"))]
    assert urls and outside == []
    labels = driver.execute_script(
        "return [...document.querySelectorAll('#rkt-isi-form input, #rkt-isi-form select, #rkt-isi-form textarea')]"
        ".filter(e => !(e.labels && e.labels.length)).length")
    assert labels == 0


@pytest.mark.browser
def test_without_a_repository_address_staff_are_told_to_hand_the_file_over(driver, server, repo):
    html = (repo / "site/isi-form.html").read_text(encoding="utf-8")
    assert f'"repo_url":"{REPO_URL}"' in html
    (repo / "site/isi-form-tanpa-repo.html").write_text(html.replace(f'"repo_url":"{REPO_URL}"', '"repo_url":""'),
                                                        encoding="utf-8")
    viewport(driver, 1280, 1000)
    visit(driver, server + "/isi-form-tanpa-repo.html")
    open_form(driver, "psdm")
    note = driver.find_element(By.ID, "rkt-submit-note").text
    assert "Unduh form" in note and "Tim Perencanaan" in note
    assert "mkdocs" not in driver.find_element(By.ID, "rkt-isi-form").text
    assert not driver.find_element(By.ID, "rkt-submit").is_displayed()
    assert driver.find_element(By.ID, "rkt-download").is_displayed()


@pytest.mark.browser
def test_an_existing_form_round_trips_unchanged(page, repo):
    open_form(page, "ppik")
    text = page.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    assert text == (repo / "cycles/2027/forms/ppik.yaml").read_text()
    assert not page.find_element(By.ID, "rkt-submit").is_displayed()
    assert "sudah ada di GitHub" in page.find_element(By.ID, "rkt-submit-note").text


@pytest.mark.browser
def test_lists_can_grow_and_totals_follow(page):
    open_form(page, "ppik")
    before = page.find_element(By.ID, "rkt-total").text
    page.find_element(By.XPATH, "//button[text()='Tambah sub kegiatan']").click()
    kode = page.switch_to.active_element
    prefix = field(page, "program", 0, "kegiatan", 0, "kode").get_attribute("value")
    assert kode.get_attribute("value") == prefix + "."
    index = int(kode.get_attribute("id").split("-")[-2])
    retype(kode, prefix + ".0099")
    for key, value in (("nama", "Orientasi CPNS"), ("indikator", "Jumlah peserta"), ("target", "80"),
                       ("satuan", "Orang"), ("anggaran", "1000000"), ("penanggung_jawab", "Kasubbid")):
        retype(field(page, "program", 0, "kegiatan", 0, "sub_kegiatan", index, key), value)
    after = page.find_element(By.ID, "rkt-total").text
    total = int(re.search(r"Rp ([0-9.]+)", before).group(1).replace(".", "")) + 1000000
    assert "Rp " + f"{total:,}".replace(",", ".") in after
    assert page.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."


@pytest.mark.browser
def test_the_page_works_from_the_downloaded_site(driver, repo):
    viewport(driver, 1280, 900)
    visit(driver, (repo / "site/isi-form.html").as_uri(), clear=False)
    open_form(driver, "ppik")
    assert driver.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."


def test_the_embedded_data_cannot_break_out_of_its_script(repo):
    html = (repo / "site/isi-form.html").read_text()
    data = re.search(r'<script type="application/json" id="rkt-form-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data
    assert json.loads(data)["cycles"][0]["tahun"] == 2027
