"""The GitHub side, tested as far as it runs without GitHub: the workflow files (real
checkers and the security properties), CODEOWNERS and the maintainer role, reminders, and
pull requests on real git repositories run through the steps of the validate workflow."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pathspec
import pytest
from conftest import ROOT, git
from pdf import minimal_pdf
from support.workflows import BIN, actionlint

from generator.check.codeowners import MAINTAINED
from generator.source.load import load_file

WORKFLOWS = ROOT / ".github/workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))


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
    proc = actionlint(*FILES)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_an_expression_pasted_into_a_script(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo \"${{ github.event.pull_request.title }}\"\n")
    proc = actionlint(bad)
    assert proc.returncode == 1 and "bad.yml:6:" in proc.stdout and "potentially untrusted" in proc.stdout


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
    assert set(wf["jobs"]) == {"periksa", "bangun"}
    for job in wf["jobs"].values():
        assert "permissions" not in job
        checkouts = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)
        # the target branch name reaches the shell through the environment, never pasted into the script
        assert all("${{" not in s.get("run", "") for s in job["steps"])


def test_the_verdict_comes_from_the_target_branch_in_a_light_job():
    judge = workflow("validate.yml")["jobs"]["periksa"]
    checkouts = {s["with"]["path"]: s["with"] for s in judge["steps"] if s.get("uses", "").startswith("actions/checkout@")}
    assert checkouts["judge"]["ref"] == "${{ github.base_ref }}"
    assert "ref" not in checkouts["pr"] and checkouts["pr"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in judge["steps"])
    # only the validation libraries, from the target branch's hashed lock file, and the target's package
    assert "--require-hashes -r judge/requirements/validate.txt" in runs and "--no-deps" in runs
    assert "make" not in runs.split() and "pr/requirements" not in runs and "./pr" not in runs
    assert "rkt -C pr validate --format github --base \"origin/$BASE_REF\" --schemas judge/schemas" in runs


def test_the_strict_build_runs_beside_the_check_not_before_it():
    build = workflow("validate.yml")["jobs"]["bangun"]
    assert "needs" not in build
    assert any(s.get("run") == "make site" for s in build["steps"])
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in build["steps"])


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
            for command in re.findall(r"(?:^|\s|/)rkt (?:-C \S+ )?([a-z-]+)", run):
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


def owners(codeowners: str, path: str) -> list[str]:
    """The owners GitHub asks for `path`: the last matching line wins."""
    found: list[str] = []
    for line in codeowners.splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *handles = line.split()
            if pathspec.PathSpec.from_lines("gitignore", [pattern]).match_file(path):
                found = handles
    return found


MAINTAINER = ["@hendra-bkpsdm"]  # cycles/agency.yaml: role pengelola


@pytest.mark.parametrize("path", ["generator/check/validate.py", "generator/commands/sign.py", "schemas/form.schema.json",
                                  ".github/workflows/validate.yml", ".github/CODEOWNERS", "Makefile",
                                  "pyproject.toml", "requirements/lock.txt", "requirements/validate.txt",
                                  ".ci/run", "mkdocs.yml", "docs/js/isi-form.js", "docs/css/rkt.css",
                                  "docs/vendor/ajv.js",
                                  # everything outside cycles/ (issue 20): a file the list forgets is never data
                                  "tests/test_sign.py", "benchmarks/scenario.py", ".gitignore", "README.md",
                                  "docs/panduan/index.md", ".rkt-cache/exports/x.xlsx", "docs/unduh/rkt-2027.xlsx"])
def test_only_the_maintainers_may_approve_the_judge(path):
    text = (ROOT / ".github/CODEOWNERS").read_text()
    assert owners(text, path) == MAINTAINER


def test_every_maintained_path_exists():
    """A misspelt pattern would silently leave that part of the judge to the catch-all line."""
    for pattern in MAINTAINED:
        assert (ROOT / pattern.strip("/")).exists(), pattern


def test_data_files_stay_with_their_owners_and_no_maintainer_owns_data():
    text = (ROOT / ".github/CODEOWNERS").read_text()
    assert owners(text, "cycles/2027/forms/psdm.yaml") == ["@rahmadi-bkpsdm"]
    assert owners(text, "cycles/2027/cycle.yaml") == ["@rizani-bkpsdm"]
    assert owners(text, "cycles/2026/signed/rkt-2026-v1.pdf") == ["@rusmini-bkpsdm", "@ahmadfauzi-bkpsdm"]
    assert owners(text, "cycles/2027/bukti/undangan.pdf") == ["@rizani-bkpsdm"]
    data = ("cycles/agency.yaml", "cycles/sop.yaml", "cycles/2027/forms/mpk.yaml", "cycles/2027/bukti/x.pdf")
    assert not {h for path in data for h in owners(text, path)} & set(MAINTAINER)


def agency_edit(example: Path, old: str, new: str) -> None:
    path = example / "cycles/agency.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


PENGELOLA = "  - kode: pengelola\n    nama: Pengelola Repositori\n    pegawai: [pranata-komputer]\n"


def test_a_missing_maintainer_role_is_an_error(example):
    agency_edit(example, PENGELOLA, "")
    proc = rkt(example, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1
    assert re.search(r"^cycles/agency\.yaml:\d+:1: RKT024 peran 'pengelola' belum ada", proc.stdout, re.M), proc.stdout
    # the judge does not fall to the planning section's catch-all line meanwhile
    assert rkt(example, "codeowners").returncode == 0
    assert owners((example / ".github/CODEOWNERS").read_text(), "generator/cli.py") == [
        "@rusmini-bkpsdm", "@ahmadfauzi-bkpsdm"]


def test_a_maintainer_without_github_account_is_an_error(example):
    agency_edit(example, "    github: hendra-bkpsdm\n", "")
    proc = rkt(example, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1
    line = (example / "cycles/agency.yaml").read_text().splitlines().index("  - kode: pengelola") + 3
    assert f"cycles/agency.yaml:{line}:5: RKT025 tidak satu pun pegawai pada peran 'pengelola' punya akun GitHub" \
        in proc.stdout, proc.stdout


def test_a_maintainer_who_owns_data_is_an_error(example):
    agency_edit(example, "pegawai: [pranata-komputer]", "pegawai: [pranata-komputer, kabid-psdm]")
    assert rkt(example, "codeowners").returncode == 0
    proc = rkt(example, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1
    assert re.search(r"^cycles/agency\.yaml:\d+:33: RKT026 pegawai 'kabid-psdm' \(@rahmadi-bkpsdm\) juga pemilik "
                     r"berkas data", proc.stdout, re.M), proc.stdout
    assert "RKT023" not in proc.stdout and proc.stdout.count("RKT0") == 1


def test_stale_codeowners_is_reported(example):
    assert rkt(example, "codeowners").returncode == 0
    agency = example / "cycles/agency.yaml"
    agency.write_text(agency.read_text().replace("    kepala: kabid-psdm", "    kepala: staf-perencanaan-1"))
    proc = rkt(example, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1 and ".github/CODEOWNERS:1:1: RKT023" in proc.stdout
    assert rkt(example, "codeowners").returncode == 0
    assert rkt(example, "validate", "--today", "2026-11-28").returncode == 0


# --- reminders ------------------------------------------------------------

@pytest.mark.git
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


@pytest.mark.git
def test_remind_says_nothing_is_late_for_a_finished_cycle():
    proc = rkt(ROOT, "remind", "2026", "--today", "2026-11-28")
    assert "Tidak ada langkah yang terlambat." in proc.stdout


# --- pull requests, run through the steps of the validate workflow -------

@pytest.fixture
def main_repo(tmp_path: Path) -> Path:
    """A repository as the agency's: the example data and the judge on main, dates from Git."""
    from support.repos import site_copy

    repo = site_copy(tmp_path)
    cycle = repo / "cycles/2027/cycle.yaml"
    cycle.write_text(cycle.read_text().replace("tanggal_dari_git: false\n", ""))
    shutil.copytree(ROOT / "generator", repo / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "requirements", repo / "requirements")
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Data RKT", when="2026-11-10T09:00:00+08:00")
    return repo


def pr(repo: Path, branch: str, change, message: str) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, who="Operator Unit", when="2026-11-19T10:00:00+08:00")


# "today" for the check (--today is not in the workflow): 28 Nov 2026, noon WITA
TODAY_EPOCH = str(int(dt.datetime(2026, 11, 28, 4, tzinfo=dt.UTC).timestamp()))


def check(repo: Path) -> subprocess.CompletedProcess:
    """The pull request from the branch checked out in `repo` into main, judged as GitHub runs
    the `periksa` job of validate.yml: each checkout step becomes a clone (the PR as GitHub's
    merge ref), a step that installs a folder (pip or make) puts an `rkt` on PATH that runs
    that folder's generator/, and each step that runs rkt runs as written, in bash, with its
    environment. Returns the outcome of the last rkt step."""
    branch = git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()
    tree = git(repo, "merge-tree", "--write-tree", "main", branch).split()[0]
    merge = git(repo, "commit-tree", tree, "-p", "main", "-p", branch, "-m", f"Merge {branch} into main",
                when="2026-11-19T11:00:00+08:00").strip()
    git(repo, "update-ref", "refs/pull/1/merge", merge)
    work, tool = repo.parent / "runner/work", repo.parent / "runner/tool"
    work.mkdir(parents=True)
    tool.mkdir()
    env = {"PATH": f"{tool}:/usr/bin:/bin:/usr/local/bin", "HOME": str(work.parent), "SOURCE_DATE_EPOCH": TODAY_EPOCH,
           "GITHUB_STEP_SUMMARY": str(work.parent / "summary.md")}
    proc = None
    for step in workflow("validate.yml")["jobs"]["periksa"]["steps"]:
        run = step.get("run", "")
        if step.get("uses", "").startswith("actions/checkout@"):
            checkout(repo, work / step["with"].get("path", "."), step["with"])
        elif re.search(r"\b(pip|make) install\b", run):
            install(work, run, tool)
        elif re.search(r"(^|\s|/)rkt ", run):
            step_env = {k: str(v).replace("${{ github.base_ref }}", "main") for k, v in step.get("env", {}).items()}
            proc = subprocess.run(["bash", "-e", "-c", run], cwd=work, env={**env, **step_env},
                                  capture_output=True, text=True)
    assert proc is not None, "the job runs no rkt step"
    return proc


def checkout(origin: Path, dest: Path, options: dict) -> None:
    """actions/checkout: the target branch when `ref` is the base ref, else the PR's merge ref."""
    depth = options.get("fetch-depth", 1)
    clone = ["git", "clone", "-q", *(["--depth", str(depth)] if depth else []), f"file://{origin}", str(dest)]
    env = {"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(dest.parent), "GIT_CONFIG_NOSYSTEM": "1"}
    ref = options.get("ref")
    if ref is not None:
        assert ref == "${{ github.base_ref }}", ref
        subprocess.run([*clone, "--branch", "main"], check=True, env=env)
        return
    subprocess.run([*clone, "--no-checkout"], check=True, env=env)
    fetch = ["git", "-C", str(dest), "fetch", "-q", *(["--depth", str(depth)] if depth else []), "origin",
             "refs/pull/1/merge"]
    subprocess.run(fetch, check=True, env=env)
    subprocess.run(["git", "-C", str(dest), "checkout", "-q", "--detach", "FETCH_HEAD"], check=True, env=env)


def install(work: Path, run: str, tool: Path) -> None:
    """`pip install ... ./X` (or `make install` in the checkout): an `rkt` that runs X's generator/."""
    package = None
    for line in run.splitlines():
        words = shlex.split(line)
        if words[:2] == ["make", "install"]:
            package = work
        elif "pip" in words and "install" in words:
            for i, word in enumerate(words[:-1]):
                if word == "-r":  # a requirements file the step needs must be where it says
                    assert (work / words[i + 1]).is_file(), words[i + 1]
            folders = [w for w in words[words.index("install") + 1:] if w.startswith(".")]
            package = work / folders[0] if folders else package
    assert package is not None, run
    shim = f"#!/bin/sh\nPYTHONPATH='{package}' exec '{sys.executable}' -m generator \"$@\"\n"
    for folder in (tool, work / ".venv/bin"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "rkt").write_text(shim)
        (folder / "rkt").chmod(0o755)


def add_psdm(repo: Path) -> None:
    shutil.copy(ROOT / "tests/examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml",
                repo / "cycles/2027/forms/psdm.yaml")


@pytest.mark.git
@pytest.mark.site
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
    row = re.search(r"<tr><td[^>]*>Bidang Pengembangan Sumber Daya Manusia</td>(.*?)</tr>", html).group(1)
    assert "20 Nov 2026" in row and "tanggal persetujuan" in row
    assert "Operator Unit" in row and "Muhammad Rizani" in row
    assert "Terlambat 9 hari" in row  # deadline 9 Nov: 10-13 and 16-20 Nov


@pytest.mark.git
def test_a_pr_editing_an_old_event_fails_with_an_annotation(main_repo):
    def edit(repo: Path) -> None:
        path = repo / "cycles/2027/cycle.yaml"
        path.write_text(path.read_text().replace("tanggal: 2026-11-03", "tanggal: 2026-11-04"))

    pr(main_repo, "ubah-peristiwa", edit, "Ubah tanggal langkah 2")
    proc = check(main_repo)
    assert proc.returncode == 1
    assert re.search(r"^::error file=cycles/2027/cycle\.yaml,line=22,col=5,title=RKT301 [^:]*::peristiwa ke-2 "
                     r"\(langkah 2 tanggal 2026-11-03\) diubah", proc.stdout, re.M), proc.stdout


@pytest.mark.git
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


@pytest.mark.git
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


def text_budget(repo: Path) -> None:
    add_psdm(repo)
    path = repo / "cycles/2027/forms/psdm.yaml"
    path.write_text(path.read_text().replace("anggaran: 60000000", "anggaran: 60.000.000"))


def assert_text_budget_rejected(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"^::error file=cycles/2027/forms/psdm\.yaml,line=31,col=\d+,title=RKT103 ", proc.stdout,
                     re.M), proc.stdout


@pytest.mark.git
def test_a_pr_that_rewrites_the_judge_is_still_judged_by_the_target_branch(main_repo):
    def cheat(repo: Path) -> None:
        text_budget(repo)
        path = repo / "generator/check/validate.py"
        path.write_text(path.read_text().replace("        return not self.errors\n", "        return True\n"))

    pr(main_repo, "lolos-saja", cheat, "Form PSDM (dan pemeriksa yang selalu lolos)")
    assert_text_budget_rejected(check(main_repo))


@pytest.mark.git
def test_a_pr_that_loosens_the_schema_is_still_judged_by_the_target_branch(main_repo):
    def cheat(repo: Path) -> None:
        add_psdm(repo)
        form = repo / "cycles/2027/forms/psdm.yaml"
        form.write_text(form.read_text().replace("unit: psdm\n", "unit: psdm\ndisetujui: sendiri\n"))
        schema = repo / "schemas/form.schema.json"
        text = schema.read_text()
        schema.write_text(text.replace('"additionalProperties": false', '"additionalProperties": true', 1))

    pr(main_repo, "skema-longgar", cheat, "Form PSDM (dan skema yang menerima isian apa saja)")
    proc = check(main_repo)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"^::error file=cycles/2027/forms/psdm\.yaml,line=7,col=1,title=RKT102 ", proc.stdout,
                     re.M), proc.stdout
