"""The trend page: IKU targets and each unit's budget across the cycles, with their charts, and
each indicator's capaian across the years that have been measured."""

from __future__ import annotations

from collections.abc import Mapping

from generator.core import fmt, target
from generator.core.model import Indicator
from generator.core.year import QUARTER_NAMES, QUARTERS
from generator.plan.compile import CompiledRkt
from generator.plan.performance import IndicatorYear, MeasuredYear
from generator.site.pages.capaian import measured_years, page_path
from generator.site.pages.context import Context
from generator.site.pages.markup import DATA_PAGE, Html, chart, esc, front, link, table


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


def page_trend(ctx: Context, measured: Mapping[int, MeasuredYear] | None = None) -> str:
    years = trend_years(ctx)
    out = [front("Tren", ["tren"], extra=DATA_PAGE), "# Tren antartahun\n\n",
           "Target Indikator Kinerja Utama (IKU), anggaran tiap unit dan capaian kinerja pada setiap siklus "
           "RKT.\n\n",
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
    out.append(chart(ctx, "tren.md", "tren-anggaran", "Anggaran per unit per tahun") + "\n\n")
    out.append(capaian_across_years(ctx, measured or {}))
    return "".join(out)


def _capaian_cell(row: IndicatorYear | None) -> Html | str:
    """One indicator in one year: the year's capaian once all four quarters are in, else the year so
    far (saying up to which quarter), with realisation and target beside it."""
    if row is None:
        return "—"
    c, realised, target, span = row.year, "", row.year_target, "setahun"
    if c is None:
        c, realised, target = row.so_far.capaian, row.so_far.realised, row.so_far.target
        span = f"s.d. {QUARTER_NAMES[row.so_far.quarters[-1]]}" if row.so_far.quarters else ""
    elif row.so_far.quarters == QUARTERS:
        realised = row.so_far.realised
    if c is None:
        return "belum ada realisasi" if row.planned is not None else "belum ada Rencana Aksi"
    shown = c.shown + (f" · {c.category}" if c.category else "")
    return Html(f"<strong>{esc(shown)}</strong> ({esc(span)})<br>Realisasi {esc(realised)} · Target {esc(target)}"
                f'<br><span class="rkt-note">{esc(c.worked)}</span>')


def capaian_across_years(ctx: Context, measured: Mapping[int, MeasuredYear]) -> str:
    """Each indicator's capaian in every measured year (a year with a Rencana Aksi); with fewer than
    two such years, a sentence saying when the comparison appears."""
    years = measured_years(measured)
    out = ["## Capaian antartahun\n\n"]
    if len(years) < 2:
        pages = " ".join(link("tren.md", page_path(y), f"Capaian Kinerja {y}") for y in years)
        now = (f"Saat ini baru tahun {years[0]} yang diukur ({pages})." if years
               else "Saat ini belum ada tahun yang memiliki Rencana Aksi.")
        out.append("Capaian antartahun tampil setelah tahun kedua diukur, yaitu setelah Rencana Aksi dan laporan "
                   f"triwulan tahun berikutnya masuk. {now}\n")
        return "".join(out)
    by_year = {y: {r.indicator.code: r for r in measured[y].indicators} for y in years}
    rows = []
    for _, ind in ctx.renstra.indicators():
        cells = [_capaian_cell(by_year[y].get(ind.code)) for y in years]
        if any(y_rows.get(ind.code) for y_rows in by_year.values()):
            rows.append([ind.code, ind.description, *cells])
    out.append(table(["Kode", "Indikator", *map(str, years)], rows, stack="l",
                     label="Capaian indikator per tahun") + "\n")
    return "".join(out)
