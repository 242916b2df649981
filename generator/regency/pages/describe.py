"""How the regency pages describe an agency and its cycle: the one status tag, the late steps,
who must act, the forecast, the signed version, and the links to the agency's own site."""

from __future__ import annotations

from generator.core import fmt
from generator.plan.status import SOP_SCHEDULE, STATE_LABELS, late_label, working_days
from generator.regency.data import Cycle
from generator.regency.pages.markup import anchor, badge, up
from generator.regency.sources import Entry
from generator.site.pages.markup import Html, esc

PHASES = {"dijadwalkan": "Dijadwalkan", "berjalan": "Berjalan", "selesai": "Selesai", "dicatat": "Dicatat kemudian"}
STATES = dict(STATE_LABELS)  # the agency's own words for a step's state ("Belum bisa dimulai", ...)
BASIS = {"selesai": "selesai", "perkiraan": "perkiraan", "jadwal-dasar": f"menurut {SOP_SCHEDULE}"}


def late_days(cycle: Cycle) -> int:
    """A running cycle's lateness as its agency's dashboard gives it: the working days its latest
    running step is past that step's deadline (`CycleStatus.late_days`)."""
    return cycle.lateness


def status_badge(entry: Entry, cycle: Cycle | None) -> Html:
    """The one worded tag of an agency for a year."""
    if entry.data is None:
        return badge("Data tidak tersedia", "abu")
    if cycle is None:
        return badge("Belum ada siklus", "belum")
    if late_days(cycle):
        return badge(late_label(late_days(cycle)), "terlambat")
    if cycle.phase == "selesai" and cycle.verified_signed:
        return badge("Ditandatangani", "selesai")
    kind = {"berjalan": "berjalan", "selesai": "selesai", "dijadwalkan": "belum", "dicatat": "abu"}[cycle.phase]
    return badge(PHASES[cycle.phase], kind)


def who_acts(cycle: Cycle, limit: int = 4) -> list[str]:
    """"langkah 4 Pengisian Form (Kabid/Kasubbag): Nama (Jabatan); ..." for each step waited on."""
    out = []
    for a in cycle.acting:
        people = [f"{n} ({j})" for n, j in a.people]
        shown = "; ".join(people[:limit]) + (f"; dan {len(people) - limit} lainnya" if len(people) > limit else "")
        out.append(f"langkah {a.step} {a.step_name} ({a.executor})" + (f": {shown}" if shown else ""))
    return out


def lateness_text(cycle: Cycle) -> str:
    """Which steps run late and by how much, as the agency's dashboard says it; when none does but
    the cycle will end after its SOP schedule, the forecast's comparison."""
    parts = [f"langkah {s.number} {s.name} {late_label(s.late_by).lower()}" for s in cycle.late_steps]
    if cycle.phase == "berjalan" and cycle.behind and not parts:
        parts.append(f"perkiraan selesai {working_days(cycle.behind)} setelah akhir {SOP_SCHEDULE}")
    return "; ".join(parts)


def forecast_text(cycle: Cycle) -> str:
    """When the cycle ends: a finished one, the day its RKT was signed (never its archiving in the
    repository); a running one, its forecast; a cycle recorded afterwards is never judged on time."""
    if cycle.forecast is None:
        return "—"
    if cycle.phase == "dicatat":
        return f"{fmt.date_id(cycle.forecast)} (ditandatangani)"
    if cycle.finished:
        behind = (f"; langkah terakhir SOP selesai {working_days(cycle.behind)} setelah akhir {SOP_SCHEDULE}"
                  if cycle.behind else "")
        return f"{fmt.date_id(cycle.forecast)} (ditandatangani{behind})"
    behind = f", {working_days(cycle.behind)} setelah akhir {SOP_SCHEDULE}" if cycle.behind else ""
    return f"{fmt.date_id(cycle.forecast)} ({BASIS[cycle.forecast_basis]}{behind})"


def finish_label(cycle: Cycle) -> str:
    """The name of the date `forecast_text` gives."""
    return "Selesai" if cycle.finished else "Perkiraan selesai"


def signed_text(cycle: Cycle) -> str:
    v = cycle.verified_signed
    if not v:
        return "belum"
    last = max(v, key=lambda x: x.version)
    return f"versi {last.version}, {fmt.date_short(last.date)}"


def current_text(cycle: Cycle | None) -> str:
    if cycle is None:
        return "—"
    if cycle.phase == "dijadwalkan":
        return f"belum mulai (mulai {fmt.date_id(cycle.start)})"
    step = cycle.current
    if cycle.phase in ("selesai", "dicatat") or step is None:
        return "semua langkah selesai" if cycle.phase == "selesai" else PHASES[cycle.phase].lower()
    return f"{step.number}. {step.name}"


def opd_link(page: str, entry: Entry) -> Html:
    return anchor(f"{up(page)}opd/{entry.agency.code}.html", entry.agency.name)


def external_links(entry: Entry) -> Html:
    """Links to the agency's own site and repository: addresses from kabupaten.yaml only."""
    links = []
    if entry.agency.site:
        links.append(anchor(entry.agency.site, "Situs dasbor OPD"))
    if entry.agency.repository:
        links.append(anchor(entry.agency.repository, "Repositori"))
    return Html(" · ".join(links))


def stale_note(entry: Entry) -> Html:
    warning = entry.warning
    return Html(f'<p class="kab-stale">{esc(warning)}</p>') if warning else Html("")
