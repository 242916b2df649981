"""The "Isi Form RKT" page and an amount not known yet: an empty Anggaran of a sub kegiatan is
allowed (as `rkt validate` allows it), left out of the file, and the totals say "belum ada
anggaran" instead of a sum that leaves it out."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from support.browser import viewport
from support.form_page import field, retype, visit

from generator.source.load import load_bytes

pytestmark = pytest.mark.site

SUB = ("program", 0, "kegiatan", 0, "sub_kegiatan")


@pytest.fixture
def page(driver, form_server):
    viewport(driver, 1280, 1000)
    visit(driver, form_server + "/isi-form.html")
    Select(driver.find_element(By.ID, "rkt-pick-unit")).select_by_value("psdm")
    driver.find_element(By.ID, "rkt-open").click()
    return driver


@pytest.mark.browser
def test_an_empty_anggaran_is_accepted_left_out_and_the_totals_say_belum_ada_anggaran(page):
    # the prefill copies no amount of last year: every Anggaran starts empty, and that is complete
    assert field(page, *SUB, 0, "anggaran").get_attribute("value") == ""
    retype(field(page, "penyusun"), "Rahmadi (Kabid PSDM)")
    assert page.find_element(By.ID, "rkt-form-status").text == "Semua isian sudah benar."
    assert page.find_element(By.ID, "rkt-total").text.startswith("Jumlah anggaran unit: belum ada anggaran")
    assert "sisa" not in page.find_element(By.ID, "rkt-total").text  # no remainder of an unknown
    # one amount typed: the total is still unknown, what is filled in is labelled as such
    retype(field(page, *SUB, 0, "anggaran"), "60000000")
    assert page.find_element(By.ID, "rkt-total").text.startswith(
        "Jumlah anggaran unit: belum ada anggaran (sebagian; yang sudah diisi Rp 60.000.000)")
    page.find_element(By.CSS_SELECTOR, "#rkt-teknis summary").click()
    text = page.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    data = load_bytes(text.encode(), "psdm.yaml").document.data
    subs = data["program"][0]["kegiatan"][0]["sub_kegiatan"]
    assert subs[0]["anggaran"] == 60000000 and all("anggaran" not in s for s in subs[1:])
    assert "anggaran: 0" not in text
