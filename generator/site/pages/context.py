"""What every page is made of: the `Context`, built once per build, and the cycle Beranda shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.core.calendar import WorkCalendar
from generator.core.model import Agency, CycleFolder, Renstra, Sop
from generator.plan.compile import CompiledRkt
from generator.plan.status import CycleStatus


@dataclass(frozen=True)
class Context:
    """Everything the pages are made of; built once per build."""

    today: dt.date
    agency: Agency
    sop: Sop
    renstra: Renstra
    cycles: tuple[CycleFolder, ...]  # with a valid cycle.yaml, newest first
    statuses: dict[int, CycleStatus]
    compiled: dict[int, CompiledRkt]
    charts: dict[str, str]  # chart name -> path under docs/
    cal: WorkCalendar
    changes: dict = field(default_factory=dict)  # (year, version) -> list of changes, or None
    form_data: dict = field(default_factory=dict)  # what the "Isi Form RKT" page embeds
    # years of which only the signed Perjanjian Kinerja is archived (no cycle): the Arsip lists them
    agreements_only: tuple[CycleFolder, ...] = ()
    # per year: (path under docs/, label) of the Rencana Aksi and capaian files the site offers
    year_documents: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def lane_name(self, code: str) -> str:
        return next((ln.name for ln in self.sop.lanes if ln.code == code), code)

    def unit_name(self, code: str) -> str:
        u = self.agency.unit(code)
        return u.name if u else code

    def person_name(self, code: str) -> str:
        p = self.agency.person(code)
        return p.name if p else code


def current_cycle(ctx: Context) -> CycleFolder | None:
    running = [c for c in ctx.cycles if not ctx.statuses[c.year].finished]
    if running:
        return min(running, key=lambda c: c.year)
    return ctx.cycles[0] if ctx.cycles else None
