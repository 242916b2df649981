"""The new form fields survive every way in and out: YAML writer, model, prefill, Excel template."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY

from generator.check.validate import validate
from generator.core.model import At, build_form
from generator.plan import prefill
from generator.source.load import load_bytes
from generator.source.schema import SchemaSet
from generator.source.yamlwrite import form_yaml, update_form
from generator.spreadsheets import excel

ROOT = Path(__file__).resolve().parent.parent

PAGU = {
    "tahun": 2027, "unit": "ppik",
    "kinerja": [{"sasaran": "SS3", "indikator": [{"kode": "SS3.1", "target": "-"},
                                                 {"kode": "SS3.2", "target": "97%"}]}],
    "program": [
        {"kode": "5.03.01", "nama": "Program Penunjang", "anggaran": 250_000_000},
        {"kode": "5.03.02", "nama": "Program Kepegawaian Daerah", "indikator": "Persentase layanan", "target": "92%",
         "anggaran": 730_000_000,
         "kegiatan": [
             {"kode": "5.03.02.2.01", "nama": "Pengadaan ASN", "anggaran": 430_000_000},
             {"kode": "5.03.02.2.02", "nama": "Mutasi ASN", "sub_kegiatan": [
                 {"kode": "5.03.02.2.02.0001", "nama": "Pengelolaan Mutasi ASN", "indikator": "Dokumen mutasi",
                  "target": 400, "satuan": "Dokumen", "anggaran": 300_000_000, "penanggung_jawab": "Kasubbid"}]}]},
    ],
}


def test_a_pagu_at_any_level_round_trips_through_the_writer_the_model_and_prefill():
    text = form_yaml(PAGU, "Form RKT Tahun 2027 Bidang PPIK.")
    assert '  - kode: "5.03.01"\n    nama: Program Penunjang\n    anggaran: 250000000\n  - kode' in text
    assert "        anggaran: 430000000\n      - kode" in text  # a kegiatan with its pagu and nothing below
    data = load_bytes(text.encode(), "f.yaml").document.data
    assert data == PAGU
    assert list(SchemaSet.load(ROOT / "schemas").check("form", data, "f.yaml")) == []
    form = build_form(data, At("f.yaml"))
    assert [(p.amount, p.budget) for p in form.programs] == [(250_000_000, 250_000_000), (730_000_000, 730_000_000)]
    assert form.total == 980_000_000  # each pagu once, never beside its own children's sum
    assert prefill.form_data(form) == PAGU


def test_an_edit_adds_a_pagu_on_its_own_line_keeping_the_rest(example):
    path = example / "cycles/2027/forms/ppik.yaml"
    before = path.read_text()
    old = load_bytes(before.encode(), "f").document.data
    new = {**old, "program": [{**old["program"][0], "anggaran": 733_200_000}]}
    after = update_form(before, new, old)
    assert after.replace('    target: "92%"\n    anggaran: 733200000\n', '    target: "92%"\n') == before
    path.write_text(after)
    assert validate(example, today=TODAY).problems == ()


@pytest.mark.git  # validates the project's own checkout: asks git what it tracks (RKT027)
def test_the_excel_template_carries_the_pagu_and_reads_it_back(tmp_path):
    result = validate(ROOT, today=TODAY)
    path = tmp_path / "ppik.xlsx"
    path.write_bytes(excel.template(PAGU, result.repository.renstra, "Bidang PPIK"))
    reading = excel.read(path, 2027, "ppik", result.repository.renstra)
    assert reading.problems == ()
    assert reading.data["program"] == PAGU["program"]


def test_a_new_form_takes_the_renstras_no_target_dash(example):
    renstra = example / "cycles/renstra.yaml"
    renstra.write_text(renstra.read_text().replace('          2027: "97%"', '          2027: "-"', 1))
    repo = validate(example, today=TODAY).repository
    data, notes = prefill.new_form(repo, 2027, "ppik")
    assert {"kode": "SS3.2", "uraian": "Persentase data ASN yang mutakhir pada SIASN", "target": "-"} \
        in data["kinerja"][1]["indikator"]  # said, not missing
    assert not [n for n in notes if "SS3.2" in n]
