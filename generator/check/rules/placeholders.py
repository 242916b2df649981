"""Placeholders a signed document would print: what `rkt init` wrote as "(isi ...)" (or the
NIP placeholder) and nobody has replaced yet, in the places the RKT and the Perjanjian
Kinerja print (the kop, the signature, the atasan, the Renstra's sasaran, indicators and
targets). A warning for `rkt validate` (an agency fills its data step by step), a refusal
for `rkt sign` (commands/sign.py), both from `printed_placeholders`; `unfilled` counts every
placeholder left, printed or not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.check.rules.agency import NIP_PLACEHOLDER
from generator.check.rules.common import problem
from generator.core.model import Agency, At, Official, Renstra, Repository
from generator.core.problems import WARNING, Problem

PLACEHOLDER = "(isi "
CODE = "RKT228"
# a placeholder inside a printed text ("NIP. (isi NIP)"; the kop prints names in capitals)
WITHIN = re.compile(re.escape(PLACEHOLDER) + r"[^)]*\)", re.IGNORECASE)


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and (value.startswith(PLACEHOLDER) or value == NIP_PLACEHOLDER)


def unfilled(obj: object) -> int:
    """How many values of a model object (Agency, Renstra, ...) are still placeholders, printed
    or not (the Beranda and `rkt init` count what is left to fill)."""
    return sum(1 for _ in found_in(obj))


def found_in(obj: object, at: At | None = None) -> Iterator[tuple[str, At | None]]:
    """Every placeholder among the values of a model object, with the place of the nearest
    object that holds it (its file names where to fill it)."""
    if isinstance(obj, str):
        if is_placeholder(obj):
            yield obj, at
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        here = getattr(obj, "at", at)
        here = here if isinstance(here, At) else at
        for f in dataclasses.fields(obj):
            if f.name != "at":
                yield from found_in(getattr(obj, f.name), here)
    elif isinstance(obj, (tuple, list)):
        for x in obj:
            yield from found_in(x, at)


@dataclass(frozen=True, slots=True)
class Unfilled:
    """One printed value that is still a placeholder: where, what it is (for the staff), and its text."""

    at: At
    label: str
    value: str


def printed_placeholders(repo: Repository) -> Iterator[Unfilled]:
    """Every placeholder a printed RKT or Perjanjian Kinerja would show, in file order."""
    yield from printed(repo.agency, repo.renstra)


def printed(agency: Agency | None, renstra: Renstra | None) -> Iterator[Unfilled]:
    """`printed_placeholders` of an agency and its Renstra (what the dashboard's pages have)."""
    if agency is not None:
        yield from _agency(agency)
    if renstra is not None:
        yield from _renstra(renstra)


def placeholder_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    for u in printed_placeholders(repo):
        yield problem(u.at, CODE, f"{u.label} masih contoh \"{u.value}\": ganti dengan data sebenarnya sebelum RKT "
                                  f"atau Perjanjian Kinerja ditandatangani", severity=WARNING)


def _check(at: At, label: str, value: object) -> Iterator[Unfilled]:
    if is_placeholder(value):
        assert isinstance(value, str)
        yield Unfilled(at, label, value)


def _agency(a: Agency) -> Iterator[Unfilled]:
    inst = a.at / "instansi"
    yield from _check(inst / "nama", "nama instansi", a.name)
    yield from _check(inst / "pemerintah", "pemerintah daerah", a.government)
    yield from _check(inst / "alamat", "alamat instansi", a.address)
    yield from _check(inst / "kota", "kota tempat penandatanganan", a.city)
    if a.superior is not None:
        yield from _official(a.superior)
    head = a.person(a.head)
    if head is not None:  # an unknown head is RKT201's
        who = next((r.name for r in a.roles if head.code in r.members), "kepala instansi")
        yield from _check(head.at / "nama", f"nama {who}", head.name)
        yield from _check(head.at / "nip", f"NIP {who}", head.nip)
        yield from _check(head.at / "jabatan", f"jabatan {who}", head.position)
        yield from _check(head.at / "pangkat", f"pangkat {who}", head.rank)


def _official(o: Official) -> Iterator[Unfilled]:
    who = "atasan (pihak kedua Perjanjian Kinerja)"
    yield from _check(o.at / "nama", f"nama {who}", o.name)
    yield from _check(o.at / "jabatan", f"jabatan {who}", o.position)
    yield from _check(o.at / "pangkat", f"pangkat {who}", o.rank)
    yield from _check(o.at / "nip", f"NIP {who}", o.nip)


def _renstra(r: Renstra) -> Iterator[Unfilled]:
    for o in r.objectives:
        yield from _check(o.at / "uraian", f"uraian sasaran {o.code}", o.description)
        for ind in o.indicators:
            yield from _check(ind.at / "uraian", f"uraian indikator {ind.code}", ind.description)
            yield from _check(ind.at / "satuan", f"satuan indikator {ind.code}", ind.unit_of_measure)
            yield from _check(ind.at / "formula", f"cara pengukuran indikator {ind.code}", ind.formula)
            for year, target in ind.targets:
                yield from _check(ind.at / "target" / str(year), f"target {year} indikator {ind.code}", target)
