"""Turning problems into text for people, for GitHub, and for machines.

Every text that reaches a terminal, a GitHub log or a JSON reader goes through
`visible` here: messages echo what users wrote (a key, a value, a file name), and
an escape sequence or bidi control in one must show as text, never act.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from generator.core.problems import CODES, Problem

# C0 controls but tab (LF too: one problem, one line), DEL and C1 (ESC and the 8-bit
# CSI start terminal sequences), soft hyphen, Arabic letter mark, Mongolian vowel
# separator, zero-width and bidi marks, line/paragraph separators, bidi embeddings
# and isolates, invisible operators, BOM, interlinear annotations, tag characters.
_OTHER_INVISIBLE = ("\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                    "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f")
_INVISIBLE = re.compile(f"[\x00-\x08\x0a-\x1f{_OTHER_INVISIBLE}]")
_INVISIBLE_KEEP_LF = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER_INVISIBLE}]")


def _shown(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control, bidi and invisible character written out as `\\x1b`/`\\u202e`.

    With `lines`, LF stays a line break (for multi-line reports built by rkt itself)."""
    return (_INVISIBLE_KEEP_LF if lines else _INVISIBLE).sub(_shown, text)


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
    return f"{visible(p.file)}:{p.line}:{p.col}: {p.code} {tag}{visible(p.message)}"


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
        out.append(f"::{level} file={_escape_property(visible(p.file))},line={p.line},col={p.col},"
                   f"title={_escape_property(p.code + ' ' + CODES.get(p.code, ''))}::"
                   f"{_escape_data(visible(p.message))}")
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
        rows.append(f"| {_md_cell(visible(p.file))} | {p.line}:{p.col} | {p.code} | {kind} | "
                    f"{_md_cell(visible(p.message))} |")
    return head + "\n" + "\n".join(rows) + "\n"


def as_json(problems: Sequence[Problem], files_checked: int) -> str:
    errors, warnings, _ = _counts(problems)
    return json.dumps({
        "ok": errors == 0,
        "files_checked": files_checked,
        "errors": errors,
        "warnings": warnings,
        "problems": [
            {"file": visible(p.file), "line": p.line, "col": p.col, "code": p.code, "severity": p.severity,
             "title": CODES.get(p.code, ""), "message": visible(p.message)}
            for p in problems
        ],
    }, ensure_ascii=False, indent=2) + "\n"
