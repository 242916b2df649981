"""A target that is a bare number while its indicator has no `satuan` ("90" of what?) is a
warning naming the file, the line and the fix (RKT229), as the dotted decimal is (RKT222)."""

from __future__ import annotations

from conftest import TODAY
from support.problems import edit, problems

from generator.check import formrules
from generator.check.validate import validate

PERCENT_FIX = 'target 97 tanpa satuan: tulis "97%" atau isi satuan indikator SS3.2 di cycles/renstra.yaml'


def drop_percent_unit_of_ss32(repo) -> None:
    edit(repo / "cycles/renstra.yaml", "        uraian: Persentase data ASN yang mutakhir pada SIASN\n        satuan: \"%\"\n",
         "        uraian: Persentase data ASN yang mutakhir pada SIASN\n")


def test_the_example_has_no_bare_number_without_a_unit(example):
    assert problems(example, "RKT229") == []


def test_a_bare_percentage_in_a_form_and_in_the_renstra_is_a_warning_with_the_fix(example):
    drop_percent_unit_of_ss32(example)
    edit(example / "cycles/renstra.yaml", '          2027: "97%"', "          2027: 97")
    edit(example / "cycles/2027/forms/ppik.yaml", '      - kode: SS3.2\n        target: "97%"',
         '      - kode: SS3.2\n        target: "97"')
    found = problems(example, "RKT229")
    assert found == [("cycles/2027/forms/ppik.yaml", 21, "warning", PERCENT_FIX),
                     ("cycles/renstra.yaml", 96, "warning", PERCENT_FIX)]
    # a warning: nothing is refused (but what the signed 2026 printed, its `sidik_isi` guards: RKT219)
    assert [p.code for p in validate(example, today=TODAY).problems if p.is_error] == ["RKT219"]


def test_a_bare_count_asks_for_the_satuan(example):
    edit(example / "cycles/renstra.yaml", "        satuan: dokumen\n", "")
    found = problems(example, "RKT229")
    assert [(f, line) for f, line, _, _ in found] == [
        ("cycles/2026/forms/sekretariat.yaml", 17), ("cycles/2027/forms/sekretariat.yaml", 17),
        *[("cycles/renstra.yaml", 134 + i) for i in range(5)]]
    assert found[1][3] == ('target 6 tanpa satuan: isi satuan indikator SS4.3 di cycles/renstra.yaml, atau tulis '
                           'satuannya sesudah angka di target (misalnya "6 dokumen")')


def test_no_warning_when_the_target_carries_its_unit_or_the_indicator_has_a_satuan(example):
    drop_percent_unit_of_ss32(example)  # the targets still say "97%"
    assert problems(example, "RKT229") == []
    assert formrules.bare_number(90, "%", "Persentase x", "SS1.2") is None
    assert formrules.bare_number("90 orang", None, "Jumlah x", "SS1.2") is None
    assert formrules.bare_number("BB", None, "Nilai SAKIP", "SS4.1") is None
    assert formrules.bare_number("-", None, "Persentase x", "SS1.2") is None
    assert formrules.bare_number("16.46", None, "Persentase x", "SS1.2") is None  # RKT222 speaks first
    assert formrules.bare_number("\u2265 80", None, "Persentase x", "SS1.2") == (
        'target \u2265 80 tanpa satuan: tulis "\u2265 80%" atau isi satuan indikator SS1.2 di cycles/renstra.yaml')
