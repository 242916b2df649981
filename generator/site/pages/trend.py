"""The trend page: IKU targets and each unit's budget across the cycles, with their charts."""

from __future__ import annotations

from generator.core import fmt, target
from generator.core.model import Indicator
from generator.plan.compile import CompiledRkt
from generator.site.pages.context import Context
from generator.site.pages.markup import DATA_PAGE, Html, chart, front, table


def target_number(value: object) -> float | None:
    """A target as a number for charts ("0,70" -> 0.7, "92%" -> 92, SIPD's "0.62" -> 0.62);
    None for "-", predikat, text and a number that reads two ways ("1.500")."""
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return target.number(value)


def trend_value(rkt: CompiledRkt, indicator: Indicator) -> float | None:
    """The plan's target for the trend chart: the agreed one the RKT prints; None where the
    RKT prints none, "belum diisi", or different targets of different units."""
    row = next((r for r in rkt.performance if r.indicator.code == indicator.code), None)
    if row is None or len(row.distinct) != 1:
        return None
    return target.number(row.distinct[0].target, indicator.unit_of_measure)


def trend_years(ctx: Context) -> list[int]:
    return sorted(c.year for c in ctx.cycles)


def page_trend(ctx: Context) -> str:
    years = trend_years(ctx)
    out = [front("Tren", ["tren"], extra=DATA_PAGE), "# Tren antartahun\n\n",
           "Target Indikator Kinerja Utama (IKU) dan anggaran tiap unit pada setiap siklus RKT.\n\n",
           "## Target IKU\n\n"]
    iku = [(o, i) for o, i in ctx.renstra.indicators() if i.is_iku]
    rows = []
    for _, ind in iku:
        cells = []
        for y in years:
            rkt = ctx.compiled[y]
            row = next((r for r in rkt.performance if r.indicator.code == ind.code), None)
            cells.append(row.target_text if row else "—")  # what that year's RKT prints
        rows.append([ind.code, ind.description, ind.unit_of_measure or "", *cells])
    out.append(table(["Kode", "Indikator", "Satuan", *map(str, years)], rows) + "\n\n")
    if "tren-iku" in ctx.charts:
        out.append(chart(ctx, "tren.md", "tren-iku", "Target IKU per tahun") + "\n\n")
    out.append("## Anggaran per unit\n\n")
    units = [u for u in ctx.agency.units]
    rows = []
    for u in units:
        values = []
        for y in years:
            plan = next((p for p in ctx.compiled[y].units if p.unit.code == u.code), None)
            # an amount not given is unknown: "belum ada anggaran", never Rp 0
            values.append(fmt.rupiah(plan.total) if plan and plan.form else "—")
        rows.append([u.name, *values])
    # a total over an unknown part (a form not in, an amount not given) is unknown, never a partial
    # sum; a missing form is said beside it
    totals = [fmt.rupiah(ctx.compiled[y].total) + (
        f"\nbelum lengkap: {len(ctx.compiled[y].units) - len(ctx.compiled[y].missing)} dari "
        f"{len(ctx.compiled[y].units)} unit" if ctx.compiled[y].missing else "") for y in years]
    rows.append([Html("<strong>Jumlah</strong>"), *totals])
    out.append(table(["Unit", *map(str, years)], rows, numeric=tuple(range(1, len(years) + 1)),
                     label="Anggaran per unit per tahun") + "\n\n")
    out.append(chart(ctx, "tren.md", "tren-anggaran", "Anggaran per unit per tahun") + "\n")

    return "".join(out)
