"""The form page gives the same verdict as `rkt validate`, for every example form.

Each form of tests/examples/ (valid and invalid cases) is loaded into the real page through
its "Muat draf dari berkas" feature, with the page data a build would embed for that case's
repository (its cycle, pagu and units), and the page's error list is compared with what
`rkt validate` says about that file: both valid or both invalid, the same (path, code) pairs,
and for the rules about one form the same message (both come from generator/check/formrules.py).

What cannot be compared, and why:
- the file's name and folder (RKT021, RKT213): the page writes the file's name itself;
- a file the strict loader refuses: the page refuses it too, and names the same problem
  except where js-yaml reads differently (KNOWN_READER_DIFFERENCES);
- a form that fails its schema: `rkt validate` runs no rule on it (it is not in the model),
  the page runs the rules anyway to help; only the schema's problems are compared.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import copy_example
from selenium.webdriver.common.by import By
from support.examples import EXAMPLES, apply
from support.form_page import load_file, visit

from generator.check import formrules
from generator.check.validate import validate
from generator.core.problems import WARNING
from generator.plan.derive import derive
from generator.site.formpage import form_page_data
from generator.site.pages import json_for_html

pytestmark = [pytest.mark.site, pytest.mark.browser]
FILE_PLACE = {"RKT021", "RKT213"}
# js-yaml turns a non-text key into text, so the schema, not the reader, refuses it
KNOWN_READER_DIFFERENCES = {"kunci-bukan-teks": ({"RKT008"}, {"RKT102"})}


def form_cases() -> list[Path]:
    return sorted(c for kind in ("valid", "invalid") for c in (EXAMPLES / kind).iterdir()
                  if c.is_dir() and list(c.glob("cycles/*/forms/*")))


def _edit(rel: str, old: str, new: str):
    def change(repo: Path) -> None:
        path = repo / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


# Rules no example exercises, made here from the example's ppik form.
PPIK = "cycles/2027/forms/ppik.yaml"
EXTRA = {
    "indikator-ganda": _edit(PPIK, "      - kode: SS3.2\n", "      - kode: SS3.1\n"),
    "sasaran-ganda": _edit(PPIK, "  - sasaran: SS3\n", "  - sasaran: SS1\n"),
    "tanggal-masa-depan": _edit(PPIK, "tanggal: 2026-11-09", "tanggal: 2030-01-02"),
    "sub-kegiatan-salah-kegiatan": _edit(PPIK, '"5.03.02.2.01.0002"', '"5.03.02.2.02.0002"'),
    "sasaran-tidak-ada-dan-indikator-ganda": _edit(PPIK, "  - sasaran: SS3\n    indikator:\n      - kode: SS3.1\n"
                                                   "        target: \"92%\"\n      - kode: SS3.2\n",
                                                   "  - sasaran: SS9\n    indikator:\n      - kode: SS3.1\n"
                                                   "        target: \"92%\"\n      - kode: SS3.1\n"),
    # the warnings about one form (the page shows them where they are typed)
    "target-titik-desimal": _edit(PPIK, 'target: "0,70"', 'target: "0.70"'),
    "target-ribuan-atau-pecahan": _edit(PPIK, "target: 180\n", 'target: "1.200"\n'),
    "target-berbeda-dengan-unit-lain": _edit(PPIK, 'target: "0,70"', 'target: "0,75"'),
    "uraian-indikator-berubah": _edit(PPIK, '      - kode: SS3.1\n', '      - kode: SS3.1\n        uraian: Layanan lama\n'),
    "program-tanpa-anggaran": _edit(PPIK, "program:\n", "program:\n  - nama: Program Baru\n"),
    "indikator-belum-diberi-target": _edit(PPIK, '      - kode: SS3.2\n        target: "97%"\n', ""),
    "target-tanpa-satuan": lambda repo: (
        _edit("cycles/renstra.yaml", '        satuan: "%"\n        iku: false\n        unit: [ppik]\n',
              '        iku: false\n        unit: [ppik]\n')(repo),
        _edit(PPIK, 'target: "97%"', 'target: "97"')(repo)),
}


# what each of the warning cases must find (so that agreeing on nothing cannot pass)
WARNED = {"target-titik-desimal": "RKT222", "target-ribuan-atau-pecahan": "RKT222",
          "target-berbeda-dengan-unit-lain": "RKT224", "uraian-indikator-berubah": "RKT227",
          "program-tanpa-anggaran": "RKT225", "indikator-belum-diberi-target": "RKT223",
          "target-tanpa-satuan": "RKT229"}


def page_data(root: Path, today: dt.date) -> dict:
    """What `rkt build` embeds in the form page for the repository at `root`."""
    result = validate(root, today=today)
    derived = derive(root, result.repository, today)
    return form_page_data(root, result.repository, derived.folders, derived.statuses)


def page_verdict(driver) -> tuple[str, set]:
    """("reader", codes) when the page refused the file, else ("form", {(path, code, message)})."""
    box = driver.find_element(By.ID, "rkt-load-errors")
    if box.is_displayed():
        return "reader", {li.get_attribute("data-code") for li in box.find_elements(By.CSS_SELECTOR, "li")}
    links = driver.find_elements(By.CSS_SELECTOR, "#rkt-error-summary li a, #rkt-warning-summary li a")
    return "form", {(a.get_attribute("data-at"), a.get_attribute("data-code"), a.get_attribute("textContent"))
                    for a in links}


# the warnings of the rules about one form (the page shows them apart, as `rkt validate` does)
FORM_WARNINGS = {r.code for r in formrules.RULES if r.severity == WARNING}


def python_verdict(root: Path, rel: str, today: dt.date) -> set:
    result = validate(root, today=today)
    errors_only = misplaced(root, rel, today)
    return {(json.dumps(list(p.path) if p.path is not None else None, separators=(",", ":"), ensure_ascii=False),
             p.code, p.message)
            for p in result.problems
            if (p.is_error or p.code in FORM_WARNINGS and p.path is not None and not errors_only)
            and p.file == rel
            and p.code not in FILE_PLACE}


def misplaced(root: Path, rel: str, today: dt.date) -> bool:
    """A form whose unit or year is not its file's: which form is whose, the page cannot know (the
    rules over the cycle's forms together find it under another unit): its errors only are compared."""
    return any(p.file == rel and p.code in FILE_PLACE for p in validate(root, today=today).problems)


@pytest.fixture(scope="module")
def repo(form_site) -> Path:
    return form_site


@pytest.fixture(scope="module")
def server(form_server) -> str:
    return form_server


@pytest.fixture(scope="module")
def base_html(repo) -> str:
    return (repo / "site/isi-form.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page_today(chromium, server) -> dt.date:
    """The page's "today" (the build's, or the browser's when later): both sides judge with it."""
    visit(chromium, server + "/isi-form.html")
    return dt.date.fromisoformat(chromium.find_element(By.ID, "rkt-isi-form").get_attribute("data-hari-ini"))


_SHOWN: dict[str, str] = {}  # the rules' data of the page the browser shows now

CASES = [pytest.param(c, id=f"{c.parent.name}/{c.name}") for c in form_cases()] + \
        [pytest.param(name, id=f"extra/{name}") for name in EXTRA]


@pytest.mark.parametrize("case", CASES)
def test_the_page_and_rkt_validate_agree(case, driver, server, repo, base_html, page_today, tmp_path):
    root = copy_example(tmp_path / "repo")
    if isinstance(case, Path):
        apply(case, root)
        name = case.name
        forms = sorted(p.relative_to(case).as_posix() for p in case.glob("cycles/*/forms/*")
                       if not p.name.endswith(".delete"))
    else:
        EXTRA[case](root)
        name = case
        forms = [PPIK]
    embedded = page_data(root, page_today)
    # a new page only where the rules' data differ (the units' prefill plays no part in loading a file)
    key = json.dumps({**embedded, "cycles": [{**c, "units": [u["kode"] for u in c["units"]]}
                                             for c in embedded["cycles"]]}, sort_keys=True)
    if _SHOWN.get("key") != key:
        html = re.sub(r'(<script type="application/json" id="rkt-form-data">).*?(</script>)',
                      lambda m: m.group(1) + json_for_html(embedded) + m.group(2), base_html, count=1, flags=re.S)
        (repo / "site" / f"paritas-{name}.html").write_text(html, encoding="utf-8")
        visit(driver, f"{server}/paritas-{name}.html")
        _SHOWN["key"] = key
    for rel in forms:
        load_file(driver, root / rel)
        kind, found = page_verdict(driver)
        expected = python_verdict(root, rel, page_today)
        if name in WARNED:
            assert WARNED[name] in {code for _, code, _ in expected}, (name, expected)
        if kind == "form" and misplaced(root, rel, page_today):
            found = {f for f in found if f[1] not in FORM_WARNINGS}
        assert bool(found) == bool(expected), (rel, kind, found, expected)
        codes = {code for _, code, _ in expected}
        if any(c.startswith("RKT0") for c in codes):
            assert kind == "reader" or name in KNOWN_READER_DIFFERENCES, (rel, found, expected)
            if name in KNOWN_READER_DIFFERENCES:
                python_codes, page_codes = KNOWN_READER_DIFFERENCES[name]
                assert codes == python_codes and {c for _, c, _ in found} == page_codes, (found, expected)
            else:
                assert found == codes, (rel, found, expected)
            continue
        assert kind == "form", (rel, found)
        pairs = {(at, code) for at, code, _ in found}
        if any(c.startswith("RKT1") for c in codes):
            # no rule runs on a form its schema refused (an amount it refused says the pagu was not checked)
            pairs = {(at, code) for at, code in pairs if code.startswith("RKT1")}
            assert pairs == {(at, code) for at, code, _ in expected if code.startswith("RKT1")}, (rel, found, expected)
            continue
        assert pairs == {(at, code) for at, code, _ in expected}, (rel, found, expected)
        # the rules about one form speak with the same words in both, warnings included
        rules = {(at, code, message) for at, code, message in found if code.startswith("RKT2")}
        assert rules == {p for p in expected if p[1].startswith("RKT2")}
