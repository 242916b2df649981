"""The regency dashboard's pages, as Markdown strings (Bahasa Indonesia), one module per page family.

Everything an agency published is untrusted: it only ever appears escaped
inside raw HTML built here (never in Markdown syntax, front matter, a link or an
attribute). Links go to our own pages (paths from the validated OPD codes and
years) or to the addresses written in kabupaten.yaml. Phone first: the Beranda
opens with the late agencies and who must act; tables turn into cards below
44em (kabupaten.css), so nothing needs sideways scrolling at 360 px.

`model` holds what the pages are made of, `markup` the HTML pieces, `describe` how an
agency's cycle is put in words; `home`, `year`, `performance` (with `capaian`
and `documents`), `agency` and `sources` make the pages.
"""

from __future__ import annotations

from generator.regency.pages.agency import page_agencies, page_agency
from generator.regency.pages.home import page_home
from generator.regency.pages.markup import mark_unfilled
from generator.regency.pages.model import Site
from generator.regency.pages.performance import page_performance
from generator.regency.pages.sources import page_sources
from generator.regency.pages.year import page_year, page_years

__all__ = ["GENERATED", "Site", "pages"]

# generated part of the regency's docs/ (everything else there, css/, is hand-written)
GENERATED = ("index.md", "tahun", "opd", "sumber.md")


def pages(site: Site) -> dict[str, str]:
    """Every page, by its path under docs/."""
    out = {"index.md": page_home(site), "tahun/index.md": page_years(site), "opd/index.md": page_agencies(site),
           "sumber.md": page_sources(site)}
    for y in site.years:
        out[f"tahun/{y}.md"] = page_year(site, y)
        # under tahun/ and named 2*: the mkdocs.yml of every regency repository (`not_in_nav`) already covers it
        out[f"tahun/{y}-kinerja.md"] = page_performance(site, y)
    for e in site.entries:
        out[f"opd/{e.agency.code}.md"] = page_agency(site, e)
    return {path: mark_unfilled(page) for path, page in out.items()}
