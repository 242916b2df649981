"""The "Isi Laporan Triwulan" page: a quarterly report filled in the browser on the form engine of
"Isi Form RKT" (docs/js/isi-form.js), with drafts, the error summary, and the same verdict as
`rkt validate` (the page reads the rules from generator/check/formrules.py REPORT_RULES and the
Rencana Aksi's targets from generator/site/reportpage.py).

The site is built from a copy of the example whose Bidang MPK has not yet reported TW III 2026."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from support.browser import serious_axe_findings, viewport
from support.form_page import REPO_URL, build_form_site, load_file, retype
from support.http import serving

from generator.check.validate import validate
from generator.source.load import load_bytes

pytestmark = pytest.mark.site
REPORT = "cycles/2026/laporan/tw3/mpk.yaml"
PAGE = "laporan-triwulan.html"
# what Bidang MPK reports for TW III (the example's own report, typed as a person would)
TYPED = {0: "0,65", 1: "82%", 2: "97%", 3: "100%"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return build_form_site(tmp_path_factory.mktemp("laporan"), without=(REPORT,))


@pytest.fixture(scope="module")
def server(repo):
    with serving(repo / "site") as url:
        yield url


def embedded(repo: Path) -> dict:
    html = (repo / "site" / PAGE).read_text(encoding="utf-8")
    start = html.index('id="rkt-form-data">') + len('id="rkt-form-data">')
    return json.loads(html[start:html.index("</script>", start)])


# --- the page as built ----------------------------------------------------------------------

def test_the_page_offers_each_quarter_of_the_year_with_each_units_indicators_and_targets(repo):
    data = embedded(repo)
    assert [c["kunci"] for c in data["cycles"]] == ["2026-tw1", "2026-tw2", "2026-tw3", "2026-tw4"]
    tw3 = data["cycles"][2]
    mpk = next(u for u in tw3["units"] if u["kode"] == "mpk")
    assert mpk["berkas"] == REPORT and not mpk["ada"]
    assert mpk["header"].startswith("# yaml-language-server: $schema=../../../../schemas/laporan.schema.json\n")
    assert [r["kode"] for r in mpk["data"]["realisasi"]] == ["SS1.1", "SS1.2", "SS5.1", "SS4.2"]
    notes = {r["value"]: r["info"] for r in mpk["rujukan"]["realisasi.*.kode"]}
    assert notes["SS5.1"].endswith("Target TW III: 85–95% (satuan: %)")
    budget = {r["value"]: r["info"] for r in mpk["rujukan"]["anggaran.*.kode"]}
    assert budget["5.03.02"] == "Program Kepegawaian Daerah, pagu Rp 865.000.000"


def test_the_engine_is_loaded_on_the_two_form_pages_only(repo):
    site = repo / "site"
    with_mount = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                        if 'id="rkt-isi-form"' in p.read_text(encoding="utf-8"))
    assert with_mount == ["isi-form.html", PAGE]
    assert "Isi Laporan Triwulan" in (site / "index.html").read_text(encoding="utf-8")  # in the menu


# --- in the browser -------------------------------------------------------------------------

def visit(driver, url: str) -> None:
    origin = "/".join(url.split("/", 3)[:3])
    if not driver.current_url.startswith(origin):
        driver.get(url)
    driver.execute_script("localStorage.clear()")
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "rkt-open"))


def open_report(driver, period: str, unit: str) -> None:
    Select(driver.find_element(By.ID, "rkt-pick-cycle")).select_by_value(period)
    Select(driver.find_element(By.ID, "rkt-pick-unit")).select_by_value(unit)
    driver.find_element(By.ID, "rkt-open").click()


def field(driver, *path):
    return driver.find_element(By.ID, "f-" + "-".join(str(p) for p in path))


def summary(driver) -> set[tuple[str, str, str]]:
    """(path, code, message) of every error and warning the page lists at the top."""
    return {(a.get_attribute("data-at"), a.get_attribute("data-code"), a.get_attribute("textContent"))
            for a in driver.find_elements(By.CSS_SELECTOR, "#rkt-error-summary li a, #rkt-warning-summary li a")}


def page_today(driver) -> dt.date:
    return dt.date.fromisoformat(driver.find_element(By.ID, "rkt-isi-form").get_attribute("data-hari-ini"))


def cli_verdict(root: Path, rel: str, today: dt.date) -> set[tuple[str, str, str]]:
    return {(json.dumps(list(p.path) if p.path is not None else None, separators=(",", ":"), ensure_ascii=False),
             p.code, p.message) for p in validate(root, today=today).problems if p.file == rel}


def fill(driver) -> None:
    for i, typed in TYPED.items():
        retype(field(driver, "realisasi", i, "realisasi"), typed)
    retype(field(driver, "realisasi", 1, "faktor_penghambat"), "Dua jabatan administrator kosong karena pensiun")
    retype(field(driver, "anggaran", 0, "realisasi"), "240 juta")


def written(driver, repo: Path, tmp_path: Path) -> Path:
    """A copy of the site's repository with the page's YAML written where the page says it goes."""
    root = tmp_path / "repo"
    shutil.copytree(repo, root, ignore=shutil.ignore_patterns("site", "site.*", ".rkt-cache", ".cache"))
    text = driver.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    assert text, "the page gave no file"
    (root / REPORT).write_text(text, encoding="utf-8")
    return root


@pytest.mark.browser
@pytest.mark.parametrize("size", [(360, 780), (1280, 1000)], ids=["ponsel", "desktop"])
def test_a_report_filled_in_the_page_is_one_rkt_validate_accepts(driver, server, repo, tmp_path, size):
    viewport(driver, *size)
    visit(driver, f"{server}/{PAGE}")
    open_report(driver, "2026-tw3", "mpk")
    # the indicator, its satuan and the quarter's target stand beside the realisation
    assert "Target TW III: 0,65 (satuan: indeks)" in driver.find_element(By.ID, "f-realisasi-0-ref").text
    fill(driver)
    assert field(driver, "anggaran", 0, "realisasi").get_attribute("value") == "240 juta"
    assert driver.find_element(By.ID, "f-anggaran-0-realisasi-rp").get_attribute("textContent") == "= Rp 240.000.000"
    assert summary(driver) == set()
    assert driver.find_element(By.ID, "rkt-form-status").text.startswith("Semua isian sudah benar")
    root = written(driver, repo, tmp_path)
    text = (root / REPORT).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/laporan.schema.json\n"
                           "# Laporan Triwulan III Tahun 2026 ")
    data = load_bytes(text.encode(), REPORT).document.data
    assert [r["realisasi"] for r in data["realisasi"]] == list(TYPED.values())
    assert data["anggaran"] == [{"kode": "5.03.02", "realisasi": 240000000}]
    assert cli_verdict(root, REPORT, page_today(driver)) == set()  # rkt validate agrees: nothing to fix
    link = driver.find_element(By.ID, "rkt-submit").get_attribute("href")
    assert link.startswith(f"{REPO_URL}/new/main/cycles/2026/laporan/tw3?filename=mpk.yaml&value=")
    assert driver.execute_script("return document.scrollingElement.scrollWidth") <= size[0]


@pytest.mark.browser
def test_a_realisation_in_another_unit_is_refused_as_rkt_validate_refuses_it(driver, server, repo, tmp_path):
    visit(driver, f"{server}/{PAGE}")
    open_report(driver, "2026-tw3", "mpk")
    fill(driver)
    retype(field(driver, "realisasi", 1, "realisasi"), "5 orang")  # SS1.2's target is "83%"
    found = summary(driver)
    expected = ('["realisasi",1,"realisasi"]', "RKT253",
                'realisasi SS1.2 "5 orang" ditulis dalam satuan \'orang\', sedangkan target TW III-nya di Rencana Aksi '
                '"83%" dalam persen (%); capaian hanya dapat dihitung bila realisasi ditulis dalam satuan targetnya, '
                'misalnya "5%"')
    assert found == {expected}
    assert expected[2] in driver.find_element(By.ID, "f-realisasi-1-realisasi-err").text
    assert field(driver, "realisasi", 1, "realisasi").get_attribute("aria-invalid") == "true"
    # the same text in the file: rkt validate says the same, at the same place
    root = tmp_path / "repo"
    shutil.copytree(repo, root, ignore=shutil.ignore_patterns("site", "site.*", ".rkt-cache", ".cache"))
    retype(field(driver, "realisasi", 1, "realisasi"), "82%")
    text = driver.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    (root / REPORT).write_text(text.replace('realisasi: "82%"', "realisasi: 5 orang"), encoding="utf-8")
    assert cli_verdict(root, REPORT, page_today(driver)) == found


@pytest.mark.browser
def test_a_quarter_not_ended_is_refused_with_the_message_rkt_validate_gives(driver, server, repo, tmp_path):
    visit(driver, f"{server}/{PAGE}")
    open_report(driver, "2026-tw4", "mpk")
    for i in range(4):
        retype(field(driver, "realisasi", i, "realisasi"), TYPED[i])
    retype(field(driver, "anggaran", 0, "realisasi"), "0")
    today = page_today(driver)
    driver.find_element(By.ID, "rkt-download").click()  # "Unduh laporan" shows every problem
    found = {f for f in summary(driver) if f[1] == "RKT250"}
    assert len(found) == 1, summary(driver)
    root = tmp_path / "repo"
    shutil.copytree(repo, root, ignore=shutil.ignore_patterns("site", "site.*", ".rkt-cache", ".cache"))
    mpk = embedded(repo)["cycles"][3]["units"]
    unit = next(u for u in mpk if u["kode"] == "mpk")
    rel = "cycles/2026/laporan/tw4/mpk.yaml"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(unit["header"] + "tahun: 2026\ntriwulan: 4\nunit: mpk\nrealisasi: []\n", encoding="utf-8")
    assert found == {f for f in cli_verdict(root, rel, today) if f[1] == "RKT250"}


@pytest.mark.browser
def test_spending_past_the_pagu_and_a_stranger_in_perubahan_are_told_as_rkt_validate_tells_them(
        driver, server, repo, tmp_path):
    """RKT256 reads the earlier quarters' reports (embedded with the page), RKT201 agency.yaml's people."""
    period = next(c for c in embedded(repo)["cycles"] if c["kunci"] == "2026-tw3")
    program = next(u for u in period["units"] if u["kode"] == "mpk")["program_pagu"][0]
    assert program["sebelumnya"] > 0 and "5.03.02" in program["kode"]
    spent = program["pagu"] - program["sebelumnya"] + 1_000_000  # Rp 1 juta past the pagu with this quarter
    visit(driver, f"{server}/{PAGE}")
    open_report(driver, "2026-tw3", "mpk")
    fill(driver)
    retype(field(driver, "anggaran", 0, "realisasi"), str(spent))
    found = {f for f in summary(driver) if f[1] == "RKT256"}
    assert len(found) == 1 and "melebihi pagunya di Form RKT" in next(iter(found))[2], summary(driver)
    text = driver.find_element(By.ID, "rkt-yaml").get_attribute("textContent")
    text += "perubahan:\n  - tanggal: 2026-11-20\n    oleh: bukan-pegawai\n    alasan: Angka dikoreksi\n"
    draft = tmp_path / "mpk.yaml"
    draft.write_text(text, encoding="utf-8")
    load_file(driver, draft)
    found = {f for f in summary(driver) if f[1] in ("RKT201", "RKT256")}
    assert {f[1] for f in found} == {"RKT201", "RKT256"}, summary(driver)
    root = tmp_path / "repo"
    shutil.copytree(repo, root, ignore=shutil.ignore_patterns("site", "site.*", ".rkt-cache", ".cache"))
    (root / REPORT).write_text(text, encoding="utf-8")
    assert found == {f for f in cli_verdict(root, REPORT, page_today(driver)) if f[1] in ("RKT201", "RKT256")}


@pytest.mark.browser
def test_the_draft_survives_a_reload(driver, server):
    visit(driver, f"{server}/{PAGE}")
    open_report(driver, "2026-tw3", "mpk")
    retype(field(driver, "realisasi", 0, "realisasi"), "0,64")
    retype(field(driver, "realisasi", 0, "faktor_pendorong"), "Tim penilai internal bekerja penuh")
    driver.refresh()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "f-realisasi-0-realisasi"))
    assert field(driver, "realisasi", 0, "realisasi").get_attribute("value") == "0,64"
    assert field(driver, "realisasi", 0, "faktor_pendorong").get_attribute("value") == "Tim penilai internal bekerja penuh"
    assert "dipulihkan" in driver.find_element(By.ID, "rkt-notice").text
    # the draft is this quarter's: the RKT form's drafts and other quarters are apart
    keys = driver.execute_script("return Object.keys(localStorage)")
    assert "rkt-isi-laporan:draf:2026-tw3:mpk" in keys


@pytest.mark.browser
def test_on_a_phone_the_page_has_no_serious_axe_finding_and_no_sideways_scroll(driver, server):
    viewport(driver, 360, 780)
    visit(driver, f"{server}/{PAGE}")
    open_report(driver, "2026-tw3", "mpk")
    retype(field(driver, "realisasi", 1, "realisasi"), "5 orang")  # an error shown, as a person meets it
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in serious_axe_findings(driver)] == []
    assert driver.execute_script("return document.scrollingElement.scrollWidth") <= 360
