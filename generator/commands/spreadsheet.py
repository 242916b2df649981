"""`rkt form-template` and `rkt import`: a unit's form through Excel."""

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
from generator.core.model import NO_BUDGET, program_key

if TYPE_CHECKING:
    from generator.spreadsheets.excel import CellProblem


def form_template(root: Path, year: int, unit: str, out: Path, today: dt.date | None) -> Outcome:
    from generator.plan import prefill
    from generator.spreadsheets import excel

    checked = valid_unit(root, unit, today)
    if isinstance(checked, Outcome):
        return checked
    data, current = prefill.start(checked.result.repository, year, unit)
    failed = write_out(out, excel.template(data, checked.repo.renstra, checked.unit.name))
    if failed:
        return Outcome.failed(failed, 2)
    source = "isi form saat ini" if current else "Renstra dan program tahun lalu"
    return Outcome.done(f"Templat Form RKT {year} {checked.unit.name} ditulis ke {out} (terisi dari {source}).\n")


def _as_form(root: Path, result: Result, rel: str, data: dict, reading, today: dt.date) -> list:
    """The problems the form would have once written (schema and cross-file rules), found in
    memory and named by the workbook cell they come from, so that one run reports them with
    the workbook's own. Cells that already have a problem are not reported twice.

    The rules run even when the schema finds something: `excel.read` always gives every
    required key with its type (a refused cell holds a placeholder), which is all the model
    builder relies on."""
    from generator.check import rules
    from generator.core.model import At, build_form
    from generator.source.schema import SchemaSet
    from generator.spreadsheets.excel import at_cells

    found = list(SchemaSet.load(root / "schemas").check("form", data, rel))
    form = build_form(data, At(rel))
    repo = result.repository
    cycles = tuple(dataclasses.replace(c, forms=tuple(sorted(
        [f for f in c.forms if f.at.file != rel] + [form], key=lambda f: f.at.file)))
        if c.year == data["tahun"] else c for c in repo.cycles)
    files = set(result.documents) | {rel}
    found += [p for p in rules.check(dataclasses.replace(repo, cycles=cycles), today, files) if p.file == rel]
    return at_cells(reading, found)


def _keep_notes(data: dict, old: dict) -> None:
    """A workbook made before the template had a 'Catatan' column cannot say anything about
    notes: keep the existing ones rather than drop them."""
    notes = {(row["sasaran"], t["kode"]): t["catatan"] for row in old.get("kinerja", [])
             for t in row["indikator"] if t.get("catatan")}
    for row in data["kinerja"]:
        for t in row["indikator"]:
            if (row["sasaran"], t["kode"]) in notes and "catatan" not in t:
                t["catatan"] = notes[(row["sasaran"], t["kode"])]


def _record_descriptions(data: dict, old: dict | None, renstra) -> None:
    """Each indicator's `uraian`: the Renstra text the workbook showed beside the target (so a later
    Renstra revision of it shows, rules.py RKT227). Set for new entries and refreshed where the form
    already records one; an older form's entries without it stay as they were."""
    texts = {i.code: i.description for _, i in renstra.indicators()}
    recorded = {(row["sasaran"], t["kode"]): "uraian" in t for row in (old or {}).get("kinerja", [])
                for t in row["indikator"]}
    for row in data["kinerja"]:
        for t in row["indikator"]:
            if t["kode"] in texts and recorded.get((row["sasaran"], t["kode"]), True):
                t["uraian"] = texts[t["kode"]]
                t.update({k: t.pop(k) for k in ("target", "catatan") if k in t})  # schema order: kode, uraian, target


def _emptied(old: dict | None, data: dict) -> list[str]:
    """The tables this import would leave empty although they are not (or, for a new form, both)."""
    from generator.spreadsheets.excel import KINERJA, PROGRAM

    if old is None:
        return [KINERJA, PROGRAM] if not data["kinerja"] and not data["program"] else []
    return [sheet for sheet, key in ((KINERJA, "kinerja"), (PROGRAM, "program")) if old.get(key) and not data[key]]


def _removed(old: dict | None, data: dict) -> list[str]:
    """What the form has and the workbook no longer does, largest unit first."""
    if old is None:
        return []
    lines = []
    kept = {(row["sasaran"], t["kode"]) for row in data["kinerja"] for t in row["indikator"]}
    for row in old.get("kinerja", []):
        lines += [f"indikator {t['kode']} (sasaran {row['sasaran']}, target {t['target']})"
                  for t in row["indikator"] if (row["sasaran"], t["kode"]) not in kept]
    return lines + _removed_programs(old.get("program", []), data["program"])


def _removed_programs(old: list[dict], new: list[dict]) -> list[str]:
    """The program lines of `old` that `new` no longer has: a program with all below it, else a
    kegiatan with all below it, else a sub kegiatan, each with its amount."""
    # a program may have no code: it is then the same program by its name (as the PK merges them)
    programs = {program_key(p.get("kode"), p["nama"]) for p in new}
    activities = {k["kode"] for p in new for k in _kegiatan(p)}
    subs = {s["kode"] for p in new for k in _kegiatan(p) for s in _subs(k)}
    lines = []
    for p in old:
        if program_key(p.get("kode"), p["nama"]) not in programs:
            n = sum(len(_subs(k)) for k in _kegiatan(p))
            label = f"{p['kode']} {p['nama']}" if p.get("kode") else p["nama"]
            lines.append(f"program {label}{_pagu(p)} beserta {len(_kegiatan(p))} kegiatan dan {n} sub kegiatannya")
            continue
        for k in _kegiatan(p):
            if k["kode"] not in activities:
                lines.append(f"kegiatan {k['kode']} {k['nama']}{_pagu(k)} beserta {len(_subs(k))} sub kegiatannya")
                continue
            lines += [f"sub kegiatan {s['kode']} {s['nama']} ({_amount(s)})" for s in _subs(k) if s["kode"] not in subs]
    return lines


# A program's kegiatan and a kegiatan's sub kegiatan may be left out (a pagu stated above them).
def _kegiatan(program: dict) -> list:
    return program.get("kegiatan", [])


def _subs(activity: dict) -> list:
    return activity.get("sub_kegiatan", [])


def _pagu(item: dict) -> str:
    """A program's or kegiatan's pagu when one is stated (its detail below is listed apart)."""
    return f" ({_amount(item)})" if "anggaran" in item else ""


def _amount(item: dict) -> str:
    """"anggaran Rp 150.000.000", or "belum ada anggaran" when the amount is not given (never Rp 0)."""
    n = item.get("anggaran")
    return NO_BUDGET if n is None else "anggaran Rp " + f"{n:,}".replace(",", ".")


def import_form(root: Path, year: int, unit: str, workbook: Path, today: dt.date | None,
                allow_empty: bool = False) -> Outcome:
    """Read a filled template into the unit's form. Nothing is written unless the whole
    workbook is right; every problem of both sheets is reported at once. An import killed
    halfway is undone first. A Rencana Aksi or quarterly report workbook (known by its sheets)
    goes to its own import."""
    from generator.commands import performance_excel as perf
    from generator.source.yamlwrite import form_yaml, update_form

    kind = perf.workbook_kind(workbook)
    if kind == perf.RENAKSI:
        return perf.import_renaksi(root, year, unit, workbook, today)
    if kind == perf.LAPORAN:
        return perf.import_laporan(root, year, unit, workbook, today)
    checked = valid_unit(root, unit, today)
    if isinstance(checked, Outcome):
        return checked
    if not any(c.year == year and c.cycle is not None for c in checked.repo.cycles):
        return Outcome.failed(f"rkt: siklus {year} belum ada; buat dengan 'rkt new-cycle {year} --start "
                              f"TTTT-BB-HH'\n", 2)
    rel = f"cycles/{year}/forms/{unit}.yaml"
    doc = checked.result.documents.get(rel)
    old = doc.data if doc is not None and isinstance(doc.data, dict) else None
    data, problems = _workbook_form(root, checked, rel, old, workbook, year)
    if problems or data is None:
        problems.sort(key=lambda p: p.order)
        lines = "".join(f"{p.where}: {p.message}\n" for p in problems)
        return Outcome.failed(lines + f"{len(problems)} masalah di {workbook.name}; form tidak diimpor, tidak ada "
                                      f"berkas yang diubah.\n", 1)
    emptied = _emptied(old, data)
    if emptied and not allow_empty:
        return Outcome.failed(_emptied_refusal(workbook.name, emptied, rel, new=old is None), 1)
    path = root / rel
    before = path.read_bytes() if path.exists() else None
    if before is not None and old is not None:
        text = update_form(before.decode("utf-8-sig"), data, old)
    else:
        text = form_yaml(data, f"Form RKT Tahun {year} {checked.unit.name}.")
    failed = _write_checked(root, rel, text, today)
    if failed:
        return Outcome.failed(failed, 1)
    return Outcome.done(_imported(rel, workbook.name, data, old, updated=before is not None))


def _workbook_form(root: Path, checked: ValidUnit, rel: str, old: dict | None, workbook: Path,
                   year: int) -> tuple[dict | None, list[CellProblem]]:
    """The form data the workbook holds, with what the workbook cannot say taken from the form it
    replaces (its date and author, the notes of a template without them), and every problem of it:
    the workbook's own, then those of the form it would make."""
    from generator.spreadsheets import excel

    reading = excel.read(workbook, year, checked.unit.code, checked.repo.renstra, workbook.name)
    problems = list(reading.problems)
    data = reading.data
    if data is not None:
        for key in ("tanggal", "penyusun"):
            if old is not None and key in old:
                data[key] = old[key]
        if old is not None and not reading.has_notes:
            _keep_notes(data, old)
        _record_descriptions(data, old, checked.repo.renstra)
        problems += _as_form(root, checked.result, rel, data, reading, checked.today)
    return data, problems


def _emptied_refusal(workbook: str, emptied: list[str], rel: str, new: bool) -> str:
    """Why an import that leaves a table empty is refused without --kosongkan."""
    sheets = " dan ".join(f"'{s}'" for s in emptied)
    what = "form baru tanpa isi" if new else f"tabel {' dan '.join(s.lower() for s in emptied)} di {rel} menjadi kosong"
    return (f"{workbook}: lembar {sheets} tidak berisi satu baris isian pun; impor ini akan membuat {what}. "
            f"Periksa bahwa berkasnya benar (bukan templat kosong atau salinan yang barisnya hilang). "
            f"Bila memang disengaja, jalankan lagi dengan --kosongkan.\nForm tidak diimpor; tidak ada berkas "
            f"yang diubah.\n")


def _write_checked(root: Path, rel: str, text: str, today: dt.date | None) -> str | None:
    """Write the form, then validate: on an error in it, put back what was there and say why."""
    undone = write_checked(root, {root / rel: text}, today, lambda p: p.file == rel and p.is_error,
                           command=f"rkt import ({rel})")
    if undone is None:
        return None
    return report.text(undone.blamed, undone.result.files_checked) + "Form tidak diimpor; berkas lama tidak diubah.\n"


def _imported(rel: str, workbook: str, data: dict, old: dict | None, updated: bool) -> str:
    """What an import that succeeded says: the form's size, and what it lost that the old form had."""
    subs = sum(len(_subs(k)) for p in data["program"] for k in _kegiatan(p))
    verb = "diperbarui" if updated else "dibuat"
    out = f"{rel} {verb} dari {workbook}: {len(data['program'])} program, {subs} sub kegiatan.\n"
    removed = _removed(old, data)
    if removed:
        out += f"Dihapus dari form karena tidak ada lagi di {workbook} ({len(removed)}):\n"
        out += "".join(f"  - {line}\n" for line in removed)
        out += "Periksa bahwa penghapusan ini memang disengaja.\n"
    return out + "Ajukan perubahan ini sebagai pull request.\n"
