"""`rkt export YEAR --document lkjip --format docx|pdf`: the year's LKjIP (PermenPAN-RB 53/2014)
as the Word draft the agency edits or as a PDF; every number from the data, every narrative part
from cycles/<year>/lkjip/<bagian>.md, a part nobody wrote marked in the draft."""

from __future__ import annotations

from pathlib import Path

from generator.check import report
from generator.commands.outcome import Outcome
from generator.commands.preconditions import write_out
from generator.core.lkjip import sections
from generator.documents import lkjip_export as files
from generator.plan.compile import DRAFT
from generator.plan.derive import Derived
from generator.plan.lkjip import lkjip
from generator.source import gitrepo
from generator.source.narrative import read_sections

DOCUMENT = files.DOCUMENT
DEFAULT_FORMAT = "docx"  # the draft the agency edits
ONLY_FORMATS = ("docx",)  # formats no other document is made in


def wrong_format(document: str, fmt_name: str) -> Outcome | None:
    """The LKjIP is made as DOCX or PDF only, and DOCX is made for the LKjIP only (exit code 2)."""
    if document != DOCUMENT:
        return Outcome.failed(f"rkt: format {fmt_name} hanya untuk --document {DOCUMENT} (LKjIP)\n", 2)
    if fmt_name in files.FORMATS:
        return None
    return Outcome.failed(f"rkt: {files.NAME} dibuat sebagai {' atau '.join(files.FORMATS)}, bukan {fmt_name} "
                          f"(contoh: rkt export TAHUN --document lkjip --format docx)\n", 2)


def export_lkjip(root: Path, d: Derived, year: int, fmt_name: str, out: Path | None) -> Outcome:
    """The LKjIP of `year` written to `out` (a DRAF while a number is not final or a part is not
    written), or why it cannot be made (exit code 1)."""
    texts, problems = read_sections(root, year, sections(d.repo.renstra.objectives))
    if problems:
        return Outcome.failed(report.text(problems, len(problems)) + f"rkt: {files.NAME} {year} tidak dibuat.\n", 1)
    made = lkjip(year, d, texts)
    if isinstance(made, str):
        return Outcome.failed(f"rkt: {files.NAME} {year} tidak dibuat: {made}.\n", 1)
    outline = files.outline(made)
    src = files.source(root, outline)
    data = files.render(fmt_name, outline, src)
    target = out or Path(files.file_name(year, fmt_name, outline.draft))
    failed = write_out(target, data)
    if failed:
        return Outcome.failed(failed, 2)
    size = f"{len(data):,}".replace(",", ".")
    text = f"{files.NAME} {year} ditulis ke {target} ({size} byte; sidik isi {src.fingerprint[:16]})."
    if outline.draft:
        text += f"\nDokumen ini {DRAFT}: " + " ".join(outline.reasons)
    if src.commit == gitrepo.UNCOMMITTED:
        text += (f"\nPerhatian: ada perubahan yang belum di-commit pada data {year}; cetakan ini menulis "
                 f"'{gitrepo.UNCOMMITTED}' sebagai sumbernya.")
    return Outcome.done(text + "\n")
