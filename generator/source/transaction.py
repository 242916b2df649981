"""Several files that change together: all of them or none, even when the process is killed.

A multi-file write (a signed scan, its metadata and the cycle's new events; an imported form
that the verdict may still undo) goes through a journal, `.rkt-cache/transaksi/<id>/`:

1. staged: every new content, and a copy of every file it replaces, in the journal;
2. the intent record (`niat`), written atomically and sealed (`cacheseal`: only this
   machine's rkt can have written it): from here on the journal can undo the write;
3. applied: each staged file renamed into place (a new file linked: never overwriting);
4. the caller's verdict: accepted, the done record (`selesai`) is written; refused, undone;
5. the journal is deleted.

`recover`, which every writing command runs first, ends what a killed process left: a journal
without intent touched nothing and is deleted; with a done record the writes stand; otherwise
every file is put back as it was and every new one removed. Writers and recovery take turns
under one lock (`.rkt-cache/transaksi.lock`), so a journal found while holding it is dead.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.core.layout import CACHE
from generator.source import atomic, cacheseal, filelock

JOURNALS = "transaksi"
INTENT = "niat"
DONE = "selesai"


@dataclass(frozen=True)
class _Entry:
    path: str  # relative to the root, with /
    new: str  # the staged content's name in the journal
    new_sha: str
    old: str | None  # the copy of the replaced file in the journal; None: the file is new
    old_sha: str | None


@dataclass(frozen=True)
class _Intent:
    command: str  # what the user ran, for the recovery message
    entries: tuple[_Entry, ...]
    folders: tuple[str, ...]  # folders made for new files, outermost first


def _journals(root: Path) -> Path:
    return root / CACHE / JOURNALS


def _lock(root: Path) -> Path:
    return root / CACHE / f"{JOURNALS}.lock"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha_of(path: Path) -> str | None:
    try:
        return _sha(path.read_bytes()) if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def write(root: Path, writes: Mapping[Path, bytes | str], command: str,
          accept: Callable[[], bool] = lambda: True) -> bool:
    """Put every file of `writes` (paths inside `root`) in place, then ask `accept`: True keeps
    all of them, False (or an exception) puts every file back as it was. A new file is created,
    never overwritten (FileExistsError, nothing written). Returns what `accept` said."""
    with filelock.waiting_then_removed(_lock(root)):
        journal = _journals(root) / uuid.uuid4().hex[:12]
        journal.mkdir(parents=True)
        try:
            intent = _prepare(root, journal, writes, command)
        except BaseException:
            shutil.rmtree(journal, ignore_errors=True)  # nothing in the repository was touched
            raise
        try:
            _apply(root, journal, intent)
            accepted = accept()
        except BaseException:
            with contextlib.suppress(OSError):  # else the journal stays, for the next run's `recover`
                _undo(root, journal, intent)
                shutil.rmtree(journal, ignore_errors=True)
            raise
        if accepted:
            _create(journal / DONE, b"")
        else:
            _undo(root, journal, intent)
        shutil.rmtree(journal, ignore_errors=True)
        _remove_if_empty(_journals(root))
        return accepted


def _create(path: Path, data: bytes) -> None:
    """One file of the journal, on disk before the next step (a leftover of an earlier try replaced)."""
    atomic.kill_point()
    path.unlink(missing_ok=True)
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _relative(root: Path, path: Path) -> str:
    rel = path.relative_to(root)
    if ".." in rel.parts or not rel.parts:
        raise ValueError(f"{path} is not inside {root}")
    return rel.as_posix()


def _prepare(root: Path, journal: Path, writes: Mapping[Path, bytes | str], command: str) -> _Intent:
    """Stage every content and every replaced file in `journal`, then record the intent."""
    entries = [_stage(root, journal, i, path, data) for i, (path, data) in enumerate(writes.items())]
    folders: list[str] = []
    for path in writes:
        folders += [rel for rel in (_relative(root, p) for p in reversed(path.parents)
                                    if root in p.parents and not p.exists()) if rel not in folders]
    record = {"perintah": command, "berkas": [e.__dict__ for e in entries], "folder": folders}
    atomic.replace(journal / INTENT, cacheseal.seal(json.dumps(record, ensure_ascii=False).encode("utf-8")))
    return _Intent(command, tuple(entries), tuple(folders))


def _stage(root: Path, journal: Path, i: int, path: Path, data: bytes | str) -> _Entry:
    """The new content of `path` in the journal, and a copy of what it replaces."""
    rel = _relative(root, path)
    new = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise FileExistsError(path)
    old = path.read_bytes() if path.exists() else None
    if old is not None:
        _create(journal / f"lama-{i}", old)
    _create(journal / f"baru-{i}", new)
    return _Entry(rel, f"baru-{i}", _sha(new), f"lama-{i}" if old is not None else None,
                  _sha(old) if old is not None else None)


def _apply(root: Path, journal: Path, intent: _Intent) -> None:
    """Rename every staged file into place: the folders first, then one file after another."""
    for folder in intent.folders:
        atomic.kill_point()
        (root / folder).mkdir(exist_ok=True)
    for e in intent.entries:
        target, staged = root / e.path, journal / e.new
        if e.old is None:
            _link_new(staged, target)
        else:
            _rename_into(staged, target)
    _sync_folders({(root / e.path).parent for e in intent.entries})


def _link_new(staged: Path, target: Path) -> None:
    """`staged` as the new file `target`, never over an existing one."""
    atomic.kill_point()
    try:
        os.link(staged, target)  # fails if `target` exists: nothing is overwritten
    except FileExistsError:
        raise
    except OSError:  # no hard links here (or another file system): write it whole instead
        atomic.create(target, staged.read_bytes())


def _rename_into(staged: Path, target: Path) -> None:
    atomic.kill_point()
    try:
        os.replace(staged, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        atomic.replace(target, staged.read_bytes())


def _sync_folders(folders: set[Path]) -> None:
    """Make the renames durable (a power cut after this keeps them); where the system allows."""
    if os.name != "posix":
        return
    for folder in sorted(folders):
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _undo(root: Path, journal: Path, intent: _Intent) -> list[str]:
    """Put back every file that holds what this write put there; remove the folders it made
    (when empty). A file someone changed since is left alone. Returns what was put back."""
    undone: list[str] = []
    for i, e in enumerate(reversed(intent.entries)):
        target = root / e.path
        if _sha_of(target) != e.new_sha or e.new_sha == e.old_sha:
            continue  # as before, or not ours any more
        if e.old is None:
            atomic.kill_point()
            target.unlink()
        else:
            backup = (journal / e.old).read_bytes()
            if _sha(backup) != e.old_sha:
                continue  # a copy that is not what was there: never written over the file
            scratch = journal / f"kembali-{i}"
            _create(scratch, backup)
            _rename_into(scratch, target)
        undone.append(e.path)
    for folder in reversed(intent.folders):
        path = root / folder
        if path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
            atomic.kill_point()
            path.rmdir()
    return undone


def _read_intent(journal: Path) -> _Intent | None:
    """The journal's intent, or None when it has none or one that this machine's rkt did not write."""
    try:
        data = cacheseal.unseal((journal / INTENT).read_bytes())
        if data is None:
            return None
        record = json.loads(data)
        entries = tuple(_Entry(**e) for e in record["berkas"])
        folders = tuple(str(f) for f in record["folder"])
        command = str(record["perintah"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if any(".." in Path(p).parts or Path(p).is_absolute() for p in (*folders, *(e.path for e in entries))):
        return None
    return _Intent(command, entries, folders)


def recover(root: Path) -> list[str]:
    """End every write a killed process left (Indonesian, one line each): completed ones stand,
    the others are undone."""
    if not _journals(root).is_dir():
        return []
    notes: list[str] = []
    with filelock.waiting_then_removed(_lock(root)):
        for journal in sorted(_journals(root).iterdir()):
            if journal.is_dir() and not journal.is_symlink():
                note = _recover_one(root, journal)
                if note:
                    notes.append(note)
        _remove_if_empty(_journals(root))
    return notes


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: nothing is left behind once every write has ended


def _recover_one(root: Path, journal: Path) -> str | None:
    intent = _read_intent(journal)
    if intent is None:
        if (journal / INTENT).exists():
            shutil.rmtree(journal, ignore_errors=True)
            return (f"catatan penulisan yang terhenti di {journal} tidak dibuat oleh rkt di komputer ini, jadi "
                    f"tidak dipakai dan dihapus; periksa perubahan berkas dengan 'git status'")
        shutil.rmtree(journal, ignore_errors=True)  # stopped before its intent: nothing was touched
        return None
    if (journal / DONE).exists():
        shutil.rmtree(journal, ignore_errors=True)
        return f"'{intent.command}' sebelumnya terhenti setelah semua berkasnya tertulis; hasilnya utuh dan tetap"
    undone = _undo(root, journal, intent)
    shutil.rmtree(journal, ignore_errors=True)
    shown = ", ".join(undone) if undone else "belum ada berkas yang berubah"
    return (f"'{intent.command}' sebelumnya terhenti sebelum selesai; semua perubahannya dibatalkan, berkas kembali "
            f"seperti semula ({shown})")
