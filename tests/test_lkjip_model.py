"""The LKjIP of the example's 2026 as plan values (plan/lkjip.py), once the year is over: a copy of
the example with the TW IV reports below, "today" 2027-02-15. Expectations worked out by hand from
cycles/2026/forms, renaksi and laporan (TW I–III) and the TW IV files here:

* SS5.2 (turun, rata-rata): 12, 10, 9, 8 → 39 / 4 = 9,75 against 10: (2 − 9,75/10) × 100% = 102,50%;
  against the Renstra's 2029 target 7: (2 − 9,75/7) × 100% = 60,71% (Kurang).
* SS4.3 (jumlah): 1 + 1 + 2 + 2 = 6 documents against 5: 120,00%; against 2029's 6: 100,00%.
* SS4.1 (predikat, TW I–II "-"): BB against BB "tercapai", against 2029's A "belum tercapai".
* SS2.1 (measured once, TW IV only): 71,50 / 72,00 = 99,31%; against 2029's 78,00: 91,67%.
* SS1.1 (terakhir): 0,67 / 0,66 = 101,52%; 0,67 / 0,80 = 83,75% (Baik).
* Budget: 5.03.01 pagu 85 + 45 + 38,5 + 27,75 + 4.812,65 + 145 + 210 + 96 = 5.459,9 juta, spent
  1.250 + 1.380 + 1.410 + 1.270 = 5.310 juta (97,25%); 5.03.02 pagu PPIK 705 + MPK 865 + PSDM 580 = 2.150
  juta, spent PPIK 115 + 255 + 190 + 125 = 685, MPK 140 + 230 + 240 + 230 = 840, PSDM 60 + 150 + 170 + 190
  = 570: 2.095 juta (97,44%); 5.04.02 pagu 365 + 95,5 = 460,5 juta, spent 55 + 120 + 140 + 130 = 445 juta
  (96,63%).
* 2025 has no cycle folder in the example: every indicator's 2025 is "not measured" (the Renstra's
  target only, no realisation, no capaian).
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from support.cli import rkt
from support.repos import copy_example
from support.text import edit

from generator.check.validate import validate
from generator.core.lkjip import sections, starting_text
from generator.plan.derive import derive
from generator.plan.lkjip import Lkjip, lkjip
from generator.source.narrative import read_sections

DAY = dt.date(2027, 2, 15)
FULL = ("ikhtisar-eksekutif", "bab-1-pendahuluan", "bab-2-perencanaan", "bab-3-ss1", "bab-3-ss2", "bab-3-ss3",
        "bab-3-ss4", "bab-3-ss5", "bab-3-anggaran", "bab-4-penutup")

TW4 = {
    "sekretariat": """tahun: 2026
triwulan: 4
unit: sekretariat
tanggal: 2027-01-08
penyusun: Muhammad Rizani, S.E. (Kasubbag Perencanaan dan Keuangan)

realisasi:
  - kode: SS4.1
    realisasi: BB
    faktor_pendorong: Evaluasi internal per bidang dilaksanakan pada triwulan IV
  - kode: SS4.3
    realisasi: 2

anggaran:
  - kode: "5.03.01"
    realisasi: 1270000000
""",
    "ppik": """tahun: 2026
triwulan: 4
unit: ppik
tanggal: 2027-01-11
penyusun: Akhmad Riduan, S.STP., M.Si. (Kabid PPIK)

realisasi:
  - kode: SS3.1
    realisasi: "91%"
  - kode: SS3.2
    realisasi: "96%"
  - kode: SS5.2
    realisasi: 8
    faktor_pendorong: Seluruh usul kenaikan pangkat periode Oktober diperiksa daring

anggaran:
  - kode: "5.03.02.2.01.0001"
    realisasi: 40000000
  - kode: "5.03.02.2.01.0002"
    realisasi: 30000000
  - kode: "5.03.02.2.01.0003"
    realisasi: 20000000
  - kode: "5.03.02.2.01.0004"
    realisasi: 35000000
""",
    "mpk": """tahun: 2026
triwulan: 4
unit: mpk
tanggal: 2027-01-12
penyusun: Noor Aida, S.H. (Kabid MPK)

realisasi:
  - kode: SS1.1
    realisasi: "0,67"
  - kode: SS1.2
    realisasi: "84%"
    faktor_pendorong: Dua jabatan administrator terisi melalui seleksi November 2026
  - kode: SS5.1
    realisasi: "93%"
  - kode: SS4.2
    realisasi: "100%"

anggaran:
  - kode: "5.03.02"
    realisasi: 230000000
""",
    "psdm": """tahun: 2026
triwulan: 4
unit: psdm
tanggal: 2027-01-13
penyusun: Rahmadi, S.Pd., M.Pd. (Kabid PSDM)

realisasi:
  - kode: SS2.1
    realisasi: "71,50"
    faktor_penghambat: Dimensi kualifikasi pendidikan ASN belum naik
    tindak_lanjut: Program tugas belajar bagi ASN berpendidikan SLTA pada 2027
  - kode: SS2.2
    realisasi: "66%"

anggaran:
  - kode: "5.03.02"
    realisasi: 190000000
  - kode: "5.04.02"
    realisasi: 130000000
""",
}


def full_year(folder: Path) -> Path:
    """The example with its four TW IV reports: the whole of 2026 reported."""
    repo = copy_example(folder)
    tw4 = repo / "cycles/2026/laporan/tw4"
    tw4.mkdir()
    for unit, text in TW4.items():
        (tw4 / f"{unit}.yaml").write_text("# yaml-language-server: $schema=../../../../schemas/laporan.schema.json\n"
                                          + text, encoding="utf-8")
    return repo


def report_of(repo: Path, year: int = 2026, today: dt.date = DAY) -> Lkjip | str:
    result = validate(repo, today=today)
    assert result.ok, [str(p) for p in result.errors]
    derived = derive(repo, result.repository, today)
    texts, problems = read_sections(repo, year, sections(derived.repo.renstra.objectives))
    assert problems == []
    return lkjip(year, derived, texts)


@pytest.fixture(scope="module")
def year_repo(tmp_path_factory) -> Path:
    return full_year(tmp_path_factory.mktemp("lkjip") / "repo")


@pytest.fixture(scope="module")
def report(year_repo) -> Lkjip:
    made = report_of(year_repo)
    assert isinstance(made, Lkjip), made
    return made


def rounded(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


# --- Bab III A ------------------------------------------------------------------------------

def test_bab_iii_a_every_indicator_against_its_year_target(report):
    rows = [(i.number, i.indicator.code, i.satuan, i.target, i.realised, i.capaian.shown,
             i.capaian.category, i.quarters_in, i.capaian_target)
            for o in report.objectives for i in o.indicators]
    assert rows == [
        ("1.1", "SS1.1", "indeks", "0,66", "0,67", "101,52%", "Sangat Baik", (1, 2, 3, 4), "0,66"),
        ("1.2", "SS1.2", "", "84%", "84%", "100,00%", "Sangat Baik", (1, 2, 3, 4), "84%"),
        ("2.1", "SS2.1", "indeks", "72,00", "71,50", "99,31%", "Sangat Baik", (4,), "72,00"),
        ("2.2", "SS2.2", "", "65%", "66%", "101,54%", "Sangat Baik", (1, 2, 3, 4), "65%"),
        ("3.1", "SS3.1", "", "90%", "91%", "101,11%", "Sangat Baik", (1, 2, 3, 4), "90%"),
        ("3.2", "SS3.2", "", "95%", "96%", "101,05%", "Sangat Baik", (1, 2, 3, 4), "95%"),
        ("4.1", "SS4.1", "", "BB", "BB", "tercapai", None, (3, 4), "BB"),
        ("4.2", "SS4.2", "", "100%", "100%", "100,00%", "Sangat Baik", (1, 2, 3, 4), "100%"),
        ("4.3", "SS4.3", "dokumen", "5", "6", "120,00%", "Sangat Baik", (1, 2, 3, 4), "5"),
        ("5.1", "SS5.1", "", "85–95%", "93%", "100,00%", "Sangat Baik", (1, 2, 3, 4), "85–95%"),
        ("5.2", "SS5.2", "hari kerja", "10", "9,75", "102,50%", "Sangat Baik", (1, 2, 3, 4), "10"),
    ]
    ss52 = report.objectives[4].indicators[1]
    assert ss52.how == "rata-rata triwulan (TW I–TW IV)"
    assert ss52.capaian.worked == "(2 − 9,75 / 10) × 100% = 102,50%"
    assert report.objectives[3].indicators[2].how == "jumlah triwulan (TW I–TW IV)"
    assert report.incomplete == ()


def test_against_the_renstra_end_of_period_target(report):
    rows = [(i.indicator.code, i.renstra_year, i.renstra_target, i.renstra_capaian.shown,
             i.renstra_capaian.category) for o in report.objectives for i in o.indicators]
    assert rows == [
        ("SS1.1", 2029, "0,80", "83,75%", "Baik"), ("SS1.2", 2029, "95%", "88,42%", "Baik"),
        ("SS2.1", 2029, "78,00", "91,67%", "Sangat Baik"), ("SS2.2", 2029, "80%", "82,50%", "Baik"),
        ("SS3.1", 2029, "95%", "95,79%", "Sangat Baik"), ("SS3.2", 2029, "99%", "96,97%", "Sangat Baik"),
        ("SS4.1", 2029, "A", "belum tercapai", None), ("SS4.2", 2029, "100%", "100,00%", "Sangat Baik"),
        ("SS4.3", 2029, "6", "100,00%", "Sangat Baik"), ("SS5.1", 2029, "90–100%", "100,00%", "Sangat Baik"),
        ("SS5.2", 2029, "7", "60,71%", "Kurang")]


def test_earlier_years_are_never_invented(report):
    """The example has no 2025 cycle: the Renstra's 2025 target, and nothing measured."""
    earlier = {i.indicator.code: i.earlier for o in report.objectives for i in o.indicators}
    assert {len(e) for e in earlier.values()} == {1}
    assert [(e[0].year, e[0].target, e[0].realised, e[0].capaian) for e in
            (earlier["SS1.1"], earlier["SS4.3"], earlier["SS5.1"])] == [
        (2025, "0,62", None, None), (2025, "5", None, None), (2025, "80–90%", None, None)]
    assert all(e[0].realised is None and e[0].capaian is None for e in earlier.values())


def test_the_causes_are_the_reports_words_in_quarter_order(report):
    ss52 = report.objectives[4].indicators[1]
    assert [(c.quarter, c.unit, c.drivers, c.obstacles, c.follow_up) for c in ss52.causes] == [
        (1, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", None,
         "Usul kenaikan pangkat periode April banyak yang tidak lengkap",
         "Pemeriksaan berkas daring sebelum batas periode"),
        (3, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
         "Pemeriksaan berkas daring mengurangi usul yang dikembalikan", None, None),
        (4, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
         "Seluruh usul kenaikan pangkat periode Oktober diperiksa daring", None, None)]
    assert report.objectives[3].indicators[1].standard is None  # the example's Renstra gives no standard


def test_programs_per_sasaran_follow_the_rencana_aksi_links(report):
    assert [(o.objective.code, [p.code for p in o.programs]) for o in report.objectives] == [
        ("SS1", ["5.03.02"]), ("SS2", ["5.03.02", "5.04.02"]), ("SS3", ["5.03.02"]),
        ("SS4", ["5.03.01", "5.03.02"]), ("SS5", ["5.03.02"])]
    assert report.objectives[1].programs[1].indicators == ("SS2.2",)  # 5.04.02.2.01 in PSDM's Rencana Aksi


# --- Bab III B ------------------------------------------------------------------------------

def test_bab_iii_b_budget_per_program_summed_by_hand(report):
    assert [(p.code, p.units, p.budget, p.spent, rounded(p.absorption), p.indicators) for p in report.budget] == [
        ("5.03.01", ("Sekretariat",), 5_459_900_000, 5_310_000_000, "97.25", ("SS4.1", "SS4.3")),
        ("5.03.02", ("PPIK", "MPK", "PSDM"), 2_150_000_000, 2_095_000_000, "97.44",
         ("SS1.1", "SS1.2", "SS2.1", "SS2.2", "SS3.1", "SS3.2", "SS4.2", "SS5.1", "SS5.2")),
        ("5.04.02", ("PSDM",), 460_500_000, 445_000_000, "96.63", ("SS2.2",))]


def test_pk_signer_and_letterhead(report):
    assert report.agreement is not None and report.agreement_missing is None
    assert report.agreement.first.name == "Drs. H. Ahmad Fauzi, M.Si."
    assert [g.number for g in report.agreement.groups] == [1, 2, 3, 4]
    assert (report.signer_name, report.signer_nip, report.place, report.agency_name) == (
        "Drs. H. Ahmad Fauzi, M.Si.", "197005141993031007", "Paringin",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert report.letterhead.government == "Pemerintah Kabupaten Balangan"


# --- the year not complete, and no year at all ---------------------------------------------------

def test_a_missing_report_leaves_the_year_so_far_and_says_so(tmp_path):
    repo = full_year(tmp_path / "repo")
    (repo / "cycles/2026/laporan/tw4/psdm.yaml").unlink()
    made = report_of(repo)
    assert isinstance(made, Lkjip)
    assert made.incomplete == ("laporan TW IV Bidang Pengembangan Sumber Daya Manusia belum ada",)
    assert made.draft
    ss21, ss22 = made.objectives[1].indicators
    assert (ss21.realised, ss21.capaian, ss21.quarters_in, ss21.renstra_capaian) == ("", None, (), None)
    assert (ss22.target, ss22.realised, ss22.capaian_target, ss22.capaian.shown, ss22.quarters_in) == \
        ("65%", "52%", "50%", "104,00%", (1, 2, 3))
    psdm = next(p for p in made.budget if p.code == "5.04.02")
    assert (psdm.budget, psdm.spent, psdm.absorption) == (460_500_000, None, None)  # unknown, never a partial sum


def test_no_lkjip_without_a_rencana_aksi(year_repo):
    assert report_of(year_repo, 2027) == (
        "Rencana Aksi 2027 belum ada (cycles/2027/renaksi/): capaian kinerja yang dilaporkan LKjIP diukur dari "
        "Rencana Aksi dan laporan triwulan; susun Rencana Aksi lebih dulu")


# --- the staff's sections --------------------------------------------------------------------------

def test_sections_missing_guidance_only_and_written(tmp_path):
    repo = full_year(tmp_path / "repo")
    parts = {s.key: s for s in sections(validate(repo, today=DAY).repository.renstra.objectives)}
    folder = repo / "cycles/2026/lkjip"
    folder.mkdir()
    (folder / "bab-1-pendahuluan.md").write_text(starting_text(parts["bab-1-pendahuluan"]), encoding="utf-8")
    (folder / "bab-3-ss5.md").write_text(starting_text(parts["bab-3-ss5"]) + "Lama layanan turun karena "
                                         "pemeriksaan daring.\n\nParagraf kedua.\n", encoding="utf-8")
    (folder / "bab-4-penutup.md").write_text("# Bab IV  Penutup\n\n<!-- catatan -->\nKinerja 2026 baik.\n",
                                             encoding="utf-8")
    made = report_of(repo)
    assert isinstance(made, Lkjip)
    by_key = {n.key: n for n in made.narratives}
    assert list(by_key) == list(FULL)
    assert (by_key["ikhtisar-eksekutif"].written, by_key["ikhtisar-eksekutif"].text) == (False, None)  # no file
    assert (by_key["bab-1-pendahuluan"].written, by_key["bab-1-pendahuluan"].text) == (False, None)  # guidance only
    assert by_key["bab-3-ss5"].text == "Lama layanan turun karena pemeriksaan daring.\n\nParagraf kedua."
    assert by_key["bab-4-penutup"].text == "Kinerja 2026 baik."
    assert made.objectives[4].analysis is by_key["bab-3-ss5"]
    assert by_key["bab-1-pendahuluan"].file == "cycles/2026/lkjip/bab-1-pendahuluan.md"
    assert "tugas pokok dan fungsi" in by_key["bab-1-pendahuluan"].guidance
    assert made.draft


def test_every_section_written_and_every_number_in_is_no_draft(tmp_path):
    repo = full_year(tmp_path / "repo")
    folder = repo / "cycles/2026/lkjip"
    folder.mkdir()
    for key in FULL:
        (folder / f"{key}.md").write_text(f"Tulisan bagian {key}.\n", encoding="utf-8")
    made = report_of(repo)
    assert isinstance(made, Lkjip) and not made.draft


def test_new_lkjip_writes_the_starting_files_once_and_never_overwrites(tmp_path):
    repo = full_year(tmp_path / "repo")
    proc = rkt(repo, "new-lkjip", "2026", "--today", "2027-02-15")
    assert proc.returncode == 0, proc.stderr
    folder = repo / "cycles/2026/lkjip"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{k}.md" for k in FULL)
    assert proc.stdout.startswith("Bagian LKjIP 2026:\nDitulis (10):\n"
                                  "  cycles/2026/lkjip/ikhtisar-eksekutif.md  (IKHTISAR EKSEKUTIF)\n")
    first = (folder / "bab-3-ss1.md").read_text(encoding="utf-8")
    assert first.startswith("# Sasaran Strategis SS1: Meningkatnya penerapan sistem merit dalam manajemen ASN\n\n"
                            "<!--\nPETUNJUK (tidak ikut dicetak):\nAnalisis capaian sasaran SS1")
    made = report_of(repo)
    assert isinstance(made, Lkjip) and not any(n.written for n in made.narratives)  # the starting text is no text
    mine = "# BAB IV PENUTUP\n\nKesimpulan kami.\n"
    (folder / "bab-4-penutup.md").write_text(mine, encoding="utf-8")
    (folder / "bab-1-pendahuluan.md").unlink()
    again = rkt(repo, "new-lkjip", "2026", "--today", "2027-02-15")
    assert again.returncode == 0, again.stderr
    assert "Ditulis (1):\n  cycles/2026/lkjip/bab-1-pendahuluan.md  (BAB I PENDAHULUAN)\n" in again.stdout
    assert "Sudah ada, tidak ditimpa (9):\n" in again.stdout
    assert (folder / "bab-4-penutup.md").read_text(encoding="utf-8") == mine
    assert (folder / "bab-3-ss1.md").read_text(encoding="utf-8") == first
    third = rkt(repo, "new-lkjip", "2026", "--today", "2027-02-15")
    assert third.returncode == 0 and third.stdout.startswith(
        "Semua bagian LKjIP 2026 sudah ada; tidak ada berkas yang ditulis.\nSudah ada, tidak ditimpa (10):\n")
    assert validate(repo, today=DAY).ok


def test_new_lkjip_needs_the_cycle(tmp_path):
    repo = copy_example(tmp_path / "repo")
    proc = rkt(repo, "new-lkjip", "2031", "--today", "2027-02-15")
    assert (proc.returncode, proc.stderr) == (2, "rkt: siklus 2031 tidak ada\n")
    assert not (repo / "cycles/2031").exists()


# --- validation of the section files -----------------------------------------------------------

def test_an_unknown_section_name_is_named_with_the_valid_ones(tmp_path):
    repo = copy_example(tmp_path / "repo")
    folder = repo / "cycles/2026/lkjip"
    folder.mkdir()
    (folder / "bab-3-ss9.md").write_text("Teks.\n", encoding="utf-8")
    (folder / "bab-3-ss1.md").write_text("Teks.\n", encoding="utf-8")
    found = [(p.file, p.code, p.message) for p in validate(repo, today=DAY).problems]
    names = ", ".join(f"{k}.md" for k in FULL)
    assert found == [("cycles/2026/lkjip/bab-3-ss9.md", "RKT021",
                      f"berkas ini tidak akan dibaca karena namanya bukan bagian LKjIP; nama bagian LKjIP: {names} "
                      f"(buat semuanya dengan 'rkt new-lkjip TAHUN')")]


def test_a_section_file_is_read_as_strictly_as_data(tmp_path):
    repo = copy_example(tmp_path / "repo")
    folder = repo / "cycles/2026/lkjip"
    folder.mkdir()
    (folder / "bab-4-penutup.md").write_bytes(b"# BAB IV PENUTUP\n\nKinerja \x93baik\x94.\n")
    (folder / "bab-3-ss2.md").write_text("Teks \u202eterbalik.\n", encoding="utf-8")
    (folder / "bab-3-ss3.md").write_text("<!-- petunjuk\nTeks.\n", encoding="utf-8")
    os.symlink("/etc/passwd", folder / "bab-3-ss4.md")
    found = sorted((p.file, p.code, p.line) for p in validate(repo, today=DAY).problems)
    assert found == [("cycles/2026/lkjip/bab-3-ss2.md", "RKT003", 1), ("cycles/2026/lkjip/bab-3-ss3.md", "RKT260", 1),
                     ("cycles/2026/lkjip/bab-3-ss4.md", "RKT012", 1), ("cycles/2026/lkjip/bab-4-penutup.md", "RKT002", 3)]
    message = next(p.message for p in validate(repo, today=DAY).problems if p.code == "RKT002")
    assert message.startswith("berkas bukan UTF-8: byte 0x93 (tanda kutip/pisah dari Word atau Excel)")


# --- the national standard of a Renstra indicator -------------------------------------------------

STANDARD = """        standar:
          nilai: "92%"
          sumber: Standar pelayanan kepegawaian BKN
        unit: [ppik, mpk]
"""


def test_a_standard_reaches_the_lkjip(tmp_path):
    repo = full_year(tmp_path / "repo")
    edit(repo / "cycles/renstra.yaml", "        unit: [ppik, mpk]\n", STANDARD)
    made = report_of(repo)
    assert isinstance(made, Lkjip)
    ss31 = made.objectives[2].indicators[0]
    assert (ss31.standard, ss31.standard_source) == ("92%", "Standar pelayanan kepegawaian BKN")


def test_the_renstra_workbook_keeps_the_standard_it_has_no_column_for(tmp_path):
    repo = copy_example(tmp_path / "repo")
    edit(repo / "cycles/renstra.yaml", "        unit: [ppik, mpk]\n", STANDARD)
    book = tmp_path / "renstra.xlsx"
    assert rkt(repo, "renstra-template", "--out", str(book)).returncode == 0
    proc = rkt(repo, "import-renstra", str(book), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert STANDARD in (repo / "cycles/renstra.yaml").read_text(encoding="utf-8")
    renstra = validate(repo, today=DAY).repository.renstra
    ind = next(i for _, i in renstra.indicators() if i.code == "SS3.1")
    assert (ind.standard, ind.standard_source) == ("92%", "Standar pelayanan kepegawaian BKN")
