"""The content of a compiled RKT as plain data, and its fingerprint (`sidik_isi`): what a
signed version records and what every later check compares with today's data.

The fingerprint's recipe carries a number (`versi_sidik` of the signed metadata; a
fingerprint recorded without one is version 1). A new recipe gets the next number and
`RECIPES` keeps every older one, so that a stored fingerprint is always checked with the
recipe that made it: changing the recipe never makes every signed version look changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from generator.core.model import Form
from generator.core.year import YearFiles
from generator.plan.compile import CompiledRkt

VERSION = 1  # the recipe `rkt sign` records today (`versi_sidik`)


def content(rkt: CompiledRkt) -> dict:
    """The plan's content as plain data, as today's recipe reads it: what the version diff and
    the checks against a base revision compare."""
    return content_v1(rkt)


def content_v1(rkt: CompiledRkt) -> dict:
    """The plan's content as recipe 1 reads it (never change it: a new reading is a new recipe).

    Everything of the plan that the signed document prints, and nothing else: the
    performance table (sasaran and indicator text included) and every unit's
    program table. The letterhead (agency and unit names, the head who signs)
    is left out on purpose: a reorganisation or a new head must not turn every
    signed plan of the past into a changed one (what a signed version printed of it is recorded
    apart, `identitas` of its metadata, and printed again from there)."""
    return {
        "tahun": rkt.year,
        # "target" is the target as printed (the units' agreed one, or "belum diisi")
        "kinerja": [{"sasaran": r.objective.code, "sasaran_uraian": r.objective.description,
                     "indikator": r.indicator.code, "uraian": r.indicator.description,
                     "satuan": r.indicator.unit_of_measure, "target": r.target_text,
                     "target_renstra": r.renstra, "unit": [[t.unit, t.target] for t in r.agreed],
                     **({"cara_pengukuran": r.indicator.formula} if r.indicator.formula else {})}
                    for r in rkt.performance],
        "unit": [{"unit": p.unit.code, "program": _programs(p.form)} for p in rkt.units if p.form is not None],
    }


def _programs(form: Form) -> list:
    # a pagu stated on a program or kegiatan is content; absent, the sum below it is derived
    return [{"kode": p.code, "nama": p.name, "indikator": p.indicator, "target": p.target, **_stated(p.amount),
             "kegiatan": [{"kode": k.code, "nama": k.name, "indikator": k.indicator, "target": k.target,
                           **_stated(k.amount),
                           "sub_kegiatan": [{"kode": s.code, "nama": s.name, "indikator": s.indicator,
                                             "target": s.target, "satuan": s.unit_of_measure,
                                             "anggaran": s.budget, "penanggung_jawab": s.responsible}
                                            for s in k.subs]}
                          for k in p.activities]}
            for p in form.programs]


def _stated(amount: int | None) -> dict:
    return {} if amount is None else {"anggaran": amount}


def fingerprint(rkt: CompiledRkt) -> str:
    """Today's fingerprint of a compiled plan (recipe `VERSION`)."""
    return RECIPES[VERSION](rkt)


def fingerprint_v1(rkt: CompiledRkt) -> str:
    """Recipe 1: the SHA-256 of `content`'s canonical JSON. Never change it: every fingerprint
    recorded without `versi_sidik`, and with `versi_sidik: 1`, was made by it."""
    return digest(content_v1(rkt))


RECIPES: dict[int, Callable[[CompiledRkt], str]] = {1: fingerprint_v1}


def known(version: int) -> bool:
    """Whether this version of rkt knows the recipe `version` (a newer rkt may have made it)."""
    return version in RECIPES


def fingerprint_as(rkt: CompiledRkt, version: int) -> str | None:
    """The plan's fingerprint by recipe `version`, to compare with one recorded by it; None when
    the recipe is unknown to this version of rkt."""
    recipe = RECIPES.get(version)
    return recipe(rkt) if recipe is not None else None


def matches(rkt: CompiledRkt, recorded: str, version: int = 1) -> bool:
    """Whether `recorded` (made by recipe `version`) is the fingerprint of the plan as compiled now;
    an unknown recipe never matches."""
    return fingerprint_as(rkt, version) == recorded


def digest(plan: dict) -> str:
    """The fingerprint (`sidik_isi`) of a plan's content (`content` shape)."""
    canonical = json.dumps(plan, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- the Rencana Aksi --------------------------------------------------------------

def action_plan_content(files: YearFiles) -> dict:
    """The year's Rencana Aksi as plain data, as its signed document prints it: every unit's
    indicators with their quarterly targets as typed, the person responsible, the kegiatan, the
    actions and the quarterly budget plan (the filing date and the writer are not content)."""
    return {"rencana_aksi": [
        {"unit": plan.unit,
         "indikator": [{"kode": i.indicator, "target_triwulan": [str(t) for t in i.targets],
                        "penanggung_jawab": i.responsible, "kegiatan": list(i.activities),
                        "aksi": [{"uraian": a.description, "triwulan": list(a.quarters)} for a in i.actions]}
                       for i in plan.indicators],
         "anggaran": [{"program": b.program, "triwulan": list(b.amounts)} for b in plan.budget]}
        for plan in sorted(files.plans, key=lambda p: p.unit)]}


def action_plan_fingerprint(files: YearFiles) -> str:
    """The `sidik_isi` of a signed Rencana Aksi (recipe 1 of its own kind)."""
    return digest(action_plan_content(files))
