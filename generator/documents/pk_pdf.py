"""The Perjanjian Kinerja as a printed document (A4 portrait), in the format of PermenPAN-RB
53/2014: a statement page naming pihak pertama and pihak kedua, then a lampiran with the key
indicators (IKU) and their targets, numbered per sasaran, and the programs with their
budgets, both signed by both parties. Made into a PDF by the print engine (`printing.to_pdf`).
"""

from __future__ import annotations

from collections.abc import Callable

from generator.core.model import Agency
from generator.documents.printing import css_string, escape, logo_uri, spanned_table
from generator.documents.provenance import Source
from generator.plan.agreement import Agreement, Party

_e = escape  # short: the f-strings below escape every cell

STATEMENT_OPENING = ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                     "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")
FIRST_PARTY_ROLE = "selanjutnya disebut pihak pertama."
SECOND_PARTY_ROLE = "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."
PROMISES = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam "
    "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
    "Pihak kedua akan memberikan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari "
    "perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
)

PK_CSS = """
@page { size: A4 portrait; margin: 18mm 18mm 20mm 22mm;
  @bottom-left { content: "%(source)s"; font-size: 7pt; color: #555; font-family: "DejaVu Sans", sans-serif; }
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 8pt;
    font-family: "DejaVu Sans", sans-serif; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #111; line-height: 1.35; }
.kop { text-align: center; font-weight: bold; border-bottom: 3px double #000; padding-bottom: 4pt; overflow: hidden; }
.kop p { margin: 0; font-size: 11pt; text-align: center; } .kop .addr { font-weight: normal; font-size: 8pt; }
.kop .logo { float: left; height: 18mm; margin-right: -18mm; }
h1 { text-align: center; font-size: 12pt; margin: 12pt 0 2pt; }
h2 { text-align: center; font-size: 11pt; margin: 0 0 12pt; }
h3 { font-size: 10pt; margin: 12pt 0 4pt; break-after: avoid; }
p { text-align: justify; margin: 0 0 8pt; }
table.pihak { margin: 0 0 8pt 12pt; border-collapse: collapse; }
table.pihak td { padding: 1pt 4pt; vertical-align: top; border: none; }
table.data { width: 100%%; border-collapse: collapse; margin-bottom: 8pt; font-size: 9pt; }
table.data thead { display: table-header-group; }
table.data th, table.data td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: top; text-align: left; }
table.data th { background: #e6e6e6; }
table.data tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.tgt { white-space: nowrap; }
.total td { font-weight: bold; border-top: 1.2pt solid #000; }
td.belum { font-style: italic; color: #555; }
.lampiran { break-before: page; }
.sign { width: 100%%; margin-top: 14pt; border-collapse: collapse; break-inside: avoid; }
.sign td { width: 50%%; text-align: center; vertical-align: top; padding: 0 4pt; border: none; }
.sign td { vertical-align: top; } .sign p { text-align: center; margin: 0; } .sign td.space { height: 22mm; }
.sign .name { font-weight: bold; text-decoration: underline; }
"""


def to_html(pk: Agreement, agency: Agency, source: Source, date_text: str | None,
            number: Callable[[int], str] = str) -> str:
    """The document to sign. `date_text`: the signing date in words; `number`: how amounts are written."""
    label = f"{source.label} · RKT {pk.year} versi {pk.rkt.version}, sidik isi {source.fingerprint[:16]}"
    logo = logo_uri(agency)
    img = f"<img class='logo' src='{logo}' alt='Logo'>" if logo else ""
    out = [f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Perjanjian Kinerja {pk.year}</title>",
           f"<style>{PK_CSS % {'source': css_string(label)}}</style></head><body>",
           f"<div class='kop'>{img}<p>{_e(pk.government.upper())}</p><p>{_e(pk.agency.upper())}</p>"
           f"<p class='addr'>{_e(pk.address)}</p></div>",
           f"<h1>PERJANJIAN KINERJA TAHUN {pk.year}</h1>", f"<p>{_e(STATEMENT_OPENING)}</p>",
           _party_html(pk.first), f"<p>{_e(FIRST_PARTY_ROLE)}</p>",
           _party_html(pk.second), f"<p>{_e(SECOND_PARTY_ROLE)}</p>",
           *(f"<p>{_e(text)}</p>" for text in PROMISES),
           _signatures_html(pk, date_text),
           "<div class='lampiran'>",
           f"<h1>LAMPIRAN PERJANJIAN KINERJA TAHUN {pk.year}</h1>",
           f"<h2>{_e(pk.agency.upper())}<br>{_e(pk.government.replace('Pemerintah ', '').upper())}</h2>",
           _performance_html(pk), _programs_html(pk, number), _signatures_html(pk, date_text), "</div>",
           "</body></html>"]
    return "".join(out)


def _party_html(p: Party) -> str:
    return (f"<table class='pihak'><tr><td>Nama</td><td>:</td><td>{_e(p.name)}</td></tr>"
            f"<tr><td>Jabatan</td><td>:</td><td>{_e(p.position)}</td></tr></table>")


def _performance_html(pk: Agreement) -> str:
    css = {"No": " class='num'", "Satuan": " class='tgt'", "Target": " class='tgt'"}
    out = spanned_table("data", pk.headers(), css,
                        ((g.number, g.objective, [(list(pk.cells(r)), r.filled) for r in g.rows]) for g in pk.groups))
    out.append("</tbody></table>")
    return "".join(out)


def _programs_html(pk: Agreement, number: Callable[[int], str]) -> str:
    out = ["<table class='data'><thead><tr><th class='num'>No</th><th>Program</th><th class='num'>Anggaran (Rp)</th>"
           "<th>Keterangan</th></tr></thead><tbody>"]
    for p in pk.programs:
        amount = "belum diisi" if p.budget is None else number(p.budget)
        out.append(f"<tr><td class='num'>{p.number}</td><td>{_e(p.code)} {_e(p.name)}</td>"
                   f"<td class='num'>{_e(amount)}</td><td>{_e(p.note)}</td></tr>")
    out.append(f"<tr class='total'><td></td><td>Jumlah</td><td class='num'>{_e(number(pk.total_budget))}</td>"
               "<td></td></tr></tbody></table>")
    return "".join(out)


def _signatures_html(pk: Agreement, date_text: str | None) -> str:
    """Pihak kedua on the left, pihak pertama (with the place and date above) on the right; one
    table row per line of the block, so that the two names stand level however long the jabatan."""
    left, right = pk.second, pk.first

    def row(a: str | None, b: str | None, cls: str = "") -> str:
        attr = f" class='{cls}'" if cls else ""
        return f"<tr><td><p{attr}>{_e(a or '')}</p></td><td><p{attr}>{_e(b or '')}</p></td></tr>"

    return ("<table class='sign'>" + row(None, pk.place_date(date_text)) + row(f"{left.label},", f"{right.label},")
            + row(left.position, right.position) + "<tr><td class='space'></td><td class='space'></td></tr>"
            + row(left.name, right.name, "name") + row(left.rank, right.rank) + row(left.nip_line, right.nip_line)
            + "</table>")
