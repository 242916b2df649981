"""`rkt sign YEAR SCAN.pdf --document renaksi`: archive the signed Rencana Aksi of a year as
signed/renaksi-<year>-v<n>.pdf with its metadata (SHA-256, the commit printed, the content
fingerprint of the Rencana Aksi, the identity printed), both files or none.

A Rencana Aksi is signed by the head with the PK, and signed again when it is revised during
the year: unlike the RKT, no SOP step is recorded, and a later change of the Rencana Aksi is a
warning that asks for a new version (check/rules/signed.changed_action_plan), never an error."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from generator.check import report
from generator.commands.checked_write import write_checked
from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_cycle
from generator.commands.sign import identity_record, metadata_yaml, printed_commit, read_scan, signer_of
from generator.plan.fingerprint import action_plan_fingerprint


def sign_action_plan(root: Path, year: int, scan: Path, date: dt.date, note: str | None, today: dt.date | None,
                     role: str = "kepala-badan") -> Outcome:
    checked = valid_cycle(root, year, today)
    if isinstance(checked, Outcome):
        return checked
    folder = checked.folder
    if not folder.year_files.plans:
        return Outcome.failed(f"rkt: Rencana Aksi {year} belum ada (cycles/{year}/renaksi/ kosong); tidak ada yang "
                              f"dapat diarsipkan. Tidak ada berkas yang ditulis.\n", 1)
    signer = signer_of(checked, year, role)
    if isinstance(signer, Outcome):
        return signer
    commit = printed_commit(root, year, checked.result, performance=True)
    if isinstance(commit, Outcome):
        return commit
    data = read_scan(scan, date, checked.today)
    if isinstance(data, Outcome):
        return data
    version = max((v.version for v in folder.action_plan_versions), default=0) + 1
    signed_dir = root / folder.folder / "signed"
    pdf_path, meta_path = signed_dir / f"renaksi-{year}-v{version}.pdf", signed_dir / f"renaksi-{year}-v{version}.yaml"
    if pdf_path.exists() or meta_path.exists():
        return Outcome.failed(f"rkt: {pdf_path.name} atau {meta_path.name} sudah ada; tidak ditimpa\n", 1)
    sha256 = hashlib.sha256(data).hexdigest()
    meta = {"tahun": year, "versi": version, "tanggal": date.isoformat(),
            "penandatangan": {"pegawai": signer.code, "jabatan": signer.position, "nama": signer.name,
                              "nip": signer.nip, "pangkat": signer.rank},
            "berkas": pdf_path.name, "sha256": sha256, "commit": commit,
            "sidik_isi": action_plan_fingerprint(folder.year_files), "versi_sidik": 1,
            "identitas": identity_record(checked.repo.agency),
            "catatan": note, "menggantikan": version - 1 if version > 1 else None}
    text = metadata_yaml(meta).replace(f"RKT Tahun {year}", f"Rencana Aksi Tahun {year}", 1)
    undone = write_checked(root, {pdf_path: data, meta_path: text.encode("utf-8")}, today,
                           command=f"rkt sign {year} --document renaksi")
    if undone is not None:
        return Outcome.failed(report.text(list(undone.result.problems), undone.result.files_checked) +
                              "Pengarsipan dibatalkan.\n", 1)
    return Outcome.done(f"Rencana Aksi {year} versi {version} diarsipkan: {pdf_path.relative_to(root)} "
                        f"(SHA-256 {sha256[:16]}…; ditandatangani {signer.name}).\n"
                        f"Ajukan perubahan ini sebagai pull request.\n")
