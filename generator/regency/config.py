"""`kabupaten.yaml`: the regency and the agencies whose published data it gathers.

Read with the same strict loader as the agency files and checked against
`schemas/kabupaten.schema.json`, so a mistake is reported with file, line and an
Indonesian message, and one bad entry never hides the problems of the others.
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from generator.core.problems import Problem, locate, sort_key
from generator.source.load import load_file
from generator.source.schema import python_schema
from generator.source.schemamessages import problems as schema_problems

FILE = "kabupaten.yaml"
SCHEMA = "kabupaten.schema.json"
# the tool's own schemas: a regency repository carries the tool beside its data (see init.py)
SCHEMAS = Path(__file__).resolve().parent.parent.parent / "schemas"
DEFAULT_TIMEZONE = "Asia/Makassar"


@dataclass(frozen=True, slots=True)
class Goal:
    """A sasaran of the regency's RPJMD."""

    code: str
    description: str


@dataclass(frozen=True, slots=True)
class Agency:
    code: str  # also the name of its page (opd/<code>.html): checked against a strict pattern
    name: str
    source: str  # https URL (http only on this computer) or a path relative to the regency folder
    site: str | None  # the only addresses the pages ever link to
    repository: str | None
    goals: tuple[tuple[str, str], ...]  # (agency sasaran code, regency sasaran code)

    def goal_of(self, objective: str) -> str | None:
        return next((g for o, g in self.goals if o == objective), None)


@dataclass(frozen=True, slots=True)
class Config:
    name: str
    timezone: str
    goals: tuple[Goal, ...]
    agencies: tuple[Agency, ...]

    def goal(self, code: str) -> Goal | None:
        return next((g for g in self.goals if g.code == code), None)


@lru_cache(maxsize=4)
def _validator(folder: Path) -> Draft202012Validator:
    import json

    schema = json.loads((folder / SCHEMA).read_text(encoding="utf-8"))
    return Draft202012Validator(python_schema(schema), format_checker=FormatChecker(formats=("date",)))


def is_loopback(host: str | None) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def source_problem(source: str) -> str | None:
    """Why an agency's data address cannot be used, or None. Plain http is refused but on
    this computer (tests, a local preview): on the internet anyone on the way could change it."""
    if "://" not in source:
        return None  # a path on this computer
    url = urllib.parse.urlsplit(source)
    if url.scheme == "https" and url.hostname:
        return None
    if url.scheme == "http" and is_loopback(url.hostname):
        return None
    return (f"alamat data '{source}' harus diawali https:// (atau berupa jalur berkas di komputer ini); "
            f"alamat http:// biasa dapat diubah di tengah jalan")


def load(root: Path, schemas: Path = SCHEMAS) -> tuple[Config | None, list[Problem]]:
    """The configuration, or None with every problem found."""
    loaded = load_file(root / FILE, FILE)
    if loaded.document is None:
        if not (root / FILE).exists():
            return None, [Problem(FILE, "RKT020", f"{FILE} tidak ada di {root}; buat repositori kabupaten dengan "
                                  "'rkt kabupaten init FOLDER', atau jalankan perintah ini di folder repositori itu",
                                  line=1, col=1)]
        return None, list(loaded.problems)
    data = loaded.document.data
    problems: list[Problem] = []
    seen: set[Problem] = set()
    for error in _validator(schemas).iter_errors(data):
        for p in schema_problems(error, FILE):
            if p not in seen:
                seen.add(p)
                problems.append(p)
    if not problems and isinstance(data, dict):  # the schema admits only a mapping
        problems += _cross_checks(data)
    problems = sorted(locate(problems, {FILE: loaded.document.positions}), key=sort_key)
    if problems or not isinstance(data, dict):
        return None, problems
    return _build(data), []


def _cross_checks(data: dict) -> list[Problem]:
    out = []
    goals = {g["kode"] for g in data.get("sasaran", ())}
    seen: dict[str, int] = {}
    for i, a in enumerate(data["opd"]):
        if a["kode"] in seen:
            out.append(Problem(FILE, "RKT205", f"kode OPD '{a['kode']}' sudah dipakai OPD ke-{seen[a['kode']] + 1}; "
                               f"setiap OPD memerlukan kode sendiri", path=("opd", i, "kode")))
        seen.setdefault(a["kode"], i)
        problem = source_problem(a["data"])
        if problem:
            out.append(Problem(FILE, "RKT104", problem, path=("opd", i, "data")))
        for objective, goal in a.get("sasaran", {}).items():
            if goal not in goals:
                out.append(Problem(FILE, "RKT400", f"sasaran kabupaten '{goal}' (untuk {objective}) tidak ada di "
                                   f"daftar 'sasaran' kabupaten.yaml", path=("opd", i, "sasaran", objective)))
    return out


def _build(data: dict) -> Config:
    k = data["kabupaten"]
    goals = tuple(Goal(g["kode"], g["uraian"]) for g in data.get("sasaran", ()))
    agencies = tuple(Agency(a["kode"], a["nama"], a["data"], a.get("situs"), a.get("repositori"),
                            tuple(sorted(a.get("sasaran", {}).items()))) for a in data["opd"])
    return Config(k["nama"], k.get("zona_waktu", DEFAULT_TIMEZONE), goals, agencies)
