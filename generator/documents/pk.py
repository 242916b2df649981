"""The Perjanjian Kinerja (PK) of a year as files: the PDF to sign (`pk_pdf`) and the lampiran
as XLSX (`pk_xlsx`), made through `render`, and the PK files the site offers for a cycle.

The PK itself (who signs, which indicators and programs, when it can be made at all) is plan
state: `generator.plan.agreement`.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.core.model import Agency, CycleFolder, Sop
from generator.documents import typeset
from generator.documents.pk_pdf import pk_document
from generator.documents.pk_xlsx import to_xlsx
from generator.documents.provenance import Source
from generator.plan.agreement import Agreement, agreement, content
from generator.plan.compile import CompiledRkt

FORMATS = ("pdf", "xlsx")


def file_name(year: int, fmt_name: str) -> str:
    return f"pk-{year}.{fmt_name}"


def render(fmt_name: str, pk: Agreement, agency: Agency, source: Source, cache: Path | None = None) -> bytes:
    """One file of the PK, through `cache` (a folder) when given; the key covers what it prints."""
    from generator.core import fmt
    from generator.source import cache as caches

    date_text = fmt.date_id(pk.date) if pk.date else None
    if fmt_name == "pdf":
        document = pk_document(pk, agency, source, date_text, fmt.number)
        return caches.through(cache, "pk-pdf", (typeset.cache_key(document),), lambda: typeset.to_pdf(document), ".pdf")
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
