"""The Beranda's "Musim ini": the season(s) the agency is in, one line each with a link to its page,
and who must hand in a report past due (name, jabatan, unit, working days late); on a 360 px phone the
cycle's current step and who must act stay on the first screen."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_example
from support.browser import viewport
from support.html import text_of
from support.http import serving

from generator.check.validate import validate
from generator.plan.derive import derive
from generator.site.pages.context import Context
from generator.site.pages.home import page_home

D = dt.date
PHONE = (360, 780)


def beranda(repo: Path, today: D) -> str:
    """The Beranda's Markdown, made from the repository as the build makes it."""
    result = validate(repo, today=today)
    assert result.ok, [p.message for p in result.problems if p.is_error]
    d = derive(repo, result.repository, today)
    r = d.repo
    ctx = Context(d.today, r.agency, r.sop, r.renstra, d.folders, d.statuses, d.compiled, {}, d.cal)
    return page_home(ctx, d.measured)


def block(page: str) -> str:
    found = re.search(r'<div class="rkt-musim">.*?</div>\n', page, re.S)
    assert found, page
    return found.group(0)


def test_the_season_comes_first_with_a_link_to_the_cycle(example):
    page = beranda(example, D(2026, 11, 28))
    musim = block(page)
    assert page.index(musim) < page.index("## RKT 2027")  # above the cycle's summary
    assert '<a href="siklus/2027.html">Penyusunan RKT 2027</a>' in musim
    assert "Pelaporan" not in musim and "Harus menyerahkan laporan" not in musim  # TW III all in


def test_a_late_report_names_who_must_hand_it_in(example):
    (example / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    musim = block(beranda(example, D(2026, 11, 28)))
    assert ('<a href="capaian-2026.html">Pelaporan Triwulan III 2026</a> · jatuh tempo 14 Okt 2026, 3 dari 4 unit '
            "sudah melapor") in musim
    assert text_of(musim).split("Harus menyerahkan laporan ")[1].strip() == (
        "Rahmadi, S.Pd., M.Pd. , Kepala Bidang Pengembangan Sumber Daya Manusia PSDM: laporan Triwulan III 2026, "
        "terlambat 32 hari kerja")


def test_while_a_cycle_runs_only_the_first_late_report_stays_unfolded(example):
    for unit in ("sekretariat", "psdm", "mpk"):
        (example / f"cycles/2026/laporan/tw3/{unit}.yaml").unlink()
    musim = block(beranda(example, D(2026, 11, 28)))
    shown, folded = musim.split("<details", 1)
    assert "Hj. Rusmini" in shown and "Noor Aida" not in shown and "Rahmadi" not in shown
    assert "<summary>dan 2 lainnya</summary>" in folded and "Noor Aida" in folded and "Rahmadi" in folded


def test_without_a_running_cycle_every_late_report_is_shown_and_the_rencana_aksi_has_its_season(tmp_path):
    repo = copy_example(tmp_path / "repo")
    shutil.rmtree(repo / "cycles/2027")
    shutil.rmtree(repo / "cycles/2026/laporan")
    (repo / "cycles/2026/renaksi/psdm.yaml").unlink()
    musim = block(beranda(repo, D(2026, 2, 2)))
    assert '<a href="capaian-2026.html">Rencana Aksi 2026</a> · 3 dari 4 unit sudah menyusun' in musim
    musim = block(beranda(repo, D(2026, 4, 20)))
    assert "<details" not in musim and text_of(musim).count("terlambat 3 hari kerja") == 3  # psdm has no plan
    assert "Penyusunan RKT" not in musim


def test_no_season_no_block(tmp_path):
    repo = copy_example(tmp_path / "repo")
    shutil.rmtree(repo / "cycles/2027")
    shutil.rmtree(repo / "cycles/2026/laporan")
    page = beranda(repo, D(2026, 3, 31))
    assert "## RKT 2026" in page and '<div class="rkt-musim">' not in page


# --- the built site, on a phone --------------------------------------------------------

@pytest.fixture(scope="module")
def late_site(tmp_path_factory) -> Path:
    """The example site with psdm's TW III report missing, built on the example's day."""
    from support.repos import repo_copy

    from generator.site.build import build

    repo = repo_copy(tmp_path_factory.mktemp("musim"))
    (repo / "cycles/2026/laporan/tw3/psdm.yaml").unlink()
    assert build(repo, today=D(2026, 11, 28)).site
    return repo / "site"


@pytest.mark.site
@pytest.mark.git
def test_the_built_beranda_links_each_season_to_a_page_that_exists(late_site):
    html = (late_site / "index.html").read_text(encoding="utf-8")
    musim = re.search(r'<div class="rkt-musim">.*?</ul></div></div>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', musim)
    assert links == [("siklus/2027.html", "Penyusunan RKT 2027"), ("capaian-2026.html", "Pelaporan Triwulan III 2026")]
    assert all((late_site / href).is_file() for href, _ in links)


@pytest.mark.site
@pytest.mark.git
@pytest.mark.browser
def test_on_a_phone_the_step_and_who_must_act_stay_on_the_first_screen(late_site, driver):
    viewport(driver, *PHONE)
    with serving(late_site) as url:
        driver.get(f"{url}/index.html")
        seen = driver.execute_script("""
const h = arguments[0], out = {};
for (const [name, sel] of [['musim', '.rkt-musim'], ['step', 'dl.rkt-now .rkt-now-row:nth-child(1)'],
                           ['who', 'dl.rkt-now .rkt-now-row:nth-child(2)']]) {
  const el = document.querySelector(sel);
  out[name] = el ? [el.getBoundingClientRect().bottom <= h, el.innerText.replace(/\\s+/g, ' ')] : null;
}
return out;""", PHONE[1])
    assert seen["musim"][0] and "Pelaporan Triwulan III 2026" in seen["musim"][1]
    assert "terlambat 32 hari kerja" in seen["musim"][1]
    assert seen["step"] == [True, seen["step"][1]] and "Langkah 4 dari 11: Pengisian Form" in seen["step"][1]
    assert seen["who"][0], seen
    assert "Kepala Bidang Pengembangan Sumber Daya Manusia" in seen["who"][1]
