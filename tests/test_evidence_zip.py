"""`rkt export YEAR --document bukti-lke`: the evidence of the SAKIP evaluation as one ZIP, its index
workbook checked against the history of a real repository (`rkt demo`: the Rencana Aksi and every
report of 2026 are pull requests merged on their days), the files copied as they are, what the
repository does not hold said plainly, the same bytes twice; and without Git history no date or
person is invented."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from support.cli import rkt, rkt_here
from support.repos import ROOT, TODAY, copy_example, git

NO_HISTORY = "tidak tercatat (tanpa riwayat Git)"
WITA = ZoneInfo("Asia/Makassar")
UNITS = ("mpk", "ppik", "psdm", "sekretariat")
SHEETS = ["Petunjuk", "1 Perencanaan", "2 Pengukuran", "3 Pelaporan", "4 Evaluasi Internal", "Belum tersedia"]
COLUMNS = ["No", "Bukti", "Sub-komponen", "Berkas dalam ZIP", "SHA-256", "Tanggal", "Dasar tanggal", "Diajukan oleh",
           "Disetujui (digabung) oleh", "Commit", "Berkas di repositori", "Keterangan"]


# --- reading what the user gets ----------------------------------------------

def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def index(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(entries(data)["indeks-bukti.xlsx"]))


def rows(book: openpyxl.Workbook, sheet: str) -> list[dict[str, object]]:
    """The item rows of a component sheet, by column title."""
    values = list(book[sheet].iter_rows(values_only=True))
    header = values.index(tuple(COLUMNS))
    return [dict(zip(COLUMNS, r, strict=True)) for r in values[header + 1:] if isinstance(r[0], int)]


def missing(book: openpyxl.Workbook) -> list[tuple[str, str, str]]:
    """(component, evidence, why) of every row of "Belum tersedia"."""
    return [(str(r[1]), str(r[2]), str(r[3])) for r in book["Belum tersedia"].iter_rows(values_only=True)
            if isinstance(r[0], int)]


def run_git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def merged_files(repo: Path) -> dict[str, tuple[str, str, str, str]]:
    """From `git log` of main: each file a pull request added -> (merge day in WITA, who merged it,
    who wrote the branch's change, the merge commit)."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for line in run_git(repo, "log", "--first-parent", "--merges", "--reverse", "--format=%H %P").splitlines():
        merge, first, branch = line.split()
        merger, when = run_git(repo, "log", "-1", "--format=%an%x00%cI", merge).strip().split("\0")
        author = run_git(repo, "log", "-1", "--format=%an", branch).strip()
        day = dt.datetime.fromisoformat(when).astimezone(WITA).date().isoformat()
        for path in run_git(repo, "diff", "--name-only", "--diff-filter=A", first, merge).split():
            out[path] = (day, merger, author, merge)
    return out


# --- the demo's history -----------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, bytes, bytes, str]:
    """`rkt demo`, then the evidence of 2026 exported twice: (repository, first ZIP, second ZIP, output)."""
    base = tmp_path_factory.mktemp("bukti")
    repo = base / "contoh"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    made = subprocess.run([sys.executable, "-m", "generator", "demo", str(repo)], capture_output=True, text=True,
                          cwd=ROOT, env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    first = rkt(repo, "export", "2026", "--document", "bukti-lke", "--today", TODAY.isoformat(), "--out",
                str(base / "satu.zip"))
    assert first.returncode == 0, first.stdout + first.stderr
    again = rkt(repo, "export", "2026", "--document", "bukti-lke", "--today", TODAY.isoformat(), "--out",
                str(base / "dua.zip"))
    assert again.returncode == 0, again.stdout + again.stderr
    return repo, (base / "satu.zip").read_bytes(), (base / "dua.zip").read_bytes(), first.stdout


@pytest.mark.git
@pytest.mark.site
def test_each_report_and_rencana_aksi_is_dated_by_its_merged_pull_request(demo):
    repo, data, _, _ = demo
    history = merged_files(repo)
    measuring = rows(index(data), "2 Pengukuran")
    shown = {r["Berkas di repositori"]: r for r in measuring}
    reports = sorted(p for p in run_git(repo, "ls-files", "cycles/2026/laporan").split())
    plans = sorted(p for p in run_git(repo, "ls-files", "cycles/2026/renaksi").split())
    assert len(reports) == 12 and len(plans) == 4
    for path in reports + plans:
        day, merger, author, merge = history[path]
        row = shown[path]
        assert (row["Tanggal"], row["Dasar tanggal"]) == (day, "tanggal pull request digabung"), path
        assert (row["Disetujui (digabung) oleh"], row["Diajukan oleh"], row["Commit"]) == (merger, author, merge)
    tw1 = shown["cycles/2026/laporan/tw1/ppik.yaml"]
    assert tw1["Bukti"] == "Laporan TW I 2026 PPIK" and tw1["Sub-komponen"] == "Pengukuran kinerja berkala"
    assert "Batas penyerahan 15 April 2026. Tepat waktu." in str(tw1["Keterangan"])
    assert "Diperbaiki sesudah digabung: 1 kali (20 April 2026)" in str(tw1["Keterangan"])  # the correction PR
    assert "Terlambat 5 hari kerja." in str(shown["cycles/2026/laporan/tw2/psdm.yaml"]["Keterangan"])
    assert {r["Sub-komponen"] for r in measuring if str(r["Berkas di repositori"]).startswith(
        "cycles/2026/renaksi/")} == {"Rencana Aksi"}


@pytest.mark.git
@pytest.mark.site
def test_the_signed_rkt_carries_its_signing_date_and_the_sha256_of_its_file(demo):
    repo, data, _, _ = demo
    planning = {r["Berkas di repositori"]: r for r in rows(index(data), "1 Perencanaan")}
    scan = planning["cycles/2026/signed/rkt-2026-v1.pdf"]
    assert scan["SHA-256"] == hashlib.sha256((repo / "cycles/2026/signed/rkt-2026-v1.pdf").read_bytes()).hexdigest()
    assert (scan["Tanggal"], scan["Dasar tanggal"]) == ("2025-12-03", "tanggal ditandatangani")
    assert scan["Berkas dalam ZIP"] == "1-perencanaan/signed/rkt-2026-v1.pdf"
    assert "Ditandatangani oleh Drs. H. Ahmad Fauzi, M.Si." in str(scan["Keterangan"])
    # archived by a commit on main, not a pull request: said so, nobody is named as approver
    archived = run_git(repo, "log", "--first-parent", "--diff-filter=A", "--format=%H%x00%an", "--",
                       "cycles/2026/signed/rkt-2026-v1.pdf").strip().split("\0")
    assert (scan["Commit"], scan["Diajukan oleh"]) == (archived[0], archived[1])
    assert scan["Disetujui (digabung) oleh"] == "tanpa pull request (commit langsung ke cabang utama)"
    history = merged_files(repo)
    for unit in UNITS:  # the units' forms: who submitted, who approved
        row = planning[f"cycles/2026/forms/{unit}.yaml"]
        assert (row["Tanggal"], row["Disetujui (digabung) oleh"], row["Diajukan oleh"]) == \
            history[f"cycles/2026/forms/{unit}.yaml"][:3]


@pytest.mark.git
@pytest.mark.site
def test_the_zip_holds_every_indexed_file_as_it_is_in_the_repository(demo):
    repo, data, _, _ = demo
    files = entries(data)
    book = index(data)
    assert book.sheetnames == SHEETS
    items = [r for sheet in SHEETS[1:5] for r in rows(book, sheet)]
    assert sorted(files) == sorted(["indeks-bukti.xlsx", *(str(r["Berkas dalam ZIP"]) for r in items)])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == sorted(z.namelist())
    for r in items:
        copied = files[str(r["Berkas dalam ZIP"])]
        assert copied == (repo / str(r["Berkas di repositori"])).read_bytes()
        assert r["SHA-256"] == hashlib.sha256(copied).hexdigest()
    expected = {"1-perencanaan/renstra.yaml", "1-perencanaan/cycle.yaml", "1-perencanaan/signed/rkt-2026-v1.pdf",
                "1-perencanaan/signed/rkt-2026-v1.yaml", "2-pengukuran/bukti/tw1-rekap-siasn.pdf",
                *(f"1-perencanaan/forms/{u}.yaml" for u in UNITS), *(f"2-pengukuran/renaksi/{u}.yaml" for u in UNITS),
                *(f"2-pengukuran/laporan/tw{q}/{u}.yaml" for q in (1, 2, 3) for u in UNITS)}
    assert set(files) - {"indeks-bukti.xlsx"} == expected  # no generated LKjIP, no 2027 file
    assert rows(book, "3 Pelaporan") == [] and rows(book, "4 Evaluasi Internal") == []


@pytest.mark.git
@pytest.mark.site
def test_what_the_repository_does_not_hold_is_listed(demo):
    _, data, _, out = demo
    absent = missing(index(data))
    titles = [t for _, t, _ in absent]
    assert ("Pelaporan Kinerja", "LKjIP 2026 bertanda tangan") in [(c, t) for c, t, _ in absent]
    assert any("belum ada LKjIP bertanda tangan" in why for _, _, why in absent)
    for title in ("Dokumen Renstra yang ditetapkan", "Keputusan penetapan Indikator Kinerja Utama (IKU)",
                  "Perjanjian Kinerja 2026 bertanda tangan", "Rencana Aksi 2026 bertanda tangan",
                  "Laporan hasil evaluasi akuntabilitas kinerja internal", "Laporan TW IV 2026 PSDM"):
        assert title in titles
    tw4 = [why for _, t, why in absent if t.startswith("Laporan TW IV 2026")]
    assert len(tw4) == 4 and all(w.startswith("Triwulan belum berakhir (berakhir 31 Desember 2026)") for w in tw4)
    assert "RKT 2026 bertanda tangan" not in titles  # it is archived
    assert "Perencanaan Kinerja (bobot 30): 8 bukti, 3 belum tersedia" in out
    assert "Pengukuran Kinerja (bobot 30): 17 bukti, 5 belum tersedia" in out
    assert "Pelaporan Kinerja (bobot 15): 0 bukti, 4 belum tersedia" in out  # the LKjIP, its three later stages
    assert "Belum tersedia di repositori: 14 bukti" in out and "tanpa riwayat Git" not in out
    assert "Bukti tahap Diunggah ke e-SAKIP Reviu" in titles


@pytest.mark.git
@pytest.mark.site
def test_the_same_repository_and_day_give_the_same_bytes(demo):
    _, first, second, _ = demo
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}


# --- without history, and the guards ------------------------------------------

def test_without_git_history_no_date_or_person_is_invented(tmp_path, capsys):
    repo = copy_example(tmp_path / "salinan")
    target = tmp_path / "bukti.zip"
    code, out = rkt_here(capsys, repo, "export", "2026", "--document", "bukti-lke", "--today", TODAY.isoformat(),
                         "--out", str(target))
    assert code == 0, out
    assert f"Perhatian: tanpa riwayat Git; tanggal penggabungan dan nama pengaju/penyetuju ditulis '{NO_HISTORY}'" \
        in out
    book = index(target.read_bytes())
    items = [r for sheet in SHEETS[1:5] for r in rows(book, sheet)]
    assert len(items) == 25
    for r in items:
        assert (r["Diajukan oleh"], r["Disetujui (digabung) oleh"], r["Commit"]) == (NO_HISTORY, NO_HISTORY, None)
        signed = str(r["Berkas di repositori"]).startswith("cycles/2026/signed/")
        assert r["Tanggal"] == ("2025-12-03" if signed else NO_HISTORY), r  # a signing date is recorded
    report = next(r for r in items if r["Berkas di repositori"] == "cycles/2026/laporan/tw1/mpk.yaml")
    assert "Tanggal yang ditulis di berkas: 8 April 2026 (bukan dari riwayat Git)." in str(report["Keterangan"])
    assert "Tepat waktu" not in str(report["Keterangan"])  # no judgement from a typed date


def test_a_recorded_sakip_stage_brings_its_evidence_and_no_lkjip_is_invented(tmp_path, capsys):
    repo = copy_example(tmp_path / "salinan")
    (repo / "cycles/2026/bukti/lkjip").mkdir(parents=True)
    (repo / "cycles/2026/bukti/lkjip/lhr-reviu.pdf").write_bytes(b"%PDF-1.4 contoh laporan hasil reviu\n")
    (repo / "cycles/2026/sakip.yaml").write_text(
        "tahun: 2026\nperistiwa:\n  - tahap: reviu\n    tanggal: 2027-03-10\n    oleh: kasubbag-perencanaan\n"
        "    bukti: bukti/lkjip/lhr-reviu.pdf\n", encoding="utf-8")
    target = tmp_path / "bukti.zip"
    code, out = rkt_here(capsys, repo, "export", "2026", "--document", "bukti-lke", "--today", "2027-03-20",
                         "--out", str(target))
    assert code == 0, out
    assert "Pelaporan Kinerja (bobot 15): 2 bukti, 3 belum tersedia" in out
    data = target.read_bytes()
    reporting = {r["Berkas dalam ZIP"]: r for r in rows(index(data), "3 Pelaporan")}
    assert set(reporting) == {"3-pelaporan/sakip.yaml", "3-pelaporan/bukti/lkjip/lhr-reviu.pdf"}
    review = reporting["3-pelaporan/bukti/lkjip/lhr-reviu.pdf"]
    assert (review["Sub-komponen"], review["Bukti"]) == ("Reviu LKjIP", "Bukti tahap Reviu Inspektorat")
    assert entries(data)["3-pelaporan/bukti/lkjip/lhr-reviu.pdf"] == b"%PDF-1.4 contoh laporan hasil reviu\n"
    titles = [t for _, t, _ in missing(index(data))]
    assert "LKjIP 2026 bertanda tangan" in titles and "Bukti tahap Reviu Inspektorat" not in titles
    assert not any("lkjip-2026" in name for name in entries(data))


def test_a_year_without_cycle_or_a_wrong_format_is_refused(tmp_path, capsys):
    repo = copy_example(tmp_path / "salinan")
    code, out = rkt_here(capsys, repo, "export", "2030", "--document", "bukti-lke", "--today", TODAY.isoformat(),
                         "--out", str(tmp_path / "x.zip"))
    assert code == 2  # as for every document of a year the repository does not have
    assert "rkt: bukti LKE 2030 tidak dibuat: tahun 2030 tidak memiliki siklus" in out
    assert not (tmp_path / "x.zip").exists()
    code, out = rkt_here(capsys, repo, "export", "2026", "--document", "bukti-lke", "--format", "pdf")
    assert (code, out) == (2, "rkt: bukti LKE dibuat sebagai zip, bukan pdf\n")
    code, out = rkt_here(capsys, repo, "export", "2026", "--format", "zip")
    assert (code, out) == (2, "rkt: format zip hanya untuk --document bukti-lke\n")


@pytest.mark.git
def test_names_from_git_stay_text_and_uncommitted_changes_are_said(tmp_path, capsys):
    """A committer named like a formula is a text cell with the quote prefix; a file committed on main
    without a pull request says so; a report changed after its commit is flagged."""
    repo = copy_example(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "awal", who='=HYPERLINK("http://contoh.invalid","x")',
        when="2026-01-05T09:00:00+08:00")
    report = repo / "cycles/2026/laporan/tw1/mpk.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    target = tmp_path / "bukti.zip"
    code, out = rkt_here(capsys, repo, "export", "2026", "--document", "bukti-lke", "--today", TODAY.isoformat(),
                         "--out", str(target))
    assert code == 0, out
    assert "Perhatian: ada perubahan yang belum di-commit (cycles/2026/laporan/tw1/mpk.yaml)" in out
    book = index(target.read_bytes())
    shown = {r["Berkas di repositori"]: r for r in rows(book, "2 Pengukuran")}
    row = shown["cycles/2026/laporan/tw1/mpk.yaml"]
    assert (row["Tanggal"], row["Dasar tanggal"]) == ("2026-01-05", "tanggal commit di cabang utama")
    assert row["Disetujui (digabung) oleh"] == "tanpa pull request (commit langsung ke cabang utama)"
    assert "perubahan yang belum di-commit" in str(row["Keterangan"])
    assert "belum di-commit" not in str(shown["cycles/2026/laporan/tw1/ppik.yaml"]["Keterangan"])
    cells = [c for ws in book for line in ws.iter_rows() for c in line
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
