"""The SAKIP stages after a performance year in the published data (`akuntabilitas` of each cycle in
data/rkt.json, schema version 2, optional): per stage its due day, the day it was done as the
agency recorded it, its state and its lateness in working days, as `plan/sakip.py` judged them
(the regency shows them, never recomputes them).

Written once the year has ended or a stage is recorded: before, every stage is "belum waktunya",
which the regency knows from the year alone, and a file without it stays readable by a regency
whose tool predates this part. Pure functions of plan values."""

from __future__ import annotations

from generator.plan.sakip import SakipYear


def accountability(year: SakipYear) -> dict | None:
    """`akuntabilitas` of one cycle, or None while its year runs and nothing is recorded."""
    if not year.started and not year.recorded:
        return None
    return {"tahapan": [{"tahap": s.stage, "nama": s.name, "tenggat": s.due.isoformat(),
                         "selesai": s.done.isoformat() if s.done is not None else None, "status": s.state,
                         "terlambat_hari_kerja": s.late_days} for s in year.stages]}
