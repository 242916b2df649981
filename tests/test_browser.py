"""What a person sees: Beranda in a real headless Chromium (Debian's), on a desktop and on a phone."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("chromium and chromium-driver are required in CI (.ci/run installs them)", pytrace=False)
    pytest.skip("chromium/chromedriver not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import datetime as dt

    from test_build import site_copy

    from generator.site.build import build

    repo = site_copy(tmp_path_factory.mktemp("browser"))
    assert build(repo, today=dt.date(2026, 11, 28)).site
    return repo


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser(width: int, height: int):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    # a real window cannot be made phone-narrow; emulate the phone's viewport instead
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


def requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.mark.parametrize("width", [1280, 360])
def test_beranda_renders_steps_and_warnings_and_stays_on_the_site(server, width, tmp_path):
    driver = browser(width, 900)
    try:
        driver.get(server + "/index.html")
        table = driver.find_element(By.CSS_SELECTOR, "article table.rkt-table")
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        assert len(rows) == 11
        late = driver.find_element(By.CSS_SELECTOR, "tr.rkt-row-terlambat")
        assert "Pengisian Form" in late.text and late.is_displayed()
        badge = late.find_element(By.CSS_SELECTOR, ".rkt-badge")
        assert badge.text == "Terlambat 14 hari"
        warning = driver.find_element(By.CSS_SELECTOR, "article .admonition.warning")
        assert "Peringatan keterlambatan" in warning.text
        assert "Bidang Pengembangan Sumber Daya Manusia" in warning.text
        # on a phone the status column must still be on screen, without sideways scrolling of the page
        rect = badge.rect
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= width, rect
        page_width = driver.execute_script("return document.documentElement.scrollWidth")
        assert page_width <= width
        driver.save_screenshot(str(tmp_path / f"beranda-{width}.png"))
        urls = requested_urls(driver)
        assert urls and all(u.startswith(server) or u.startswith("data:") for u in urls), \
            [u for u in urls if not u.startswith(server)]
    finally:
        driver.quit()
