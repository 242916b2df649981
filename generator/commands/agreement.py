"""`rkt sign YEAR SCAN.pdf --document pk`: archive a signed Perjanjian Kinerja.

A PK is archived like a signed RKT (scan + metadata with its SHA-256, under the
same never-change rule), as `signed/pk-<year>-v<n>.pdf/.yaml`. It records no SOP
event: signing the PK is the step after the RKT's SOP, not one of its steps.

For a year with a cycle it is accepted only once the RKT it is made from is signed
as it is now (a DRAF PK is never the one signed); its metadata names the commit and
the content fingerprint of that plan. For a year without a cycle (an agency that has
only its signed PK of a past year) the scan alone is archived: no cycle, no RKT, no
commit or content fingerprint (nothing of this repository printed it), only what the
scan is, its date and who signed it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import Valid, valid_cycle, valid_repository
from generator.commands.sign import (
    archive_scan,
    identity_record,
    metadata_yaml,
    printed_commit,
    read_scan,
    signer_of,
)
from generator.core.model import Agency
from generator.plan import fingerprint
from generator.plan.agreement import Agreement, agreement, unsigned
from generator.plan.derive import derive


def sign_agreement(root: Path, year: int, scan: Path, date: dt.date, note: str | None,
                   today: dt.date | None, role: str = "kepala-badan") -> Outcome:
    """Archive `scan` as the next signed PK of `year`: scan and metadata together or none (a run
    killed halfway is ended first)."""
    checked = valid_repository(root, today)
    if isinstance(checked, Outcome):
        return checked
    folder = next((c for c in checked.repo.cycles if c.year == year), None)
    if folder is None or folder.agreement_only:
        return _archive_only(root, checked, year, scan, date, note, role)
    return _made_from_plan(root, year, scan, date, note, today)


def _made_from_plan(root: Path, year: int, scan: Path, date: dt.date, note: str | None,
                    today: dt.date | None) -> Outcome:
    """The PK of a year with a cycle: made from its signed RKT."""
    checked = valid_cycle(root, year, today)
    if isinstance(checked, Outcome):
        return checked
    folder, repo = checked.folder, checked.repo
    rkt = derive(root, checked.result.repository, checked.today).compiled[year]
    made = agreement(folder, repo.agency, rkt, repo.sop)
    why = made if isinstance(made, str) else unsigned(folder, rkt, repo.sop)
    if why is not None or isinstance(made, str) or made.rkt is None:
        return Outcome.failed(f"rkt: Perjanjian Kinerja {year} tidak dapat diarsipkan: {why}\n", 1)
    commit = printed_commit(root, year, checked.result)
    if isinstance(commit, Outcome):
        return commit
    data = read_scan(scan, date, checked.today)
    if isinstance(data, Outcome):
        return data
    head = made.rkt.signer  # pihak pertama: the head who signed the plan the PK is made from
    meta = {"penandatangan": {"pegawai": head.person, "jabatan": head.position, "nama": head.name, "nip": head.nip,
                              "pangkat": made.first.rank},
            "commit": commit, "sidik_isi": fingerprint.fingerprint(rkt), "versi_sidik": fingerprint.VERSION,
            "identitas": _printed_identity(made, repo.agency)}
    return _write(root, folder.folder, year, [v.version for v in folder.agreements], date, note, data, meta, today,
                  head.name)


def _printed_identity(made: Agreement, agency: Agency) -> dict:
    """`identitas` of a signed PK: the kop, place and pihak kedua it printed (the made PK's, which
    for a signed RKT are the ones that RKT recorded)."""
    out = identity_record(agency)
    out.update({"pemerintah": made.government, "instansi": made.agency, "alamat": made.address, "kota": made.place})
    if made.logo:
        out["logo_sha256"] = hashlib.sha256(made.logo).hexdigest()
    else:
        out.pop("logo_sha256", None)
    second = made.second
    out["atasan"] = {k: v for k, v in (("nama", second.name), ("jabatan", second.position), ("pangkat", second.rank),
                                       ("nip", second.nip)) if v is not None}
    return out


def _archive_only(root: Path, checked: Valid, year: int, scan: Path, date: dt.date, note: str | None,
                  role: str) -> Outcome:
    """The signed PK of a year without a cycle: the scan, its date and its signer, nothing more."""
    signer = signer_of(checked, year, role)
    if isinstance(signer, Outcome):
        return signer
    data = read_scan(scan, date, checked.today)
    if isinstance(data, Outcome):
        return data
    folder = next((c for c in checked.repo.cycles if c.year == year), None)
    meta = {"penandatangan": {"pegawai": signer.code, "jabatan": signer.position, "nama": signer.name,
                              "nip": signer.nip}}
    out = _write(root, f"cycles/{year}", year, [v.version for v in folder.agreements] if folder else [], date, note,
                 data, meta, checked.today, signer.name)
    if out.code == 0:
        return Outcome.done(out.out + _ONLY.format(year=year, name=signer.name))
    return out


_ONLY = ("Tahun {year} tidak memiliki siklus RKT di repositori ini: hanya Perjanjian Kinerja yang diarsipkan (tanpa "
         "commit sumber dan sidik isi, karena tidak dicetak dari repositori ini). Pihak pertama dicatat {name} dari "
         "cycles/agency.yaml; bila yang menandatangani pejabat lain, tulis nama, NIP dan jabatannya di "
         "'penandatangan' pada berkas keterangannya dan hapus baris 'pegawai', sebelum pull request digabung.\n")


def _write(root: Path, rel_folder: str, year: int, versions: list[int], date: dt.date, note: str | None,
           data: bytes, meta: dict, today: dt.date | None, first_party: str) -> Outcome:
    """Create signed/pk-<year>-v<n>.pdf and .yaml, validate, and undo all of it on any error."""
    done = archive_scan(root, rel_folder, "pk", year, versions, date, note, data, meta, today, _metadata_yaml)
    if isinstance(done, Outcome):
        return done
    version, pdf_path, sha256 = done
    return Outcome.done(f"Perjanjian Kinerja {year} versi {version} diarsipkan: {pdf_path.relative_to(root)} "
                        f"(SHA-256 {sha256[:16]}…; pihak pertama {first_party}).\n"
                        f"Ajukan perubahan ini sebagai pull request.\n")


def _metadata_yaml(meta: dict) -> str:
    """The signed metadata's layout (`metadata_yaml`), named as a PK's; without a commit when
    no commit of this repository printed it."""
    text = metadata_yaml({"commit": "", **meta}).replace(
        f"RKT Tahun {meta['tahun']}", f"Perjanjian Kinerja Tahun {meta['tahun']}", 1)
    if meta.get("commit"):
        return text
    return text.replace("commit: \n", "", 1).replace(
        "# Dibuat dengan 'rkt sign'.", "# Dibuat dengan 'rkt sign --document pk' tanpa RKT tahun ini di repositori.", 1)
