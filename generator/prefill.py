"""What a new form starts with: the Renstra indicators the unit answers for, with the
Renstra target for the year, and last year's programs of the unit. Pure functions."""

from __future__ import annotations

from .model import Form, Repository


def form_data(form: Form) -> dict:
    """A Form back as schema-shaped data (the inverse of model.build_form)."""
    data: dict = {"tahun": form.year, "unit": form.unit}
    if form.filled_on:
        data["tanggal"] = form.filled_on.isoformat()
    if form.author:
        data["penyusun"] = form.author
    data["kinerja"] = [{"sasaran": row.objective,
                        "indikator": [{"kode": t.indicator, "target": t.target,
                                       **({"catatan": t.note} if t.note else {})} for t in row.indicators]}
                       for row in form.performance]
    data["program"] = [
        {"kode": p.code, "nama": p.name, **({"indikator": p.indicator} if p.indicator else {}),
         **({"target": p.target} if p.target is not None else {}),
         "kegiatan": [{"kode": k.code, "nama": k.name, **({"indikator": k.indicator} if k.indicator else {}),
                       **({"target": k.target} if k.target is not None else {}),
                       "sub_kegiatan": [{"kode": s.code, "nama": s.name, "indikator": s.indicator, "target": s.target,
                                         **({"satuan": s.unit_of_measure} if s.unit_of_measure else {}),
                                         "anggaran": s.budget, "penanggung_jawab": s.responsible}
                                        for s in k.subs]}
                      for k in p.activities]}
        for p in form.programs]
    return data


def new_form(repo: Repository, year: int, unit: str) -> tuple[dict, list[str]]:
    """Prefilled data for a unit's new form, and notes on what could not be prefilled."""
    assert repo.renstra is not None
    notes: list[str] = []
    kinerja: list[dict] = []
    for obj in repo.renstra.objectives:
        rows = []
        for ind in obj.indicators:
            if unit not in ind.units:
                continue
            target = ind.target(year)
            if target is None:
                notes.append(f"Renstra tidak memuat target {year} untuk indikator {ind.code}; isi targetnya sendiri.")
                continue
            rows.append({"kode": ind.code, "target": target})
        if rows:
            kinerja.append({"sasaran": obj.code, "indikator": rows})
    last = next((f for c in repo.cycles if c.year == year - 1 for f in c.forms if f.unit == unit), None)
    programs = form_data(last)["program"] if last else []
    if last is None:
        notes.append(f"Tidak ada form {unit} tahun {year - 1}; tabel program dimulai kosong.")
    return {"tahun": year, "unit": unit, "kinerja": kinerja, "program": programs}, notes


def start(repo: Repository, year: int, unit: str) -> tuple[dict, Form | None]:
    """What a unit's form starts from: its current form if there is one, else the new-form prefill."""
    current = next((f for c in repo.cycles if c.year == year for f in c.forms if f.unit == unit), None)
    return (form_data(current) if current else new_form(repo, year, unit)[0]), current
