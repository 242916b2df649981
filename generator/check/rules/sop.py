"""Rules on sop.yaml: steps numbered in order, lanes and decisions that point at what exists,
and every lane a role of agency.yaml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check.rules.common import choices, duplicates, problem
from generator.core.model import Agency, Repository, Sop, Step
from generator.core.problems import Problem


def sop_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    s = repo.sop
    if s is None:
        return
    for i, step in enumerate(s.steps, start=1):
        if step.number != i:
            yield problem(step.at / "nomor", "RKT214",
                          f"langkah ke-{i} bernomor {step.number}; nomor langkah harus urut 1, 2, 3, ...")
    yield from duplicates(((ln.code, ln.at / "kode") for ln in s.lanes), "kode pelaksana")
    lanes = [ln.code for ln in s.lanes]
    numbers = {step.number for step in s.steps}
    for step in s.steps:
        yield from _step_lanes(step, lanes)
        yield from _step_reject(step, numbers)
    if repo.agency is not None:
        yield from _agency_roles(s, repo.agency)


def _step_lanes(step: Step, lanes: list[str]) -> Iterator[Problem]:
    if step.executor not in lanes:
        yield problem(step.at / "pelaksana", "RKT201",
                      f"pelaksana '{step.executor}' tidak ada di daftar pelaksana SOP; "
                      f"pilih salah satu: {choices(lanes)}")
    for i, code in enumerate(step.supporting):
        if code not in lanes:
            yield problem(step.at / "pendukung" / i, "RKT201",
                          f"pelaksana pendukung '{code}' tidak ada di daftar pelaksana SOP")


def _step_reject(step: Step, numbers: set[int]) -> Iterator[Problem]:
    """A decision's "tidak" goes back to an earlier step that exists."""
    if step.on_reject is None:
        return
    if step.on_reject not in numbers:
        yield problem(step.at / "keputusan" / "tidak", "RKT202",
                      f"langkah {step.on_reject} (tujuan bila 'tidak') tidak ada di SOP")
    elif step.on_reject >= step.number:
        yield problem(step.at / "keputusan" / "tidak", "RKT214",
                      f"keputusan 'tidak' pada langkah {step.number} harus kembali ke langkah sebelumnya, "
                      f"bukan ke langkah {step.on_reject}")


def _agency_roles(s: Sop, agency: Agency) -> Iterator[Problem]:
    roles = [r.code for r in agency.roles]
    for ln in s.lanes:
        if ln.code not in roles:
            yield problem(ln.at / "kode", "RKT201",
                          f"pelaksana '{ln.code}' belum ada sebagai peran di cycles/agency.yaml; "
                          f"tambahkan peran itu beserta pegawainya")
    if s.approved_by is not None and s.approved_by not in roles:
        yield problem(s.at / "disahkan_oleh", "RKT201",
                      f"peran '{s.approved_by}' tidak ada di cycles/agency.yaml; pilih salah satu: {choices(roles)}")
