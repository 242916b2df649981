"""End-to-end from example folders: each case overlays the example repository.

tests/examples/valid/<case>/    must validate with exit code 0;
tests/examples/invalid/<case>/  must fail with exactly the errors in expect.txt
                                ("file:line CODE" per line).
A file named `<path>.delete` removes `<path>` from the copy.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, copy_example
from support.examples import EXAMPLES, apply

from generator.check.validate import validate

VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())


@pytest.mark.git  # validates the project's own checkout: asks git what it tracks (RKT027)
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
    assert any(ln.startswith("cycles/2027/forms/ppik.yaml:16:") and "SS7" in ln for ln in lines)
    assert any(ln.startswith("cycles/2027/cycle.yaml:33:") and "masa depan" in ln for ln in lines)
    # the unreadable amount also says that the pagu could not be checked (RKT210 does not vanish silently)
    assert ("cycles/2027/forms/psdm.yaml:31:13: RKT210 (peringatan) jumlah anggaran form belum dapat dihitung"
            in proc.stdout)
    assert lines[-1].startswith("3 kesalahan dan 1 peringatan di 3 berkas")
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
    from generator.commands import validate as validate_command

    def broken(*args, **kwargs):
        raise RuntimeError("contoh kerusakan")

    monkeypatch.setattr(validate_command, "validate", broken)
    monkeypatch.delenv("RKT_DEBUG", raising=False)
    assert cli.main(["-C", str(ROOT), "validate"]) == 3
    err = capsys.readouterr().err
    assert "kesalahan internal" in err and "Traceback" not in err


# --- numbers of any size never reach an internal error -------------------------------

def run_in_process(capsys, repo: Path, *args: str) -> tuple[int, str]:
    """The CLI as a user runs it, in this process (no interpreter start-up per call)."""
    from generator import cli

    code = cli.main(["-C", str(repo), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("case, code", [("angka-sangat-besar", "RKT105"), ("angka-5000-digit", "RKT011")])
def test_huge_numbers_give_a_line_in_every_output_and_command(case, code, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RKT_DEBUG", raising=False)
    repo = copy_example(tmp_path / "repo")
    apply(EXAMPLES / "invalid" / case, repo)
    for args in (("validate",), ("validate", "--format", "json"), ("validate", "--format", "github"),
                 ("status",), ("build",)):
        status, out = run_in_process(capsys, repo, *args, "--today", "2026-11-28")
        assert status == 1, (args, out)
        assert "kesalahan internal" not in out and "Traceback" not in out, args
        assert "psdm.yaml:31:" in out or "psdm.yaml,line=31," in out or '"line": 31,' in out, (args, out)
        assert code in out, args
        if "json" in args:
            assert json.loads(out)["errors"] >= 1
    _, out = run_in_process(capsys, repo, "validate", "--today", "2026-11-28")
    assert max(len(line) for line in out.splitlines()) < 400  # the number is shortened, not echoed


# --- nothing in the data or in a file name acts on the terminal --------------------------

def test_escape_sequences_in_file_names_and_values_are_shown_not_obeyed(tmp_path, capsys):
    repo = copy_example(tmp_path / "repo")
    (repo / "cycles" / "\x1b[2J\x1b[31mmerah.yaml").write_text("a: 1\n")
    (repo / "cycles" / "2027" / "forms" / "x\x1b]0;judul\x07\u202e.yaml").write_text("a: 1\n")
    form = repo / "cycles/2027/forms/ppik.yaml"
    form.write_text(form.read_text().replace("unit: ppik", 'unit: "ppik\\e[8m"', 1))
    proc = run_cli(repo, "validate", "--today", "2026-11-28")  # once exactly as a user's terminal gets it
    outputs = [(("validate",), proc.returncode, proc.stdout + proc.stderr)]
    for args in (("validate", "--format", "github"), ("validate", "--format", "json"), ("status",)):
        outputs.append((args, *run_in_process(capsys, repo, *args, "--today", "2026-11-28")))
    for args, status, out in outputs:
        assert status == 1, args
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, args
        assert "\\x1b[2J\\x1b[31mmerah.yaml" in out.replace("\\\\", "\\"), args
        assert "RKT003" in out and "RKT021" in out, args


def test_the_reporter_writes_out_every_control_character_in_every_format():
    from generator.check import report
    from generator.core.problems import Problem

    nasty = "a\x1b[31mb\x9b2Jc\u202ed\u2066e\x00f\rg\nh\u2028i\x7fj\u200bk\U000e0041"
    problems = [Problem(f"cycles/{nasty}.yaml", "RKT021", f"pesan {nasty}", line=1, col=1)]
    outputs = [report.text(problems, 1), report.github(problems, 1), report.markdown(problems, 1),
               report.as_json(problems, 1)]
    for out in outputs:
        body = out.replace("\n", "")
        assert not [c for c in body if c in nasty and not c.isalnum() and c not in "[]"], repr(out)
    assert len(report.text(problems, 1).splitlines()) == 2  # one problem, one line; then the summary
    assert "a\\x1b[31mb\\x9b2Jc\\u202ed" in report.text(problems, 1)


# --- symbolic links under cycles/ ----------------------------------------------------

def test_symlinks_under_cycles_are_refused_and_never_followed(tmp_path):
    repo = copy_example(tmp_path / "repo")
    outside = tmp_path / "luar"
    (outside / "2028").mkdir(parents=True)
    (outside / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (outside / "2028" / "cycle.yaml").write_text("tahun: [rahasia\n")
    (repo / "cycles/2027/forms/psdm.yaml").symlink_to(outside / "passwd")
    (repo / "cycles/2028").symlink_to(outside / "2028", target_is_directory=True)
    scan = repo / "cycles/2026/signed/rkt-2026-v1.pdf"
    (outside / "scan.pdf").write_bytes(scan.read_bytes())
    scan.unlink()
    scan.symlink_to(outside / "scan.pdf")  # identical bytes: only a followed link would verify
    result = validate(repo, today=TODAY)
    found = sorted((p.file, p.line, p.code) for p in result.problems if p.is_error)
    assert ("cycles/2027/forms/psdm.yaml", 1, "RKT012") in found
    assert ("cycles/2028", 1, "RKT012") in found
    assert ("cycles/2026/signed/rkt-2026-v1.pdf", 1, "RKT012") in found
    # the linked scan does not count as the scan, even though its bytes are the signed ones
    assert any(f[0] == "cycles/2026/signed/rkt-2026-v1.yaml" and f[2] == "RKT211" for f in found)
    assert not [f for f in found if f[0].startswith("cycles/2028/")]
    assert all("root" not in p.message and "rahasia" not in p.message for p in result.problems)


# --- charts: a `$` is a dollar sign, not mathtext -----------------------------------------

@pytest.mark.parametrize("label", ["Bidang $x^2$ & $$", "Rp $", "$x$"])
def test_dollar_signs_in_chart_text_are_drawn_as_written(label):
    from generator.site import timeline as chart_timeline
    from generator.site import trendcharts as trends

    svg = trends.target_trend(trends.TargetTrendSpec(years=(2026, 2027), series=(("SS1.1", label, (1.0, 2.0)),)))
    assert "Oblique" not in svg  # mathtext would set x in italic
    assert svg.count("<use xlink:href=") > 0
    # the timeline writes its text as text: the label as typed, escaped, title and step alike
    timeline = chart_timeline.timeline(chart_timeline.TimelineSpec(title=label, today=None, rows=(
        chart_timeline.TimelineRow(label, "2026-11-02", "2026-11-06", None, None, "belum"),)))
    assert timeline.count(f">{html.escape(label, quote=False)}</text>") == 2
    assert timeline.count(f"<title>{html.escape(label, quote=False)}</title>") == 1
    plain = trends.target_trend(trends.TargetTrendSpec(years=(2026, 2027), series=(
        ("SS1.1", label.replace("$", "S"), (1.0, 2.0)),)))
    assert plain.count("<use xlink:href=") == svg.count("<use xlink:href=")  # every `$` drawn, as an S would be
