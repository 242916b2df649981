"""The demo's performance year: each unit's Rencana Aksi and each quarterly report of the
example as a pull request of the unit's writer, merged by the planning reviewer on the day the
example dates it (so a report the example hands in late is merged late), with the evidence it
cites; a report the example revised is first merged as it was and then corrected by a second
pull request that adds its `perubahan` entry."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.core.model import Agency, CycleFolder
from generator.core.year import QUARTER_NAMES, QuarterReport
from generator.scaffold.demo_steps import Change, Commit, DemoError, PullRequest, Step, Who
from generator.scaffold.demo_texts import without_date

# The correction the demo plays, per report: (year, quarter, unit) -> (indicator, the value first
# reported, as YAML text). The example's file holds the corrected value and its `perubahan` entry.
REPORT_REVISIONS = {(2026, 1, "ppik"): ("SS3.2", '"90%"')}


@dataclass(frozen=True)
class YearPlanning:
    """What the performance year's steps need from the demo's planning."""

    agency: Agency
    on_or_after: Callable[[dt.date], dt.date]  # the working day a change lands on
    at: Callable[[dt.date, str], dt.datetime]  # the clock
    numbers: Callable[[], int]  # the next pull request number
    read: Callable[[str], bytes]  # a file of the example
    author: Callable[[str | None, str], Who]  # who wrote a unit's file (its `penyusun`, else the head)
    reviewer: Who


def cited(folder: CycleFolder) -> set[str]:
    """The evidence files the reports cite (they travel with their report, not with the opening)."""
    return {f"{folder.folder}/{e}" for r in folder.year_files.reports for x in r.realisations for e in x.evidence}


def year_steps(p: YearPlanning, folder: CycleFolder) -> list[Step]:
    steps: list[Step] = []
    for plan in sorted(folder.year_files.plans, key=lambda x: (x.filled_on or dt.date(folder.year, 1, 2), x.unit)):
        day = p.on_or_after(plan.filled_on or dt.date(folder.year, 1, 2))
        text = without_date(p.read(plan.at.file).decode("utf-8"))
        steps.append(_pull(p, f"renaksi-{folder.year}-{plan.unit}", day, p.author(plan.author, plan.unit),
                           f"Rencana Aksi {folder.year} {_label(p.agency, plan.unit)}",
                           (Change(plan.at.file, text.encode("utf-8")),)))
    for report in sorted(folder.year_files.reports, key=lambda r: (r.filled_on or dt.date.max, r.quarter, r.unit)):
        steps += _report_steps(p, folder, report)
    return steps


def _report_steps(p: YearPlanning, folder: CycleFolder, report: QuarterReport) -> list[Step]:
    rel = report.at.file
    if report.filled_on is None:
        raise DemoError(f"{rel}: laporan contoh tanpa 'tanggal'; tanggal pengajuannya tidak diketahui")
    final = without_date(p.read(rel).decode("utf-8"))
    evidence = tuple(Change(path, p.read(path)) for path in sorted(
        {f"{folder.folder}/{e}" for x in report.realisations for e in x.evidence}))
    author = p.author(report.author, report.unit)
    title = f"Laporan {QUARTER_NAMES[report.quarter]} {report.year} {_label(p.agency, report.unit)}"
    branch = f"laporan-{report.year}-tw{report.quarter}-{report.unit}"
    revision = REPORT_REVISIONS.get((report.year, report.quarter, report.unit))
    if not report.revisions:
        return [_pull(p, branch, p.on_or_after(report.filled_on), author, title,
                      (Change(rel, final.encode("utf-8")), *evidence))]
    if revision is None:
        raise DemoError(f"{rel}: laporan contoh dengan 'perubahan' tanpa nilai semula di demo (REPORT_REVISIONS)")
    first = _with_value(_without_revisions(final, rel), revision[0], revision[1], rel)
    fixed = report.revisions[-1]
    return [_pull(p, branch, p.on_or_after(report.filled_on), author, title,
                  (Change(rel, first.encode("utf-8")), *evidence)),
            _pull(p, f"perbaikan-{branch}", p.on_or_after(fixed.date), author,
                  f"Perbaikan {title}: {fixed.reason}", (Change(rel, final.encode("utf-8")),))]


def _pull(p: YearPlanning, branch: str, day: dt.date, author: Who, message: str,
          changes: tuple[Change, ...]) -> PullRequest:
    return PullRequest(p.numbers(), branch, Commit(p.at(day, "form"), author, message, changes),
                       p.at(day, "merge"), p.reviewer)


def _label(agency: Agency, unit: str) -> str:
    u = agency.unit(unit)
    return u.short if u else unit


def _without_revisions(text: str, where: str) -> str:
    """The report before its first correction: without the `perubahan` section (and the comment
    lines right above it)."""
    m = re.search(r"(?m)(?:^#[^\n]*\n)*^perubahan:", text)
    if m is None:
        raise DemoError(f"{where}: bagian 'perubahan' tidak ditemukan")
    return text[:m.start()].rstrip("\n") + "\n"


def _with_value(text: str, indicator: str, value: str, where: str) -> str:
    """The report with `indicator`'s realisation set to `value` (YAML text)."""
    pattern = rf"(?m)(^\s*- kode: {re.escape(indicator)}\n\s*realisasi: )[^\n]*"
    changed, n = re.subn(pattern, lambda m: m.group(1) + value, text, count=1)
    if n != 1:
        raise DemoError(f"{where}: realisasi {indicator} tidak ditemukan")
    return changed

