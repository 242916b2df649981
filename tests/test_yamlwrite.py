"""YAML written by rkt is what the strict loader reads back, byte for byte the project's style."""

from __future__ import annotations

import pytest
from conftest import ROOT

from generator.source.load import load_bytes, load_file
from generator.source.yamlwrite import event_yaml, form_yaml, scalar

FORMS = sorted((ROOT / "cycles").glob("*/forms/*.yaml"))


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_example_forms_are_exactly_as_rkt_writes_them(path):
    text = path.read_text(encoding="utf-8")
    data = load_file(path, "f").document.data
    assert form_yaml(data, text.splitlines()[1][2:], "CONTOH: isi form ini contoh.") == text


@pytest.mark.parametrize("value", ["no", "yes", "on", "010", "1.10", "12:30", "2027-02-30", "0,70", "92%",
                                   "5 Dokumen", "BB", "a: b", "x #y", "- item", "'kutip'", "\"dua\"", "true", "",
                                   "null", "~", "@akun", "`kode`", " spasi", "Rp 1.000", "baris\nbaru", "{a}", 42, 0])
def test_every_scalar_reads_back_unchanged(value):
    doc = load_bytes(f"a: {scalar(value)}\n".encode(), "t.yaml").document
    assert doc is not None and doc.data == {"a": value}


def test_events_read_back():
    text = "peristiwa:\n" + event_yaml({"langkah": 9, "tanggal": "2026-12-01", "oleh": "sekretaris",
                                        "keputusan": "tidak", "catatan": "Target: perlu dikaji # ulang"})
    assert load_bytes(text.encode(), "c.yaml").document.data["peristiwa"][0]["catatan"] == "Target: perlu dikaji # ulang"
