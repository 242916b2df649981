"""What the documents of the performance year (the Rencana Aksi, `renaksi_paper`, and the capaian,
`capaian_paper`) share: the head who signs, the names of the kegiatan a row rests on, the
content fingerprint of what they print, and the source commit of their inputs (the RKT's inputs
and the year's Rencana Aksi and reports).

A paper is plain values (texts as printed, amounts as numbers) that both the PDF and the workbook
print, so the two formats show the same cells and carry the same fingerprint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence

from generator.core.model import Agency, Form
from generator.documents import typeset as ts
from generator.documents import unfilled
from generator.documents.book import Book, Sheet
from generator.documents.provenance import Source
from generator.plan.compile import DRAFT, CompiledRkt, Letterhead, Signature
from generator.source import gitrepo

MISSING_PLAN = "belum ada di Rencana Aksi"
NOT_ENDED = "belum berakhir"
NOT_REPORTED = "belum dilaporkan"
NONE = "—"  # nothing to print here, and the row says why


def letterhead(rkt: CompiledRkt, agency: Agency) -> Letterhead:
    """The RKT's letterhead (a signed year's as it was signed); agency.yaml's when that one can no
    longer be printed exactly (its logo changed since): a new document takes today's kop then."""
    head = rkt.kop(agency)
    return Letterhead.of(agency) if head.refusal else head


def head_signature(agency: Agency, kop: Letterhead, year: int) -> Signature | None:
    """The head of agency.yaml who signs a document of the performance year, the date left blank
    for the pen in `year` (never today's); None when agency.yaml names no head."""
    head = agency.person(agency.head)
    if head is None:
        return None
    return Signature(kop.city, None, year, head.position, kop.government.replace("Pemerintah ", ""), head.name,
                     head.rank, head.nip)


def signature_lines(s: Signature) -> tuple[str, ...]:
    """The signature block as lines of a workbook: place and date, jabatan, region, space, name..."""
    return (s.place_date(), s.position, s.region, "", s.name, *(x for x in (s.rank, s.nip_line) if x))


def activity_names(form: Form | None, codes: Sequence[str]) -> tuple[str, ...]:
    """"5.03.02.2.02 Nama kegiatan" for each code, from the unit's form (program, kegiatan or sub
    kegiatan); a code the form does not hold is said so, never dropped."""
    names: dict[str, str] = {}
    for program in form.programs if form is not None else ():
        if program.code:
            names[program.code] = program.name
        for activity in program.activities:
            names[activity.code] = activity.name
            names.update((s.code, s.name) for s in activity.subs)
    return tuple(f"{code} {names[code]}" if code in names else f"{code} (tidak ada di Form RKT unit)"
                 for code in codes)


def _plain(value: object) -> object:
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def fingerprint(paper: object) -> str:
    """SHA-256 of everything a paper prints (the logo by its hash)."""
    assert dataclasses.is_dataclass(paper) and not isinstance(paper, type)
    text = json.dumps(dataclasses.asdict(paper), ensure_ascii=False, sort_keys=True, default=_plain)
    return hashlib.sha256(text.encode()).hexdigest()


def footer(source: Source) -> str:
    return f"{source.label} · sidik isi {source.fingerprint[:16]}"


def draft_note(notes: Sequence[str]) -> ts.Note:
    return ts.Note(f"{DRAFT}.", " ".join(notes) + " Dokumen ini belum dapat ditandatangani.")


def source_commit(root, year: int) -> str:
    """The commit that holds every input of the year's performance documents (short id),
    UNCOMMITTED when the working tree differs from it, or "" outside Git."""
    return gitrepo.source_commit(root, year, performance=True)


# --- the workbooks ---------------------------------------------------------------

def sheet_head(ws: Sheet, letterhead: Letterhead, title: str, source: Source, notes: Sequence[str]) -> int:
    """The letterhead, the title, the source and (for a DRAF) why, on top of `ws`; the title's row."""
    ws.append([letterhead.government.upper()], "bold")
    ws.append([letterhead.name.upper()], "bold")
    title_row = ws.append([f"{title} ({DRAFT})" if notes else title], "bold")
    ws.append([footer(source)])
    ws.append([f"{DRAFT}. " + " ".join(notes) + " Dokumen ini belum dapat ditandatangani."] if notes else [],
              "draft")
    return title_row


def finish_book(book: Book, title_row: int, draft: bool) -> None:
    """Placeholders printed BELUM DIISI (the workbook is then a DRAF, saying why on the line below
    its title); a DRAF says so at the top of every printed page."""
    ws = book.sheets[0]
    count = unfilled.mark_book(book)
    if count:
        title = str(ws.cell(title_row, 1))
        if not draft:
            ws.set(title_row, 1, f"{title} ({DRAFT})", "bold")
        line = ws.cell(title_row + 2, 1)
        note = f"{DRAFT}. {unfilled.draft_note(count)}"
        ws.set(title_row + 2, 1, note if line is None else f"{line} {note}", "draft")
    if draft or count:
        for sheet in book.sheets:
            sheet.page_header = f"{DRAFT} - belum dapat ditandatangani"


def signature_rows(ws: Sheet, signature: Signature | None, column: int) -> None:
    """The head's signature block in `column` (from 1), below a blank row."""
    if signature is None:
        return
    ws.append([])
    for i, text in enumerate(signature_lines(signature)):
        ws.append([None] * (column - 1) + [text], "bold" if i == 4 else None)
