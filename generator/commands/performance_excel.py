"""`rkt renaksi-template`, `rkt laporan-template`, and `rkt import` of their filled workbooks:
a unit's Rencana Aksi and its quarterly reports through Excel.

The import writes nothing unless the whole workbook is right: every problem of its sheets and
of the file it would make (schema and cross-file rules, found in memory) is named by its cell
in one run; then the file is written through the journal and the repository validated again,
and the write is undone when the verdict blames the file (`checked_write`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from generator.check import report
from generator.check.validate import Result
from generator.commands.checked_write import write_checked
from generator.commands.outcome import Outcome
from generator.commands.preconditions import ValidUnit, valid_unit, write_out
from generator.core.year import QUARTER_NAMES, ActionPlan, QuarterReport, YearFiles

if TYPE_CHECKING:
    from generator.spreadsheets.performance_cells import SheetReading

RENAKSI, LAPORAN, FORM = "renaksi", "laporan", "form"


def workbook_kind(path: Path) -> str:
    """Which template a workbook was made from, by its sheets: a Rencana Aksi, a quarterly
    report, else a form (whose import says what is wrong with anything else)."""
    from generator.spreadsheets.laporan_template import REALISATION
    from generator.spreadsheets.limits import LIMITS, read_workbook
    from generator.spreadsheets.renaksi_template import PLAN

    names = read_workbook(path, LIMITS, lambda wb: list(wb.sheetnames))
    if isinstance(names, str):
        return FORM
    return RENAKSI if PLAN in names else LAPORAN if REALISATION in names else FORM


def _unit_in_year(root: Path, year: int, unit: str, today: dt.date | None) -> ValidUnit | Outcome:
    checked = valid_unit(root, unit, today)
    if isinstance(checked, Outcome):
        return checked
    if not any(c.year == year for c in checked.repo.cycles):
        return Outcome.failed(f"rkt: tahun {year} belum ada di cycles/ (folder cycles/{year}/)\n", 2)
    return checked


def _data(checked: ValidUnit, rel: str) -> dict | None:
    doc = checked.result.documents.get(rel)
    return doc.data if doc is not None and isinstance(doc.data, dict) else None


def renaksi_template(root: Path, year: int, unit: str, out: Path, today: dt.date | None) -> Outcome:
    from generator.spreadsheets import renaksi_template as rt

    checked = _unit_in_year(root, year, unit, today)
    if isinstance(checked, Outcome):
        return checked
    old = _data(checked, f"cycles/{year}/renaksi/{unit}.yaml")
    failed = write_out(out, rt.template(checked.repo, year, unit, checked.unit.name, old))
    if failed:
        return Outcome.failed(failed, 2)
    source = "Rencana Aksi saat ini" if old else "Renstra dan Form RKT"
    return Outcome.done(f"Templat Rencana Aksi {year} {checked.unit.name} ditulis ke {out} (terisi dari {source}).\n")


def laporan_template(root: Path, year: int, quarter: int, unit: str, out: Path, today: dt.date | None) -> Outcome:
    from generator.spreadsheets import laporan_template as lt

    checked = _unit_in_year(root, year, unit, today)
    if isinstance(checked, Outcome):
        return checked
    plan = _data(checked, f"cycles/{year}/renaksi/{unit}.yaml")
    if plan is None:
        return Outcome.failed(f"rkt: {checked.unit.name} belum memiliki Rencana Aksi {year} (cycles/{year}/renaksi/"
                              f"{unit}.yaml); target triwulan diambil dari sana. Buat dulu dengan 'rkt "
                              f"renaksi-template {year} {unit} --out renaksi.xlsx'\n", 2)
    old = _data(checked, f"cycles/{year}/laporan/tw{quarter}/{unit}.yaml")
    data = lt.template(checked.repo, year, quarter, unit, checked.unit.name, plan, old)
    failed = write_out(out, data)
    if failed:
        return Outcome.failed(failed, 2)
    source = " (terisi dari laporan saat ini)" if old else ""
    return Outcome.done(f"Templat Laporan {QUARTER_NAMES[quarter]} {year} {checked.unit.name} ditulis ke "
                        f"{out}{source}.\n")


def import_renaksi(root: Path, year: int, unit: str, workbook: Path, today: dt.date | None) -> Outcome:
    """A filled Rencana Aksi template into cycles/<year>/renaksi/<unit>.yaml."""
    from generator.source.yamlwrite import renaksi_yaml, update_year_file
    from generator.spreadsheets import renaksi_import

    checked = _unit_in_year(root, year, unit, today)
    if isinstance(checked, Outcome):
        return checked
    rel = f"cycles/{year}/renaksi/{unit}.yaml"
    old = _data(checked, rel)
    planned = [x["kode"] for x in (old or {}).get("indikator", [])]
    reading = renaksi_import.read(workbook, year, unit, checked.repo, planned, workbook.name)
    what = "Rencana Aksi"
    refused = _refusal(root, checked, rel, RENAKSI, reading, old, workbook, what)
    if refused is not None:
        return refused
    data = reading.data
    assert data is not None  # a reading without data has a problem
    text = (update_year_file(_text(root, rel), data, old, ("indikator", "anggaran")) if old is not None
            else renaksi_yaml(data, f"Rencana Aksi Tahun {year} {checked.unit.name}."))
    return _write(root, rel, text, today, what, f"{rel} {'diperbarui' if old else 'dibuat'} dari {workbook.name}: "
                                                f"{len(data['indikator'])} indikator.\n")


def import_laporan(root: Path, year: int, unit: str, workbook: Path, today: dt.date | None) -> Outcome:
    """A filled quarterly report template into cycles/<year>/laporan/tw<N>/<unit>.yaml (N from the workbook)."""
    from generator.source.yamlwrite import laporan_yaml, update_year_file
    from generator.spreadsheets import laporan_import

    checked = _unit_in_year(root, year, unit, today)
    if isinstance(checked, Outcome):
        return checked
    plan = _data(checked, f"cycles/{year}/renaksi/{unit}.yaml")
    if plan is None:
        return Outcome.failed(f"rkt: {checked.unit.name} belum memiliki Rencana Aksi {year} (cycles/{year}/renaksi/"
                              f"{unit}.yaml); laporan triwulan diperiksa terhadap target di sana\n", 2)
    reading = laporan_import.read(workbook, year, unit, checked.repo, plan, root / "cycles" / str(year),
                                  checked.today, workbook.name)
    quarter = reading.data["triwulan"] if reading.data else 0
    rel = f"cycles/{year}/laporan/tw{quarter}/{unit}.yaml"
    old = _data(checked, rel) if quarter else None
    what = "Laporan triwulan"
    refused = _refusal(root, checked, rel, LAPORAN, reading, old, workbook, what)
    if refused is not None:
        return refused
    data = reading.data
    assert data is not None  # a reading without data has a problem
    text = (update_year_file(_text(root, rel), data, old, ("realisasi", "anggaran")) if old is not None
            else laporan_yaml(data, f"Laporan {QUARTER_NAMES[quarter].replace('TW', 'Triwulan')} Tahun {year} "
                                    f"{checked.unit.name}."))
    return _write(root, rel, text, today, what, f"{rel} {'diperbarui' if old else 'dibuat'} dari {workbook.name}: "
                                                f"realisasi {len(data['realisasi'])} indikator, "
                                                f"{len(data.get('anggaran', []))} baris anggaran.\n")


def _text(root: Path, rel: str) -> str:
    return (root / rel).read_bytes().decode("utf-8-sig")


def _refusal(root: Path, checked: ValidUnit, rel: str, kind: str, reading: SheetReading, old: dict | None,
             workbook: Path, what: str) -> Outcome | None:
    """Every problem of the workbook and of the file it would make, named by cell; None when there is none."""
    problems = list(reading.problems)
    if reading.data is not None:
        for key in ("tanggal", "penyusun", "perubahan"):
            if old is not None and key in old:
                reading.data[key] = old[key]
        problems += _as_file(root, checked.result, rel, kind, reading, checked.today)
    if not problems:
        return None
    problems.sort(key=lambda p: p.order)
    lines = "".join(f"{p.where}: {p.message}\n" for p in problems)
    return Outcome.failed(lines + f"{len(problems)} masalah di {workbook.name}; {what} tidak diimpor, tidak ada "
                                  f"berkas yang diubah.\n", 1)


def _as_file(root: Path, result: Result, rel: str, kind: str, reading: SheetReading, today: dt.date) -> list:
    """The problems the file would have once written (schema and cross-file rules), found in
    memory and named by the workbook cell they come from."""
    from generator.check import rules
    from generator.core.model import BUILDERS, At
    from generator.source.schema import SchemaSet
    from generator.spreadsheets.cell_problems import at_cells

    data = reading.data
    assert data is not None  # called only for a reading with data
    found = list(SchemaSet.load(root / "schemas").check(kind, data, rel))
    made = BUILDERS[kind](data, At(rel))
    assert isinstance(made, (ActionPlan, QuarterReport))
    repo = result.repository
    cycles = tuple(dataclasses.replace(c, year_files=_with(c.year_files, made, rel))
                   if c.year == data["tahun"] else c for c in repo.cycles)
    files = set(result.documents) | {f for c in repo.cycles for f in c.files} | {rel}  # evidence files too
    found += [p for p in rules.check(dataclasses.replace(repo, cycles=cycles), today, files) if p.file == rel]
    return at_cells(reading, found)


def _with(files: YearFiles, made: ActionPlan | QuarterReport, rel: str) -> YearFiles:
    """The cycle's Rencana Aksi and reports with `made` in place of the file at `rel`."""
    if isinstance(made, ActionPlan):
        plans = tuple(sorted([p for p in files.plans if p.at.file != rel] + [made], key=lambda p: p.at.file))
        return dataclasses.replace(files, plans=plans)
    reports = tuple(sorted([r for r in files.reports if r.at.file != rel] + [made], key=lambda r: r.at.file))
    return dataclasses.replace(files, reports=reports)


def _write(root: Path, rel: str, text: str, today: dt.date | None, what: str, done: str) -> Outcome:
    """Write the file, then validate: on an error in it, put back what was there and say why."""
    undone = write_checked(root, {root / rel: text}, today, lambda p: p.file == rel and p.is_error,
                           command=f"rkt import ({rel})")
    if undone is not None:
        return Outcome.failed(report.text(undone.blamed, undone.result.files_checked) +
                              f"{what} tidak diimpor; berkas lama tidak diubah.\n", 1)
    return Outcome.done(done + "Ajukan perubahan ini sebagai pull request.\n")
