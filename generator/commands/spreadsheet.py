"""`rkt form-template` and `rkt import`: a unit's form through Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import atomic, report
from ..validate import validate
from .preconditions import check_written, valid_repository, valid_unit, write_new, write_out


def form_template(root: Path, year: int, unit: str, out: Path, today: dt.date | None) -> tuple[str, int]:
    from .. import excel, prefill

    checked = valid_unit(root, unit, today)
    if isinstance(checked[0], str):
        return checked
    result, _, u = checked
    repo = result.repository
    data, current = prefill.start(repo, year, unit)
    failed = write_out(out, excel.template(data, repo.renstra, u.name))
    if failed:
        return failed, 2
    source = "isi form saat ini" if current else "Renstra dan program tahun lalu"
    return f"Templat Form RKT {year} {u.name} ditulis ke {out} (terisi dari {source}).\n", 0


def import_form(root: Path, year: int, unit: str, workbook: Path, today: dt.date | None) -> tuple[str, int]:
    from .. import excel
    from ..yamlwrite import form_yaml, update_form

    checked = valid_unit(root, unit, today)
    if isinstance(checked[0], str):
        return checked
    result, _, u = checked
    repo = result.repository
    if not any(c.year == year and c.cycle is not None for c in repo.cycles):
        return f"rkt: siklus {year} belum ada; buat dengan 'rkt new-cycle {year} --start TTTT-BB-HH'\n", 2
    data, problems = excel.read(workbook, year, unit, repo.renstra, workbook.name)
    if problems:
        lines = "".join(f"{p.where}: {p.message}\n" for p in problems)
        return lines + f"{len(problems)} masalah di {workbook.name}; form tidak diimpor.\n", 1
    rel = f"cycles/{year}/forms/{unit}.yaml"
    path = root / rel
    before = path.read_bytes() if path.exists() else None
    if before is not None:
        old = result.documents.get(rel)
        for key in ("tanggal", "penyusun"):
            if old is not None and isinstance(old.data, dict) and key in old.data:
                data[key] = old.data[key]
        text = update_form(before.decode("utf-8-sig"), data)
    else:
        text = form_yaml(data, f"Form RKT Tahun {year} {u.name}.")
    atomic.replace(path, text)
    after = validate(root, today=today)
    mine = [p for p in after.problems if p.file == rel and p.is_error]
    if mine:
        if before is None:
            path.unlink()
        else:
            atomic.replace(path, before)
        return report.text(mine, after.files_checked) + "Form tidak diimpor; berkas lama tidak diubah.\n", 1
    subs = sum(len(k["sub_kegiatan"]) for p in data["program"] for k in p["kegiatan"])
    verb = "diperbarui" if before is not None else "dibuat"
    return f"{rel} {verb} dari {workbook.name}: {subs} sub kegiatan. Ajukan perubahan ini sebagai pull request.\n", 0
