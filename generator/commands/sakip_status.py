"""`rkt status`: the SAKIP stages after a performance year (the LKjIP, its review, its submission
to the regency, its upload to e-SAKIP Reviu) in a terminal, beside the cycle and its reports."""

from __future__ import annotations

from generator.core import fmt
from generator.plan.derive import Derived
from generator.plan.sakip import SakipYear, sakip_years, who_must_act


def sakip_years_shown(d: Derived, year: int | None) -> list[SakipYear]:
    """The year asked for once it has ended (an archive: once it has records), else every year whose
    LKjIP season runs."""
    years = sakip_years(d.folders, d.repo.agency, d.cal, d.today)
    if year is not None:
        return [y for n, y in years.items() if n == year and ((y.started and not y.archive) or y.recorded)]
    return [y for y in years.values() if y.season_open]


def sakip_screen(year: SakipYear) -> str:
    """The stages with due day, day done and state; who must act."""
    rows: list[tuple[str, ...]] = [("Tahapan", "Tenggat", "Selesai", "Status")]
    rows += [(s.name, fmt.date_short(s.due), fmt.date_short(s.done), s.label) for s in year.stages]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"LKjIP {year.year} dan tahapan SAKIP berikutnya (tenggat di kalender_sakip, cycles/agency.yaml)", ""]
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    for person, stage in who_must_act(year):
        what = stage.label if stage.late_days else f"tenggat {fmt.date_id(stage.due)}"
        lines.append(f"Harus bertindak: {person.name} — {person.position}, {stage.name} {what}")
    if year.uploaded is not None:
        lines.append(f"Diunggah ke e-SAKIP Reviu {fmt.date_id(year.uploaded)}")
    return "\n".join(lines) + "\n"
