"""`rkt demo FOLDER`: the example cycles replayed as a Git history, as the SOP happens.

The example in cycles/ takes its dates from the form files (`tanggal_dari_git: false`),
so a site built from it cannot show what this tool derives from Git: the day each form
was merged, who submitted it and who approved it. The demo writes a repository whose
history is the example happening: the planning section opens each cycle, every event is
committed by its pelaksana on its date, each unit's form is committed on a branch of its
own by the Kabid/Kasubbag who wrote it and merged (`git merge --no-ff`, as GitHub does)
by the reviewer on a working day, the Sekretaris's rejection is answered by a revised
form, and the signed scan is archived with `rkt sign`. Its cycles take their dates from
Git, and the site is built into FOLDER/site.

Deterministic: the example's own dates at fixed hours in the agency's time zone, the
people of agency.yaml as authors, no signing, git's user and system configuration shut
out. The same tool version gives the same commit ids and the same site. "Today" for the
build is fixed (DEMO_TODAY), or SOURCE_DATE_EPOCH, or `--today`; the history is replayed
up to that day, so an earlier date shows a cycle half way.

The plan (`plan`) is a pure function of the example; `replay` runs it with `git`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Union
from zoneinfo import ZoneInfo

from generator.check import codeowners
from generator.core.calendar import WorkCalendar, work_calendar
from generator.core.model import Agency, CycleFolder, Person, Repository
from generator.scaffold.init import TOOL
from generator.source import atomic, gitrepo
from generator.source.yamlwrite import scalar

DEMO_TODAY = dt.date(2026, 11, 28)
SITE = "site"

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


class DemoError(Exception):
    """The example cannot be replayed (message in Indonesian): a bug of ours or a broken checkout."""


@dataclass(frozen=True)
class Who:
    name: str
    email: str


@dataclass(frozen=True)
class Change:
    path: str
    data: bytes
    event: bool = False  # append `data` as an item of the cycle's `peristiwa` list


@dataclass(frozen=True)
class Commit:
    """One commit on the current branch."""

    when: dt.datetime
    who: Who
    message: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class PullRequest:
    """One commit on a branch of its own, merged into main with --no-ff by the reviewer."""

    number: int
    branch: str
    commit: Commit
    merged: dt.datetime
    reviewer: Who

    @property
    def when(self) -> dt.datetime:
        return self.commit.when


@dataclass(frozen=True)
class Signing:
    """`rkt sign` run on the archiving day (scan, metadata, event), committed by the recorder."""

    when: dt.datetime
    who: Who
    year: int
    scan: Path
    signed_on: dt.date
    role: str
    note: str | None


Step = Union[Commit, PullRequest, Signing]


def who(person: Person) -> Who:
    email = f"{person.github}@users.noreply.github.com" if person.github else f"{person.code}@contoh.invalid"
    return Who(person.name, email)


class _Clock:
    """Times of day: each kind of change at its hour, several on one day ten minutes apart."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.used: dict[tuple[dt.date, str], int] = {}

    def at(self, day: dt.date, kind: str) -> dt.datetime:
        n = self.used.get((day, kind), 0)
        self.used[(day, kind)] = n + 1
        return dt.datetime.combine(day, dt.time(_HOURS[kind], 10 * n), self.zone)


# --- texts ----------------------------------------------------------------------

def split_cycle(text: str, events: int, where: str) -> tuple[str, list[str]]:
    """cycle.yaml as (everything before `peristiwa:`, the text of each event item)."""
    lines = text.splitlines(keepends=True)
    at = next((i for i, ln in enumerate(lines) if re.match(r"peristiwa:\s*(\[\s*\])?\s*(#.*)?$", ln)), None)
    if at is None or any(re.match(r"[^\s#-]", ln) for ln in lines[at + 1:]):
        raise DemoError(f"{where}: 'peristiwa' harus bagian terakhir berkas agar dapat diputar ulang")
    items: list[str] = []
    indent = None
    for line in lines[at + 1:]:
        m = re.match(r"(\s*)- ", line)
        if m and (indent is None or len(m.group(1)) == indent):
            indent = len(m.group(1))
            items.append(line)
        elif items:
            items[-1] += line
    if len(items) != events:
        raise DemoError(f"{where}: {len(items)} butir peristiwa terbaca, model memuat {events}")
    return "".join(lines[:at]), items


def dates_from_git(header: str) -> str:
    """The cycle header without `tanggal_dari_git: false` and the comment that explains it."""
    lines = header.splitlines(keepends=True)
    at = next((i for i, ln in enumerate(lines) if re.match(r"tanggal_dari_git:\s*false\s*(#.*)?$", ln)), None)
    if at is None:
        return header
    first = at
    while first > 0 and lines[first - 1].startswith("#"):
        first -= 1
    return "".join(lines[:first] + lines[at + 1:])


def without_date(form_text: str) -> str:
    """A form as submitted through a pull request: its date is the merge's, not a typed one."""
    return re.sub(r"(?m)^tanggal:[^\n]*\n", "", form_text, count=1)


def with_target(form_text: str, indicator: str, value: str, where: str) -> str:
    """The form with `indicator`'s target in the performance table set to `value` (YAML text)."""
    lines = form_text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        m = re.match(rf"(\s*)- kode: {re.escape(indicator)}\s*$", line)
        if not m:
            continue
        inner = len(m.group(1)) + 2
        for j in range(i + 1, len(lines)):
            t = re.match(r"(\s*)(- )?(\S+):", lines[j])
            if t is None or len(t.group(1)) < inner or (t.group(2) and len(t.group(1)) == inner - 2):
                break
            if t.group(3) == "target" and len(t.group(1)) == inner:
                lines[j] = f"{' ' * inner}target: {value}\n"
                return "".join(lines)
    raise DemoError(f"{where}: target indikator {indicator} tidak ditemukan")


def event_title(step_name: str, item: str) -> str:
    decision = re.search(r"(?m)^\s*keputusan:\s*(\S+)", item)
    return f"Langkah {step_name}" + (f": keputusan {decision.group(1)}" if decision else "")


README = """# Repositori contoh RKT (dibuat dengan `rkt demo`)

Repositori ini dibuat oleh `rkt demo`. Riwayat Git-nya memutar ulang siklus contoh seperti SOP
berjalan: setiap Form RKT unit diajukan oleh Kabid/Kasubbag-nya di cabang sendiri dan digabung
(*merge*) oleh peninjau, setiap peristiwa dicatat oleh pelaksananya, koreksi Sekretaris dijawab
dengan perbaikan form, dan pindaian bertanda tangan diarsipkan dengan `rkt sign`.

Tanggal penyerahan form di dasbor diambil dari tanggal *merge*, dan dasbor menyebut siapa yang
mengajukan dan siapa yang menyetujui setiap form. Lihat riwayatnya dengan:

```
git log --graph --format='%h %ad %an: %s' --date=short
```

Dasbornya ada di `site/index.html`. Semua nama, NIP, akun GitHub dan isi form adalah **CONTOH**.
"""


# --- the plan -------------------------------------------------------------------

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


def setup_commit(repo: Repository, when: dt.datetime) -> Commit:
    """The repository before any cycle: reference data, schemas, site sources, CODEOWNERS."""
    agency = repo.agency
    assert agency is not None
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


def _author_of(agency: Agency, penyusun: str | None, unit: str) -> Person:
    """Who wrote a form: the person its `penyusun` names, else the unit's head."""
    for person in agency.persons:
        if penyusun and penyusun.startswith(person.name):
            return person
    u = agency.unit(unit)
    if u is None:
        raise DemoError(f"cycles/agency.yaml: unit '{unit}' tidak ada")
    return _person(agency, u.head, f"kepala unit {unit}")


def cycle_steps(repo: Repository, folder: CycleFolder, cal: WorkCalendar, clock: _Clock,
                numbers: Iterator[int]) -> list[Step]:
    """Opening, events, forms (with the revision), and the signing of one example cycle."""
    agency, sop, cycle = repo.agency, repo.sop, folder.cycle
    assert agency is not None and sop is not None and cycle is not None
    path = f"{folder.folder}/cycle.yaml"
    header, items = split_cycle(_read(path).decode("utf-8"), len(cycle.events), path)
    reviewer = who(_member(agency, codeowners.PLANNING_ROLE))
    evidence = {e.evidence for e in cycle.events if e.evidence}
    extra = sorted(p for p in (TOOL / folder.folder).rglob("*") if p.is_file() and
                   p.relative_to(TOOL / folder.folder).parts[0] not in ("forms", "signed", "cycle.yaml") and
                   p.relative_to(TOOL / folder.folder).as_posix() not in evidence)
    opening = Commit(clock.at(cycle.start, "open"), reviewer, f"Buka siklus RKT {folder.year}",
                     (Change(path, (dates_from_git(header) + "peristiwa: []\n").encode("utf-8")),
                      *(Change(p.relative_to(TOOL).as_posix(), p.read_bytes()) for p in extra)))
    steps: list[Step] = [opening]
    names = {s.number: s.short for s in sop.steps}
    archive_step = next((s.number for s in sop.steps if s.evidence == "arsip"), None)
    signed = iter(sorted(folder.signed, key=lambda v: v.version))
    for event, item in zip(cycle.events, items):
        person = who(_person(agency, event.by, f"pelaksana langkah {event.step}"))
        if event.step == archive_step:
            version = next(signed, None)
            if version is None:
                raise DemoError(f"{path}: langkah {event.step} tanpa versi bertanda tangan di signed/")
            sign_step = sop.steps[[s.number for s in sop.steps].index(archive_step) - 1]
            steps.append(Signing(clock.at(event.date, "sign"), person, folder.year, TOOL / version.scan_path,
                                 version.date, sign_step.executor, version.note))
            continue
        changes = [Change(path, item.encode("utf-8"), event=True)]
        if event.evidence:
            changes.append(Change(f"{folder.folder}/{event.evidence}", _read(f"{folder.folder}/{event.evidence}")))
        title = event_title(f"{event.step} {names.get(event.step, '')}".strip(), item)
        steps.append(Commit(clock.at(event.date, "event"), person, f"{title} (RKT {folder.year})", tuple(changes)))
    if next(signed, None) is not None:  # a scan nobody archived would be silently dropped
        raise DemoError(f"{folder.folder}/signed: versi bertanda tangan tanpa langkah pengarsipan di {path}")
    steps += form_steps(repo, folder, cal, clock, numbers, reviewer)
    return steps


def form_steps(repo: Repository, folder: CycleFolder, cal: WorkCalendar, clock: _Clock, numbers: Iterator[int],
               reviewer: Who) -> list[Step]:
    """Each unit's form as a pull request, and the revision that the rejection asks for."""
    agency, cycle = repo.agency, folder.cycle
    assert agency is not None and cycle is not None
    steps: list[Step] = []
    for form in sorted(folder.forms, key=lambda f: (f.filled_on or cycle.start, f.unit)):
        rel = form.at.file
        if form.filled_on is None:
            raise DemoError(f"{rel}: form contoh tanpa 'tanggal'; tanggal pengajuannya tidak diketahui")
        final = without_date(_read(rel).decode("utf-8"))
        first = first_version(repo, folder, form.unit, final)
        day = cal.on_or_after(form.filled_on)
        author = who(_author_of(agency, form.author, form.unit))
        unit = agency.unit(form.unit)
        label = unit.short if unit else form.unit
        steps.append(PullRequest(next(numbers), f"form-{folder.year}-{form.unit}",
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
        steps.append(PullRequest(next(numbers), f"perbaikan-{folder.year}-{form.unit}",
                                 Commit(clock.at(again, "form"), author,
                                        f"Perbaikan Form RKT {folder.year} {label}: target {indicator} sesuai "
                                        f"Renstra (koreksi Sekretaris)", (Change(rel, final.encode("utf-8")),)),
                                 clock.at(again, "merge"), reviewer))
    return steps


def first_version(repo: Repository, folder: CycleFolder, unit: str, final: str) -> str:
    """The unit's first submission: the form itself, or for the revision the demo plays, the form
    with last year's Renstra target for the indicator the Sekretaris objects to."""
    revision = REVISIONS.get(folder.year)
    if revision is None or revision[0] != unit:
        return final
    assert repo.renstra is not None
    indicator = next((i for _, i in repo.renstra.indicators() if i.code == revision[1]), None)
    old = indicator.target(folder.year - 1) if indicator is not None else None
    if old is None:
        raise DemoError(f"cycles/renstra.yaml: target {revision[1]} tahun {folder.year - 1} tidak ada")
    return with_target(final, revision[1], scalar(old) if isinstance(old, str) else str(old),
                       f"{folder.folder}/forms/{unit}.yaml")


def plan(repo: Repository, today: dt.date) -> list[Step]:
    """Everything that happens in the demo repository up to `today`, in time order."""
    agency = repo.agency
    if agency is None or repo.sop is None or repo.renstra is None:
        raise DemoError("data contoh (agency.yaml, sop.yaml, renstra.yaml) tidak valid")
    clock = _Clock(ZoneInfo(agency.timezone))
    folders = sorted((c for c in repo.cycles if c.cycle is not None), key=lambda c: c.year)
    first = min((c.cycle.start for c in folders), default=today)
    years = range(first.year - 1, max([today.year, *(c.year for c in folders)]) + 1)
    cal = work_calendar(years, {d.date: d.note for d in agency.extra_holidays}, [d.date for d in agency.extra_workdays])
    # the repository is set up on the working day before the first cycle opens
    setup = first - dt.timedelta(days=1)
    while not cal.is_workday(setup):
        setup -= dt.timedelta(days=1)
    steps: list[Step] = [setup_commit(repo, clock.at(setup, "setup"))]
    numbers = iter(range(1, 10_000))  # pull request numbers, as GitHub gives them
    for folder in folders:
        steps += cycle_steps(repo, folder, cal, clock, numbers)
    steps.sort(key=lambda s: s.when)
    return [s for s in steps if s.when.date() <= today]


# --- running it -----------------------------------------------------------------

def _git(folder: Path, *args: str, person: Who | None = None, when: dt.datetime | None = None) -> str:
    try:
        return gitrepo.isolated(folder, *args, author=(person.name, person.email) if person else None,
                                when=when.isoformat() if when else None)
    except gitrepo.GitError as exc:
        raise DemoError(f"git {' '.join(args[:2])} gagal di {folder}: {exc}") from None


def _apply(folder: Path, changes: tuple[Change, ...]) -> None:
    for change in changes:
        path = folder / change.path
        if change.event:
            text = path.read_text(encoding="utf-8")
            if text.rstrip().endswith("peristiwa: []"):  # the first event of the cycle
                text = text.rstrip()[:-len(" []")] + "\n"
            atomic.replace(path, text.encode("utf-8") + change.data)
        else:
            atomic.replace(path, change.data)


def _commit(folder: Path, commit: Commit) -> None:
    _apply(folder, commit.changes)
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", commit.message, person=commit.who, when=commit.when)


# `rkt sign` as the demo uses it (the command layer passes its own: the demo signs as a user would)
Signer = Callable[[Path, int, Path, dt.date, str, "str | None", dt.date], tuple[str, int]]


def replay(folder: Path, steps: list[Step], sign: Signer) -> None:
    """Run the plan in `folder` (new or empty): a repository on branch main."""
    if shutil.which("git") is None:
        raise DemoError("perintah 'git' tidak ditemukan; pasang Git (Debian/Ubuntu: apt-get install git) lalu "
                        "jalankan lagi")
    folder.mkdir(parents=True, exist_ok=True)
    _git(folder, "init", "-q", "-b", "main")
    for step in steps:
        if isinstance(step, Commit):
            _commit(folder, step)
        elif isinstance(step, PullRequest):
            _git(folder, "checkout", "-q", "-b", step.branch)
            _commit(folder, step.commit)
            _git(folder, "checkout", "-q", "main")
            _git(folder, "merge", "-q", "--no-ff", "-m",
                 f"Gabungkan pull request #{step.number} dari cabang {step.branch}\n\n{step.commit.message}",
                 step.branch, person=step.reviewer, when=step.merged)
            _git(folder, "branch", "-q", "-d", step.branch)
        else:
            _sign(folder, step, sign)


def _sign(folder: Path, step: Signing, sign: Signer) -> None:
    text, code = sign(folder, step.year, step.scan, step.signed_on, step.role, step.note, step.when.date())
    if code != 0:
        raise DemoError(f"rkt sign {step.year} gagal dalam repositori contoh:\n{text}")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", f"Arsipkan RKT {step.year} bertanda tangan", person=step.who, when=step.when)


@dataclass(frozen=True)
class Demo:
    folder: Path
    today: dt.date
    commits: int
    pull_requests: int


def create(folder: Path, sign: Signer, today: dt.date | None = None) -> Demo:
    """Write the demo repository into `folder` (new or empty) with its history up to `today`
    (default: SOURCE_DATE_EPOCH's day, else DEMO_TODAY); the site is built by the caller."""
    from generator.check.validate import validate
    from generator.core.calendar import DEFAULT_TIMEZONE

    day = today or _epoch_day(DEFAULT_TIMEZONE) or DEMO_TODAY
    # the example is checked as of the day it was written for (an earlier day replays part of it)
    result = validate(TOOL, today=max(day, DEMO_TODAY))
    if not result.ok:
        raise DemoError(f"data contoh di {TOOL / 'cycles'} tidak lolos pemeriksaan; jalankan 'rkt -C {TOOL} validate'")
    steps = plan(result.repository, day)
    replay(folder, steps, sign)
    commits = int(_git(folder, "rev-list", "--count", "HEAD").strip())
    return Demo(folder, day, commits, sum(isinstance(s, PullRequest) for s in steps))


def _epoch_day(timezone: str) -> dt.date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), ZoneInfo(timezone)).date() if epoch.isdigit() else None
