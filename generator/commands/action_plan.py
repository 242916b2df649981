"""`rkt sign YEAR SCAN.pdf --document renaksi`: archive the signed Rencana Aksi of a year as
signed/renaksi-<year>-v<n>.pdf with its metadata (SHA-256, the commit printed, the content
fingerprint of the Rencana Aksi, the identity printed), both files or none.

A Rencana Aksi is signed by the head with the PK, and signed again when it is revised during
the year: unlike the RKT, no SOP step is recorded, and a later change of the Rencana Aksi is a
warning that asks for a new version (check/rules/signed.changed_action_plan), never an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_cycle
from generator.commands.sign import archive_scan, identity_record, metadata_yaml, printed_commit, read_scan, signer_of
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
    meta = {"penandatangan": {"pegawai": signer.code, "jabatan": signer.position, "nama": signer.name,
                              "nip": signer.nip, "pangkat": signer.rank},
            "commit": commit, "sidik_isi": action_plan_fingerprint(folder.year_files), "versi_sidik": 1,
            "identitas": identity_record(checked.repo.agency)}
    done = archive_scan(root, folder.folder, "renaksi", year, [v.version for v in folder.action_plan_versions],
                        date, note, data, meta, today,
                        lambda m: metadata_yaml(m).replace(f"RKT Tahun {year}", f"Rencana Aksi Tahun {year}", 1))
    if isinstance(done, Outcome):
        return done
    version, pdf_path, sha256 = done
    return Outcome.done(f"Rencana Aksi {year} versi {version} diarsipkan: {pdf_path.relative_to(root)} "
                        f"(SHA-256 {sha256[:16]}…; ditandatangani {signer.name}).\n"
                        f"Ajukan perubahan ini sebagai pull request.\n")
