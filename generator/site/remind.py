"""`rkt remind`: the text of the daily reminder issue (pure).

Its title keeps the SOP's own words, "Peringatan: Tepat Waktu": the reminder workflow finds the open
issue of a cycle by its title, so a new title would leave the old issue open beside a new one."""

from __future__ import annotations

import json

from generator.core import fmt
from generator.core.model import Agency, Sop
from generator.plan.status import DICATAT, DIJADWALKAN, CycleStatus


def title(year: int) -> str:
    return f"Peringatan: Tepat Waktu — RKT {year}"


def assignees(status: CycleStatus, agency: Agency, sop: Sop) -> list[str]:
    """GitHub handles of who must act: the roles running late steps, and the heads of units not in."""
    codes: list[str] = []
    for s in status.late:
        if s.step.evidence in ("form_unit", "form_lengkap"):
            continue  # a form step waits on the units that have not submitted: their heads, below
        role = agency.role(s.step.executor)
        if role is not None:
            codes += list(role.members)
    for unit in status.missing_units:
        u = agency.unit(unit)
        if u is not None:
            codes.append(u.head)
    out = []
    for code in codes:
        p = agency.person(code)
        if p is not None and p.github and p.github not in out:
            out.append(p.github)
    return out[:10]  # GitHub accepts at most 10 assignees


def markdown(status: CycleStatus, agency: Agency, sop: Sop, site_hint: str = "") -> str:
    lanes = {ln.code: ln.name for ln in sop.lanes}
    lines = [f"Keadaan per {fmt.date_id(status.today)} untuk siklus RKT {status.year}.", ""]
    if status.phase == DIJADWALKAN:
        return "\n".join(lines + [f"Siklus ini dijadwalkan mulai {fmt.date_id(status.start)}. Belum ada langkah "
                                  f"yang berjalan, jadi belum ada yang perlu diingatkan."]) + "\n"
    if status.phase == DICATAT:
        return "\n".join(lines + ["Siklus ini dicatat kemudian (arsip): keterlambatannya tidak dinilai dan "
                                  "tidak ada yang perlu diingatkan."]) + "\n"
    if status.late:
        lines.append("**Langkah yang terlambat**")
        lines.append("")
        for s in status.late:
            executor = lanes.get(s.step.executor, s.step.executor)
            lines.append(f"- Langkah {s.step.number} ({s.step.short}), pelaksana {executor}: "
                         f"terlambat {s.late_by} hari kerja (tenggat {fmt.date_id(s.deadline)}, waktu SOP "
                         f"{s.step.days_written}).")
        lines.append("")
    if status.missing_units:
        lines.append("**Unit yang belum menyerahkan Form RKT**")
        lines.append("")
        for unit in status.missing_units:
            u = agency.unit(unit)
            head = agency.person(u.head) if u else None
            who = f" — {head.name}" + (f" (@{head.github})" if head and head.github else "") if head else ""
            lines.append(f"- {u.name if u else unit}{who}")
        lines.append("")
    if status.forecast is not None:
        f = status.forecast
        versus = f"{f.behind} hari kerja setelah jadwal dasar" if f.behind else "sesuai jadwal dasar"
        lines.append(f"**Perkiraan selesai:** {fmt.date_id(f.finish)}, {versus} ({fmt.date_id(status.baseline_end)}), "
                     f"bila setiap langkah berikutnya selesai dalam waktu SOP.")
        lines.append("")
    if not status.late and not status.missing_units:
        lines.append("Tidak ada langkah yang terlambat.")
        lines.append("")
    lines.append("_Issue ini dibuat dan diperbarui otomatis setiap pagi, dan ditutup otomatis bila tidak ada lagi "
                 "yang terlambat._" + (f" {site_hint}" if site_hint else ""))
    # user-typed names go into Markdown here: neutralise what GitHub would render as markup
    return "\n".join(_plain(line) if line.startswith("- ") else line for line in lines) + "\n"


def _plain(line: str) -> str:
    head, rest = line[:2], line[2:]
    for ch in "\\`*_[]<>|#!":
        rest = rest.replace(ch, "\\" + ch)
    return head + rest


def as_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
