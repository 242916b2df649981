"""End-to-end from example folders: each case overlays the example repository.

tests/examples/valid/<case>/    must validate with exit code 0;
tests/examples/invalid/<case>/  must fail with exactly the errors in expect.txt
                                ("file:line CODE" per line).
A file named `<path>.delete` removes `<path>` from the copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, copy_example
from generator.validate import validate

EXAMPLES = Path(__file__).resolve().parent / "examples"
VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())
META = {"expect.txt", "README.md"}


def apply(case: Path, repo: Path) -> None:
    for src in sorted(case.rglob("*")):
        rel = src.relative_to(case).as_posix()
        if src.is_dir() or rel in META:
            continue
        if rel.endswith(".delete"):
            (repo / rel[:-len(".delete")]).unlink()
            continue
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, repo / rel)


def test_the_example_repository_is_valid():
    result = validate(ROOT, today=TODAY)
    assert result.problems == ()
    assert result.files_checked >= 15


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_case_passes(case, tmp_path):
    repo = copy_example(tmp_path / "repo")
    apply(case, repo)
    result = validate(repo, today=TODAY)
    assert [p for p in result.problems if p.is_error] == []


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_fails_with_the_expected_errors(case, tmp_path):
    repo = copy_example(tmp_path / "repo")
    apply(case, repo)
    result = validate(repo, today=TODAY)
    found = sorted(f"{p.file}:{p.line} {p.code}" for p in result.problems if p.is_error)
    expected = sorted(line for line in (case / "expect.txt").read_text().splitlines() if line.strip())
    assert found == expected


def run_cli(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT)


def test_cli_reports_every_problem_of_every_file_and_exits_1(tmp_path):
    repo = copy_example(tmp_path / "repo")
    apply(EXAMPLES / "invalid" / "banyak-berkas-rusak", repo)
    proc = run_cli(repo, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert "cycles/2027/forms/psdm.yaml:31:13: RKT103 Anggaran (Rp) harus berupa bilangan bulat" in proc.stdout
    assert any(l.startswith("cycles/2027/forms/ppik.yaml:16:") and "SS7" in l for l in lines)
    assert any(l.startswith("cycles/2027/cycle.yaml:33:") and "masa depan" in l for l in lines)
    assert lines[-1].startswith("3 kesalahan di 3 berkas")
    assert "Traceback" not in proc.stdout + proc.stderr


def test_cli_clean_repository_exits_0():
    proc = run_cli(ROOT, "validate", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("Semua data valid")


def test_cli_usage_errors_exit_2_in_indonesian(tmp_path):
    proc = run_cli(ROOT, "validate", "--format", "xml")
    assert proc.returncode == 2
    assert "kesalahan" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli(ROOT, "validate", "--today", "28-11-2026")
    assert proc.returncode == 2 and "TTTT-BB-HH" in proc.stderr
    proc = run_cli(tmp_path, "validate")
    assert proc.returncode == 2 and "bukan repositori RKT" in proc.stderr


def test_json_format_is_machine_readable(tmp_path):
    repo = copy_example(tmp_path / "repo")
    apply(EXAMPLES / "invalid" / "rupiah-dengan-titik", repo)
    proc = run_cli(repo, "validate", "--format", "json", "--today", "2026-11-28")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["ok"] is False and data["errors"] == 1
    assert data["problems"][0] | {"message": ""} == {
        "file": "cycles/2027/forms/psdm.yaml", "line": 31, "col": 13, "code": "RKT103",
        "severity": "error", "title": "jenis nilai salah", "message": ""}
    assert "60000000" in data["problems"][0]["message"]


def test_missing_schema_header_is_only_a_warning(tmp_path):
    repo = copy_example(tmp_path / "repo")
    path = repo / "cycles/2027/forms/ppik.yaml"
    path.write_text(path.read_text().split("\n", 1)[1])
    result = validate(repo, today=TODAY)
    assert result.ok
    assert [(p.file, p.code, p.severity) for p in result.problems] == [
        ("cycles/2027/forms/ppik.yaml", "RKT022", "warning")]
    assert "$schema=../../../schemas/form.schema.json" in result.problems[0].message


def test_today_defaults_to_source_date_epoch(tmp_path):
    import os
    env = dict(os.environ, SOURCE_DATE_EPOCH="1762000000")  # 2025-11-01 in WITA
    proc = run_cli(ROOT, "validate", env=env)
    assert proc.returncode == 1
    assert "hari ini 2025-11-01" in proc.stdout


def test_a_bug_in_rkt_is_reported_without_traceback(monkeypatch, capsys):
    from generator import cli

    def broken(*args, **kwargs):
        raise RuntimeError("contoh kerusakan")

    monkeypatch.setattr(cli, "validate", broken)
    monkeypatch.delenv("RKT_DEBUG", raising=False)
    assert cli.main(["-C", str(ROOT), "validate"]) == 3
    err = capsys.readouterr().err
    assert "kesalahan internal" in err and "Traceback" not in err
