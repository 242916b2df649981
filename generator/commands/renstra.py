"""`rkt renstra-template` and `rkt import-renstra`: the Renstra through Excel."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from generator.check import report
from generator.check.validate import Result, validate
from generator.commands.checked_write import write_checked
from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_repository, write_out

RENSTRA = "cycles/renstra.yaml"


def renstra_template(root: Path, out: Path, today: dt.date | None) -> Outcome:
    from generator.spreadsheets import renstra_excel

    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    repo = checked.repo
    failed = write_out(out, renstra_excel.template(repo.renstra, repo.agency))
    if failed:
        return Outcome.failed(failed, 2)
    count = sum(1 for _ in repo.renstra.indicators())
    return Outcome.done(f"Templat Renstra ditulis ke {out} ({count} indikator, periode {repo.renstra.first_year}-"
                        f"{repo.renstra.last_year}, terisi dari {RENSTRA}).\n")


def _in_memory(root: Path, result: Result, data: dict, reading, today: dt.date) -> list:
    """The problems renstra.yaml would have once written (schema, then the Renstra's cross-file
    rules), named by the workbook cell they come from; cells already reported are skipped."""
    from generator.check import rules
    from generator.core.model import At, build_renstra
    from generator.source.schema import SchemaSet
    from generator.spreadsheets.excel import at_cells

    found = list(SchemaSet.load(root / "schemas").check("renstra", data, RENSTRA))
    if not found:  # the model is built from schema-valid data only
        renstra = build_renstra(data, At(RENSTRA))
        repo = dataclasses.replace(result.repository, renstra=renstra)
        found += [p for p in rules.renstra_rules(repo, today, set(result.documents)) if p.file == RENSTRA]
    return at_cells(reading, found)


def _changes(old, data: dict) -> list[str]:
    """What the import removes, and which kept codes now name something else (forms refer to codes)."""
    if old is None:
        return []
    new = {i["kode"]: i for o in data["sasaran"] for i in o["indikator"]}
    lines = []
    for _, ind in old.indicators():
        now = new.get(ind.code)
        if now is None:
            lines.append(f"indikator {ind.code} ({ind.description}) dihapus")
        elif " ".join(now["uraian"].split()) != " ".join(ind.description.split()):
            lines.append(f"uraian indikator {ind.code} diubah: '{ind.description}' menjadi '{now['uraian']}'")
        elif now.get("satuan") != ind.unit_of_measure:
            lines.append(f"satuan indikator {ind.code} diubah: '{ind.unit_of_measure or '-'}' menjadi "
                         f"'{now.get('satuan') or '-'}'")
    return lines


def import_renstra(root: Path, workbook: Path, today: dt.date | None) -> Outcome:
    """Read a filled Renstra workbook into cycles/renstra.yaml. Nothing is written unless the
    whole workbook is right and the repository stays as valid as it was. An import killed
    halfway is undone first."""
    from generator.core.calendar import today as today_in
    from generator.spreadsheets import renstra_excel

    result = validate(root, today=today)
    repo = result.repository
    if repo.agency is None:
        return Outcome.failed(report.text([p for p in result.problems if p.file == "cycles/agency.yaml"],
                                          result.files_checked) +
                              "Renstra tidak diimpor: cycles/agency.yaml (daftar unit) harus benar terlebih "
                              "dahulu.\n", 1)
    day = today_in(repo.agency.timezone, today)
    reading = renstra_excel.read(workbook, repo.renstra, repo.agency, workbook.name)
    problems = list(reading.problems)
    data = reading.data
    if data is not None and not data["sasaran"] and not problems:
        return Outcome.failed(
            f"{workbook.name}: lembar 'Indikator' tidak berisi satu baris isian pun; Renstra tanpa sasaran dan "
            f"indikator tidak dapat dipakai. Periksa bahwa berkasnya benar (bukan templat kosong).\nRenstra tidak "
            f"diimpor; tidak ada berkas yang diubah.\n", 1)
    if data is not None:
        problems += _in_memory(root, result, data, reading, day)
    if problems or data is None:
        problems.sort(key=lambda p: p.order)
        lines = "".join(f"{p.where}: {p.message}\n" for p in problems)
        return Outcome.failed(lines + f"{len(problems)} masalah di {workbook.name}; Renstra tidak diimpor, tidak ada "
                                      f"berkas yang diubah.\n", 1)
    failed = _write_checked(root, result, renstra_excel.renstra_yaml(data), today)
    if failed:
        return Outcome.failed(failed, 1)
    return Outcome.done(_imported(workbook.name, data, reading.generated, _changes(repo.renstra, data)))


def _imported(workbook: str, data: dict, generated: Sequence[str], changes: list[str]) -> str:
    """What an import that succeeded says: what the Renstra now holds, the codes it made, what to review."""
    indicators = [i for o in data["sasaran"] for i in o["indikator"]]
    out = (f"{RENSTRA} diperbarui dari {workbook}: {len(data['tujuan'])} tujuan, {len(data['sasaran'])} "
           f"sasaran, {len(indicators)} indikator ({sum(i['iku'] for i in indicators)} IKU), periode "
           f"{data['periode']['mulai']}-{data['periode']['selesai']}.\n")
    if generated:
        out += f"Kode baru dibuat untuk baris tanpa kode: {', '.join(generated)}.\n"
    if changes:
        out += "Perubahan yang perlu diperiksa (Form RKT merujuk indikator dengan kodenya):\n"
        out += "".join(f"  - {line}\n" for line in changes)
    return out + "Ajukan perubahan ini sebagai pull request.\n"


def _write_checked(root: Path, before: Result, text: str, today: dt.date | None) -> str | None:
    """Write renstra.yaml, then validate: on an error in it, or a new error elsewhere (a form
    referring to a removed indicator), put the old file back and say why."""
    known = {(p.file, p.code, p.message) for p in before.problems if p.is_error and p.file != RENSTRA}
    undone = write_checked(root, {root / RENSTRA: text}, today,
                           lambda p: p.is_error and (p.file == RENSTRA or (p.file, p.code, p.message) not in known),
                           command="rkt import-renstra")
    if undone is None:
        return None
    return (report.text(undone.blamed, undone.result.files_checked) +
            "Renstra tidak diimpor; berkas lama tidak diubah.\n")
