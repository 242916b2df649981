"""Gather the repository, check everything, return all problems at once.

The I/O edge of validation: find the files under `cycles/`, read and parse
them, check each against its schema, build the model from the valid ones and
collect the facts the rules need about files on disk (scan hashes). The rules
themselves (`rules/`, `sealed.py`) are pure functions of what is gathered
here. Nothing stops at the first bad file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path as FsPath

from generator.check import formrules, lkjip_files, rules, tracked
from generator.check import sealed as history
from generator.core import calendar
from generator.core.model import BUILDERS, At, CycleFolder, Repository, SignedVersion
from generator.core.problems import WARNING, Positions, Problem, locate, sort_key
from generator.core.year import YearFiles
from generator.source.load import SYMLINK_MESSAGE, Document, load_file, read_no_follow
from generator.source.schema import SchemaSet

DATA = "cycles"
SCHEMAS = "schemas"

_YEAR = r"(?P<year>[0-9]{4})"
_LAYOUT = (
    (re.compile(r"cycles/agency\.yaml"), "agency"),
    (re.compile(r"cycles/sop\.yaml"), "sop"),
    (re.compile(r"cycles/renstra\.yaml"), "renstra"),
    (re.compile(rf"cycles/{_YEAR}/cycle\.yaml"), "cycle"),
    (re.compile(rf"cycles/{_YEAR}/forms/[a-z][a-z0-9-]{{0,39}}\.yaml"), "form"),
    # rkt-: signed versions of the RKT; pk-: of the Perjanjian Kinerja made from it; renaksi-: of the Rencana Aksi
    (re.compile(rf"cycles/{_YEAR}/signed/(?:rkt|pk|renaksi)-[0-9]{{4}}-v[0-9]{{1,2}}\.yaml"), "signed"),
    (re.compile(rf"cycles/{_YEAR}/signed/(?:rkt|pk|renaksi)-[0-9]{{4}}-v[0-9]{{1,2}}\.pdf"), "scan"),
    (re.compile(rf"cycles/{_YEAR}/renaksi/[a-z][a-z0-9-]{{0,39}}\.yaml"), "renaksi"),
    (re.compile(rf"cycles/{_YEAR}/laporan/tw[1-4]/[a-z][a-z0-9-]{{0,39}}\.yaml"), "laporan"),
    (re.compile(rf"cycles/{_YEAR}/sakip\.yaml"), "sakip"),  # the SAKIP stages after the year (LKjIP ... upload)
    (re.compile(rf"cycles/{_YEAR}/bukti/[^/]+(?:/[^/]+)*"), "evidence"),
    # the LKjIP's written parts; which names a section may have: check/lkjip_files (they follow the Renstra)
    (re.compile(rf"cycles/{_YEAR}/lkjip/(?!README\.md$)[^/]+"), lkjip_files.KIND),
    (re.compile(r"cycles/(?:.+/)?README\.md"), "readme"),
    (re.compile(r"cycles/logo\.(?:png|jpe?g)"), "logo"),  # agency.yaml `instansi.logo`
)
REQUIRED = ("cycles/agency.yaml", "cycles/sop.yaml", "cycles/renstra.yaml")


def classify(rel: str) -> str | None:
    """The kind of a file from its place in the repository, or None if it has no place."""
    for pattern, kind in _LAYOUT:
        if pattern.fullmatch(rel):
            return kind
    return None


def _misplaced(rel: str) -> Problem:
    name = posixpath.basename(rel)
    if name.endswith(".yml"):
        hint = "ganti akhiran nama berkas menjadi .yaml"
    elif "/forms/" in rel:
        hint = "nama berkas form harus kode unit dengan huruf kecil dan akhiran .yaml, misalnya ppik.yaml"
    elif "/renaksi/" in rel:
        hint = "nama berkas Rencana Aksi harus kode unit dengan huruf kecil dan akhiran .yaml, misalnya ppik.yaml"
    elif "/laporan/" in rel:
        hint = ("laporan triwulan diletakkan di cycles/<tahun>/laporan/tw<1-4>/<unit>.yaml, "
                "misalnya cycles/2026/laporan/tw1/ppik.yaml")
    elif "/lkjip/" in rel:
        hint = "bagian LKjIP diletakkan langsung di cycles/<tahun>/lkjip/, misalnya cycles/2026/lkjip/bab-4-penutup.md"
    elif "/signed/" in rel:
        hint = ("berkas bertanda tangan dibuat dengan perintah 'rkt sign' dan bernama rkt-<tahun>-v<n>.pdf/.yaml "
                "(Perjanjian Kinerja: pk-<tahun>-v<n>.pdf/.yaml; Rencana Aksi: renaksi-<tahun>-v<n>.pdf/.yaml)")
    else:
        hint = ("data diletakkan di cycles/agency.yaml, cycles/sop.yaml, cycles/renstra.yaml, "
                "cycles/<tahun>/cycle.yaml, cycles/<tahun>/forms/<unit>.yaml, cycles/<tahun>/renaksi/<unit>.yaml, "
                "cycles/<tahun>/laporan/tw<1-4>/<unit>.yaml, cycles/<tahun>/sakip.yaml, cycles/<tahun>/signed/ atau "
                "cycles/<tahun>/bukti/")
    return Problem(rel, "RKT021", f"berkas ini tidak akan dibaca karena tempat atau namanya tidak dikenal; {hint}",
                   line=1, col=1)


def schema_header(rel: str, kind: str) -> str:
    target = posixpath.relpath(f"{SCHEMAS}/{kind}.schema.json", posixpath.dirname(rel))
    return f"# yaml-language-server: $schema={target}"


@dataclass(frozen=True)
class Result:
    repository: Repository
    problems: tuple[Problem, ...]
    files_checked: int
    documents: dict[str, Document]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors


def walk_data(root: FsPath) -> tuple[list[str], list[str]]:
    """Every file under cycles/, and every symbolic link there (file or folder), as sorted
    repository-relative POSIX paths (hidden entries skipped).

    Links are listed, never followed: a pull request can commit one pointing anywhere
    on the machine that checks it, and its target must never be read."""
    files: list[str] = []
    links: list[str] = []

    def visit(folder: FsPath, rel: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return  # as os.walk: an unreadable folder is skipped (its files count as missing)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = f"{rel}/{entry.name}"
            if entry.is_symlink():
                links.append(child)
            elif entry.is_dir(follow_symlinks=False):
                visit(FsPath(entry.path), child)
            else:
                files.append(child)

    if (root / DATA).is_symlink():
        return [], [DATA]
    visit(root / DATA, DATA)
    return sorted(files), sorted(links)


def discover(root: FsPath) -> list[str]:
    """Every file under cycles/, as sorted repository-relative POSIX paths (hidden files and links skipped)."""
    return walk_data(root)[0]


def _symlink_problem(rel: str) -> Problem:
    return Problem(rel, "RKT012", SYMLINK_MESSAGE, line=1, col=1)


def _scan_facts(root: FsPath, version: SignedVersion) -> SignedVersion:
    scan_rel = posixpath.join(posixpath.dirname(version.at.file), version.scan)
    path = root / scan_rel
    try:
        data = read_no_follow(path)  # a symlinked scan is refused (RKT012), never read
    except OSError:
        return replace(version, scan_path=scan_rel, scan_exists=False)
    return replace(version, scan_path=scan_rel, scan_exists=True,
                   scan_sha256=hashlib.sha256(data).hexdigest(), scan_is_pdf=data.startswith(b"%PDF-"))


def _logo_facts(root: FsPath, agency):
    """The agency with its logo's bytes (printed documents embed them; nothing is fetched)."""
    if agency is None or agency.logo is None:
        return agency
    try:
        return replace(agency, logo_data=read_no_follow(root / DATA / agency.logo, rules.LOGO_MAX_BYTES + 1))
    except OSError:
        return agency  # rules/agency.py reports the missing file


@dataclass
class Gathered:
    files: list[str]
    kinds: dict[str, str]  # file -> kind, for every file that has a place
    documents: dict[str, Document]  # every parsed file, valid against its schema or not
    valid: set[str]  # the files that passed their schema
    positions: dict[str, Positions]  # every file that got as far as parsing
    problems: list[Problem]


def gather(root: FsPath, schemas: SchemaSet) -> Gathered:
    """Read and schema-check every data file."""
    files, links = walk_data(root)
    problems: list[Problem] = [_symlink_problem(rel) for rel in links]
    documents: dict[str, Document] = {}
    valid: set[str] = set()
    positions: dict[str, Positions] = {}
    kinds: dict[str, str] = {}
    for rel in REQUIRED:
        if rel not in files:
            problems.append(Problem(rel, "RKT020", "berkas wajib ini tidak ada; buat berkasnya "
                                    "(lihat contoh di repositori rkt-dashboard)", line=1, col=1))
    for rel in files:
        kind = classify(rel)
        if kind is None:
            problems.append(_misplaced(rel))
            continue
        kinds[rel] = kind
        if kind == lkjip_files.KIND:
            problems.extend(lkjip_files.read_problems(root, rel))
        if kind not in BUILDERS:
            continue
        loaded = load_file(root / rel, rel)
        problems.extend(loaded.problems)
        doc = loaded.document
        if loaded.positions is not None:
            positions[rel] = loaded.positions
        if doc is None:
            continue
        positions[rel] = doc.positions
        documents[rel] = doc
        expected = schema_header(rel, kind)
        if doc.header.strip() != expected:
            problems.append(Problem(rel, "RKT022",
                                    f"baris pertama sebaiknya '{expected}' agar editor dapat membantu "
                                    f"mengisi dan memeriksa berkas ini", line=1, col=1, severity=WARNING))
        found = formrules.mark_draft(kind, doc.data, rel, list(schemas.check(kind, doc.data, rel)))
        if found:
            problems.extend(found)
        else:
            valid.add(rel)
    return Gathered(files, kinds, documents, valid, positions, problems)


def build_repository(root: FsPath, g: Gathered) -> Repository:
    """The model, from schema-valid documents only."""
    kinds, files = g.kinds, g.files
    documents = {rel: g.documents[rel] for rel in g.valid}

    def one(rel: str):
        doc = documents.get(rel)
        # schema-valid data is a mapping: every schema's top level is an object
        return BUILDERS[kinds[rel]](doc.data, At(rel)) if doc and isinstance(doc.data, dict) else None

    years: dict[str, list[str]] = {}
    for rel in files:
        parts = rel.split("/")
        if len(parts) > 2 and re.fullmatch(r"[0-9]{4}", parts[1]):
            years.setdefault(parts[1], []).append(rel)
    folders = [_folder(root, year, members, kinds, documents, one) for year, members in sorted(years.items())]
    return Repository(
        agency=_logo_facts(root, one("cycles/agency.yaml")) if "cycles/agency.yaml" in kinds else None,
        sop=one("cycles/sop.yaml") if "cycles/sop.yaml" in kinds else None,
        renstra=one("cycles/renstra.yaml") if "cycles/renstra.yaml" in kinds else None,
        cycles=tuple(folders),
    )


def _folder(root: FsPath, year: str, members: list[str], kinds: dict[str, str], documents: dict[str, Document],
            one) -> CycleFolder:
    """One cycles/<year>/ folder from its schema-valid files."""
    def built(kind: str) -> tuple:
        return tuple(one(r) for r in members if kinds.get(r) == kind and r in documents)

    cycle_rel = f"cycles/{year}/cycle.yaml"
    signed = tuple(_scan_facts(root, v) for v in built("signed"))

    def of(kind: str) -> tuple[SignedVersion, ...]:
        return tuple(v for v in signed if _signed_kind(v.at.file) == kind)

    sakip_rel = f"cycles/{year}/sakip.yaml"
    return CycleFolder(int(year), f"cycles/{year}", one(cycle_rel) if cycle_rel in kinds else None, built("form"),
                       of("rkt"), tuple(members), of("pk"), YearFiles(built("renaksi"), built("laporan")),
                       of("renaksi"), sakip=one(sakip_rel) if sakip_rel in documents else None)


def _signed_kind(rel: str) -> str:
    """Which document a signed metadata file holds: rkt, pk (Perjanjian Kinerja) or renaksi (Rencana Aksi)."""
    return posixpath.basename(rel).split("-", 1)[0]


def codeowners_problems(root: FsPath, repo: Repository) -> list[Problem]:
    """The maintainer role's rules, and a CODEOWNERS that no longer matches agency.yaml
    (a missing one is not required)."""
    from generator.check import codeowners

    if repo.agency is None:
        return []
    found = list(codeowners.maintainer_problems(repo.agency))
    path = root / codeowners.PATH
    if not path.is_file() or path.read_text(encoding="utf-8", errors="replace") == codeowners.render(repo.agency):
        return found
    return found + [Problem(codeowners.PATH, "RKT023", "CODEOWNERS tidak sesuai dengan peran dan kepala unit di "
                    "cycles/agency.yaml; jalankan 'rkt codeowners' dan sertakan hasilnya", line=1, col=1)]


def validate(root: FsPath, today: dt.date | None = None, base: str | None = None,
             schemas_dir: FsPath | None = None) -> Result:
    """Check the whole repository at `root`, and against revision `base` when given.

    `today` defaults to today in the agency's time zone. `schemas_dir` (default
    `root/schemas`) lets the pull-request check judge a PR's data with the target
    branch's schemas. Raises gitrepo.GitError when `base` cannot be read (a usage problem).
    """
    schemas = SchemaSet.load(schemas_dir or root / SCHEMAS)
    g = gather(root, schemas)
    repo = build_repository(root, g)
    if today is None:
        today = calendar.today(repo.agency.timezone if repo.agency else calendar.DEFAULT_TIMEZONE)
    problems = g.problems + list(rules.check(repo, today, set(g.files)))
    problems += lkjip_files.name_problems(repo, [rel for rel, kind in g.kinds.items() if kind == lkjip_files.KIND])
    problems += codeowners_problems(root, repo)
    problems += tracked.problems(root)
    problems += history.signed_problems(root, repo, g.documents, schemas)
    if base is not None:
        problems += history.check(root, base, g.documents, set(g.files), repo, schemas)
    located = sorted(locate(problems, g.positions), key=sort_key)
    return Result(repo, tuple(located), len(g.kinds), g.documents)
