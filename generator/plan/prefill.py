"""What a new form starts with: the Renstra indicators the unit answers for, with the
Renstra target for the year, and last year's programs of the unit, where a program or
kegiatan that measures a Renstra indicator takes that indicator's target for the year
(never last year's, silently). Last year's amounts are not carried over: a pagu is this
year's DPA's, so every `anggaran` starts empty ("belum ada anggaran" on paper) with a note
naming last year's amounts for reference. Pure functions."""

from __future__ import annotations

from generator.core.model import Activity, Form, Indicator, Program, Renstra, Repository


def form_data(form: Form) -> dict:
    """A Form back as schema-shaped data (the inverse of model.build_form)."""
    data: dict = {"tahun": form.year, "unit": form.unit}
    if form.filled_on:
        data["tanggal"] = form.filled_on.isoformat()
    if form.author:
        data["penyusun"] = form.author
    data["kinerja"] = [{"sasaran": row.objective,
                        "indikator": [{"kode": t.indicator, **({"uraian": t.description} if t.description else {}),
                                       "target": t.target, **({"catatan": t.note} if t.note else {})}
                                      for t in row.indicators]}
                       for row in form.performance]
    data["program"] = [
        {**_head(p), **({"kegiatan": [
            {**_head(k), **({"sub_kegiatan": [
                {"kode": s.code, "nama": s.name, "indikator": s.indicator, "target": s.target,
                 **({"satuan": s.unit_of_measure} if s.unit_of_measure else {}),
                 **({"anggaran": s.budget} if s.budget is not None else {}), "penanggung_jawab": s.responsible}
                for s in k.subs]} if k.subs else {})}
            for k in p.activities]} if p.activities else {})}
        for p in form.programs]
    return data


def _head(node: Program | Activity) -> dict:
    """What a program and a kegiatan share; optional keys only when given (an empty list of
    children is left out, as the file would have it)."""
    return {**({"kode": node.code} if node.code else {}), "nama": node.name,
            **({"indikator": node.indicator} if node.indicator else {}),
            **({"target": node.target} if node.target is not None else {}),
            **({"anggaran": node.amount} if node.amount is not None else {})}


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
            # the text it is agreed against: a later Renstra revision of it shows (check/rules RKT227)
            rows.append({"kode": ind.code, "uraian": ind.description, "target": target})
        if rows:
            kinerja.append({"sasaran": obj.code, "indikator": rows})
    last = _last_form(repo, year, unit)
    programs = form_data(last)["program"] if last else []
    if last is None:
        notes.append(f"Tidak ada form {unit} tahun {year - 1}; tabel program dimulai kosong.")
    else:
        notes += retarget(programs, repo.renstra, year)
        notes.append(f"Target lain pada tabel program disalin dari form {year - 1}; perbarui untuk {year}.")
        note = budget_note(last, year)
        if note:
            _drop_amounts(programs)
            notes.append(note)
    return {"tahun": year, "unit": unit, "kinerja": kinerja, "program": programs}, notes


def budget_note(last: Form, year: int) -> str | None:
    """Why the copied program table has no amounts, and last year's for reference; None when
    last year's form had none."""
    if not any(p.has_budget for p in last.programs):
        return None
    total = last.total
    known = (f"jumlah anggaran form {year - 1}: {_rupiah(total)}" if total is not None else
             f"anggaran form {year - 1} yang sudah diisi: {_rupiah(last.known_budget)}, sebagian belum ada")
    return (f"Anggaran tidak disalin dari form {year - 1}: isi 'anggaran' dari DPA/pagu tahun {year}. "
            f"Sebagai pembanding saja, {known}.")


def carried_budget_note(repo: Repository, year: int, unit: str) -> str | None:
    """The note a new form of `unit` for `year` carries about the amounts it does not copy."""
    last = _last_form(repo, year, unit)
    return budget_note(last, year) if last is not None else None


def _last_form(repo: Repository, year: int, unit: str) -> Form | None:
    return next((f for c in repo.cycles if c.year == year - 1 for f in c.forms if f.unit == unit), None)


def _rupiah(n: int) -> str:
    return "Rp " + f"{n:,}".replace(",", ".")


def _drop_amounts(programs: list[dict]) -> None:
    """Every `anggaran` of a copied program table removed, in place."""
    for p in programs:
        p.pop("anggaran", None)
        for k in p.get("kegiatan", ()):
            k.pop("anggaran", None)
            for s in k.get("sub_kegiatan", ()):
                s.pop("anggaran", None)


def _by_description(renstra: Renstra) -> dict[str, Indicator]:
    """Renstra indicators by their wording (spacing and case aside); a wording shared by two
    indicators names neither."""
    seen: dict[str, list[Indicator]] = {}
    for _, ind in renstra.indicators():
        seen.setdefault(_words(ind.description), []).append(ind)
    return {text: inds[0] for text, inds in seen.items() if len(inds) == 1}


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def retarget(programs: list[dict], renstra: Renstra, year: int) -> list[str]:
    """Give each program and kegiatan (schema-shaped, copied from last year) whose indicator is a
    Renstra indicator that indicator's target for `year`, in place; a note for every change."""
    index = _by_description(renstra)
    notes = []
    for program in programs:
        for level, item in [("program", program)] + [("kegiatan", k) for k in program.get("kegiatan", [])]:
            ind = index.get(_words(item.get("indikator") or ""))
            if ind is None:
                continue
            old, new = item.get("target"), ind.target(year)
            if new is None:
                notes.append(f"Renstra tidak memuat target {year} untuk indikator {ind.code}; target {level} "
                             f"{_named(item)} masih target form {year - 1} ({old if old is not None else '-'}).")
            elif old is None or str(old) != str(new):
                item["target"] = new
                was = f"form {year - 1} memakai {old}" if old is not None else f"form {year - 1} tanpa target"
                notes.append(f"Target {level} {_named(item)} diambil dari Renstra {year} ({ind.code}: {new}); {was}.")
    return notes


def _named(item: dict) -> str:
    return item.get("kode") or f"'{item['nama']}'"


def start(repo: Repository, year: int, unit: str) -> tuple[dict, Form | None]:
    """What a unit's form starts from: its current form if there is one, else the new-form prefill."""
    current = next((f for c in repo.cycles if c.year == year for f in c.forms if f.unit == unit), None)
    return (form_data(current) if current else new_form(repo, year, unit)[0]), current
