"""The performance page of a year (tahun/<year>-kinerja.md): the capaian matrix (every agency's IKU
capaian, with the numbers and the formula) and the document matrix (RKT, PK, Rencana Aksi, the
four quarterly reports; the LKjIP said in a sentence until the data carries it). Phone first:
the capaian cells wrap as cards and the document matrix becomes one card per agency below 44em.
"""

from __future__ import annotations

from generator.core import fmt
from generator.regency.pages import capaian, documents
from generator.regency.pages.markup import front
from generator.regency.pages.model import Site
from generator.site.pages.markup import esc

LEGEND = ("Setiap sel menunjukkan capaian IKU dengan angka dan kategorinya; warnanya hanya mengulang kategori itu "
          "(hijau: kategori teratas skala OPD, kuning: tengah, merah: terbawah, abu-abu: belum ada angka). Capaian "
          "tahunan bila keempat triwulan sudah dilaporkan, selain itu capaian sampai triwulan terakhir yang "
          "dilaporkan. Angka dan rumusnya dari data yang diterbitkan OPD; nomor kecil di samping angka menunjuk "
          "rumus dan perhitungannya di bawah sel.")


def page_performance(site: Site, year: int) -> str:
    page = f"tahun/{year}-kinerja.md"
    pairs = [(e, e.data.cycle(year) if e.data else None) for e in site.entries]
    out = [front(f"Kinerja {year}"), f"# Capaian dan dokumen kinerja {year}\n\n",
           f'<p class="kab-lead">{esc(site.config.name)} · keadaan per {esc(fmt.date_id(site.today))}</p>\n\n',
           f"## Capaian IKU {year}\n\n", f'<p class="kab-note">{esc(LEGEND)}</p>\n\n',
           '<div class="kab-cap-matrix">' + "".join(capaian.block(page, e, c, year) for e, c in pairs) + "</div>\n\n",
           f"## Dokumen kinerja {year}\n\n", documents.matrix(page, pairs, year, site.today) + "\n"]
    return "".join(out)
