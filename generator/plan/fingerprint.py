"""The content of a compiled RKT as plain data, and its fingerprint (`sidik_isi`): what a
signed version records and what every later check compares with today's data.
"""

from __future__ import annotations

import hashlib
import json

from generator.core.model import Form
from generator.plan.compile import CompiledRkt


def content(rkt: CompiledRkt) -> dict:
    """The plan's content as plain data: what the fingerprint and the version diff compare.

    Everything of the plan that the signed document prints, and nothing else: the
    performance table (sasaran and indicator text included) and every unit's
    program table. The letterhead (agency and unit names, the head who signs)
    is left out on purpose: a reorganisation or a new head must not turn every
    signed plan of the past into a changed one."""
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
    return digest(content(rkt))


def digest(plan: dict) -> str:
    """The fingerprint (`sidik_isi`) of a plan's content (`content` shape)."""
    canonical = json.dumps(plan, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
