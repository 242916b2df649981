"""The document matrix of a year: for each agency, where its RKT, PK, Rencana Aksi and the four
quarterly reports stand (ada, tepat waktu, terlambat, belum ada, belum waktunya), each as a worded
badge with the facts beside it. Only what the agency published is judged: a document without a
deadline in its data (the PK, the Rencana Aksi) is present or not, never called late.

The LKjIP is a column once an agency's data for the year carries its SAKIP stages
(`akuntabilitas`, written from the year's end by the agency's tool): its state as the agency's
calendar judged it, with the later stages (reviu, penyampaian, unggah) beside it. Until some
agency publishes them, a sentence says the LKjIP cannot be shown yet, never a column of guesses.
"""

from __future__ import annotations

import datetime as dt

from generator.core import fmt
from generator.core.year import QUARTER_NAMES, QUARTERS, quarter_end
from generator.plan.status import late_label
from generator.regency.data import Cycle
from generator.regency.pages.describe import forecast_text, opd_link
from generator.regency.pages.markup import badge, card_table
from generator.regency.sources import Entry
from generator.regency.yeardata import PerformanceYear, Report
from generator.site.pages.markup import Html, esc

HEADERS = ["OPD", "RKT", "PK", "Rencana Aksi"] + [f"Laporan {QUARTER_NAMES[q]}" for q in QUARTERS]
NOT_YET = "belum waktunya"
MISSING = "belum ada"
LKJIP_HEADER = "LKjIP"
LATER_WORDS = {"reviu": "direviu", "penyampaian": "disampaikan", "unggah": "diunggah ke e-SAKIP Reviu"}
LKJIP = ("LKjIP: belum ada data. Data yang diterbitkan OPD belum memuat LKjIP, jadi di sini belum dapat ditunjukkan "
         "apakah LKjIP sudah ada, tepat waktu atau terlambat.")


def _cell(label: str, kind: str, detail: str = "") -> Html:
    return Html(f"{badge(label, kind)}" + (f' <span class="kab-doc-detail">{esc(detail)}</span>' if detail else ""))


def rkt_cell(c: Cycle) -> Html:
    if c.finished:
        return _cell("ada", "selesai", forecast_text(c))
    if c.phase == "dijadwalkan":
        return _cell(NOT_YET, "belum", f"mulai {fmt.date_short(c.start)}" if c.start else "")
    if c.lateness:
        return _cell(late_label(c.lateness).lower(), "terlambat", "belum ditandatangani")
    return _cell("sedang disusun", "berjalan", forecast_text(c))


def pk_cell(perf: PerformanceYear, year: int, today: dt.date) -> Html:
    signed = perf.verified_agreements
    if signed:
        last = max(signed, key=lambda a: a.version)
        return _cell("ada", "selesai", f"ditandatangani {fmt.date_short(last.date)} (versi {last.version})")
    if perf.agreements:
        return _cell("pindaian tidak cocok", "terlambat", "SHA-256 pindaian berbeda dari yang dicatat")
    if today.year < year:
        return _cell(NOT_YET, "belum")
    return _cell("belum diarsipkan", "hilang", "tidak ada PK bertanda tangan di repositori OPD")


def plan_cell(perf: PerformanceYear, year: int, today: dt.date) -> Html:
    carried = [i for i in perf.indicators if i.year_target is not None]
    without = [i for i in carried if i.unit is None]
    if perf.plans:
        dates = [p.date for p in perf.plans if p.date is not None]
        detail = f"{len(perf.plans)} unit" + (f", disusun s.d. {fmt.date_short(max(dates))}" if dates else "")
        if without:
            return _cell("sebagian", "hilang", f"{detail}; {len(without)} dari {len(carried)} indikator belum ada")
        return _cell("ada", "selesai", detail)
    if today.year < year:
        return _cell(NOT_YET, "belum")
    return _cell(MISSING, "hilang")


def _names(reports: list[Report]) -> str:
    return ", ".join(r.unit_name for r in reports)


def quarter_cell(perf: PerformanceYear, year: int, quarter: int, today: dt.date) -> Html:
    """All units' reports of one quarter, as the worst state and who it concerns."""
    reports = list(perf.reports_of(quarter))
    if not reports:
        if quarter_end(year, quarter) >= today:
            return _cell("belum berakhir", "belum")
        return _cell(MISSING, "hilang", "belum ada Rencana Aksi, jadi unit pelapornya belum diketahui")
    by = {state: [r for r in reports if r.state == state] for state in
          ("terlambat", "menunggu laporan", "belum berakhir", "terlambat diserahkan", "tepat waktu")}
    arrived = len(by["terlambat diserahkan"]) + len(by["tepat waktu"])
    count = f"{arrived} dari {len(reports)} masuk"
    revised = [r for r in reports if r.revisions]
    changes = f"; diubah setelah disetujui: {_names(revised)}" if revised else ""
    if by["terlambat"]:
        worst = max(r.late_days for r in by["terlambat"])
        return _cell(f"terlambat {worst} hari kerja", "terlambat", f"{count}; belum masuk: {_names(by['terlambat'])}")
    if by["menunggu laporan"]:
        due = fmt.date_short(by["menunggu laporan"][0].due)
        return _cell("menunggu laporan", "berjalan", f"{count}; tenggat {due}{changes}")
    if by["belum berakhir"]:
        return _cell("belum berakhir", "belum", f"tenggat {fmt.date_short(reports[0].due)}")
    late = by["terlambat diserahkan"]
    if late:
        who = ", ".join(f"{r.unit_name} {r.late_days} hari kerja" for r in late)
        return _cell("terlambat diserahkan", "terlambat", f"{count}; {who}{changes}")
    return _cell("tepat waktu", "selesai", f"{count}{changes}")


def _later(c: Cycle) -> str:
    """The stages after the LKjIP: the day each was done, or how late it is."""
    parts = []
    for s in c.accountability or ():
        if s.stage in LATER_WORDS and s.done is not None:
            parts.append(f"{LATER_WORDS[s.stage]} {fmt.date_short(s.done)}")
        elif s.stage in LATER_WORDS and s.state == "terlambat":
            parts.append(f"{s.name} {late_label(s.late_days).lower()}")
    return "; " + "; ".join(parts) if parts else ""


def lkjip_cell(c: Cycle, year: int, today: dt.date) -> Html:
    """The LKjIP of the year: present on time or late, missing and late, waiting, not yet due."""
    stage = c.stage("lkjip")
    if stage is None:
        if today.year <= year:
            return _cell(NOT_YET, "belum", f"tahun {year} belum berakhir")
        return _cell("tidak ada data", "abu", "data OPD belum memuat LKjIP (alat rkt versi lama)")
    due = f"tenggat {fmt.date_short(stage.due)}"
    if stage.state == "selesai-tepat-waktu" and stage.done is not None:
        return _cell("tepat waktu", "selesai", f"selesai {fmt.date_short(stage.done)}{_later(c)}")
    if stage.state == "selesai-terlambat" and stage.done is not None:
        return _cell("terlambat diserahkan", "terlambat", f"selesai {fmt.date_short(stage.done)}, "
                     f"{stage.late_days} hari kerja setelah {due}{_later(c)}")
    if stage.state == "terlambat":
        return _cell(late_label(stage.late_days).lower(), "terlambat", f"belum ada; {due}")
    if stage.state == "menunggu":
        return _cell("menunggu", "berjalan", due)
    if stage.state == "tanpa-catatan":
        return _cell("tanpa catatan", "abu", "arsip yang dicatat kemudian")
    return _cell(NOT_YET, "belum", due)


def row(page: str, entry: Entry, cycle: Cycle | None, year: int, today: dt.date, lkjip: bool = False) -> list:
    """One agency's row; `lkjip`: with the LKjIP column."""
    width = len(HEADERS) + (1 if lkjip else 0)
    if entry.data is None:
        return [opd_link(page, entry)] + [_cell("data tidak tersedia", "abu")] * (width - 1)
    if cycle is None:
        return [opd_link(page, entry)] + [_cell("tanpa RKT tahun ini", "abu")] * (width - 1)
    perf = cycle.performance
    if perf is None:  # a file of version 1: only the RKT is known
        return [opd_link(page, entry), rkt_cell(cycle)] + [_cell("tidak ada data", "abu")] * (width - 2)
    return ([opd_link(page, entry), rkt_cell(cycle), pk_cell(perf, year, today), plan_cell(perf, year, today)]
            + [quarter_cell(perf, year, q, today) for q in QUARTERS]
            + ([lkjip_cell(cycle, year, today)] if lkjip else []))


def matrix(page: str, pairs: list[tuple[Entry, Cycle | None]], year: int, today: dt.date) -> str:
    lkjip = any(c is not None and c.accountability is not None for _, c in pairs)
    rows = [row(page, e, c, year, today, lkjip) for e, c in pairs]
    old = [e for e, c in pairs if e.data is not None and c is not None and c.performance is None]
    out: list[str] = [card_table(HEADERS + ([LKJIP_HEADER] if lkjip else []), rows)]
    if old:
        names = ", ".join(f"{e.agency.name} (versi {e.data.version})" for e in old if e.data is not None)
        text = f"Tidak ada data: OPD ini masih menerbitkan data versi lama yang belum memuat PK, Rencana Aksi dan " \
               f"laporan triwulan: {names}."
        out.append(f'<p class="kab-note">{esc(text)}</p>')
    if not lkjip:
        out.append(f'<p class="kab-lkjip">{esc(LKJIP)}</p>')
    return "".join(out)
