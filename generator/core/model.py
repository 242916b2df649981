"""The repository as plain, typed, immutable data.

Built only from documents that passed their schema, so the builders can index
without checks. Every object knows where it came from (`at`: file and JSON
path), so rules and pages can point back at the exact line without ever
touching positions themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.core.problems import Path


@dataclass(frozen=True, slots=True)
class At:
    file: str
    path: Path = ()

    def __truediv__(self, part: str | int) -> At:
        return At(self.file, self.path + (part,))


# --- agency -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Person:
    code: str
    name: str
    nip: str
    position: str
    github: str | None
    at: At
    rank: str | None = None  # `pangkat`: pangkat/golongan, printed under the name when given


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    short: str
    head: str  # person code
    at: At


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    name: str
    members: tuple[str, ...]  # person codes
    at: At


@dataclass(frozen=True, slots=True)
class DayOverride:
    date: dt.date
    note: str
    at: At


@dataclass(frozen=True, slots=True)
class Official:
    """Someone outside the staff list who signs beside the head (the Bupati, on a Perjanjian Kinerja)."""

    name: str
    position: str
    rank: str | None
    nip: str | None  # a kepala daerah has none
    at: At


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    short: str
    government: str
    address: str
    city: str
    head: str  # person code
    timezone: str
    persons: tuple[Person, ...]
    units: tuple[Unit, ...]
    roles: tuple[Role, ...]
    extra_holidays: tuple[DayOverride, ...]
    extra_workdays: tuple[DayOverride, ...]
    at: At
    logo: str | None = None  # file name under cycles/ (`instansi.logo`)
    # the logo's bytes, read at the I/O edge (validate.py); None when absent or unreadable
    logo_data: bytes | None = None
    superior: Official | None = None  # `instansi.atasan`: pihak kedua of the Perjanjian Kinerja

    def person(self, code: str) -> Person | None:
        return next((p for p in self.persons if p.code == code), None)

    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units if u.code == code), None)

    def role(self, code: str) -> Role | None:
        return next((r for r in self.roles if r.code == code), None)


# --- SOP ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Lane:
    code: str
    name: str
    at: At


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    short: str
    description: str
    executor: str  # lane code
    supporting: tuple[str, ...]
    inputs: str
    days: int  # working days
    days_written: str  # as the SOP document writes it ("1 Minggu")
    output: str
    note: str | None
    evidence: str  # peristiwa | form_unit | form_lengkap | arsip
    on_reject: int | None  # for decision steps: where "tidak" goes back to
    at: At

    @property
    def is_decision(self) -> bool:
        return self.on_reject is not None


@dataclass(frozen=True, slots=True)
class Sop:
    name: str
    number: str | None
    made_on: dt.date | None
    revised_on: dt.date | None
    effective_on: dt.date | None
    approved_by: str | None
    legal_basis: tuple[str, ...]
    qualifications: tuple[str, ...]
    related: tuple[str, ...]
    equipment: tuple[str, ...]
    warnings: tuple[str, ...]
    records: tuple[str, ...]
    lanes: tuple[Lane, ...]
    steps: tuple[Step, ...]
    at: At

    def step(self, number: int) -> Step | None:
        return next((s for s in self.steps if s.number == number), None)


# --- Renstra ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Goal:
    code: str
    description: str
    at: At


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    description: str
    unit_of_measure: str | None  # None when the targets carry their unit ("85 point")
    is_iku: bool
    formula: str | None  # cara pengukuran
    units: tuple[str, ...]
    targets: tuple[tuple[int, str | int], ...]  # (year, target), in file order; "-" = no target that year
    at: At

    def target(self, year: int) -> str | int | None:
        """The target as typed for `year`; None when the year is not written at all (forgotten),
        as opposed to "-" (the plan says there is no target that year)."""
        return next((t for y, t in self.targets if y == year), None)


@dataclass(frozen=True, slots=True)
class Objective:
    code: str
    goal: str
    description: str
    indicators: tuple[Indicator, ...]
    at: At


@dataclass(frozen=True, slots=True)
class Renstra:
    title: str
    is_example: bool
    basis: str | None
    first_year: int
    last_year: int
    goals: tuple[Goal, ...]
    objectives: tuple[Objective, ...]
    at: At

    def objective(self, code: str) -> Objective | None:
        return next((o for o in self.objectives if o.code == code), None)

    def indicators(self) -> Iterator[tuple[Objective, Indicator]]:
        for o in self.objectives:
            for i in o.indicators:
                yield o, i


# --- cycles -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Event:
    index: int  # position in the log
    step: int
    date: dt.date
    by: str  # person code
    unit: str | None
    decision: str | None  # ya | tidak
    skipped: bool
    note: str | None
    evidence: str | None
    at: At


@dataclass(frozen=True, slots=True)
class Cycle:
    year: int
    start: dt.date
    required_units: tuple[str, ...]
    ceilings: tuple[tuple[str, int], ...]  # (unit, pagu)
    events: tuple[Event, ...]
    at: At
    dates_from_git: bool = True
    recorded: bool = False  # `dicatat_kemudian`: an archive entered after the fact

    def ceiling(self, unit: str) -> int | None:
        return next((v for u, v in self.ceilings if u == unit), None)


@dataclass(frozen=True, slots=True)
class TargetRow:
    indicator: str
    target: str | int
    note: str | None
    at: At
    description: str | None = None  # `uraian`: the indicator's text when the form was made (a Renstra revision shows)


@dataclass(frozen=True, slots=True)
class PerformanceRow:
    objective: str
    indicators: tuple[TargetRow, ...]
    at: At


@dataclass(frozen=True, slots=True)
class SubActivity:
    code: str
    name: str
    indicator: str
    target: str | int
    unit_of_measure: str | None
    budget: int
    responsible: str
    at: At

    @property
    def has_budget(self) -> bool:
        return True  # `anggaran` is required on a sub kegiatan


# A pagu may be stated at any level: a program's or kegiatan's `anggaran` when the detail
# below it is not known yet. A node's budget is its own amount when stated, else the sum of
# its children: totals never count a stated amount and its children twice (rules.py checks
# that a stated amount equals its children's sum when both are there).

@dataclass(frozen=True, slots=True)
class Activity:
    code: str
    name: str
    indicator: str | None
    target: str | int | None
    subs: tuple[SubActivity, ...]
    at: At
    amount: int | None = None  # `anggaran` stated on the kegiatan itself

    @property
    def children(self) -> tuple[SubActivity, ...]:
        return self.subs

    @property
    def has_budget(self) -> bool:
        return self.amount is not None or bool(self.subs)

    @property
    def budget(self) -> int:
        return self.amount if self.amount is not None else sum(s.budget for s in self.subs)


@dataclass(frozen=True, slots=True)
class Program:
    code: str
    name: str
    indicator: str | None
    target: str | int | None
    activities: tuple[Activity, ...]
    at: At
    amount: int | None = None  # `anggaran` stated on the program itself

    @property
    def children(self) -> tuple[Activity, ...]:
        return self.activities

    @property
    def has_budget(self) -> bool:
        return self.amount is not None or any(a.has_budget for a in self.activities)

    @property
    def budget(self) -> int:
        return self.amount if self.amount is not None else sum(a.budget for a in self.activities)


@dataclass(frozen=True, slots=True)
class Form:
    year: int
    unit: str
    filled_on: dt.date | None
    author: str | None
    performance: tuple[PerformanceRow, ...]
    programs: tuple[Program, ...]
    at: At

    @property
    def budget(self) -> int:
        return sum(p.budget for p in self.programs)


@dataclass(frozen=True, slots=True)
class Signer:
    person: str | None
    position: str
    name: str
    nip: str


@dataclass(frozen=True, slots=True)
class RecordedCalendar:
    """The working days a signed cycle was computed with (`kalender` of the signed metadata)."""

    library: str  # version of the `holidays` package
    first: dt.date
    last: dt.date
    days_off: tuple[dt.date, ...]  # Monday-Friday days in [first, last] that were not working days
    workdays: tuple[dt.date, ...]  # Saturdays and Sundays in [first, last] that were working days


@dataclass(frozen=True, slots=True)
class SignedVersion:
    year: int
    version: int
    date: dt.date
    signer: Signer
    scan: str  # file name beside the metadata
    sha256: str
    commit: str
    content_fingerprint: str | None
    note: str | None
    at: At
    # facts about the scan on disk, gathered at the I/O edge
    scan_path: str = ""
    scan_exists: bool = False
    scan_sha256: str | None = None
    scan_is_pdf: bool = False
    replaces: int | None = None  # `menggantikan`: the version this one revises
    calendar: RecordedCalendar | None = None


@dataclass(frozen=True, slots=True)
class CycleFolder:
    """Everything under cycles/<year>/."""

    year: int
    folder: str
    cycle: Cycle | None  # None when cycle.yaml is missing or invalid
    forms: tuple[Form, ...]
    signed: tuple[SignedVersion, ...]
    files: tuple[str, ...] = field(default=())  # every file present, for evidence links
    # signed Perjanjian Kinerja scans (signed/pk-<year>-v<n>), kept apart from the RKT's versions
    agreements: tuple[SignedVersion, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Repository:
    """Everything read from cycles/; a reference file that failed its schema is None."""

    agency: Agency | None
    sop: Sop | None
    renstra: Renstra | None
    cycles: tuple[CycleFolder, ...]

    def complete(self) -> ValidRepository | None:
        """The same repository with its three reference files known, or None when one is missing."""
        if self.agency is None or self.sop is None or self.renstra is None:
            return None
        return ValidRepository(self.agency, self.sop, self.renstra, self.cycles)


@dataclass(frozen=True)
class ValidRepository:
    """A repository whose agency.yaml, sop.yaml and renstra.yaml passed their schemas: what
    every step after validation works with, none of its parts optional."""

    agency: Agency
    sop: Sop
    renstra: Renstra
    cycles: tuple[CycleFolder, ...]


# --- builders (from schema-valid data) -----------------------------------

def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def build_agency(d: dict, at: At) -> Agency:
    inst = d["instansi"]
    persons = tuple(
        Person(p["kode"], p["nama"], p["nip"], p["jabatan"], p.get("github"), at / "pegawai" / i, p.get("pangkat"))
        for i, p in enumerate(d["pegawai"]))
    units = tuple(
        Unit(u["kode"], u["nama"], u["singkatan"], u["kepala"], at / "unit" / i)
        for i, u in enumerate(d["unit"]))
    roles = tuple(
        Role(r["kode"], r["nama"], tuple(r["pegawai"]), at / "peran" / i)
        for i, r in enumerate(d["peran"]))
    cal = d["kalender"]

    def days(key: str) -> tuple[DayOverride, ...]:
        return tuple(DayOverride(dt.date.fromisoformat(x["tanggal"]), x["keterangan"], at / "kalender" / key / i)
                     for i, x in enumerate(cal[key]))

    return Agency(inst["nama"], inst["singkatan"], inst["pemerintah"], inst["alamat"], inst["kota"],
                  inst["kepala"], d["zona_waktu"], persons, units, roles,
                  days("libur_tambahan"), days("hari_kerja_tambahan"), at, inst.get("logo"),
                  superior=_official(inst.get("atasan"), at / "instansi" / "atasan"))


def _official(d: dict | None, at: At) -> Official | None:
    return Official(d["nama"], d["jabatan"], d.get("pangkat"), d.get("nip"), at) if d else None


def build_sop(d: dict, at: At) -> Sop:
    lanes = tuple(Lane(x["kode"], x["nama"], at / "pelaksana" / i) for i, x in enumerate(d["pelaksana"]))
    steps = tuple(
        Step(s["nomor"], s["nama_singkat"], s["uraian"], s["pelaksana"], tuple(s.get("pendukung", ())),
             s["kelengkapan"], s["waktu"], s["waktu_tertulis"], s["output"], s.get("keterangan"),
             s["bukti"], s["keputusan"]["tidak"] if "keputusan" in s else None, at / "langkah" / i)
        for i, s in enumerate(d["langkah"]))
    return Sop(d["nama"], d.get("nomor"), _date(d.get("tanggal_pembuatan")), _date(d.get("tanggal_revisi")),
               _date(d.get("tanggal_efektif")), d.get("disahkan_oleh"),
               tuple(d["dasar_hukum"]), tuple(d["kualifikasi_pelaksana"]), tuple(d["keterkaitan"]),
               tuple(d["peralatan"]), tuple(d["peringatan"]), tuple(d["pencatatan"]), lanes, steps, at)


def build_renstra(d: dict, at: At) -> Renstra:
    goals = tuple(Goal(g["kode"], g["uraian"], at / "tujuan" / i) for i, g in enumerate(d["tujuan"]))
    objectives = []
    for i, s in enumerate(d["sasaran"]):
        sat = at / "sasaran" / i
        indicators = tuple(
            Indicator(x["kode"], x["uraian"], x.get("satuan"), x["iku"], x.get("formula"), tuple(x["unit"]),
                      tuple((int(y), t) for y, t in x["target"].items()), sat / "indikator" / j)
            for j, x in enumerate(s["indikator"]))
        objectives.append(Objective(s["kode"], s["tujuan"], s["uraian"], indicators, sat))
    return Renstra(d["judul"], bool(d.get("contoh", False)), d.get("dasar"), d["periode"]["mulai"],
                   d["periode"]["selesai"], goals, tuple(objectives), at)


def build_cycle(d: dict, at: At) -> Cycle:
    events = tuple(
        Event(i, e["langkah"], dt.date.fromisoformat(e["tanggal"]), e["oleh"], e.get("unit"),
              e.get("keputusan"), bool(e.get("dilewati", False)), e.get("catatan"), e.get("bukti"),
              at / "peristiwa" / i)
        for i, e in enumerate(d["peristiwa"]))
    recorded = d.get("dicatat_kemudian", False)
    # a recorded cycle's Git dates are those of the recording, not of the submissions
    return Cycle(d["tahun"], dt.date.fromisoformat(d["mulai"]), tuple(d["unit_wajib"]),
                 tuple((d.get("pagu") or {}).items()), events, at, d.get("tanggal_dari_git", not recorded), recorded)


def build_form(d: dict, at: At) -> Form:
    performance = tuple(
        PerformanceRow(k["sasaran"], tuple(
            TargetRow(x["kode"], x["target"], x.get("catatan"), at / "kinerja" / i / "indikator" / j,
                      x.get("uraian"))
            for j, x in enumerate(k["indikator"])), at / "kinerja" / i)
        for i, k in enumerate(d["kinerja"]))
    programs = []
    for i, p in enumerate(d["program"]):
        pat = at / "program" / i
        activities = []
        for j, k in enumerate(p.get("kegiatan", ())):
            kat = pat / "kegiatan" / j
            subs = tuple(
                SubActivity(s["kode"], s["nama"], s["indikator"], s["target"], s.get("satuan"),
                            s["anggaran"], s["penanggung_jawab"], kat / "sub_kegiatan" / m)
                for m, s in enumerate(k.get("sub_kegiatan", ())))
            activities.append(Activity(k["kode"], k["nama"], k.get("indikator"), k.get("target"), subs, kat,
                                       k.get("anggaran")))
        programs.append(Program(p["kode"], p["nama"], p.get("indikator"), p.get("target"),
                                tuple(activities), pat, p.get("anggaran")))
    return Form(d["tahun"], d["unit"], _date(d.get("tanggal")), d.get("penyusun"), performance,
                tuple(programs), at)


def build_signed(d: dict, at: At) -> SignedVersion:
    s = d["penandatangan"]
    return SignedVersion(d["tahun"], d["versi"], dt.date.fromisoformat(d["tanggal"]),
                         Signer(s.get("pegawai"), s["jabatan"], s["nama"], s["nip"]),
                         d["berkas"], d["sha256"], d["commit"], d.get("sidik_isi"), d.get("catatan"), at,
                         replaces=d.get("menggantikan"), calendar=_recorded_calendar(d.get("kalender")))


def _recorded_calendar(d: dict | None) -> RecordedCalendar | None:
    if d is None:
        return None
    return RecordedCalendar(d["holidays"], dt.date.fromisoformat(d["dari"]), dt.date.fromisoformat(d["sampai"]),
                            tuple(dt.date.fromisoformat(x) for x in d.get("libur", ())),
                            tuple(dt.date.fromisoformat(x) for x in d.get("hari_kerja", ())))


BUILDERS = {
    "agency": build_agency,
    "sop": build_sop,
    "renstra": build_renstra,
    "cycle": build_cycle,
    "form": build_form,
    "signed": build_signed,
}
