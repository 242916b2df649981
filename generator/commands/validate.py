"""`rkt validate`: the verdict on the data, as text, JSON, or GitHub annotations (with the
job's step summary in Markdown when GitHub Actions asks for one).

Light on purpose: the pull-request check installs only what validation needs."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generator.check import report
from generator.check.validate import validate
from generator.commands.guard import stopped
from generator.commands.outcome import Outcome
from generator.source.gitrepo import changed_files


def validate_data(root: Path, today: dt.date | None, base: str | None, schemas: Path | None,
                  fmt_name: str) -> Outcome:
    result = validate(root, today=today, base=base, schemas_dir=schemas)
    problems = list(result.problems)
    code = 0 if result.ok else 1
    if fmt_name == "json":
        return Outcome(report.as_json(problems, result.files_checked), code=code)
    if fmt_name != "github":
        return Outcome(report.text(problems, result.files_checked), code=code)
    changed = changed_files(root, base) if base else set()
    text = report.github(problems, result.files_checked, changed)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(report.markdown(problems, result.files_checked))
        except OSError as exc:  # the annotations are printed even when the summary cannot be written
            failure = stopped(exc)
            return Outcome(text, failure.err, failure.code)
    return Outcome(text, code=code)
