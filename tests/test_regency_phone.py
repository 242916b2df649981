"""The regency dashboard on a phone, held to the agency site's bar (tests/test_phone.py): every page at
360 px without sideways scrolling and without a serious or critical axe finding; the totals on the
Beranda's first screen; and, on the agency site, the 60 KB form script loaded by the form page only.

The regency is made with `rkt kabupaten init` and built from local files: the example agency's
published data (the session's form site, late with one unit missing), a copy of it that later turns
invalid (so it is shown stale, with its last good data), and an agency whose data was never there."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pathspec
import pytest
import yaml
from conftest import ROOT, TODAY
from support.browser import requested_urls, viewport
from support.form_page import wait_ready
from support.http import serving

from generator.commands import kabupaten
from generator.regency.build import build as build_regency
from generator.regency.fetch import Limits

pytestmark = [pytest.mark.site]
AXE = ROOT / "tests/vendor/axe-core-4.14.1/axe.min.js"  # vendored (VENDORED.md)
PHONE = (360, 640)
REGENCY = "Pemerintah Kabupaten Balangan"
FAST = Limits(timeout=2.0, attempts=1, backoff=0.05, total=10.0)
SHARED_SCRIPT = "docs/js/situs.js"  # what every page of both sites loads (not the form script)


def kabupaten_yaml(sources: dict[str, tuple[str, Path]]) -> str:
    return yaml.safe_dump({
        "kabupaten": {"nama": REGENCY, "zona_waktu": "Asia/Makassar"},
        "sasaran": [{"kode": "S1", "uraian": "Meningkatnya profesionalitas ASN"}],
        "opd": [{"kode": code, "nama": name, "data": str(path), "situs": f"https://{code}.balangankab.example/rkt/",
                 **({"sasaran": {"SS1": "S1"}} if code == "bkpsdm" else {})}
                for code, (name, path) in sources.items()]}, allow_unicode=True)


@pytest.fixture(scope="module")
def regency(form_site: Path, tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("kab-hp")
    root = base / "kabupaten"
    assert kabupaten.init(root, REGENCY).code == 0
    copy = base / "dinkes-rkt.json"
    shutil.copy(form_site / "site/data/rkt.json", copy)
    (root / "kabupaten.yaml").write_text(kabupaten_yaml({
        "bkpsdm": ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", form_site / "site/data/rkt.json"),
        "dinkes": ("Dinas Kesehatan", copy),
        "disdik": ("Dinas Pendidikan", base / "tidak-ada/rkt.json")}), encoding="utf-8")
    assert build_regency(root, today=TODAY - dt.timedelta(days=1), limits=FAST).ok
    copy.write_text("{", encoding="utf-8")  # dinkes now publishes broken data: its last good data is shown
    report = build_regency(root, today=TODAY, limits=FAST)
    assert report.ok and report.engine is not None and report.engine.site
    assert [(e.agency.code, e.data is not None) for e in report.entries if e.stale] == [("dinkes", True), ("disdik", False)]
    return root / "site"


@pytest.fixture(scope="module")
def regency_server(regency):
    with serving(regency) as url:
        yield url


def test_a_new_regency_repository_carries_the_shared_script_and_keeps_it(tmp_path):
    root = tmp_path / "kab"
    assert kabupaten.init(root, REGENCY).code == 0
    assert (root / SHARED_SCRIPT).read_bytes() == (ROOT / SHARED_SCRIPT).read_bytes()
    assert "js/situs.js" in yaml.safe_load((root / "mkdocs.yml").read_text())["extra_javascript"]
    ignored = pathspec.PathSpec.from_lines("gitignore", (root / ".gitignore").read_text().splitlines())
    assert not ignored.match_file(SHARED_SCRIPT)  # committed with the repository, not generated


# --- every page at 360 px ----------------------------------------------------------------

MEASURE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done([document.scrollingElement.scrollWidth, window.innerWidth,
                   r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target)])]))
  .catch(e => done(String(e)));
"""


@pytest.mark.browser
def test_every_regency_page_fits_a_phone_with_no_serious_axe_finding(regency, regency_server, chromium):
    pages = sorted(p.relative_to(regency).as_posix() for p in regency.rglob("*.html"))
    assert {"index.html", "sumber.html", "tahun/2027.html", "tahun/2026-kinerja.html", "opd/bkpsdm.html",
            "opd/disdik.html"} <= set(pages)  # 2026-kinerja: the capaian and document matrices
    axe = AXE.read_text(encoding="utf-8")
    viewport(chromium, *PHONE)
    wide, found = [], []
    for page in pages:
        chromium.get(f"{regency_server}/{page}")
        chromium.execute_script(axe)
        seen = chromium.execute_async_script(MEASURE)
        assert isinstance(seen, list), (page, seen)
        scroll, inner, violations = seen
        if scroll > inner or inner != PHONE[0]:
            wide.append((page, scroll, inner))
        found += [(page, *v) for v in violations]
    assert wide == []
    assert found == [], "\n".join(map(str, found))


@pytest.mark.browser
def test_the_regency_totals_are_on_the_first_phone_screen_before_the_lists(regency, regency_server, chromium):
    viewport(chromium, *PHONE)
    chromium.get(f"{regency_server}/index.html")
    cards = chromium.execute_script(
        "return [...document.querySelectorAll('article .kab-totals .kab-card')].map(c => "
        "[c.innerText.replace(/\\s+/g, ' ').trim(), c.getBoundingClientRect().bottom])")
    assert cards and all(bottom <= PHONE[1] for _, bottom in cards), cards
    text = " | ".join(t for t, _ in cards)
    for fact in ("OPD 3", "TERLAMBAT 2 OPD", "ANGGARAN"):
        assert fact in text.upper(), text
    # 2027: the example's PSDM form is not in: no total budget is known, none is invented
    assert "belum ada anggaran" in text, text
    # the totals come before the lists of late and stale agencies
    assert chromium.execute_script(
        "const t = document.querySelector('article .kab-totals'), l = document.querySelector('article .kab-attention');"
        "return !!(t && l && (t.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING));")


def test_the_total_budget_says_how_many_agencies_it_holds(form_site, tmp_path):
    """Every budget known: their sum; some unknown: the sum says of how many; none: never Rp 0."""
    data = json.loads((form_site / "site/data/rkt.json").read_text(encoding="utf-8"))

    def published(name: str, budget: int | None) -> Path:
        for cycle in data["siklus"]:
            if cycle["tahun"] == 2027:
                cycle["rkt"]["jumlah_anggaran"] = budget
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
        return tmp_path / name

    def total(budgets: dict[str, int | None]) -> str:
        root = tmp_path / "kab"
        if not root.exists():
            assert kabupaten.init(root, REGENCY).code == 0
        (root / "kabupaten.yaml").write_text(kabupaten_yaml(
            {code: (code, published(f"{code}.json", b)) for code, b in budgets.items()}), encoding="utf-8")
        assert build_regency(root, today=TODAY, run_engine=False).ok
        page = (root / "docs/index.md").read_text(encoding="utf-8")
        return re.search(r"Anggaran RKT 2027</div><div class=\"kab-card-value\">([^<]*)<", page).group(1)

    assert total({"bkpsdm": 1_500_000_000, "dinkes": 500_000_000}) == "Rp 2.000.000.000"
    assert total({"bkpsdm": 1_500_000_000, "dinkes": None}) == "Rp 1.500.000.000 (baru 1 dari 2 OPD)"
    assert total({"bkpsdm": None, "dinkes": None}) == "belum ada anggaran"


@pytest.mark.browser
def test_who_must_act_is_set_strong_not_in_the_weakest_grey(regency, regency_server, chromium):
    viewport(chromium, *PHONE)
    chromium.get(f"{regency_server}/index.html")
    actor, body, weight = chromium.execute_script(
        "const a = document.querySelector('article .kab-act'), p = document.querySelector('article');"
        "return [getComputedStyle(a).color, getComputedStyle(p).color, getComputedStyle(a).fontWeight];")
    assert actor == body and int(weight) >= 600, (actor, body, weight)


# --- the agency site -----------------------------------------------------------------------

@pytest.mark.browser
def test_on_the_agency_beranda_who_must_act_is_set_strong_too(form_server, driver):
    viewport(driver, *PHONE)
    driver.get(f"{form_server}/index.html")
    label, body, weight = driver.execute_script(
        "const d = [...document.querySelectorAll('article .rkt-now dt')]"
        "  .find(t => t.textContent.startsWith('Harus bertindak'));"
        "return [getComputedStyle(d).color, getComputedStyle(document.querySelector('article')).color,"
        "        getComputedStyle(d).fontWeight];")
    assert label == body and int(weight) >= 700, (label, body, weight)


# the form script on the form page only

@pytest.mark.browser
def test_the_form_script_loads_on_the_form_page_only(form_server, driver):
    viewport(driver, *PHONE)
    for page in ("index.html", "siklus/2027.html", "rkt/2027.html", "panduan/index.html", "404.html"):
        driver.get(f"{form_server}/{page}")
        urls = requested_urls(driver)
        assert any(u.endswith("/js/situs.js") for u in urls), (page, urls)
        assert not [u for u in urls if "isi-form" in u and u.endswith(".js")], page
        # the theme's search dialog is named all the same (axe: aria-dialog-name)
        assert driver.execute_script(
            "const d = document.querySelector('[role=dialog]'); return d && d.getAttribute('aria-label');")
    driver.get(f"{form_server}/isi-form.html")
    wait_ready(driver)
    assert any(u.endswith("/js/isi-form.js") for u in requested_urls(driver))
