"""Cross-file rules on the example data, one edit at a time."""

from __future__ import annotations

import pytest

from conftest import TODAY
from generator.rules import _nip_problem
from generator.validate import validate

CASES = [
    # (file, old, new, expected errors as (line, code))
    ("cycles/sop.yaml", "  - nomor: 5\n", "  - nomor: 6\n", [(83, "RKT214")]),
    ("cycles/sop.yaml", "      tidak: 8\n  - nomor: 10", "      tidak: 10\n  - nomor: 10", [(131, "RKT214")]),
    ("cycles/sop.yaml", "      tidak: 8\n  - nomor: 10", "      tidak: 30\n  - nomor: 10", [(131, "RKT202")]),
    ("cycles/sop.yaml", "    pelaksana: sekretaris\n", "    pelaksana: sekertaris\n", [(124, "RKT201")]),
    ("cycles/sop.yaml", "  - kode: tim\n    nama: Tim\n", "  - kode: staf\n    nama: Tim\n",
     # the lane is gone, so every step it runs points nowhere
     [(32, "RKT201"), (68, "RKT201"), (86, "RKT201"), (95, "RKT201"), (114, "RKT201"), (146, "RKT201")]),
    ("cycles/agency.yaml", "    pegawai: [kaban]", "    pegawai: [kaban, wakil]", [(105, "RKT201")]),
    ("cycles/agency.yaml", "    kepala: kabid-mpk", "    kepala: kabid-mutasi", [(82, "RKT201")]),
    ("cycles/agency.yaml", "  kepala: kaban", "  kepala: bupati", [(12, "RKT201")]),
    ("cycles/agency.yaml", "    kepala: kabid-psdm\n",
     "    kepala: kabid-psdm\n  - kode: mpk\n    nama: Duplikat\n    singkatan: X\n    kepala: kabid-mpk\n",
     [(87, "RKT205")]),
    ("cycles/agency.yaml", "  libur_tambahan: []\n  hari_kerja_tambahan: []",
     "  libur_tambahan:\n    - tanggal: 2026-12-24\n      keterangan: SKB\n  hari_kerja_tambahan:\n"
     "    - tanggal: 2026-12-24\n      keterangan: SKB", [(120, "RKT205")]),
    ("cycles/renstra.yaml", "      - kode: SS1.2\n", "      - kode: SS2.3\n", [(34, "RKT204")]),
    ("cycles/renstra.yaml", "    tujuan: T2\n    uraian: Meningkatnya kualitas",
     "    tujuan: T3\n    uraian: Meningkatnya kualitas", [(74, "RKT203")]),
    ("cycles/renstra.yaml", "          2029: \"0,80\"", "          2031: \"0,80\"", [(33, "RKT216")]),
    ("cycles/renstra.yaml", "        unit: [psdm]\n        target:\n          2025: \"70,50\"",
     "        unit: [diklat]\n        target:\n          2025: \"70,50\"", [(54, "RKT200")]),
    ("cycles/2026/signed/rkt-2026-v1.yaml", "versi: 1", "versi: 2", [(6, "RKT213"), (6, "RKT217"), (13, "RKT213")]),
    ("cycles/2026/cycle.yaml", "tahun: 2026", "tahun: 2025", [(5, "RKT213")]),
    ("cycles/2027/forms/mpk.yaml", "tahun: 2027", "tahun: 2026", [(5, "RKT213")]),
    ("cycles/2027/cycle.yaml", "  psdm: 1200000000", "  keuangan: 1200000000", [(15, "RKT209")]),
]


@pytest.mark.parametrize("file, old, new, expected", CASES, ids=[f"{c[0]}:{c[3][0][1]}:{i}" for i, c in enumerate(CASES)])
def test_rule(example, file, old, new, expected):
    path = example / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    result = validate(example, today=TODAY)
    # only the edited file: an edit may rightly ripple into files that refer to it
    assert sorted((p.line, p.code) for p in result.problems if p.is_error and p.file == file) == expected


def test_cycle_folder_without_cycle_yaml(example):
    (example / "cycles/2028/forms").mkdir(parents=True)
    (example / "cycles/2028/forms/ppik.yaml").write_text(
        (example / "cycles/2027/forms/ppik.yaml").read_text().replace("tahun: 2027", "tahun: 2028"))
    found = [(p.file, p.code) for p in validate(example, today=TODAY).problems if p.is_error]
    assert found == [("cycles/2028/cycle.yaml", "RKT020")]


def test_skipped_step_needs_a_reason(example):
    path = example / "cycles/2027/cycle.yaml"
    path.write_text(path.read_text() + "  - langkah: 9\n    tanggal: 2026-11-27\n    oleh: sekretaris\n    dilewati: true\n")
    found = [(p.line, p.code, p.message) for p in validate(example, today=TODAY).problems if p.is_error]
    assert [(line, code) for line, code, _ in found] == [(32, "RKT101")]
    assert "catatan" in found[0][2]


def test_orphan_scan_is_reported(example):
    (example / "cycles/2026/signed/rkt-2026-v2.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    found = [(p.file, p.code) for p in validate(example, today=TODAY).problems if p.is_error]
    assert found == [("cycles/2026/signed/rkt-2026-v2.pdf", "RKT021")]


@pytest.mark.parametrize("nip, ok", [
    ("197005141993031007", True),
    ("197013411993031007", False),   # month 13
    ("197005141993131007", False),   # appointment month 13
    ("197005141980031007", False),   # appointed at 9
    ("197005141993033007", False),   # sex digit 3
])
def test_nip_plausibility(nip, ok):
    assert (_nip_problem(nip) is None) == ok
