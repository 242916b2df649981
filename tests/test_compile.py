"""The compiled RKT is the units' plan: agreed targets, "belum diisi", DRAF, budgets counted once,
and a signature block taken from the plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import TODAY, copy_example
from support.examples import EXAMPLES, apply

from generator.check.validate import validate
from generator.plan.compile import NOT_FILLED, compile_rkt, group_nip


def compiled(repo: Path, year: int = 2027):
    result = validate(repo, today=TODAY)
    assert result.ok, [(p.file, p.line, p.message) for p in result.errors]
    repo_model = result.repository
    folder = next(c for c in repo_model.cycles if c.year == year)
    return compile_rkt(folder, repo_model.agency, repo_model.renstra), result


def case(tmp_path: Path, name: str) -> Path:
    repo = copy_example(tmp_path / "repo")
    apply(EXAMPLES / "valid" / name, repo)
    return repo


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def row(rkt, code: str):
    return next(r for r in rkt.performance if r.indicator.code == code)


def test_the_target_printed_is_the_units_agreed_one_with_the_renstra_beside_it(tmp_path):
    rkt, _ = compiled(case(tmp_path, "rkt-banyak-indikator-per-sasaran"))
    merit = row(rkt, "SS1.1")
    assert merit.target_text == "0,73" and merit.renstra_text == "0,72" and merit.differs
    assert not row(rkt, "SS1.2").differs  # "95%" in both
    assert row(rkt, "SS2.2").target_text == "-" and row(rkt, "SS2.2").filled  # said on purpose
    assert rkt.shows_renstra and rkt.performance_columns().cells(merit)[2:4] == ["0,73", "0,72"]
    assert rkt.performance_columns().cells(row(rkt, "SS1.2"))[2:4] == ["95%", ""]  # beside it only where it differs


def test_a_missing_units_indicators_are_listed_as_not_filled_and_the_plan_is_a_draft(tmp_path):
    repo = case(tmp_path, "rkt-banyak-indikator-per-sasaran")
    (repo / "cycles/2027/forms/psdm.yaml").unlink()
    rkt, _ = compiled(repo)
    assert [r.indicator.code for r in rkt.performance] == ["SS1.1", "SS1.2", "SS1.3", "SS2.1", "SS2.2", "SS3.1"]
    assert [row(rkt, c).target_text for c in ("SS2.1", "SS2.2")] == [NOT_FILLED, NOT_FILLED]
    assert rkt.draft and [u.code for u in rkt.missing] == ["psdm"]
    assert "Form RKT belum diserahkan: Bidang Pengembangan Sumber Daya Manusia" in rkt.draft_note


@pytest.mark.git  # validates the project's own checkout: asks git what it tracks (RKT027)
def test_the_example_2027_prints_every_renstra_indicator_even_those_of_the_missing_unit():
    rkt, _ = compiled(Path(__file__).resolve().parent.parent)
    assert len(rkt.performance) == 11  # SS5.1 and SS5.2 too
    assert rkt.draft and row(rkt, "SS2.1").target_text == NOT_FILLED and row(rkt, "SS2.1").pending == ("psdm",)
    assert row(rkt, "SS1.1").target_text == "0,70"  # two units, same target: printed once


def test_units_that_disagree_are_each_printed_with_their_unit(example):
    edit(example / "cycles/2027/forms/mpk.yaml", '      - kode: SS1.1\n        target: "0,70"',
         '      - kode: SS1.1\n        target: "0,72"')
    rkt, result = compiled(example)
    assert row(rkt, "SS1.1").target_text == "0,70 (PPIK); 0,72 (MPK)"
    warned = [(p.file, p.code) for p in result.problems if p.code == "RKT224"]
    assert warned == [("cycles/2027/forms/mpk.yaml", "RKT224"), ("cycles/2027/forms/ppik.yaml", "RKT224")]
    # the units as their staff know them, never by their codes
    assert all("(MPK: 0,72; PPIK: 0,70)" in p.message for p in result.problems if p.code == "RKT224")


def test_numbering_is_per_sasaran(tmp_path):
    rkt, _ = compiled(case(tmp_path, "rkt-banyak-indikator-per-sasaran"))
    assert [(g.number, g.objective.code, len(g.rows)) for g in rkt.groups] == [(1, "SS1", 3), (2, "SS2", 2),
                                                                                (3, "SS3", 1)]


def test_optional_columns_appear_only_when_the_data_has_them(tmp_path):
    pk, _ = compiled(case(tmp_path / "a", "pk-target-dan-pagu-program"))
    assert pk.performance_headers() == ["No", "Sasaran", "Indikator Kinerja", "Target"]
    rkt, _ = compiled(case(tmp_path / "b", "rkt-banyak-indikator-per-sasaran"))
    assert rkt.performance_headers() == ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Target Renstra",
                                         "Cara Pengukuran"]


def test_a_pagu_counts_once_whether_stated_above_or_summed_below(tmp_path):
    rkt, _ = compiled(case(tmp_path, "rkt-banyak-indikator-per-sasaran"))
    budgets = {u.unit.code: u.total for u in rkt.units}
    assert budgets == {"sekretariat": None, "ppik": 300_000_000, "mpk": 200_000_000, "psdm": None}
    assert rkt.total == 500_000_000
    assert [u.unit.code for u in rkt.program_units] == ["ppik", "mpk"]
    # a program that states the same amount as its kegiatan is not counted twice
    edit(tmp_path / "repo/cycles/2027/forms/ppik.yaml", '    nama: Program Kepegawaian Daerah\n',
         '    nama: Program Kepegawaian Daerah\n    anggaran: 300000000\n')
    again, _ = compiled(tmp_path / "repo")
    assert again.total == 500_000_000


def test_a_plan_of_targets_only_has_no_program_section(tmp_path):
    repo = case(tmp_path, "rkt-banyak-indikator-per-sasaran")
    for unit in ("ppik", "mpk"):
        path = repo / f"cycles/2027/forms/{unit}.yaml"
        path.write_text(path.read_text().split("\nprogram:")[0] + "\nprogram: []\n")
    rkt, _ = compiled(repo)
    assert not rkt.has_programs and rkt.program_units == () and rkt.total is None


def test_the_signature_date_is_blank_in_the_year_the_plan_is_prepared(example):
    rkt, _ = compiled(example)  # cycle 2027 starts 2 November 2026
    s = rkt.signature
    assert s.date is None and s.year == 2026
    assert s.place_date() == "Paringin, ...................... 2026"
    assert s.nip_line == "NIP. 19700514 199303 1 007"


def test_a_signed_plan_is_dated_by_its_signed_version_and_signed_by_its_signer(example):
    edit(example / "cycles/agency.yaml", "    jabatan: Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\n",
         "    jabatan: Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\n"
         "    pangkat: Pembina Utama Muda (IV/c)\n")
    rkt, _ = compiled(example, 2026)
    s = rkt.signature
    assert s.date == dt.date(2025, 12, 3) and s.year == 2025
    assert s.place_date("3 Desember 2025") == "Paringin, 3 Desember 2025"
    assert (s.name, s.rank) == ("Drs. H. Ahmad Fauzi, M.Si.", "Pembina Utama Muda (IV/c)")


def test_nip_grouping():
    assert group_nip("198001012005011001") == "19800101 200501 1 001"
    assert group_nip("(isi NIP)") == "(isi NIP)"  # not a NIP yet: as typed
