"""`rkt new-cycle` and `rkt new-form`: new files, prefilled, never overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import check_written, valid_repository, valid_unit, write_new
from generator.core.model import ValidRepository


def new_cycle(root: Path, year: int, start: dt.date | None, today: dt.date | None,
              recorded: bool = False) -> Outcome:
    """cycles/YEAR/cycle.yaml: a cycle that runs from `start`, or (`recorded`) one recorded after
    the fact, which needs no start date and gets no SOP schedule."""
    from generator.source.yamlwrite import cycle_yaml

    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    past = year < checked.today.year  # a year already past: an archive being recorded, most likely
    if start is None and not recorded:
        return Outcome.failed(_no_start(year, past), 2)
    units = [u.code for u in checked.repo.agency.units]
    rel = f"cycles/{year}/cycle.yaml"
    refused = write_new(root / rel, cycle_yaml(year, start.isoformat() if start else None, units, recorded))
    if refused:
        return Outcome.failed(refused, 1)
    errors = check_written(root, rel, today)
    hint = (f"Catatan: RKT {year} sudah lewat. Bila siklus ini dicatat sebagai arsip, tambahkan baris "
            f"'dicatat_kemudian: true' di {rel} agar tidak dinilai terlambat atau diingatkan; tanggal mulainya pun "
            f"tidak wajib lagi (hapus bila tidak diketahui pasti). Siklus arsip dapat langsung dibuat dengan "
            f"'rkt new-cycle {year} --dicatat-kemudian', tanpa --start.\n" if past and not recorded else "")
    what = (f"dicatat kemudian, {'mulai ' + start.isoformat() if start else 'tanpa tanggal mulai'}" if recorded
            else f"mulai {start.isoformat() if start else ''}")
    return Outcome.said(f"{errors or ''}{hint}Siklus {year} dibuat: {rel} ({what}, {len(units)} unit wajib).\n",
                        1 if errors else 0)


def _no_start(year: int, past: bool) -> str:
    """Why a cycle without a start date is refused, and what to type instead."""
    if past:
        return (f"rkt: siklus {year} tidak dibuat: tanggal mulainya belum diberikan. RKT {year} sudah lewat; bila "
                f"siklus ini dicatat sebagai arsip, buat dengan 'rkt new-cycle {year} --dicatat-kemudian' (tanpa "
                f"tanggal mulai, tidak dinilai terlambat). Bila tanggal mulainya diketahui dan jadwal SOP-nya "
                f"ingin dihitung: 'rkt new-cycle {year} --start TTTT-BB-HH'.\n")
    return (f"rkt: siklus {year} tidak dibuat: tanggal mulainya belum diberikan. Tulis tanggal mulai siklus "
            f"(langkah 1 SOP): 'rkt new-cycle {year} --start TTTT-BB-HH'.\n")


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
    remark = prefill.carried_budget_note(checked.result.repository, year, unit)  # also among `notes`
    refused = write_new(root / rel, form_yaml(data, f"Form RKT Tahun {year} {checked.unit.name}.", explain=True,
                                              remarks=(remark,) if remark else ()))
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
