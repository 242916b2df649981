"""The signable RKT as files: PDF (A4 landscape, for signing), XLSX (the agency's
target-sheet layout) and CSV.

Every export carries the source commit and a fingerprint of its content, so a
printed page can be traced back to exactly what it was printed from; the
fingerprint depends on the content only (not on the date or the commit), so
the same plan prints with the same fingerprint from any clone. When the plan's
inputs have uncommitted changes no commit holds what is printed, and the
export says "belum di-commit" instead of naming one.

Exports are inert: the files are published for anyone to download, so no text
cell may ever become a live formula in Excel or LibreOffice (see `inert_append`
and `_csv_text`).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.core.model import Agency, Form
from generator.plan.compile import DRAFT, CompiledRkt, Signature, plan_rows
from generator.plan.fingerprint import content
from generator.source.gitrepo import UNCOMMITTED
from generator.source.workbook import FORMULA_START, deterministic_zip, inert_append


@dataclass(frozen=True)
class Source:
    commit: str  # short commit id, UNCOMMITTED when the inputs have uncommitted changes, or "" outside git
    fingerprint: str  # sha256 hex of the content

    @property
    def label(self) -> str:
        """How printed pages name their source."""
        if self.commit == UNCOMMITTED:
            return f"Sumber: {UNCOMMITTED}"
        return f"Sumber: commit {self.commit}" if self.commit else "Sumber: tanpa Git"


# --- PDF ------------------------------------------------------------------

def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True).replace("\n", "<br>")


def _css_string(text: str) -> str:
    """Text for a CSS string inside the <style> element (no quote, backslash or tag can end it)."""
    return re.sub(r'[\\"<>\n\r]', lambda m: f"\\{ord(m.group()):x} ", text)


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


_PDF_LEVEL = {"Program": (" class='program'", ""), "Kegiatan": (" class='kegiatan'", " class='l1'"),
              "Sub Kegiatan": ("", " class='l2'")}


def rkt_html(rkt: CompiledRkt, agency: Agency, source: Source, place_date: str | None = None) -> str:
    """The document to sign. `place_date` overrides the plan's own ("Paringin, 3 Desember 2026",
    or a blank date in the year the plan is prepared)."""
    out = [f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>RKT {rkt.year}</title>",
           f"<style>{PRINT_CSS % {'source': _css_string(source.label), 'fp': source.fingerprint[:16]}}</style>",
           "</head><body>"]
    if rkt.draft:  # position: fixed repeats the mark on every page
        out.append(f"<div class='draf-mark'>{DRAFT}</div>")
    logo = _logo_uri(agency)
    img = f"<img class='logo' src='{logo}' alt='Logo'>" if logo else ""
    out += [f"<div class='kop'>{img}<p>{_e(agency.government.upper())}</p><p>{_e(agency.name.upper())}</p>"
            f"<p class='addr'>{_e(agency.address)}</p></div>",
            f"<h1>RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}</h1>"]
    if rkt.draft:
        out.append(f"<p class='draf-note'><b>{DRAFT}.</b> {_e(rkt.draft_note)}</p>")
    out.append(f"<h2>{'A. ' if rkt.has_programs else ''}Tabel Kinerja</h2>")
    out.append(_pdf_performance(rkt))
    if rkt.has_programs:
        out.append(_pdf_programs(rkt))
    if rkt.signature is not None:
        out.append(_pdf_signature(rkt.signature, place_date))
    out.append("</body></html>")
    return "".join(out)


def spanned_table(table_class: str, headers: list[str], css: dict[str, str],
                  groups: Iterable[tuple[int, str, list[tuple[list, bool]]]]) -> list[str]:
    """A performance table as the documents print it: numbered per sasaran, the No and Sasaran
    cells spanning the sasaran's indicators. `groups`: (number, sasaran, [(cells, filled)]); a
    Target not filled in yet is marked. The caller closes the table."""
    out = [f"<table class='{table_class}'><thead><tr>", *(f"<th{css.get(h, '')}>{_e(h)}</th>" for h in headers),
           "</tr></thead><tbody>"]
    for number, objective, rows in groups:
        span = f" rowspan='{len(rows)}'" if len(rows) > 1 else ""
        for i, (cells, filled) in enumerate(rows):
            out.append("<tr>")
            if i == 0:
                out.append(f"<td class='num'{span}>{number}</td><td{span}>{_e(objective)}</td>")
            for h, cell in zip(headers[2:], cells):
                cls = " class='tgt belum'" if h == "Target" and not filled else css.get(h, "")
                out.append(f"<td{cls}>{_e(cell)}</td>")
            out.append("</tr>")
    return out


def _pdf_performance(rkt: CompiledRkt) -> str:
    """Numbered per sasaran, the No and Sasaran cells spanning the sasaran's indicators."""
    # a target is short and read as one piece: it never wraps ("76 point", not "76" over "point")
    css = {"No": " class='num'", "Satuan": " class='tgt'", "Target": " class='tgt'", "Target Renstra": " class='tgt'"}
    out = spanned_table("kinerja", rkt.performance_headers(), css,
                        ((g.number, g.objective.description,
                          [(list(rkt.performance_cells(r)), r.filled) for r in g.rows]) for g in rkt.groups))
    out.append("</tbody></table>")
    return "".join(out)


def _pdf_programs(rkt: CompiledRkt) -> str:
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
            css, indent = _PDF_LEVEL[row.level]
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


def _pdf_signature(s: Signature, override: str | None) -> str:
    rank = f"<p>{_e(s.rank)}</p>" if s.rank else ""
    return (f"<div class='sign'><p>{_e(override or place_date(s))}</p><p>{_e(s.position)}</p><p>{_e(s.region)}</p>"
            f"<p class='space'></p><p class='name'>{_e(s.name)}</p>{rank}<p>{_e(s.nip_line)}</p></div>")


def _logo_uri(agency: Agency) -> str | None:
    """The logo as a data URI: embedded in the document, never fetched."""
    import base64

    data = agency.logo_data
    if not data:
        return None
    mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg" if data.startswith(b"\xff\xd8") else None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}" if mime else None


def to_pdf(document: str) -> bytes:
    import weasyprint  # imported here: only exports need it (and its system libraries)
    from weasyprint.urls import URLFetcher

    # everything the document shows is inside it (the logo as a data URI): nothing is fetched
    return weasyprint.HTML(string=document, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf()


# --- XLSX -----------------------------------------------------------------

RUPIAH_FORMAT = '"Rp" #,##0'


def _program_rows(form: Form) -> list[list]:
    return [[row.number or "", row.level, row.code, row.name, row.indicator, _cell(row.target),
             row.unit_of_measure or "", row.budget, row.responsible] for row in plan_rows(form)]


def _cell(value: object) -> object:
    return "" if value is None else value


PROGRAM_HEADERS = ["No", "Tingkat", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja",
                   "Target Kinerja", "Satuan", "Anggaran (Rp)", "Penanggung Jawab"]
PROGRAM_WIDTHS = [5, 13, 20, 55, 50, 16, 12, 20, 34]


# The workbook's looks, as named cell styles (Excel shows the names in its style gallery):
# key: (name, font, header fill, wrapped and top-aligned, rupiah format); font None: the default
_LOOKS = {
    "header": ("RKT Judul Kolom", "bold", True, True, False),
    "bold": ("RKT Tebal", "bold", False, False, False),
    "draft": ("RKT Draf", "draft", False, False, False),
    "top": ("RKT Rata Atas", None, False, True, False),
    "top bold": ("RKT Rata Atas Tebal", "bold", False, True, False),
    "top italic": ("RKT Rata Atas Miring", "italic", False, True, False),
    "rupiah": ("RKT Rupiah", None, False, False, True),
    "rupiah bold": ("RKT Rupiah Tebal", "bold", False, False, True),
    "rupiah top": ("RKT Rupiah Rata Atas", None, False, True, True),
    "rupiah top bold": ("RKT Rupiah Rata Atas Tebal", "bold", False, True, True),
}


def _looks(wb) -> dict:
    """`_LOOKS` added to `wb` as named styles; key -> the style of a cell (for `inert_append`)."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.styles.fonts import DEFAULT_FONT

    fonts = {None: DEFAULT_FONT, "bold": Font(bold=True), "italic": Font(italic=True),
             "draft": Font(bold=True, color="AA0000")}
    looks = {}
    for key, (name, font, fill, wrap, rupiah) in _LOOKS.items():
        style = NamedStyle(name, font=fonts[font], fill=PatternFill("solid", fgColor="DDDDDD") if fill else None,
                           alignment=Alignment(wrap_text=True, vertical="top") if wrap else None,
                           number_format=RUPIAH_FORMAT if rupiah else None)
        wb.add_named_style(style)
        looks[key] = style.as_tuple()
    return looks


def _sheet_setup(ws, header_row: int, widths: list[int]) -> None:
    """Column widths, the header row repeated on every printed page, A4 landscape."""
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_program_table(ws, form: Form, looks: dict) -> None:
    plain = [looks["top"]] * 7 + [looks["rupiah top"], looks["top"]]
    bold = [looks["top bold"]] * 7 + [looks["rupiah top bold"], looks["top bold"]]
    for row in _program_rows(form):
        inert_append(ws, row, bold if row[1] == "Program" else plain)
    inert_append(ws, ["", "", "", "Jumlah", "", "", "", form.budget, ""],
                 [looks["bold"]] * 7 + [looks["rupiah bold"], looks["bold"]])


def _write_performance(ws, rkt: CompiledRkt, looks: dict) -> None:
    """The performance table as printed: numbered per sasaran, the No and Sasaran cells merged
    over the sasaran's indicators; optional columns only when the plan has them."""
    headers = rkt.performance_headers()
    header = inert_append(ws, headers, looks["header"])[0].row
    target = headers.index("Target")
    pending = [looks["top"]] * len(headers)
    pending[target] = looks["top italic"]
    for g in rkt.groups:
        rows = []
        for i, row in enumerate(g.rows):
            cells: list = rkt.performance_cells(row)
            cells[target - 2] = row.target_value
            written = inert_append(ws, [g.number if i == 0 else None, g.objective.description if i == 0 else None,
                                        *cells], looks["top"] if row.filled else pending)
            rows.append(written[0].row)
        if len(rows) > 1:
            for column in (1, 2):
                ws.merge_cells(start_row=rows[0], start_column=column, end_row=rows[-1], end_column=column)
    widths = {"No": 5, "Sasaran": 40, "Indikator Kinerja": 50, "Satuan": 12, "Target": 16, "Target Renstra": 16,
              "Cara Pengukuran": 50}
    _sheet_setup(ws, header, [widths[h] for h in headers])


def _write_program_summary(ws, rkt: CompiledRkt, looks: dict) -> None:
    """The budget per unit, then every unit's program table, below the performance table."""
    budget = [None] * 7 + [looks["rupiah"]]
    inert_append(ws, [])
    inert_append(ws, ["No", "Unit", "", "", "", "", "", "Anggaran (Rp)"])
    for n, plan in enumerate(rkt.program_units, start=1):
        inert_append(ws, [n, plan.unit.name, "", "", "", "", "", plan.budget if plan.form else "belum diserahkan"],
                     budget)
    inert_append(ws, ["", "Jumlah seluruhnya", "", "", "", "", "", rkt.total_budget],
                 [None, looks["bold"], *budget[2:]])
    inert_append(ws, [])
    inert_append(ws, PROGRAM_HEADERS, looks["bold"])
    for plan in rkt.program_units:
        inert_append(ws, ["", plan.unit.name], [None, looks["bold"]])
        if plan.form is None:
            inert_append(ws, ["", "", "", "Form RKT unit ini belum diserahkan."])
            continue
        _write_program_table(ws, plan.form, looks)


def _mark_draft(ws, rkt: CompiledRkt) -> None:
    """A draft says so on every printed page (the sheet's page header)."""
    if rkt.draft:
        ws.oddHeader.center.text = f"{DRAFT} - belum lengkap"
        ws.oddHeader.center.color = "AA0000"


def to_xlsx(rkt: CompiledRkt, agency: Agency, source: Source) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = "rkt-dashboard"
    wb.properties.created = wb.properties.modified = dt.datetime(2000, 1, 1)
    looks = _looks(wb)
    ws = wb.active
    ws.title = "RKT"
    inert_append(ws, [agency.government.upper()], looks["bold"])
    inert_append(ws, [agency.name.upper()], looks["bold"])
    inert_append(ws, [f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {rkt.year}"], looks["bold"])
    inert_append(ws, [f"{source.label} · sidik isi {source.fingerprint[:16]}"])
    inert_append(ws, [f"{DRAFT}: {rkt.draft_note}"] if rkt.draft else [], looks["draft"])
    _write_performance(ws, rkt, looks)
    if rkt.has_programs:  # no empty sections: a plan of targets only has no program tables
        _write_program_summary(ws, rkt, looks)
    _mark_draft(ws, rkt)
    for plan in rkt.program_units if rkt.has_programs else ():
        sheet = wb.create_sheet(title=plan.unit.short[:31])
        _mark_draft(sheet, rkt)
        inert_append(sheet, [plan.unit.name], looks["bold"])
        inert_append(sheet, [])
        _sheet_setup(sheet, inert_append(sheet, PROGRAM_HEADERS, looks["header"])[0].row, PROGRAM_WIDTHS)
        if plan.form is None:
            inert_append(sheet, ["", "", "", "Form RKT unit ini belum diserahkan."])
            continue
        _write_program_table(sheet, plan.form, looks)
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


# --- CSV ------------------------------------------------------------------

CSV_HEADERS = ["unit", "tingkat", "kode", "nama", "indikator", "target", "satuan", "anggaran", "penanggung_jawab"]


def _csv_text(value: object) -> object:
    """A text that a spreadsheet would read as a formula gets a leading apostrophe
    (the OWASP rule for CSV: a CSV file has no cell types to say "this is text").
    A lone "-" (the documents' "no target this year") is no formula in any spreadsheet
    and stays as printed."""
    if isinstance(value, str) and value != "-" and value.startswith(FORMULA_START):
        return "'" + value
    return value


CSV_PERFORMANCE_HEADERS = ["no", "sasaran", "kode_indikator", "indikator", "satuan", "target", "target_renstra",
                           "cara_pengukuran", "unit"]


def to_csv(rkt: CompiledRkt) -> bytes:
    """One row per program/kegiatan/sub kegiatan, then (after an empty line, under its own
    header) one row per indicator of the performance table. Semicolons and a BOM, as Excel in
    Indonesian settings (decimal comma) expects. Numbers stay numbers; texts are inert."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(CSV_HEADERS)
    for plan in rkt.units:
        if plan.form is None:
            continue
        for row in _program_rows(plan.form):
            _, level, code, name, indicator, target, unit, budget, responsible = row
            w.writerow([_csv_text(v) for v in
                        (plan.unit.code, level, code, name, indicator, target, unit, budget, responsible)])
    w.writerow([""] * len(CSV_HEADERS))  # a full-width empty row: every row has every column
    w.writerow(CSV_PERFORMANCE_HEADERS)
    for g in rkt.groups:
        for r in g.rows:
            w.writerow([_csv_text(v) for v in (
                g.number, g.objective.description, r.indicator.code, r.indicator.description,
                r.indicator.unit_of_measure or "", r.target_value, r.renstra_text, r.indicator.formula or "",
                ", ".join(t.unit for t in r.agreed))])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# --- from a repository ----------------------------------------------------

FORMATS = ("pdf", "xlsx", "csv")


def render(fmt_name: str, rkt: CompiledRkt, agency: Agency, source: Source, today: dt.date,
           cache=None) -> bytes:
    """One export, through `cache` (a folder) when given, keyed by everything the file shows
    and, through `cache.key`, by the code that draws it (a fixed writer must never be
    bypassed by a file an older one made)."""
    if fmt_name == "pdf":  # the signature's place and date come from the plan, never from `today`
        key = rkt_html(rkt, agency, source)
        make = lambda: to_pdf(key)  # noqa: E731
    elif fmt_name == "xlsx":
        key = json.dumps([content(rkt), agency.name, agency.government, [u.unit.name for u in rkt.units],
                          source.commit, source.fingerprint], sort_keys=True, default=str)
        make = lambda: to_xlsx(rkt, agency, source)  # noqa: E731
    else:
        return to_csv(rkt)
    from generator.source import (
        cache as caches,  # one rule for every cache: the key covers rkt's code and the libraries
    )

    return caches.through(cache, f"export-{fmt_name}", (key,), make, f".{fmt_name}")
