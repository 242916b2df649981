"""The RKT as CSV: the program rows of every unit, then the performance table, for further
work in a spreadsheet. Semicolons and a BOM, as Excel in Indonesian settings (decimal comma)
expects.

A CSV file has no cell types to say "this is text", so every text that a spreadsheet would
read as a formula gets a leading apostrophe (`_csv_text`): the file is published for anyone
to download.
"""

from __future__ import annotations

import csv
import io

from generator.documents.unfilled import replaced
from generator.plan.compile import CompiledRkt, plan_rows
from generator.source.workbook import FORMULA_START

CSV_HEADERS = ["unit", "tingkat", "kode", "nama", "indikator", "target", "satuan", "anggaran", "penanggung_jawab"]
CSV_PERFORMANCE_HEADERS = ["no", "sasaran", "kode_indikator", "indikator", "satuan", "target", "target_renstra",
                           "cara_pengukuran", "unit"]


def _csv_text(value: object) -> object:
    """A text that a spreadsheet would read as a formula gets a leading apostrophe
    (the OWASP rule for CSV: a CSV file has no cell types to say "this is text").
    A lone "-" (the documents' "no target this year") is no formula in any spreadsheet
    and stays as printed. A placeholder that `rkt init` left is written BELUM DIISI."""
    if not isinstance(value, str):
        return value
    value = replaced(value)[0]
    if value != "-" and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(rkt: CompiledRkt) -> bytes:
    """One row per program/kegiatan/sub kegiatan, then (after an empty line, under its own
    header) one row per indicator of the performance table. Numbers stay numbers; texts are inert."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(CSV_HEADERS)
    for plan in rkt.units:
        if plan.form is None:
            continue
        for row in plan_rows(plan.form):
            w.writerow([_csv_text(v) for v in
                        (plan.unit.code, row.level, row.code, row.name, row.indicator,
                         "" if row.target is None else row.target, row.unit_of_measure or "", row.budget,
                         row.responsible)])
    w.writerow([""] * len(CSV_HEADERS))  # a full-width empty row: every row has every column
    w.writerow(CSV_PERFORMANCE_HEADERS)
    for g in rkt.groups:
        for r in g.rows:
            w.writerow([_csv_text(v) for v in (
                g.number, g.objective.description, r.indicator.code, r.indicator.description,
                r.indicator.unit_of_measure or "", r.target_value, r.renstra_text, r.indicator.formula or "",
                ", ".join(t.unit for t in r.agreed))])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
