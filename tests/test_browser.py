"""What a person sees: Beranda in a real headless Chromium (Debian's), on a desktop and on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from support.browser import requested_urls, viewport
from support.http import serving

pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import datetime as dt

    from support.repos import site_copy

    from generator.site.build import build

    repo = site_copy(tmp_path_factory.mktemp("browser"))
    assert build(repo, today=dt.date(2026, 11, 28)).site
    return repo


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 360])
def test_beranda_renders_steps_and_warnings_and_stays_on_the_site(server, width, tmp_path, driver):
    viewport(driver, width, 900)
    driver.get(server + "/index.html")
    table = driver.find_element(By.CSS_SELECTOR, "article table.rkt-table")
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 11
    late = driver.find_element(By.CSS_SELECTOR, "tr.rkt-row-terlambat")
    assert "Pengisian Form" in late.text and late.is_displayed()
    badge = late.find_element(By.CSS_SELECTOR, ".rkt-badge")
    assert badge.text == "Terlambat 14 hari kerja"
    # the summary says what is late and who is missing; no warning box repeats it
    summary = driver.find_element(By.CSS_SELECTOR, "article dl.rkt-now")
    assert "Terlambat 14 hari kerja" in summary.text and "PSDM" in summary.text
    assert driver.find_elements(By.CSS_SELECTOR, "article .admonition.warning") == []
    # on a phone the status column must still be on screen, without sideways scrolling of the page
    rect = badge.rect
    assert rect["x"] >= 0 and rect["x"] + rect["width"] <= width, rect
    page_width = driver.execute_script("return document.documentElement.scrollWidth")
    assert page_width <= width
    driver.save_screenshot(str(tmp_path / f"beranda-{width}.png"))
    urls = requested_urls(driver)
    assert urls and all(u.startswith(server) or u.startswith("data:") for u in urls), \
        [u for u in urls if not u.startswith(server)]
