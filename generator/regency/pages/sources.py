"""The "Sumber data" page: where each agency's data comes from and how fresh it is."""

from __future__ import annotations

from generator.core import fmt
from generator.regency.pages.describe import opd_link
from generator.regency.pages.markup import badge, card_table, front
from generator.regency.pages.model import Site
from generator.site.pages.markup import Html, esc


def page_sources(site: Site) -> str:
    page = "sumber.md"
    rows = []
    for e in site.entries:
        state = badge("Terbaru", "selesai") if not e.stale else badge("Data lama", "terlambat") if e.data else \
            badge("Tidak tersedia", "abu")
        rows.append([opd_link(page, e), Html(f'<code class="kab-url">{esc(e.agency.source)}</code>'), state,
                     fmt.date_short(e.data.as_of) if e.data else "—", fmt.date_short(e.fetched_on),
                     e.warning or "—"])
    return (front("Sumber data") + "# Sumber data\n\n"
            "Dasbor ini dibangun setiap hari dari berkas data RKT (data/rkt.json) yang diterbitkan dasbor setiap "
            "OPD. OPD yang tidak dapat dihubungi atau menerbitkan data yang tidak sah tetap ditampilkan dengan data "
            "terakhir yang sah, ditandai sebagai data lama beserta alasannya.\n\n" +
            card_table(["OPD", "Alamat data", "Keadaan", "Data per", "Diambil", "Keterangan"], rows) + "\n")
