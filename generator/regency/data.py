"""An agency's published file, read as untrusted input.

Strict JSON (no duplicate keys, no NaN, bounded depth), UTF-8 only, the same
screen for invisible and bidi characters as the YAML loader applies to agency
files, then the published schema of the file's own version
(`schemas/data-rkt.v<N>.schema.json`: 1, or 2 with the performance year; an
agency on an older tool still publishes 1). Only a file that passes everything
becomes `Published`; otherwise the reason, in Indonesian, names the first
problem found.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

from generator.regency import yeardata
from generator.regency.config import SCHEMAS
from generator.regency.yeardata import PerformanceYear
from generator.site.published import READABLE, SCHEMA_VERSION, schema_file
from generator.source.schema import compile_fast, python_schema
from generator.source.schemamessages import problems as schema_problems
from generator.source.screen import BAD_DECODED  # one screen for every text rkt reads

INVALID = "data tidak sah"


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    name: str
    executor: str
    state: str
    planned_end: dt.date | None  # None: a cycle recorded afterwards has no SOP schedule
    started: dt.date | None
    finished: dt.date | None
    deadline: dt.date | None
    late_by: int


@dataclass(frozen=True, slots=True)
class Acting:
    step: int
    step_name: str
    executor: str
    people: tuple[tuple[str, str], ...]  # (name, jabatan)


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    description: str
    unit_of_measure: str | None
    target: str | int | None
    renstra_target: str | int | None


@dataclass(frozen=True, slots=True)
class Objective:
    code: str
    description: str
    regency_goal: str | None  # as the agency states it (kabupaten.yaml may say otherwise)
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True, slots=True)
class UnitBudget:
    code: str
    name: str
    budget: int | None  # None: belum ada anggaran (a file published before this was possible has 0)
    submitted: bool


@dataclass(frozen=True, slots=True)
class Signed:
    version: int
    date: dt.date
    signer: str
    position: str
    scan: str
    sha256: str
    commit: str
    verified: bool


@dataclass(frozen=True, slots=True)
class SakipStage:
    """One SAKIP stage after the year as the agency judged it (`akuntabilitas.tahapan`)."""

    stage: str  # lkjip | reviu | penyampaian | unggah
    name: str
    due: dt.date
    done: dt.date | None
    state: str  # belum-waktunya | menunggu | terlambat | selesai-tepat-waktu | selesai-terlambat | tanpa-catatan
    late_days: int


@dataclass(frozen=True, slots=True)
class Cycle:
    year: int
    start: dt.date | None  # None: recorded afterwards without a start date
    phase: str  # dijadwalkan | berjalan | selesai | dicatat
    baseline_end: dt.date | None  # None: a cycle recorded afterwards has no SOP schedule
    forecast: dt.date | None  # a finished cycle: the day its RKT was signed
    forecast_basis: str  # selesai | perkiraan | jadwal-dasar
    behind: int  # working days the forecast (or the real end) lies past the baseline's end
    slip: int
    revisions: int
    steps: tuple[Step, ...]
    acting: tuple[Acting, ...]
    required: int
    missing: tuple[tuple[str, str], ...]  # (code, name)
    draft: bool
    objectives: tuple[Objective, ...]
    budgets: tuple[UnitBudget, ...]
    total_budget: int | None  # None: belum ada anggaran
    sub_activities: int
    signed: tuple[Signed, ...]
    forms_in: int | None = None  # `form_masuk`, the agency's own count (None in files published before it)
    archived: dt.date | None = None  # `diarsipkan`: the signed scan archived in the repository
    performance: PerformanceYear | None = None  # `kinerja_tahunan` (version 2); None in a file of version 1
    # `akuntabilitas` (optional in version 2): the LKjIP and the stages after it; None: not in the data
    accountability: tuple[SakipStage, ...] | None = None

    def stage(self, code: str) -> SakipStage | None:
        return next((s for s in self.accountability or () if s.stage == code), None)

    @property
    def finished(self) -> bool:
        return self.phase in ("selesai", "dicatat")

    @property
    def late_steps(self) -> tuple[Step, ...]:
        """Steps running past their SOP time."""
        return tuple(s for s in self.steps if s.state == "terlambat" and s.finished is None)

    @property
    def lateness(self) -> int:
        """A running cycle's lateness as its agency's dashboard gives it (`CycleStatus.late_days`): the
        working days its running steps are past their deadlines, at most. A forecast to finish after
        the SOP schedule is not lateness (yet): it is said as a forecast, with what it compares."""
        if self.phase != "berjalan":
            return 0
        return max((s.late_by for s in self.late_steps), default=0)

    @property
    def current(self) -> Step | None:
        """The first step not done (what the cycle waits for)."""
        return next((s for s in self.steps if s.finished is None and s.state not in ("dilewati", "tanpa-catatan")),
                    None)

    @property
    def submitted(self) -> int:
        """Required units whose form is in: the agency's own count (the one its Beranda and `rkt status`
        give); from a file published before it, the units whose form is there."""
        if self.forms_in is not None:
            return self.forms_in
        return sum(1 for b in self.budgets if b.submitted)

    @property
    def verified_signed(self) -> tuple[Signed, ...]:
        return tuple(v for v in self.signed if v.verified)


@dataclass(frozen=True, slots=True)
class Published:
    as_of: dt.date  # the agency build's "today": everything here is as of that day
    version: int  # `versi_skema`: 1 has no performance year
    name: str
    short: str
    government: str
    tool_version: str
    cycles: tuple[Cycle, ...]  # newest first

    def cycle(self, year: int) -> Cycle | None:
        return next((c for c in self.cycles if c.year == year), None)

    @property
    def current(self) -> Cycle | None:
        """The cycle the agency works on: its oldest unfinished one, else its newest."""
        running = [c for c in self.cycles if not c.finished]
        if running:
            return min(running, key=lambda c: c.year)
        return self.cycles[0] if self.cycles else None


class Invalid(Exception):
    """The file is not valid published data; the message (Indonesian) says why."""


@lru_cache(maxsize=8)
def validator(folder: Path = SCHEMAS, version: int = SCHEMA_VERSION) -> Draft202012Validator:
    schema = json.loads((folder / schema_file(version)).read_text(encoding="utf-8"))
    return Draft202012Validator(python_schema(schema), format_checker=FormatChecker(formats=("date",)))


@lru_cache(maxsize=8)
def _fast(folder: Path = SCHEMAS, version: int = SCHEMA_VERSION) -> Callable[[object], object]:
    """The compiled yes/no check (as schema.py does for agency files): most files are valid, and
    jsonschema would spend ~0.1 s proving it for each; it explains the ones that are not."""
    schema = json.loads((folder / schema_file(version)).read_text(encoding="utf-8"))
    checker = FormatChecker(formats=("date",))
    return functools.partial(compile_fast(python_schema(schema)),
                             custom_formats={"date": lambda value: checker.conforms(value, "date")})


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise Invalid(f"kunci '{key}' ganda")
        out[key] = value
    return out


def _no_constant(name: str) -> object:
    raise Invalid(f"nilai {name} bukan JSON yang sah")


def _where(path) -> str:
    return "/".join(str(p) for p in path) or "(akar)"


def _screen(node: object, path: tuple = ()) -> None:
    """Refuse text with control, bidi or invisible characters (they could disguise a name)."""
    if isinstance(node, str):
        m = BAD_DECODED.search(node)
        if m:
            raise Invalid(f"{_where(path)}: karakter tak terlihat U+{ord(m.group()):04X} tidak diizinkan")
    elif isinstance(node, dict):
        for k, v in node.items():
            _screen(k, path)
            _screen(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _screen(v, path + (i,))


def check(body: bytes, folder: Path = SCHEMAS) -> dict:
    """The file's data if it is valid published data, else `Invalid`."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid("berkas bukan teks UTF-8") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise Invalid(f"bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno})") from None
    except RecursionError:
        raise Invalid("struktur JSON terlalu dalam") from None
    except ValueError:  # a number of thousands of digits (Python's own message is English and technical)
        raise Invalid("bukan JSON yang sah: ada angka yang terlalu panjang (ribuan digit)") from None
    return validate(data, folder)


def validate(data: object, folder: Path = SCHEMAS) -> dict:
    """`data` if it is valid published data, else `Invalid` naming the first problem."""
    version = _version(data)
    try:
        _fast(folder, version)(data)
        errors = []
    except fastjsonschema.JsonSchemaException:
        errors = sorted(validator(folder, version).iter_errors(data),
                        key=lambda e: ([str(p) for p in e.absolute_path], str(e.validator)))
        if not errors:  # the validators disagree (a bug of rkt): fail closed
            raise Invalid("tidak lolos pemeriksaan skema") from None
    for error in errors:
        for problem in schema_problems(error, "data/rkt.json"):
            where = f"{_where(problem.path)}: " if problem.path else ""
            raise Invalid(where + problem.message)
    if not isinstance(data, dict):  # the schema admits only an object: fail closed all the same
        raise Invalid("tidak lolos pemeriksaan skema")
    _screen(data)
    years = [c["tahun"] for c in data["siklus"]]
    if len(set(years)) != len(years):
        raise Invalid("siklus: tahun yang sama tercantum lebih dari sekali")
    _check_years(data)
    return data


def _version(data: object) -> int:
    """The schema version to check `data` against: its own when this tool reads it; the newest when
    it states none readable (the schema then names what is wrong); `Invalid` for a version unknown."""
    version = data.get("versi_skema") if isinstance(data, dict) else None
    if isinstance(version, bool) or not isinstance(version, int):
        return SCHEMA_VERSION
    if version not in READABLE:
        known = " dan ".join(str(v) for v in READABLE)
        raise Invalid(f"versi skema {version} tidak dikenal (alat ini membaca versi {known}); "
                      f"perbarui alat rkt di repositori kabupaten")
    return version


def _check_years(data: dict) -> None:
    """What the schema cannot say about each performance year: fail now, not while drawing pages."""
    for n, c in enumerate(data["siklus"]):
        try:
            yeardata.from_data(c.get("kinerja_tahunan"), f"siklus/{n}/kinerja_tahunan")
        except yeardata.YearInvalid as exc:
            raise Invalid(str(exc)) from None


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _stages(a: dict | None) -> tuple[SakipStage, ...] | None:
    if a is None:
        return None
    return tuple(SakipStage(s["tahap"], s["nama"], dt.date.fromisoformat(s["tenggat"]), _d(s["selesai"]), s["status"],
                            s["terlambat_hari_kerja"]) for s in a["tahapan"])


def from_data(data: dict) -> Published:
    """A schema-valid file as typed data."""
    cycles = []
    for n, c in enumerate(data["siklus"]):
        rkt = c["rkt"]
        cycles.append(Cycle(
            c["tahun"], _d(c["mulai"]), c["fase"], _d(c["jadwal_dasar_selesai"]),
            _d(c["perkiraan_selesai"]), c["dasar_perkiraan"], c["perkiraan_tertinggal_hari_kerja"],
            c["tertinggal_hari_kerja"], c["putaran_revisi"],
            tuple(Step(s["nomor"], s["nama"], s["pelaksana"], s["status"],
                       _d(s["jadwal_dasar_selesai"]), _d(s["mulai"]), _d(s["selesai"]),
                       _d(s["tenggat"]), s["terlambat_hari_kerja"]) for s in c["langkah"]),
            tuple(Acting(a["langkah"], a["nama_langkah"], a["pelaksana"],
                         tuple((p["nama"], p["jabatan"]) for p in a["orang"])) for a in c["harus_bertindak"]),
            c["unit_wajib"], tuple((u["kode"], u["nama"]) for u in c["unit_belum"]), rkt["draf"],
            tuple(Objective(o["kode"], o["uraian"], o.get("sasaran_kabupaten"), tuple(
                Indicator(i["kode"], i["uraian"], i["satuan"], i["target"], i["target_renstra"])
                for i in o["indikator"])) for o in rkt["kinerja"]),
            tuple(UnitBudget(u["kode"], u["nama"], u["anggaran"], u["diserahkan"]) for u in rkt["anggaran_unit"]),
            rkt["jumlah_anggaran"], rkt["jumlah_sub_kegiatan"],
            tuple(Signed(v["versi"], dt.date.fromisoformat(v["tanggal"]), v["penandatangan"]["nama"],
                         v["penandatangan"]["jabatan"], v["berkas"], v["sha256"], v["commit"], v["terverifikasi"])
                  for v in c["versi_bertanda_tangan"]),
            c.get("form_masuk"), _d(c.get("diarsipkan")),
            yeardata.from_data(c.get("kinerja_tahunan"), f"siklus/{n}/kinerja_tahunan"),
            _stages(c.get("akuntabilitas"))))
    inst = data["instansi"]
    return Published(dt.date.fromisoformat(data["tanggal_data"]), data["versi_skema"], inst["nama"], inst["singkatan"],
                     inst["pemerintah"], data["pembuat"]["versi"], tuple(sorted(cycles, key=lambda c: -c.year)))
