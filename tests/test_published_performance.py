"""The performance year in the published data (data/rkt.json version 2, `kinerja_tahunan`): the
example's 2026 with hand-checked values, valid against the v2 schema, version 1's content kept
unchanged inside it, deterministic, and still no NIP. The numbers are literal: worked by hand
from cycles/2026 (renaksi, laporan) and agency.yaml `pengukuran`, never recomputed here."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator, FormatChecker

from generator.check.validate import validate
from generator.plan.derive import derive
from generator.regency import data as regency_data
from generator.site import published
from generator.site.published_performance import percent

TODAY = dt.date(2026, 11, 28)


def _schema(version: int) -> Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"data-rkt.v{version}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _bytes(repo: Path) -> bytes:
    result = validate(repo, today=TODAY)
    return published.dumps(published.published(result.repository, derive(repo, result.repository, TODAY)))


@pytest.fixture(scope="module")
def body(tmp_path_factory) -> bytes:
    from support.repos import copy_example

    return _bytes(copy_example(tmp_path_factory.mktemp("pub-kinerja") / "repo"))


@pytest.fixture(scope="module")
def year(body) -> dict:
    c2026 = next(c for c in json.loads(body)["siklus"] if c["tahun"] == 2026)
    return c2026["kinerja_tahunan"]


def _indicator(year: dict, code: str) -> dict:
    return next(i for i in year["indikator"] if i["kode"] == code)


def _report(year: dict, unit: str, quarter: int) -> dict:
    return next(r for r in year["laporan"] if r["unit"]["kode"] == unit and r["triwulan"] == quarter)


def test_the_file_is_version_2_valid_against_its_schema_and_read_by_the_regency(body):
    data = json.loads(body)
    assert data["versi_skema"] == published.SCHEMA_VERSION == 2
    assert published.SCHEMA_FILE == "data-rkt.v2.schema.json"
    assert list(_schema(2).iter_errors(data)) == []
    read = regency_data.from_data(regency_data.check(body))  # the regency's strict reader
    assert read.version == 2 and read.cycle(2026).performance is not None


def test_version_1_content_is_unchanged_inside_version_2(body):
    """Take the performance year away and write 1: a file the v1 schema (and an old reader) accepts."""
    data = json.loads(body)
    assert all(set(c) - {"kinerja_tahunan"} <= set(_schema(1).schema["properties"]["siklus"]["items"]["properties"])
               for c in data["siklus"])
    data["versi_skema"] = 1
    for c in data["siklus"]:
        del c["kinerja_tahunan"]
    assert list(_schema(1).iter_errors(data)) == []
    read = regency_data.from_data(regency_data.check(json.dumps(data).encode()))
    assert read.version == 1 and read.cycle(2026).performance is None and read.cycle(2026).signed


def test_a_lower_is_better_indicator_carries_its_capaian_formula_and_worked_numbers(year):
    ss52 = _indicator(year, "SS5.2")
    assert (ss52["arah"], ss52["agregasi"], ss52["satuan"], ss52["target_tahunan"]) == (
        "turun", "rata-rata", "hari kerja", 10)
    assert ss52["unit"] == {"kode": "ppik", "nama": "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian"}
    assert ss52["penanggung_jawab"] == {"nama": "Akhmad Riduan, S.STP., M.Si.",
                                        "jabatan": "Kepala Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian"}
    tw1, tw2, tw3, tw4 = ss52["triwulan"]
    assert (tw1["target"], tw1["realisasi"], tw1["berakhir"]) == (11, 12, True)  # as typed: numbers stay numbers
    assert tw1["capaian"] == {"persen": "90.91", "persen_sebelum_batas": None, "rumus": "(2 − R / T) × 100%",
                              "perhitungan": "(2 − 12 / 11) × 100% = 90,91%", "kategori": "Baik",
                              "perlu_verifikasi": False, "dibatasi": False, "tercapai": None, "alasan": None}
    assert (tw2["capaian"]["persen"], tw3["capaian"]["persen"], tw3["capaian"]["kategori"]) == (
        "100.00", "110.00", "Sangat Baik")
    assert (tw4["target"], tw4["realisasi"], tw4["capaian"], tw4["berakhir"]) == (9, None, None, False)
    so_far = ss52["sampai_saat_ini"]
    # (12 + 10 + 9) / 3 = 10,33 against (11 + 10 + 10) / 3 = 10,33
    assert (so_far["triwulan"], so_far["realisasi"], so_far["target"], so_far["cara"]) == (
        [1, 2, 3], "10,33", "10,33", "rata-rata triwulan (TW I–TW III)")
    assert so_far["capaian"]["persen"] == "100.00" and ss52["capaian_tahunan"] is None  # TW IV not reported


def test_range_text_and_count_indicators_and_the_verification_flag(year):
    ss51 = _indicator(year, "SS5.1")["triwulan"]
    assert (ss51[0]["target"], ss51[0]["realisasi"]) == ("85–95%", "83%")
    assert ss51[0]["capaian"]["perhitungan"] == "83 / 85 × 100% = 97,65%" and ss51[0]["capaian"]["persen"] == "97.65"
    assert ss51[1]["capaian"]["perhitungan"] == "85 ≤ 88 ≤ 95: 100% = 100,00%"
    assert ss51[2]["capaian"]["perhitungan"] == "(2 − 97 / 95) × 100% = 97,89%"
    sakip = _indicator(year, "SS4.1")  # a predikat: compared, no invented percentage
    assert [q["target"] for q in sakip["triwulan"]] == ["-", "-", "BB", "BB"]
    tw3 = sakip["triwulan"][2]["capaian"]
    assert (tw3["persen"], tw3["tercapai"], tw3["perhitungan"], tw3["kategori"]) == (None, False, "B < BB", None)
    assert tw3["alasan"] == "target berupa predikat: tanpa persentase"
    docs = _indicator(year, "SS4.3")  # a count: 1 + 1 + 2 against 1 + 1 + 1
    assert docs["triwulan"][2]["capaian"]["persen"] == "200.00" and docs["triwulan"][2]["capaian"]["perlu_verifikasi"]
    assert (docs["sampai_saat_ini"]["realisasi"], docs["sampai_saat_ini"]["target"]) == ("4", "3")
    assert docs["sampai_saat_ini"]["capaian"]["persen"] == "133.33"
    ipasn = _indicator(year, "SS2.1")  # measured once a year: nothing reported to compare yet
    assert ipasn["iku"] is True and ipasn["sampai_saat_ini"] is None and ipasn["target_tahunan"] == "72,00"


def test_reports_per_unit_and_quarter_with_due_day_lateness_and_revisions(year):
    late = _report(year, "psdm", 2)
    assert late == {"unit": {"kode": "psdm", "nama": "Bidang Pengembangan Sumber Daya Manusia"}, "triwulan": 2,
                    "tenggat": "2026-07-14", "masuk": "2026-07-21", "status": "terlambat diserahkan",
                    "terlambat_hari_kerja": 5, "jumlah_perubahan": 0}
    assert _report(year, "ppik", 1)["jumlah_perubahan"] == 1 and _report(year, "ppik", 1)["status"] == "tepat waktu"
    tw4 = _report(year, "mpk", 4)
    assert (tw4["status"], tw4["tenggat"], tw4["masuk"]) == ("belum berakhir", "2027-01-18", None)
    assert len(year["laporan"]) == 16  # 4 units × 4 quarters


def test_budget_lines_rencana_aksi_pk_and_the_rules_that_made_the_numbers(year):
    sek = next(b for b in year["anggaran"] if b["unit"]["kode"] == "sekretariat")
    assert (sek["kode"], sek["pagu"]) == ("5.03.01", 5459900000)
    assert sek["realisasi_triwulan"] == [1250000000, 1380000000, 1410000000, None]
    # 1.250.000.000 / 5.459.900.000 = 22,894…%; 2.630.000.000 → 48,169…%; 4.040.000.000 → 73,994…%
    assert sek["serapan"] == ["22.89", "48.17", "73.99", None] and sek["rencana_triwulan"] is None
    mpk = next(b for b in year["anggaran"] if b["unit"]["kode"] == "mpk")
    assert mpk["rencana_triwulan"] == [150000000, 250000000, 250000000, 215000000]
    assert [p["unit"]["kode"] for p in year["rencana_aksi"]] == ["mpk", "ppik", "psdm", "sekretariat"]
    assert year["rencana_aksi"][0]["tanggal"] == "2026-01-12"
    assert year["perjanjian_kinerja"] == []  # the example archives no signed PK for 2026
    rules = year["aturan_pengukuran"]
    assert (rules["rumus_turun"], rules["batas_capaian"], rules["ambang_verifikasi"],
            rules["tenggat_laporan_hari_kerja"]) == ("2 - R/T", None, "150.00", 10)
    assert rules["kategori"][:2] == [{"paling_rendah": "91.00", "sebutan": "Sangat Baik"},
                                     {"paling_rendah": "76.00", "sebutan": "Baik"}]
    assert rules["ditetapkan_instansi"] == ["rumus_turun", "ambang_verifikasi", "kategori", "tenggat_laporan"]


def test_a_year_not_yet_planned_says_belum_diisi_as_null_never_a_word_in_a_number(body):
    c2027 = next(c for c in json.loads(body)["siklus"] if c["tahun"] == 2027)["kinerja_tahunan"]
    assert c2027["rencana_aksi"] == [] and c2027["laporan"] == []
    ss21 = next(i for i in c2027["indikator"] if i["kode"] == "SS2.1")
    assert ss21["target_tahunan"] is None and ss21["unit"] is None and ss21["penanggung_jawab"] is None
    assert all(q["target"] is None and q["capaian"] is None for q in ss21["triwulan"])


def test_deterministic_and_no_nip(body, tmp_path):
    from support.repos import copy_example

    assert _bytes(copy_example(tmp_path / "repo")) == body
    text = body.decode("utf-8")
    # a NIP stands alone (never the fraction of a decimal: the year so far of a mean has long ones)
    assert not re.search(r"(?<![0-9,.])[0-9]{18}(?![0-9])", text) and "nip" not in text.lower()


@pytest.mark.parametrize("value, text", [
    (Decimal("90.909090"), "90.91"), (Decimal("0.125"), "0.13"), (Decimal("0.135"), "0.14"),  # half up, never even
    (Decimal("100"), "100.00"), (Decimal("-5"), "-5.00"), (None, None)])
def test_percentages_are_text_with_two_places_rounded_half_up(value, text):
    assert percent(value) == text


def test_the_schema_describes_every_new_field_in_indonesian():
    schema = json.loads((ROOT / "schemas/data-rkt.v2.schema.json").read_text(encoding="utf-8"))
    year = schema["$defs"]["kinerja_tahunan"]
    assert year["title"] == "Kinerja tahunan" and "Rencana Aksi" in year["description"]
    capaian = schema["$defs"]["capaian"]["properties"]
    assert capaian["perhitungan"]["description"].startswith("Rumus dengan angkanya")
    assert schema["$defs"]["persen"]["examples"] == ["90.91"]
