"""The agency's published data: `data/rkt.json` beside the pages of its dashboard.

A regency dashboard (`rkt kabupaten build`) gathers every perangkat daerah's RKT
from these files, without any access to their repositories. The file is the
contract between the two, so it is described by its own versioned schema
(`schemas/data-rkt.v<N>.schema.json`, `versi_skema`), and it says nothing the
site does not already show: names and jabatan of the people who must act and
of signers, never a NIP (the regency does not need one, and a file is easier to
harvest than a page).

Version 2 adds each cycle's performance year (`kinerja_tahunan`,
`published_performance.py`) and keeps version 1's content as it was; the regency
reads both (`READABLE`), because an agency still on an older tool publishes 1.
Within version 2, `akuntabilitas` (the LKjIP and the SAKIP stages after the year,
`published_sakip.py`) is optional: written once the year has ended, absent in files
of older tools.

Pure functions of the model and the derived status; `dumps` makes the bytes
deterministic (sorted keys, the build's "today" as the only date that is not data).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from generator import __version__
from generator.core.model import Agency, CycleFolder, Repository, Sop
from generator.plan.compile import CompiledRkt, PerformanceRow
from generator.plan.sakip import sakip_year
from generator.plan.status import CycleStatus, who_must_act
from generator.site.published_performance import performance_year
from generator.site.published_sakip import accountability

if TYPE_CHECKING:  # the regency reads this module's constants without deriving anything
    from generator.plan.derive import Derived

PATH = "data/rkt.json"  # under docs/, so the site engine copies it beside the pages
SCHEMA_VERSION = 2
READABLE = (1, 2)  # the versions a regency reads: an agency on an older tool still publishes 1


def schema_file(version: int) -> str:
    return f"data-rkt.v{version}.schema.json"


SCHEMA_FILE = schema_file(SCHEMA_VERSION)
TOOL = "rkt-dashboard"


def published(repo: Repository, d: Derived) -> dict:
    """The whole file as plain data."""
    agency = repo.agency
    assert agency is not None and repo.sop is not None
    return {
        "versi_skema": SCHEMA_VERSION,
        "pembuat": {"nama": TOOL, "versi": __version__},
        "tanggal_data": d.today.isoformat(),
        "instansi": {"nama": agency.name, "singkatan": agency.short, "pemerintah": agency.government,
                     "kota": agency.city},
        "siklus": [_with_year(cycle(c, d.statuses[c.year], d.compiled[c.year], agency, repo.sop), c, d, agency)
                   for c in d.folders],
    }


def _with_year(entry: dict, folder: CycleFolder, d: Derived, agency: Agency) -> dict:
    """A cycle of version 1 with its performance year added (version 2), and once the year has
    ended its SAKIP stages (`akuntabilitas`, optional)."""
    targets = {row.indicator.code: agreed(row) for row in d.compiled[folder.year].performance}
    stages = accountability(sakip_year(folder, agency, d.cal, d.today))
    return {**entry, "kinerja_tahunan": performance_year(d.measured[folder.year], folder, agency, targets),
            **({"akuntabilitas": stages} if stages is not None else {})}


def dumps(data: dict) -> bytes:
    """The file's bytes: the same data always gives the same bytes."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def cycle(folder: CycleFolder, st: CycleStatus, rkt: CompiledRkt, agency: Agency, sop: Sop) -> dict:
    assert folder.cycle is not None
    finish, basis, behind = forecast(st)
    lanes = {ln.code: ln.name for ln in sop.lanes}
    return {
        "tahun": folder.year,
        "mulai": _day(folder.cycle.start),
        "fase": st.phase,
        "jadwal_dasar_selesai": _day(st.baseline_end),
        "perkiraan_selesai": _day(finish),
        "dasar_perkiraan": basis,
        "perkiraan_tertinggal_hari_kerja": behind,
        "tertinggal_hari_kerja": st.slip,
        "putaran_revisi": len(st.rejections),
        "langkah": [{
            "nomor": s.step.number,
            "nama": s.step.short,
            "pelaksana": lanes.get(s.step.executor, s.step.executor),
            "status": s.state,
            "jadwal_dasar_mulai": _day(s.planned.start if s.planned else None),
            "jadwal_dasar_selesai": _day(s.planned.end if s.planned else None),
            "mulai": _day(s.started),
            "selesai": _day(s.finished),
            "tenggat": _day(s.deadline),
            "terlambat_hari_kerja": s.late_by,
            "perkiraan_selesai": _day(s.finished or _step_forecast(st, s.step.number)),
        } for s in st.steps],
        "harus_bertindak": acting(st, agency, lanes),
        "unit_wajib": len(st.submissions),
        "form_masuk": st.forms_in,
        "diarsipkan": _day(st.archived_on),
        "unit_belum": [{"kode": u, "nama": _unit_name(agency, u)} for u in st.missing_units],
        "rkt": compiled(rkt),
        "versi_bertanda_tangan": [{
            "versi": v.version,
            "tanggal": v.date.isoformat(),
            "penandatangan": {"nama": v.signer.name, "jabatan": v.signer.position},
            "berkas": v.scan,
            "sha256": v.sha256,
            "commit": v.commit,
            "terverifikasi": v.scan_exists and v.scan_sha256 == v.sha256,
        } for v in sorted(folder.signed, key=lambda v: v.version)],
    }


def forecast(st: CycleStatus) -> tuple[dt.date | None, str, int]:
    """(date, basis, working days past the baseline): when the cycle finished (its RKT signed,
    never its archiving into the repository), or when it is expected to. A cycle not yet started,
    or one without a forecast, has only the baseline's end, and the file says so (`jadwal-dasar`)
    so no reader takes it for a prediction. A cycle recorded afterwards has no schedule: only the
    day it was signed, when that was recorded, and never a lateness."""
    if st.finished:
        return st.finished_on, "selesai", st.ended_behind
    if st.forecast is not None:
        return st.forecast.finish, "perkiraan", st.forecast.behind
    return st.baseline_end, "jadwal-dasar", 0


def _step_forecast(st: CycleStatus, number: int) -> dt.date | None:
    step = st.forecast.step(number) if st.forecast is not None else None
    return step.end if step is not None else None


def acting(st: CycleStatus, agency: Agency, lanes: dict[str, str]) -> list[dict]:
    """Who must act now (status.who_must_act, as the agency's Beranda shows it), by step."""
    out: dict[int, dict] = {}
    for actor in who_must_act(st, agency):
        s = actor.step.step
        entry = out.setdefault(s.number, {"langkah": s.number, "nama_langkah": s.short,
                                          "pelaksana": lanes.get(s.executor, s.executor), "orang": []})
        entry["orang"].append({"nama": actor.person.name, "jabatan": actor.person.position})
    return list(out.values())


def compiled(rkt: CompiledRkt) -> dict:
    """The performance table grouped by sasaran, and the budget per unit."""
    objectives: dict[str, dict] = {}
    for row in rkt.performance:
        obj = objectives.setdefault(row.objective.code, {
            "kode": row.objective.code, "uraian": row.objective.description, "indikator": []})
        obj["indikator"].append({"kode": row.indicator.code, "uraian": row.indicator.description,
                                 "satuan": row.indicator.unit_of_measure, "target": agreed(row),
                                 "target_renstra": row.renstra})
    return {
        "draf": rkt.draft,
        "kinerja": list(objectives.values()),
        # null: no budget known (never 0); a unit with a form but no program has none to add
        "anggaran_unit": [{"kode": p.unit.code, "nama": p.unit.name,
                           "anggaran": p.total if p.has_programs else None,
                           "diserahkan": p.form is not None} for p in rkt.units],
        "jumlah_anggaran": rkt.total,
        "jumlah_sub_kegiatan": rkt.sub_activity_count,
    }


def agreed(row: PerformanceRow) -> str | int | None:
    """The target the RKT prints for an indicator: the units' agreed one as typed (a number stays
    a number); every unit's when they differ; None while it is "belum diisi"."""
    if not row.filled:
        return None
    distinct = row.distinct
    if len(distinct) == 1:
        return distinct[0].target
    return row.target_text[:100]


def _unit_name(agency: Agency, code: str) -> str:
    unit = agency.unit(code)
    return unit.name if unit else code
