"""`.github/CODEOWNERS` from the roles in agency.yaml (pure), and the rules on those roles.

Each unit's forms are owned by its head; the event logs by the planning section;
the archive, the SOP and the agency data by the Sekretaris and the Kepala Badan.
The judge (the code, the schemas, the workflows and whatever decides how they
are installed and run) is owned by the `pengelola` role alone: a change there
changes the verdict on every later pull request, so the people who own data
files must not be able to approve it for themselves. GitHub takes the owners
of a path from the last line that matches it, and one approval from any owner
on that line is enough, so the maintainer lines come last and name nobody else;
the first line gives them everything outside cycles/ too (a file the lists below
forget, .gitignore, tests, is never a data owner's to approve).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.core.model import Agency
from generator.core.problems import Problem

PATH = ".github/CODEOWNERS"
PLANNING_ROLE = "kasubbag-perencanaan"
GUARDIAN_ROLES = ("sekretaris", "kepala-badan")
MAINTAINER_ROLE = "pengelola"

GUARDED = ("/cycles/*/signed/", "/cycles/sop.yaml", "/cycles/agency.yaml", "/cycles/renstra.yaml")
# The judge and everything that decides how it is installed, run and shown.
MAINTAINED = ("/generator/", "/schemas/", "/.github/", "/.ci/", "/Makefile", "/pyproject.toml",
              "/requirements/", "/mkdocs.yml", "/docs/js/", "/docs/vendor/", "/docs/css/", "/.gitattributes")

Rule = tuple[str, tuple[str, ...]]


def _handles(agency: Agency, codes: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for code in codes:
        person = agency.person(code)
        if person is not None and person.github and f"@{person.github}" not in out:
            out.append(f"@{person.github}")
    return tuple(out)


def _role_handles(agency: Agency, roles: Iterable[str]) -> tuple[str, ...]:
    members = [m for r in roles if (role := agency.role(r)) is not None for m in role.members]
    return _handles(agency, members)


def rules(agency: Agency) -> list[Rule]:
    """(path pattern, owners) in file order; patterns without owners are left out."""
    planning = _role_handles(agency, (PLANNING_ROLE,))
    guardians = _role_handles(agency, GUARDIAN_ROLES)
    # Without maintainers (an error of its own, RKT024/RKT025) the judge stays with the
    # guardians rather than falling to the catch-all line of the planning section.
    maintainers = _role_handles(agency, (MAINTAINER_ROLE,)) or guardians
    # Everything outside cycles/ is the judge's or the site's (tests, benchmarks, .gitignore, the
    # README, the guides): the maintainers'. Data and its evidence files are the planning section's.
    out: list[Rule] = [("*", maintainers), ("/cycles/", planning or guardians), ("/cycles/*/cycle.yaml", planning)]
    out += [(f"/cycles/*/forms/{u.code}.yaml", _handles(agency, (u.head,))) for u in agency.units]
    out += [(path, guardians) for path in GUARDED]
    out += [(path, maintainers) for path in MAINTAINED]
    return [(path, owners) for path, owners in out if owners]


def render(agency: Agency) -> str:
    lines = ["# Dibuat oleh 'rkt codeowners' dari cycles/agency.yaml. Jangan diubah langsung:",
             "# ubah agency.yaml lalu jalankan 'rkt codeowners'.", ""]
    lines += [f"{path:<40} {' '.join(owners)}" for path, owners in rules(agency)]
    return "\n".join(lines) + "\n"


def data_owners(agency: Agency) -> set[str]:
    """Handles that can approve a change to some data file (anything under cycles/, evidence files
    and READMEs there included)."""
    return {h for path, owners in rules(agency) if path.startswith("/cycles/") for h in owners}


def maintainer_problems(agency: Agency) -> Iterator[Problem]:
    """The `pengelola` role must exist, be reachable on GitHub, and be nobody who owns data.

    One person who is both would approve a change to the judge together with the data
    it judges, which is exactly what the separate review is there to prevent.
    """
    role = agency.role(MAINTAINER_ROLE)
    if role is None:
        at = agency.at / "peran"
        yield Problem(at.file, "RKT024", f"peran '{MAINTAINER_ROLE}' belum ada; tambahkan peran itu dengan "
                      f"pegawai yang meninjau perubahan kode, skema dan alur kerja (bukan kepala unit, "
                      f"perencanaan, Sekretaris atau Kepala Badan), lalu jalankan 'rkt codeowners'", path=at.path)
        return
    reachable = _handles(agency, role.members)
    if not reachable:
        at = role.at / "pegawai"
        yield Problem(at.file, "RKT025", f"tidak satu pun pegawai pada peran '{MAINTAINER_ROLE}' punya akun "
                      f"GitHub; isi 'github' pegawai itu di daftar pegawai agar ia dapat meninjau perubahan "
                      f"kode", path=at.path)
        return
    owners = data_owners(agency)
    for i, code in enumerate(role.members):
        handle = _handles(agency, (code,))
        if handle and handle[0] in owners:
            at = role.at / "pegawai" / i
            yield Problem(at.file, "RKT026", f"pegawai '{code}' ({handle[0]}) juga pemilik berkas data "
                          f"(form, siklus atau arsip), sehingga ia dapat menyetujui perubahan kode bersama "
                          f"data yang diperiksanya; peran '{MAINTAINER_ROLE}' harus dipegang pegawai lain",
                          path=at.path)
