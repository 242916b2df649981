"""Cycles recorded after the fact (`dicatat_kemudian`): made without an invented start date, shown
with what was recorded and no SOP schedule, finished on the day the RKT was signed (not on the day
`rkt sign` archived the scan), and with one count of forms on the Beranda, `rkt status`, the
published data and the regency view.

The scenario, as a new agency records its past: `rkt init`, its placeholders filled, a Renstra of
2021-2025; RKT 2021 recorded afterwards with one form whose `tanggal` nobody knows, signed on
10 December 2020 and archived with `rkt sign` on 6 December 2026; RKT 2022 recorded afterwards,
unsigned, without a start; RKT 2023 recorded afterwards with the start it had."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from pdf import minimal_pdf
from support.cli import rkt
from support.repos import git

from generator.commands import init, kabupaten
from generator.regency import data as regency_data

TODAY = "2026-12-06"
REGENCY = "Pemerintah Kabupaten Balangan"


def text_of(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", article)))


def fill_placeholders(root: Path) -> None:
    """Real-looking values for every "(isi ...)" of `rkt init`, and a Renstra of 2021-2025."""
    agency = root / "cycles/agency.yaml"
    text = agency.read_text(encoding="utf-8")
    text = text.replace("(isi singkatan nama instansi)", "Dinkes").replace(
        "(isi alamat kantor seperti pada kop surat)", "Jl. A. Yani No. 1 Paringin")
    serial = iter(range(1, 100))
    text = re.sub(r"\(isi NIP\)", lambda _: f'"19800101200501100{next(serial)}"', text)
    text = re.sub(r"\(isi nama ([^)]*)\)", lambda m: "Budi " + m.group(1).split()[0], text)
    text = re.sub(r"\(isi jabatan ([^)]*)\)", lambda m: m.group(1), text)
    agency.write_text(text, encoding="utf-8")
    renstra = root / "cycles/renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    text = text.replace("(isi judul Renstra, misalnya Rencana Strategis ... Tahun 2025-2029)",
                        "Rencana Strategis Dinas Kesehatan 2021-2025")
    text = text.replace("mulai: 2026", "mulai: 2021").replace("selesai: 2030", "selesai: 2025")
    text = text.replace("(isi uraian tujuan)", "Meningkatnya kinerja").replace(
        "(isi uraian sasaran strategis)", "Meningkatnya kualitas layanan").replace(
        "(isi uraian indikator kinerja)", "Persentase layanan tepat waktu").replace("(isi satuan)", '"%"')
    for new, old in zip(range(2026, 2031), range(2021, 2026), strict=True):
        text = text.replace(f"{new}: (isi target)", f'{old}: "90"')
    renstra.write_text(text, encoding="utf-8")
    assert not re.search(r":\s*\(isi", agency.read_text() + renstra.read_text())  # (comments may still say it)


def ok(proc) -> str:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def agency(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("opd") / "dinkes"
    assert init.init(root, "Dinas Kesehatan", REGENCY, "Paringin", "budi-it", dt.date(2026, 12, 6)).code == 0
    fill_placeholders(root)
    ok(rkt(root, "new-cycle", "2021", "--dicatat-kemudian", "--today", TODAY))
    ok(rkt(root, "new-form", "2021", "sekretariat"))
    ok(rkt(root, "new-cycle", "2022", "--arsip", "--today", TODAY))
    ok(rkt(root, "new-cycle", "2023", "--dicatat-kemudian", "--start", "2022-11-07", "--today", TODAY))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Arsip RKT 2021-2023")
    scan = root.parent / "rkt-2021.pdf"
    scan.write_bytes(minimal_pdf(["RKT 2021"]))
    ok(rkt(root, "sign", "2021", str(scan), "--date", "2020-12-10", "--today", TODAY))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "RKT 2021 bertanda tangan")
    ok(rkt(root, "build", "--today", TODAY))
    return root


@pytest.fixture(scope="module")
def regency(agency, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kab") / "kabupaten"
    assert kabupaten.init(root, REGENCY).code == 0
    (root / "kabupaten.yaml").write_text(yaml.safe_dump({
        "kabupaten": {"nama": REGENCY, "zona_waktu": "Asia/Makassar"}, "sasaran": [],
        "opd": [{"kode": "dinkes", "nama": "Dinas Kesehatan", "data": str(agency / "site/data/rkt.json")}]},
        allow_unicode=True), encoding="utf-8")
    ok(rkt(root, "kabupaten", "build", "--today", TODAY))
    return root


# --- making one ---------------------------------------------------------------------------------

def test_new_cycle_dicatat_kemudian_needs_no_start_date(example):
    proc = rkt(example, "new-cycle", "2024", "--dicatat-kemudian", "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stderr
    assert "Siklus 2024 dibuat: cycles/2024/cycle.yaml (dicatat kemudian, tanpa tanggal mulai, 4 unit wajib)" \
        in proc.stdout
    data = yaml.safe_load((example / "cycles/2024/cycle.yaml").read_text())
    assert data["dicatat_kemudian"] is True and "mulai" not in data
    assert rkt(example, "validate", "--today", "2026-11-28").returncode == 0


def test_a_past_year_without_start_is_told_to_record_it_afterwards(example):
    proc = rkt(example, "new-cycle", "2024", "--today", "2026-11-28")
    assert proc.returncode == 2
    assert "RKT 2024 sudah lewat" in proc.stderr and "rkt new-cycle 2024 --dicatat-kemudian" in proc.stderr
    assert not (example / "cycles/2024").exists()
    running = rkt(example, "new-cycle", "2028", "--today", "2026-11-28")
    assert running.returncode == 2 and "--start TTTT-BB-HH" in running.stderr and "dicatat" not in running.stderr


def test_only_a_cycle_recorded_afterwards_may_go_without_a_start(example):
    cycle = example / "cycles/2027/cycle.yaml"
    cycle.write_text(re.sub(r"^mulai: .*\n", "", cycle.read_text(), flags=re.M))
    proc = rkt(example, "validate", "--today", "2026-11-28")
    assert proc.returncode == 1
    assert re.search(r"cycles/2027/cycle\.yaml:\d+:\d+: RKT101 kunci wajib 'mulai' \(Tanggal mulai; tidak wajib "
                     r"hanya bila siklus dicatat kemudian", proc.stdout), proc.stdout
    cycle.write_text(cycle.read_text().replace("tahun: 2027\n", "tahun: 2027\ndicatat_kemudian: true\n"))
    assert rkt(example, "validate", "--today", "2026-11-28").returncode == 0


# --- what it shows ------------------------------------------------------------------------------


@pytest.mark.site
@pytest.mark.git
def test_rkt_status_shows_what_was_recorded_and_the_signing_as_the_finish(agency):
    out = ok(rkt(agency, "status", "2021", "--today", TODAY))
    assert "RKT 2021 — dicatat kemudian" in out
    assert "Tenggat" not in out and "Perkiraan" not in out and "terlambat" not in out.lower().replace(
        "tenggat, perkiraan atau keterlambatan", "")
    assert re.search(r"^10  Tanda Tangan +Kepala Badan +10 Des 2020 +Selesai$", out, re.M), out
    assert "Selesai: ditandatangani 10 Desember 2020, diarsipkan di repositori 6 Desember 2026" in out
    unsigned = ok(rkt(agency, "status", "2022", "--today", TODAY))
    assert "Selesai: tanggal tanda tangan tidak tercatat" in unsigned and "Tenggat" not in unsigned
    with_start = ok(rkt(agency, "status", "2023", "--today", TODAY))
    assert "Tenggat" not in with_start and "Perkiraan" not in with_start


@pytest.mark.site
@pytest.mark.git
def test_the_form_count_is_the_same_on_beranda_status_published_data_and_regency(agency, regency):
    # the form is in the repository, the day it came in is not recorded (no `tanggal`)
    assert "tanggal:" not in (agency / "cycles/2021/forms/sekretariat.yaml").read_text().split("kinerja:")[0]
    assert "Form RKT masuk: 1 dari 1 unit" in ok(rkt(agency, "status", "2021", "--today", TODAY))
    assert "Form RKT tercatat 1 dari 1 unit" in text_of(agency / "site/siklus/2021.html")
    published = json.loads((agency / "site/data/rkt.json").read_text())
    cycle = next(c for c in published["siklus"] if c["tahun"] == 2021)
    assert cycle["form_masuk"] == 1 and cycle["unit_wajib"] == 1
    year = text_of(regency / "site/tahun/2021.html")
    assert re.search(r"Dinas Kesehatan Dicatat kemudian dicatat kemudian — 1 dari 1 versi 1, 10 Des 2020", year), year


@pytest.mark.site
@pytest.mark.git
def test_the_cycle_page_has_no_schedule_and_finishes_when_signed(agency):
    text = text_of(agency / "site/siklus/2021.html")
    assert "Dicatat kemudian · keadaan per 6 Desember 2026" in text
    assert "Ditandatangani 10 Desember 2020" in text and "Pindaian diarsipkan 6 Desember 2026" in text
    for schedule in ("Jadwal SOP", "jadwal SOP selesai", "Jadwal dasar", "Tenggat", "Hari kerja", "Mulai "):
        assert schedule not in text, schedule
    assert "selesai 6 Des" not in text and "selesai 6 Desember 2026" not in text
    assert "10 Tanda Tangan Kepala Badan selesai 10 Des 2020" in text
    assert "11 Pengarsipan Tim diarsipkan 6 Des 2026" in text
    home = text_of(agency / "site/siklus/index.html")
    assert "Siklus 2021 (dicatat kemudian, ditandatangani 10 Desember 2020)" in home
    assert "mulai 7 November 2022" in text_of(agency / "site/siklus/2023.html")  # the start it had, no more
    assert "Jadwal SOP" not in text_of(agency / "site/siklus/2023.html")


@pytest.mark.site
@pytest.mark.git
def test_the_published_data_has_no_schedule_and_the_signing_as_finish(agency):
    published = {c["tahun"]: c for c in json.loads((agency / "site/data/rkt.json").read_text())["siklus"]}
    c = published[2021]
    assert c["fase"] == "dicatat" and c["mulai"] is None and c["jadwal_dasar_selesai"] is None
    assert (c["perkiraan_selesai"], c["dasar_perkiraan"], c["perkiraan_tertinggal_hari_kerja"]) == \
        ("2020-12-10", "selesai", 0)
    assert c["diarsipkan"] == "2026-12-06"
    assert all(s["jadwal_dasar_mulai"] is None and s["jadwal_dasar_selesai"] is None and s["tenggat"] is None
               and s["terlambat_hari_kerja"] == 0 for s in c["langkah"])
    assert published[2022]["perkiraan_selesai"] is None and published[2023]["mulai"] == "2022-11-07"
    assert published[2023]["jadwal_dasar_selesai"] is None


@pytest.mark.site
@pytest.mark.git
def test_the_regency_shows_the_signing_as_finish_and_no_schedule(agency, regency):
    text = text_of(regency / "site/opd/dinkes.html")
    # in full: the newest finished cycle (2023, recorded with its start, unsigned); the older ones in a line
    assert "Fase Dicatat kemudian Mulai 7 November 2022 Selesai — Form unit 0 dari 1 masuk" in text
    assert "2021 Dicatat kemudian 10 Desember 2020 (ditandatangani) versi 1, 10 Des 2020" in text
    assert "Jadwal SOP" not in text and "Jadwal dasar" not in text and "Perkiraan selesai" not in text and "6 Desember 2026 (selesai)" not in text
    assert "10 Desember 2020 (ditandatangani)" in text_of(regency / "site/tahun/2021.html")
    # what the regency reads of the archiving: a date apart from the finish, shown as such in full
    cycle = regency_data.from_data(json.loads((agency / "site/data/rkt.json").read_text())).cycle(2021)
    assert cycle is not None and (cycle.forecast, cycle.archived, cycle.submitted, cycle.baseline_end) == \
        (dt.date(2020, 12, 10), dt.date(2026, 12, 6), 1, None)


@pytest.mark.site
@pytest.mark.git
def test_an_unsigned_recorded_cycle_without_start_leaves_the_signing_year_before_its_plan(agency):
    assert "Paringin, ...................... 2021" in text_of(agency / "site/rkt/2022.html")
    assert "Paringin, 10 Desember 2020" in text_of(agency / "site/rkt/2021.html")
