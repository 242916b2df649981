"""Two site engines, one site: `rkt build --engine mkdocs|zensical` builds the same pages with the
same content from the same docs/, both strict, both scanned, both byte-identical on rebuild."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from support.cli import rkt
from support.repos import add_guide, repo_copy

from generator import cli
from generator.check.validate import validate
from generator.core import fmt
from generator.plan.derive import BuildError, derive

# Not skipped without Zensical: it is in the lock file's site extra, so `make install` always has it.
from generator.site import build as site_build
from generator.site import engines
from generator.site.build import build
from generator.site.safety import scan_site

pytestmark = pytest.mark.git

TODAY = dt.date(2026, 11, 28)


class _Article(HTMLParser):
    """The words inside <article> (the page content, without the theme around it), less the
    page's tags, which the two themes place differently (top or bottom)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags = 0  # inside <nav class="md-tags">
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.depth += tag == "article"
        if tag == "nav" and ("class", "md-tags") in attrs or self.tags and tag == "nav":
            self.tags += 1

    def handle_endtag(self, tag) -> None:
        self.depth -= tag == "article" and self.depth > 0
        self.tags -= tag == "nav" and self.tags > 0

    def handle_data(self, data) -> None:
        if self.depth and not self.tags:
            self.words += data.split()


def article_words(page: Path) -> list[str]:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.words


def article_text(page: Path) -> str:
    """The content's characters in order, without white space: the engines' code highlighters
    cut `langkah:` into tokens at different places."""
    return "".join(article_words(page))


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> Path:
    """The example built once by each engine, from one docs/."""
    repo = repo_copy(tmp_path_factory.mktemp("engines"))
    for engine in ("mkdocs", "zensical"):
        report = build(repo, today=TODAY, site=repo / f"site-{engine}", engine=engine)
        assert report.ok and report.site is not None and not report.unsafe, engine
    return repo


@pytest.mark.site
def test_both_engines_build_the_same_pages_with_the_same_content(both):
    mk, zs = both / "site-mkdocs", both / "site-zensical"
    assert pages(mk) == pages(zs) and "siklus/2027.html" in pages(mk)
    for page in sorted(pages(mk)):
        assert article_text(mk / page) == article_text(zs / page), page
    # what management reads first: the current step on Beranda, the totals of the plan
    result = validate(both, today=TODAY)
    d = derive(both, result.repository, TODAY)
    current = d.statuses[2027].running[0].step.short
    total = fmt.rupiah(next(u for u in d.compiled[2027].units if u.unit.code == "ppik").total)
    for site in (mk, zs):
        assert current in " ".join(article_words(site / "index.html")), site
        assert total in " ".join(article_words(site / "rkt/2027.html")), site
    # the downloads and charts the pages link to are there in both
    assert {p.name for p in (mk / "unduh").iterdir()} == {p.name for p in (zs / "unduh").iterdir()}
    assert (zs / "grafik/siklus-2027.svg").read_bytes() == (mk / "grafik/siklus-2027.svg").read_bytes()


@pytest.mark.site
def test_the_safety_scan_passes_for_both_and_guards_zensical_too(both, tmp_path):
    for engine in ("mkdocs", "zensical"):
        assert scan_site(both / f"site-{engine}") == []
    repo = repo_copy(tmp_path)
    add_guide(repo, "# Panduan X\n\n<script>alert(1)</script>\n")  # raw HTML goes through Markdown
    report = build(repo, today=TODAY, engine="zensical")
    assert report.site is None and any("<script>" in f for f in report.unsafe), report.unsafe
    assert not (repo / "site").exists()  # never published


@pytest.mark.site
def test_two_zensical_builds_are_byte_identical(both, tmp_path):
    repo = shutil.copytree(both, tmp_path / "repo", symlinks=True)
    shutil.rmtree(repo / ".cache", ignore_errors=True)  # a cold build of Zensical's own cache
    first = build(repo, today=TODAY, site=repo / "a", engine="zensical")
    second = build(repo, today=TODAY, site=repo / "b", engine="zensical")  # warm cache, other folder
    assert first.site and second.site
    assert digest(repo / "a") == digest(repo / "b")


@pytest.mark.site
def test_a_zensical_warning_fails_the_build_naming_file_and_line(both, tmp_path):
    repo = shutil.copytree(both, tmp_path / "repo", symlinks=True)
    before = digest(repo / "site-zensical")
    add_guide(repo, "# Panduan X\n\nLihat [halaman yang hilang](tidak-ada.md).\n")
    with pytest.raises(BuildError) as failed:
        build(repo, today=TODAY, site=repo / "site-zensical", engine="zensical")
    message = str(failed.value)
    assert "Peringatan Zensical: page does not exist (panduan/x.md:3:29)" in message
    assert "mode strict" in message and "Traceback" not in message and "\x1b[" not in message
    assert digest(repo / "site-zensical") == before  # the old site stays
    assert not list(repo.glob(".rkt-zensical-*.yml"))  # the engine's temporary config is gone


@pytest.mark.site
def test_zensical_builds_into_a_folder_outside_the_repository(both, tmp_path):
    repo = shutil.copytree(both, tmp_path / "repo", symlinks=True)
    inside = build(repo, today=TODAY, site=repo / "dalam", engine="zensical")  # from the same pages, just now
    out = tmp_path / "di-luar" / "situs"
    proc = rkt(repo, "build", "--today", "2026-11-28", "--engine", "zensical", "--site-dir", str(out), "--paksa")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "zensical" in proc.stdout
    assert inside.site and digest(out) == digest(repo / "dalam")
    # nothing of this build is left behind in the repository
    assert not list(repo.glob(".rkt-zensical-*")) and not list((repo / ".rkt-cache").glob("situs-*"))


@pytest.mark.site
def test_zensical_keeps_to_its_own_cache_and_git_ignores_it(both):
    # Zensical writes .cache/ in the project root; rkt's caches are in .rkt-cache/
    assert (both / ".cache").is_dir() and (both / ".rkt-cache").is_dir()
    ours = {p.name for p in (both / ".rkt-cache").iterdir()}
    assert not ours & {p.name for p in (both / ".cache").iterdir()}
    for path in (".cache/123", ".rkt-cache/charts/x", ".rkt-zensical-0a1b2c3d.yml"):
        assert subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", path]).returncode == 0, path


@pytest.mark.site
def test_the_engine_cache_folder_is_never_a_site_folder(both):
    proc = rkt(both, "build", "--today", "2026-11-28", "--engine", "zensical", "--site-dir", str(both / ".cache"),
               "--paksa")
    assert proc.returncode == 2 and "berada di .cache/" in proc.stderr, proc.stderr
    assert any((both / ".cache").iterdir())  # Zensical's cache untouched


def test_the_command_line_offers_the_engines_of_the_build():
    assert cli.ENGINES == engines.ENGINES and cli.DEFAULT_ENGINE == engines.DEFAULT_ENGINE
    assert site_build.DEFAULT_ENGINE == engines.DEFAULT_ENGINE
    help_text = subprocess.run([sys.executable, "-m", "generator", "build", "--help"], capture_output=True,
                               text=True, cwd=ROOT).stdout
    assert "{mkdocs,zensical}" in help_text


@pytest.mark.site
def test_serve_with_zensical_shows_changes_and_leaves_the_site_folder_alone(tmp_path):
    from support.http import fetch, free_port, wait_for

    repo = repo_copy(tmp_path)
    (repo / "site").mkdir()
    (repo / "site/catatan-saya.txt").write_text("milik saya")  # Zensical's server empties its folder
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(repo), "serve", "--today", "2026-11-28",
                             "--addr", f"127.0.0.1:{port}", "--engine", "zensical"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/siklus/2027.html"
        wait_for(lambda: "Siklus RKT 2027" in fetch(url), proc)
        cycle = repo / "cycles/2027/cycle.yaml"
        cycle.write_text(cycle.read_text() + "  - langkah: 6\n    tanggal: 2026-11-27\n"
                         "    oleh: staf-perencanaan-1\n    catatan: Kompilasi sementara tiga unit\n")
        wait_for(lambda: "Kompilasi sementara tiga unit" in fetch(url), proc)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    assert proc.returncode == 0, proc.stdout.read()
    assert (repo / "site/catatan-saya.txt").read_text() == "milik saya"
    # the server's folder and configuration are gone with it
    assert not list((repo / ".rkt-cache").glob("serve-*")) and not list(repo.glob(".rkt-zensical-*"))
