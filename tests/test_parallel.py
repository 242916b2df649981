"""A build makes its charts and exports on two cores: same files, same order, same caches as
one after the other, and a misused placeholder is caught rather than published."""

from __future__ import annotations

import errno
import os

import pytest
from support.ci import unless

from generator.source import cache, parallel

# skipped on a laptop without them; CI (Linux, two cores or more) must run these
fork = unless(parallel._fork_context() is None or (os.cpu_count() or 1) < 2,
              "no fork start method or a single core here: the makes run in this process",
              "run CI on Linux with two cores or more")


def _made(value: bytes, fifo, role: str):
    """A make that says which process made it. The "waits" one finishes only after the
    "releases" one has run (a named pipe, no timing): the first asked is the last done."""
    def make() -> bytes:
        if role == "waits":
            with open(fifo, "rb") as pipe:
                pipe.read()
        elif role == "releases":
            with open(fifo, "wb") as pipe:
                pipe.write(b"go")
        return value + b" by %d" % os.getpid()
    return make


@fork
def test_outputs_come_back_in_the_order_they_were_asked_for_and_land_in_the_cache(tmp_path):
    import threading

    # with another thread alive the batch runs in this process and the "waits" make would wait forever
    assert threading.active_count() == 1, f"a fixture left threads running: {threading.enumerate()}"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    store = cache.Cache(tmp_path / "c")
    roles = {0: "waits", 3: "releases"}
    with parallel.Batch() as batch:
        files = {f"f{i}": store.through("t", (i,), _made(b"out%d" % i, fifo, roles.get(i, "")), ".x")
                 for i in range(4)}
        batch.start()
        files = batch.finish(files)
    assert [v.split(b" by ")[0] for v in files.values()] == [b"out0", b"out1", b"out2", b"out3"]
    assert {int(v.split(b" by ")[1]) for v in files.values()} - {os.getpid()}  # made by the workers
    assert (store.made, store.reused) == (4, 0)
    again = cache.Cache(tmp_path / "c")
    assert [again.through("t", (i,), lambda: b"never", ".x") for i in range(4)] == list(files.values())
    assert again.reused == 4


@fork
def test_a_failure_in_a_worker_reaches_the_build_as_itself(tmp_path):
    def full() -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device", "unduh/rkt-2027.pdf")

    with parallel.Batch() as batch:
        files = {"a": cache.through(None, "t", (1,), full), "b": cache.through(None, "t", (2,), lambda: b"b")}
        batch.start()
        with pytest.raises(OSError) as caught:
            batch.finish(files)
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == "unduh/rkt-2027.pdf"


def test_a_placeholder_used_inside_another_file_stops_the_build():
    with parallel.Batch() as batch:
        svg = cache.through(None, "t", (1,), lambda: b"<svg/>")
        files = {"grafik/a.svg": svg, "index.md": b"<div>" + svg + b"</div>"}
        with pytest.raises(RuntimeError, match="index.md"):
            batch.finish(files)


def test_without_a_batch_outputs_are_made_at_once():
    assert cache.through(None, "t", (1,), lambda: b"now") == b"now"


@fork
def test_pdfs_are_set_in_this_process_beside_the_pages_in_order_and_a_failure_reaches_the_build(tmp_path):
    import threading

    assert threading.active_count() == 1, f"a fixture left threads running: {threading.enumerate()}"
    made_in: list[str] = []

    def pdf(n: int):
        def make() -> bytes:
            made_in.append(threading.current_thread().name)
            return b"%%PDF-%d by %d" % (n, os.getpid())
        return make

    with parallel.Batch() as batch:
        files = {f"p{i}.pdf": cache.through(None, "t", (i,), pdf(i), ".pdf") for i in range(3)}
        files["c.svg"] = cache.through(None, "t", (9,), lambda: b"<svg/>", ".svg")
        batch.start()
        files = batch.finish(files)
    assert [files[f"p{i}.pdf"] for i in range(3)] == [b"%%PDF-%d by %d" % (i, os.getpid()) for i in range(3)]
    assert made_in == ["rkt-pdf"] * 3  # in this process, but not in the thread that renders the pages

    def broken() -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device", "unduh/capaian-2026.pdf")

    with parallel.Batch() as batch:
        files = {"a.pdf": cache.through(None, "t", (1,), broken, ".pdf"),
                 "b.svg": cache.through(None, "t", (2,), lambda: b"b", ".svg")}
        batch.start()
        with pytest.raises(OSError) as caught:
            batch.finish(files)
    assert caught.value.filename == "unduh/capaian-2026.pdf"
