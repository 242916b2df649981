"""The agency's published data (data/rkt.json): in the built site, valid against its own
schema, byte-deterministic, and saying nothing the pages do not show."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from support.repos import site_copy

from generator.check.validate import validate
from generator.regency import data as regency_data
from generator.site import published
from generator.site.build import build
from generator.site.generate import generate
from generator.source.schema import KINDS, SchemaSet

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    repo = site_copy(tmp_path_factory.mktemp("published"))
    report = build(repo, today=TODAY)
    assert report.ok and report.site and not report.unsafe
    return repo


@pytest.fixture(scope="module")
def doc(built) -> dict:
    return json.loads((built / "site/data/rkt.json").read_text(encoding="utf-8"))


@pytest.mark.site
def test_the_built_site_carries_the_file_and_it_is_valid_against_its_schema(built):
    body = (built / "site/data/rkt.json").read_bytes()  # the address agencies publish at: fixed
    data = regency_data.check(body)  # the regency's reader: strict JSON, screen, schema
    assert data["versi_skema"] == published.SCHEMA_VERSION == 2  # 2: with the performance year (kinerja_tahunan)
    assert data["pembuat"] == {"nama": "rkt-dashboard", "versi": __import__("generator").__version__}
    assert data["tanggal_data"] == "2026-11-28"


@pytest.mark.site
def test_the_file_states_the_facts_the_dashboard_shows(doc):
    assert doc["instansi"]["singkatan"] == "BKPSDM"
    c2027, c2026 = doc["siklus"]  # newest first
    assert (c2027["tahun"], c2027["fase"], c2026["fase"]) == (2027, "berjalan", "selesai")
    step4 = next(s for s in c2027["langkah"] if s["nomor"] == 4)
    assert (step4["status"], step4["terlambat_hari_kerja"]) == ("terlambat", 14)
    assert c2027["unit_belum"] == [{"kode": "psdm", "nama": "Bidang Pengembangan Sumber Daya Manusia"}]
    assert c2027["harus_bertindak"][0]["orang"] == [
        {"nama": "Rahmadi, S.Pd., M.Pd.", "jabatan": "Kepala Bidang Pengembangan Sumber Daya Manusia"}]
    # the forecast of status.py, not the baseline, while the cycle runs
    assert c2027["dasar_perkiraan"] == "perkiraan" and c2027["perkiraan_selesai"] > c2027["jadwal_dasar_selesai"]
    rkt = c2027["rkt"]
    assert rkt["draf"] is True
    targets = {i["kode"]: i["target"] for o in rkt["kinerja"] for i in o["indikator"]}
    assert targets["SS2.1"] is None and targets["SS1.1"] == "0,70"  # PSDM's indicator: "belum diisi"
    # a unit not in yet has no budget, so neither has the total: null ("belum ada anggaran"), never 0
    assert rkt["jumlah_anggaran"] is None and all(u["anggaran"] > 0 for u in rkt["anggaran_unit"] if u["diserahkan"])
    assert [(u["diserahkan"], u["anggaran"]) for u in rkt["anggaran_unit"] if u["kode"] == "psdm"] == [(False, None)]
    signed = c2026["versi_bertanda_tangan"]
    meta = (ROOT / "cycles/2026/signed/rkt-2026-v1.yaml").read_text()
    assert len(signed) == 1 and signed[0]["terverifikasi"] is True
    assert f"sha256: {signed[0]['sha256']}" in meta and f"commit: {signed[0]['commit']}" in meta
    assert signed[0]["penandatangan"] == {"nama": "Drs. H. Ahmad Fauzi, M.Si.",
                                          "jabatan": "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"}


@pytest.mark.site
def test_the_file_carries_no_nip(built):
    """A file is easier to harvest than a page: names and jabatan only."""
    text = (built / "site/data/rkt.json").read_text(encoding="utf-8")
    # a NIP stands alone (never the fraction of a decimal, as a mean's worked capaian can show)
    assert not re.search(r"(?<![0-9,.])[0-9]{18}(?![0-9])", text) and "nip" not in text.lower()


@pytest.mark.site
def test_the_same_data_and_date_give_the_same_bytes(built):
    again = generate(built, validate(built, today=TODAY), TODAY, None).files[published.PATH]
    assert again == (built / "site/data/rkt.json").read_bytes()
    assert again.decode().startswith('{\n "instansi"')  # sorted keys, one layout


def test_the_schema_set_of_the_agency_files_is_untouched_by_the_published_schema():
    schemas = SchemaSet.load(ROOT / "schemas")
    assert published.SCHEMA_FILE in schemas.documents and set(schemas.flat) == set(KINDS)
    schema = json.loads((ROOT / "schemas" / published.SCHEMA_FILE).read_text())
    assert schema["properties"]["versi_skema"]["const"] == published.SCHEMA_VERSION
