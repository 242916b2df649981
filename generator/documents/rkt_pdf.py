"""The signable RKT as a printed document: HTML with print CSS (A4 landscape), made into a PDF
by the print engine (`printing.to_pdf`).

Every page names its source commit and content fingerprint in the footer, so a printed page
can be traced back to exactly what it was printed from.
"""

from __future__ import annotations

from generator.core.model import Agency
from generator.documents.printing import css_string, escape, logo_uri, spanned_table
from generator.documents.provenance import Source
from generator.plan.compile import DRAFT, CompiledRkt, Signature, plan_rows

_e = escape  # short: the f-strings below escape every cell

PRINT_CSS = """
@page { size: A4 landscape; margin: 14mm 12mm 18mm 12mm;
  @bottom-left { content: "%(source)s · sidik isi %(fp)s"; font-size: 7pt; color: #555;
    font-family: "DejaVu Sans", sans-serif; }
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 8pt;
    font-family: "DejaVu Sans", sans-serif; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 8.5pt; color: #111; }
.kop { text-align: center; font-weight: bold; border-bottom: 3px double #000; padding-bottom: 4pt; }
.kop p { margin: 0; font-size: 11pt; } .kop .addr { font-weight: normal; font-size: 8pt; }
h1 { text-align: center; font-size: 12pt; margin: 10pt 0; }
h2 { font-size: 10pt; margin: 12pt 0 4pt; break-after: avoid; }
table { width: 100%%; border-collapse: collapse; margin-bottom: 6pt; }
thead { display: table-header-group; }
th, td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.program td { font-weight: bold; background: #f0f0f0; }
.kegiatan td { background: #fafafa; }
.l1 { padding-left: 8pt; } .l2 { padding-left: 16pt; }
.total td { font-weight: bold; border-top: 1.2pt solid #000; }
.sign { margin: 18pt 0 0 auto; width: 85mm; text-align: center; break-inside: avoid; }
.sign p { margin: 0; } .sign .space { height: 22mm; } .sign .name { font-weight: bold; text-decoration: underline; }
.kop { overflow: hidden; } .kop .logo { float: left; height: 18mm; margin-right: -18mm; }
td.belum { font-style: italic; color: #555; }
.tgt { white-space: nowrap; }
.draf-note { border: 1pt solid #b00; padding: 3pt 5pt; color: #800; }
.draf-mark { position: fixed; top: 55mm; left: 0; width: 100%%; text-align: center; font-size: 110pt;
  font-weight: bold; color: rgba(180, 0, 0, 0.13); transform: rotate(-24deg); z-index: -1; }
"""


_LEVEL = {"Program": (" class='program'", ""), "Kegiatan": (" class='kegiatan'", " class='l1'"),
          "Sub Kegiatan": ("", " class='l2'")}


def rkt_html(rkt: CompiledRkt, agency: Agency, source: Source, place_date: str | None = None) -> str:
    """The document to sign. `place_date` overrides the plan's own ("Paringin, 3 Desember 2026",
    or a blank date in the year the plan is prepared)."""
    out = [f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>RKT {rkt.year}</title>",
           f"<style>{PRINT_CSS % {'source': css_string(source.label), 'fp': source.fingerprint[:16]}}</style>",
           "</head><body>"]
    if rkt.draft:  # position: fixed repeats the mark on every page
        out.append(f"<div class='draf-mark'>{DRAFT}</div>")
    logo = logo_uri(agency)
    img = f"<img class='logo' src='{logo}' alt='Logo'>" if logo else ""
    out += [f"<div class='kop'>{img}<p>{_e(agency.government.upper())}</p><p>{_e(agency.name.upper())}</p>"
            f"<p class='addr'>{_e(agency.address)}</p></div>",
            f"<h1>RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}</h1>"]
    if rkt.draft:
        out.append(f"<p class='draf-note'><b>{DRAFT}.</b> {_e(rkt.draft_note)}</p>")
    out.append(f"<h2>{'A. ' if rkt.has_programs else ''}Tabel Kinerja</h2>")
    out.append(_performance(rkt))
    if rkt.has_programs:
        out.append(_programs(rkt))
    if rkt.signature is not None:
        out.append(_signature(rkt.signature, place_date))
    out.append("</body></html>")
    return "".join(out)


def _performance(rkt: CompiledRkt) -> str:
    """Numbered per sasaran, the No and Sasaran cells spanning the sasaran's indicators."""
    # a target is short and read as one piece: it never wraps ("76 point", not "76" over "point")
    css = {"No": " class='num'", "Satuan": " class='tgt'", "Target": " class='tgt'", "Target Renstra": " class='tgt'"}
    out = spanned_table("kinerja", rkt.performance_headers(), css,
                        ((g.number, g.objective.description,
                          [(list(rkt.performance_cells(r)), r.filled) for r in g.rows]) for g in rkt.groups))
    out.append("</tbody></table>")
    return "".join(out)


def _programs(rkt: CompiledRkt) -> str:
    from generator.core import fmt  # Babel: only the printed outputs need it, not validation

    heading, detail = rkt.program_heading, rkt.shows_program_indicator
    extra = "<th>Indikator Kinerja</th><th>Target Kinerja</th>" if detail else ""
    out = [f"<h2>B. {_e(rkt.program_title)}</h2>"]
    for plan in rkt.program_units:
        out.append(f"<h2>{_e(plan.unit.name)}</h2>")
        if plan.form is None:
            out.append("<p>Form RKT unit ini belum diserahkan.</p>")
            continue
        out.append(f"<table><thead><tr><th class='num'>No</th><th>{_e(heading)}</th>{extra}"
                   "<th class='num'>Anggaran (Rp)</th></tr></thead><tbody>")
        for row in plan_rows(plan.form):
            css, indent = _LEVEL[row.level]
            cells = f"<td>{_e(row.indicator)}</td><td>{_e(row.target_text)}</td>" if detail else ""
            out.append(f"<tr{css}><td class='num'>{row.number or ''}</td><td{indent}>{_e(row.code)} {_e(row.name)}</td>"
                       f"{cells}<td class='num'>{'' if row.budget is None else fmt.number(row.budget)}</td></tr>")
        blanks = "<td></td><td></td>" if detail else ""
        out.append(f"<tr class='total'><td></td><td>Jumlah {_e(plan.unit.name)}</td>{blanks}"
                   f"<td class='num'>{fmt.number(plan.budget)}</td></tr></tbody></table>")
    out.append("<h2>C. Jumlah Anggaran</h2><table><thead><tr><th>Unit</th><th class='num'>Anggaran (Rp)</th></tr>"
               "</thead><tbody>")
    for plan in rkt.program_units:
        out.append(f"<tr><td>{_e(plan.unit.name)}</td><td class='num'>"
                   f"{fmt.number(plan.budget) if plan.form else 'belum diserahkan'}</td></tr>")
    out.append(f"<tr class='total'><td>Jumlah seluruhnya</td><td class='num'>{fmt.number(rkt.total_budget)}</td></tr>"
               "</tbody></table>")
    return "".join(out)


def place_date(signature: Signature) -> str:
    """"Paringin, 3 Desember 2026" (the signed version's date), or the date left blank in the
    year the plan is prepared: never today's year."""
    from generator.core import fmt

    return signature.place_date(fmt.date_id(signature.date) if signature.date else None)


def _signature(s: Signature, override: str | None) -> str:
    rank = f"<p>{_e(s.rank)}</p>" if s.rank else ""
    return (f"<div class='sign'><p>{_e(override or place_date(s))}</p><p>{_e(s.position)}</p><p>{_e(s.region)}</p>"
            f"<p class='space'></p><p class='name'>{_e(s.name)}</p>{rank}<p>{_e(s.nip_line)}</p></div>")
