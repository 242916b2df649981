"""`rkt demo FOLDER`: the example as the SOP happens in Git (forms by their Kabid on branches of
their own, merged by the reviewer on working days, events by their pelaksana, a rejection and its
revision, the signed scan), its site naming who submitted and who approved each form, and the
same commit ids and site every time."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT

from generator.check.validate import validate
from generator.core.calendar import work_calendar

pytestmark = pytest.mark.git

EXAMPLE = validate(ROOT, today=dt.date(2026, 11, 28)).repository
AGENCY = EXAMPLE.agency
NAMES = {p.code: p.name for p in AGENCY.persons}
REVIEWER = NAMES[next(r for r in AGENCY.roles if r.code == "kasubbag-perencanaan").members[0]]


def same_person(git_name: str, name: str) -> bool:
    # git drops a trailing '.' from a name ("S.H." -> "S.H"): compare without it
    return git_name.rstrip(".") == name.rstrip(".")


def demo(folder: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([sys.executable, "-m", "generator", "demo", str(folder), *args], capture_output=True,
                          text=True, cwd=ROOT, env={**base, **(env or {})})


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    """Two demos, one after the other; the second under a user git configuration that would
    change commits if it were read (signing, line endings, identity)."""
    base = tmp_path_factory.mktemp("demo")
    folder = base / "contoh"
    proc = demo(folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Dasbor contoh untuk 28 November 2026" in proc.stdout
    config = base / ".gitconfig"  # the user's own, where git looks for it
    config.write_text("[user]\n\tname = Orang Lain\n\temail = lain@contoh.invalid\n[commit]\n\tgpgsign = true\n"
                      "[core]\n\tautocrlf = true\n")
    other = base / "lain"
    proc = demo(other, env={"HOME": str(base), "XDG_CONFIG_HOME": str(base)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder, other


@pytest.fixture(scope="module")
def made(pair) -> Path:
    return pair[0]


def merges(repo: Path) -> list[dict]:
    """Every merge on main: its author and date, and its branch's commits with their authors and files."""
    out = []
    for line in git(repo, "log", "--first-parent", "--merges", "--format=%H %P").splitlines():
        merge, first, second = line.split()
        name, when = git(repo, "log", "-1", "--format=%an%x00%aI", merge).strip().split("\0")
        branch = []
        for c in git(repo, "rev-list", f"{first}..{second}").split():
            author = git(repo, "log", "-1", "--format=%an", c).strip()
            files = git(repo, "show", "--format=", "--name-only", c).split()
            branch.append((author, files))
        out.append({"author": name, "date": dt.datetime.fromisoformat(when), "branch": branch})
    return out


@pytest.mark.site
def test_each_form_is_merged_by_the_reviewer_from_its_kabids_branch_on_a_working_day(made):
    cal = work_calendar([2025, 2026])
    found = merges(made)
    assert found
    submitted: dict[str, str] = {}
    for m in found:
        assert same_person(m["author"], REVIEWER), m
        assert cal.is_workday(m["date"].astimezone(dt.timezone(dt.timedelta(hours=8))).date()), m
        assert len(m["branch"]) == 1, m  # one commit, not a fast-forward: the merge is the approval
        author, files = m["branch"][0]
        if not any("/forms/" in f for f in files):  # a Rencana Aksi, or a quarterly report with its evidence
            assert all(re.fullmatch(r"cycles/\d{4}/(?:renaksi/[a-z]+\.yaml|laporan/tw[1-4]/[a-z]+\.yaml|bukti/.+)", f)
                       for f in files), files
            continue
        assert len(files) == 1 and re.fullmatch(r"cycles/\d{4}/forms/[a-z]+\.yaml", files[0]), files
        submitted.setdefault(files[0], author)
    # every form of the example arrived this way, by the person who wrote it
    for folder in EXAMPLE.cycles:
        for form in folder.forms:
            writer = next(p.name for p in AGENCY.persons if form.author.startswith(p.name))
            assert same_person(submitted[form.at.file], writer), form.at.file
    units = {Path(f).stem for f in submitted}
    assert units == {"sekretariat", "ppik", "mpk", "psdm"}


@pytest.mark.site
def test_events_are_committed_by_their_pelaksana_and_the_rejection_gets_a_revision(made):
    seen = 0
    for line in git(made, "log", "--first-parent", "--no-merges", "--format=%H %an", "--", "cycles").splitlines():
        commit, author = line.split(" ", 1)
        added = re.findall(r"^\+\s+oleh: (\S+)", git(made, "show", "--format=", "-U0", commit, "--",
                                                      "cycles/2026/cycle.yaml", "cycles/2027/cycle.yaml"), re.M)
        for code in added:
            assert same_person(author, NAMES[code]), (commit, code, author)
            seen += 1
    assert seen == sum(len(c.cycle.events) for c in EXAMPLE.cycles)
    log = git(made, "log", "--first-parent", "--format=%aI %s", "--reverse")
    rejected = re.search(r"^(\S+) Langkah 9 [^:]*: keputusan tidak \(RKT 2026\)$", log, re.M)
    revised = re.search(r"^(\S+) Gabungkan pull request #\d+ dari cabang perbaikan-2026-psdm$", log, re.M)
    redrafted = re.search(r"^(\S+) Langkah 8 [^:]*\(RKT 2026\)$", log[rejected.end():], re.M)
    assert rejected and revised and redrafted and rejected.group(1) < revised.group(1) < redrafted.group(1)
    # the revision changed the target the Sekretaris objected to, to the Renstra's
    merge = git(made, "log", "--first-parent", "--format=%H", "--grep", "dari cabang perbaikan-2026-psdm").strip()
    change = git(made, "diff", f"{merge}^1", merge, "--", "cycles/2026/forms/psdm.yaml")
    assert re.search(r'^-\s+target: "70,50"$', change, re.M) and re.search(r'^\+\s+target: "72,00"$', change, re.M)
    # the signed scan is archived by `rkt sign`, naming a commit of this history
    signed = (made / "cycles/2026/signed/rkt-2026-v1.yaml").read_text()
    commit = re.search(r"^commit: ([0-9a-f]{40})$", signed, re.M).group(1)
    assert git(made, "cat-file", "-t", commit).strip() == "commit"


@pytest.mark.site
def test_the_cycle_pages_name_who_submitted_and_who_approved_each_form(made):
    for year in (2026, 2027):
        html = (made / f"site/siklus/{year}.html").read_text()
        folder = next(c for c in EXAMPLE.cycles if c.year == year)
        table = html[html.index("Diajukan oleh"):]
        table = table[:table.index("</table>")]
        rows = {text_of(r).strip(): r for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)}
        for form in folder.forms:
            unit = next(u for u in AGENCY.units if u.code == form.unit)
            row = next(r for text, r in rows.items() if text.startswith(unit.name + " "))
            cells = [text_of(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            writer = next(p.name for p in AGENCY.persons if form.author.startswith(p.name))
            assert "tanggal persetujuan" in cells, cells  # the date is the merge's, not a typed one
            assert any(same_person(c, writer) for c in cells), (cells, writer)
            assert any(same_person(c, REVIEWER) for c in cells), cells
    # the demo's data says so: dates from Git, no typed submission dates
    assert "tanggal_dari_git" not in (made / "cycles/2026/cycle.yaml").read_text()
    assert not re.search(r"(?m)^tanggal:", (made / "cycles/2027/forms/mpk.yaml").read_text())


@pytest.mark.site
def test_a_second_demo_has_the_same_commits_and_the_same_site(pair):
    made, other = pair
    assert git(other, "rev-list", "--all") == git(made, "rev-list", "--all")
    assert digest(other / "site") == digest(made / "site")
    assert git(other, "status", "--porcelain") == ""  # everything committed; site/ and docs/ pages ignored


@pytest.mark.site
def test_the_demo_does_not_follow_the_clock_and_stops_at_its_day(made, tmp_path):
    assert "Keadaan per 28 November 2026" in text_of((made / "site/index.html").read_text())
    earlier = tmp_path / "awal"
    proc = demo(earlier, "--today", "2025-11-20")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    last = git(earlier, "log", "-1", "--format=%aI").strip()
    assert last[:10] <= "2025-11-20"
    assert not (earlier / "cycles/2027").exists()
    assert "Keadaan per 20 November 2025" in text_of((earlier / "site/index.html").read_text())
    # SOURCE_DATE_EPOCH, as reproducible builds set it, is the demo's day too
    epoch = str(int(dt.datetime(2025, 11, 20, 12, tzinfo=dt.UTC).timestamp()))
    again = tmp_path / "epoch"
    assert demo(again, env={"SOURCE_DATE_EPOCH": epoch}).returncode == 0
    assert git(again, "rev-list", "--all") == git(earlier, "rev-list", "--all")


def test_demo_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "milik-saya.txt").write_text("jangan ditimpa")
    proc = demo(tmp_path)
    assert proc.returncode == 2 and "tidak kosong" in proc.stderr and "Traceback" not in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["milik-saya.txt"]
