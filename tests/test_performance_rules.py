"""`rkt validate` on the performance year: the Rencana Aksi, the quarterly reports, how capaian is
measured (Renstra `arah`/`agregasi`, agency.yaml's category scale), and, against a base revision,
the record of changes to a merged report. Each case edits a copy of the example the way a clerk
would and reads the problem of one code: file, line, severity and the words that tell what to do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.problems import edit
from support.repos import TODAY, commit, git

from generator.check.validate import validate

Y = "cycles/2026"
MPK_PLAN = f"{Y}/renaksi/mpk.yaml"
PPIK_PLAN = f"{Y}/renaksi/ppik.yaml"
PSDM_PLAN = f"{Y}/renaksi/psdm.yaml"
SEK_PLAN = f"{Y}/renaksi/sekretariat.yaml"
TW1_PPIK = f"{Y}/laporan/tw1/ppik.yaml"
TW2_MPK = f"{Y}/laporan/tw2/mpk.yaml"
TW3_MPK = f"{Y}/laporan/tw3/mpk.yaml"
TW3_SEK = f"{Y}/laporan/tw3/sekretariat.yaml"

SS2_1 = ('  - kode: SS2.1\n    # Indeks Profesionalitas ASN diukur sekali setahun, pada triwulan IV\n'
         '    target_triwulan: ["-", "-", "-", "72,00"]\n    penanggung_jawab: kabid-psdm\n'
         '    kegiatan: ["5.03.02.2.03"]\n    aksi:\n'
         '      - uraian: Pengukuran Indeks Profesionalitas ASN bersama BKN\n        triwulan: [4]\n')


def found(repo: Path, code: str, today: dt.date = TODAY) -> list[tuple[str, int, str, str]]:
    """(file, line, severity, message) of every problem with `code`."""
    return [(p.file, p.line, p.severity, p.message) for p in validate(repo, today=today).problems if p.code == code]


def where(repo: Path, code: str, today: dt.date = TODAY) -> list[tuple[str, int, str]]:
    return [(f, line, s) for f, line, s, _ in found(repo, code, today)]


def words(repo: Path, code: str) -> str:
    return " | ".join(m for *_, m in found(repo, code))


# (edits as (file, old, new), code, expected (file, line, severity), words every message holds)
CASES = [
    # --- Rencana Aksi -------------------------------------------------------------------
    ("rencana-aksi-tahun-lain", [(MPK_PLAN, "tahun: 2026", "tahun: 2025")], "RKT213",
     [(MPK_PLAN, 5, "error")], ["tahun 2025", "cycles/2025/renaksi/"]),
    ("rencana-aksi-unit-lain", [(MPK_PLAN, "unit: mpk", "unit: ppik")], "RKT213",
     [(MPK_PLAN, 6, "error")], ["'ppik'", "mpk.yaml", "cycles/2026/renaksi/ppik.yaml"]),
    ("indikator-bukan-renstra", [(MPK_PLAN, "  - kode: SS4.2\n", "  - kode: SS9.9\n")], "RKT203",
     [(MPK_PLAN, 35, "error")], ["SS9.9", "cycles/renstra.yaml", "SS1.1"]),
    ("indikator-tanpa-target-rkt", [(f"{Y}/forms/mpk.yaml", 'target: "100%"', 'target: "-"')], "RKT240",
     [(MPK_PLAN, 35, "error")], ["SS4.2", "RKT 2026", "hapus indikator ini"]),
    ("indikator-dua-unit", [(PSDM_PLAN, "indikator:\n", 'indikator:\n  - kode: SS4.2\n    target_triwulan: ["100%", '
                                                      '"100%", "100%", "100%"]\n    penanggung_jawab: kabid-psdm\n')],
     "RKT241", [(MPK_PLAN, 35, "error"), (PSDM_PLAN, 11, "error")],
     ["SS4.2", "cycles/2026/renaksi/mpk.yaml", "cycles/2026/renaksi/psdm.yaml", "hapus dari berkas yang lain"]),
    ("iku-tanpa-rencana-aksi", [(PSDM_PLAN, SS2_1, "")], "RKT242", [(PSDM_PLAN, 10, "warning")],
     ["SS2.1", "Perjanjian Kinerja", "72,00", "PSDM", "cycles/2026/renaksi/psdm.yaml"]),
    ("penanggung-jawab-bukan-pegawai", [(PPIK_PLAN, "    penanggung_jawab: kabid-ppik\n    kegiatan: [\"5.03.02.2.01.0004\"]",
                                         "    penanggung_jawab: kabid-pik\n    kegiatan: [\"5.03.02.2.01.0004\"]")],
     "RKT201", [(PPIK_PLAN, 20, "error")], ["kabid-pik", "cycles/agency.yaml"]),
    ("kegiatan-bukan-form-unit", [(PPIK_PLAN, 'kegiatan: ["5.03.02.2.01.0004"]', 'kegiatan: ["5.03.02.2.09"]')],
     "RKT243", [(PPIK_PLAN, 21, "error")], ["5.03.02.2.09", "cycles/2026/forms/ppik.yaml", "5.03.02.2.01.0004"]),
    ("kegiatan-berupa-program", [(PPIK_PLAN, 'kegiatan: ["5.03.02.2.01.0004"]', 'kegiatan: ["5.03.02"]')],
     "RKT243", [(PPIK_PLAN, 21, "error")], ["5.03.02", "kode program, bukan kegiatan"]),
    ("target-triwulan-tidak-sampai", [(SEK_PLAN, "target_triwulan: [1, 1, 1, 2]", "target_triwulan: [1, 1, 1, 1]")],
     "RKT244", [(SEK_PLAN, 21, "error")], ["SS4.3", "(1, 1, 1, 1)", "'jumlah'", "menghasilkan 4", "RKT 5"]),
    ("target-triwulan-satuan-lain", [(MPK_PLAN, 'target_triwulan: ["80%", "81%"', 'target_triwulan: ["5 orang", "81%"')],
     "RKT245", [(MPK_PLAN, 22, "error")], ["TW I", "SS1.2", "\"5 orang\"", "'orang'", "\"84%\"", "persen (%)"]),
    ("target-triwulan-rentang", [(MPK_PLAN, 'target_triwulan: ["80%", "81%"', 'target_triwulan: ["80–82%", "81%"')],
     "RKT245", [(MPK_PLAN, 22, "error")], ["rentang", "\"84%\""]),
    ("target-triwulan-bukan-rentang", [(MPK_PLAN, '["85–95%", "85–95%", "85–95%", "85–95%"]',
                                        '["85–95%", "90%", "85–95%", "85–95%"]')],
     "RKT245", [(MPK_PLAN, 29, "error")], ["TW II", "\"90%\"", "rentang"]),
    ("target-triwulan-titik", [(MPK_PLAN, '["0,62", "0,63"', '["0.62", "0,63"')], "RKT222",
     [(MPK_PLAN, 13, "warning")], ["0.62", "\"0,62\""]),
    ("rencana-anggaran-program-lain", [(MPK_PLAN, '  - program: "5.03.02"', '  - program: "5.03.09"')], "RKT243",
     [(MPK_PLAN, 44, "error")], ["5.03.09", "cycles/2026/forms/mpk.yaml", "5.03.02"]),
    ("rencana-anggaran-melebihi-pagu", [(MPK_PLAN, "[150000000, 250000000, 250000000, 215000000]",
                                         "[150000000, 250000000, 250000000, 915000000]")],
     "RKT246", [(MPK_PLAN, 45, "warning")], ["Rp 1.565.000.000", "Rp 865.000.000", "Rp 700.000.000"]),
    # --- how capaian is measured -----------------------------------------------------------
    ("persentase-dijumlahkan", [("cycles/renstra.yaml", '        unit: [psdm]\n        target:\n          2025: "60%"',
                                 '        agregasi: jumlah\n        unit: [psdm]\n        target:\n          2025: "60%"')],
     "RKT247", [("cycles/renstra.yaml", 66, "error")],
     ["SS2.2", "persentase tidak boleh dijumlahkan antar triwulan", "agregasi: terakhir"]),
    ("rentang-tanpa-rentang", [("cycles/renstra.yaml", '          2027: "85–95%"', '          2027: "90%"')], "RKT248",
     [("cycles/renstra.yaml", 155, "error")], ["SS5.1", "'rentang'", "2027", "\"90%\"", "85–95%"]),
    ("rentang-tanpa-arah", [("cycles/renstra.yaml", '          2027: "88%"', '          2027: "85–90%"')], "RKT248",
     [("cycles/renstra.yaml", 43, "error")], ["SS1.2", "\"85–90%\"", "arah: rentang"]),
    ("kategori-tidak-sampai-nol", [("cycles/agency.yaml", "    - paling_rendah: 0\n", "    - paling_rendah: 10\n")],
     "RKT249", [("cycles/agency.yaml", 139, "error")], ["Sangat Kurang", "10%", "paling_rendah: 0"]),
    ("kategori-tidak-menurun", [("cycles/agency.yaml", "    - paling_rendah: 66\n", "    - paling_rendah: 76\n")],
     "RKT249", [("cycles/agency.yaml", 135, "error")], ["'Baik'", "'Cukup'", "76%", "turun"]),
    ("kategori-tidak-berurutan", [("cycles/agency.yaml", "    - paling_rendah: 66\n", "    - paling_rendah: 80\n")],
     "RKT249", [("cycles/agency.yaml", 135, "error")], ["'Cukup' (mulai 80%)", "di bawah 'Baik' (mulai 76%)",
                                                          "berurutan"]),
    # --- quarterly reports -----------------------------------------------------------------
    ("laporan-triwulan-lain", [(f"{Y}/laporan/tw1/mpk.yaml", "triwulan: 1", "triwulan: 2")], "RKT213",
     [(f"{Y}/laporan/tw1/mpk.yaml", 6, "error")], ["triwulan 2", "(tw1)", "cycles/2026/laporan/tw2/"]),
    ("laporan-unit-lain", [(f"{Y}/laporan/tw1/mpk.yaml", "unit: mpk", "unit: psdm")], "RKT213",
     [(f"{Y}/laporan/tw1/mpk.yaml", 7, "error")], ["'psdm'", "mpk.yaml"]),
    ("laporan-tahun-lain", [(f"{Y}/laporan/tw1/mpk.yaml", "tahun: 2026", "tahun: 2027")], "RKT213",
     [(f"{Y}/laporan/tw1/mpk.yaml", 5, "error")], ["tahun 2027", "cycles/2027/laporan/"]),
    ("realisasi-bukan-rencana-aksi", [(TW2_MPK, "  - kode: SS1.2\n", "  - kode: SS3.2\n")], "RKT252",
     [(TW2_MPK, 15, "error")], ["SS3.2", "MPK", "cycles/2026/renaksi/mpk.yaml", "SS1.1, SS1.2, SS5.1, SS4.2"]),
    ("realisasi-satuan-lain", [(TW2_MPK, 'realisasi: "82%"', "realisasi: 12 orang")], "RKT253",
     [(TW2_MPK, 16, "error")], ["SS1.2", "\"12 orang\"", "'orang'", "target TW II-nya di Rencana Aksi \"81%\"",
                                "persen (%)", "\"12%\""]),
    ("realisasi-teks", [(TW2_MPK, 'realisasi: "82%"', "realisasi: sesuai rencana")], "RKT253",
     [(TW2_MPK, 16, "error")], ["\"sesuai rencana\"", "teks, bukan angka", "\"81%\""]),
    ("realisasi-indeks-dalam-persen", [(TW2_MPK, 'realisasi: "0,64"', 'realisasi: "64%"')], "RKT253",
     [(TW2_MPK, 13, "error")], ["SS1.1", "\"64%\"", "'indeks'"]),
    ("realisasi-rentang", [(TW2_MPK, 'realisasi: "88%"', 'realisasi: "85–90%"')], "RKT253",
     [(TW2_MPK, 18, "error")], ["SS5.1", "rentang", "\"85–95%\""]),
    ("realisasi-angka-untuk-predikat", [(TW3_SEK, "realisasi: B\n", 'realisasi: "80%"\n')], "RKT253",
     [(TW3_SEK, 13, "error")], ["SS4.1", "predikat", "\"BB\""]),
    ("realisasi-titik-desimal", [(TW2_MPK, 'realisasi: "0,64"', 'realisasi: "0.64"')], "RKT254",
     [(TW2_MPK, 13, "error")], ["SS1.1", "\"0.64\"", "titik desimal", "tulis \"0,64\""]),
    ("realisasi-titik-ribuan", [(f"{Y}/laporan/tw2/ppik.yaml", "realisasi: 10\n", 'realisasi: "1.500 hari kerja"\n')],
     "RKT254", [(f"{Y}/laporan/tw2/ppik.yaml", 18, "error")], ["\"1,500 hari kerja\" bila pecahan",
                                                               "\"1500 hari kerja\" bila ribuan"]),
    ("realisasi-belum-ada", [(TW2_MPK, '  - kode: SS1.2\n    realisasi: "82%"\n', "")], "RKT255",
     [(TW2_MPK, 11, "warning")], ["SS1.2", "81%", "TW II", "cycles/2026/renaksi/mpk.yaml"]),
    ("realisasi-strip", [(TW2_MPK, 'realisasi: "82%"', 'realisasi: "-"')], "RKT255",
     [(TW2_MPK, 16, "warning")], ["SS1.2", "belum diberi realisasi"]),
    ("realisasi-ganda", [(TW2_MPK, "  - kode: SS1.2\n", "  - kode: SS1.1\n")], "RKT205",
     [(TW2_MPK, 15, "error")], ["SS1.1"]),
    ("anggaran-bukan-form-unit", [(TW2_MPK, '  - kode: "5.03.02"', '  - kode: "5.03.09"')], "RKT243",
     [(TW2_MPK, 26, "error")], ["5.03.09", "cycles/2026/forms/mpk.yaml", "5.03.02"]),
    ("anggaran-setahun-melebihi-pagu", [(TW3_MPK, "realisasi: 240000000", "realisasi: 940000000")], "RKT256",
     [(TW3_MPK, 27, "warning")], ["5.03.02", "TW III", "Rp 1.310.000.000", "Rp 865.000.000", "bukan kumulatif"]),
    ("bukti-tidak-ada", [(TW1_PPIK, "bukti: [bukti/tw1-rekap-siasn.pdf]", "bukti: [bukti/tw1-rekap.pdf]")], "RKT211",
     [(TW1_PPIK, 19, "error")], ["bukti/tw1-rekap.pdf", "cycles/2026/", "unggah berkasnya"]),
    ("perubahan-oleh-bukan-pegawai", [(TW1_PPIK, "    oleh: kabid-ppik", "    oleh: kabid-pik")], "RKT201",
     [(TW1_PPIK, 36, "error")], ["kabid-pik", "cycles/agency.yaml"]),
]


@pytest.mark.parametrize("edits, code, expected, keys", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(example, edits, code, expected, keys):
    assert found(example, code) == []  # the example is clean of it: the edit alone brings it
    for file, old, new in edits:
        edit(example / file, old, new)
    assert where(example, code) == expected
    text = words(example, code)
    for key in keys:
        assert key in text, (key, text)


def test_the_example_year_is_clean(example):
    assert validate(example, today=TODAY).problems == ()


def test_a_report_for_a_quarter_not_ended_is_refused_until_the_day_after(example):
    tw4 = example / f"{Y}/laporan/tw4/mpk.yaml"
    tw4.parent.mkdir()
    tw4.write_text((example / TW3_MPK).read_text().replace("triwulan: 3", "triwulan: 4"))
    assert found(example, "RKT250") == [
        (f"{Y}/laporan/tw4/mpk.yaml", 6, "error",
         "TW IV 2026 baru berakhir pada 2026-12-31 (hari ini 2026-11-28); laporan triwulan diajukan setelah "
         "triwulannya berakhir. Simpan dulu isinya di luar repositori dan ajukan mulai 2027-01-01")]
    assert where(example, "RKT250", dt.date(2026, 12, 31)) == [(f"{Y}/laporan/tw4/mpk.yaml", 6, "error")]
    assert where(example, "RKT250", dt.date(2027, 1, 1)) == []


def test_a_report_of_a_unit_without_a_rencana_aksi(example):
    (example / PSDM_PLAN).unlink()
    assert where(example, "RKT251") == [(f"{Y}/laporan/tw{q}/psdm.yaml", 7, "error") for q in (1, 2, 3)]
    assert "belum memiliki Rencana Aksi 2026 (cycles/2026/renaksi/psdm.yaml)" in words(example, "RKT251")
    # the IKU it carried is now in none: the Rencana Aksi of the year warns, at the year's cycle.yaml
    assert where(example, "RKT242") == [(f"{Y}/cycle.yaml", 5, "warning")]


def test_an_invalid_rencana_aksi_is_not_reported_missing(example):
    edit(example / PSDM_PLAN, "tahun: 2026", "tahun: dua ribu")
    result = validate(example, today=TODAY)
    assert {p.code for p in result.problems if p.file.startswith(f"{Y}/laporan/")} == set()
    assert [p.code for p in result.problems if p.file == PSDM_PLAN] == ["RKT103"]


def test_kegiatan_are_checked_only_once_the_units_form_is_in(example):
    (example / f"{Y}/forms/psdm.yaml").unlink()
    assert where(example, "RKT243") == [  # each report's spending, each indicator's kegiatan
        (f"{Y}/laporan/tw1/psdm.yaml", 17, "warning"), (f"{Y}/laporan/tw2/psdm.yaml", 16, "warning"),
        (f"{Y}/laporan/tw3/psdm.yaml", 15, "warning"), (PSDM_PLAN, 15, "warning"), (PSDM_PLAN, 23, "warning")]
    assert "Form RKT 2026 unit PSDM (cycles/2026/forms/psdm.yaml) belum ada" in words(example, "RKT243")


def test_a_misnamed_file_is_told_where_it_belongs_and_nothing_else(example):
    edit(example / MPK_PLAN, "unit: mpk", "unit: ppik")
    edit(example / TW2_MPK, "unit: mpk", "unit: psdm")
    result = validate(example, today=TODAY)
    assert sorted((p.file, p.line, p.code) for p in result.problems) == [
        (TW2_MPK, 7, "RKT213"), (MPK_PLAN, 6, "RKT213")]


def test_a_realisation_against_a_quarter_without_target_is_read_against_the_year(example):
    """SS2.1 is measured in TW IV only ("-" before): a TW I realisation is read against the year's 72,00."""
    edit(example / f"{Y}/laporan/tw1/psdm.yaml", "realisasi:\n", 'realisasi:\n  - kode: SS2.1\n    realisasi: "70%"\n')
    assert where(example, "RKT253") == [(f"{Y}/laporan/tw1/psdm.yaml", 13, "error")]
    assert "target tahunannya di RKT 2026 \"72,00\" dalam satuan 'indeks'" in words(example, "RKT253")


# --- against a base revision: a merged report changes with a recorded reason -------------------

def history(repo: Path, code: str) -> list[tuple[str, int, str]]:
    result = validate(repo, today=TODAY, base="main")
    return [(p.file, p.line, p.message) for p in result.problems if p.code == code]


@pytest.fixture
def merged(example_git: Path) -> Path:
    git(example_git, "checkout", "-q", "-b", "koreksi-laporan")
    return example_git


@pytest.mark.git
def test_changing_a_merged_report_needs_a_new_perubahan_entry(merged):
    edit(merged / TW2_MPK, 'realisasi: "82%"', 'realisasi: "83%"')
    commit(merged, "Koreksi realisasi")
    found_ = history(merged, "RKT310")
    assert [(f, line) for f, line, _ in found_] == [(TW2_MPK, 16)]
    message = found_[0][2]
    for key in ("laporan TW II 2026 unit mpk", "realisasi indikator SS1.2", "tanpa catatan perubahan baru",
                "'perubahan'", "alasan"):
        assert key in message, message


@pytest.mark.git
def test_a_merged_report_is_never_deleted(merged):
    (merged / TW2_MPK).unlink()
    commit(merged, "Hapus laporan")
    result = validate(merged, today=TODAY, base="main")
    found_ = [p for p in result.problems if p.code == "RKT312"]
    assert [(p.file, p.line, p.is_error) for p in found_] == [(TW2_MPK, 1, True)]
    for key in ("laporan TW II 2026 unit mpk sudah disetujui, lalu berkasnya dihapus", "riwayat Git", "'perubahan'"):
        assert key in found_[0].message, found_[0].message
    assert not result.ok


@pytest.mark.git
def test_a_change_with_its_reason_passes(merged):
    edit(merged / TW2_MPK, 'realisasi: "82%"', 'realisasi: "83%"')
    path = merged / TW2_MPK
    path.write_text(path.read_text() + "\nperubahan:\n  - tanggal: 2026-11-20\n    oleh: kabid-mpk\n"
                    "    alasan: Realisasi dikoreksi setelah rekonsiliasi data jabatan\n")
    commit(merged, "Koreksi realisasi dengan alasan")
    result = validate(merged, today=TODAY, base="main")
    assert [p for p in result.problems if p.is_error] == []


@pytest.mark.git
def test_the_perubahan_list_is_append_only(merged):
    edit(merged / TW1_PPIK, "alasan: Realisasi data ASN mutakhir dikoreksi", "alasan: Realisasi data ASN dikoreksi")
    commit(merged, "Ubah alasan")
    found_ = history(merged, "RKT311")
    assert [(f, line) for f, line, _ in found_] == [(TW1_PPIK, 35)]
    assert "catatan perubahan ke-1 (tanggal 2026-04-20 oleh kabid-ppik) diubah" in found_[0][2]


@pytest.mark.git
def test_a_removed_perubahan_entry_is_refused(merged):
    path = merged / TW1_PPIK
    text = path.read_text()
    path.write_text(text[:text.index("# Catatan perubahan")])
    commit(merged, "Hapus catatan")
    assert [(f, line) for f, line, _ in history(merged, "RKT311")] == [(TW1_PPIK, 1)]
    assert "dihapus" in history(merged, "RKT311")[0][2]


@pytest.mark.git
def test_a_new_report_needs_no_perubahan(merged):
    tw4 = merged / f"{Y}/laporan/tw4/mpk.yaml"
    tw4.parent.mkdir()
    tw4.write_text((merged / TW3_MPK).read_text().replace("triwulan: 3", "triwulan: 4"))
    commit(merged, "Laporan TW IV")
    result = validate(merged, today=dt.date(2027, 1, 5), base="main")
    assert [p for p in result.problems if p.code in ("RKT310", "RKT311")] == []
