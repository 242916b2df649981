"""`.github/CODEOWNERS` from the roles in agency.yaml (pure).

Each unit's forms are owned by its head; the event logs by the planning section;
the archive, the SOP, the agency data, the schemas and the workflows by the
Sekretaris and the Kepala Badan. Later lines win in CODEOWNERS, so the general
rule comes first.
"""

from __future__ import annotations

from .model import Agency

PATH = ".github/CODEOWNERS"
PLANNING_ROLE = "kasubbag-perencanaan"
GUARDIAN_ROLES = ("sekretaris", "kepala-badan")


def _handles(agency: Agency, codes) -> list[str]:
    out = []
    for code in codes:
        person = agency.person(code)
        if person is not None and person.github and f"@{person.github}" not in out:
            out.append(f"@{person.github}")
    return out


def _role_handles(agency: Agency, roles) -> list[str]:
    members = [m for r in roles if (role := agency.role(r)) is not None for m in role.members]
    return _handles(agency, members)


def render(agency: Agency) -> str:
    planning = _role_handles(agency, (PLANNING_ROLE,))
    guardians = _role_handles(agency, GUARDIAN_ROLES)
    lines = ["# Dibuat oleh 'rkt codeowners' dari cycles/agency.yaml. Jangan diubah langsung:",
             "# ubah agency.yaml lalu jalankan 'rkt codeowners'.", ""]

    def rule(path: str, owners: list[str]) -> None:
        if owners:
            lines.append(f"{path:<40} {' '.join(owners)}")

    rule("*", planning or guardians)
    rule("/cycles/*/cycle.yaml", planning)
    for unit in agency.units:
        rule(f"/cycles/*/forms/{unit.code}.yaml", _handles(agency, (unit.head,)))
    for path in ("/cycles/*/signed/", "/cycles/sop.yaml", "/cycles/agency.yaml", "/cycles/renstra.yaml",
                 "/schemas/", "/.github/"):
        rule(path, guardians)
    return "\n".join(lines) + "\n"
