"""Rules on how the performance year is measured: per Renstra indicator, its direction (`arah`)
and aggregation (`agregasi`) against what its targets are; the agency's category scale
(`pengukuran.kategori` in agency.yaml)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check.rules.common import problem
from generator.core import target as tgt
from generator.core.capaian import decimal_text
from generator.core.model import Agency, Indicator, Repository
from generator.core.problems import Problem
from generator.core.year import RANGE, SUM


def measurement_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    if repo.renstra is not None:
        for _, ind in repo.renstra.indicators():
            yield from _summed_percentage(ind)
            yield from _range_targets(ind)
    if repo.agency is not None:
        yield from _category_scale(repo.agency)


def _is_percentage(ind: Indicator) -> bool:
    if (ind.unit_of_measure or "").strip().casefold() in ("%", "persen"):
        return True
    return any(tgt.parse(t, ind.unit_of_measure).unit == "%" for _, t in ind.targets)


def _summed_percentage(ind: Indicator) -> Iterator[Problem]:
    if ind.aggregation == SUM and _is_percentage(ind):
        yield problem(ind.at / "agregasi", "RKT247",
                      f"indikator {ind.code} ({ind.description}) berupa persentase, tetapi agregasinya 'jumlah': "
                      f"persentase tidak boleh dijumlahkan antar triwulan (15% + 20% bukan 35% setahun). Tulis "
                      f"'agregasi: terakhir' bila persentasenya kumulatif sampai akhir triwulan, atau "
                      f"'agregasi: rata-rata'")


def _range_targets(ind: Indicator) -> Iterator[Problem]:
    """`arah: rentang` and range targets go together."""
    for year, typed in ind.targets:
        t = tgt.parse(typed, ind.unit_of_measure)
        if t.is_none:
            continue
        at = ind.at / "target" / str(year)
        if ind.direction == RANGE and t.kind != tgt.RANGE:
            yield problem(at, "RKT248",
                          f"indikator {ind.code} ber-arah 'rentang', tetapi target {year} \"{t.text}\" bukan "
                          f"rentang; tulis batas bawah dan atasnya, misalnya \"85–95%\", atau ubah 'arah' bila "
                          f"targetnya satu angka")
        elif ind.direction != RANGE and t.kind == tgt.RANGE:
            yield problem(at, "RKT248",
                          f"target {year} indikator {ind.code} \"{t.text}\" berupa rentang, tetapi arah indikatornya "
                          f"'{ind.direction}'; tulis 'arah: rentang' pada indikator ini agar capaiannya dihitung "
                          f"sebagai rentang, atau tulis targetnya sebagai satu angka")


def _category_scale(agency: Agency) -> Iterator[Problem]:
    """The bands go down strictly from the highest and the lowest starts at 0, so every capaian
    falls in exactly one category."""
    rules = agency.measurement
    if rules.at is None or "kategori" not in rules.stated:
        return
    at = rules.at / "kategori"
    bands = rules.bands  # as written: the highest must come first
    for n, (higher, lower) in enumerate(zip(bands, bands[1:], strict=False)):
        if higher.lowest == lower.lowest:
            yield problem(at / (n + 1), "RKT249",
                          f"kategori '{higher.name}' dan '{lower.name}' sama-sama mulai dari "
                          f"{decimal_text(lower.lowest)}%; batas 'paling_rendah' harus turun dari kategori tertinggi "
                          f"ke terendah, tiap kategori dengan batasnya sendiri")
        elif higher.lowest < lower.lowest:
            yield problem(at / (n + 1), "RKT249",
                          f"kategori '{lower.name}' (mulai {decimal_text(lower.lowest)}%) tertulis di bawah "
                          f"'{higher.name}' (mulai {decimal_text(higher.lowest)}%); tulis kategori berurutan dari "
                          f"yang tertinggi ke yang terendah")
    lowest = bands[-1]
    if lowest.lowest != 0:
        yield problem(at / (len(bands) - 1), "RKT249",
                      f"kategori terendah '{lowest.name}' mulai dari {decimal_text(lowest.lowest)}%, sehingga capaian "
                      f"di bawah {decimal_text(lowest.lowest)}% tidak masuk kategori mana pun; tulis "
                      f"'paling_rendah: 0' pada kategori terendah")
