"""The signable RKT as files: PDF (A4 landscape, for signing; `rkt_pdf`), XLSX (the agency's
target-sheet layout; `rkt_xlsx`) and CSV (`rkt_csv`), made through one entry point, `render`.

Every export carries the source commit and a fingerprint of its content (`provenance.Source`),
so a printed page can be traced back to exactly what it was printed from.

Exports are inert: the files are published for anyone to download, so no text cell may ever
become a live formula in Excel or LibreOffice (see `generator.source.workbook.inert_append`
and `rkt_csv`).

The names of the format modules are re-exported here for the callers that import them from
this module (`export.Source`, `export.rkt_document`, ...).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.core.model import Agency
from generator.documents import typeset
from generator.documents.book import RUPIAH_FORMAT
from generator.documents.provenance import Source
from generator.documents.rkt_csv import CSV_HEADERS, CSV_PERFORMANCE_HEADERS, to_csv
from generator.documents.rkt_pdf import place_date, rkt_document
from generator.documents.rkt_xlsx import to_xlsx
from generator.plan.compile import CompiledRkt
from generator.plan.fingerprint import content

__all__ = ["CSV_HEADERS", "CSV_PERFORMANCE_HEADERS", "FORMATS", "RUPIAH_FORMAT", "Source", "place_date", "render",
           "rkt_document", "to_csv", "to_xlsx"]

FORMATS = ("pdf", "xlsx", "csv")


def render(fmt_name: str, rkt: CompiledRkt, agency: Agency, source: Source, today: dt.date,
           cache: Path | None = None) -> bytes:
    """One export, through `cache` (a folder) when given, keyed by everything the file shows
    and, through `cache.key`, by the code that draws it (a fixed writer must never be
    bypassed by a file an older one made)."""
    if fmt_name == "pdf":  # the signature's place and date come from the plan, never from `today`
        document = rkt_document(rkt, agency, source)
        key = typeset.cache_key(document)
        make = lambda: typeset.to_pdf(document)  # noqa: E731
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
