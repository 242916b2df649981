"""`rkt export`: the compiled RKT of one year as PDF, XLSX or CSV; or (`--document pk`) the
Perjanjian Kinerja made from its signed version, as PDF or XLSX (a DRAF, made from the
compiled plan, while the RKT is not signed as it is now); or (`--document renaksi|capaian`) the
year's Rencana Aksi or its capaian so far, as PDF or XLSX; or (`--document bukti-lke`) the evidence of
the year's SAKIP evaluation as a ZIP (commands/evidence.py); or (`--document lkjip`) the year's LKjIP
as DOCX or PDF (commands/lkjip_export.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands import evidence, lkjip_export
from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_repository, write_out
from generator.core.model import CycleFolder, ValidRepository
from generator.documents import export, pk, year_documents
from generator.plan import fingerprint
from generator.plan.agreement import agreement
from generator.plan.compile import DRAFT
from generator.plan.derive import BuildError, Derived, derive
from generator.source import gitrepo

# a document's format when --format is not given
DEFAULT_FORMATS = {evidence.DOCUMENT: evidence.FORMAT, lkjip_export.DOCUMENT: lkjip_export.DEFAULT_FORMAT}


def export_year(root: Path, year: int, fmt_name: str | None, out: Path | None, today: dt.date | None,
                document: str = "rkt") -> Outcome:
    fmt_name = fmt_name or DEFAULT_FORMATS.get(document, "pdf")
    wrong = _wrong_format(document, fmt_name)
    if wrong is not None:
        return wrong
    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    try:
        d = derive(root, checked.result.repository, checked.today)
    except BuildError as exc:
        return Outcome.failed(f"rkt: {exc}\n", 1)
    if document == evidence.DOCUMENT:
        return evidence.export_evidence(root, d, year, out)
    if year not in d.compiled:
        return _no_cycle(checked.repo, d, year)
    if document in year_documents.DOCUMENTS:
        return _year_document(root, d, year, document, fmt_name, out)
    if document == lkjip_export.DOCUMENT:
        return lkjip_export.export_lkjip(root, d, year, fmt_name, out)
    rkt = d.compiled[year]
    source = export.Source(gitrepo.source_commit(root, year), fingerprint.fingerprint(rkt))
    if document == "pk":
        return _agreement(d, year, fmt_name, out, checked.repo, source)
    if rkt.refusal:  # a signed year that cannot be printed again exactly as it was signed
        return Outcome.failed(f"rkt: RKT {year} tidak dicetak ulang: {rkt.refusal}\n", 1)
    data = export.render(fmt_name, rkt, checked.repo.agency, source, checked.today)
    target = out or Path(f"rkt-{year}.{fmt_name}")
    failed = write_out(target, data)
    if failed:
        return Outcome.failed(failed, 2)
    missing = f" Perhatian: {len(rkt.missing)} unit belum menyerahkan form." if rkt.missing else ""
    dirty = ""
    if source.commit == gitrepo.UNCOMMITTED:
        dirty = (f"\nPerhatian: ada perubahan yang belum di-commit pada data RKT {year}; cetakan ini menulis "
                 f"'{gitrepo.UNCOMMITTED}' sebagai sumbernya. Untuk dokumen yang akan ditandatangani, commit "
                 f"perubahannya terlebih dahulu, lalu ekspor ulang.")
    return Outcome.done(f"RKT {year} ditulis ke {target} ({len(data):,} byte; sidik isi {source.fingerprint[:16]})."
                        .replace(",", ".") + f"{missing}{dirty}\n")


def _no_cycle(repo: ValidRepository, d: Derived, year: int) -> Outcome:
    """Why `year` has nothing to export: no RKT cycle (exit code 2)."""
    only = next((c for c in repo.cycles if c.year == year and c.agreement_only), None)
    if only is not None:  # nothing to make a PK from: the signed scan is what there is
        scans = ", ".join(v.scan_path for v in sorted(only.agreements, key=lambda v: v.version))
        return Outcome.failed(f"rkt: tahun {year} tidak memiliki siklus RKT; hanya Perjanjian Kinerja bertanda "
                              f"tangan yang diarsipkan: {scans}\n", 2)
    years = ", ".join(str(y) for y in sorted(d.compiled)) or "belum ada"
    return Outcome.failed(f"rkt: siklus {year} tidak ada (yang ada: {years})\n", 2)


def _wrong_format(document: str, fmt_name: str) -> Outcome | None:
    """The PK, the Rencana Aksi and the capaian are made as PDF or XLSX only, the evaluation evidence as
    ZIP only (exit code 2 otherwise)."""
    if document == lkjip_export.DOCUMENT or fmt_name in lkjip_export.ONLY_FORMATS:
        return lkjip_export.wrong_format(document, fmt_name)
    if document == evidence.DOCUMENT and fmt_name != evidence.FORMAT:
        return Outcome.failed(f"rkt: bukti LKE dibuat sebagai {evidence.FORMAT}, bukan {fmt_name}\n", 2)
    if fmt_name == evidence.FORMAT and document != evidence.DOCUMENT:
        return Outcome.failed(f"rkt: format {evidence.FORMAT} hanya untuk --document {evidence.DOCUMENT}\n", 2)
    if document == "pk" and fmt_name not in pk.FORMATS:
        return Outcome.failed(f"rkt: Perjanjian Kinerja dibuat sebagai {' atau '.join(pk.FORMATS)}, bukan "
                              f"{fmt_name}\n", 2)
    if document in year_documents.DOCUMENTS and fmt_name not in year_documents.FORMATS:
        return Outcome.failed(f"rkt: {year_documents.NAMES[document]} dibuat sebagai "
                              f"{' atau '.join(year_documents.FORMATS)}, bukan {fmt_name}\n", 2)
    return None


def _agreement(d: Derived, year: int, fmt_name: str, out: Path | None, repo: ValidRepository,
               source: export.Source) -> Outcome:
    """The Perjanjian Kinerja of `year` (a DRAF before its RKT is signed), or why it cannot be made
    (exit code 1)."""
    folder = next(c for c in d.folders if c.year == year)
    made = agreement(folder, repo.agency, d.compiled[year], repo.sop)
    if isinstance(made, str):
        return Outcome.failed(f"rkt: Perjanjian Kinerja {year} tidak dibuat: {made}\n", 1)
    data = pk.render(fmt_name, made, repo.agency, source)
    target = out or Path(pk.file_name(year, fmt_name, made.draft is not None))
    failed = write_out(target, data)
    if failed:
        return Outcome.failed(failed, 2)
    size = f"{len(data):,}".replace(",", ".")
    if made.rkt is not None:
        return Outcome.done(f"Perjanjian Kinerja {year} ditulis ke {target} ({size} byte; dari RKT {year} versi "
                            f"{made.rkt.version} yang ditandatangani).\n")
    return Outcome.done(f"Perjanjian Kinerja {year} ditulis ke {target} ({size} byte) sebagai {DRAFT}: {made.draft}\n"
                        f"Tanggal tanda tangan dibiarkan kosong; draf ini bukan untuk ditandatangani."
                        f"{_signed(folder)}\n")


def _signed(folder: CycleFolder) -> str:
    """For an RKT under revision: the signed PK that stands meanwhile (its archived scan), or that
    none is archived; the PK of the signed version is not made again from an older content."""
    signed = max((v.version for v in folder.signed), default=None)
    if signed is None:
        return ""
    scans = [v for v in folder.agreements if v.scan_exists and v.scan_sha256 == v.sha256]
    if not scans:
        return (f"\nPerjanjian Kinerja dari RKT {folder.year} versi {signed} yang ditandatangani tidak dibuat ulang, "
                f"dan pindaiannya belum diarsipkan.")
    newest = max(scans, key=lambda v: v.version)
    return (f"\nPerjanjian Kinerja bertanda tangan yang berlaku sampai revisi ditandatangani: {newest.scan_path} "
            f"(versi {newest.version}, ditandatangani {newest.date.isoformat()}).")


def _year_document(root: Path, d: Derived, year: int, kind: str, fmt_name: str, out: Path | None) -> Outcome:
    """The Rencana Aksi or the capaian of `year` (a DRAF while a plan or a report is missing), or
    why it cannot be made (exit code 1)."""
    name = year_documents.NAMES[kind]
    paper = year_documents.made(kind, d.measured[year], d.compiled[year], d.repo.agency, d.today)
    if isinstance(paper, str):
        return Outcome.failed(f"rkt: {name} {year} tidak dibuat: {paper}.\n", 1)
    source = year_documents.source(root, paper)
    document = year_documents.document_of(paper, source)  # described once: for its name and its PDF
    data = year_documents.render(fmt_name, paper, source, document=document)
    draft = document.draft
    target = out or Path(year_documents.file_name(kind, year, fmt_name, draft))
    failed = write_out(target, data)
    if failed:
        return Outcome.failed(failed, 2)
    span = f" {paper.span}" if isinstance(paper, year_documents.CapaianPaper) else ""
    size = f"{len(data):,}".replace(",", ".")
    text = f"{name} {year}{span} ditulis ke {target} ({size} byte; sidik isi {source.fingerprint[:16]})."
    if draft:
        text += f"\nDokumen ini {DRAFT}, belum untuk ditandatangani: " + (" ".join(paper.notes) or
                                                                       "masih ada isian BELUM DIISI.")
    if source.commit == gitrepo.UNCOMMITTED:
        text += (f"\nPerhatian: ada perubahan yang belum di-commit pada data {year}; cetakan ini menulis "
                 f"'{gitrepo.UNCOMMITTED}' sebagai sumbernya. Untuk dokumen yang akan ditandatangani, commit "
                 f"perubahannya terlebih dahulu, lalu ekspor ulang.")
    return Outcome.done(text + "\n")
