"""Shared fixtures: a copy of the example repository, real git repositories, one headless Chromium
for the whole run, and the example site with the form page. The helpers behind them are in
support/; the marks `site`, `browser` and `git` (support/markers.py) are checked for every test."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from support.browser import reset, start_chromium
from support.ci import in_ci
from support.http import serving
from support.markers import KINDS, Guard
from support.repos import ROOT, TODAY, copy_example, git

# older test modules import these from here (`from conftest import ROOT`)
__all__ = ["ROOT", "TODAY", "copy_example", "git"]

GUARD = Guard()

# The property tests (test_properties.py): no time limit per example (a loaded CI machine is slow, not
# wrong), no example database written into the checkout, and in CI the same examples on every run
# (derandomized: a red CI run is reproduced by running it again). HYPOTHESIS_PROFILE=thorough looks harder.
settings.register_profile("rkt", max_examples=60, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("rkt"), derandomize=True)
settings.register_profile("thorough", settings.get_profile("rkt"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "rkt"))


def pytest_configure(config: pytest.Config) -> None:
    GUARD.install()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    GUARD.begin()  # before the test's fixtures are set up: what they start counts for it


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest):
    since = GUARD.position()
    try:
        return (yield)
    finally:
        GUARD.remember(fixturedef.baseid, fixturedef.argname, since)


@pytest.fixture(autouse=True)
def _carries_its_marks(request: pytest.FixtureRequest):
    """After the test: fails it (at teardown) if it, or a fixture it uses, started work of a kind
    that its marks do not name."""
    yield
    marks = {m.name for m in request.node.iter_markers() if m.name in KINDS}
    missing = GUARD.missing(request.node.nodeid, request.fixturenames, marks)
    if missing:
        pytest.fail(f"this test (or a fixture it uses) started {', '.join(missing)} without "
                    f"{' '.join('@pytest.mark.' + m for m in missing)}: mark it (support/markers.py)", pytrace=False)


@pytest.fixture(autouse=True)
def _leaves_the_checkout_alone():
    """After the test: fails it if it left a new file in the project's folder that git does not ignore
    (a command run from here without --out writes where it stands; a test must run it elsewhere)."""
    before = set(os.listdir(ROOT))
    yield
    new = sorted(set(os.listdir(ROOT)) - before)
    if new:
        ignored = subprocess.run(["git", "check-ignore", "--", *new], cwd=ROOT, capture_output=True, text=True)
        stray = sorted(set(new) - set(ignored.stdout.split()))
        if stray and (ROOT / ".git").exists():
            pytest.fail(f"this test left {', '.join(stray)} in {ROOT}: write to tmp_path", pytrace=False)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "repo")


@pytest.fixture
def example_git(tmp_path: Path) -> Path:
    """The example data committed on branch main of a fresh git repository."""
    repo = copy_example(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data contoh")
    return repo


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run (a start costs about a second); tests take it
    through `driver`, module fixtures directly (and then set the size they need)."""
    browser = start_chromium()
    yield browser
    browser.quit()


@pytest.fixture
def driver(chromium):
    """The run's Chromium at the desktop size, its network log emptied of earlier tests."""
    reset(chromium)
    return chromium


@pytest.fixture(scope="session")
def form_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example repository with its site built with the form page (test_form_page.py and
    test_form_parity.py share it)."""
    from support.form_page import build_form_site

    return build_form_site(tmp_path_factory.mktemp("form"))


@pytest.fixture(scope="module")
def form_server(form_site: Path):
    """The address of `form_site`'s site, served on 127.0.0.1 (per module: the server thread
    must not outlive the tests that need it, or the build's forked workers refuse to start)."""
    with serving(form_site / "site") as url:
        yield url
