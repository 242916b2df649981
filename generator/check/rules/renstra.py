"""Rules on renstra.yaml: its period, unique codes, indicators under their sasaran (and the
tujuan a sasaran names, when it names one), targets inside the period, and years a cycle needs
but the Renstra does not record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check import formrules
from generator.check.rules.common import choices, dotted, duplicates, problem
from generator.core.model import Indicator, Objective, Renstra, Repository
from generator.core.problems import WARNING, Problem


def renstra_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    r = repo.renstra
    if r is None:
        return
    if r.first_year > r.last_year:
        yield problem(r.at / "periode", "RKT216",
                      f"periode Renstra terbalik: mulai {r.first_year}, selesai {r.last_year}")
    all_codes = [(g.code, g.at / "kode") for g in r.goals] + [(o.code, o.at / "kode") for o in r.objectives]
    all_codes += [(i.code, i.at / "kode") for _, i in r.indicators()]
    yield from duplicates(all_codes, "kode Renstra")
    goals = [g.code for g in r.goals]
    units = {u.code for u in repo.agency.units} if repo.agency else None
    for o in r.objectives:
        if o.goal is not None and o.goal not in goals:
            yield problem(o.at / "tujuan", "RKT203",
                          f"tujuan '{o.goal}' tidak ada di Renstra; pilih salah satu: {choices(goals)}")
        for ind in o.indicators:
            yield from _indicator_rules(r, o, ind, units)
    yield from _forgotten_years(r, repo)


def _indicator_rules(r: Renstra, o: Objective, ind: Indicator, units: set[str] | None) -> Iterator[Problem]:
    if not ind.code.startswith(o.code + "."):
        yield problem(ind.at / "kode", "RKT204",
                      f"kode indikator '{ind.code}' harus diawali kode sasarannya '{o.code}.', "
                      f"misalnya {o.code}.1")
    for y, typed in ind.targets:
        if not r.first_year <= y <= r.last_year:
            yield problem(ind.at / "target" / str(y), "RKT216",
                          f"target tahun {y} di luar periode Renstra {r.first_year}-{r.last_year}")
        yield from dotted(typed, ind.unit_of_measure, ind.at / "target" / str(y))
        bare = formrules.bare_number(typed, ind.unit_of_measure, ind.description, ind.code)
        if bare:
            yield problem(ind.at / "target" / str(y), formrules.BARE_CODE, bare, severity=WARNING)
    if units is not None:
        for i, u in enumerate(ind.units):
            if u not in units:
                yield problem(ind.at / "unit" / i, "RKT200",
                              formrules.message("unit_tidak_ada", unit=u, pilihan=choices(sorted(units))))


def _forgotten_years(r: Renstra, repo: Repository) -> Iterator[Problem]:
    """A year of the period the Renstra does not record is allowed (many agencies record only
    the years they plan), until a cycle of that year exists: its RKT needs the Renstra's target
    (or "-", no target that year, said on purpose). Named at the indicator's targets (its code
    when it has none; a workbook's cell of that year), with the year."""
    years = sorted(c.year for c in repo.cycles if c.cycle is not None and r.first_year <= c.year <= r.last_year)
    for _, ind in r.indicators():
        written = {y for y, _ in ind.targets}
        for year in years:
            if year not in written:
                yield problem(ind.at / "target" / str(year), "RKT221",  # the year's place: in the file, or the cell
                              f"indikator {ind.code} belum memiliki target tahun {year}, padahal siklus RKT {year} "
                              f"sudah ada; tulis target {year} dari dokumen Renstra, atau \"-\" bila Renstra memang "
                              f"tidak menetapkan target tahun itu")
