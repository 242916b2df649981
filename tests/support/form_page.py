"""The "Isi Form RKT" page for the browser tests: the example site built with it, and the steps a
person takes on it (open the page as a first visit, load a file into it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from support.repos import ROOT, TODAY, site_copy

REPO_URL = "https://github.com/bkpsdm-balangan/rkt"


def build_form_site(folder: Path, without: tuple[str, ...] = ()) -> Path:
    """The example repository under `folder`, its site built with the form page and a repository address
    (`without`: files of the example removed first)."""
    from generator.site.build import build

    repo = site_copy(folder)
    for rel in without:
        (repo / rel).unlink()
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", f"extra:\n  repositori: {REPO_URL}\n", 1))
    shutil.copytree(ROOT / "docs/js", repo / "docs/js")
    shutil.copytree(ROOT / "docs/vendor", repo / "docs/vendor")
    assert build(repo, today=TODAY).site
    return repo


def visit(driver, url: str, clear: bool = True) -> None:
    """Open the page; `clear`: as a first visit (no drafts from earlier tests)."""
    if clear:
        origin = "/".join(url.split("/", 3)[:3])
        if not driver.current_url.startswith(origin):
            driver.get(url)
        driver.execute_script("localStorage.clear()")
    driver.get(url)
    wait_ready(driver)


def wait_ready(driver) -> None:
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "rkt-open"))


def load_file(driver, path: Path) -> None:
    """Load `path` with the page's "Muat draf dari berkas" and wait until the page has read it."""
    before = driver.execute_script("return document.getElementById('rkt-isi-form').dataset.dimuat || '0'")
    driver.find_element(By.ID, "rkt-load-file").send_keys(str(path))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.getElementById('rkt-isi-form').dataset.dimuat || '0'") != before)


def field(driver, *path):
    """The form's input for a data path (the page names them f-<path joined by ->)."""
    return driver.find_element(By.ID, "f-" + "-".join(str(p) for p in path))


def retype(element, text: str) -> None:
    """Replace what a field holds with `text`, then leave the field, as a user does."""
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(*([text] if text else []), Keys.TAB)
