"""The Perjanjian Kinerja (PK) of a year, made from its signed RKT.

Every agency's next document after the RKT: the head's performance agreement with
the one above him (for a Kepala Badan, the Bupati), in the format of PermenPAN-RB
53/2014: a statement page naming pihak pertama and pihak kedua, then a lampiran with
the key indicators (IKU) and their targets, numbered per sasaran, and the programs
with their budgets, both signed by both parties.

The PK is made only from a plan that was signed and has not changed since (the
signed version's content fingerprint is today's): it promises what the head signed.
Its targets are the ones the units agreed in their forms (as the compiled RKT prints
them); its program budgets are the forms' totals per program. The date is the signed
PK's once one is archived (`signed/pk-<year>-v<n>`), else a blank day in January of
the plan year: a PK is signed at most a month after the budget (DPA) is approved.

Pure functions of the model apart from `to_pdf` (WeasyPrint) and `to_xlsx` (openpyxl).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass

from generator.core.model import Agency, CycleFolder, SignedVersion, Sop
from generator.documents import export
from generator.plan import fingerprint, sealing
from generator.plan.compile import CompiledRkt, PerformanceRow, group_nip
from generator.source import workbook

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
PERFORMANCE_HEADERS = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
PROGRAM_HEADERS = ["No", "Program", "Anggaran (Rp)", "Keterangan"]
FORMATS = ("pdf", "xlsx")
_MONTH = "Januari"  # signed at most one month after the DPA, which is approved by the end of December


@dataclass(frozen=True, slots=True)
class Party:
    label: str  # PIHAK PERTAMA | PIHAK KEDUA
    name: str
    position: str  # the jabatan as printed, with the region ("... Kabupaten Balangan", "Bupati Balangan")
    rank: str | None
    nip: str | None  # a kepala daerah has none

    @property
    def nip_line(self) -> str | None:
        return f"NIP. {group_nip(self.nip)}" if self.nip else None


@dataclass(frozen=True, slots=True)
class IkuGroup:
    """One sasaran of the lampiran: its number, its cell spanning its key indicators."""

    number: int
    objective: str
    rows: tuple[PerformanceRow, ...]


@dataclass(frozen=True, slots=True)
class ProgramLine:
    number: int
    code: str
    name: str
    budget: int | None  # the forms' total for the program; None when no form states an amount
    units: tuple[str, ...]  # short names of the units that carry the program

    @property
    def note(self) -> str:
        return ", ".join(self.units)


@dataclass(frozen=True, slots=True)
class Agreement:
    year: int
    government: str  # "Pemerintah Kabupaten Balangan"
    agency: str
    address: str
    first: Party  # the head of the agency
    second: Party  # the one above him
    groups: tuple[IkuGroup, ...]
    programs: tuple[ProgramLine, ...]
    place: str
    date: dt.date | None  # the archived signed PK's date; None: a blank day in January of the year
    rkt: SignedVersion  # the signed RKT version it is made from
    shows_unit_of_measure: bool  # a Satuan column, when a target does not carry its unit itself

    @property
    def total_budget(self) -> int:
        return sum(p.budget or 0 for p in self.programs)

    def place_date(self, date_text: str | None = None) -> str:
        """`date_text` is the signing date in words (fmt.date_id; Babel stays out of this module)."""
        if self.date is not None and date_text:
            return f"{self.place}, {date_text}"
        return f"{self.place}, ........ {_MONTH} {self.year}"

    def headers(self) -> list[str]:
        return PERFORMANCE_HEADERS[:3] + (["Satuan"] if self.shows_unit_of_measure else []) + ["Target"]

    def cells(self, row: PerformanceRow) -> list[str]:
        """The cells of one indicator after No and Sasaran, in `headers` order."""
        satuan = "" if row.unit_in_target else row.indicator.unit_of_measure or ""  # "90%" says it already
        return [row.indicator.description] + ([satuan] if self.shows_unit_of_measure else []) + [row.target_text]


def newest_verified(versions: tuple[SignedVersion, ...]) -> SignedVersion | None:
    verified = [v for v in versions if v.scan_exists and v.scan_sha256 == v.sha256]
    return max(verified, key=lambda v: v.version, default=None)


def agreement(folder: CycleFolder, agency: Agency, rkt: CompiledRkt, sop: Sop | None) -> Agreement | str:
    """The PK of `folder`'s year, or why it cannot be made yet (Indonesian, for the user)."""
    year = folder.year
    signed = newest_verified(folder.signed)
    if signed is None:
        return (f"RKT {year} belum ditandatangani: Perjanjian Kinerja disusun dari RKT yang sudah ditandatangani "
                f"dan diarsipkan. Arsipkan dulu pindaian RKT bertanda tangan dengan 'rkt sign {year} PINDAIAN.pdf "
                f"--date TTTT-BB-HH', lalu jalankan lagi.")
    if _revised(signed, folder, rkt, sop):
        return (f"isi RKT {year} sedang direvisi (tidak sama lagi dengan versi {signed.version} yang "
                f"ditandatangani), jadi Perjanjian Kinerja belum dapat disusun. Buat setelah versi revisinya "
                f"ditandatangani dan diarsipkan dengan 'rkt sign'.")
    superior = agency.superior
    if superior is None:
        return ("cycles/agency.yaml belum memuat pihak kedua Perjanjian Kinerja: tambahkan 'atasan' dengan 'nama' "
                "dan 'jabatan' di bawah 'instansi' (misalnya jabatan: Bupati Balangan), lalu jalankan lagi.")
    groups = _iku_groups(rkt)
    if not groups:
        return ("Renstra belum menandai satu indikator pun sebagai Indikator Kinerja Utama: tulis 'iku: true' "
                "pada indikator IKU di cycles/renstra.yaml, lalu jalankan lagi.")
    s = signed.signer
    person = agency.person(s.person) if s.person else None
    region = agency.government.replace("Pemerintah ", "")
    first = Party("PIHAK PERTAMA", s.name, _with_region(s.position, region), person.rank if person else None, s.nip)
    second = Party("PIHAK KEDUA", superior.name, superior.position, superior.rank, superior.nip)
    pk_signed = newest_verified(folder.agreements)
    rows = [r for g in groups for r in g.rows]
    return Agreement(year, agency.government, agency.name, agency.address, first, second, groups, _programs(rkt),
                     agency.city, pk_signed.date if pk_signed else None, signed,
                     any(r.indicator.unit_of_measure and not r.unit_in_target for r in rows))


def _revised(signed: SignedVersion, folder: CycleFolder, rkt: CompiledRkt, sop: Sop | None) -> bool:
    """Whether today's plan may differ from what was signed: its content says so, or (for a
    version signed before content fingerprints were recorded) the cycle is reopened."""
    if signed.content_fingerprint is not None:
        return signed.content_fingerprint != fingerprint.fingerprint(rkt)
    archive = sealing.archive_step(sop)
    return (archive is not None and folder.cycle is not None
            and sealing.is_reopened([e.step for e in folder.cycle.events], archive))


def _with_region(position: str, region: str) -> str:
    """"Kepala Badan ... Kabupaten Balangan": the jabatan as the statement names it."""
    return position if position.endswith(region) else f"{position} {region}"


def _iku_groups(rkt: CompiledRkt) -> tuple[IkuGroup, ...]:
    """The key indicators of the plan, numbered per sasaran (sasaran without one are left out)."""
    out: list[IkuGroup] = []
    for g in rkt.groups:
        rows = tuple(r for r in g.rows if r.indicator.is_iku)
        if rows:
            out.append(IkuGroup(len(out) + 1, g.objective.description, rows))
    return tuple(out)


def _programs(rkt: CompiledRkt) -> tuple[ProgramLine, ...]:
    """Every program of the plan once (several units may carry one), with the units' total."""
    order: list[str] = []
    names: dict[str, str] = {}
    budgets: dict[str, int | None] = {}
    units: dict[str, list[str]] = {}
    for plan in rkt.units:
        for p in plan.form.programs if plan.form else ():
            if p.code not in names:
                order.append(p.code)
                names[p.code], budgets[p.code], units[p.code] = p.name, None, []
            if p.has_budget:
                budgets[p.code] = (budgets[p.code] or 0) + p.budget
            if plan.unit.short not in units[p.code]:
                units[p.code].append(plan.unit.short)
    return tuple(ProgramLine(n, code, names[code], budgets[code], tuple(units[code]))
                 for n, code in enumerate(order, start=1))


def content(pk: Agreement) -> dict:
    """What the PK prints, as plain data: the cache key of its files."""
    return {"tahun": pk.year, "pemerintah": pk.government, "instansi": pk.agency, "alamat": pk.address,
            "pihak": [[p.label, p.name, p.position, p.rank, p.nip] for p in (pk.first, pk.second)],
            "iku": [[g.number, g.objective, [pk.cells(r) for r in g.rows]] for g in pk.groups],
            "kolom": pk.headers(),
            "program": [[p.number, p.code, p.name, p.budget, p.note] for p in pk.programs],
            "tempat": pk.place, "tanggal": pk.date.isoformat() if pk.date else None,
            "rkt": [pk.rkt.version, pk.rkt.sha256]}


# --- PDF ------------------------------------------------------------------

_e = export._e

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


def to_html(pk: Agreement, agency: Agency, source: export.Source, date_text: str | None,
            number=str) -> str:
    """The document to sign. `date_text`: the signing date in words; `number`: how amounts are written."""
    label = f"{source.label} · RKT {pk.year} versi {pk.rkt.version}, sidik isi {source.fingerprint[:16]}"
    logo = export._logo_uri(agency)
    img = f"<img class='logo' src='{logo}' alt='Logo'>" if logo else ""
    out = [f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Perjanjian Kinerja {pk.year}</title>",
           f"<style>{PK_CSS % {'source': export._css_string(label)}}</style></head><body>",
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
    out = export.spanned_table("data", pk.headers(), css,
                        ((g.number, g.objective, [(list(pk.cells(r)), r.filled) for r in g.rows]) for g in pk.groups))
    out.append("</tbody></table>")
    return "".join(out)


def _programs_html(pk: Agreement, number) -> str:
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


# --- XLSX -----------------------------------------------------------------

class _Sheet:
    """Rows appended to one worksheet, every cell wrapped and top-aligned (inert: workbook.inert_append)."""

    def __init__(self, ws) -> None:
        from openpyxl.styles import Alignment, Font

        self.ws = ws
        self.bold, self.italic = Font(bold=True), Font(italic=True)
        self.top = Alignment(wrap_text=True, vertical="top")

    def line(self, values: list, bold: bool = False) -> int:
        workbook.inert_append(self.ws, values)
        row = self.ws.max_row
        for col in range(1, len(values) + 1):
            cell = self.ws.cell(row=row, column=col)
            cell.alignment = self.top
            if bold:
                cell.font = self.bold
        return row


def to_xlsx(pk: Agreement, source: export.Source, date_text: str | None = None) -> bytes:
    """The lampiran as a workbook: both tables (the sasaran cells merged over their indicators),
    the parties and the place and date; amounts are numbers in Rupiah format."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.properties.creator = "rkt-dashboard"
    wb.properties.created = wb.properties.modified = dt.datetime(2000, 1, 1)
    ws = wb.active
    ws.title = "Perjanjian Kinerja"
    sheet = _Sheet(ws)
    for text in (pk.government.upper(), pk.agency.upper(), f"PERJANJIAN KINERJA TAHUN {pk.year}"):
        sheet.line([text], bold=True)
    sheet.line([f"{source.label} · RKT {pk.year} versi {pk.rkt.version}, sidik isi {source.fingerprint[:16]}"])
    sheet.line([])
    for party in (pk.first, pk.second):
        sheet.line([party.label.title(), party.name, party.position])
    _xlsx_performance(sheet, pk)
    _xlsx_programs(sheet, pk)
    _xlsx_signatures(sheet, pk, date_text)
    for i, width in enumerate((6, 45, 50, 26, 16), start=1):  # the two tables share the columns
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return workbook.deterministic_zip(buf.getvalue())


def _xlsx_performance(sheet: _Sheet, pk: Agreement) -> None:
    ws = sheet.ws
    sheet.line([])
    sheet.line(["Sasaran Strategis, Indikator Kinerja dan Target"], bold=True)
    headers = pk.headers()
    sheet.line(headers, bold=True)
    for g in pk.groups:
        first = ws.max_row + 1
        for i, row in enumerate(g.rows):
            cells: list = pk.cells(row)
            if len(row.distinct) == 1 and isinstance(row.distinct[0].target, int):
                cells[-1] = row.distinct[0].target  # a whole number stays a number
            written = sheet.line([g.number if i == 0 else None, g.objective if i == 0 else None, *cells])
            if not row.filled:
                ws.cell(row=written, column=len(headers)).font = sheet.italic
        if len(g.rows) > 1:
            for column in (1, 2):
                ws.merge_cells(start_row=first, start_column=column, end_row=ws.max_row, end_column=column)


def _xlsx_programs(sheet: _Sheet, pk: Agreement) -> None:
    sheet.line([])
    sheet.line(["Program dan Anggaran"], bold=True)
    sheet.line(PROGRAM_HEADERS, bold=True)
    for p in pk.programs:
        row = sheet.line([p.number, f"{p.code} {p.name}", "belum diisi" if p.budget is None else p.budget, p.note])
        sheet.ws.cell(row=row, column=3).number_format = export.RUPIAH_FORMAT
    row = sheet.line(["", "Jumlah", pk.total_budget, ""], bold=True)
    sheet.ws.cell(row=row, column=3).number_format = export.RUPIAH_FORMAT


def _xlsx_signatures(sheet: _Sheet, pk: Agreement, date_text: str | None) -> None:
    """Pihak kedua in column B, pihak pertama in column D, their names on one row."""
    sheet.line([])
    sheet.line(["", "", "", pk.place_date(date_text)])
    for left, right in ((f"{pk.second.label},", f"{pk.first.label},"), (pk.second.position, pk.first.position)):
        sheet.line(["", left, "", right])
    sheet.line([])
    sheet.line(["", pk.second.name, "", pk.first.name], bold=True)
    for left, right in ((pk.second.rank, pk.first.rank), (pk.second.nip_line, pk.first.nip_line)):
        if left or right:
            sheet.line(["", left or "", "", right or ""])


# --- files ----------------------------------------------------------------

def file_name(year: int, fmt_name: str) -> str:
    return f"pk-{year}.{fmt_name}"


def render(fmt_name: str, pk: Agreement, agency: Agency, source: export.Source, cache=None) -> bytes:
    """One file of the PK, through `cache` (a folder) when given; the key covers what it prints."""
    from generator.core import fmt
    from generator.source import cache as caches

    date_text = fmt.date_id(pk.date) if pk.date else None
    if fmt_name == "pdf":
        document = to_html(pk, agency, source, date_text, fmt.number)
        return caches.through(cache, "pk-pdf", (document,), lambda: export.to_pdf(document), ".pdf")
    key = json.dumps([content(pk), source.commit, source.fingerprint], sort_keys=True, default=str)
    return caches.through(cache, "pk-xlsx", (key,), lambda: to_xlsx(pk, source, date_text), ".xlsx")


def downloads(folder: CycleFolder, agency: Agency, rkt: CompiledRkt, sop: Sop | None,
              finished: bool) -> list[tuple[str, str]]:
    """(path under docs/, label) of the PK files the site offers for a cycle: the PK made at
    build time once the cycle is finished (`build.generate` writes them), and the signed scans."""
    out: list[tuple[str, str]] = []
    if finished and not isinstance(agreement(folder, agency, rkt, sop), str):
        out += [(f"unduh/{file_name(folder.year, 'pdf')}", "Perjanjian Kinerja (PDF)"),
                (f"unduh/{file_name(folder.year, 'xlsx')}", "Perjanjian Kinerja (XLSX)")]
    out += [(f"unduh/{v.scan}", f"Perjanjian Kinerja bertanda tangan versi {v.version}")
            for v in sorted(folder.agreements, key=lambda v: v.version) if v.scan_exists and v.scan_sha256 == v.sha256]
    return out
