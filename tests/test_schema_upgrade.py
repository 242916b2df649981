"""A repository upgraded to a tool that reads new kinds of files (the Rencana Aksi, the quarterly
reports) still reads its older commits, whose schemas/ folder does not have them yet."""

from __future__ import annotations

import shutil

import pytest
from conftest import copy_example, git

from generator.check.versions import content_at

pytestmark = pytest.mark.git


def test_a_commit_from_before_the_new_schemas_is_still_read(tmp_path):
    repo = copy_example(tmp_path / "repo")
    kept = tmp_path / "kept"
    kept.mkdir()
    for name in ("renaksi.schema.json", "laporan.schema.json"):
        shutil.move(repo / "schemas" / name, kept / name)
    shutil.rmtree(repo / "cycles/2026/renaksi")
    shutil.rmtree(repo / "cycles/2026/laporan")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Sebelum pembaruan alat")
    old = git(repo, "rev-parse", "HEAD").strip()
    for name in ("renaksi.schema.json", "laporan.schema.json"):
        shutil.move(kept / name, repo / "schemas" / name)
    content = content_at(repo, old, 2026)
    assert content is not None and content["tahun"] == 2026
    assert [row["indikator"] for row in content["kinerja"]][:2] == ["SS1.1", "SS1.2"]


def test_a_capaian_page_no_longer_produced_is_removed_and_never_tracked(tmp_path):
    from generator.core.layout import NEVER_TRACKED
    from generator.site.docs import write

    docs = tmp_path / "docs"
    (docs / "panduan").mkdir(parents=True)
    (docs / "panduan/capaian-2025.md").write_text("tulisan tangan")  # hand-written: never touched
    write(docs, {"capaian-2025.md": b"lama", "capaian-2026.md": b"a", "capaian.md": b"b"})
    stats = write(docs, {"capaian-2026.md": b"a", "capaian.md": b"b"})  # 2025's Rencana Aksi was removed
    assert stats.removed == ["capaian-2025.md"]
    assert sorted(p.name for p in docs.glob("capaian*")) == ["capaian-2026.md", "capaian.md"]
    assert (docs / "panduan/capaian-2025.md").exists()
    assert "docs/capaian-2026.md".startswith(NEVER_TRACKED) and "docs/capaian.md".startswith(NEVER_TRACKED)
