"""The data of the "Isi Form RKT" page, embedded in it at build time (the page works offline).

The page fills in a unit's form in the browser with the same rules the check applies on
GitHub: it gets the form schema and the form rules as data, each open cycle's facts, every
required unit's starting form (its current one, or the new-form prefill) with the YAML
header its file would carry, and the Renstra's objectives and indicators to choose from.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.check import formrules
from generator.core.model import CycleFolder, Repository
from generator.plan import prefill
from generator.plan.derive import BuildError
from generator.plan.status import CycleStatus
from generator.source import yamlwrite
from generator.source.load import load_file
from generator.source.schema import SchemaSet


def form_page_data(root: Path, repository: Repository, folders: tuple[CycleFolder, ...],
                   statuses: dict[int, CycleStatus]) -> dict:
    """Everything the "Isi Form RKT" page needs; `folders` and `statuses` as `derive` made them."""
    repo = repository.complete()
    if repo is None:  # derive() refuses such a repository before any page is made
        raise BuildError("agency.yaml, sop.yaml dan renstra.yaml harus valid untuk membangun dasbor")
    cycles = []
    for c in sorted(folders, key=lambda f: f.year):
        if c.cycle is None or statuses[c.year].finished:
            continue
        units = []
        for code in c.cycle.required_units:
            unit = repo.agency.unit(code)
            units.append(_unit_form(root, repository, c.year, code, unit.name if unit else code))
        cycles.append({"tahun": c.year, "units": units,
                       **formrules.cycle_facts(repository, c, statuses[c.year].today)})
    satuan = sorted({s.unit_of_measure for c in repo.cycles for f in c.forms for p in f.programs
                     for k in p.activities for s in k.subs if s.unit_of_measure})
    schemas = SchemaSet.load(root / "schemas")
    return {
        "schema": page_schema(schemas.flat["form"]),
        **formrules.export(schemas.documents["form.schema.json"]),  # the rules about one form, as data
        "comments": {"kinerja": yamlwrite.KINERJA_COMMENT, "program": yamlwrite.PROGRAM_COMMENT},
        "cycles": cycles,
        "renstra": [{"kode": o.code, "uraian": o.description,
                     "indikator": [{"kode": i.code, "uraian": i.description, "satuan": i.unit_of_measure}
                                   for i in o.indicators]} for o in repo.renstra.objectives],
        "satuan": satuan,
        "repo_url": repository_address(root),
        "branch": "main",
    }


# the file wants an amount without dots; the page reads it as people write it (core/amount.py)
_FILE_AMOUNT = re.compile(r"bilangan bulat tanpa titik, misalnya [0-9]+")
_PAGE_AMOUNT = "ditulis seperti biasa, misalnya 150.000.000, Rp 150.000.000 atau 150 juta"


def page_schema(schema: dict) -> dict:
    """The form schema as the page shows it: an amount's help says how to type it on the page."""
    out = {k: page_schema(v) if isinstance(v, dict) else v for k, v in schema.items()}
    description = schema.get("description")
    if schema.get("type") == "integer" and schema.get("minimum") == 0 and isinstance(description, str):
        out["description"] = _FILE_AMOUNT.sub(_PAGE_AMOUNT, description)
    return out


def _unit_form(root: Path, repository: Repository, year: int, code: str, name: str) -> dict:
    """One unit's starting form: its current one if it has one, else the new-form prefill."""
    data, form = prefill.start(repository, year, code)
    if form is not None:
        header = yamlwrite.form_header((root / form.at.file).read_text(encoding="utf-8-sig"))
    else:
        remark = prefill.carried_budget_note(repository, year, code)  # last year's amounts are not copied
        header = yamlwrite.form_header(yamlwrite.form_yaml(data, f"Form RKT Tahun {year} {name}.", explain=True,
                                                           remarks=(remark,) if remark else ()))
    return {"kode": code, "nama": name, "ada": form is not None, "header": header, "data": data}


def repository_address(root: Path) -> str:
    """`extra.repositori` of mkdocs.yml, where the page sends a finished form."""
    # not `repo_url`: with it the theme asks api.github.com for stars and releases on every visit
    config = load_file(root / "mkdocs.yml", "mkdocs.yml").document
    extra = config.data.get("extra") if config is not None and isinstance(config.data, dict) else None
    repo_url = extra.get("repositori", "") if isinstance(extra, dict) else ""
    return repo_url if isinstance(repo_url, str) else ""
