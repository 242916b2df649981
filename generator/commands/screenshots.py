"""Screenshots of the dashboard for the guides (docs/panduan/gambar/), reproducible:

    make screenshots        (or: python -m generator.commands.screenshots)

Builds the example site for a fixed date into a temporary folder, serves it on
127.0.0.1 and photographs it with Debian's headless Chromium (chromium-driver).
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs/panduan/gambar"
TODAY = dt.date(2026, 11, 28)
SHOTS = (
    # file name, page, viewport width, height
    ("beranda.png", "index.html", 1280, 1000),
    ("beranda-ponsel.png", "index.html", 360, 780),  # exactly a phone's first screen
    ("siklus-linimasa.png", "siklus/2027.html#linimasa", 1280, 900),
    ("siklus-ponsel.png", "siklus/2027.html#linimasa", 360, 780),
    ("arsip.png", "arsip.html", 1280, 800),
    ("isi-form.png", "isi-form.html#psdm", 1280, 1100),
    ("isi-form-hasil.png", "isi-form.html#psdm-hasil", 1280, 900),
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from generator.commands.demo import signer
    from generator.scaffold import demo
    from generator.site.build import build

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        print("Perlu chromium dan chromium-driver (apt-get install chromium chromium-driver).", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="rkt-shots-"))
    try:
        # the pictures show the example as it happens: a Git history of merged pull requests
        example = tmp / "contoh"
        demo.create(example, signer, TODAY)
        report = build(example, today=TODAY, site=example / "site")
        if report.site is None:
            print("Dasbor tidak dapat dibangun; jalankan 'rkt validate'.", file=sys.stderr)
            return 1
        handler = functools.partial(_Quiet, directory=str(report.site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-extensions",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        OUT.mkdir(parents=True, exist_ok=True)
        try:
            for name, page, width, height in SHOTS:
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": height, "deviceScaleFactor": 1,
                                        "mobile": width < 600})
                url, _, action = page.partition("#")
                driver.get(base + url if action.startswith("psdm") else base + page)
                if action.startswith("psdm"):  # the form page: open the unit that has not submitted
                    from selenium.webdriver.common.by import By
                    from selenium.webdriver.support.ui import Select

                    Select(driver.find_element(By.ID, "rkt-pick-unit")).select_by_value("psdm")
                    driver.find_element(By.ID, "rkt-open").click()
                    if action == "psdm-hasil":
                        driver.execute_script("document.getElementById('rkt-teknis').open = true;"
                                              "document.getElementById('rkt-total').scrollIntoView()")
                time.sleep(0.6)  # let the header's title animation settle
                driver.save_screenshot(str(OUT / name))
                print(f"{OUT.relative_to(ROOT) / name}")
        finally:
            driver.quit()
            httpd.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
