"""The documents of the performance year as files: the Rencana Aksi (`renaksi`) and the capaian so
far (`capaian`), each as PDF (`renaksi_paper`, `capaian_paper`) or XLSX (`renaksi_xlsx`,
`capaian_xlsx`), made through `render`; `made` says why one cannot be made (no Rencana Aksi yet,
no quarter ended yet). A DRAF is named so (`renaksi-<year>-draf.pdf`), as the PK's draft is.

`downloads` is what a site page may offer for a year: (path under docs/, label, bytes).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.core.model import Agency, CycleFolder, SignedVersion
from generator.core.year import quarter_end
from generator.documents import typeset
from generator.documents.capaian_paper import CapaianPaper, capaian_document, capaian_paper
from generator.documents.capaian_xlsx import to_xlsx as capaian_xlsx
from generator.documents.provenance import Source
from generator.documents.renaksi_paper import RenaksiPaper, renaksi_document, renaksi_paper
from generator.documents.renaksi_xlsx import to_xlsx as renaksi_xlsx
from generator.documents.year_paper import fingerprint, source_commit
from generator.plan.agreement import signed_as_is
from generator.plan.compile import DRAFT, CompiledRkt
from generator.plan.performance import MeasuredYear

RENAKSI = "renaksi"
CAPAIAN = "capaian"
DOCUMENTS = (RENAKSI, CAPAIAN)
FORMATS = ("pdf", "xlsx")
NAMES = {RENAKSI: "Rencana Aksi", CAPAIAN: "Capaian Kinerja"}

Paper = RenaksiPaper | CapaianPaper


def file_name(kind: str, year: int, fmt_name: str, draft: bool = False) -> str:
    return f"{kind}-{year}{'-draf' if draft else ''}.{fmt_name}"


def made(kind: str, measured: MeasuredYear, rkt: CompiledRkt, agency: Agency, today: dt.date) -> Paper | str:
    """The paper of `kind` for the year, or why it cannot be made (Indonesian, for "tidak dibuat: ...")."""
    from generator.core import fmt  # Babel: only the printed outputs need it

    year = measured.year
    if not measured.has_plan:
        missing = "belum ada berkasnya" if kind == RENAKSI else f"belum ada Rencana Aksi {year}"
        return (f"{missing} di cycles/{year}/renaksi/; susun Rencana Aksi tiap unit sebagai "
                f"cycles/{year}/renaksi/<kode-unit>.yaml terlebih dahulu")
    if kind == RENAKSI:
        return renaksi_paper(measured, rkt, agency)
    paper = capaian_paper(measured, rkt, agency, today)
    if paper is None:
        return (f"belum ada triwulan tahun {year} yang berakhir (Triwulan I berakhir "
                f"{fmt.date_id(quarter_end(year, 1))}); capaian dapat dihitung sesudahnya")
    return paper


def source(root: Path, paper: Paper) -> Source:
    """Where the paper comes from: the commit of the year's inputs and the fingerprint of what it prints."""
    return Source(source_commit(root, paper.year), fingerprint(paper))


def document_of(paper: Paper, src: Source) -> typeset.Document:
    return renaksi_document(paper, src) if isinstance(paper, RenaksiPaper) else capaian_document(paper, src)


def render(fmt_name: str, paper: Paper, src: Source, cache: Path | None = None,
           document: typeset.Document | None = None) -> bytes:
    """One file of a paper, through `cache` (a folder) when given; the key covers what it prints.
    `document`: the paper's page description, when the caller has made it already."""
    from generator.source import cache as caches

    kind = RENAKSI if isinstance(paper, RenaksiPaper) else CAPAIAN
    if fmt_name == "pdf":
        doc = document or document_of(paper, src)
        return caches.through(cache, f"{kind}-pdf", (typeset.cache_key(doc),), lambda: typeset.to_pdf(doc), ".pdf")
    key = json.dumps([src.fingerprint, src.commit, src.fingerprint])  # src.fingerprint is the paper's
    make = ((lambda: renaksi_xlsx(paper, src)) if isinstance(paper, RenaksiPaper)
            else (lambda: capaian_xlsx(paper, src)))
    return caches.through(cache, f"{kind}-xlsx", (key,), make, ".xlsx")


def downloads(root: Path, folder: CycleFolder, measured: MeasuredYear, rkt: CompiledRkt, agency: Agency,
              today: dt.date, cache: Path | None = None) -> list[tuple[str, str, bytes | None]]:
    """(path under docs/, label, bytes) of each file a site page may offer for the year (a DRAF named
    so); none for a year without a Rencana Aksi (or, for the capaian, before TW I ends). A Rencana
    Aksi signed as it is is offered as its signed scan (bytes None: the build copies every verified
    scan of the year already) and its XLSX, not as a PDF to sign again.
    Each paper's page description is made once, for its name and its PDF; the source commit once
    for the year."""
    out: list[tuple[str, str, bytes | None]] = []
    commit: str | None = None
    for kind in DOCUMENTS:
        paper = made(kind, measured, rkt, agency, today)
        if isinstance(paper, str):
            continue
        commit = source_commit(root, paper.year) if commit is None else commit
        src = Source(commit, fingerprint(paper))
        document = document_of(paper, src)
        label = f"{NAMES[kind]} {paper.year}" + (f" ({DRAFT}, belum untuk ditandatangani)" if document.draft else "")
        scan = signed_plan(folder) if kind == RENAKSI and not document.draft else None
        for fmt_name in FORMATS if scan is None else ("xlsx",):
            out.append((f"unduh/{file_name(kind, paper.year, fmt_name, document.draft)}",
                        f"{label} ({fmt_name.upper()})", render(fmt_name, paper, src, cache, document)))
        if scan is not None:
            out.append((f"unduh/{scan.scan}", f"{label} bertanda tangan versi {scan.version}", None))
    return out


def signed_plan(folder: CycleFolder) -> SignedVersion | None:
    """The newest signed Rencana Aksi of the year, when it was signed as the Rencana Aksi is now."""
    from generator.plan.fingerprint import action_plan_fingerprint

    return signed_as_is(folder.action_plan_versions, action_plan_fingerprint(folder.year_files))
