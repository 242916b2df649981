"""`rkt sign YEAR SCAN.pdf --document pk`: archive a signed Perjanjian Kinerja.

A PK is archived like a signed RKT (scan + metadata with its SHA-256, under the
same never-change rule), as `signed/pk-<year>-v<n>.pdf/.yaml`. It records no SOP
event: signing the PK is the step after the RKT's SOP, not one of its steps. It is
accepted only for a year whose signed RKT it can be made from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from generator.check import report
from generator.commands.checked_write import write_checked
from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_cycle
from generator.commands.sign import metadata_yaml, printed_commit, read_scan
from generator.plan import fingerprint
from generator.plan.agreement import agreement
from generator.plan.derive import derive


def sign_agreement(root: Path, year: int, scan: Path, date: dt.date, note: str | None,
                   today: dt.date | None) -> Outcome:
    checked = valid_cycle(root, year, today)
    if isinstance(checked, Outcome):
        return checked
    folder, repo = checked.folder, checked.repo
    rkt = derive(root, checked.result.repository, checked.today).compiled[year]
    made = agreement(folder, repo.agency, rkt, repo.sop)
    if isinstance(made, str):
        return Outcome.failed(f"rkt: Perjanjian Kinerja {year} tidak dapat diarsipkan: {made}\n", 1)
    commit = printed_commit(root, year, checked.result)
    if isinstance(commit, Outcome):
        return commit
    data = read_scan(scan, date, checked.today)
    if isinstance(data, Outcome):
        return data
    version = max((v.version for v in folder.agreements), default=0) + 1
    signed_dir = root / folder.folder / "signed"
    pdf_path, meta_path = signed_dir / f"pk-{year}-v{version}.pdf", signed_dir / f"pk-{year}-v{version}.yaml"
    if pdf_path.exists() or meta_path.exists():
        return Outcome.failed(f"rkt: {pdf_path.name} atau {meta_path.name} sudah ada; tidak ditimpa\n", 1)
    head = made.rkt.signer  # pihak pertama: the head who signed the plan the PK is made from
    sha256 = hashlib.sha256(data).hexdigest()
    meta = {"tahun": year, "versi": version, "tanggal": date.isoformat(),
            "penandatangan": {"pegawai": head.person, "jabatan": head.position, "nama": head.name, "nip": head.nip},
            "berkas": pdf_path.name, "sha256": sha256, "commit": commit,
            "sidik_isi": fingerprint.fingerprint(rkt), "catatan": note,
            "menggantikan": version - 1 if version > 1 else None}
    text = metadata_yaml(meta).replace(f"RKT Tahun {year}", f"Perjanjian Kinerja Tahun {year}", 1)
    undone = write_checked(root, {pdf_path: data, meta_path: text.encode("utf-8")}, today)
    if undone is not None:
        return Outcome.failed(report.text(list(undone.result.problems), undone.result.files_checked) +
                              "Pengarsipan dibatalkan.\n", 1)
    return Outcome.done(f"Perjanjian Kinerja {year} versi {version} diarsipkan: {pdf_path.relative_to(root)} "
                        f"(SHA-256 {sha256[:16]}…; pihak pertama {head.name}).\n"
                        f"Ajukan perubahan ini sebagai pull request.\n")
