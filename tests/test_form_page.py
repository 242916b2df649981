"""The "Isi Form RKT" page in a real headless Chromium: fill, check, produce exactly what rkt writes."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from test_browser import CHROMIUM, DRIVER, _QuietHandler, browser, requested_urls  # noqa: F401  (skips without chromium)

from conftest import ROOT  # noqa: E402
from generator.build import build  # noqa: E402
from generator.load import load_bytes  # noqa: E402
from generator.validate import validate  # noqa: E402
from generator.yamlwrite import form_yaml  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

REPO_URL = "https://github.com/bkpsdm-balangan/rkt"
AXE = ROOT / "tests/vendor/axe-core-4.14.1/axe.min.js"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    from test_build import site_copy

    repo = site_copy(tmp_path_factory.mktemp("form"))
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", f"extra:\n  repositori: {REPO_URL}\n", 1))
    shutil.copytree(ROOT / "docs/js", repo / "docs/js")
    shutil.copytree(ROOT / "docs/vendor", repo / "docs/vendor")
    assert build(repo, today=dt.date(2026, 11, 28)).site
    return repo


@pytest.fixture(scope="module")
def server(repo):
    import functools
    import http.server
    import threading

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                           functools.partial(_QuietHandler, directory=str(repo / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def page(server):
    driver = browser(1280, 1000)
    driver.get(server + "/isi-form.html")
    yield driver
    driver.quit()


def open_form(driver, unit: str) -> None:
    Select(driver.find_element(By.ID, "rkt-pick-unit")).select_by_value(unit)
    driver.find_element(By.ID, "rkt-open").click()


def field(driver, *path) -> object:
    return driver.find_element(By.ID, "f-" + "-".join(str(p) for p in path))


def retype(element, text: str) -> None:
    element.clear()
    element.send_keys(text)


def test_a_new_form_comes_out_exactly_as_rkt_writes_it(page, repo, tmp_path):
    open_form(page, "psdm")
    retype(field(page, "program", 0, "kegiatan", 0, "sub_kegiatan", 0, "anggaran"), "75000000")
    retype(field(page, "penyusun"), "Rahmadi, S.Pd., M.Pd. (Kabid PSDM)")
    assert page.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."
    text = page.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    data = load_bytes(text.encode(), "psdm.yaml").document.data
    assert data["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["anggaran"] == 75000000
    assert data["kinerja"][0]["indikator"][0] == {"kode": "SS2.1", "target": "74,00"}  # Renstra prefill
    title = "Form RKT Tahun 2027 Bidang Pengembangan Sumber Daya Manusia."
    assert text == form_yaml(data, title, explain=True)
    copy = tmp_path / "repo"
    shutil.copytree(repo / "cycles", copy / "cycles")
    shutil.copytree(repo / "schemas", copy / "schemas")
    (copy / "cycles/2027/forms/psdm.yaml").write_text(text, encoding="utf-8")
    assert validate(copy, today=dt.date(2026, 11, 28)).ok
    link = page.find_element(By.ID, "rkt-submit")
    href = link.get_attribute("href")
    assert href.startswith(REPO_URL + "/new/main/cycles/2027/forms?filename=psdm.yaml&value=")
    assert urllib.parse.unquote(href.split("&value=", 1)[1]) == text


def test_bad_values_are_named_at_their_field_and_the_result_is_refused(page):
    open_form(page, "psdm")
    budget = field(page, "program", 0, "kegiatan", 0, "sub_kegiatan", 0, "anggaran")
    retype(budget, "60.000.000")
    error = page.find_element(By.ID, budget.get_attribute("id") + "-err")
    assert "Anggaran (Rp) harus berupa bilangan bulat" in error.text and "misalnya 60000000" in error.text
    assert budget.get_attribute("aria-invalid") == "true"
    code = field(page, "kinerja", 0, "indikator", 0, "kode")
    retype(code, "SS9.9")
    assert "indikator 'SS9.9' tidak ada pada sasaran SS2 di Renstra" in \
        page.find_element(By.ID, code.get_attribute("id") + "-err").text
    status = page.find_element(By.ID, "rkt-form-status")
    assert status.text.startswith("2 isian perlu diperbaiki")
    assert not page.find_element(By.ID, "rkt-result").is_displayed()
    retype(budget, "60000000")
    retype(code, "SS2.1")
    assert status.text == "Semua isian sudah benar."


def test_an_existing_form_round_trips_unchanged(page, repo):
    open_form(page, "ppik")
    text = page.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    assert text == (repo / "cycles/2027/forms/ppik.yaml").read_text()
    assert not page.find_element(By.ID, "rkt-submit").is_displayed()
    assert "sudah ada di repositori" in page.find_element(By.ID, "rkt-submit-note").text


def test_lists_can_grow_and_totals_follow(page):
    open_form(page, "psdm")
    before = page.find_element(By.ID, "rkt-total").text
    page.find_element(By.XPATH, "//button[text()='Tambah sub kegiatan']").click()
    new = field(page, "program", 0, "kegiatan", 0, "sub_kegiatan", 2, "kode")
    assert new.get_attribute("value") == "5.03.02.2.03."
    assert page.switch_to.active_element == new
    retype(new, "5.03.02.2.03.0003")
    for key, value in (("nama", "Orientasi CPNS"), ("indikator", "Jumlah peserta"), ("target", "80"),
                       ("satuan", "Orang"), ("anggaran", "1000000"), ("penanggung_jawab", "Kasubbid")):
        retype(field(page, "program", 0, "kegiatan", 0, "sub_kegiatan", 2, key), value)
    after = page.find_element(By.ID, "rkt-total").text
    assert before != after and "Rp 1.041.500.000" in after
    assert page.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."


def test_phone_width_accessibility_and_no_outside_requests(server, tmp_path):
    driver = browser(360, 800)
    try:
        driver.get(server + "/isi-form.html")
        open_form(driver, "psdm")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        budget = field(driver, "program", 0, "kegiatan", 0, "sub_kegiatan", 0, "anggaran")
        rect = budget.rect
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= 360
        driver.execute_script(AXE.read_text(encoding="utf-8"))
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));")
        assert isinstance(result, list), result
        serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result if v["impact"] in ("serious", "critical")]
        assert serious == [], result
        urls = requested_urls(driver)
        outside = [u for u in urls if not u.startswith((server, "data:", "blob:"))]
        assert urls and outside == []
        labels = driver.execute_script(
            "return [...document.querySelectorAll('#rkt-isi-form input, #rkt-isi-form select, #rkt-isi-form textarea')]"
            ".filter(e => !(e.labels && e.labels.length)).length")
        assert labels == 0
    finally:
        driver.quit()


def test_the_page_works_from_the_downloaded_site(repo):
    driver = browser(1280, 900)
    try:
        driver.get((repo / "site/isi-form.html").as_uri())
        open_form(driver, "psdm")
        assert driver.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."
    finally:
        driver.quit()


def test_the_embedded_data_cannot_break_out_of_its_script(repo):
    html = (repo / "site/isi-form.html").read_text()
    data = re.search(r'<script type="application/json" id="rkt-form-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data
    assert json.loads(data)["cycles"][0]["tahun"] == 2027
