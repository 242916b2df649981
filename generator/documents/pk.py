"""The Perjanjian Kinerja (PK) of a year as files: the PDF to sign (`pk_pdf`) and the lampiran
as XLSX (`pk_xlsx`), made through `render`, and the PK files the site offers for a cycle. A PK
made before its RKT is signed is a DRAF: named so (`pk-<year>-draf.pdf`), marked on every page
with the note of what it was made from (the RKT's DRAF watermark of `typeset`).

The PK itself (who signs, which indicators and programs, when it can be made at all) is plan
state: `generator.plan.agreement`.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generator.core.model import Agency, CycleFolder, Sop
from generator.documents import typeset
from generator.documents.pk_pdf import pk_document
from generator.documents.pk_xlsx import to_xlsx
from generator.documents.provenance import Source
from generator.plan.agreement import Agreement, agreement, content, signed_as_is
from generator.plan.compile import DRAFT, CompiledRkt

FORMATS = ("pdf", "xlsx")


def formats(folder: CycleFolder, made: Agreement, rkt: CompiledRkt) -> tuple[str, ...]:
    """The PK files the site makes: no PDF of a PK whose signed scan is archived for the RKT as it is
    (the scan is the document of record, as a finished RKT's is; `rkt export --document pk` still
    prints it), the lampiran as XLSX always."""
    from generator.plan.fingerprint import fingerprint

    if made.draft is None and signed_as_is(folder.agreements, fingerprint(rkt)) is not None:
        return ("xlsx",)
    return FORMATS


def file_name(year: int, fmt_name: str, draft: bool = False) -> str:
    return f"pk-{year}{'-draf' if draft else ''}.{fmt_name}"


def render(fmt_name: str, pk: Agreement, agency: Agency, source: Source, cache: Path | None = None) -> bytes:
    """One file of the PK, through `cache` (a folder) when given; the key covers what it prints."""
    from generator.core import fmt
    from generator.source import cache as caches

    date_text = fmt.date_id(pk.date) if pk.date else None
    if fmt_name == "pdf":
        document = _marked(pk_document(pk, agency, source, date_text, fmt.number), pk)
        return caches.through(cache, "pk-pdf", (typeset.cache_key(document),), lambda: typeset.to_pdf(document), ".pdf")
    key = json.dumps([content(pk), source.commit, source.fingerprint], sort_keys=True, default=str)
    return caches.through(cache, "pk-xlsx", (key,), lambda: to_xlsx(pk, source, date_text), ".xlsx")


def _marked(doc: typeset.Document, pk: Agreement) -> typeset.Document:
    """A draft's document: the DRAF watermark on every page and, under the first title, what it
    was made from (after a placeholder note, if `pk_document` added one)."""
    if pk.draft is None:
        return doc
    at = next((i + 1 for i, b in enumerate(doc.blocks) if isinstance(b, typeset.Text) and b.kind == "title"), 0)
    note = typeset.Note(f"{DRAFT} -", pk.draft)
    return dataclasses.replace(doc, blocks=(*doc.blocks[:at], note, *doc.blocks[at:]), draft=True, draft_mark=DRAFT)


def offered(folder: CycleFolder, agency: Agency, rkt: CompiledRkt, sop: Sop | None,
            finished: bool) -> Agreement | None:
    """The PK the site makes for a cycle: the one to sign once the cycle is finished with its RKT
    signed as it is; a DRAF while the cycle runs (its RKT not signed yet, or under revision)."""
    made = agreement(folder, agency, rkt, sop)
    if isinstance(made, str) or (made.draft is None) != finished:
        return None
    return made


def downloads(folder: CycleFolder, agency: Agency, rkt: CompiledRkt, sop: Sop | None,
              finished: bool) -> list[tuple[str, str]]:
    """(path under docs/, label) of the PK files the site offers for a cycle: the PK `offered`
    (`site.generate` writes them), and the signed scans."""
    out: list[tuple[str, str]] = []
    made = offered(folder, agency, rkt, sop, finished)
    if made is not None:
        draft = made.draft is not None
        label = f"Perjanjian Kinerja {DRAFT}, belum untuk ditandatangani" if draft else "Perjanjian Kinerja"
        out += [(f"unduh/{file_name(folder.year, fmt_name, draft)}", f"{label} ({fmt_name.upper()})")
                for fmt_name in formats(folder, made, rkt)]
    out += [(f"unduh/{v.scan}", f"Perjanjian Kinerja bertanda tangan versi {v.version}")
            for v in sorted(folder.agreements, key=lambda v: v.version) if v.scan_exists and v.scan_sha256 == v.sha256]
    return out
