"""`rkt new-cycle` and `rkt new-form`: new files, prefilled, never overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import check_written, valid_repository, valid_unit, write_new
from generator.core.model import ValidRepository


def new_cycle(root: Path, year: int, start: dt.date, today: dt.date | None) -> Outcome:
    from generator.source.yamlwrite import cycle_yaml

    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    units = [u.code for u in checked.repo.agency.units]
    rel = f"cycles/{year}/cycle.yaml"
    refused = write_new(root / rel, cycle_yaml(year, start.isoformat(), units))
    if refused:
        return Outcome.failed(refused, 1)
    errors = check_written(root, rel, today)
    # the plan of a year already under way or past is an archive being recorded, most likely
    hint = (f"Catatan: RKT {year} sudah lewat. Bila siklus ini dicatat sebagai arsip, tambahkan baris "
            f"'dicatat_kemudian: true' di {rel} agar tidak dinilai terlambat atau diingatkan.\n"
            if year < checked.today.year else "")
    return Outcome.said(f"{errors or ''}{hint}Siklus {year} dibuat: {rel} (mulai {start.isoformat()}, "
                        f"{len(units)} unit wajib).\n", 1 if errors else 0)


def new_form(root: Path, year: int, unit: str, today: dt.date | None) -> Outcome:
    from generator.plan import prefill
    from generator.source.yamlwrite import form_yaml

    checked = valid_unit(root, unit, today)
    if isinstance(checked, Outcome):
        return checked
    refused = _without_cycle(checked.repo, year, unit)
    if refused:
        return Outcome.failed(refused, 2)
    data, notes = prefill.new_form(checked.result.repository, year, unit)
    rel = f"cycles/{year}/forms/{unit}.yaml"
    refused = write_new(root / rel, form_yaml(data, f"Form RKT Tahun {year} {checked.unit.name}.", explain=True))
    if refused:
        return Outcome.failed(refused, 1)
    errors = check_written(root, rel, today)
    notes_text = "".join(f"Catatan: {n}\n" for n in notes)
    return Outcome.said(f"{errors or ''}{notes_text}Form dibuat: {rel}. Periksa dan lengkapi isinya, lalu ajukan "
                        f"pull request.\n", 1 if errors else 0)


def _without_cycle(repo: ValidRepository, year: int, unit: str) -> str | None:
    """Why a form for `unit` cannot belong to `year`: no cycle that year, or not a required unit."""
    folder = next((c for c in repo.cycles if c.year == year and c.cycle is not None), None)
    if folder is None or folder.cycle is None:
        return (f"rkt: siklus {year} belum ada (cycles/{year}/cycle.yaml); form tidak dibuat. Buat siklusnya "
                f"lebih dulu: rkt new-cycle {year} --start TTTT-BB-HH\n")
    if unit not in folder.cycle.required_units:
        return (f"rkt: unit '{unit}' tidak termasuk unit_wajib siklus {year}; form tidak dibuat. Tambahkan "
                f"'{unit}' ke unit_wajib di cycles/{year}/cycle.yaml lebih dulu\n")
    return None
