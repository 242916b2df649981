"""A Renstra code keeps its meaning: against a base revision, an indicator rewritten or
given another satuan under the same code changes what every form that refers to it
promises, without anyone having agreed to it (RKT308, RKT309: warnings naming the forms)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path as FsPath

from generator.core.model import Indicator, Repository, TargetRow
from generator.core.problems import WARNING, Problem
from generator.source.gitrepo import Blob, read_blobs
from generator.source.load import Document, load_bytes

RENSTRA = "cycles/renstra.yaml"

# (form file, an indicator entry of its performance table)
Entry = tuple[str, TargetRow]


def _words(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


def renstra_revisions(root: FsPath, listing: list[Blob], repo: Repository) -> Iterator[Problem]:
    """Forms refer to Renstra indicators by code. When a revision keeps a code but rewrites
    the indicator (RKT308) or its satuan (RKT309), every form that refers to the code now
    promises something else without anyone having agreed to it: warn, naming the forms.
    A form whose `uraian` already records the new text was agreed against it."""
    blob = next((b for b in listing if b.path == RENSTRA), None)
    if blob is None or repo.renstra is None:
        return
    before = _base_indicators(load_bytes(read_blobs(root, [blob.oid])[blob.oid], blob.path).document)
    entries = [(f.at.file, t) for c in repo.cycles for f in c.forms for row in f.performance for t in row.indicators]
    for _, ind in repo.renstra.indicators():
        old = before.get(ind.code)
        if old is None:
            continue
        yield from _rewritten(ind, old, entries)
        yield from _new_unit(ind, old, entries)


def _base_indicators(doc: Document | None) -> dict[str, Mapping]:
    """The base's indicators by code, read from its renstra.yaml as plain data (it may no longer
    fit today's schema): whatever is not shaped like an indicator is left out."""
    data = doc.data if doc is not None else None
    objectives = data.get("sasaran") if isinstance(data, dict) else None
    if not isinstance(objectives, list):
        return {}
    return {i["kode"]: i for o in objectives if isinstance(o, dict) and isinstance(o.get("indikator"), list)
            for i in o["indikator"] if isinstance(i, dict) and isinstance(i.get("kode"), str)}


def _rewritten(ind: Indicator, old: Mapping, entries: list[Entry]) -> Iterator[Problem]:
    if _words(old.get("uraian")) == _words(ind.description):
        return
    forms = sorted({file for file, t in entries if t.indicator == ind.code
                    and _words(t.description) != _words(ind.description)})
    if forms:
        yield Problem(ind.at.file, "RKT308",
                      f"uraian indikator {ind.code} diubah dari '{old.get('uraian')}' menjadi "
                      f"'{ind.description}' dengan kode yang sama, jadi target di {', '.join(forms)} kini "
                      f"berlaku untuk rumusan baru tanpa disepakati. Bila maknanya berubah, beri indikator "
                      f"baru kode baru; bila hanya perbaikan penulisan, periksa target form tersebut",
                      path=ind.at.path + ("uraian",), severity=WARNING)


def _new_unit(ind: Indicator, old: Mapping, entries: list[Entry]) -> Iterator[Problem]:
    if _words(old.get("satuan")) == _words(ind.unit_of_measure):
        return
    forms = sorted({file for file, t in entries if t.indicator == ind.code})
    if forms:
        yield Problem(ind.at.file, "RKT309",
                      f"satuan indikator {ind.code} diubah dari '{old.get('satuan') or '-'}' menjadi "
                      f"'{ind.unit_of_measure or '-'}' dengan kode yang sama; target di {', '.join(forms)} "
                      f"ditulis dengan satuan lama. Periksa dan sesuaikan targetnya",
                      path=ind.at.path + (("satuan",) if ind.unit_of_measure else ()), severity=WARNING)
