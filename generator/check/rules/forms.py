"""Rules on one Form RKT against the reference data: its Renstra codes, its program codes,
its budget (pagu stated above against the amounts below, the unit's ceiling), and the
Renstra text its indicators were agreed against."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check import formrules
from generator.check.rules.common import choices, dotted, duplicates, problem, rupiah
from generator.core.model import Activity, CycleFolder, Form, Program, Renstra, Repository
from generator.core.problems import WARNING, Problem


def form_rules(repo: Repository, folder: CycleFolder, f: Form) -> Iterator[Problem]:
    if repo.renstra is not None:
        yield from _renstra_codes(repo.renstra, f)
    yield from _program_codes(f)
    yield from _budget_rules(f)
    c = folder.cycle
    if c is not None:
        ceiling = c.ceiling(f.unit)
        # what is known already exceeds the ceiling, whatever the amounts still unknown will be
        if ceiling is not None and f.known_budget > ceiling:
            yield problem(f.at / "program", "RKT210", formrules.message(
                "melebihi_pagu", jumlah=rupiah(f.known_budget), unit=f.unit, pagu=rupiah(ceiling),
                selisih=rupiah(f.known_budget - ceiling)))


def _renstra_codes(renstra: Renstra, f: Form) -> Iterator[Problem]:
    """The performance table names sasaran and indicators of the Renstra, each once."""
    yield from duplicates(((row.objective, row.at / "sasaran") for row in f.performance), "sasaran")
    for row in f.performance:
        yield from duplicates(((t.indicator, t.at / "kode") for t in row.indicators), "indikator")
        obj = renstra.objective(row.objective)
        if obj is None:
            yield problem(row.at / "sasaran", "RKT203", formrules.message(
                "sasaran_tidak_ada", kode=row.objective, pilihan=choices(o.code for o in renstra.objectives)))
            continue
        codes = [i.code for i in obj.indicators]
        for t in row.indicators:
            if t.indicator not in codes:
                yield problem(t.at / "kode", "RKT203", formrules.message(
                    "indikator_tidak_ada", kode=t.indicator, sasaran=obj.code, pilihan=choices(codes)))
            ind = next((i for i in obj.indicators if i.code == t.indicator), None)
            yield from dotted(t.target, ind.unit_of_measure if ind else None, t.at / "target")
            bare = ind and formrules.bare_number(t.target, ind.unit_of_measure, ind.description, ind.code)
            if bare:
                yield problem(t.at / "target", formrules.BARE_CODE, bare, severity=WARNING)


def _program_codes(f: Form) -> Iterator[Problem]:
    """Program, kegiatan and sub kegiatan codes are unique and start with their parent's code."""
    yield from duplicates(((p.code, p.at / "kode") for p in f.programs if p.code), "kode program")
    yield from duplicates(((k.code, k.at / "kode") for p in f.programs for k in p.activities), "kode kegiatan")
    yield from duplicates(((s.code, s.at / "kode") for p in f.programs for k in p.activities for s in k.subs),
                          "kode sub kegiatan")
    for p in f.programs:
        for k in p.activities:
            if p.code and not k.code.startswith(p.code + "."):  # a program without a code checks none
                yield problem(k.at / "kode", "RKT204",
                              formrules.message("kegiatan_salah_program", kode=k.code, induk=p.code))
            for s in k.subs:
                if not s.code.startswith(k.code + "."):
                    yield problem(s.at / "kode", "RKT204",
                                  formrules.message("sub_salah_kegiatan", kode=s.code, induk=k.code))
                yield from dotted(s.target, s.unit_of_measure, s.at / "target")


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def recorded_texts(repo: Repository, f: Form) -> Iterator[Problem]:
    """An indicator entry records the Renstra text it was agreed against (`uraian`); a Renstra
    revision that rewrote the indicator under the same code changed what the target promises."""
    if repo.renstra is None:
        return
    texts = {i.code: i.description for _, i in repo.renstra.indicators()}
    for row in f.performance:
        for t in row.indicators:
            now = texts.get(t.indicator)
            if t.description is not None and now is not None and _words(t.description) != _words(now):
                yield problem(t.at / "uraian", "RKT227", formrules.message(
                    "uraian_berubah", kode=t.indicator, uraian=t.description, kini=now, target=t.target),
                    severity=WARNING)


_LEVEL = {Program: "program", Activity: "kegiatan"}
_CHILD = {Program: "kegiatan", Activity: "sub kegiatan"}


def _budget_rules(f: Form) -> Iterator[Problem]:
    """A pagu stated on a program or kegiatan and the amounts below it must agree: the
    parent equals the sum of its children when all of them have an amount, and is never
    less than what the children already add up to. A node without any amount is flagged,
    as it would print as an empty line and count as nothing. An amount not given is unknown:
    a stated amount is compared for equality only with children whose totals are all known."""
    for p in f.programs:
        yield from dotted(p.target, None, p.at / "target")
        nodes: list[tuple[Program | Activity, bool]] = [(p, False)]
        for k in p.activities:
            yield from dotted(k.target, None, k.at / "target")
            nodes.append((k, p.amount is not None))
        for node, covered in nodes:
            yield from _node_budget(node, covered)


def _node_budget(node: Program | Activity, covered: bool) -> Iterator[Problem]:
    """One program or kegiatan (`covered`: its program states a pagu that counts for it)."""
    level, child = _LEVEL[type(node)], _CHILD[type(node)]
    if not node.has_budget and not covered:
        yield problem(node.at, "RKT225", formrules.message("tanpa_anggaran", tingkat=level, kode=_named(node),
                                                           anak=child), severity=WARNING)
    if node.amount is None:
        return
    budgeted = [c for c in node.children if c.has_budget]
    if not budgeted:
        return
    total = sum(c.known_budget for c in budgeted)
    listed = ", ".join(f"{c.code} {rupiah(c.known_budget)}" for c in budgeted)
    values = dict(tingkat=level, kode=_named(node), anggaran=rupiah(node.amount), anak=child,
                  jumlah=rupiah(total), rincian=listed, selisih=rupiah(abs(node.amount - total)))
    if all(c.budget is not None for c in node.children) and total != node.amount:
        yield problem(node.at / "anggaran", "RKT220", formrules.message("anggaran_tidak_sama", **values))
    elif total > node.amount:
        yield problem(node.at / "anggaran", "RKT220", formrules.message("anggaran_kurang", **values))


def _named(node: Program | Activity) -> str:
    """How a message names a program or kegiatan: its code, or its name when it has none."""
    return node.code or f"'{node.name}'"
