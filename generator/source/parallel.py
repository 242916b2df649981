"""Making the expensive outputs of a build (charts, XLSX, PDF) on both cores at once.

Every expensive output already goes through `cache.Cache.through`. While a `Batch`
collects (`with Batch() as batch:`), `through` does not make a missing output: it
registers its `make` and returns a placeholder, which its caller puts into the
generated files unchanged. `batch.start()` hands all registered makes to two
worker processes, the longest (PDF) first, and the build goes on rendering its
pages meanwhile; `batch.finish(files)` puts every output in place of its
placeholder, in the order they were registered (so the result never depends on
which worker was faster), and stores each in the cache.

The workers are forked, so they inherit the registered makes (closures over the
compiled plans) as they are: nothing is pickled but the results. Where fork is not
available (Windows, macOS) or not safe (other threads running), or when there is too
little to share, the makes run one after the other in this process, as before.

A placeholder that is used for anything but being put into the files (hashed,
measured, embedded) would be a silent wrong output: `finish` finds any file that
holds a placeholder other than as its whole content and stops with an error.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from generator.source import atomic, cacheseal

WORKERS = 2
_current: Batch | None = None


def defer(path: Path | None, make: Callable[[], bytes], suffix: str) -> bytes | None:
    """A placeholder for `make()`'s output when a batch is collecting; None otherwise
    (then the caller makes it itself). `path`: where the cache keeps it (None: nowhere)."""
    if _current is None or _current.started:
        return None
    return _current.add(path, make, suffix)


def _run(indexes: tuple[int, ...]) -> list[bytes]:
    """In a forked worker: the inherited batch's makes of these numbers, in turn."""
    assert _current is not None
    return [_current.makes[index]() for index in indexes]


# outputs made together, in one worker: they share a costly import (matplotlib, ~0.3 s) that each
# worker would otherwise pay on its own
TOGETHER = frozenset({".svg"})


def _fork_context():
    """The fork start method, where it exists and no other thread could hold a lock the child needs."""
    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
        return None
    if threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


class Batch:
    """Outputs to make all together (see the module's doc)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = WORKERS if workers is None else workers
        self.makes: list[Callable[[], bytes]] = []
        self.paths: list[Path | None] = []
        self.suffixes: list[str] = []
        # unique to this batch: a placeholder can never be mistaken for real content
        self._mark = b"\0rkt-deferred-" + os.urandom(8).hex().encode() + b"-"
        self.started = False
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[int, tuple[Future, int]] = {}  # make number -> its task, its place in the task
        self._in_process: dict[int, bytes | BaseException] = {}
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Batch:
        global _current
        if _current is not None:
            raise RuntimeError("a batch is already collecting")
        _current = self
        return self

    def __exit__(self, *exc) -> None:
        global _current
        _current = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def add(self, path: Path | None, make: Callable[[], bytes], suffix: str) -> bytes:
        self.makes.append(make)
        self.paths.append(path)
        self.suffixes.append(suffix)
        return self._placeholder(len(self.makes) - 1)

    def _placeholder(self, index: int) -> bytes:
        return self._mark + str(index).encode() + b"\0"

    def pending(self, suffix: str) -> bool:
        """Whether an output with this file suffix is still to be made."""
        return suffix in self.suffixes

    def start(self, preload: Iterable[str] = (), here: Iterable[str] = ()) -> None:
        """Stop collecting; start making in the workers when that is worth it. `preload`: modules
        the makes need, imported here once rather than by each worker (and warmed up twice).
        `here`: suffixes of the outputs that cannot be made in a forked child (a library whose
        threads this process already started: the child would inherit their locks, not them),
        made in a thread of this process instead."""
        self.started = True
        context = _fork_context()
        if context is None or len(self.makes) < 2 or self.workers < 2 or (os.cpu_count() or 1) < 2:
            return
        for module in preload:
            importlib.import_module(module)
        # what this process printed but has not flushed would be flushed again by every child
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        for task in self._tasks(frozenset(here)):
            future = self._pool.submit(_run, task)
            self._futures.update({index: (future, place) for place, index in enumerate(task)})
        # the rest beside the pages, in a thread of this process, now that every worker is forked
        # (Typst releases the interpreter while it sets a page: the pages are rendered meanwhile)
        own = [i for i in range(len(self.makes)) if i not in self._futures]
        if own:
            self._thread = threading.Thread(target=self._make_own, args=(own,), name="rkt-here", daemon=True)
            self._thread.start()

    def _tasks(self, here: frozenset[str]) -> list[tuple[int, ...]]:
        """The makes the workers take, as tasks, in the order they are handed out: those of a kind
        made TOGETHER in one task, then the longest kind (PDF) and every other one on its own, each
        kind in the order registered. Not those of a suffix in `here`."""
        together = tuple(i for i, suffix in enumerate(self.suffixes) if suffix in TOGETHER and suffix not in here)
        alone = [i for i, suffix in enumerate(self.suffixes) if suffix not in TOGETHER | here]
        alone.sort(key=lambda i: self.suffixes[i] != ".pdf")  # stable: each kind keeps its order
        return ([together] if together else []) + [(i,) for i in alone]

    def _make_own(self, indexes: list[int]) -> None:
        for index in indexes:
            try:
                self._in_process[index] = self.makes[index]()
            except BaseException as exc:  # handed to `finish`, which raises it in the build's thread
                self._in_process[index] = exc
                return

    def finish(self, files: dict[str, bytes]) -> dict[str, bytes]:
        """`files` with every placeholder replaced by its output; each output stored in the cache."""
        if not self.started:
            self.start()
        if self._thread is not None:
            self._thread.join()
            failed = next((x for x in self._in_process.values() if isinstance(x, BaseException)), None)
            if failed is not None:
                raise failed
        # what this process makes itself (what the thread has not), then the workers' results
        made = {i: x if isinstance(x, bytes) else b"" for i, x in self._in_process.items()}
        made.update({i: make() for i, make in enumerate(self.makes) if i not in self._futures and i not in made})
        outputs = []
        for index in range(len(self.makes)):
            if index in made:
                data = made[index]
            else:
                future, place = self._futures[index]
                data = future.result()[place]
            outputs.append(data)
            path = self.paths[index]
            if path is not None:
                try:
                    atomic.replace(path, cacheseal.seal(data))
                except OSError:
                    pass  # a full or read-only disk shows up where it matters: writing the pages
        by_placeholder = {self._placeholder(i): data for i, data in enumerate(outputs)}
        done = {}
        for name, content in files.items():
            if content in by_placeholder:
                done[name] = by_placeholder[content]
            elif self._mark in content:
                raise RuntimeError(f"{name}: memuat keluaran yang belum dibuat (kesalahan rkt)")
            else:
                done[name] = content
        return done
