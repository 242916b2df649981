"""Rules on the Rencana Aksi of a year (cycles/<year>/renaksi/<unit>.yaml): its name, unit and
year; each indicator is one of the year's RKT, carried by one unit only, its quarterly targets
written like the year's target and aggregating to it; the person responsible, the supporting
kegiatan and the budget plan come from agency.yaml and the unit's form; and every indicator of
the Perjanjian Kinerja is carried by some Rencana Aksi."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules.common import choices, dotted, duplicates, problem, rupiah
from generator.check.rules.performance_context import (
    YearContext,
    form_codes,
    has_year_target,
    misnamed,
    quarter_unlike_year,
    read,
    unit_words,
    unknown_unit,
)
from generator.core.model import Indicator
from generator.core.problems import WARNING, Problem
from generator.core.year import QUARTER_NAMES, ActionPlan, PlannedIndicator
from generator.plan.performance import plan_problem


def plan_rules(ctx: YearContext) -> Iterator[Problem]:
    for plan in ctx.folder.year_files.plans:
        yield from _naming(ctx, plan)
    plans = ctx.plans  # those in their place; a misplaced one is only told where it belongs
    for plan in plans:
        yield from duplicates(((i.indicator, i.at / "kode") for i in plan.indicators), "indikator")
        yield from duplicates(((b.program, b.at / "program") for b in plan.budget), "program")
        for planned in plan.indicators:
            yield from _indicator(ctx, plan, planned)
        yield from _budget_plan(ctx, plan)
    yield from _carried_twice(ctx, plans)
    yield from _not_carried(ctx, plans)


def _naming(ctx: YearContext, plan: ActionPlan) -> Iterator[Problem]:
    """The file is named after its unit, lies in its year's folder, and the unit is the agency's."""
    yield from misnamed(ctx, plan.at, plan.unit, plan.year, "Rencana Aksi", ctx.plan_file(plan.unit), "renaksi")
    yield from unknown_unit(ctx, plan.at, plan.unit)


def _indicator(ctx: YearContext, plan: ActionPlan, planned: PlannedIndicator) -> Iterator[Problem]:
    ind = ctx.indicators.get(planned.indicator)
    if ind is None:
        if ctx.indicators:
            yield problem(planned.at / "kode", "RKT203",
                          f"indikator '{planned.indicator}' tidak ada di Renstra (cycles/renstra.yaml); pilih "
                          f"salah satu: {choices(ctx.indicators)}")
        return
    row = ctx.rows.get(ind.code)
    if row is not None and not has_year_target(row):
        yield problem(planned.at / "kode", "RKT240",
                      f"indikator {ind.code} ({ind.description}) tidak bertarget pada RKT {ctx.year} (target "
                      f"\"-\"), jadi tidak dapat dipecah menjadi target triwulan; hapus indikator ini dari "
                      f"Rencana Aksi, atau beri targetnya lebih dulu di Form RKT")
        return
    if ctx.persons is not None and planned.responsible not in ctx.persons:
        yield problem(planned.at / "penanggung_jawab", "RKT201",
                      f"penanggung jawab '{planned.responsible}' tidak ada di daftar pegawai cycles/agency.yaml; "
                      f"tulis kode pegawai, misalnya kode kepala unit")
    yield from _activities(ctx, plan, planned)
    for q, typed in enumerate(planned.targets, start=1):
        yield from dotted(typed, ind.unit_of_measure, planned.at / "target_triwulan" / (q - 1))
    yield from _quarters(ctx, planned, ind)


def _activities(ctx: YearContext, plan: ActionPlan, planned: PlannedIndicator) -> Iterator[Problem]:
    """The supporting kegiatan are kegiatan or sub kegiatan of the unit's form of the same year."""
    form = ctx.form(plan.unit)
    if form is None:
        if planned.activities:
            yield from ctx.form_missing(planned.at / "kegiatan", plan.unit, "kode kegiatan pendukung")
        return
    codes = form_codes(form)
    wanted = [c for c, level in codes.items() if level != "program"]
    for i, code in enumerate(planned.activities):
        level = codes.get(code)
        if level in ("kegiatan", "sub kegiatan"):
            continue
        what = "adalah kode program, bukan kegiatan" if level == "program" else "tidak ada"
        yield problem(planned.at / "kegiatan" / i, "RKT243",
                      f"kegiatan pendukung '{code}' {what} di Form RKT {ctx.year} unit {ctx.name(plan.unit)} "
                      f"({ctx.form_file(plan.unit)}); tulis kode kegiatan atau sub kegiatan dari form itu: "
                      f"{choices(wanted)}")


def _quarters(ctx: YearContext, planned: PlannedIndicator, ind: Indicator) -> Iterator[Problem]:
    """The quarterly targets are written as the year's target is, and aggregate to it."""
    year_text = ctx.year_target(ind.code)
    if year_text is None:
        return
    year = read(year_text, ind)
    wrong = False
    for q, typed in enumerate(planned.targets, start=1):
        t = read(typed, ind)
        if quarter_unlike_year(t, year):
            wrong = True
            yield problem(planned.at / "target_triwulan" / (q - 1), "RKT245",
                          f"target {QUARTER_NAMES[q]} indikator {ind.code} \"{t.text}\" ditulis dalam "
                          f"{unit_words(t)}, sedangkan target tahunan di RKT {ctx.year} \"{year_text}\" dalam "
                          f"{unit_words(year)}; tulis keempat target triwulan dalam satuan target tahunan")
    why = None if wrong else plan_problem(planned, ind, year_text)
    if why:
        yield problem(planned.at / "target_triwulan", "RKT244",
                      f"indikator {ind.code}: {why}. Ubah target triwulan agar hasilnya {year_text}; cara "
                      f"menggabungkan triwulan ('agregasi') tertulis pada indikator itu di cycles/renstra.yaml")


def _budget_plan(ctx: YearContext, plan: ActionPlan) -> Iterator[Problem]:
    """The budget plan names programs of the unit's form and stays within each program's pagu."""
    if not plan.budget:
        return
    form = ctx.form(plan.unit)
    if form is None:
        yield from ctx.form_missing(plan.at / "anggaran", plan.unit, "kode program rencana anggaran")
        return
    programs = {p.code: p for p in form.programs if p.code}
    for b in plan.budget:
        program = programs.get(b.program)
        if program is None:
            yield problem(b.at / "program", "RKT243",
                          f"program '{b.program}' tidak ada di Form RKT {ctx.year} unit {ctx.name(plan.unit)} "
                          f"({ctx.form_file(plan.unit)}); pilih salah satu: {choices(programs)}")
            continue
        total = sum(b.amounts)
        if program.budget is not None and total > program.budget:
            yield problem(b.at / "triwulan", "RKT246",
                          f"rencana penyerapan TW I–IV program {b.program} berjumlah {rupiah(total)}, melebihi "
                          f"pagu program itu di Form RKT ({rupiah(program.budget)}) sebesar "
                          f"{rupiah(total - program.budget)}; kurangi rencana triwulan agar jumlahnya paling "
                          f"banyak pagu", severity=WARNING)


def _carried_twice(ctx: YearContext, plans: tuple[ActionPlan, ...]) -> Iterator[Problem]:
    """An indicator is broken down by one unit: two Rencana Aksi with it would report it twice."""
    carriers: dict[str, list[tuple[ActionPlan, PlannedIndicator]]] = {}
    for plan in plans:
        for planned in plan.indicators:
            owners = carriers.setdefault(planned.indicator, [])
            if all(p.unit != plan.unit for p, _ in owners):
                owners.append((plan, planned))
    for code, owners in carriers.items():
        if len(owners) < 2:
            continue
        listed = " dan ".join(f"{ctx.name(p.unit)} ({p.at.file})" for p, _ in owners)
        for _, planned in owners:
            yield problem(planned.at / "kode", "RKT241",
                          f"indikator {code} dimuat Rencana Aksi {listed}; satu indikator dipecah menjadi target "
                          f"triwulan oleh satu unit saja. Sepakati unit yang melaporkannya dan hapus dari berkas "
                          f"yang lain")


def _not_carried(ctx: YearContext, plans: tuple[ActionPlan, ...]) -> Iterator[Problem]:
    """Once the year's Rencana Aksi has begun, every indicator of the Perjanjian Kinerja (an IKU
    with a target this year) must be in one of them."""
    if not plans or ctx.folder.cycle is None:
        return
    carried = {i.indicator for p in ctx.folder.year_files.plans for i in p.indicators}  # misplaced ones too
    by_unit = {p.unit: p for p in plans}
    for code, row in ctx.rows.items():
        ind = row.indicator
        if not ind.is_iku or code in carried or not has_year_target(row):
            continue
        units = list(ind.units)
        where = next((by_unit[u] for u in units if u in by_unit), None)
        at = where.at / "indikator" if where is not None else ctx.folder.cycle.at / "tahun"
        shown = row.target_text if row.filled else row.renstra_text
        files = " atau ".join(ctx.plan_file(u) for u in units) or f"{ctx.folder.folder}/renaksi/"
        yield problem(at, "RKT242",
                      f"indikator kinerja utama {code} ({ind.description}, target {ctx.year}: {shown}) "
                      f"tercantum di Perjanjian Kinerja tetapi belum ada di Rencana Aksi mana pun; unit "
                      f"penanggung jawab menurut Renstra: {', '.join(ctx.name(u) for u in units)}. Tambahkan "
                      f"dengan target triwulannya ke {files}", severity=WARNING)
