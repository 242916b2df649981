"""The cache is not a way in (issue 20, attack 1): a file planted under .rkt-cache/ with the
right name is never published, a planted build state never skips the build, and a tracked
file that rkt makes (cache, site, generated pages) or .gitignore ignores fails `rkt validate`."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from openpyxl import Workbook
from support.cli import rkt
from support.repos import commit, git, site_copy

from generator.source import cacheseal

TODAY = "2026-11-28"


def build(repo) -> str:
    proc = rkt(repo, "build", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def forged_workbook() -> bytes:
    wb = Workbook()
    wb.active["A1"] = '=HYPERLINK("http://contoh.invalid/rkt","Klik untuk RKT")'
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.site
def test_a_planted_cache_entry_is_made_again_not_published(tmp_path):
    repo = site_copy(tmp_path)
    build(repo)
    published = repo / "docs/unduh/rkt-2027.xlsx"
    good = published.read_bytes()
    entries = [p for p in (repo / ".rkt-cache").rglob("*.xlsx") if cacheseal.unseal(p.read_bytes()) == good]
    assert len(entries) == 1  # the entry the build serves that download from, under its computable name
    entries[0].write_bytes(forged_workbook())  # what an attacker can write: the name, not the seal
    published.unlink()  # the next build must make the downloads again
    build(repo)
    assert published.read_bytes() == good
    assert b"HYPERLINK" not in b"".join(zipfile.ZipFile(published).read(n) for n in zipfile.ZipFile(published).namelist())
    assert cacheseal.unseal(entries[0].read_bytes()) == good  # and the entry is rkt's own again


@pytest.mark.site
def test_a_build_state_rkt_did_not_write_never_skips_the_build(tmp_path):
    repo = site_copy(tmp_path)
    build(repo)
    state = repo / ".rkt-cache/generate.json"
    content = cacheseal.unseal(state.read_bytes())
    assert content is not None and json.loads(content)["files"]
    # a planted state: the right fingerprint, "no file to check", without this machine's seal
    (repo / "docs/unduh/rkt-2027.xlsx").write_bytes(forged_workbook())
    state.write_bytes(json.dumps(dict(json.loads(content), files={})).encode())
    build(repo)
    assert b"HYPERLINK" not in (repo / "docs/unduh/rkt-2027.xlsx").read_bytes()


def test_an_entry_is_only_what_this_machine_sealed():
    assert cacheseal.unseal(cacheseal.seal(b"isi")) == b"isi"
    sealed = cacheseal.seal(b"isi")
    assert cacheseal.unseal(b"lain" + sealed[3:]) is None
    assert cacheseal.unseal(b"isi" + bytes(32)) is None
    assert cacheseal.unseal(b"") is None


@pytest.mark.git
def test_validate_refuses_tracked_files_rkt_makes_or_gitignore_ignores(tmp_path):
    repo = site_copy(tmp_path)
    (repo / ".gitignore").write_text("/.rkt-cache/\n/site/\n/docs/*\n!/docs/panduan/\n!/docs/css/\n")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "data")
    assert rkt(repo, "validate", "--today", TODAY).returncode == 0
    for rel in (".rkt-cache/exports/0123.xlsx", "docs/unduh/rkt-2027.xlsx", "catatan.tmp"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_bytes(forged_workbook())
    with open(repo / ".gitignore", "a") as f:
        f.write("*.tmp\n")
    git(repo, "add", "-f", ".rkt-cache/exports/0123.xlsx", "docs/unduh/rkt-2027.xlsx", "catatan.tmp")
    # the attacker also takes the cache out of .gitignore: the rule does not depend on it
    (repo / ".gitignore").write_text((repo / ".gitignore").read_text().replace("/.rkt-cache/\n", ""))
    commit(repo, "unduhan")
    proc = rkt(repo, "validate", "--today", TODAY)
    assert proc.returncode == 1
    for rel in (".rkt-cache/exports/0123.xlsx", "docs/unduh/rkt-2027.xlsx", "catatan.tmp"):
        assert f"{rel}:1:1: RKT027" in proc.stdout, proc.stdout
    assert "git rm --cached '.rkt-cache/exports/0123.xlsx'" in proc.stdout
