"""The SAKIP calendar after a performance year as steps: the LKjIP due at the end of February, the
Inspektorat's review, the submission to the regency and the upload to e-SAKIP Reviu, each with its
due day (`kalender_sakip`, defaults documented), recorded in cycles/<year>/sakip.yaml with evidence,
late/waiting like the SOP steps, on the Beranda in its season, in `rkt status` and `rkt remind`, in
the published data and in the regency's document matrix.

The example's today is 2026-11-28: no stage of 2026 is due yet, so the example has no sakip.yaml;
these tests add one to a copy and look from 2027. Lateness is counted by hand on the 2027 calendar
(`holidays`): 8 March Nyepi, 9-12 and 15 March Idul Fitri with its cuti bersama, 25-26 March Wafat
Yesus Kristus with its cuti bersama."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from support.cli import rkt
from support.cycles import add_recorded_2025
from support.html import text_of
from support.repos import commit, git

from generator.check.codeowners import PLANNING_ROLE
from generator.check.validate import validate
from generator.core.sakip import DEFAULT_CALENDAR, DEFAULT_ROLE
from generator.plan.derive import derive
from generator.plan.sakip import LATE, ON_TIME, sakip_year
from generator.regency import data as regency_data
from generator.regency.config import Agency as RegencyAgency
from generator.regency.pages import documents
from generator.regency.sources import Entry
from generator.site import published
from generator.site.pages.context import Context
from generator.site.pages.home import page_home

D = dt.date
HEADER = "# yaml-language-server: $schema=../../schemas/sakip.schema.json\n"
RIZANI = "Muhammad Rizani, S.E. — Kepala Sub Bagian Perencanaan dan Keuangan"


def write_log(repo: Path, *events: str, year: int = 2026) -> Path:
    """cycles/<year>/sakip.yaml with these events (YAML list items), as a user writes it."""
    path = repo / f"cycles/{year}/sakip.yaml"
    body = "\n" + "\n".join(events) if events else " []"
    path.write_text(f"{HEADER}tahun: {year}\nperistiwa:{body}\n", encoding="utf-8")
    return path


def event(stage: str, day: str, by: str = "kasubbag-perencanaan", evidence: str | None = None) -> str:
    return (f"  - tahap: {stage}\n    tanggal: {day}\n    oleh: {by}"
            + (f"\n    bukti: {evidence}" if evidence else ""))


def evidence(repo: Path, rel: str) -> str:
    path = repo / "cycles/2026" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4 bukti\n")
    return rel


def lkjip_late_by_two(repo: Path) -> None:
    """The LKjIP done on Tuesday 2 March 2027, due Sunday 28 February: Mon 1 and Tue 2 March = 2 working days late."""
    write_log(repo, event("lkjip", "2027-03-02", evidence=evidence(repo, "bukti/lkjip/lkjip-2026.pdf")))


def columns(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def block_of(out: str, title: str) -> list[str]:
    start = out.index(title)
    return out[start:].split("\n")


# --- the due dates --------------------------------------------------------------------------------


def test_the_due_dates_default_to_the_end_of_february_then_march_of_the_next_year():
    due = {r.stage: r.due(2026) for r in DEFAULT_CALENDAR.stages}
    assert due == {"lkjip": D(2027, 2, 28), "reviu": D(2027, 3, 15), "penyampaian": D(2027, 3, 20),
                   "unggah": D(2027, 3, 31)}
    assert DEFAULT_CALENDAR.rule("lkjip").due(2027) == D(2028, 2, 29)  # 2028 is a leap year
    assert DEFAULT_ROLE == PLANNING_ROLE  # the planning section acts when agency.yaml names nobody


def test_agency_yaml_states_its_own_due_days_and_roles(example):
    agency = example / "cycles/agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "\nkalender_sakip:\n  reviu:\n    tenggat: \"03-10\"\n"
                      "    peran: sekretaris\n  lkjip:\n    tenggat: \"02-15\"\n", encoding="utf-8")
    result = validate(example, today=D(2027, 3, 18))
    assert result.ok, [str(p) for p in result.errors]
    d = derive(example, result.repository, D(2027, 3, 18))
    year = sakip_year(next(f for f in d.folders if f.year == 2026), d.repo.agency, d.cal, d.today)
    stages = {s.stage: s for s in year.stages}
    assert stages["lkjip"].due == D(2027, 2, 15) and stages["reviu"].due == D(2027, 3, 10)
    assert stages["penyampaian"].due == D(2027, 3, 20)  # not stated: the default
    assert [p.name for p in stages["reviu"].people] == ["Hj. Rusmini, S.Sos., M.AP."]
    # 10 March is Idul Fitri: late from Tuesday 16 March (11, 12, 15 off): 16, 17, 18 = 3 working days
    assert stages["reviu"].state == LATE and stages["reviu"].late_days == 3


def test_an_unknown_role_in_the_calendar_is_named_with_its_line(example):
    agency = example / "cycles/agency.yaml"
    before = agency.read_text(encoding="utf-8")
    agency.write_text(before + "\nkalender_sakip:\n  unggah:\n    peran: inspektorat\n", encoding="utf-8")
    line = len(before.splitlines()) + 4
    out = rkt(example, "validate", "--today", "2026-11-28")
    assert out.returncode == 1
    assert (f"cycles/agency.yaml:{line}:5: RKT265 peran 'inspektorat' untuk tahapan Diunggah ke e-SAKIP Reviu tidak "
            f"ada di bagian peran; pilih salah satu: kabid-kasubbag, kasubbag-perencanaan, kepala-badan, pengelola, "
            f"sekretaris, tim") in out.stdout


# --- status and remind as a user runs them ---------------------------------------------------------


def test_rkt_status_shows_each_stage_due_done_late_and_who_must_act(example):
    lkjip_late_by_two(example)
    out = rkt(example, "status", "2026", "--today", "2027-03-18")
    assert out.returncode == 0, out.stdout + out.stderr
    lines = block_of(out.stdout, "LKjIP 2026 dan tahapan SAKIP berikutnya")
    assert [columns(x) for x in lines[2:8]] == [
        ["Tahapan", "Tenggat", "Selesai", "Status"],
        ["-" * 32, "-" * 11, "-" * 10, "-" * 30],
        ["LKjIP selesai disusun", "28 Feb 2027", "2 Mar 2027", "selesai terlambat 2 hari kerja"],
        # due Monday 15 March (cuti bersama): Tue 16, Wed 17, Thu 18 = 3 working days
        ["Reviu Inspektorat", "15 Mar 2027", "—", "terlambat 3 hari kerja"],
        ["Disampaikan ke Pemerintah Daerah", "20 Mar 2027", "—", "menunggu"],
        ["Diunggah ke e-SAKIP Reviu", "31 Mar 2027", "—", "menunggu"],
    ]
    assert lines[9] == f"Harus bertindak: {RIZANI}, Reviu Inspektorat terlambat 3 hari kerja"


def test_rkt_status_of_the_next_year_gives_the_leap_day(example):
    out = rkt(example, "status", "2027", "--today", "2028-01-10")
    assert out.returncode == 0, out.stdout + out.stderr
    lines = block_of(out.stdout, "LKjIP 2027 dan tahapan SAKIP berikutnya")
    assert columns(lines[4]) == ["LKjIP selesai disusun", "29 Feb 2028", "—", "menunggu"]
    assert lines[9] == f"Harus bertindak: {RIZANI}, LKjIP selesai disusun tenggat 29 Februari 2028"


def test_before_the_year_ends_rkt_status_says_nothing_of_the_lkjip(example):
    out = rkt(example, "status", "--today", "2026-11-28")
    assert out.returncode == 0 and "LKjIP" not in out.stdout


def test_rkt_remind_names_the_late_stages_and_the_ones_due_within_five_working_days(example):
    lkjip_late_by_two(example)
    out = rkt(example, "remind", "--format", "json", "--today", "2027-03-18")
    assert out.returncode == 0, out.stderr
    item = next(i for i in json.loads(out.stdout) if i["jenis"] == "sakip")
    assert item["judul"] == "Peringatan: Tepat Waktu — LKjIP 2026" and item["terlambat"] is True
    assert item["penerima"] == ["rizani-bkpsdm"]
    assert item["isi"].split("\n")[:9] == [
        "Keadaan per 18 Maret 2027 untuk LKjIP tahun 2026 dan tahapan SAKIP berikutnya.",
        "",
        "**Tahapan yang terlambat**",
        "",
        "- Reviu Inspektorat — Muhammad Rizani, S.E. (@rizani-bkpsdm): terlambat 3 hari kerja (tenggat 15 Maret 2027).",
        "",
        "**Tahapan yang jatuh tempo dalam 5 hari kerja**",
        "",
        # due Saturday 20 March: Friday 19 is the one working day left; the upload (31 March) is 7 away
        "- Disampaikan ke Pemerintah Daerah — Muhammad Rizani, S.E. (@rizani-bkpsdm): tenggat 20 Maret 2027, "
        "1 hari kerja lagi.",
    ]
    assert "Diunggah" not in item["isi"]


def test_after_the_upload_the_reminder_says_nothing_is_left_so_the_issue_closes(example):
    write_log(example, event("lkjip", "2027-02-26"), event("reviu", "2027-03-12"), event("penyampaian", "2027-03-19"),
              event("unggah", "2027-03-30"))
    items = json.loads(rkt(example, "remind", "--format", "json", "--today", "2027-04-01").stdout)
    item = next(i for i in items if i["jenis"] == "sakip")
    assert (item["terlambat"], item["penerima"]) == (False, [])
    assert "Tidak ada tahapan yang terlambat atau jatuh tempo dalam 5 hari kerja." in item["isi"]
    later = json.loads(rkt(example, "remind", "--format", "json", "--today", "2027-05-03").stdout)
    assert not [i for i in later if i["jenis"] == "sakip"]  # closed: no longer spoken of


def test_rkt_remind_before_the_lkjip_is_due_counts_the_working_days_left(example):
    out = rkt(example, "remind", "--today", "2027-02-24")
    assert out.returncode == 0, out.stderr
    text = out.stdout[out.stdout.index("# Peringatan: Tepat Waktu — LKjIP 2026"):]
    # Wednesday 24 February; due Sunday 28: Thursday 25 and Friday 26 are left
    assert ("- LKjIP selesai disusun — Muhammad Rizani, S.E. (@rizani-bkpsdm): tenggat 28 Februari 2027, "
            "2 hari kerja lagi.") in text


# --- the season on the Beranda ------------------------------------------------------------------


def beranda(repo: Path, today: D) -> str:
    result = validate(repo, today=today)
    assert result.ok, [str(p) for p in result.errors]
    d = derive(repo, result.repository, today)
    r = d.repo
    ctx = Context(d.today, r.agency, r.sop, r.renstra, d.folders, d.statuses, d.compiled, {}, d.cal)
    return page_home(ctx, d.measured)


def test_the_lkjip_season_opens_on_the_first_of_january(example):
    page = beranda(example, D(2027, 1, 5))
    assert ('<li><a href="capaian-2026.html">LKjIP 2026</a> · LKjIP selesai disusun, tenggat 28 Feb 2027</li>'
            in page)
    assert "LKjIP" not in beranda(example, D(2026, 12, 31))


def test_the_season_names_the_late_stage_and_closes_when_the_upload_is_recorded(example):
    lkjip_late_by_two(example)
    page = beranda(example, D(2027, 3, 18))
    assert ('<a href="capaian-2026.html">LKjIP 2026</a> · Reviu Inspektorat terlambat 3 hari kerja '
            '(tenggat 15 Mar 2027)') in page
    # who must act on it, named as `rkt status` names them
    name, position = RIZANI.split(" — ")
    assert (f'<p class="rkt-musim-judul">Harus menuntaskan tahapan LKjIP</p><ul class="rkt-people"><li><strong>{name}</strong>, '
            f'{position}<br>LKjIP 2026: Reviu Inspektorat terlambat 3 hari kerja (tenggat 15 Mar 2027)</li></ul>'
            in page)
    assert "Harus menuntaskan" not in beranda(example, D(2027, 3, 12))  # nothing late yet: nobody named
    write_log(example, event("lkjip", "2027-02-26"), event("reviu", "2027-03-12"), event("penyampaian", "2027-03-19"),
              event("unggah", "2027-03-30"))
    assert "LKjIP" not in beranda(example, D(2027, 4, 1))


# --- the rules and the append-only log ----------------------------------------------------------


def test_the_rules_name_file_and_line(example):
    write_log(example, event("reviu", "2027-03-01", by="inspektur", evidence="bukti/lkjip/lhr.pdf"),
              event("lkjip", "2027-03-02"), event("penyampaian", "2027-03-25"), event("unggah", "2026-12-30"))
    out = rkt(example, "validate", "--today", "2027-03-18")
    assert out.returncode == 1
    found = [line.split(" ", 2)[:2] for line in out.stdout.splitlines() if line.startswith("cycles/2026/sakip.yaml")]
    assert found == [["cycles/2026/sakip.yaml:4:5:", "RKT269"], ["cycles/2026/sakip.yaml:6:5:", "RKT266"],
                     ["cycles/2026/sakip.yaml:7:5:", "RKT268"], ["cycles/2026/sakip.yaml:12:5:", "RKT267"],
                     ["cycles/2026/sakip.yaml:14:5:", "RKT269"], ["cycles/2026/sakip.yaml:15:5:", "RKT267"]]
    assert ("cycles/2026/sakip.yaml:4:5: RKT269 (peringatan) tahapan Reviu Inspektorat dicatat 2027-03-01, padahal "
            "tahapan sebelumnya (LKjIP selesai disusun) belum tercatat selesai pada atau sebelum tanggal itu") in out.stdout
    assert ("cycles/2026/sakip.yaml:7:5: RKT268 berkas bukti 'bukti/lkjip/lhr.pdf' tidak ada di cycles/2026/; "
            "unggah berkasnya atau perbaiki namanya") in out.stdout
    assert ("cycles/2026/sakip.yaml:12:5: RKT267 tanggal 2027-03-25 ada di masa depan (hari ini 2027-03-18); "
            "catat tahapan setelah selesai") in out.stdout
    assert "RKT266 pegawai 'inspektur' tidak ada di cycles/agency.yaml" in out.stdout


def test_a_stage_in_the_wrong_place_or_a_wrong_field_gets_an_indonesian_message(example):
    path = write_log(example, event("upload", "2027-03-02"))
    out = rkt(example, "validate", "--today", "2027-03-18")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "cycles/2026/sakip.yaml:4:" in out.stdout and "RKT1" in out.stdout
    path.write_text(path.read_text(encoding="utf-8").replace(HEADER, ""), encoding="utf-8")
    write_log(example)
    assert rkt(example, "validate", "--today", "2027-03-18").returncode == 0


@pytest.mark.git
def test_under_base_the_log_is_append_only(example_git):
    repo = example_git
    path = write_log(repo, event("lkjip", "2027-02-26"))
    commit(repo, "LKjIP 2026 selesai")
    base = git(repo, "rev-parse", "HEAD").strip()
    write_log(repo, event("lkjip", "2027-02-26"), event("reviu", "2027-03-12"))  # appended: fine
    assert rkt(repo, "validate", "--base", base, "--today", "2027-03-18").returncode == 0
    write_log(repo, event("lkjip", "2027-02-20"), event("reviu", "2027-03-12"))  # the old record changed
    out = rkt(repo, "validate", "--base", base, "--today", "2027-03-18")
    assert out.returncode == 1
    assert ("cycles/2026/sakip.yaml:4:5: RKT301 catatan ke-1 (tahapan lkjip tanggal 2027-02-26) diubah; catatan lama "
            "tidak boleh diubah atau disisipi") in out.stdout
    path.unlink()
    out = rkt(repo, "validate", "--base", base, "--today", "2027-03-18")
    assert "cycles/2026/sakip.yaml:1:1: RKT301 sakip.yaml dihapus" in out.stdout


# --- the published data and the regency ---------------------------------------------------------


def published_at(repo: Path, today: D) -> bytes:
    result = validate(repo, today=today)
    assert result.ok, [str(p) for p in result.errors]
    return published.dumps(published.published(result.repository, derive(repo, result.repository, today)))


def test_the_published_data_carries_the_stages_once_the_year_has_ended(example):
    before = json.loads(published_at(example, D(2026, 11, 28)))
    assert all("akuntabilitas" not in c for c in before["siklus"])  # the example's file is as it was
    lkjip_late_by_two(example)
    body = published_at(example, D(2027, 3, 18))
    c2026 = next(c for c in json.loads(body)["siklus"] if c["tahun"] == 2026)
    assert c2026["akuntabilitas"] == {"tahapan": [
        {"tahap": "lkjip", "nama": "LKjIP selesai disusun", "tenggat": "2027-02-28", "selesai": "2027-03-02",
         "status": "selesai-terlambat", "terlambat_hari_kerja": 2},
        {"tahap": "reviu", "nama": "Reviu Inspektorat", "tenggat": "2027-03-15", "selesai": None,
         "status": "terlambat", "terlambat_hari_kerja": 3},
        {"tahap": "penyampaian", "nama": "Disampaikan ke Pemerintah Daerah", "tenggat": "2027-03-20",
         "selesai": None, "status": "menunggu", "terlambat_hari_kerja": 0},
        {"tahap": "unggah", "nama": "Diunggah ke e-SAKIP Reviu", "tenggat": "2027-03-31", "selesai": None,
         "status": "menunggu", "terlambat_hari_kerja": 0}]}
    assert regency_data.check(body)["versi_skema"] == 2  # valid against the v2 schema, read by the regency


def test_an_archived_year_is_never_called_late(example):
    """A cycle recorded after the fact: its stages without a record are "tanpa catatan", as its steps."""
    add_recorded_2025(example)
    c2025 = next(c for c in json.loads(published_at(example, D(2026, 11, 28)))["siklus"] if c["tahun"] == 2025)
    assert {(s["status"], s["terlambat_hari_kerja"]) for s in c2025["akuntabilitas"]["tahapan"]} == {
        ("tanpa-catatan", 0)}
    out = rkt(example, "status", "2025", "--today", "2026-11-28").stdout
    assert "LKjIP" not in out


def matrix_cells(body: bytes, year: int, today: D) -> tuple[list[str], dict[str, str], str]:
    data = regency_data.from_data(regency_data.check(body))
    agency = RegencyAgency("bkpsdm", "BKPSDM", "https://bkpsdm.example.invalid/", None, None, ())
    entry = Entry(agency, data, True, None, today)
    html = documents.matrix("tahun/2026-kinerja.md", [(entry, data.cycle(year))], year, today)
    headers = [text_of(h).strip() for h in re.findall(r"<th>(.*?)</th>", html)]
    cells = {m[0]: text_of(m[1]).strip() for m in re.findall(r'<td data-label="([^"]+)">(.*?)</td>', html)}
    return headers, cells, text_of(html)


def test_the_regency_matrix_shows_the_lkjip_column_from_the_data(example):
    lkjip_late_by_two(example)
    headers, cells, text = matrix_cells(published_at(example, D(2027, 3, 18)), 2026, D(2027, 3, 18))
    assert headers[-1] == "LKjIP"
    assert cells["LKjIP"] == ("terlambat diserahkan selesai 2 Mar 2027, 2 hari kerja setelah tenggat 28 Feb 2027; "
                              "Reviu Inspektorat terlambat 3 hari kerja")
    assert "LKjIP: belum ada data" not in text  # the column, not the sentence
    write_log(example, event("lkjip", "2027-02-26"), event("reviu", "2027-03-12"))
    _, cells, _ = matrix_cells(published_at(example, D(2027, 3, 18)), 2026, D(2027, 3, 18))
    assert cells["LKjIP"] == "tepat waktu selesai 26 Feb 2027; direviu 12 Mar 2027"
    write_log(example)
    _, cells, _ = matrix_cells(published_at(example, D(2027, 3, 1)), 2026, D(2027, 3, 1))
    assert cells["LKjIP"] == "terlambat 1 hari kerja belum ada; tenggat 28 Feb 2027"  # Monday 1 March, today
    _, cells, _ = matrix_cells(published_at(example, D(2027, 2, 1)), 2026, D(2027, 2, 1))
    assert cells["LKjIP"] == "menunggu tenggat 28 Feb 2027"


def test_a_stage_done_on_its_due_day_is_on_time_and_the_next_working_day_is_one_late(example):
    agency = example / "cycles/agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "\nkalender_sakip:\n  lkjip:\n    tenggat: \"02-26\"\n"
                      "  reviu:\n    tenggat: \"03-03\"\n", encoding="utf-8")
    # due Friday 26 February and done that day; the review due Wednesday 3 March, done Thursday 4
    write_log(example, event("lkjip", "2027-02-26"), event("reviu", "2027-03-04"))
    result = validate(example, today=D(2027, 3, 5))
    assert result.ok, [str(p) for p in result.errors]
    d = derive(example, result.repository, D(2027, 3, 5))
    year = sakip_year(next(f for f in d.folders if f.year == 2026), d.repo.agency, d.cal, d.today)
    assert [(s.state, s.late_days, s.label) for s in year.stages[:2]] == [
        (ON_TIME, 0, "selesai tepat waktu"), ("selesai-terlambat", 1, "selesai terlambat 1 hari kerja")]
