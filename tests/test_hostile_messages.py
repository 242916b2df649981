"""Hostile input gets a short Indonesian message, never Python's or libyaml's English (issue 20,
attack 6): an alias bomb is named once with a count, libyaml's own nesting limit reads as ours,
a regency source with a number of thousands of digits is refused in Indonesian."""

from __future__ import annotations

import re

import pytest
from support.cli import rkt
from support.repos import copy_example

from generator.regency import data as published

TODAY = "2026-11-28"
ENGLISH = re.compile(r"exceed|maximum|nesting|depth|digits|limit|integer|string conversion|sys\.", re.I)


def alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(8):
        this, prev = chr(98 + i), chr(97 + i)
        lines.append(f"{this}: &{this} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_named_once_with_a_count_not_line_by_line(tmp_path):
    repo = copy_example(tmp_path / "repo")
    (repo / "cycles/2027/forms/mpk.yaml").write_text(alias_bomb(), encoding="utf-8")
    proc = rkt(repo, "validate", "--today", TODAY)
    assert proc.returncode == 1
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("cycles/2027/forms/mpk.yaml")]
    assert len(lines) == 4, proc.stdout  # three where they are, then the rest counted on one line
    assert lines[-1] == ("cycles/2027/forms/mpk.yaml:2:12: RKT006 ini dan 77 anchor atau alias YAML lain "
                         "sesudahnya juga tidak diizinkan; tulis setiap nilai langsung")


def test_nesting_beyond_libyamls_own_limit_reads_as_ours(tmp_path):
    repo = copy_example(tmp_path / "repo")
    form = repo / "cycles/2027/forms/ppik.yaml"
    form.write_text(form.read_text(encoding="utf-8") + "catatan_x: " + "[" * 2000 + "]" * 2000 + "\n",
                    encoding="utf-8")
    proc = rkt(repo, "validate", "--today", TODAY)
    mine = [ln for ln in proc.stdout.splitlines() if ln.startswith("cycles/2027/forms/ppik.yaml")]
    assert len(mine) == 1 and re.search(r":\d+:\d+: RKT009 struktur bersarang lebih dari 32 tingkat$", mine[0]), mine
    assert not ENGLISH.search(proc.stdout + proc.stderr)


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "1" * 4400])
def test_a_regency_source_with_a_huge_number_is_refused_in_indonesian(number):
    with pytest.raises(published.Invalid) as refused:
        published.check(('{"versi_skema": 1, "x": ' + number + "}").encode())
    assert str(refused.value) == "bukan JSON yang sah: ada angka yang terlalu panjang (ribuan digit)"


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                       "\u2060-\u206f\ufeff]")


def test_the_pure_json_of_the_form_page_escapes_every_invisible_character():
    from generator.site.pages.form import json_for_html

    text = json_for_html({"terlarang": "\u202e\u2028\u2029\x85\x9f\u200b\ufeff", "tag": "</script><b>&"})
    assert not INVISIBLE.search(text) and "<" not in text and ">" not in text and "&" not in text
    import json
    assert json.loads(text) == {"terlarang": "\u202e\u2028\u2029\x85\x9f\u200b\ufeff", "tag": "</script><b>&"}


@pytest.mark.site
def test_no_built_page_or_script_carries_a_raw_invisible_character(form_site):
    """The form's own list of forbidden characters (bidi overrides, C1, line separators) is written as
    escapes: no page, script or data the site publishes holds one raw (the theme's own assets/ and the
    vendored libraries under vendor/, docs/vendor/VENDORED.md, are third-party code, not written by us)."""
    site = form_site / "site"
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "vendor/")):
            continue
        if path.suffix in (".html", ".js", ".json", ".css") and path.is_file():
            m = INVISIBLE.search(path.read_text(encoding="utf-8", errors="replace"))
            if m:
                found[rel] = hex(ord(m[0]))
    assert found == {}


@pytest.mark.git  # the export reads its source commit from the project's own checkout
def test_a_file_too_large_for_the_storage_gets_advice_not_a_bug_report(tmp_path):
    """EFBIG (a FAT32 flash disk's 4 GB, or a file-size limit) is the computer's limit, not a bug of ours:
    exit 2 with what to do, never exit 3."""
    import resource
    import subprocess
    import sys

    from support.repos import ROOT

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = tmp_path / "rkt-2026.pdf"
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(ROOT), "export", "2026", "--out", str(out),
                           "--today", TODAY], capture_output=True, text=True, preexec_fn=limited)
    assert proc.returncode == 2, proc.stderr
    assert "terlalu besar untuk penyimpanan ini (misalnya flashdisk berformat FAT32" in proc.stderr
    assert "Traceback" not in proc.stderr and not out.exists()
