"""Pages of the dashboard as Markdown strings (Bahasa Indonesia), one module per page family.

`markup` holds the HTML pieces and the escaping that keeps user text inert, `context`
what the pages are made of, `progress` the status pieces Beranda and the cycle page
share; `home`, `cycle`, `rkt`, `capaian`, `archive`, `sop`, `trend`, `form` and `navigation` each
make their pages.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.plan.performance import MeasuredYear
from generator.site.pages.archive import page_archive
from generator.site.pages.capaian import measured_years, page_capaian, page_capaian_index, page_path
from generator.site.pages.context import Context
from generator.site.pages.cycle import page_cycle, page_cycles_index
from generator.site.pages.form import json_for_html, page_form
from generator.site.pages.home import page_home
from generator.site.pages.markup import Html, esc, table
from generator.site.pages.navigation import page_not_found, page_tags
from generator.site.pages.report_form import page_report_form
from generator.site.pages.rkt import page_rkt
from generator.site.pages.sop import page_sop
from generator.site.pages.trend import page_trend, target_number, trend_value
from generator.site.pages.unfilled import marks

# the names other modules and the tests use, besides `pages`
__all__ = ["Context", "Html", "esc", "json_for_html", "page_report_form", "pages", "table", "target_number",
           "trend_value"]


def pages(ctx: Context, measured: Mapping[int, MeasuredYear] | None = None) -> dict[str, str]:
    """Every page, by its path under docs/ (`measured`: the performance year of each cycle)."""
    measured = measured or {}
    out = {"index.md": page_home(ctx, measured), "siklus/index.md": page_cycles_index(ctx),
           "arsip.md": page_archive(ctx),
           "sop.md": page_sop(ctx), "label.md": page_tags(), "tren.md": page_trend(ctx, measured),
           "capaian.md": page_capaian_index(ctx, measured),
           "isi-form.md": page_form(ctx.form_data), "404.md": page_not_found()}
    for c in ctx.cycles:
        out[f"siklus/{c.year}.md"] = page_cycle(ctx, c)
        out[f"rkt/{c.year}.md"] = page_rkt(ctx, c)
    for year in measured_years(measured):  # a year with a Rencana Aksi: its capaian page
        out[page_path(year)] = page_capaian(ctx, measured[year])
    # a placeholder of `rkt init` shows as BELUM DIISI on every page (the form page embeds data, not text)
    shown = marks(ctx.agency, ctx.renstra)
    return {path: text if path == "isi-form.md" else shown.mark(text)[0] for path, text in out.items()}
