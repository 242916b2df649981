"""The performance year of an agency's published cycle (`kinerja_tahunan`, data version 2), as
typed data for the regency pages. Every number is the agency's own: the regency shows it with
the formula that made it and never recomputes it. A file of version 1 has none (`None`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


class YearInvalid(Exception):
    """The performance year contradicts itself (the message, Indonesian, names where)."""


@dataclass(frozen=True, slots=True)
class Measure:
    """One capaian as the agency computed it."""

    percent: Decimal | None  # from "90.91"; None: no percentage (text target, or `reason`)
    formula: str
    worked: str  # "(2 − 12 / 11) × 100% = 90,91%"
    category: str | None
    verify: bool
    capped: bool
    met: bool | None  # text targets
    reason: str | None


@dataclass(frozen=True, slots=True)
class QuarterValue:
    quarter: int
    ended: bool
    target: str | int | None  # as typed in the Rencana Aksi; None: not in it
    realised: str | int | None  # as typed in the report; None: not reported
    capaian: Measure | None


@dataclass(frozen=True, slots=True)
class SoFar:
    quarters: tuple[int, ...]
    realised: str
    target: str
    capaian: Measure | None
    how: str  # "rata-rata triwulan (TW I–TW III)"


@dataclass(frozen=True, slots=True)
class YearIndicator:
    number: str
    objective: str
    code: str
    description: str
    iku: bool
    unit_of_measure: str | None
    direction: str
    aggregation: str
    year_target: str | int | None
    unit: tuple[str, str] | None  # (code, name)
    responsible: tuple[str, str] | None  # (name, jabatan)
    quarters: tuple[QuarterValue, ...]
    so_far: SoFar | None
    year: Measure | None
    plan_problem: str | None


@dataclass(frozen=True, slots=True)
class Report:
    unit: str
    unit_name: str
    quarter: int
    due: dt.date
    arrived: dt.date | None
    state: str  # belum berakhir | menunggu laporan | terlambat | tepat waktu | terlambat diserahkan
    late_days: int
    revisions: int


@dataclass(frozen=True, slots=True)
class Rules:
    down_formula: str
    cap: Decimal | None
    verify_above: Decimal | None
    bands: tuple[tuple[Decimal, str], ...]  # (lowest %, name), highest first
    report_days: int
    stated: tuple[str, ...]

    def rank(self, category: str | None) -> int | None:
        """0 for the best band, len(bands) - 1 for the worst; None for a name not on the scale."""
        names = [name for _, name in self.bands]
        return names.index(category) if category in names else None


@dataclass(frozen=True, slots=True)
class PlanOf:
    unit: str
    unit_name: str
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class SignedAgreement:
    version: int
    date: dt.date
    signer: str
    position: str
    verified: bool


@dataclass(frozen=True, slots=True)
class PerformanceYear:
    rules: Rules
    agreements: tuple[SignedAgreement, ...]
    plans: tuple[PlanOf, ...]
    indicators: tuple[YearIndicator, ...]
    reports: tuple[Report, ...]

    def reports_of(self, quarter: int) -> tuple[Report, ...]:
        return tuple(r for r in self.reports if r.quarter == quarter)

    @property
    def verified_agreements(self) -> tuple[SignedAgreement, ...]:
        return tuple(a for a in self.agreements if a.verified)


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _p(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _measure(c: dict | None) -> Measure | None:
    if c is None:
        return None
    return Measure(_p(c["persen"]), c["rumus"], c["perhitungan"], c["kategori"], c["perlu_verifikasi"],
                   c["dibatasi"], c["tercapai"], c["alasan"])


def _indicator(i: dict, where: str) -> YearIndicator:
    quarters = tuple(QuarterValue(q["triwulan"], q["berakhir"], q["target"], q["realisasi"], _measure(q["capaian"]))
                     for q in i["triwulan"])
    if [q.quarter for q in quarters] != [1, 2, 3, 4]:
        raise YearInvalid(f"{where}/triwulan: harus berisi triwulan 1, 2, 3 dan 4 berurutan")
    s = i["sampai_saat_ini"]
    so_far = SoFar(tuple(s["triwulan"]), s["realisasi"], s["target"], _measure(s["capaian"]), s["cara"]) if s else None
    unit = (i["unit"]["kode"], i["unit"]["nama"]) if i["unit"] else None
    person = (i["penanggung_jawab"]["nama"], i["penanggung_jawab"]["jabatan"]) if i["penanggung_jawab"] else None
    return YearIndicator(i["nomor"], i["kode_sasaran"], i["kode"], i["uraian"], i["iku"], i["satuan"], i["arah"],
                         i["agregasi"], i["target_tahunan"], unit, person, quarters, so_far,
                         _measure(i["capaian_tahunan"]), i["masalah_rencana"])


def from_data(k: dict | None, where: str) -> PerformanceYear | None:
    """`kinerja_tahunan` of a schema-valid cycle as typed data; None for a file of version 1."""
    if k is None:
        return None
    r = k["aturan_pengukuran"]
    rules = Rules(r["rumus_turun"], _p(r["batas_capaian"]), _p(r["ambang_verifikasi"]),
                  tuple((Decimal(b["paling_rendah"]), b["sebutan"]) for b in r["kategori"]),
                  r["tenggat_laporan_hari_kerja"], tuple(r["ditetapkan_instansi"]))
    agreements = tuple(SignedAgreement(a["versi"], dt.date.fromisoformat(a["tanggal"]), a["penandatangan"]["nama"],
                                       a["penandatangan"]["jabatan"], a["terverifikasi"])
                       for a in k["perjanjian_kinerja"])
    plans = tuple(PlanOf(p["unit"]["kode"], p["unit"]["nama"], _d(p["tanggal"])) for p in k["rencana_aksi"])
    indicators = tuple(_indicator(i, f"{where}/indikator/{n}") for n, i in enumerate(k["indikator"]))
    reports = tuple(Report(x["unit"]["kode"], x["unit"]["nama"], x["triwulan"], dt.date.fromisoformat(x["tenggat"]),
                           _d(x["masuk"]), x["status"], x["terlambat_hari_kerja"], x["jumlah_perubahan"])
                    for x in k["laporan"])
    return PerformanceYear(rules, agreements, plans, indicators, reports)
