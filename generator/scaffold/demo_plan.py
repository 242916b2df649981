"""The demo's plan: everything that happens in the demo repository, as a list of steps in time
order, a pure function of the example in cycles/ (and the tool's files the repository carries).

The planning section opens each cycle, every event is committed by its pelaksana on its date,
each unit's form is a pull request of the Kabid/Kasubbag who wrote it merged by the reviewer on
a working day, the Sekretaris's rejection is answered by a revised form, and the signed scan is
archived with `rkt sign`. `demo.replay` runs the plan with git."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.check import codeowners
from generator.core.calendar import WorkCalendar, work_calendar
from generator.core.model import Agency, Cycle, CycleFolder, Person, Repository, ValidRepository
from generator.scaffold.demo_steps import Change, Commit, DemoError, PullRequest, Signing, Step, Who, who
from generator.scaffold.demo_texts import README, dates_from_git, event_title, split_cycle, with_target, without_date
from generator.scaffold.demo_year import YearPlanning, cited, year_steps
from generator.scaffold.init import TOOL
from generator.source.yamlwrite import scalar

# What the demo repository takes from the tool's checkout besides cycles/: what validating and
# building the site needs. Not the code: the demo is data, built by the rkt that made it.
TREES = ("schemas", "docs/panduan", "docs/css", "docs/js", "docs/vendor")
FILES = (".gitignore", ".gitattributes", "mkdocs.yml")
_SKIP_SUFFIXES = (".pyc", ".pyo", ".tmp")

# The step-9 revision the demo plays, per plan year: this unit's first form carried the Renstra
# target of the year before for this indicator; after the Sekretaris's rejection ("target ... belum
# sesuai Renstra") the unit submits the form as the example has it.
REVISIONS = {2026: ("psdm", "SS2.1")}

# Hours of the working day (local time) for each kind of change; several of one kind on one
# day follow each other ten minutes apart.
_HOURS = {"setup": 8, "open": 8, "form": 9, "merge": 13, "event": 15, "sign": 16}


class Clock:
    """Times of day: each kind of change at its hour, several on one day ten minutes apart."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.used: dict[tuple[dt.date, str], int] = {}

    def at(self, day: dt.date, kind: str) -> dt.datetime:
        n = self.used.get((day, kind), 0)
        self.used[(day, kind)] = n + 1
        return dt.datetime.combine(day, dt.time(_HOURS[kind], 10 * n), self.zone)


@dataclass(frozen=True)
class _Planning:
    """What the steps of every cycle are planned with (the clock and the numbers move on as they are used)."""

    repo: ValidRepository
    cal: WorkCalendar
    clock: Clock
    numbers: Iterator[int]  # pull request numbers, as GitHub gives them


def opened(folder: CycleFolder, cycle: Cycle) -> dt.date:
    """The day the demo opens a cycle: its start, or for a cycle recorded afterwards without one,
    the first day it recorded (an event, a form's `tanggal` or a signature)."""
    if cycle.start is not None:
        return cycle.start
    days = [e.date for e in cycle.events] + [f.filled_on for f in folder.forms if f.filled_on] + \
        [v.date for v in folder.signed]
    if not days:
        raise DemoError(f"{folder.folder}/cycle.yaml: siklus tanpa tanggal mulai dan tanpa tanggal apa pun yang "
                        f"tercatat")
    return min(days)


def plan(repo: Repository, today: dt.date) -> list[Step]:
    """Everything that happens in the demo repository up to `today`, in time order."""
    valid = repo.complete()
    if valid is None:
        raise DemoError("data contoh (agency.yaml, sop.yaml, renstra.yaml) tidak valid")
    agency = valid.agency
    clock = Clock(ZoneInfo(agency.timezone))
    cycles = sorted(((c, c.cycle) for c in valid.cycles if c.cycle is not None), key=lambda fc: fc[0].year)
    first = min((opened(folder, cycle) for folder, cycle in cycles), default=today)
    years = range(first.year - 1, max([today.year, *(c.year for c, _ in cycles)]) + 1)
    cal = work_calendar(years, {d.date: d.note for d in agency.extra_holidays}, [d.date for d in agency.extra_workdays])
    # the repository is set up on the working day before the first cycle opens
    setup = first - dt.timedelta(days=1)
    while not cal.is_workday(setup):
        setup -= dt.timedelta(days=1)
    steps: list[Step] = [setup_commit(valid, clock.at(setup, "setup"))]
    planning = _Planning(valid, cal, clock, iter(range(1, 10_000)))
    for folder, cycle in cycles:
        steps += cycle_steps(planning, folder, cycle)
    steps.sort(key=lambda s: s.when)
    return [s for s in steps if s.when.date() <= today]


# --- the tool's files and the example's people ---------------------------------------

def _read(rel: str) -> bytes:
    try:
        return (TOOL / rel).read_bytes()
    except OSError as exc:
        raise DemoError(f"{rel} tidak ditemukan di {TOOL}; 'rkt demo' perlu salinan lengkap repositori "
                        f"rkt-dashboard") from exc


def _tree(rel: str) -> Iterator[Change]:
    base = TOOL / rel
    if not base.is_dir():
        raise DemoError(f"{rel}/ tidak ditemukan di {TOOL}; 'rkt demo' perlu salinan lengkap repositori "
                        f"rkt-dashboard")
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(_SKIP_SUFFIXES):
            yield Change(path.relative_to(TOOL).as_posix(), path.read_bytes())


def _person(agency: Agency, code: str, what: str) -> Person:
    person = agency.person(code)
    if person is None:
        raise DemoError(f"cycles/agency.yaml: pegawai '{code}' ({what}) tidak ada")
    return person


def _member(agency: Agency, role: str) -> Person:
    r = agency.role(role)
    if r is None or not r.members:
        raise DemoError(f"cycles/agency.yaml: peran '{role}' tidak ada atau tanpa pegawai")
    return _person(agency, r.members[0], f"peran {role}")


def _author_of(agency: Agency, penyusun: str | None, unit: str) -> Person:
    """Who wrote a form: the person its `penyusun` names, else the unit's head."""
    for person in agency.persons:
        if penyusun and penyusun.startswith(person.name):
            return person
    u = agency.unit(unit)
    if u is None:
        raise DemoError(f"cycles/agency.yaml: unit '{unit}' tidak ada")
    return _person(agency, u.head, f"kepala unit {unit}")


# --- the steps -----------------------------------------------------------------------

def setup_commit(repo: ValidRepository, when: dt.datetime) -> Commit:
    """The repository before any cycle: reference data, schemas, site sources, CODEOWNERS."""
    agency = repo.agency
    changes = [c for rel in TREES for c in _tree(rel)]
    changes += [Change(rel, _read(rel)) for rel in FILES]
    changes += [Change(p.relative_to(TOOL).as_posix(), p.read_bytes())
                for p in sorted((TOOL / "cycles").iterdir()) if p.is_file()]
    changes.append(Change(codeowners.PATH, codeowners.render(agency).encode("utf-8")))
    changes.append(Change("README.md", README.encode("utf-8")))
    maintainer = agency.role(codeowners.MAINTAINER_ROLE)
    author = _member(agency, codeowners.MAINTAINER_ROLE if maintainer else codeowners.PLANNING_ROLE)
    return Commit(when, who(author), "Siapkan repositori RKT: data instansi, SOP, Renstra, skema dan situs",
                  tuple(sorted(changes, key=lambda c: c.path)))


def cycle_steps(planning: _Planning, folder: CycleFolder, cycle: Cycle) -> list[Step]:
    """Opening, events (the signing among them), and the forms (with the revision) of one example cycle."""
    path = f"{folder.folder}/cycle.yaml"
    header, items = split_cycle(_read(path).decode("utf-8"), len(cycle.events), path)
    reviewer = who(_member(planning.repo.agency, codeowners.PLANNING_ROLE))
    steps: list[Step] = [_opening(planning, folder, cycle, header, reviewer)]
    steps += _event_steps(planning, folder, cycle, items)
    steps += form_steps(planning, folder, cycle, reviewer)
    agency = planning.repo.agency
    steps += year_steps(YearPlanning(agency, planning.cal.on_or_after, planning.clock.at,
                                     lambda: next(planning.numbers), _read,
                                     lambda penyusun, unit: who(_author_of(agency, penyusun, unit)), reviewer), folder)
    return steps


def _opening(planning: _Planning, folder: CycleFolder, cycle: Cycle, header: str, reviewer: Who) -> Commit:
    """The planning section opens the cycle: its cycle.yaml without events, and the cycle's files
    that are not forms, Rencana Aksi, reports, signed versions or the evidence of an event or a report."""
    path = f"{folder.folder}/cycle.yaml"
    evidence = {e.evidence for e in cycle.events if e.evidence}
    later = cited(folder)
    own = ("forms", "signed", "cycle.yaml", "renaksi", "laporan")
    extra = sorted(p for p in (TOOL / folder.folder).rglob("*") if p.is_file() and
                   p.relative_to(TOOL / folder.folder).parts[0] not in own and
                   p.relative_to(TOOL / folder.folder).as_posix() not in evidence and
                   p.relative_to(TOOL).as_posix() not in later)
    return Commit(planning.clock.at(opened(folder, cycle), "open"), reviewer, f"Buka siklus RKT {folder.year}",
                  (Change(path, (dates_from_git(header) + "peristiwa: []\n").encode("utf-8")),
                   *(Change(p.relative_to(TOOL).as_posix(), p.read_bytes()) for p in extra)))


def _event_steps(planning: _Planning, folder: CycleFolder, cycle: Cycle, items: list[str]) -> list[Step]:
    """Each event committed by its pelaksana with its evidence; the archiving step as `rkt sign`."""
    agency, sop = planning.repo.agency, planning.repo.sop
    path = f"{folder.folder}/cycle.yaml"
    names = {s.number: s.short for s in sop.steps}
    archive_step = next((s.number for s in sop.steps if s.evidence == "arsip"), None)
    signed = iter(sorted(folder.signed, key=lambda v: v.version))
    steps: list[Step] = []
    for event, item in zip(cycle.events, items, strict=True):  # split_cycle read one item per event
        person = who(_person(agency, event.by, f"pelaksana langkah {event.step}"))
        if event.step == archive_step:
            version = next(signed, None)
            if version is None:
                raise DemoError(f"{path}: langkah {event.step} tanpa versi bertanda tangan di signed/")
            sign_step = sop.steps[[s.number for s in sop.steps].index(archive_step) - 1]
            steps.append(Signing(planning.clock.at(event.date, "sign"), person, folder.year,
                                 TOOL / version.scan_path, version.date, sign_step.executor, version.note))
            continue
        changes = [Change(path, item.encode("utf-8"), event=True)]
        if event.evidence:
            changes.append(Change(f"{folder.folder}/{event.evidence}", _read(f"{folder.folder}/{event.evidence}")))
        title = event_title(f"{event.step} {names.get(event.step, '')}".strip(), item)
        steps.append(Commit(planning.clock.at(event.date, "event"), person, f"{title} (RKT {folder.year})",
                            tuple(changes)))
    if next(signed, None) is not None:  # a scan nobody archived would be silently dropped
        raise DemoError(f"{folder.folder}/signed: versi bertanda tangan tanpa langkah pengarsipan di {path}")
    return steps


def form_steps(planning: _Planning, folder: CycleFolder, cycle: Cycle, reviewer: Who) -> list[Step]:
    """Each unit's form as a pull request, and the revision that the rejection asks for."""
    agency, cal, clock = planning.repo.agency, planning.cal, planning.clock
    steps: list[Step] = []
    for form in sorted(folder.forms, key=lambda f: (f.filled_on or opened(folder, cycle), f.unit)):
        rel = form.at.file
        if form.filled_on is None:
            raise DemoError(f"{rel}: form contoh tanpa 'tanggal'; tanggal pengajuannya tidak diketahui")
        final = without_date(_read(rel).decode("utf-8"))
        first = first_version(planning.repo, folder, form.unit, final)
        day = cal.on_or_after(form.filled_on)
        author = who(_author_of(agency, form.author, form.unit))
        unit = agency.unit(form.unit)
        label = unit.short if unit else form.unit
        steps.append(PullRequest(next(planning.numbers), f"form-{folder.year}-{form.unit}",
                                 Commit(clock.at(day, "form"), author, f"Form RKT {folder.year} {label}",
                                        (Change(rel, first.encode("utf-8")),)),
                                 clock.at(day, "merge"), reviewer))
        if first == final:
            continue
        rejected = next((e for e in cycle.events if e.decision == "tidak"), None)
        if rejected is None:
            raise DemoError(f"{cycle.at.file}: tidak ada keputusan 'tidak' untuk perbaikan form {form.unit}")
        again = cal.next_workday(rejected.date)
        indicator = REVISIONS[folder.year][1]
        steps.append(PullRequest(next(planning.numbers), f"perbaikan-{folder.year}-{form.unit}",
                                 Commit(clock.at(again, "form"), author,
                                        f"Perbaikan Form RKT {folder.year} {label}: target {indicator} sesuai "
                                        f"Renstra (koreksi Sekretaris)", (Change(rel, final.encode("utf-8")),)),
                                 clock.at(again, "merge"), reviewer))
    return steps


def first_version(repo: ValidRepository, folder: CycleFolder, unit: str, final: str) -> str:
    """The unit's first submission: the form itself, or for the revision the demo plays, the form
    with last year's Renstra target for the indicator the Sekretaris objects to."""
    revision = REVISIONS.get(folder.year)
    if revision is None or revision[0] != unit:
        return final
    indicator = next((i for _, i in repo.renstra.indicators() if i.code == revision[1]), None)
    old = indicator.target(folder.year - 1) if indicator is not None else None
    if old is None:
        raise DemoError(f"cycles/renstra.yaml: target {revision[1]} tahun {folder.year - 1} tidak ada")
    return with_target(final, revision[1], scalar(old) if isinstance(old, str) else str(old),
                       f"{folder.folder}/forms/{unit}.yaml")
