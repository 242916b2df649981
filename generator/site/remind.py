"""`rkt remind`: the text of the daily reminder issue (pure).

Its title keeps the SOP's own words, "Peringatan: Tepat Waktu": the reminder workflow finds the open
issue of a cycle by its title, so a new title would leave the old issue open beside a new one."""

from __future__ import annotations

import datetime as dt
import json
import re

from generator.core import fmt
from generator.core.model import Agency, Sop
from generator.core.year import MeasurementRules
from generator.plan.sakip import StageState
from generator.plan.season import REMIND_WITHIN, ReportDue, quarter_words
from generator.plan.status import DICATAT, DIJADWALKAN, CycleStatus, forecast_versus, late_label, working_days


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
            lines.append(f"- Langkah {s.step.number} ({_user(s.step.short)}), pelaksana {_user(executor)}: "
                         f"{late_label(s.late_by).lower()} (tenggat {fmt.date_id(s.deadline)}, waktu SOP "
                         f"{working_days(s.step.days)}).")
        lines.append("")
    if status.missing_units:
        lines.append("**Unit yang belum menyerahkan Form RKT**")
        lines.append("")
        for unit in status.missing_units:
            u = agency.unit(unit)
            head = agency.person(u.head) if u else None
            # the head's own account is mentioned on purpose (GitHub notifies them); nothing typed elsewhere is
            who = f" — {_user(head.name)}" + (f" (@{head.github})" if head.github else "") if head else ""
            lines.append(f"- {_user(u.name if u else unit)}{who}")
        lines.append("")
    if status.forecast is not None:
        f = status.forecast
        lines.append(f"**Perkiraan selesai:** {fmt.date_id(f.finish)}, {forecast_versus(f)}.")
        lines.append("")
    if not status.late and not status.missing_units:
        lines.append("Tidak ada langkah yang terlambat.")
        lines.append("")
    lines.append("_Issue ini dibuat dan diperbarui otomatis setiap pagi, dan ditutup otomatis bila tidak ada lagi "
                 "yang terlambat._" + (f" {site_hint}" if site_hint else ""))
    return "\n".join(lines) + "\n"


def reports_title(year: int) -> str:
    return f"Peringatan: Tepat Waktu — Laporan Triwulan {year}"


def reports_assignees(items: tuple[ReportDue, ...]) -> list[str]:
    """GitHub handles of the heads of the units whose reports are late or due soon."""
    out: list[str] = []
    for item in items:
        if item.head is not None and item.head.github and item.head.github not in out:
            out.append(item.head.github)
    return out[:10]  # GitHub accepts at most 10 assignees


def reports_markdown(year: int, items: tuple[ReportDue, ...], agency: Agency, rules: MeasurementRules,
                     today: dt.date, site_hint: str = "") -> str:
    """The reminder of a performance year's quarterly reports: the ones past due (who must act and
    how late), then the ones due within the next working days."""
    lines = [f"Keadaan per {fmt.date_id(today)} untuk laporan triwulan tahun {year} (tenggat: "
             f"{working_days(rules.report_days)} setelah triwulan berakhir).", ""]
    late = [i for i in items if i.is_late]
    soon = [i for i in items if not i.is_late]
    if late:
        lines += ["**Laporan yang terlambat**", ""]
        lines += [f"- {_report_line(i, agency)}: {late_label(i.late_days).lower()} (jatuh tempo "
                  f"{fmt.date_id(i.due)})." for i in late]
        lines.append("")
    if soon:
        lines += [f"**Laporan yang jatuh tempo dalam {working_days(REMIND_WITHIN)}**", ""]
        lines += [f"- {_report_line(i, agency)}: {_due_in(i)}." for i in soon]
        lines.append("")
    if not items:
        lines += [f"Tidak ada laporan yang terlambat atau jatuh tempo dalam {working_days(REMIND_WITHIN)}.", ""]
    lines.append("_Issue ini dibuat dan diperbarui otomatis setiap pagi, dan ditutup otomatis bila tidak ada lagi "
                 "laporan yang terlambat atau segera jatuh tempo._" + (f" {site_hint}" if site_hint else ""))
    return "\n".join(lines) + "\n"


def sakip_title(year: int) -> str:
    return f"Peringatan: Tepat Waktu — LKjIP {year}"


def sakip_assignees(items: tuple[StageState, ...]) -> list[str]:
    """GitHub handles of the people of the roles whose stages are late or due soon."""
    out: list[str] = []
    for item in items:
        out += [p.github for p in item.people if p.github and p.github not in out]
    return out[:10]  # GitHub accepts at most 10 assignees


def sakip_markdown(year: int, items: tuple[StageState, ...], today: dt.date, site_hint: str = "") -> str:
    """The reminder of a performance year's SAKIP stages (LKjIP, reviu, penyampaian, unggah): the
    ones past due (who must act and how late), then the ones due within the next working days."""
    lines = [f"Keadaan per {fmt.date_id(today)} untuk LKjIP tahun {year} dan tahapan SAKIP berikutnya.", ""]
    late = [i for i in items if i.late_days]
    soon = [i for i in items if not i.late_days]
    if late:
        lines += ["**Tahapan yang terlambat**", ""]
        lines += [f"- {_stage_line(i)}: {late_label(i.late_days).lower()} (tenggat {fmt.date_id(i.due)})."
                  for i in late]
        lines.append("")
    if soon:
        lines += [f"**Tahapan yang jatuh tempo dalam {working_days(REMIND_WITHIN)}**", ""]
        lines += [f"- {_stage_line(i)}: " + (f"tenggat {fmt.date_id(i.due)}, {working_days(i.days_left)} lagi."
                                             if i.days_left else f"tenggat hari ini ({fmt.date_id(i.due)}).")
                  for i in soon]
        lines.append("")
    if not items:
        lines += [f"Tidak ada tahapan yang terlambat atau jatuh tempo dalam {working_days(REMIND_WITHIN)}.", ""]
    lines.append("_Issue ini dibuat dan diperbarui otomatis setiap pagi, dan ditutup otomatis bila tidak ada lagi "
                 "tahapan yang terlambat atau segera jatuh tempo._" + (f" {site_hint}" if site_hint else ""))
    return "\n".join(lines) + "\n"


def _stage_line(item: StageState) -> str:
    """"Reviu Inspektorat — Muhammad Rizani, S.E. (@rizani-bkpsdm)" """
    # the people's own accounts are mentioned on purpose (GitHub notifies them); nothing typed elsewhere is
    who = ", ".join(_user(p.name) + (f" (@{p.github})" if p.github else "") for p in item.people)
    return item.name + (f" — {who}" if who else "")


def _report_line(item: ReportDue, agency: Agency) -> str:
    """"Laporan Triwulan III 2026, Bidang ... — Rahmadi, S.Pd., M.Pd. (@rahmadi-bkpsdm)" """
    unit = agency.unit(item.unit)
    head = item.head
    # the head's own account is mentioned on purpose (GitHub notifies them); nothing typed elsewhere is
    who = f" — {_user(head.name)}" + (f" (@{head.github})" if head.github else "") if head else ""
    return f"Laporan {quarter_words(item.quarter)} {item.year}, {_user(unit.name if unit else item.unit)}{who}"


def _due_in(item: ReportDue) -> str:
    if item.days_left:
        return f"jatuh tempo {fmt.date_id(item.due)}, {working_days(item.days_left)} lagi"
    return f"jatuh tempo hari ini ({fmt.date_id(item.due)})"


# a zero-width space (as an entity: nothing invisible is written raw) after @ and # keeps GitHub from
# reading "@someone" as a mention that notifies them, or "#12" / "GH-12" as a link to another issue
_BREAK = "&#8203;"
_USER = re.compile(r"GH-|[@#]|[\\`*_\[\]<>|!~&]")  # in one pass: the break's own "&#" is never escaped again


def _user(text: str) -> str:
    """Text someone typed (a unit, a person, a step), as inert Markdown: no markup, no mention, no reference."""
    return _USER.sub(lambda m: m[0][:-1] + _BREAK + m[0][-1] if m[0] == "GH-" else
                     m[0] + _BREAK if m[0] in "@#" else "\\" + m[0], text)


def as_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
