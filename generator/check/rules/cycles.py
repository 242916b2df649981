"""Rules on a cycle folder (cycles/<year>/): cycle.yaml and its event log, then each form,
the performance table the forms add up to, and the signed versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check import formrules
from generator.check.rules.common import choices, problem
from generator.check.rules.forms import form_rules, recorded_texts
from generator.check.rules.performance import performance_rules
from generator.check.rules.signed import changed_action_plan, signed_rules, unlisted_scans
from generator.core.model import Cycle, CycleFolder, Event, Form, Repository, Sop, Step
from generator.core.problems import WARNING, Problem


def cycle_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    for folder in repo.cycles:
        yield from _folder_rules(repo, folder, today, files)


def _folder_rules(repo: Repository, folder: CycleFolder, today: dt.date, files: set[str]) -> Iterator[Problem]:
    cycle_rel = f"{folder.folder}/cycle.yaml"
    if cycle_rel not in files and not folder.agreement_only:  # a year with only its signed PK needs no cycle
        yield Problem(cycle_rel, "RKT020",
                      f"folder {folder.folder} tidak memiliki cycle.yaml; buat dengan 'rkt new-cycle {folder.year}'",
                      line=1, col=1)
    agency = repo.agency
    units = {u.code for u in agency.units} if agency else None
    persons = {p.code for p in agency.persons} if agency else None
    if folder.cycle is not None:
        yield from _cycle_file_rules(repo, folder, folder.cycle, units)
        yield from _event_rules(repo.sop, folder, folder.cycle, today, files, units, persons)
    for f in folder.forms:
        yield from _form_file_rules(folder, f, today, units)
        yield from form_rules(repo, folder, f)
        yield from recorded_texts(repo, f)
    yield from performance_rules(repo, folder)
    # signed versions, of the RKT and of the Perjanjian Kinerja made from it; the scans without
    # metadata are looked for once, for both kinds
    yield from signed_rules(folder, today, persons, "rkt")
    yield from unlisted_scans(folder)
    yield from signed_rules(folder, today, persons, "pk")
    yield from signed_rules(folder, today, persons, "renaksi")
    yield from changed_action_plan(folder)


def _cycle_file_rules(repo: Repository, folder: CycleFolder, c: Cycle, units: set[str] | None) -> Iterator[Problem]:
    """cycle.yaml's year, its place in the Renstra period, its units and their pagu."""
    renstra = repo.renstra
    if c.year != folder.year:
        yield problem(c.at / "tahun", "RKT213",
                      f"tahun {c.year} tidak sama dengan nama foldernya ({folder.year})")
    if renstra is not None and not renstra.first_year <= c.year <= renstra.last_year:
        yield problem(c.at / "tahun", "RKT216",
                      f"tahun {c.year} di luar periode Renstra {renstra.first_year}-{renstra.last_year}; "
                      f"target indikator tahun ini tidak tersedia", severity=WARNING)
    if units is not None:
        for i, u in enumerate(c.required_units):
            if u not in units:
                yield problem(c.at / "unit_wajib" / i, "RKT200",
                              formrules.message("unit_tidak_ada", unit=u, pilihan=choices(sorted(units))))
    for u, _ in c.ceilings:
        if u not in c.required_units:
            yield problem(c.at / "pagu" / u, "RKT209", f"pagu untuk unit '{u}' yang tidak ada di unit_wajib")


def _form_file_rules(folder: CycleFolder, f: Form, today: dt.date, units: set[str] | None) -> Iterator[Problem]:
    """A form's file name, year, unit and date against its folder, agency.yaml and cycle.yaml."""
    c = folder.cycle
    stem = f.at.file.rsplit("/", 1)[-1][:-len(".yaml")]
    if f.unit != stem:
        yield problem(f.at / "unit", "RKT213",
                      f"unit '{f.unit}' tidak sama dengan nama berkasnya ({stem}.yaml); "
                      f"form unit '{f.unit}' harus bernama {f.unit}.yaml")
    if f.year != folder.year:
        yield problem(f.at / "tahun", "RKT213", f"tahun {f.year} tidak sama dengan folder siklusnya ({folder.year})")
    if units is not None and f.unit not in units:
        # the messages of the rules about one form are formrules' templates: the form page says the same
        yield problem(f.at / "unit", "RKT200",
                      formrules.message("unit_tidak_ada", unit=f.unit, pilihan=choices(sorted(units))))
    elif c is not None and f.unit not in c.required_units:
        yield problem(f.at / "unit", "RKT209", formrules.message(
            "unit_tidak_wajib", unit=f.unit, tahun=folder.year, berkas=f"{folder.folder}/cycle.yaml"))
    if f.filled_on is not None and f.filled_on > today:
        yield problem(f.at / "tanggal", "RKT207", formrules.message(
            "tanggal_masa_depan", tanggal=f.filled_on.isoformat(), hari_ini=today.isoformat()))


def _event_rules(sop: Sop | None, folder: CycleFolder, c: Cycle, today: dt.date, files: set[str],
                 units: set[str] | None, persons: set[str] | None) -> Iterator[Problem]:
    previous = None
    for e in c.events:
        step = sop.step(e.step) if sop else None
        if sop is not None and step is None:
            yield problem(e.at / "langkah", "RKT202",
                          f"langkah {e.step} tidak ada di SOP (langkah 1 sampai {len(sop.steps)})")
        yield from _event_references(e, units, persons)
        yield from _event_dates(e, previous, c, today)
        if step is not None:
            yield from _event_decision(e, step)
        if e.evidence is not None and f"{folder.folder}/{e.evidence}" not in files:
            yield problem(e.at / "bukti", "RKT211",
                          f"berkas bukti '{e.evidence}' tidak ada di {folder.folder}/; "
                          f"unggah berkasnya atau perbaiki namanya")
        previous = e


def _event_references(e: Event, units: set[str] | None, persons: set[str] | None) -> Iterator[Problem]:
    if persons is not None and e.by not in persons:
        yield problem(e.at / "oleh", "RKT201",
                      f"pegawai '{e.by}' tidak ada di cycles/agency.yaml; "
                      f"pilih salah satu: {choices(sorted(persons))}")
    if e.unit is not None and units is not None and e.unit not in units:
        yield problem(e.at / "unit", "RKT200", f"unit '{e.unit}' tidak ada di cycles/agency.yaml")


def _event_dates(e: Event, previous: Event | None, c: Cycle, today: dt.date) -> Iterator[Problem]:
    """An event is recorded after it happened, within its cycle, in date order."""
    if e.date > today:
        yield problem(e.at / "tanggal", "RKT207",
                      f"tanggal {e.date.isoformat()} ada di masa depan (hari ini {today.isoformat()}); "
                      f"catat peristiwa setelah terjadi")
    if c.start is not None and e.date < c.start:
        yield problem(e.at / "tanggal", "RKT218",
                      f"tanggal {e.date.isoformat()} sebelum siklus dimulai ({c.start.isoformat()})")
    if previous is not None and e.date < previous.date:
        yield problem(e.at / "tanggal", "RKT206",
                      f"tanggal {e.date.isoformat()} lebih awal dari peristiwa sebelumnya "
                      f"({previous.date.isoformat()}); catatan peristiwa harus urut menurut tanggal")


def _event_decision(e: Event, step: Step) -> Iterator[Problem]:
    """A decision is recorded at a decision step, and only there."""
    if e.decision is not None and not step.is_decision:
        yield problem(e.at / "keputusan", "RKT208",
                      f"langkah {step.number} ({step.short}) bukan langkah keputusan; hapus 'keputusan'")
    if e.decision is None and step.is_decision and not e.skipped:
        yield problem(e.at, "RKT208",
                      f"langkah {step.number} ({step.short}) adalah langkah keputusan; tambahkan 'keputusan: ya' "
                      f"atau 'keputusan: tidak'")
