"""Rules on the quarterly reports of a year (cycles/<year>/laporan/tw<N>/<unit>.yaml): name,
year, quarter and unit; a quarter that has ended; a unit with a Rencana Aksi, realising its
indicators only, each in its target's unit and readable; every planned target realised; spending
on the unit's own programs, kegiatan and sub kegiatan within each program's pagu over the year;
the evidence files there; revisions made by staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check import formrules
from generator.check.rules.common import choices, duplicates, problem, rupiah
from generator.check.rules.performance_context import (
    YearContext,
    example,
    form_codes,
    misnamed,
    placed,
    program_codes,
    quarter_unlike_year,
    read,
    unit_words,
    unknown_unit,
    value_unlike_target,
)
from generator.core import target as tgt
from generator.core.model import Form
from generator.core.problems import WARNING, Problem
from generator.core.year import QUARTER_NAMES, ActionPlan, QuarterReport, Realisation, quarter_end


def report_rules(ctx: YearContext) -> Iterator[Problem]:
    reports = sorted(ctx.folder.year_files.reports, key=lambda r: (r.unit, r.quarter))
    for report in reports:
        yield from _naming(ctx, report)
    reports = [r for r in reports if placed(ctx, r)]  # a misplaced one is only told where it belongs
    for report in reports:
        yield from _realisations(ctx, report)
        yield from _spending_codes(ctx, report)
        yield from _evidence(ctx, report)
        if ctx.persons is not None:
            for rev in report.revisions:
                if rev.by not in ctx.persons:
                    yield problem(rev.at / "oleh", "RKT201", formrules.message("pegawai_perubahan", kode=rev.by))
    yield from _over_budget(ctx, reports)


def _title(ctx: YearContext, report: QuarterReport) -> str:
    return f"laporan {QUARTER_NAMES.get(report.quarter, report.quarter)} {ctx.year} unit {ctx.name(report.unit)}"


def _naming(ctx: YearContext, report: QuarterReport) -> Iterator[Problem]:
    """Year, quarter and unit as the folders and the file name say; a quarter that has ended."""
    yield from misnamed(ctx, report.at, report.unit, report.year, "laporan", f"{report.unit}.yaml", "laporan")
    folder_quarter = report.at.file.split("/")[-2]
    if folder_quarter != f"tw{report.quarter}":
        yield problem(report.at / "triwulan", "RKT213",
                      f"triwulan {report.quarter} tidak sama dengan foldernya ({folder_quarter}); laporan triwulan "
                      f"{report.quarter} diletakkan di {ctx.folder.folder}/laporan/tw{report.quarter}/")
    yield from unknown_unit(ctx, report.at, report.unit)
    end = quarter_end(ctx.year, report.quarter)
    if ctx.today <= end:
        yield problem(report.at / "triwulan", "RKT250",
                      f"{QUARTER_NAMES[report.quarter]} {ctx.year} baru berakhir pada {end.isoformat()} (hari ini "
                      f"{ctx.today.isoformat()}); laporan triwulan diajukan setelah triwulannya berakhir. Simpan "
                      f"dulu isinya di luar repositori dan ajukan mulai {(end + dt.timedelta(days=1)).isoformat()}")


def _no_plan(ctx: YearContext, report: QuarterReport) -> Iterator[Problem]:
    """A report answers the unit's Rencana Aksi: without one it has no quarterly target to measure."""
    if ctx.plan(report.unit) is None and ctx.plan_file(report.unit) not in ctx.files:
        yield problem(report.at / "unit", "RKT251",
                      f"unit {ctx.name(report.unit)} belum memiliki Rencana Aksi {ctx.year} "
                      f"({ctx.plan_file(report.unit)}), jadi laporannya tidak punya target triwulan untuk "
                      f"dibandingkan; ajukan Rencana Aksi unit ini lebih dulu")


def _realisations(ctx: YearContext, report: QuarterReport) -> Iterator[Problem]:
    plan = ctx.plan(report.unit)  # None also when it is invalid or misplaced: its own problems say so
    yield from _no_plan(ctx, report)
    yield from duplicates(((r.indicator, r.at / "kode") for r in report.realisations), "indikator")
    for r in report.realisations:
        if ctx.indicators and r.indicator not in ctx.indicators:
            yield problem(r.at / "kode", "RKT203",
                          f"indikator '{r.indicator}' tidak ada di Renstra (cycles/renstra.yaml); pilih salah satu: "
                          f"{choices(ctx.indicators)}")
            continue
        if plan is None:
            continue
        if plan.indicator(r.indicator) is None:
            yield problem(r.at / "kode", "RKT252",
                          f"indikator {r.indicator} tidak ada di Rencana Aksi unit {ctx.name(report.unit)} "
                          f"({plan.at.file}); laporkan hanya indikator Rencana Aksi unit ini: "
                          f"{choices(i.indicator for i in plan.indicators)}")
            continue
        yield from _reading(ctx, report, plan, r)
    if plan is not None:
        yield from _unreported(ctx, report, plan)


def _answered_target(ctx: YearContext, report: QuarterReport, plan: ActionPlan,
                     code: str) -> tuple[tgt.Target, str] | None:
    """The target a realisation answers, with how a message names it: the quarter's in the
    Rencana Aksi, else (no target that quarter, or one RKT245 refuses) the year's."""
    ind = ctx.indicators.get(code)
    planned = plan.indicator(code)
    if ind is None or planned is None:
        return None
    year_text = ctx.year_target(code)
    year = read(year_text, ind) if year_text is not None else None
    quarter = read(planned.target(report.quarter), ind)
    if quarter.is_none or (year is not None and quarter_unlike_year(quarter, year)):
        return (year, f"target tahunannya di RKT {ctx.year}") if year is not None else None
    return quarter, f"target {QUARTER_NAMES[report.quarter]}-nya di Rencana Aksi"


def _reading(ctx: YearContext, report: QuarterReport, plan: ActionPlan, r: Realisation) -> Iterator[Problem]:
    """A realisation is read like its target, in the target's unit."""
    ind = ctx.indicators.get(r.indicator)
    if ind is None:  # no valid Renstra to read it by
        return
    value = read(r.value, ind)
    at = r.at / "realisasi"
    if value.dotted:
        yield problem(at, "RKT254",
                      f"realisasi {r.indicator} \"{value.text}\" memakai titik desimal, yang di Indonesia "
                      f"memisahkan ribuan, sehingga bermakna ganda; tulis {value.fix}")
        return
    answered = _answered_target(ctx, report, plan, r.indicator)
    if answered is None or not value_unlike_target(value, answered[0]):
        return
    target, named = answered
    yield problem(at, "RKT253",
                  f"realisasi {r.indicator} \"{value.text}\" ditulis dalam {unit_words(value)}, sedangkan {named} "
                  f"\"{target.text}\" dalam {unit_words(target)}; capaian hanya dapat dihitung bila realisasi "
                  f"ditulis dalam satuan targetnya, misalnya {example(value, target)}")


def _unreported(ctx: YearContext, report: QuarterReport, plan: ActionPlan) -> Iterator[Problem]:
    """Every indicator the Rencana Aksi gives a target in this quarter has a realisation."""
    for planned in plan.indicators:
        ind = ctx.indicators.get(planned.indicator)
        if ind is None or read(planned.target(report.quarter), ind).is_none:
            continue
        given = report.realisation(planned.indicator)
        if given is None or read(given.value, ind).is_none:
            at = given.at / "realisasi" if given is not None else report.at / "realisasi"
            yield problem(at, "RKT255",
                          f"indikator {planned.indicator} ({ind.description}) bertarget "
                          f"{str(planned.target(report.quarter)).strip()} pada {QUARTER_NAMES[report.quarter]} "
                          f"menurut Rencana Aksi ({plan.at.file}), tetapi belum diberi realisasi; tambahkan "
                          f"realisasinya beserta faktor pendorong atau penghambatnya", severity=WARNING)


def _spending_codes(ctx: YearContext, report: QuarterReport) -> Iterator[Problem]:
    """Spending is reported on a program, kegiatan or sub kegiatan of the unit's form."""
    if not report.spending:
        return
    form = ctx.form(report.unit)
    if form is None:
        yield from ctx.form_missing(report.at / "anggaran", report.unit, "kode realisasi anggaran")
        return
    codes = form_codes(form)
    for s in report.spending:
        if s.code not in codes:
            yield problem(s.at / "kode", "RKT243",
                          f"kode '{s.code}' bukan program, kegiatan atau sub kegiatan di Form RKT {ctx.year} unit "
                          f"{ctx.name(report.unit)} ({ctx.form_file(report.unit)}); tulis salah satu kode dari "
                          f"form itu, misalnya {choices(list(codes)[:3])}")


def _over_budget(ctx: YearContext, reports: list[QuarterReport]) -> Iterator[Problem]:
    """Spending on a program summed over the year's reports stays within its pagu: warned at the
    report that crosses it."""
    units = dict.fromkeys(r.unit for r in reports)
    for unit in units:
        form = ctx.form(unit)
        if form is not None:
            yield from _program_spending(ctx, form, [r for r in reports if r.unit == unit])


def _program_spending(ctx: YearContext, form: Form, reports: list[QuarterReport]) -> Iterator[Problem]:
    for program in form.programs:
        if program.budget is None:
            continue
        codes, total = program_codes(program), 0
        for report in sorted(reports, key=lambda r: r.quarter):
            lines = [s for s in report.spending if s.code in codes]
            before = total
            total += sum(s.amount for s in lines)
            if lines and before <= program.budget < total:
                yield problem(lines[-1].at / "realisasi", "RKT256", formrules.message(
                    "melebihi_pagu_tahun", program=program.label, triwulan=QUARTER_NAMES[report.quarter],
                    jumlah=rupiah(total), pagu=rupiah(program.budget), lebih=rupiah(total - program.budget)),
                    severity=WARNING)


def _evidence(ctx: YearContext, report: QuarterReport) -> Iterator[Problem]:
    for r in report.realisations:
        for i, name in enumerate(r.evidence):
            if f"{ctx.folder.folder}/{name}" not in ctx.files:
                yield problem(r.at / "bukti" / i, "RKT211",
                              f"berkas bukti '{name}' tidak ada di {ctx.folder.folder}/; unggah berkasnya atau "
                              f"perbaiki namanya")
