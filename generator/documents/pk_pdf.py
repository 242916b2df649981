"""The Perjanjian Kinerja (PermenPAN-RB 53/2014) as a printed document (A4 portrait), set by the
one document engine (`typeset`): the statement page and its lampiran, each ending with the two
signatures kept with what precedes them; the footer names the signed RKT it was made from."""

from __future__ import annotations

from generator.core.model import Agency
from generator.documents import typeset as ts
from generator.documents.provenance import Source
from generator.documents.rkt_pdf import amount, columns, kop, spanned_rows
from generator.documents.unfilled import mark_unfilled
from generator.plan.agreement import Agreement, Party

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


def _party(p: Party) -> ts.Pairs:
    return ts.Pairs((("Nama", p.name), ("Jabatan", p.position)))


def signatures(pk: Agreement, date_text: str | None) -> ts.Signatures:
    """Pihak kedua on the left, pihak pertama (with the place and date above) on the right."""
    left, right = pk.second, pk.first
    rows = [ts.SignatureLine("", pk.place_date(date_text)), ts.SignatureLine(f"{left.label},", f"{right.label},"),
            ts.SignatureLine(left.position, right.position), ts.SignatureLine("", "", "space"),
            ts.SignatureLine(left.name, right.name, "name")]
    for a, b in ((left.rank, right.rank), (left.nip_line, right.nip_line)):
        if a or b:
            rows.append(ts.SignatureLine(a or "", b or ""))
    return ts.Signatures(tuple(rows))


def _programs(pk: Agreement, number) -> ts.Table:
    rows = [ts.Row((ts.Cell(str(p.number), nowrap=True), ts.Cell(p.label), amount(p.budget, number), ts.Cell(p.note)))
            for p in pk.programs]
    rows.append(ts.Row((ts.Cell(""), ts.Cell("Jumlah"), amount(pk.total_budget, number), ts.Cell("")), "total"))
    return ts.Table((ts.Column("No", "right", "auto"), ts.Column("Program", width="3fr"),
                     ts.Column("Anggaran (Rp)", "right", "auto"), ts.Column("Keterangan", width="2fr")), tuple(rows))


def pk_document(pk: Agreement, agency: Agency, source: Source, date_text: str | None, number) -> ts.Document:
    """The document to sign. `date_text`: the signing date in words; `number`: how amounts are written."""
    footer = f"{source.label} · {pk.made_from}, sidik isi {source.fingerprint[:16]}"
    sign = signatures(pk, date_text)
    headers = pk.headers()
    performance = ts.Table(columns(headers), spanned_rows(headers, (
        (g.number, g.objective, [(list(pk.cells(r)), r.filled) for r in g.rows]) for g in pk.groups)))
    last = _programs(pk, number) if pk.programs else performance
    lampiran: list[ts.Block] = [performance] if pk.programs else []
    blocks: tuple[ts.Block, ...] = (
        kop(pk.letterhead), ts.Text("title", f"PERJANJIAN KINERJA TAHUN {pk.year}"), ts.Text("para", STATEMENT_OPENING),
        _party(pk.first), ts.Text("para", FIRST_PARTY_ROLE), _party(pk.second), ts.Text("para", SECOND_PARTY_ROLE),
        ts.Text("para", PROMISES[0]), ts.Keep((ts.Text("para", PROMISES[1]), sign)), ts.PageBreak(),
        ts.Text("title", f"LAMPIRAN PERJANJIAN KINERJA TAHUN {pk.year}"),
        ts.Text("subtitle", f"{pk.agency.upper()}\n{pk.government.replace('Pemerintah ', '').upper()}"),
        *lampiran, ts.Table(last.columns, last.rows, sign))
    return mark_unfilled(ts.Document(f"Perjanjian Kinerja {pk.year}", footer, blocks, font_size=10,
                                     margin=(18, 18, 20, 22), logo=pk.logo))
