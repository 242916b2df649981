"""The GitHub side, tested as far as it runs without GitHub: the workflow files (a real
checker and the security properties), CODEOWNERS, reminders, and pull requests on real
git repositories exactly as the validate workflow checks them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, git
from generator.load import load_file
from pdf import minimal_pdf

WORKFLOWS = ROOT / ".github/workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict:
    doc = load_file(WORKFLOWS / name, name).document  # the strict loader: "on" stays "on"
    assert doc is not None
    return doc.data


def rkt(repo: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args], capture_output=True,
                          text=True, cwd=ROOT, **kw)


# --- workflow files -------------------------------------------------------

def test_workflows_match_the_github_workflow_schema():
    proc = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, FILES)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_pass_actionlint():
    exe = shutil.which("actionlint") or (str(BIN / "actionlint") if (BIN / "actionlint").exists() else None)
    if exe is None:
        pytest.skip("actionlint is not installed (no trustworthy package for it in the reachable registries)")
    proc = subprocess.run([exe, *map(str, FILES)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_every_action_is_pinned_to_a_full_commit_with_its_version():
    for path in FILES:
        for line in path.read_text().splitlines():
            m = re.search(r"uses:\s*(\S+)", line)
            if m:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", m.group(1)), (path.name, line)
                assert re.search(r"# v\d+\.\d+\.\d+$", line), (path.name, line)


def test_validate_runs_on_pull_request_only_with_read_permission():
    wf = workflow("validate.yml")
    assert set(wf["on"]) == {"pull_request"}
    assert wf["permissions"] == {"contents": "read"}
    job = wf["jobs"]["periksa"]
    assert "permissions" not in job
    steps = job["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0 and steps[0]["with"]["persist-credentials"] is False
    runs = [s.get("run", "") for s in steps]
    assert any("rkt validate --format github --base" in r for r in runs)
    assert any(r == "make site" for r in runs)
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)
    # the target branch name reaches the shell through the environment, never pasted into the script
    assert all("${{" not in r for r in runs)


def test_no_workflow_uses_pull_request_target():
    for path in FILES:
        assert "pull_request_target" not in path.read_text(), path.name


def test_publish_only_the_deploy_job_may_write_pages():
    wf = workflow("publish.yml")
    assert set(wf["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert wf["on"]["push"] == {"branches": ["main"]}
    cron = wf["on"]["schedule"][0]["cron"]
    minute, hour = (int(x) for x in cron.split()[:2])
    assert 5 <= (hour + 8) % 24 <= 7, "early morning WITA"
    assert wf["permissions"] == {}
    assert wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False
    build, deploy = wf["jobs"]["bangun"], wf["jobs"]["terbitkan"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"] == "bangun"
    assert any("rkt build --today" in s.get("run", "") and "Asia/Makassar" in s.get("run", "")
               for s in build["steps"])
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_reminders_only_the_posting_job_may_write_issues():
    wf = workflow("reminders.yml")
    assert wf["permissions"] == {}
    compose, post = wf["jobs"]["susun"], wf["jobs"]["kirim"]
    assert compose["permissions"] == {"contents": "read"}
    assert post["permissions"] == {"issues": "write"}
    assert any("rkt remind --format json" in s.get("run", "") for s in compose["steps"])
    script = post["steps"][0]["with"]["script"]
    assert "process.env.PENGINGAT" in script and "${{" not in script


def test_workflow_commands_exist():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.M))
    help_text = rkt(ROOT, "--help").stdout
    for path in FILES:
        for run in re.findall(r"run: (.*)", path.read_text()):
            for target in re.findall(r"\bmake ([a-z-]+)", run):
                assert target in targets, (path.name, run)
            for command in re.findall(r"\.venv/bin/rkt ([a-z-]+)", run):
                assert command in help_text, (path.name, run)


def test_pull_request_template_is_indonesian():
    text = (ROOT / ".github/pull_request_template.md").read_text()
    assert "Sebelum menyetujui" in text and "Merge pull request" in text


# --- CODEOWNERS -----------------------------------------------------------

def test_codeowners_is_generated_from_agency_yaml(example):
    assert rkt(example, "codeowners").returncode == 0
    text = (example / ".github/CODEOWNERS").read_text()
    assert "/cycles/*/forms/psdm.yaml" in text and "@rahmadi-bkpsdm" in text
    assert re.search(r"^/cycles/\*/signed/\s+@rusmini-bkpsdm @ahmadfauzi-bkpsdm$", text, re.M)
    assert text == (ROOT / ".github/CODEOWNERS").read_text()  # the committed one is current


def test_stale_codeowners_is_reported(example):
    assert rkt(example, "codeowners").returncode == 0
    agency = example / "cycles/agency.yaml"
    agency.write_text(agency.read_text().replace("    kepala: kabid-psdm", "    kepala: staf-perencanaan-1"))
    proc = rkt(example, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1 and ".github/CODEOWNERS:1:1: RKT023" in proc.stdout
    assert rkt(example, "codeowners").returncode == 0
    assert rkt(example, "validate", "--today", "2026-11-28").returncode == 0


# --- reminders ------------------------------------------------------------

def test_remind_names_the_late_step_and_the_missing_unit():
    proc = rkt(ROOT, "remind", "2027", "--today", "2026-11-28")
    assert proc.returncode == 0
    assert proc.stdout.startswith("# Peringatan: Tepat Waktu — RKT 2027")
    assert "Langkah 4 (Pengisian Form)" in proc.stdout and "terlambat 14 hari kerja" in proc.stdout
    assert "Bidang Pengembangan Sumber Daya Manusia — Rahmadi, S.Pd., M.Pd. (@rahmadi-bkpsdm)" in proc.stdout
    import json
    items = json.loads(rkt(ROOT, "remind", "--format", "json", "--today", "2026-11-28").stdout)
    assert [(i["tahun"], i["terlambat"], i["penerima"]) for i in items] == [(2027, True, ["rahmadi-bkpsdm"])]
    assert items[0]["judul"] == "Peringatan: Tepat Waktu — RKT 2027"


def test_remind_says_nothing_is_late_for_a_finished_cycle():
    proc = rkt(ROOT, "remind", "2026", "--today", "2026-11-28")
    assert "Tidak ada langkah yang terlambat." in proc.stdout


# --- pull requests, as the validate workflow runs them --------------------

@pytest.fixture
def main_repo(tmp_path: Path) -> Path:
    """A repository as the agency's: the example data on main, dates from Git."""
    from test_build import site_copy

    repo = site_copy(tmp_path)
    cycle = repo / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text().replace("tanggal_dari_git: false\n", ""))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data RKT", when="2026-11-10T09:00:00+08:00")
    return repo


def pr(repo: Path, branch: str, change, message: str) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, who="Operator Unit", when="2026-11-19T10:00:00+08:00")


def check(repo: Path) -> subprocess.CompletedProcess:
    return rkt(repo, "validate", "--format", "github", "--base", "main", "--today", "2026-11-28")


def add_psdm(repo: Path) -> None:
    shutil.copy(ROOT / "tests/examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml",
                repo / "cycles/2027/forms/psdm.yaml")


def test_a_form_pr_passes_and_its_merge_date_shows_on_the_site(main_repo):
    pr(main_repo, "form-psdm", add_psdm, "Form RKT 2027 Bidang PSDM")
    proc = check(main_repo)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("Semua data valid")
    git(main_repo, "checkout", "-q", "main")
    git(main_repo, "merge", "-q", "--no-ff", "-m", "Merge form PSDM", "form-psdm", who="Muhammad Rizani",
        when="2026-11-20T14:30:00+08:00")
    assert rkt(main_repo, "build", "--today", "2026-11-28").returncode == 0
    html = (main_repo / "site/siklus/2027.html").read_text()
    row = re.search(r"<tr><td>Bidang Pengembangan Sumber Daya Manusia</td>(.*?)</tr>", html).group(1)
    assert "20 Nov 2026" in row and "merge di Git" in row
    assert "Operator Unit" in row and "Muhammad Rizani" in row
    assert "Terlambat 9 hari" in row  # deadline 9 Nov: 10-13 and 16-20 Nov


def test_a_pr_editing_an_old_event_fails_with_an_annotation(main_repo):
    def edit(repo: Path) -> None:
        path = repo / "cycles/2027/cycle.yaml"
        path.write_text(path.read_text().replace("tanggal: 2026-11-03", "tanggal: 2026-11-04"))

    pr(main_repo, "ubah-peristiwa", edit, "Ubah tanggal langkah 2")
    proc = check(main_repo)
    assert proc.returncode == 1
    assert re.search(r"^::error file=cycles/2027/cycle\.yaml,line=22,col=5,title=RKT301 [^:]*::peristiwa ke-2 "
                     r"\(langkah 2 tanggal 2026-11-03\) diubah", proc.stdout, re.M), proc.stdout


def test_a_pr_replacing_a_signed_scan_fails(main_repo):
    def replace(repo: Path) -> None:
        (repo / "cycles/2026/signed/rkt-2026-v1.pdf").write_bytes(minimal_pdf(["LAIN"]))

    pr(main_repo, "ganti-scan", replace, "Ganti pindaian")
    proc = check(main_repo)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::error file=cycles/2026/signed/rkt-2026-v1.pdf,line=1,col=1,title=RKT302")
    assert any(ln.startswith("::error file=cycles/2026/signed/rkt-2026-v1.yaml,line=14,") and "RKT212" in ln
               for ln in lines)


def test_a_pr_adding_a_form_with_a_hazard_fails_at_the_line(main_repo):
    def hazard(repo: Path) -> None:
        add_psdm(repo)
        path = repo / "cycles/2027/forms/psdm.yaml"
        path.write_text(path.read_text().replace("unit: psdm\n", "unit: psdm\nunit: mpk\n")
                        .replace("anggaran: 60000000", "anggaran: 60.000.000"))

    pr(main_repo, "form-rusak", hazard, "Form PSDM")
    proc = check(main_repo)
    assert proc.returncode == 1
    assert re.search(r"^::error file=cycles/2027/forms/psdm\.yaml,line=7,col=1,title=RKT005 [^:]*::kunci 'unit' "
                     r"ditulis dua kali", proc.stdout, re.M), proc.stdout
