"""What was recorded stays recorded; what was signed stays signed.

Against a base revision (`rkt validate --base`), read with the real `git`
command (`ls-tree`, `cat-file --batch`) and parsed with the same strict loader:

* a cycle's event log (`peristiwa`) is append-only: every event of the base
  must still be there, unchanged, at the same position;
* a signed version (scan and metadata under `signed/`) never changes, moves
  or disappears;
* a merged quarterly report changes only with a new `perubahan` entry, and
  that list is append-only (report_history.py);
* the SAKIP stages' log (sakip.yaml `peristiwa`) is append-only (sakip_history.py);
* a cycle's schedule is history: `mulai` does not move once events exist, and
  `tanggal_dari_git` does not flip once the cycle is finished;
* a signed cycle is final: its forms, its cycle.yaml fields and what its
  compiled content takes from the shared files (renstra.yaml, agency.yaml)
  change only once events reopen the cycle (the revision goes through the SOP
  again and ends with a new signed version).

Without a base (`signed_problems`): the newest verified signed version's
content fingerprint (`sidik_isi`) must still match the content compiled from
today's data, unless the cycle is reopened; and `menggantikan` names an
earlier version.

What differs in a cycle's inputs is found by changes.py; that a Renstra code keeps its
meaning across a revision (RKT308, RKT309) is revisions.py's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from generator.check import logs
from generator.check.changes import sealed_changes
from generator.check.report_history import report_revisions
from generator.check.revisions import renstra_revisions
from generator.check.rules.signed import archived_without_scan, unrecorded_identity
from generator.check.sakip_history import sakip_log_history
from generator.core.model import CycleFolder, Repository, Sop, Step
from generator.core.problems import Problem
from generator.plan import fingerprint
from generator.plan.agreement import newest_verified
from generator.plan.compile import compile_rkt, renstra_refusal
from generator.plan.sealing import archive_step, is_reopened, last_archiving, reopening
from generator.source.gitrepo import Blob, GitError, read_blobs, resolve, tree
from generator.source.load import Document, load_bytes

if TYPE_CHECKING:
    from generator.source.schema import SchemaSet

_CYCLE = re.compile(r"cycles/[0-9]{4}/cycle\.yaml")
_SIGNED = re.compile(r"cycles/[0-9]{4}/signed/[^/]+")
_SIGNED_META = re.compile(r"cycles/([0-9]{4})/signed/rkt-[0-9]{4}-v[0-9]{1,2}\.yaml")


def _event_label(e: object) -> str:
    if isinstance(e, dict):
        return f"langkah {e.get('langkah')} tanggal {e.get('tanggal')}"
    return "peristiwa"


def _diff(old: object, new: object) -> str:
    if not isinstance(old, dict) or not isinstance(new, dict):
        return "isinya diganti"
    parts = []
    for key in list(old) + [k for k in new if k not in old]:
        if old.get(key) != new.get(key):
            parts.append(f"'{key}' dari {old.get(key)!r} menjadi {new.get(key)!r}"
                         .replace("None", "kosong"))
    return "; ".join(parts) or "urutan isinya diubah"


def event_log_problems(file: str, old: object, new: object) -> Iterator[Problem]:
    """Compare one cycle's event logs (plain data) of base and head."""
    was, now = logs.entries(old, "peristiwa"), logs.entries(new, "peristiwa")
    for i, before, after in logs.changed(was, now):
        yield Problem(file, "RKT301",
                      f"peristiwa ke-{i + 1} ({_event_label(before)}) diubah: {_diff(before, after)}. "
                      f"Catatan lama tidak boleh diubah atau disisipi; tambahkan peristiwa baru di bagian bawah",
                      path=("peristiwa", i))
    for i, before in logs.removed(was, now):
        yield Problem(file, "RKT301",
                      f"peristiwa ke-{i + 1} ({_event_label(before)}) dihapus; catatan peristiwa hanya boleh "
                      f"ditambah. Kembalikan catatan itu; untuk koreksi, tambahkan peristiwa baru di bawah",
                      path=("peristiwa",))


def check(root: FsPath, base: str, head: Mapping[str, Document], head_files: set[str],
          repo: Repository | None = None, schemas: SchemaSet | None = None) -> list[Problem]:
    """All problems of the working tree at `root` against revision `base`.

    `repo` (the working tree's model) and `schemas` are needed for the rules on
    signed cycles; without them only the event log and the archive are compared."""
    commit = resolve(root, base)
    listing = tree(root, commit)
    blobs = [b for b in listing if _CYCLE.fullmatch(b.path) or _SIGNED.fullmatch(b.path)]
    contents = read_blobs(root, sorted({b.oid for b in blobs}))
    sealed = _sealed_at(blobs, contents)
    problems: list[Problem] = []
    base_cycles: dict[str, object] = {}
    for b in blobs:
        if not _CYCLE.fullmatch(b.path):
            problems.extend(_archive_file_problems(root, b.path, contents[b.oid], head_files))
            continue
        if b.path not in head_files:
            problems.append(Problem(b.path, "RKT301", "cycle.yaml dihapus; catatan peristiwa siklus tidak boleh "
                                    "dihapus", line=1, col=1))
            continue
        before, after = load_bytes(contents[b.oid], b.path).document, head.get(b.path)
        if before is None or after is None:
            continue  # a file that does not parse has its own problems reported
        base_cycles[b.path] = before.data
        recorded = isinstance(before.data, dict) and before.data.get("dicatat_kemudian") is True
        problems.extend(event_log_problems(b.path, before.data, after.data))
        problems.extend(schedule_problems(b.path, before.data, after.data,
                                          finished=int(b.path.split("/")[1]) in sealed or recorded))
    problems.extend(report_revisions(root, listing, head, head_files))  # a merged report changes with a recorded reason
    problems.extend(sakip_log_history(root, listing, head, head_files))  # the SAKIP stages' log is append-only
    if repo is not None:
        problems.extend(renstra_revisions(root, listing, repo))
        problems.extend(_relettered(root, listing, repo))
    if repo is not None and schemas is not None:
        for year, version in sorted(sealed.items()):
            rel = f"cycles/{year}/cycle.yaml"
            if rel in base_cycles:
                problems.extend(_sealed_problems(root, listing, year, version, base_cycles[rel], head, repo, schemas))
    return problems


def _archive_file_problems(root: FsPath, rel: str, raw: bytes, head_files: set[str]) -> list[Problem]:
    if rel not in head_files:
        return [Problem(rel, "RKT302", f"berkas bertanda tangan {rel} dihapus atau dipindah; berkas arsip "
                        f"tidak boleh diubah. Kembalikan berkasnya; versi baru dibuat dengan 'rkt sign'",
                        line=1, col=1)]
    try:
        now = (root / rel).read_bytes()
    except OSError:
        now = None
    if now != raw:
        return [Problem(rel, "RKT302", f"berkas bertanda tangan {rel} diubah; berkas arsip tidak boleh diubah. "
                        f"Kembalikan isi aslinya; perbaikan dibuat sebagai versi baru dengan 'rkt sign'",
                        line=1, col=1)]
    return []


# --- the schedule is history ------------------------------------------------

def _from_git(data: Mapping) -> bool:
    """`tanggal_dari_git` as the model reads it (its default follows `dicatat_kemudian`)."""
    return bool(data.get("tanggal_dari_git", not data.get("dicatat_kemudian", False)))


def schedule_problems(file: str, old: object, new: object, finished: bool) -> Iterator[Problem]:
    """A cycle's start date once events exist (unless it was recorded afterwards, when no
    schedule was computed from it), and where its form dates come from once it is finished,
    are part of what was recorded: moving either rewrites lateness and dates that were
    already shown and signed."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return
    # a cycle recorded afterwards was never judged against its start: its start may be dropped or corrected
    if old.get("peristiwa") and new.get("mulai") != old.get("mulai") and old.get("dicatat_kemudian") is not True:
        yield Problem(file, "RKT303",
                      f"tanggal mulai diubah dari {old.get('mulai')} menjadi {new.get('mulai') or 'kosong'} padahal "
                      f"peristiwa siklus ini sudah dicatat; jadwal SOP dan keterlambatan yang sudah tercatat akan "
                      f"berubah. Kembalikan tanggal mulai {old.get('mulai')}",
                      path=("mulai",))
    if finished and _from_git(new) != _from_git(old):
        before, after = ("true", "false") if _from_git(old) else ("false", "true")
        yield Problem(file, "RKT304",
                      f"tanggal_dari_git berubah dari {before} menjadi {after} pada siklus yang sudah selesai; "
                      f"tanggal penyerahan form yang sudah tercatat akan berubah. Kembalikan nilainya ({before})",
                      path=("tanggal_dari_git",) if "tanggal_dari_git" in new else ())


# --- the identity a signed version printed ------------------------------------

_KOP = (("nama", "nama instansi"), ("pemerintah", "pemerintah daerah"), ("alamat", "alamat instansi"),
        ("kota", "kota"), ("logo", "logo"), ("atasan", "pihak kedua (atasan)"))
_AGENCY = "cycles/agency.yaml"


def _relettered(root: FsPath, listing: list[Blob], repo: Repository) -> list[Problem]:
    """When a change alters what the kop prints (agency.yaml's identity, or the logo's bytes): a
    warning per signed version that did not record the identity it printed (RKT230)."""
    changed = _kop_changes(root, listing)
    if not changed:
        return []
    what = f"{', '.join(changed)} di {_AGENCY}"
    return [p for folder in repo.cycles for p in unrecorded_identity(folder, what)]


def _kop_changes(root: FsPath, listing: list[Blob]) -> list[str]:
    """What of the printed identity differs between the base and the working tree (Indonesian labels)."""
    by_path = {b.path: b for b in listing}
    base = by_path.get(_AGENCY)
    if base is None:
        return []
    raw = read_blobs(root, [base.oid])[base.oid]
    try:
        now_raw = (root / _AGENCY).read_bytes()
    except OSError:
        return []
    before, after = load_bytes(raw, _AGENCY).document, load_bytes(now_raw, _AGENCY).document
    old = before.data.get("instansi") if before is not None and isinstance(before.data, dict) else None
    new = after.data.get("instansi") if after is not None and isinstance(after.data, dict) else None
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    changed = [label for key, label in _KOP if old.get(key) != new.get(key)]
    logo = new.get("logo")
    if "logo" not in changed and isinstance(logo, str) and f"cycles/{logo}" in by_path:
        blob = by_path[f"cycles/{logo}"]
        try:
            same = (root / "cycles" / logo).read_bytes() == read_blobs(root, [blob.oid])[blob.oid]
        except OSError:
            same = False
        changed += [] if same else ["logo"]
    return changed


# --- a signed cycle is final -------------------------------------------------


def _steps(cycle_data: object) -> list[object]:
    events = cycle_data.get("peristiwa") if isinstance(cycle_data, dict) else None
    return [e.get("langkah") for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def _sealed_at(blobs: list[Blob], contents: Mapping[str, bytes]) -> dict[int, int]:
    """Per year, the newest signed version at the base whose scan matches its hash."""
    by_path = {b.path: contents[b.oid] for b in blobs}
    out: dict[int, int] = {}
    for rel, raw in by_path.items():
        m = _SIGNED_META.fullmatch(rel)
        if m is None:
            continue
        doc = load_bytes(raw, rel).document
        data = doc.data if doc is not None else None
        if not isinstance(data, dict) or not isinstance(data.get("versi"), int):
            continue
        scan = by_path.get(f"{rel.rsplit('/', 1)[0]}/{data.get('berkas')}")
        if scan is not None and hashlib.sha256(scan).hexdigest() == data.get("sha256"):
            year = int(m.group(1))
            out[year] = max(out.get(year, 0), data["versi"])
    return out


def _revision_step(sop: Sop | None) -> Step | None:
    """Where a revision starts: the step a "tidak" at the signing decision goes back to."""
    archive = archive_step(sop)
    if sop is None or archive is None:
        return None
    position = [s.number for s in sop.steps].index(archive)
    signing = sop.steps[position - 1] if position else None
    return sop.step(signing.on_reject) if signing and signing.on_reject else None


def _final(year: int, version: int, sop: Sop | None) -> str:
    """What to do about a change to a signed plan (Indonesian)."""
    redo = _revision_step(sop)
    example = f" (misalnya langkah {redo.number}, {redo.short}, untuk revisi)" if redo else ""
    return (f"RKT {year} sudah ditandatangani (versi {version}), jadi isinya final: perubahan memerlukan versi "
            f"bertanda tangan yang baru. Buka kembali siklus dengan mencatat peristiwa baru di "
            f"cycles/{year}/cycle.yaml{example}, lalu setelah disetujui tandatangani versi {version + 1} dengan "
            f"'rkt sign'. Bila perubahan ini tidak disengaja, kembalikan isi semula")


def _sealed_problems(root: FsPath, listing: list[Blob], year: int, version: int, base_cycle: object,
                     head: Mapping[str, Document], repo: Repository, schemas: SchemaSet) -> list[Problem]:
    """A cycle signed at the base: its inputs change only once events reopen it."""
    archive = archive_step(repo.sop)
    folder = next((c for c in repo.cycles if c.year == year and c.cycle is not None), None)
    head_cycle = head.get(f"cycles/{year}/cycle.yaml")
    if archive is None or folder is None or head_cycle is None:
        return []
    base_steps = _steps(base_cycle)
    anchor = last_archiving(base_steps, archive)
    if anchor < 0:  # signed without an archiving event: only new events can reopen it
        anchor = len(base_steps) - 1
    if reopening(_steps(head_cycle.data), archive, anchor) is not None:
        return []
    skip = {"peristiwa", "tanggal_dari_git"} | ({"mulai"} if base_steps else set())  # reported on their own
    earlier = _earlier_period(folder, repo)
    return [Problem(c.file, c.code, f"{c.what}. {_final(year, version, repo.sop)}", path=c.path)
            for c in sealed_changes(root, listing, folder, head, repo, schemas, skip)
            if not (earlier and c.code == "RKT307" and c.file == RENSTRA)]


RENSTRA = "cycles/renstra.yaml"


def _earlier_period(folder: CycleFolder, repo: Repository) -> bool:
    """Whether the signed cycle was compiled from a Renstra of another period than today's file
    (a new period replaced it): its content cannot be compared with today's Renstra, and a
    re-export of it refuses (plan/compile `renstra_refusal`) instead of printing another plan."""
    signed = newest_verified(folder.signed)
    if signed is None or repo.renstra is None:
        return False
    return renstra_refusal(signed, repo.renstra) is not None


# --- without a base: the newest signed version still matches the data --------

def signed_problems(root: FsPath, repo: Repository, head: Mapping[str, Document],
                    schemas: SchemaSet) -> list[Problem]:
    """Per cycle: `menggantikan` names an earlier version; and unless a revision is under
    way, the newest verified signed version's `sidik_isi` is the content compiled today.
    An error, not a warning: the site would otherwise show as signed and final a plan
    that nobody signed."""
    problems: list[Problem] = []
    archive = archive_step(repo.sop)
    for folder in repo.cycles:
        problems.extend(_replaces_problems(folder))
        if archive is not None:
            problems.extend(archived_without_scan(folder, archive))
        drift = _content_drift(root, folder, repo, head, schemas)
        if drift is not None:
            problems.append(drift)
    return problems


def _replaces_problems(folder: CycleFolder) -> Iterator[Problem]:
    numbers = {v.version for v in folder.signed}
    for v in folder.signed:
        if v.replaces is not None and (v.replaces >= v.version or v.replaces not in numbers):
            yield Problem(v.at.file, "RKT217",
                          f"versi {v.version} menggantikan versi {v.replaces}, padahal yang dapat "
                          f"digantikan hanya versi sebelumnya yang ada di folder ini",
                          path=("menggantikan",))


def _content_drift(root: FsPath, folder: CycleFolder, repo: Repository, head: Mapping[str, Document],
                   schemas: SchemaSet) -> Problem | None:
    """The newest verified signed version no longer matches the content compiled today, naming
    the files changed since its commit; None while it matches or a revision is under way."""
    verified = [v for v in folder.signed if v.scan_exists and v.scan_sha256 == v.sha256]
    if not verified or folder.cycle is None or repo.agency is None or repo.renstra is None:
        return None
    newest = max(verified, key=lambda v: v.version)
    if newest.content_fingerprint is None:
        return None  # signed before fingerprints were recorded: `--base` still guards it
    archive = archive_step(repo.sop)
    if archive is not None and is_reopened([e.step for e in folder.cycle.events], archive):
        return None  # a revision is under way; its end is a new signed version
    if _earlier_period(folder, repo):
        return None  # compiled from a Renstra a new period replaced: its export refuses instead
    if not fingerprint.known(newest.fingerprint_version):
        return Problem(newest.at.file, "RKT219",
                       f"sidik isi versi {newest.version} dibuat dengan cara {newest.fingerprint_version}, yang "
                       f"belum dikenal oleh rkt di repositori ini, jadi isinya tidak dapat diperiksa. Perbarui rkt "
                       f"(pull request pembaruan alat), lalu jalankan lagi", path=("versi_sidik",))
    now = fingerprint.fingerprint_as(compile_rkt(folder, repo.agency, repo.renstra), newest.fingerprint_version)
    if now is None or now == newest.content_fingerprint:
        return None
    try:
        changed = sealed_changes(root, tree(root, newest.commit), folder, head, repo, schemas)
    except GitError:
        changed = []
    files = sorted({c.file for c in changed})
    listed = f"; berkas yang berubah sejak commit {newest.commit[:12]}: {', '.join(files)}" if files else ""
    return Problem(
        newest.at.file, "RKT219",
        f"isi RKT {folder.year} yang dihitung dari data hari ini (sidik isi {now[:16]}) tidak sama dengan "
        f"versi {newest.version} yang ditandatangani (sidik isi {newest.content_fingerprint[:16]}){listed}. "
        f"{_final(folder.year, newest.version, repo.sop)}",
        path=("sidik_isi",))
