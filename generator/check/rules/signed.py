"""Rules on the signed versions of a cycle (signed/rkt-<year>-v<n> for the RKT, signed/pk-...
for the Perjanjian Kinerja): names, numbering, the scan and its hash, dates, the signer; and
scans that came without their metadata."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check.rules.agency import nip_problem
from generator.check.rules.common import problem
from generator.core.model import CycleFolder, SignedVersion
from generator.core.problems import WARNING, Problem


def signed_rules(folder: CycleFolder, today: dt.date, persons: set[str] | None,
                 prefix: str = "rkt") -> Iterator[Problem]:
    """The signed versions of the RKT (`prefix` rkt), of the Perjanjian Kinerja (pk) or of the
    Rencana Aksi (renaksi)."""
    of = {"rkt": folder.signed, "pk": folder.agreements, "renaksi": folder.action_plan_versions}
    versions = sorted(of[prefix], key=lambda v: v.version)
    for expected, v in enumerate(versions, start=1):
        yield from _naming(v, folder, prefix, expected)
        yield from _scan(v)
        yield from _dates(v, folder, today)
        if v.signer.person is not None and persons is not None and v.signer.person not in persons:
            yield problem(v.at / "penandatangan" / "pegawai", "RKT201",
                          f"pegawai '{v.signer.person}' tidak ada di cycles/agency.yaml")
        why = nip_problem(v.signer.nip)
        if why:
            yield problem(v.at / "penandatangan" / "nip", "RKT215", f"NIP penandatangan tidak masuk akal: {why}")


def _naming(v: SignedVersion, folder: CycleFolder, prefix: str, expected: int) -> Iterator[Problem]:
    """The metadata and the scan are named after the year and version they hold, numbered 1, 2, ..."""
    name = v.at.file.rsplit("/", 1)[-1]
    if name != f"{prefix}-{v.year}-v{v.version}.yaml" or v.year != folder.year:
        yield problem(v.at / "versi", "RKT213",
                      f"berkas {name} berisi tahun {v.year} versi {v.version}; nama berkas dan folder harus "
                      f"{prefix}-{v.year}-v{v.version}.yaml di cycles/{v.year}/signed/")
    if v.scan != f"{prefix}-{v.year}-v{v.version}.pdf":
        yield problem(v.at / "berkas", "RKT213",
                      f"berkas pindaian versi {v.version} harus bernama {prefix}-{v.year}-v{v.version}.pdf")
    if v.version != expected:
        yield problem(v.at / "versi", "RKT217",
                      f"versi {v.version} tidak berurutan; versi yang diharapkan {expected}")


def _scan(v: SignedVersion) -> Iterator[Problem]:
    """The scan is there, a PDF, and the file whose hash was recorded."""
    if not v.scan_exists:
        yield problem(v.at / "berkas", "RKT211",
                      f"berkas pindaian '{v.scan_path}' tidak ada; unggah PDF hasil pindaian yang ditandatangani")
    elif not v.scan_is_pdf:
        yield problem(v.at / "berkas", "RKT211", f"berkas '{v.scan_path}' bukan PDF")
    elif v.scan_sha256 != v.sha256:
        yield problem(v.at / "sha256", "RKT212",
                      f"SHA-256 berkas '{v.scan_path}' adalah {v.scan_sha256}, bukan {v.sha256} seperti tercatat; "
                      f"berkas pindaian telah berubah atau tertukar")


def _dates(v: SignedVersion, folder: CycleFolder, today: dt.date) -> Iterator[Problem]:
    if v.date > today:
        yield problem(v.at / "tanggal", "RKT207", f"tanggal tanda tangan {v.date.isoformat()} ada di masa depan")
    start = folder.cycle.start if folder.cycle is not None else None
    if start is not None and v.date < start:
        yield problem(v.at / "tanggal", "RKT218",
                      f"tanggal tanda tangan {v.date.isoformat()} sebelum siklus dimulai ({start.isoformat()})")


def unlisted_scans(folder: CycleFolder) -> Iterator[Problem]:
    """A PDF under signed/ that no metadata file names, and without a metadata file beside it."""
    scans = {v.scan_path for v in folder.all_signed}
    for rel in folder.files:
        if rel.startswith(f"{folder.folder}/signed/") and rel.endswith(".pdf") and rel not in scans:
            meta = rel[:-len(".pdf")] + ".yaml"
            if meta not in folder.files:
                yield Problem(rel, "RKT021",
                              f"pindaian tanpa berkas keterangan {meta.rsplit('/', 1)[-1]}; "
                              f"arsipkan dengan perintah 'rkt sign'", line=1, col=1)


def archived_without_scan(folder: CycleFolder, archive: int) -> Iterator[Problem]:
    """The event log records the archiving of a signed scan (the SOP step whose evidence is the
    archive) but no signed version of the RKT is there: the signed/ folder or its files were
    removed, and the cycle would show as finished without the document that finishes it."""
    if folder.cycle is None or folder.signed:
        return
    event = next((e for e in reversed(folder.cycle.events) if e.step == archive and not e.skipped), None)
    if event is not None:
        yield problem(event.at, "RKT211",
                      f"langkah tanda tangan tercatat tetapi pindaian tidak ada: peristiwa langkah {archive} tanggal "
                      f"{event.date.isoformat()} mencatat pengarsipan RKT {folder.year} bertanda tangan, tetapi "
                      f"{folder.folder}/signed/ tidak memuat versi bertanda tangan. Kembalikan pindaian dan berkas "
                      f"keterangannya (rkt-{folder.year}-v1.pdf dan .yaml) dari riwayat Git")


def unrecorded_identity(folder: CycleFolder, changed: str) -> Iterator[Problem]:
    """Once `changed` (what of the kop in cycles/agency.yaml a change alters), each signed version
    made before `rkt sign` recorded the identity it printed: its re-exports will print the new
    identity (a warning, once per version; nothing to change in the archive)."""
    for v in sorted(folder.signed + folder.agreements, key=lambda v: (v.scan, v.version)):
        if v.identity is None and v.commit:
            kind = "Perjanjian Kinerja" if v.scan.startswith("pk-") else "RKT"
            yield problem(v.at / "penandatangan", "RKT230",
                          f"{changed} berubah, sedangkan {kind} {v.year} versi {v.version} ditandatangani sebelum kop "
                          f"dan identitas yang dicetak ikut dicatat: cetak ulangnya akan memakai identitas yang baru. "
                          f"Berkas arsip ini tidak perlu diubah; pindaian bertanda tangan tetap salinan yang sah",
                          severity=WARNING)


def changed_action_plan(folder: CycleFolder) -> Iterator[Problem]:
    """The Rencana Aksi changed after its newest signed version: a warning, since a Rencana Aksi
    is revised during the year (after the APBD-P, a PK Perubahan); the signed scan stays in the
    archive and the revision needs a new signature."""
    from generator.plan.fingerprint import action_plan_fingerprint

    versions = sorted(folder.action_plan_versions, key=lambda v: v.version)
    if not versions or versions[-1].content_fingerprint is None:
        return
    newest = versions[-1]
    recorded = newest.content_fingerprint
    now = action_plan_fingerprint(folder.year_files)
    if recorded is not None and now != recorded:
        yield problem(newest.at / "sidik_isi", "RKT231",
                      f"Rencana Aksi {folder.year} berubah setelah versi {newest.version} ditandatangani pada "
                      f"{newest.date.isoformat()} (sidik isi sekarang {now[:16]}, tercatat "
                      f"{recorded[:16]}): cetak Rencana Aksi yang baru dengan 'rkt export "
                      f"{folder.year} --document renaksi', tandatangani, lalu arsipkan dengan 'rkt sign {folder.year} "
                      f"PINDAIAN.pdf --document renaksi'. Versi {newest.version} tetap tersimpan di arsip",
                      severity=WARNING)
