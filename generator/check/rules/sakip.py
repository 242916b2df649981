"""Rules on the SAKIP stages after a performance year: `kalender_sakip` of agency.yaml names roles
that exist, and each cycles/<year>/sakip.yaml records its stages by known people, on days that
have happened after the year ended, with evidence that is there, each after the stage it follows.
(That the log is append-only is checked against a base revision, check/sealed.py.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check.rules.common import choices, problem
from generator.core.model import Agency, CycleFolder, Repository
from generator.core.problems import WARNING, Problem
from generator.core.sakip import STAGE_NAMES, STAGES, SakipEvent, SakipLog


def sakip_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    if repo.agency is not None:
        yield from _calendar_roles(repo.agency)
    persons = {p.code for p in repo.agency.persons} if repo.agency is not None else None
    for folder in repo.cycles:
        if folder.sakip is not None:
            yield from _log_rules(folder, folder.sakip, today, files, persons)


def _calendar_roles(agency: Agency) -> Iterator[Problem]:
    """A role agency.yaml states for a stage is one of its roles (the default one need not be:
    without it nobody is named, and the planning role's own rules speak of it)."""
    roles = {r.code for r in agency.roles}
    for rule in agency.sakip_calendar.stages:
        if "peran" in rule.stated and rule.role not in roles and rule.at is not None:
            yield problem(rule.at / "peran", "RKT265",
                          f"peran '{rule.role}' untuk tahapan {STAGE_NAMES[rule.stage]} tidak ada di bagian peran; "
                          f"pilih salah satu: {choices(sorted(roles))}")


def _log_rules(folder: CycleFolder, log: SakipLog, today: dt.date, files: set[str],
               persons: set[str] | None) -> Iterator[Problem]:
    if log.year != folder.year and log.at is not None:
        yield problem(log.at / "tahun", "RKT213",
                      f"tahun {log.year} tidak sama dengan folder tahunnya ({folder.year})")
    for e in log.events:
        if persons is not None and e.by not in persons:
            yield problem(e.at / "oleh", "RKT266", f"pegawai '{e.by}' tidak ada di cycles/agency.yaml; "
                          f"pilih salah satu: {choices(sorted(persons))}")
        yield from _event_date(e, folder.year, today)
        if e.evidence is not None and f"{folder.folder}/{e.evidence}" not in files:
            yield problem(e.at / "bukti", "RKT268",
                          f"berkas bukti '{e.evidence}' tidak ada di {folder.folder}/; unggah berkasnya atau "
                          f"perbaiki namanya")
        yield from _out_of_order(e, log)


def _event_date(e: SakipEvent, year: int, today: dt.date) -> Iterator[Problem]:
    """A stage is recorded after it happened, and after the year it reports on ended."""
    if e.date > today:
        yield problem(e.at / "tanggal", "RKT267",
                      f"tanggal {e.date.isoformat()} ada di masa depan (hari ini {today.isoformat()}); "
                      f"catat tahapan setelah selesai")
    elif e.date.year <= year:
        yield problem(e.at / "tanggal", "RKT267",
                      f"tanggal {e.date.isoformat()} masih di dalam tahun kinerja {year}; tahapan "
                      f"{STAGE_NAMES[e.stage]} baru dapat selesai setelah tahun {year} berakhir")


def _out_of_order(e: SakipEvent, log: SakipLog) -> Iterator[Problem]:
    """A stage recorded while the stage it follows has no record on or before its day (a warning:
    the dates may be right and the earlier record missing, to be added below)."""
    position = STAGES.index(e.stage)
    if position == 0:
        return
    before = STAGES[position - 1]
    earlier = [x for x in log.events if x.stage == before and x.date <= e.date]
    if not earlier:
        yield problem(e.at / "tahap", "RKT269",
                      f"tahapan {STAGE_NAMES[e.stage]} dicatat {e.date.isoformat()}, padahal tahapan sebelumnya "
                      f"({STAGE_NAMES[before]}) belum tercatat selesai pada atau sebelum tanggal itu; periksa "
                      f"tanggalnya, atau tambahkan catatan 'tahap: {before}' yang terlewat", severity=WARNING)
