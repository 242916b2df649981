"""The data of the "Isi Laporan Triwulan" page, embedded in it at build time (the page works offline).

The page fills in a unit's quarterly report (cycles/<year>/laporan/tw<N>/<unit>.yaml) on the
same engine as the "Isi Form RKT" page (docs/js/isi-form.js): it gets the report schema, the
rules about one report as data (generator/check/formrules.py), and for every year with a
Rencana Aksi, every quarter and every unit that has one: the starting report (the one in the
repository, or a new one listing the unit's indicators and programs), the file's header and
path, and what the page shows read-only beside the inputs (each indicator's text, satuan and
the quarter's target; each program, kegiatan and sub kegiatan with its pagu).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import formrules
from generator.check.rules.performance_context import form_codes, program_codes, quarter_unlike_year
from generator.core import target as tgt
from generator.core.model import CycleFolder, Form, Indicator, Unit
from generator.core.year import QUARTER_NAMES, QUARTERS, ActionPlan, QuarterReport, quarter_end
from generator.plan.compile import CompiledRkt
from generator.plan.derive import Derived
from generator.site.formpage import page_schema, repository_address
from generator.source import yamlwrite
from generator.source.load import load_file
from generator.source.schema import SchemaSet

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# the words of the page that differ from the RKT form's (docs/js/isi-form.js, PAGE)
WORDS = {
    "penyimpanan": "rkt-isi-laporan:",
    "benda": "laporan",
    "judul": "Laporan",
    "halaman": "Isi Laporan Triwulan",
    "panduan": "Rencana Aksi dan laporan triwulan",
    "pilih_siklus": "Tahun dan triwulan",
    "tidak_ada": ("Belum ada Rencana Aksi yang dapat dilaporkan. Laporan triwulan diisi setelah Rencana Aksi "
                  "unit disetujui."),
    "bukan_berkas": ("isi berkas bukan laporan triwulan (harus berupa kelompok isian: tahun, triwulan, unit, "
                     "realisasi)"),
    "tanpa_periode": ("berkas ini untuk tahun {tahun} triwulan {triwulan}; di situs ini tidak ada Rencana Aksi "
                      "tahun itu yang dapat dilaporkan"),
    "dipilih": ["tahun", "triwulan", "unit"],
}


def report_page_data(root: Path, d: Derived) -> dict:
    """Everything the "Isi Laporan Triwulan" page needs, from what `derive` made."""
    schemas = SchemaSet.load(root / "schemas")
    periods = []
    for folder in sorted(d.folders, key=lambda f: f.year):
        if not folder.year_files.plans or folder.year < d.today.year - 1:
            continue  # a year without a Rencana Aksi has nothing to report; a year long past is closed
        periods += [_period(root, d, folder, q) for q in QUARTERS]
    return {
        "halaman": WORDS,
        "schema": _titled(page_schema(schemas.flat["laporan"])),
        **formrules.export_report(schemas.documents["laporan.schema.json"]),
        "comments": {},
        "cycles": periods,
        "renstra": [{"kode": o.code, "uraian": o.description,
                     "indikator": [{"kode": i.code, "uraian": i.description, "satuan": i.unit_of_measure}
                                   for i in o.indicators]} for o in d.repo.renstra.objectives],
        "satuan": [],
        "repo_url": repository_address(root),
        "branch": "main",
    }


# what an item of a list is called on the page (its legend, its "Tambah ..." button)
_ITEM_TITLES = {"anggaran": "Realisasi anggaran program, kegiatan atau sub kegiatan", "perubahan": "Perubahan"}


def _titled(schema: dict) -> dict:
    """The report schema as the page shows it: every list's items named."""
    props = dict(schema["properties"])
    for key, title in _ITEM_TITLES.items():
        if key in props and "title" not in props[key]["items"]:
            props[key] = {**props[key], "items": {**props[key]["items"], "title": title}}
    return {**schema, "properties": props}


def _period(root: Path, d: Derived, folder: CycleFolder, quarter: int) -> dict:
    """One year's quarter: its facts for the rules and every unit that has a Rencana Aksi."""
    year = folder.year
    agency = d.repo.agency
    units = [_unit(root, d, folder, plan, quarter, agency.unit(plan.unit)) for plan in folder.year_files.plans]
    end = quarter_end(year, quarter)
    cycle_folder = root / folder.folder
    return {
        "tahun": year, "triwulan": quarter, "kunci": f"{year}-tw{quarter}",
        "label": f"{year}, Triwulan {ROMAN[quarter]}", "judul": f"Triwulan {ROMAN[quarter]} {year}",
        "identitas": f"Tahun {year}, Triwulan {ROMAN[quarter]}",
        "pilih": {"tahun": year, "triwulan": quarter},
        "kosong": {"berkas": _file(year, quarter, "{unit}"), "header": _header(year, quarter, "{unit}"),
                   "data": {"tahun": year, "triwulan": quarter, "realisasi": []}},
        "units": units,
        **formrules.period_facts(agency.timezone, [u.code for u in agency.units],
                                 {u.code: u.short for u in agency.units}, d.today),
        # RKT250: a quarter is reported once it has ended
        "akhir": end.isoformat(), "mulai_lapor": (end + dt.timedelta(days=1)).isoformat(),
        "nama_triwulan": QUARTER_NAMES[quarter],
        # RKT251, RKT203, RKT211: the units with a Rencana Aksi, the Renstra's indicators, the files there
        "unit_renaksi": [p.unit for p in folder.year_files.plans],
        "berkas_renaksi": f"{folder.folder}/renaksi/{{unit}}.yaml",
        "indikator_renstra": [i.code for _, i in d.repo.renstra.indicators()],
        "folder": folder.folder,
        # RKT201: who may be named as having changed a report
        "pegawai": sorted(p.code for p in agency.persons),
        "berkas_ada": sorted(p.relative_to(cycle_folder).as_posix() for p in cycle_folder.rglob("*")
                             if p.is_file()),
    }


def _file(year: int, quarter: int, unit: str) -> str:
    return f"cycles/{year}/laporan/tw{quarter}/{unit}.yaml"


def _header(year: int, quarter: int, name: str) -> str:
    return (yamlwrite.schema_line("laporan", 4)
            + f"# Laporan Triwulan {ROMAN[quarter]} Tahun {year} {name}.\n\n")


def _unit(root: Path, d: Derived, folder: CycleFolder, plan: ActionPlan, quarter: int, unit: Unit | None) -> dict:
    """One unit's report of the quarter: the one in the repository, else a new one."""
    name = unit.name if unit is not None else plan.unit
    form = next((f for f in folder.forms if f.unit == plan.unit), None)
    indicators = {i.code: i for _, i in d.repo.renstra.indicators()}
    report = folder.year_files.report(quarter, plan.unit)
    data, header = _existing(root, report) if report is not None else (None, None)
    if data is None:
        header = _header(folder.year, quarter, name)
        data = {"tahun": folder.year, "triwulan": quarter, "unit": plan.unit,
                "realisasi": [{"kode": p.indicator} for p in plan.indicators
                              if not _none(p.target(quarter), indicators.get(p.indicator))],
                "anggaran": [{"kode": p.code} for p in (form.programs if form else ()) if p.code]}
    return {"kode": plan.unit, "nama": name, "ada": report is not None, "header": header, "data": data,
            "berkas": _file(folder.year, quarter, plan.unit),
            "rujukan": {"realisasi.*.kode": _indicator_notes(plan, quarter, indicators),
                        "anggaran.*.kode": _budget_notes(form)},
            # what the rules about this report read (RKT252–RKT255, RKT243)
            "renaksi_berkas": plan.at.file,
            "rencana": [_planned(p.indicator, plan, quarter, indicators, d.compiled.get(folder.year))
                        for p in plan.indicators],
            "kode_form": list(form_codes(form)) if form is not None else None,
            "program_pagu": _program_budgets(folder, form, quarter, plan.unit),
            "form_berkas": f"{folder.folder}/forms/{plan.unit}.yaml",
            "form_rusak": form is None and (root / folder.folder / "forms" / f"{plan.unit}.yaml").is_file()}


def _program_budgets(folder: CycleFolder, form: Form | None, quarter: int, unit: str) -> list[dict]:
    """RKT256: each program with a pagu, the codes its spending is reported under, and what the unit's
    reports of the earlier quarters spent on it."""
    earlier = [r for r in folder.year_files.reports if r.unit == unit and r.quarter < quarter]
    out = []
    for p in form.programs if form else ():
        if p.budget is None:
            continue
        codes = program_codes(p)
        out.append({"program": p.label, "pagu": p.budget, "kode": sorted(codes),
                    "sebelumnya": sum(s.amount for r in earlier for s in r.spending if s.code in codes)})
    return out


def _planned(code: str, plan: ActionPlan, quarter: int, indicators: dict[str, Indicator],
             rkt: CompiledRkt | None) -> dict:
    """One indicator of the Rencana Aksi as the rules read it: its quarter's target, and the
    target a realisation answers (the quarter's; the year's when the quarter says "-" or is
    written unlike the year's: RKT245 is then the plan's problem)."""
    ind = indicators.get(code)
    planned = plan.indicator(code)
    assert planned is not None
    satuan = ind.unit_of_measure if ind else None
    typed = planned.target(quarter)
    quarter_target = tgt.parse(typed, satuan)
    answered: str | None = str(typed) if ind is not None else None
    named = f"target {QUARTER_NAMES[quarter]}-nya di Rencana Aksi"
    row = next((r for r in rkt.performance if r.indicator.code == code), None) if rkt is not None else None
    year_text = row.target_text if row is not None and row.filled and len(row.distinct) <= 1 else None
    year = tgt.parse(year_text, satuan) if year_text is not None else None
    if quarter_target.is_none or (year is not None and quarter_unlike_year(quarter_target, year)):
        answered, named = year_text, f"target tahunannya di RKT {plan.year}"
    return {"kode": code, "uraian": ind.description if ind else "", "satuan": satuan, "target": str(typed).strip(),
            "tanpa_target": quarter_target.is_none, "jawab": answered if ind is not None else None,
            "jawab_nama": named}


def _none(typed: str | int, ind: Indicator | None) -> bool:
    return tgt.parse(typed, ind.unit_of_measure if ind else None).is_none


def _existing(root: Path, report: QuarterReport) -> tuple[object, str]:
    """The report as its file holds it (the page edits what is there), with its comment header."""
    path = root / report.at.file
    loaded = load_file(path, report.at.file)
    text = path.read_text(encoding="utf-8-sig")
    index = text.find("\ntahun:")
    header = text[:index + 1] if index >= 0 else ""
    return (loaded.document.data if loaded.document is not None else None), header


def _indicator_notes(plan: ActionPlan, quarter: int, indicators: dict[str, Indicator]) -> list[dict]:
    """Each indicator of the unit's Rencana Aksi as the page shows it beside the realisation."""
    out = []
    for p in plan.indicators:
        ind = indicators.get(p.indicator)
        text = ind.description if ind else p.indicator
        satuan = ind.unit_of_measure if ind and ind.unit_of_measure else "tanpa satuan"
        target = str(p.target(quarter)).strip()
        out.append({"value": p.indicator, "label": f"{p.indicator} {text}",
                    "info": f"{p.indicator} {text}. Target {QUARTER_NAMES[quarter]}: {target} (satuan: {satuan})"})
    return out


def _budget_notes(form: Form | None) -> list[dict]:
    """Each program, kegiatan and sub kegiatan of the unit's form, with its pagu."""
    out: list[dict] = []
    for p in form.programs if form else ():
        rows = [("", p.code, p.name, p.budget)]  # a program's name says "Program ..." itself
        for k in p.activities:
            rows.append(("Kegiatan", k.code, k.name, k.budget))
            rows += [("Sub kegiatan", s.code, s.name, s.budget) for s in k.subs]
        for level, code, name, budget in rows:
            if code:
                pagu = formrules.rupiah(budget) if budget is not None else "belum diisi"
                out.append({"value": code, "label": f"{code} {name}",
                            "info": f"{level + ' ' if level else ''}{name}, pagu {pagu}"})
    return out
