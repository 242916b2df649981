"""`rkt codeowners`: .github/CODEOWNERS from the roles in agency.yaml."""

from __future__ import annotations

from pathlib import Path

from generator.check import report
from generator.check.validate import validate
from generator.commands.outcome import Outcome
from generator.source import atomic


def write_codeowners(root: Path) -> Outcome:
    from generator.check import codeowners

    result = validate(root)
    if result.repository.agency is None:
        return Outcome.failed(report.text(list(result.problems), result.files_checked) +
                              "CODEOWNERS tidak dibuat karena cycles/agency.yaml belum valid.\n", 1)
    text = codeowners.render(result.repository.agency)
    path = root / codeowners.PATH
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return Outcome.done(f"{codeowners.PATH} sudah sesuai dengan cycles/agency.yaml.\n")
    atomic.replace(path, text)
    return Outcome.done(f"{codeowners.PATH} ditulis dari cycles/agency.yaml.\n")
