"""`rkt demo FOLDER`: the example as a Git history of merged pull requests, and its site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import report
from generator.commands.outcome import Outcome
from generator.commands.preconditions import new_folder_refusal
from generator.commands.sign import sign
from generator.core import fmt


def signer(root: Path, year: int, scan: Path, date: dt.date, role: str, note: str | None,
           today: dt.date) -> str | None:
    """`rkt sign` as the demo runs it (it signs as a user would): None when signed, else what it said."""
    outcome = sign(root, year, scan, date, role, note, today)
    return outcome.text if outcome.code else None


def demo(target: Path, today: dt.date | None, engine: str) -> Outcome:
    from generator.plan.derive import BuildError
    from generator.scaffold import demo as replay
    from generator.site.build import build
    from generator.site.engines import engine_missing
    from generator.site.publish import SiteRefused

    refused = new_folder_refusal(target, "rkt demo") or (f"rkt: {engine_missing(engine)}\n"
                                                         if engine_missing(engine) else None)
    if refused:
        return Outcome.failed(refused, 2)
    try:
        made = replay.create(target, signer, today)
    except replay.DemoError as exc:
        return Outcome.failed(f"rkt: {exc}\nRepositori contoh di {target} tidak selesai dibuat; laporkan ke "
                              f"pengelola rkt.\n", 3)
    try:
        rep = build(target, today=made.today, site=target / replay.SITE, engine=engine)
    except SiteRefused as exc:
        return Outcome.failed(f"rkt: kesalahan: {exc}\n", 2)
    except BuildError as exc:
        return Outcome.failed(f"rkt: {exc}\n", 3)
    if not rep.ok:  # the demo's data is the checked example: a failure here is a bug of ours
        assert rep.result is not None
        return Outcome.failed(report.text(list(rep.result.problems), rep.result.files_checked) +
                              f"rkt: repositori contoh di {target} tidak lolos pemeriksaan; laporkan ke pengelola "
                              f"rkt.\n", 3)
    if rep.unsafe:
        return Outcome.failed("".join(f"rkt: tidak aman: {f}\n" for f in rep.unsafe) +
                              "rkt: situs contoh tidak diterbitkan\n", 3)
    assert rep.site is not None
    return Outcome.done(
        f"Repositori contoh dibuat di {target}: {made.commits} commit, {made.pull_requests} pull request "
        f"digabung oleh peninjau (lihat: git -C {target} log --graph --oneline).\n"
        f"Dasbor contoh untuk {fmt.date_id(made.today)}: {(rep.site / 'index.html').resolve()}\n")
