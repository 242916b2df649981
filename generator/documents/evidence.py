"""The evidence of a year's SAKIP evaluation (LKE, PermenPAN-RB 88/2021) that the repository holds:
each item mapped to its component (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Internal
25), with the file it is, its SHA-256, its date (the signing date of a signed scan, else the day
its pull request was merged) and who submitted and who approved it; and, as plainly, the evidence
the repository does not hold.

Nothing here scores the evaluation or invents a fact: without Git history a date or a person is
"tidak tercatat", a signed LKjIP that is not archived is "belum ada", never a generated draft.
Pure: from the model, the measured year, the arrivals (plan/arrivals.py) and the digests of the
files the command read; `evidence_zip` writes it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from generator.core.cycles import CycleFolder, SignedVersion
from generator.core.model import ValidRepository
from generator.core.sakip import LKJIP, REVIEW, STAGE_NAMES, STAGES, SUBMISSION, UPLOAD
from generator.core.year import QUARTER_NAMES, QuarterReport, quarter_end
from generator.plan.arrivals import Arrival
from generator.plan.performance import LATE, LATE_MISSING, NOT_ENDED, MeasuredYear

NO_HISTORY = "tidak tercatat (tanpa riwayat Git)"
NOT_COMMITTED = "belum tercatat (berkas belum di-commit)"
DIRECT = "tanpa pull request (commit langsung ke cabang utama)"
NO_SIGNED_LKJIP = "belum ada LKjIP bertanda tangan"

SIGNED = "tanggal ditandatangani"
MERGED = "tanggal pull request digabung"
COMMITTED = "tanggal commit di cabang utama"

RENSTRA_FILE = "cycles/renstra.yaml"


@dataclass(frozen=True, slots=True)
class Component:
    key: str
    name: str
    weight: int  # bobot in the LKE (of 100)
    folder: str  # its folder inside the ZIP
    sheet: str  # its sheet in the index workbook


PLANNING = Component("perencanaan", "Perencanaan Kinerja", 30, "1-perencanaan", "1 Perencanaan")
MEASURING = Component("pengukuran", "Pengukuran Kinerja", 30, "2-pengukuran", "2 Pengukuran")
REPORTING = Component("pelaporan", "Pelaporan Kinerja", 15, "3-pelaporan", "3 Pelaporan")
INTERNAL = Component("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal", 25, "4-evaluasi-internal",
                     "4 Evaluasi Internal")
COMPONENTS = (PLANNING, MEASURING, REPORTING, INTERNAL)


@dataclass(frozen=True, slots=True)
class Item:
    """One file the repository holds, as evidence of one component."""

    component: Component
    sub: str  # sub-component where it is clear ("Rencana Aksi", "Pengukuran kinerja berkala")
    title: str
    source: str  # the file in the repository
    path: str  # the file inside the ZIP
    sha256: str
    date: str  # TTTT-BB-HH, or why there is none (NO_HISTORY, NOT_COMMITTED)
    date_basis: str  # SIGNED, MERGED, COMMITTED, or "" when there is no date
    submitted_by: str
    approved_by: str
    commit: str  # the first-parent commit that brought the file (a merge for a pull request); ""
    note: str


@dataclass(frozen=True, slots=True)
class Missing:
    """Evidence of a component that the repository does not hold, and why."""

    component: Component
    title: str
    note: str


@dataclass(frozen=True, slots=True)
class Evidence:
    year: int
    agency: str
    government: str
    today: dt.date
    history: bool  # whether Git history gave dates and people
    items: tuple[Item, ...]
    missing: tuple[Missing, ...]

    def of(self, component: Component) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.component == component)

    def missing_of(self, component: Component) -> tuple[Missing, ...]:
        return tuple(m for m in self.missing if m.component == component)


@dataclass(frozen=True, slots=True)
class _Context:
    folder: CycleFolder
    repo: ValidRepository
    measured: MeasuredYear | None
    arrivals: Mapping[str, Arrival]
    digests: Mapping[str, str]  # repository path -> SHA-256 of every file the command read
    changed: frozenset[str]  # files with changes no commit holds

    @property
    def history(self) -> bool:
        return bool(self.arrivals)

    def unit_name(self, code: str) -> str:
        unit = self.repo.agency.unit(code)
        return unit.short if unit is not None else code


def zip_path(component: Component, source: str, year: int) -> str:
    """"2-pengukuran/laporan/tw1/ppik.yaml": the component's folder, then the path under
    cycles/<year>/ (or under cycles/ for a file of every year, such as the Renstra)."""
    for base in (f"cycles/{year}/", "cycles/"):
        if source.startswith(base):
            return f"{component.folder}/{source[len(base):]}"
    return f"{component.folder}/{source}"


def _arrival_fields(ctx: _Context, source: str) -> tuple[str, str, str, str, str]:
    """(date, basis, submitted by, approved by, commit) of a file from Git, or why they are unknown."""
    arrival = ctx.arrivals.get(source)
    if arrival is None:
        why = NOT_COMMITTED if ctx.history else NO_HISTORY
        return why, "", why, why, ""
    basis = MERGED if arrival.approved_by is not None else COMMITTED
    return (arrival.date.isoformat(), basis, arrival.submitted_by or NO_HISTORY, arrival.approved_by or DIRECT,
            arrival.commit)


def _item(ctx: _Context, component: Component, sub: str, title: str, source: str, note: str = "",
          signed_on: dt.date | None = None, typed: dt.date | None = None) -> Item | None:
    """The item of `source`, or None when the command found no such file. `typed`: the date the
    file itself states, named (as what it is) when Git does not date the file."""
    digest = ctx.digests.get(source)
    if digest is None:
        return None
    date, basis, submitted, approved, commit = _arrival_fields(ctx, source)
    if signed_on is not None:
        date, basis = signed_on.isoformat(), SIGNED
    notes = [note] if note else []
    if typed is not None and source not in ctx.arrivals:
        notes.append(f"Tanggal yang ditulis di berkas: {_date_id(typed)} (bukan dari riwayat Git).")
    if source in ctx.changed:
        notes.append("Berkas di folder kerja berisi perubahan yang belum di-commit: isinya belum tentu sama "
                     "dengan yang disetujui.")
    return Item(component, sub, title, source, zip_path(component, source, ctx.folder.year), digest, date, basis,
                submitted, approved, commit, " ".join(notes))


def _date_id(day: dt.date) -> str:
    from generator.core import fmt  # Babel: only the printed outputs need it

    return fmt.date_id(day)


def _signed_items(ctx: _Context, component: Component, sub: str, name: str,
                  versions: tuple[SignedVersion, ...]) -> list[Item | None]:
    """A signed document's versions: each scan (dated by its signing) and the record of its signing."""
    out: list[Item | None] = []
    for v in sorted(versions, key=lambda v: v.version):
        signer = f"{v.signer.name} ({v.signer.position})"
        arrival = ctx.arrivals.get(v.scan_path)
        archived = f" Diarsipkan di repositori {_date_id(arrival.date)}." if arrival is not None else ""
        same = ("SHA-256 pindaian sama dengan yang dicatat saat penandatanganan." if v.scan_sha256 == v.sha256
                else f"SHA-256 pindaian TIDAK sama dengan yang dicatat saat penandatanganan ({v.sha256}).")
        replaces = f" Menggantikan versi {v.replaces}." if v.replaces is not None else ""
        out.append(_item(ctx, component, sub, f"{name} versi {v.version} bertanda tangan (pindaian)", v.scan_path,
                         f"Ditandatangani oleh {signer} pada {_date_id(v.date)}.{archived} {same}{replaces}",
                         v.date))
        out.append(_item(ctx, component, sub, f"Catatan penandatanganan {name} versi {v.version}", v.at.file,
                         f"Mencatat penanda tangan, tanggal dan SHA-256 pindaian {posixpath.basename(v.scan_path)}.",
                         v.date))
    return out


def _planning(ctx: _Context) -> list[Item | None]:
    f, year = ctx.folder, ctx.folder.year
    out = [_item(ctx, PLANNING, "Rencana Strategis", "Data Renstra (sasaran strategis, indikator dan target)",
                 RENSTRA_FILE, "Data Renstra yang dipakai rkt, bukan dokumen Renstra yang ditetapkan.")]
    out.append(_item(ctx, PLANNING, "Rencana Kinerja Tahunan", f"Catatan langkah penyusunan RKT {year} (SOP)",
                     f"{f.folder}/cycle.yaml", "Peristiwa tiap langkah SOP dengan tanggal dan pelaksananya."))
    for form in sorted(f.forms, key=lambda x: x.unit):
        out.append(_item(ctx, PLANNING, "Rencana Kinerja Tahunan", f"Form RKT {year} {ctx.unit_name(form.unit)}",
                         form.at.file, typed=form.filled_on))
    events = f.cycle.events if f.cycle is not None else ()
    for e in events:
        if e.evidence:
            out.append(_item(ctx, PLANNING, "Rencana Kinerja Tahunan", f"Bukti langkah {e.step} penyusunan RKT",
                             f"{f.folder}/{e.evidence}", f"Dicatat pada peristiwa langkah {e.step} tanggal "
                             f"{_date_id(e.date)}."))
    out += _signed_items(ctx, PLANNING, "Rencana Kinerja Tahunan", f"RKT {year}", f.signed)
    out += _signed_items(ctx, PLANNING, "Perjanjian Kinerja", f"Perjanjian Kinerja {year}", f.agreements)
    return out


def _report_note(ctx: _Context, report: QuarterReport) -> str:
    """The report's due day and, when its date is the merge date, whether it came in on time; its
    corrections after the merge."""
    notes = []
    state = ctx.measured.report(report.unit, report.quarter) if ctx.measured is not None else None
    arrival = ctx.arrivals.get(report.at.file)
    if state is not None:
        notes.append(f"Batas penyerahan {_date_id(state.due)}.")
        if arrival is not None and state.arrived == arrival.date:  # judged by the merge date
            notes.append(f"Terlambat {state.late_days} hari kerja." if state.state == LATE else "Tepat waktu.")
    if report.revisions:
        days = ", ".join(_date_id(r.date) for r in report.revisions)
        notes.append(f"Diperbaiki sesudah digabung: {len(report.revisions)} kali ({days}), alasannya tercatat di "
                     f"bagian perubahan berkas ini.")
    return " ".join(notes)


def _measuring(ctx: _Context) -> list[Item | None]:
    f, year = ctx.folder, ctx.folder.year
    out: list[Item | None] = []
    for plan in sorted(f.year_files.plans, key=lambda p: p.unit):
        out.append(_item(ctx, MEASURING, "Rencana Aksi", f"Rencana Aksi {year} {ctx.unit_name(plan.unit)}",
                         plan.at.file, f"Target triwulan {len(plan.indicators)} indikator dan penanggung jawabnya.",
                         typed=plan.filled_on))
    out += _signed_items(ctx, MEASURING, "Rencana Aksi", f"Rencana Aksi {year}", f.action_plan_versions)
    reports = sorted(f.year_files.reports, key=lambda r: (r.quarter, r.unit))
    for r in reports:
        out.append(_item(ctx, MEASURING, "Pengukuran kinerja berkala",
                         f"Laporan {QUARTER_NAMES[r.quarter]} {year} {ctx.unit_name(r.unit)}", r.at.file,
                         _report_note(ctx, r), typed=r.filled_on))
    cited: dict[str, list[str]] = {}
    for r in reports:
        for realisation in r.realisations:
            for path in realisation.evidence:
                cited.setdefault(path, []).append(f"{QUARTER_NAMES[r.quarter]} {ctx.unit_name(r.unit)} "
                                                  f"({realisation.indicator})")
    for path, where in sorted(cited.items()):
        out.append(_item(ctx, MEASURING, "Data dukung realisasi", f"Data dukung {posixpath.basename(path)}",
                         f"{f.folder}/{path}", "Disebut di laporan " + "; ".join(dict.fromkeys(where)) + "."))
    return out


_STAGE_SUBS = {LKJIP: "Laporan Kinerja (LKjIP)", REVIEW: "Reviu LKjIP", SUBMISSION: "Penyampaian LKjIP",
               UPLOAD: "Unggah ke e-SAKIP Reviu"}


def _reporting(ctx: _Context) -> list[Item | None]:
    """The LKjIP's sections the staff wrote (cycles/<year>/lkjip/*.md) and the SAKIP stages recorded
    in cycles/<year>/sakip.yaml with their evidence, when the repository has them; never a
    generated LKjIP."""
    f = ctx.folder
    prefix = f"{f.folder}/lkjip/"
    out = [_item(ctx, REPORTING, "Laporan Kinerja (LKjIP)", f"Naskah LKjIP: {posixpath.basename(path)}", path,
                 "Naskah bagian LKjIP yang ditulis staf, bukan LKjIP bertanda tangan.")
           for path in f.files if path.startswith(prefix) and path.endswith(".md")]
    if f.sakip is None or f.sakip.at is None:
        return out
    out.append(_item(ctx, REPORTING, "Tahapan SAKIP", f"Catatan tahapan LKjIP {f.year}", f.sakip.at.file,
                     "Tahap LKjIP, reviu, penyampaian dan unggah dengan tanggal dan pelaksananya."))
    for e in f.sakip.events:
        if e.evidence:
            out.append(_item(ctx, REPORTING, _STAGE_SUBS.get(e.stage, "Tahapan SAKIP"),
                             f"Bukti tahap {STAGE_NAMES.get(e.stage, e.stage)}", f"{f.folder}/{e.evidence}",
                             f"Dicatat pada tahap ini tanggal {_date_id(e.date)}."))
    return out


def _missing_stages(ctx: _Context, items: tuple[Item, ...]) -> list[Missing]:
    """The SAKIP stages after the LKjIP with no evidence file among the items."""
    held = {i.sub for i in items if i.component == REPORTING}
    return [Missing(REPORTING, f"Bukti tahap {STAGE_NAMES[stage]}",
                    f"Belum ada berkas bukti tahap ini yang dicatat di {ctx.folder.folder}/sakip.yaml.")
            for stage in STAGES if stage != LKJIP and _STAGE_SUBS[stage] not in held]


def gather(folder: CycleFolder, repo: ValidRepository, measured: MeasuredYear | None,
           arrivals: Mapping[str, Arrival], digests: Mapping[str, str], today: dt.date,
           changed: frozenset[str] = frozenset()) -> Evidence:
    """The evidence of `folder`'s year: every item the repository holds (only files in `digests`,
    which the command read) and what it does not hold."""
    ctx = _Context(folder, repo, measured, arrivals, digests, changed)
    found = _planning(ctx) + _measuring(ctx) + _reporting(ctx)
    items = tuple(dict.fromkeys(i for i in found if i is not None))
    return Evidence(folder.year, repo.agency.name, repo.agency.government, today, ctx.history, items,
                    tuple(_missing(ctx, items)))


# --- what the repository does not hold -----------------------------------

def _missing(ctx: _Context, items: tuple[Item, ...]) -> list[Missing]:
    f, year = ctx.folder, ctx.folder.year
    out = [Missing(PLANNING, "Dokumen Renstra yang ditetapkan",
                   f"Repositori hanya memuat data Renstra ({RENSTRA_FILE}: sasaran, indikator, target); dokumen "
                   f"Renstra yang ditetapkan beserta keputusan penetapannya tidak disimpan di sini."),
           Missing(PLANNING, "Keputusan penetapan Indikator Kinerja Utama (IKU)",
                   "Repositori tidak menyimpan surat keputusan penetapan IKU.")]
    required = f.cycle.required_units if f.cycle is not None else ()
    have = {form.unit for form in f.forms}
    out += [Missing(PLANNING, f"Form RKT {year} {ctx.unit_name(u)}", f"Belum ada berkas {f.folder}/forms/{u}.yaml.")
            for u in required if u not in have]
    out += _unsigned(ctx, items, PLANNING, f.signed, f"RKT {year} bertanda tangan", f"rkt-{year}-v1.pdf", "")
    out += _unsigned(ctx, items, PLANNING, f.agreements, f"Perjanjian Kinerja {year} bertanda tangan",
                     f"pk-{year}-v1.pdf", " --document pk")
    out += _missing_measuring(ctx, items)
    out.append(Missing(REPORTING, f"LKjIP {year} bertanda tangan",
                       f"Di repositori {NO_SIGNED_LKJIP}. Draf LKjIP yang dibuat "
                       f"rkt tidak disertakan sebagai bukti: yang menjadi bukti adalah LKjIP yang sudah "
                       f"ditandatangani."))
    out += _missing_stages(ctx, items)
    out += [Missing(INTERNAL, "Laporan hasil evaluasi akuntabilitas kinerja internal",
                    "Repositori tidak menyimpan laporan evaluasi internal atas unit kerja beserta rekomendasinya."),
            Missing(INTERNAL, "Tindak lanjut rekomendasi hasil evaluasi",
                    "Repositori tidak menyimpan bukti tindak lanjut rekomendasi evaluasi (evaluasi internal, "
                    "Inspektorat, atau evaluasi AKIP tahun sebelumnya).")]
    return out


def _unsigned(ctx: _Context, items: tuple[Item, ...], component: Component, versions: tuple[SignedVersion, ...],
              title: str, scan: str, option: str) -> list[Missing]:
    """The signed document when no scan of it is among the items."""
    scans = {v.scan_path for v in versions}
    if any(i.source in scans for i in items):
        return []
    return [Missing(component, title, f"Belum ada pindaian bertanda tangan di {ctx.folder.folder}/signed/ "
                                      f"(misalnya {scan}; diarsipkan dengan rkt sign{option}).")]


def _missing_measuring(ctx: _Context, items: tuple[Item, ...]) -> list[Missing]:
    f, year = ctx.folder, ctx.folder.year
    out: list[Missing] = []
    units = ctx.measured.units if ctx.measured is not None else ()
    have = {p.unit for p in f.year_files.plans}
    out += [Missing(MEASURING, f"Rencana Aksi {year} {ctx.unit_name(u)}",
                    f"Belum ada berkas {f.folder}/renaksi/{u}.yaml.") for u in units if u not in have]
    out += _unsigned(ctx, items, MEASURING, f.action_plan_versions, f"Rencana Aksi {year} bertanda tangan",
                     f"renaksi-{year}-v1.pdf", " --document renaksi")
    out += _missing_reports(ctx)
    held = {i.source for i in items}
    absent: dict[str, list[str]] = {}
    for r in f.year_files.reports:
        for realisation in r.realisations:
            for path in realisation.evidence:
                if f"{f.folder}/{path}" not in held:
                    absent.setdefault(path, []).append(f"{r.at.file} ({realisation.indicator})")
    out += [Missing(MEASURING, f"Data dukung {path}", f"Disebut di {'; '.join(where)} tetapi berkasnya tidak ada "
                                                      f"di repositori.") for path, where in sorted(absent.items())]
    return out


def _missing_reports(ctx: _Context) -> list[Missing]:
    """The quarterly reports not in: a quarter still running, a report awaited, a report late."""
    f, year = ctx.folder, ctx.folder.year
    out: list[Missing] = []
    states = ctx.measured.reports if ctx.measured is not None else ()
    for s in sorted((s for s in states if s.report is None), key=lambda s: (s.quarter, s.unit)):
        title = f"Laporan {QUARTER_NAMES[s.quarter]} {year} {ctx.unit_name(s.unit)}"
        if s.state == NOT_ENDED:
            why = f"Triwulan belum berakhir (berakhir {_date_id(quarter_end(year, s.quarter))})."
        elif s.state == LATE_MISSING:
            why = f"Belum masuk; batas penyerahan {_date_id(s.due)}, terlambat {s.late_days} hari kerja."
        else:
            why = f"Belum masuk; batas penyerahan {_date_id(s.due)}."
        out.append(Missing(MEASURING, title, f"{why} Berkas: {f.folder}/laporan/tw{s.quarter}/{s.unit}.yaml."))
    return out
