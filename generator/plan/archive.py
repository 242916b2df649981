"""The archive of signed versions: what changed between two of them, and the
working-day calendar a signed cycle was computed with.

The content of a version is rebuilt from the repository as it was at the
commit recorded in its metadata (check/versions.py: read with `git archive`,
loaded and checked by the same pipeline), compiled, and compared here with the
previous version's.

Holiday data changes after the fact (the `holidays` package is updated, an
SKB moves a cuti bersama, agency.yaml gains a day off). `rkt sign` records the
working days of the cycle's span; a finished cycle keeps being shown with them,
and the build says when today's calendar would give different days.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from generator.core import fmt
from generator.core.calendar import WorkCalendar
from generator.core.model import CycleFolder, RecordedCalendar, SignedVersion, Sop, program_key
from generator.plan.sealing import archive_step, is_reopened
from generator.plan.status import baseline


def _subs(content: dict) -> dict[tuple[str, str], dict]:
    """Every program line by (unit, key): a program by its code, else by its name (it may have no
    code, as in agreement.py); a kegiatan and a sub kegiatan by their code."""
    out = {}
    for unit in content["unit"]:
        for p in unit["program"]:
            out[(unit["unit"], program_key(p.get("kode"), p["nama"]))] = {**p, "tingkat": "Program"}
            for k in p["kegiatan"]:
                out[(unit["unit"], k["kode"])] = {**k, "tingkat": "Kegiatan"}
                for s in k["sub_kegiatan"]:
                    out[(unit["unit"], s["kode"])] = {**s, "tingkat": "Sub kegiatan"}
    return out


def _label(item: dict) -> str:
    """"5.03.02 Program Kepegawaian Daerah", or the name alone for a program without a code."""
    return f"{item['kode']} {item['nama']}" if item.get("kode") else item["nama"]


def _budget(item: dict) -> int | None:
    """A line's amount: stated, else the sum of the lines below it when every one is known; None
    (unknown, printed "belum ada anggaran") when an amount is not given or there is none below."""
    if "anggaran" in item:
        return item["anggaran"]  # None: a sub kegiatan whose amount is not given yet
    return _sum([_budget(child) for child in item.get("sub_kegiatan", item.get("kegiatan", []))])


def _sum(amounts: list[int | None]) -> int | None:
    """A total over parts: unknown when a part is unknown or there is no part, never a partial sum."""
    return None if not amounts or None in amounts else sum(a for a in amounts if a is not None)


def diff(old: dict, new: dict) -> list[str]:
    """Changes from `old` to `new` (fingerprint.content shapes), in Indonesian, in a stable order:
    indicators, then program lines, then the units' totals."""
    return _indicator_changes(old, new) + _program_changes(old, new) + _unit_totals(old, new)


def _indicator_changes(old: dict, new: dict) -> list[str]:
    out: list[str] = []
    before = {r["indikator"]: r for r in old["kinerja"]}
    after = {r["indikator"]: r for r in new["kinerja"]}
    for code in sorted(after.keys() - before.keys()):
        out.append(f"Indikator {code} ({after[code]['uraian']}) ditambahkan, target {after[code]['target']}.")
    for code in sorted(before.keys() - after.keys()):
        out.append(f"Indikator {code} ({before[code]['uraian']}) dihapus.")
    for code in sorted(before.keys() & after.keys()):
        if before[code]["target"] != after[code]["target"]:
            out.append(f"Target {code} ({after[code]['uraian']}): {before[code]['target']} → {after[code]['target']}.")
    return out


def _program_changes(old: dict, new: dict) -> list[str]:
    """Program, kegiatan and sub kegiatan lines added or removed; the fields of a sub kegiatan changed."""
    out: list[str] = []
    b, a = _subs(old), _subs(new)
    for key in sorted(a.keys() - b.keys()):
        item = a[key]
        out.append(f"{item['tingkat']} {_label(item)} ditambahkan ({key[0]}): {fmt.rupiah(_budget(item))}.")
    for key in sorted(b.keys() - a.keys()):
        item = b[key]
        out.append(f"{item['tingkat']} {_label(item)} dihapus ({key[0]}): {fmt.rupiah(_budget(item))}.")
    for key in sorted(a.keys() & b.keys()):
        if b[key]["tingkat"] == "Sub kegiatan":
            out += _sub_activity_changes(key, b[key], a[key])
        else:
            out += _pagu_change(key, b[key], a[key])
    return out


def _pagu_change(key: tuple[str, str], x: dict, y: dict) -> list[str]:
    """A pagu stated on a program or kegiatan that changed (or was stated, or dropped for detail that
    says otherwise); a change below it shows on the line that changed and in the unit's total."""
    if ("anggaran" not in x and "anggaran" not in y) or _budget(x) == _budget(y):
        return []
    return [f"Anggaran {y['tingkat'].lower()} {_label(y)} ({key[0]}): {fmt.rupiah(_budget(x))} → "
            f"{fmt.rupiah(_budget(y))}."]


_SUB_FIELDS = (("nama", "Nama"), ("indikator", "Indikator"), ("target", "Target"), ("satuan", "Satuan"),
               ("penanggung_jawab", "Penanggung jawab"))


def _sub_activity_changes(key: tuple[str, str], x: dict, y: dict) -> list[str]:
    out: list[str] = []
    for field, label in _SUB_FIELDS:
        if x.get(field) != y.get(field):
            out.append(f"{label} {key[1]} ({key[0]}): {x.get(field) or '—'} → {y.get(field) or '—'}.")
    if x.get("anggaran") != y.get("anggaran"):  # None: not given yet, "belum ada anggaran"
        out.append(f"Anggaran {key[1]} {y['nama']} ({key[0]}): {fmt.rupiah(x.get('anggaran'))} → "
                   f"{fmt.rupiah(y.get('anggaran'))}.")
    return out


def _unit_totals(old: dict, new: dict) -> list[str]:
    out: list[str] = []
    # a unit's total is unknown (None) when one of its amounts is, when it has no program, or when
    # its form was not in that version: "belum ada anggaran", never Rp 0
    units_before = {u["unit"]: _sum([_budget(p) for p in u["program"]]) for u in old["unit"]}
    units_after = {u["unit"]: _sum([_budget(p) for p in u["program"]]) for u in new["unit"]}
    for unit in sorted(units_before.keys() | units_after.keys()):
        total_before, total_after = units_before.get(unit), units_after.get(unit)
        if total_before != total_after:
            out.append(f"Jumlah anggaran {unit}: {fmt.rupiah(total_before)} → {fmt.rupiah(total_after)}.")
    return out


# --- the calendar a signed cycle was computed with ---------------------------

MARGIN = dt.timedelta(days=31)  # the last steps' deadlines run past their dates: keep those days too


def calendar_record(cal: WorkCalendar, folder: CycleFolder, sop: Sop, last_date: dt.date) -> dict:
    """What `rkt sign` stores under `kalender`: every working-day exception (weekdays
    off, weekend days worked) from the cycle's start to a month after its last date."""
    from importlib.metadata import version

    assert folder.cycle is not None
    events = [e.date for e in folder.cycle.events]
    start = folder.cycle.start
    # a cycle recorded afterwards may have no start (and no schedule): from what it recorded
    first = start if start is not None else min([last_date, *events])
    schedule = [baseline(sop, start, cal)[-1].end] if start is not None and not folder.cycle.recorded else []
    last = max([last_date, *schedule, *events]) + MARGIN
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    record: dict = {"holidays": version("holidays"), "dari": first.isoformat(), "sampai": last.isoformat(),
                    "libur": [d.isoformat() for d in days if d.weekday() < 5 and not cal.is_workday(d)]}
    worked = [d.isoformat() for d in days if d.weekday() >= 5 and cal.is_workday(d)]
    if worked:
        record["hari_kerja"] = worked
    return record


def _recorded(folder: CycleFolder, sop: Sop | None) -> tuple[SignedVersion, RecordedCalendar] | None:
    """The calendar of the newest verified signed version, while the cycle is not reopened."""
    verified = [v for v in folder.signed if v.scan_exists and v.scan_sha256 == v.sha256]
    if not verified or folder.cycle is None:
        return None
    newest = max(verified, key=lambda v: v.version)
    archive = archive_step(sop)
    if newest.calendar is None or (archive is not None and
                                   is_reopened([e.step for e in folder.cycle.events], archive)):
        return None
    return newest, newest.calendar


def calendar_for(folder: CycleFolder, sop: Sop | None, cal: WorkCalendar) -> WorkCalendar:
    """The calendar a cycle's status is computed with: today's, except over the span a
    signed cycle recorded, where the recorded working days stand."""
    found = _recorded(folder, sop)
    if found is None:
        return cal
    _, rec = found

    def inside(d: dt.date) -> bool:
        return rec.first <= d <= rec.last

    days_off = {d: name for d, name in cal.days_off.items() if not inside(d) or d.weekday() >= 5}
    for d in rec.days_off:
        days_off[d] = cal.days_off.get(d, "Hari libur (tercatat saat penandatanganan)")
    workdays = {d for d in cal.extra_workdays if not inside(d)} | set(rec.workdays)
    return WorkCalendar(MappingProxyType(dict(sorted(days_off.items()))), frozenset(workdays),
                        cal.years_without_cuti)


def calendar_drift(folders: tuple[CycleFolder, ...], sop: Sop | None, cal: WorkCalendar) -> list[str]:
    """Warnings (Indonesian) for finished cycles whose recorded working days differ
    from what today's calendar gives over the same span."""
    from importlib.metadata import version

    out = []
    for folder in sorted(folders, key=lambda f: f.year):
        found = _recorded(folder, sop)
        if found is None:
            continue
        v, rec = found
        days = [rec.first + dt.timedelta(days=n) for n in range((rec.last - rec.first).days + 1)]
        was_off = set(rec.days_off) | {d for d in days if d.weekday() >= 5 and d not in set(rec.workdays)}
        now_off = {d for d in days if not cal.is_workday(d)}
        if was_off == now_off:
            continue
        changes = [f"{fmt.date_id(d)} kini hari libur" for d in sorted(now_off - was_off)]
        changes += [f"{fmt.date_id(d)} kini hari kerja" for d in sorted(was_off - now_off)]
        out.append(f"Kalender hari kerja siklus {folder.year} berbeda dari saat versi {v.version} ditandatangani "
                   f"(data hari libur: paket holidays {rec.library}, sekarang {version('holidays')}): "
                   f"{'; '.join(changes)}. Halaman siklus {folder.year} tetap memakai kalender yang tercatat; "
                   f"riwayat yang sudah ditandatangani tidak dihitung ulang.")
    return out
