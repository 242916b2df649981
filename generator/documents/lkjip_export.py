"""The LKjIP as files: the Word document the agency edits (`lkjip_docx`) and the PDF of the one
document engine (`lkjip_pdf`), both drawn from the same outline (`lkjip_outline`). A DRAF is named
so (`lkjip-<year>-draf.docx`), as the other documents' drafts are."""

from __future__ import annotations

from pathlib import Path

from generator.documents import lkjip_outline
from generator.documents.lkjip_text import Outline
from generator.documents.provenance import Source
from generator.documents.year_paper import fingerprint, source_commit
from generator.plan.lkjip import Lkjip

DOCUMENT = "lkjip"
NAME = "LKjIP"
FORMATS = ("docx", "pdf")


def file_name(year: int, fmt_name: str, draft: bool = False) -> str:
    return f"lkjip-{year}{'-draf' if draft else ''}.{fmt_name}"


def outline(lk: Lkjip) -> Outline:
    from generator.core import fmt  # Babel: only the printed outputs need it

    return lkjip_outline.outline(lk, fmt.number)


def source(root: Path, made: Outline) -> Source:
    """Where the LKjIP comes from: the commit of the year's inputs and the fingerprint of what it prints."""
    return Source(source_commit(root, made.year), fingerprint(made))


def render(fmt_name: str, made: Outline, src: Source) -> bytes:
    if fmt_name == "docx":
        from generator.documents.lkjip_docx import to_docx

        return to_docx(made)
    from generator.documents.lkjip_pdf import to_pdf

    return to_pdf(made, src)
