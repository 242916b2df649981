"""Debian's headless Chromium driven by Selenium: started once per test run (conftest.py's
`chromium` fixture), given a screen size per test, and asked which addresses a page requested.

Never a downloaded browser: without Debian's chromium and chromium-driver the browser tests are
skipped, except in CI, where .ci/run installs both and their absence is a failure."""

from __future__ import annotations

import json
import shutil

from support.ci import skip_unless_ci
from support.repos import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
DESKTOP = (1280, 1000)  # the size each test starts with
AXE = ROOT / "tests/vendor/axe-core-4.14.1/axe.min.js"  # vendored (VENDORED.md)
ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions")


def start_chromium():
    """A new headless Chromium with the network log on; skips (fails in CI) without chromium."""
    if not (CHROMIUM and DRIVER):
        skip_unless_ci("chromium/chromedriver not installed (apt-get install chromium chromium-driver)",
                       ".ci/run installs them")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (*ARGUMENTS, "--window-size={},{}".format(*DESKTOP)):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def viewport(driver, width: int, height: int) -> None:
    """The page's screen: a real window cannot be made phone-narrow, so the phone's viewport is emulated."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def reset(driver) -> None:
    """As a test expects a new browser: the desktop size, and no network log of earlier tests."""
    viewport(driver, *DESKTOP)
    driver.get_log("performance")


def requested_urls(driver) -> list[str]:
    """Every address requested since the test began (or since the last call)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def serious_axe_findings(driver, within: str | None = None) -> list[dict]:
    """axe-core's serious and critical violations on the page as it stands (or inside the element of
    id `within`), each as axe reports it: id, impact, nodes."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    scope = f"document.getElementById('{within}')" if within else "document"
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run({scope}, {{resultTypes: ['violations']}}).then(r => done(r.violations)).catch(e => done(String(e)));")
    assert isinstance(result, list), result
    return [v for v in result if v["impact"] in ("serious", "critical")]
