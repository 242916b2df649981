"""`rkt sign`: archive a signed scan as the next version, and record steps 10 and 11."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.check import report
from generator.check.rules.placeholders import CODE as PLACEHOLDER_CODE
from generator.check.rules.placeholders import is_placeholder, printed_placeholders
from generator.check.validate import Result
from generator.commands.checked_write import write_checked
from generator.commands.outcome import Outcome
from generator.commands.preconditions import Valid, ValidCycle, valid_cycle
from generator.core.model import Agency, Person, ValidRepository
from generator.core.problems import os_reason
from generator.plan import archive, fingerprint
from generator.plan.derive import derive
from generator.source import gitrepo

MAX_SCAN = 50 * 1024 * 1024


def read_scan(scan: Path, date: dt.date, day: dt.date) -> bytes | Outcome:
    """The bytes of a signed scan, or why it cannot be archived."""
    try:
        data = scan.read_bytes()
    except OSError as exc:
        return Outcome.failed(f"rkt: berkas {scan} tidak dapat dibaca ({os_reason(exc)})\n", 2)
    if len(data) > MAX_SCAN or not is_pdf(data):
        return Outcome.failed(f"rkt: {scan} bukan berkas PDF yang utuh; pindai ulang dan simpan sebagai PDF\n", 1)
    if date > day:
        return Outcome.failed(f"rkt: tanggal tanda tangan {date.isoformat()} ada di masa depan\n", 2)
    return data


def is_pdf(data: bytes) -> bool:
    """A real PDF file: header, cross-reference and end-of-file marker."""
    return (data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:] and
            (b"startxref" in data[-4096:] or b"/XRef" in data))


@dataclass(frozen=True)
class _Parties:
    """Who signs, who archives, and the two SOP steps `rkt sign` records."""

    signer: Person
    recorder: str  # person code
    sign_step: int
    archive_step: int


def _parties(repo: ValidRepository, role: str) -> _Parties | Outcome:
    agency, sop = repo.agency, repo.sop
    r = agency.role(role)
    if r is None:
        return Outcome.failed(f"rkt: peran '{role}' tidak ada di cycles/agency.yaml\n", 2)
    signer = _staff(agency, agency.head if agency.head in r.members else r.members[0])
    archive_step = next(s for s in sop.steps if s.evidence == "arsip")
    sign_step = sop.steps[[s.number for s in sop.steps].index(archive_step.number) - 1]
    recorder_role = agency.role(archive_step.executor)
    recorder = recorder_role.members[0] if recorder_role else signer.code
    return _Parties(signer, recorder, sign_step.number, archive_step.number)


def signer_of(checked: Valid, year: int, role: str) -> Person | Outcome:
    """Who signs for `role` (as `rkt sign` chooses: the head when a member, else the first member),
    or why that cannot be recorded: an unknown role, or a name, NIP or jabatan still an "(isi ...)"
    of `rkt init` (each with its line). For a document signed outside this repository."""
    parties = _parties(checked.repo, role)
    if isinstance(parties, Outcome):
        return parties
    person = parties.signer
    lines = {(p.file, p.path): p.line for p in checked.result.problems if p.code == PLACEHOLDER_CODE}
    left = [(person.at / key, label, value) for key, label, value in
            (("nama", "nama", person.name), ("nip", "NIP", person.nip), ("jabatan", "jabatan", person.position))
            if is_placeholder(value)]
    if not left:
        return person
    shown = "".join(f"  {at.file}:{lines.get((at.file, at.path), 0)}: {label} pegawai '{person.code}' masih "
                    f"\"{value}\"\n" for at, label, value in left)
    return Outcome.failed(f"rkt: penanda tangan dokumen {year} tidak dapat dicatat: datanya masih isian contoh dari "
                          f"'rkt init':\n{shown}Ganti dengan data sebenarnya, lalu jalankan lagi. Tidak ada berkas "
                          f"yang ditulis.\n", 1)


def _staff(agency: Agency, code: str) -> Person:
    person = agency.person(code)
    assert person is not None, code  # a valid agency.yaml names only its staff as head and members (RKT201)
    return person


def sign(root: Path, year: int, scan: Path, date: dt.date, role: str, note: str | None,
         today: dt.date | None) -> Outcome:
    """Archive `scan` as the next signed version of `year`'s RKT and record steps 10 and 11: the
    scan, its metadata and cycle.yaml all together or none (a run killed halfway is ended first,
    by the command frame: `guard.run_in`)."""
    checked = valid_cycle(root, year, today)
    if isinstance(checked, Outcome):
        return checked
    commit = printed_commit(root, year, checked.result)
    if isinstance(commit, Outcome):
        return commit
    data = read_scan(scan, date, checked.today)
    if isinstance(data, Outcome):
        return data
    parties = _parties(checked.repo, role)
    if isinstance(parties, Outcome):
        return parties
    folder = checked.folder
    version = max((v.version for v in folder.signed), default=0) + 1
    signed_dir = root / folder.folder / "signed"
    pdf_path, meta_path = signed_dir / f"rkt-{year}-v{version}.pdf", signed_dir / f"rkt-{year}-v{version}.yaml"
    if pdf_path.exists() or meta_path.exists():
        return Outcome.failed(f"rkt: {pdf_path.name} atau {meta_path.name} sudah ada; tidak ditimpa\n", 1)
    sha256 = hashlib.sha256(data).hexdigest()
    meta = _metadata(root, checked, parties.signer, version, date, note, commit) | {
        "berkas": pdf_path.name, "sha256": sha256}
    cycle_path = root / folder.folder / "cycle.yaml"
    failed = _write_checked(root, today, {pdf_path: data, meta_path: metadata_yaml(meta).encode("utf-8")},
                            cycle_path, _events(checked, parties, version, date, pdf_path.name), f"rkt sign {year}")
    if failed:
        return Outcome.failed(failed, 1)
    return Outcome.done(
        f"Versi {version} RKT {year} diarsipkan: {pdf_path.relative_to(root)} (SHA-256 {sha256[:16]}…), "
        f"penanda tangan: {parties.signer.name}; langkah {parties.sign_step} dan {parties.archive_step} dicatat di "
        f"{cycle_path.relative_to(root)}. Ajukan perubahan ini sebagai pull request.\n")


def _metadata(root: Path, checked: ValidCycle, signer: Person, version: int, date: dt.date, note: str | None,
              commit: str) -> dict:
    """The signed version's metadata, but for the scan's name and hash (`berkas`, `sha256`)."""
    year, day = checked.folder.year, checked.today
    d = derive(root, checked.result.repository, day)
    renstra = checked.repo.renstra
    return {"tahun": year, "versi": version, "tanggal": date.isoformat(),
            "penandatangan": {"pegawai": signer.code, "jabatan": signer.position, "nama": signer.name,
                              "nip": signer.nip, "pangkat": signer.rank},
            "commit": commit,
            "sidik_isi": fingerprint.fingerprint(d.compiled[year]), "versi_sidik": fingerprint.VERSION,
            "catatan": note,
            "menggantikan": version - 1 if version > 1 else None,
            "kalender": archive.calendar_record(d.cal, checked.folder, checked.repo.sop, max(day, date)),
            "identitas": identity_record(checked.repo.agency),
            "renstra": {"judul": renstra.title, "mulai": renstra.first_year, "selesai": renstra.last_year}}


def identity_record(agency: Agency) -> dict:
    """What the signed document printed of the agency (`identitas`): its kop, place and logo.
    Recorded so that a later change of agency.yaml never re-letters a signed year."""
    out: dict = {"pemerintah": agency.government, "instansi": agency.name, "alamat": agency.address,
                 "kota": agency.city}
    if agency.logo_data:
        out["logo_sha256"] = hashlib.sha256(agency.logo_data).hexdigest()
    return out


def _events(checked: ValidCycle, parties: _Parties, version: int, date: dt.date, scan_name: str) -> str:
    """The events to append: the signing (unless the last event already records it) and the archiving."""
    from generator.source.yamlwrite import event_yaml

    year, day, cycle = checked.folder.year, checked.today, checked.cycle
    events = ""
    last = cycle.events[-1] if cycle.events else None
    if not (last and last.step == parties.sign_step and last.decision == "ya"):
        events += event_yaml({"langkah": parties.sign_step, "tanggal": date.isoformat(), "oleh": parties.signer.code,
                              "keputusan": "ya", "catatan": f"RKT Tahun {year} versi {version} ditandatangani"})
    # the archiving is the day the scan reaches the repository (today), never the signing day moved:
    # the cycle's finish is the signing, recorded above
    events += event_yaml({"langkah": parties.archive_step, "tanggal": max(day, date).isoformat(),
                          "oleh": parties.recorder,
                          "catatan": f"Pindaian bertanda tangan diarsipkan ({scan_name})"})
    return events


def _write_checked(root: Path, today: dt.date | None, new_files: dict[Path, bytes], cycle_path: Path,
                   events: str, command: str) -> str | None:
    """Create `new_files`, append `events` to cycle.yaml, and validate the result; on any
    problem undo all of it and return the message."""
    before = cycle_path.read_bytes()
    appended = _append_events(before.decode("utf-8"), events)
    if appended is None:
        return ("rkt: 'peristiwa' bukan bagian terakhir cycle.yaml, jadi catatan tidak dapat ditambahkan dengan "
                "aman; pindahkan 'peristiwa' ke akhir berkas\n")
    undone = write_checked(root, {**new_files, cycle_path: appended}, today, command=command)
    if undone is not None:
        names = ", ".join(str(path.relative_to(root)) for path in new_files)
        return (report.text(list(undone.result.problems), undone.result.files_checked) +
                f"Penandatanganan dibatalkan: masalah di atas ditemukan pada isi yang akan ditulis; {names} tidak "
                f"disimpan dan {cycle_path.relative_to(root)} dikembalikan seperti semula.\n")
    return None


def printed_commit(root: Path, year: int, result: Result, performance: bool = False) -> str | Outcome:
    """The full id of the commit that holds what was printed for signing, or why there is none
    (or why what was printed cannot be signed: it still shows placeholders of `rkt init`).

    The metadata names a commit so that anyone can rebuild the signed content from
    it: with uncommitted changes to the plan's inputs no commit holds that content.
    `result` is the caller's verdict on the repository as it is now."""
    from generator.source.gitrepo import GitError, git

    refused = unfilled_refusal(result, year)
    if refused is not None:
        return refused
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except GitError:
        return Outcome.failed("rkt: perintah ini memerlukan repositori Git (untuk mencatat commit yang dicetak)\n", 2)
    dirty = gitrepo.uncommitted(root, year, performance)
    if dirty:
        shown = "".join(f"  {p}\n" for p in dirty[:20]) + (f"  … dan {len(dirty) - 20} lagi\n" if len(dirty) > 20
                                                            else "")
        return Outcome.failed(
            f"rkt: data RKT {year} punya perubahan yang belum di-commit:\n{shown}"
            f"Yang ditandatangani harus sama dengan isi sebuah commit. Commit perubahan itu (atau batalkan), "
            f"cetak ulang dengan 'rkt export {year} --format pdf' bila isinya berubah, lalu jalankan lagi.\n", 1)
    return (gitrepo.last_commit(root, year, abbrev=False, performance=performance)
            or git(root, "rev-parse", "HEAD").decode().strip())


def unfilled_refusal(result: Result, year: int) -> Outcome | None:
    """Why a document may not be signed while it prints placeholders of `rkt init`
    (RKT228: each with its file and line), or None when none remains. Nothing is written."""
    lines = {(p.file, p.path): p.line for p in result.problems if p.code == PLACEHOLDER_CODE}
    found = sorted(((u.at.file, lines.get((u.at.file, u.at.path), 0)), u.label, u.value)
                   for u in printed_placeholders(result.repository))
    if not found:
        return None
    shown = "".join(f"  {file}:{line}: {label} masih \"{value}\"\n" for (file, line), label, value in found)
    return Outcome.failed(
        f"rkt: penandatanganan {year} tidak dicatat: dokumen yang ditandatangani akan memuat isian contoh dari "
        f"'rkt init' yang belum diganti:\n{shown}"
        f"Ganti setiap isian itu dengan data sebenarnya, periksa dengan 'rkt validate', commit, cetak ulang "
        f"dokumennya dengan 'rkt export {year} --format pdf' (Perjanjian Kinerja: dengan --document pk) dan "
        f"mintakan tanda tangan pada cetakan baru itu, lalu jalankan lagi. Tidak ada berkas yang ditulis atau "
        f"diubah.\n", 1)


def archive_scan(root: Path, rel_folder: str, prefix: str, year: int, versions: list[int], date: dt.date,
                 note: str | None, data: bytes, meta: dict, today: dt.date | None,
                 to_text: Callable[[dict], str]) -> tuple[int, Path, str] | Outcome:
    """The next signed version of a document kept beside the RKT's (`prefix` pk, renaksi): its scan and
    its metadata (`meta` plus the version's own fields, written by `to_text`) created together, never
    over a file, validated, and both undone on any error. The version, the scan's path and its
    SHA-256, or why nothing was archived."""
    version = max(versions, default=0) + 1
    signed_dir = root / rel_folder / "signed"
    name = f"{prefix}-{year}-v{version}"
    pdf_path, meta_path = signed_dir / f"{name}.pdf", signed_dir / f"{name}.yaml"
    if pdf_path.exists() or meta_path.exists():
        return Outcome.failed(f"rkt: {pdf_path.name} atau {meta_path.name} sudah ada; tidak ditimpa\n", 1)
    sha256 = hashlib.sha256(data).hexdigest()
    meta = {"tahun": year, "versi": version, "tanggal": date.isoformat(), **meta, "berkas": pdf_path.name,
            "sha256": sha256, "catatan": note, "menggantikan": version - 1 if version > 1 else None}
    # the folders a new year needs are made with the files, and removed with them when undone
    undone = write_checked(root, {pdf_path: data, meta_path: to_text(meta).encode("utf-8")}, today,
                           command=f"rkt sign {year} --document {prefix}")
    if undone is not None:
        return Outcome.failed(report.text(list(undone.result.problems), undone.result.files_checked) +
                              "Pengarsipan dibatalkan.\n", 1)
    return version, pdf_path, sha256


def metadata_yaml(meta: dict) -> str:
    """The signed metadata file: yamlwrite's layout, then what a revision and the
    calendar add (`menggantikan`, `kalender`)."""
    from generator.source.yamlwrite import signed_yaml

    out = [_with_rank(signed_yaml(meta), meta["penandatangan"].get("pangkat"))]
    if meta.get("versi_sidik") and meta.get("sidik_isi"):
        out.append(f"versi_sidik: {meta['versi_sidik']}\n")
    if meta.get("menggantikan"):
        out.append(f"menggantikan: {meta['menggantikan']}\n")
    cal = meta.get("kalender")
    if cal:
        out.append("# Hari kerja yang dipakai menghitung jadwal siklus ini saat ditandatangani.\n")
        out.append(f"kalender:\n  holidays: \"{cal['holidays']}\"\n  dari: {cal['dari']}\n  sampai: {cal['sampai']}\n")
        for key in ("libur", "hari_kerja"):
            if key in cal:
                out.append(f"  {key}: [{', '.join(cal[key])}]\n")
    out.append(_identity_yaml(meta.get("identitas"), meta.get("renstra")))
    return "".join(out)


def _with_rank(text: str, rank: str | None) -> str:
    """The signer's pangkat, when known, as the last line of `penandatangan` (before `berkas`)."""
    from generator.source.yamlwrite import scalar

    return text.replace("\nberkas: ", f"\n  pangkat: {scalar(rank)}\nberkas: ", 1) if rank else text


def _identity_yaml(identity: dict | None, renstra: dict | None) -> str:
    """`identitas` and `renstra`: what the signed document printed and what it was compiled from."""
    from generator.source.yamlwrite import code, scalar

    out = []
    if identity:
        out.append("# Kop dan tempat yang tercetak pada dokumen yang ditandatangani; cetak ulang memakai ini.\n"
                   "identitas:\n")
        for key in ("pemerintah", "instansi", "alamat", "kota", "logo_sha256"):
            if key in identity:
                out.append(f"  {key}: {scalar(identity[key])}\n")
        if identity.get("atasan"):
            out.append("  atasan:\n")
            out += [f"    {k}: {code(v) if k == 'nip' else scalar(v)}\n" for k, v in identity["atasan"].items()]
    if renstra:
        out.append(f"# Renstra yang dipakai menyusun isi yang ditandatangani.\nrenstra:\n"
                   f"  judul: {scalar(renstra['judul'])}\n  mulai: {renstra['mulai']}\n"
                   f"  selesai: {renstra['selesai']}\n")
    return "".join(out)


def _append_events(text: str, events: str) -> str | None:
    """cycle.yaml with `events` added at the end of its `peristiwa` list, or None if unsafe."""
    lines = text.splitlines(keepends=True)
    keys = [i for i, ln in enumerate(lines) if ln[:1] not in (" ", "#", "\n", "\r", "-") and ":" in ln]
    if not keys or not lines[keys[-1]].startswith("peristiwa:"):
        return None
    i = keys[-1]
    head = lines[i].rstrip("\r\n")
    newline = "\r\n" if lines[i].endswith("\r\n") else "\n"
    if head.replace(" ", "") == "peristiwa:[]":
        lines[i] = "peristiwa:" + newline
    elif head.strip() != "peristiwa:":
        return None
    body = "".join(lines)
    if not body.endswith(("\n", "\r")):
        body += newline
    return body + events.replace("\n", newline)
