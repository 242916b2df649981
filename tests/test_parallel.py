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
def test_outputs_told_to_stay_are_made_in_this_process_beside_the_pages_in_order_and_a_failure_reaches_the_build(
        tmp_path):
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
        batch.start(here=[".pdf"])
        files = batch.finish(files)
    assert [files[f"p{i}.pdf"] for i in range(3)] == [b"%%PDF-%d by %d" % (i, os.getpid()) for i in range(3)]
    assert made_in == ["rkt-here"] * 3  # in this process, but not in the thread that renders the pages
    # not told to stay: made by the workers, in the same order
    with parallel.Batch() as batch:
        files = {f"p{i}.pdf": cache.through(None, "t", (i,), pdf(i), ".pdf") for i in range(3)}
        batch.start()
        files = batch.finish(files)
    assert [v.split(b" by ")[0] for v in files.values()] == [b"%PDF-0", b"%PDF-1", b"%PDF-2"]
    assert os.getpid() not in {int(v.split(b" by ")[1]) for v in files.values()}

    def broken() -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device", "unduh/capaian-2026.pdf")

    with parallel.Batch() as batch:
        files = {"a.pdf": cache.through(None, "t", (1,), broken, ".pdf"),
                 "b.svg": cache.through(None, "t", (2,), lambda: b"b", ".svg")}
        batch.start(here=[".pdf"])
        with pytest.raises(OSError) as caught:
            batch.finish(files)
    assert caught.value.filename == "unduh/capaian-2026.pdf"


# a build in a process that has set a PDF before (`rkt serve` rebuilding, a test run): Typst's thread pool,
# started then, does not survive a fork, and a PDF set in a forked worker would wait for ever
AFTER_A_PDF = """
import datetime, sys
from pathlib import Path
from generator.check.validate import validate
from generator.documents import typeset
from generator.site.generate import generate
typeset.to_pdf(typeset.Document("A", "a", (typeset.Text("title", "A"),)))
repo, today = Path(sys.argv[1]), datetime.date.fromisoformat(sys.argv[2])
files = generate(repo, validate(repo, today=today), today, None).files
print(sum(1 for name, data in files.items() if name.endswith(".pdf") and data.startswith(b"%PDF-")))
"""


@fork
def test_a_build_after_a_pdf_in_the_same_process_sets_its_pdfs_here_and_finishes(tmp_path):
    import subprocess
    import sys

    from conftest import TODAY, copy_example

    repo = copy_example(tmp_path / "repo")
    proc = subprocess.run([sys.executable, "-c", AFTER_A_PDF, str(repo), TODAY.isoformat()], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.split()[-1]) >= 4  # the RKT, the PK, the Rencana Aksi and the capaian
