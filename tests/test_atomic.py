"""Atomic writes: new files get the usual permissions, existing files are never overwritten by `create`."""

import os
import stat

import pytest

from generator.source import atomic


def test_written_files_get_the_usual_mode_not_a_private_one(tmp_path):
    old = os.umask(0o022)
    try:
        atomic.create(tmp_path / "a.yaml", "x")
        atomic.replace(tmp_path / "b.pdf", b"y")
    finally:
        os.umask(old)
    for name in ("a.yaml", "b.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_create_never_overwrites_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "form.yaml"
    target.write_text("asli")
    with pytest.raises(FileExistsError):
        atomic.create(target, "baru")
    assert target.read_text() == "asli"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.yaml"]


def test_replace_swaps_the_whole_file(tmp_path):
    target = tmp_path / "cycle.yaml"
    target.write_text("lama\n" * 1000)
    atomic.replace(target, "baru\n")
    assert target.read_text() == "baru\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cycle.yaml"]
