"""Turning problems into text for people, for GitHub, and for machines."""

from __future__ import annotations

import json
from typing import Iterable, Sequence

from .problems import CODES, Problem


def _counts(problems: Sequence[Problem]) -> tuple[int, int, int]:
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors, len({p.file for p in problems})


def summary(problems: Sequence[Problem], files_checked: int) -> str:
    errors, warnings, files = _counts(problems)
    if not problems:
        return f"Semua data valid: {files_checked} berkas diperiksa, tidak ada masalah."
    parts = []
    if errors:
        parts.append(f"{errors} kesalahan")
    if warnings:
        parts.append(f"{warnings} peringatan")
    verdict = "Perbaiki kesalahan di atas, lalu jalankan lagi." if errors else "Tidak ada kesalahan."
    return f"{' dan '.join(parts)} di {files} berkas ({files_checked} berkas diperiksa). {verdict}"


def line(p: Problem) -> str:
    tag = "" if p.is_error else "(peringatan) "
    return f"{p.file}:{p.line}:{p.col}: {p.code} {tag}{p.message}"


def text(problems: Sequence[Problem], files_checked: int) -> str:
    return "".join(line(p) + "\n" for p in problems) + summary(problems, files_checked) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(problems: Sequence[Problem], files_checked: int, changed: Iterable[str] = ()) -> str:
    """Workflow-command annotations, problems of the changed files first.

    GitHub shows only the first ten annotations of each kind per step, so the
    ones on the files a pull request touches must come first.
    """
    changed = set(changed)
    ordered = sorted(problems, key=lambda p: (p.file not in changed, not p.is_error))
    out = []
    for p in ordered:
        level = "error" if p.is_error else "warning"
        out.append(f"::{level} file={_escape_property(p.file)},line={p.line},col={p.col},"
                   f"title={_escape_property(p.code + ' ' + CODES.get(p.code, ''))}::{_escape_data(p.message)}")
    out.append(summary(problems, files_checked))
    return "\n".join(out) + "\n"


def _md_cell(s: str) -> str:
    # the summary is Markdown: user text must stay literal text
    for ch in "\\`*_{}[]<>()#+!|~":
        s = s.replace(ch, "\\" + ch)
    return s.replace("\r", " ").replace("\n", " ")


def markdown(problems: Sequence[Problem], files_checked: int) -> str:
    """The full report for $GITHUB_STEP_SUMMARY."""
    head = "## Hasil pemeriksaan data RKT\n\n" + _md_cell(summary(problems, files_checked)) + "\n"
    if not problems:
        return head
    rows = ["| Berkas | Baris | Kode | Jenis | Pesan |", "|---|---|---|---|---|"]
    for p in problems:
        kind = "kesalahan" if p.is_error else "peringatan"
        rows.append(f"| {_md_cell(p.file)} | {p.line}:{p.col} | {p.code} | {kind} | {_md_cell(p.message)} |")
    return head + "\n" + "\n".join(rows) + "\n"


def as_json(problems: Sequence[Problem], files_checked: int) -> str:
    errors, warnings, _ = _counts(problems)
    return json.dumps({
        "ok": errors == 0,
        "files_checked": files_checked,
        "errors": errors,
        "warnings": warnings,
        "problems": [
            {"file": p.file, "line": p.line, "col": p.col, "code": p.code, "severity": p.severity,
             "title": CODES.get(p.code, ""), "message": p.message}
            for p in problems
        ],
    }, ensure_ascii=False, indent=2) + "\n"
