"""The performance year in the published data (`kinerja_tahunan` of each cycle in data/rkt.json,
schema version 2): the Rencana Aksi per indicator, each quarter's realisation as typed and its
capaian with the formula and the worked numbers, the year so far, every unit's report per
quarter, the budget lines with their serapan, the signed Perjanjian Kinerja, and the
measurement rules that made the numbers, so that the regency shows which formula made each
one and never recomputes it.

Percentages travel as text with a decimal point and exactly two places ("90.91", rounded half
up as the pages round them): the same digits for every reader, no binary fractions. Names and
jabatan of people, never a NIP. Pure functions of plan values.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.core.capaian import Capaian
from generator.core.cycles import CycleFolder
from generator.core.model import Agency
from generator.core.year import QUARTERS, MeasurementRules, PlannedIndicator
from generator.plan.performance import BudgetLine, IndicatorYear, MeasuredYear, QuarterCell, ReportState

_CENT = Decimal("0.01")
# `MeasurementRules.stated` names as agency.yaml writes them
RULE_NAMES = ("rumus_turun", "batas_capaian", "ambang_verifikasi", "kategori", "tenggat_laporan")


def percent(value: Decimal | None) -> str | None:
    """95.4545… → "95.45"; None stays None."""
    return None if value is None else format(value.quantize(_CENT, ROUND_HALF_UP), "f")


def capaian(c: Capaian | None) -> dict | None:
    if c is None:
        return None
    return {"persen": percent(c.percent), "persen_sebelum_batas": percent(c.uncapped) if c.capped else None,
            "rumus": c.formula, "perhitungan": c.worked, "kategori": c.category, "perlu_verifikasi": c.verify,
            "dibatasi": c.capped, "tercapai": c.met, "alasan": c.reason}


def rules(r: MeasurementRules) -> dict:
    return {"rumus_turun": r.down_formula, "batas_capaian": percent(r.cap),
            "ambang_verifikasi": percent(r.verify_above),
            "kategori": [{"paling_rendah": percent(b.lowest), "sebutan": b.name} for b in r.bands],
            "tenggat_laporan_hari_kerja": r.report_days,
            "ditetapkan_instansi": [n for n in RULE_NAMES if n in r.stated]}


def _unit(agency: Agency, code: str | None) -> dict | None:
    if code is None:
        return None
    unit = agency.unit(code)
    return {"kode": code, "nama": unit.name if unit else code}


def _cell(c: QuarterCell, planned: PlannedIndicator | None) -> dict:
    return {"triwulan": c.quarter, "berakhir": c.ended,
            "target": planned.target(c.quarter) if planned is not None else None,  # as typed
            "realisasi": c.realisation.value if c.realisation is not None else None,
            "capaian": capaian(c.capaian)}


def indicator(i: IndicatorYear, agency: Agency, target: str | int | None) -> dict:
    planned, person, so_far = i.planned, i.responsible, i.so_far
    return {
        "nomor": i.number, "kode_sasaran": i.objective.code, "kode": i.indicator.code,
        "uraian": i.indicator.description, "iku": i.is_iku, "satuan": i.indicator.unit_of_measure,
        "arah": i.indicator.direction, "agregasi": i.indicator.aggregation,
        "target_tahunan": target,
        "unit": _unit(agency, i.unit),
        "penanggung_jawab": {"nama": person.name, "jabatan": person.position} if person is not None else None,
        "kegiatan": list(planned.activities) if planned is not None else [],
        "aksi": [{"uraian": a.description, "triwulan": list(a.quarters)} for a in planned.actions]
        if planned is not None else [],
        "masalah_rencana": i.plan_problem,
        "triwulan": [_cell(c, planned) for c in i.cells],
        "sampai_saat_ini": {"triwulan": list(so_far.quarters), "realisasi": so_far.realised,
                            "target": so_far.target, "capaian": capaian(so_far.capaian), "cara": so_far.how}
        if so_far.quarters else None,
        "capaian_tahunan": capaian(i.year),
    }


def report(r: ReportState, agency: Agency) -> dict:
    return {"unit": _unit(agency, r.unit), "triwulan": r.quarter, "tenggat": r.due.isoformat(),
            "masuk": r.arrived.isoformat() if r.arrived is not None else None, "status": r.state,
            "terlambat_hari_kerja": r.late_days, "jumlah_perubahan": r.revisions}


def budget_line(b: BudgetLine, agency: Agency) -> dict:
    return {"unit": _unit(agency, b.unit), "kode": b.code, "program": b.name, "pagu": b.budget,
            "realisasi_triwulan": list(b.spent),
            "rencana_triwulan": list(b.planned) if b.planned is not None else None,
            "serapan": [percent(b.absorption(q)) for q in QUARTERS]}


def performance_year(m: MeasuredYear, folder: CycleFolder, agency: Agency,
                     targets: dict[str, str | int | None]) -> dict:
    """`kinerja_tahunan` of one cycle; `targets` are the RKT's targets by indicator code, as the
    cycle's `rkt.kinerja` publishes them (None: belum diisi)."""
    return {
        "aturan_pengukuran": rules(m.rules),
        "perjanjian_kinerja": [{
            "versi": v.version, "tanggal": v.date.isoformat(),
            "penandatangan": {"nama": v.signer.name, "jabatan": v.signer.position},
            "terverifikasi": v.scan_exists and v.scan_sha256 == v.sha256,
        } for v in sorted(folder.agreements, key=lambda v: v.version)],
        "rencana_aksi": [{"unit": _unit(agency, p.unit), "tanggal": p.filled_on.isoformat() if p.filled_on else None,
                          "penyusun": p.author} for p in sorted(folder.year_files.plans, key=lambda p: p.unit)],
        "indikator": [indicator(i, agency, targets.get(i.indicator.code)) for i in m.indicators],
        "laporan": [report(r, agency) for r in m.reports],
        "anggaran": [budget_line(b, agency) for b in m.budget],
    }
