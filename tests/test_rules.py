"""Cross-file rules on the example data, one edit at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from support.problems import edit, problems

from generator.check.rules import nip_problem as _nip_problem
from generator.check.validate import validate

CASES = [
    # (file, old, new, expected errors as (line, code))
    ("cycles/sop.yaml", "  - nomor: 5\n", "  - nomor: 6\n", [(83, "RKT214")]),
    ("cycles/sop.yaml", "      tidak: 8\n  - nomor: 10", "      tidak: 10\n  - nomor: 10", [(131, "RKT214")]),
    ("cycles/sop.yaml", "      tidak: 8\n  - nomor: 10", "      tidak: 30\n  - nomor: 10", [(131, "RKT202")]),
    ("cycles/sop.yaml", "    pelaksana: sekretaris\n", "    pelaksana: sekertaris\n", [(124, "RKT201")]),
    ("cycles/sop.yaml", "  - kode: tim\n    nama: Tim\n", "  - kode: staf\n    nama: Tim\n",
     # the lane is gone, so every step it runs points nowhere
     [(32, "RKT201"), (68, "RKT201"), (86, "RKT201"), (95, "RKT201"), (114, "RKT201"), (146, "RKT201")]),
    ("cycles/agency.yaml", "    pegawai: [kaban]", "    pegawai: [kaban, wakil]", [(109, "RKT201")]),
    ("cycles/agency.yaml", "    kepala: kabid-mpk", "    kepala: kabid-mutasi", [(86, "RKT201")]),
    ("cycles/agency.yaml", "  kepala: kaban", "  kepala: bupati", [(12, "RKT201")]),
    ("cycles/agency.yaml", "    kepala: kabid-psdm\n",
     "    kepala: kabid-psdm\n  - kode: mpk\n    nama: Duplikat\n    singkatan: X\n    kepala: kabid-mpk\n",
     [(91, "RKT205")]),
    ("cycles/agency.yaml", "  libur_tambahan: []\n  hari_kerja_tambahan: []",
     "  libur_tambahan:\n    - tanggal: 2026-12-24\n      keterangan: SKB\n  hari_kerja_tambahan:\n"
     "    - tanggal: 2026-12-24\n      keterangan: SKB", [(124, "RKT205")]),
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


# --- real documents: targets, pagu at any level, the units' plan -------------------------

def test_a_dotted_decimal_is_a_warning_naming_file_line_and_the_fix(example):
    edit(example / "cycles/renstra.yaml", '          2027: "0,70"', '          2027: "0.70"')
    edit(example / "cycles/2027/forms/ppik.yaml", 'target: "0,70"', "target: 16.46")
    found = problems(example, "RKT222")
    assert [(f, line, sev) for f, line, sev, _ in found] == [("cycles/2027/forms/ppik.yaml", 15, "warning"),
                                                             ("cycles/renstra.yaml", 31, "warning")]
    assert 'target "16.46" memakai titik desimal dan dibaca sebagai 16,46' in found[0][3]
    assert found[0][3].endswith('Tulis "16,46"')
    assert validate(example, today=TODAY).ok  # a warning: nothing is refused


def test_a_dot_before_three_digits_offers_both_readings(example):
    edit(example / "cycles/2027/forms/mpk.yaml", "target: 450\n", 'target: "1.500"\n')
    [(_, line, _, message)] = problems(example, "RKT222")
    assert line == 40 and message.endswith('Tulis "1,500" bila pecahan, atau "1500" bila ribuan')


def test_a_year_left_out_of_the_renstra_is_an_error_once_its_cycle_exists(example):
    edit(example / "cycles/renstra.yaml", "          2027: 6\n", "")
    found = problems(example, "RKT221")
    assert [(f, line, sev) for f, line, sev, _ in found] == [("cycles/renstra.yaml", 134, "error")]
    assert 'indikator SS4.3 belum memiliki target tahun 2027, padahal siklus RKT 2027 sudah ada' in found[0][3]
    assert found[0][3].endswith('tulis target 2027 dari dokumen Renstra, atau "-" bila Renstra memang tidak '
                                'menetapkan target tahun itu')
    edit(example / "cycles/renstra.yaml", "          2028: 6\n", '          2027: "-"\n          2028: 6\n')
    assert problems(example, "RKT221") == []


def test_an_indicator_no_responsible_unit_has_given_a_target_is_a_warning(example):
    edit(example / "cycles/2027/forms/ppik.yaml", '      - kode: SS3.2\n        target: "97%"\n', "")
    [(file, line, sev, message)] = problems(example, "RKT223")
    assert (file, line, sev) == ("cycles/2027/forms/ppik.yaml", 11, "warning")
    assert "indikator SS3.2" in message and "'belum diisi'" in message
    # a unit still missing may yet give it: no warning while one responsible unit is not in
    edit(example / "cycles/renstra.yaml", "        unit: [ppik]\n        target:\n          2025: \"93%\"",
         "        unit: [ppik, psdm]\n        target:\n          2025: \"93%\"")
    assert problems(example, "RKT223") == []


def test_a_program_without_any_amount_is_a_warning(example):
    edit(example / "cycles/2027/forms/sekretariat.yaml", "program:\n",
         'program:\n  - kode: "5.04.02"\n    nama: Program Pengembangan Sumber Daya Manusia\n')
    [(file, line, sev, message)] = problems(example, "RKT225")
    assert (file, sev) == ("cycles/2027/forms/sekretariat.yaml", "warning")
    assert "program 5.04.02 belum memiliki anggaran" in message


def test_a_pagu_smaller_than_the_detail_already_given_is_an_error(example):
    # a program pagu over two kegiatan, one detailed (Rp 580.000.000), one not yet
    path = example / "cycles/2027/forms/psdm.yaml"
    path.write_text((Path(__file__).parent / "examples/valid/unit-terakhir-menyerahkan/cycles/2027/forms/psdm.yaml")
                    .read_text())
    edit(path, "    nama: Program Kepegawaian Daerah\n    kegiatan:\n",
         "    nama: Program Kepegawaian Daerah\n    anggaran: 500000000\n    kegiatan:\n"
         "      - kode: \"5.03.02.2.04\"\n        nama: Penilaian dan Evaluasi Kinerja Aparatur\n")
    [(file, line, sev, message)] = problems(example, "RKT220")
    assert (file, line, sev) == ("cycles/2027/forms/psdm.yaml", 23, "error")
    assert ("anggaran program 5.03.02 (Rp 500.000.000) lebih kecil dari jumlah anggaran kegiatan yang sudah "
            "dirinci di bawahnya (Rp 580.000.000: 5.03.02.2.03 Rp 580.000.000)") in message
    edit(path, "anggaran: 500000000", "anggaran: 900000000")  # room for the kegiatan not detailed yet
    assert problems(example, "RKT220") == []


def test_the_pagu_ceiling_counts_a_stated_program_amount_once(example):
    path = example / "cycles/2027/forms/mpk.yaml"
    edit(path, "    target: \"0,70\"\n    kegiatan:\n", "    target: \"0,70\"\n    anggaran: 899600000\n    kegiatan:\n")
    assert problems(example, "RKT210") == [] and problems(example, "RKT220") == []  # 899,6 juta of 1 miliar
    edit(path, "anggaran: 899600000", "anggaran: 1100000000")
    codes = sorted((line, code) for f, line, code in
                   [(p.file, p.line, p.code) for p in validate(example, today=TODAY).errors] if f.endswith("mpk.yaml"))
    assert codes == [(28, "RKT210"), (33, "RKT220")]


def test_a_program_may_state_its_pagu_without_kegiatan(example):
    path = example / "cycles/2027/forms/sekretariat.yaml"
    text = path.read_text()
    path.write_text(text[:text.index("\nprogram:")] + '\nprogram:\n  - kode: "5.03.01"\n    nama: Program Penunjang\n'
                    "    anggaran: 6300000000\n")
    result = validate(example, today=TODAY)
    assert result.ok and not [p for p in result.problems if p.file == "cycles/2027/forms/sekretariat.yaml"]


def test_renstra_satuan_is_optional_where_the_target_carries_it(example):
    edit(example / "cycles/renstra.yaml", '        satuan: "%"\n        iku: false\n        formula: jumlah jabatan',
         "        iku: false\n        formula: jumlah jabatan")
    # no rule asks for it; the signed 2026 printed it, so its fingerprint (`sidik_isi`) no longer matches
    assert [(p.file, p.code) for p in validate(example, today=TODAY).problems] == [
        ("cycles/2026/signed/rkt-2026-v1.yaml", "RKT219")]


def test_the_logo_must_be_there_and_be_an_image(example):
    edit(example / "cycles/agency.yaml", "  kepala: kaban\n", "  kepala: kaban\n  logo: logo.png\n")
    [(file, line, sev, message)] = problems(example, "RKT226")
    assert (file, line, sev) == ("cycles/agency.yaml", 13, "error") and "cycles/logo.png tidak ada" in message
    (example / "cycles/logo.png").write_bytes(b"<svg onload=alert(1)>")
    assert "bukan gambar PNG atau JPEG" in problems(example, "RKT226")[0][3]
    (example / "cycles/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024))
    assert "lebih besar dari 1 MB" in problems(example, "RKT226")[0][3]
    (example / "cycles/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    assert validate(example, today=TODAY).problems == ()
