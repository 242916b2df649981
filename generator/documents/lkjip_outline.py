"""The LKjIP's body in the order of PermenPAN-RB 53/2014 (`lkjip_text` holds its parts and tables):
Ikhtisar Eksekutif; Bab I Pendahuluan; Bab II Perencanaan Kinerja with the PK; Bab III
Akuntabilitas Kinerja: A. per sasaran the capaian, the comparisons with the years before, with
the Renstra's end target and with a national standard where one is given, the causes and
solutions from the quarterly reports, the programs, the staff's analysis; B. Realisasi Anggaran;
Bab IV Penutup; Lampiran: the PK. No Kata Pengantar: the sections do not define one, and none is
invented.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from generator.documents import lkjip_text as t
from generator.documents import unfilled
from generator.documents.capaian_paper import rules_text
from generator.plan.compile import DRAFT
from generator.plan.lkjip import Lkjip, ObjectiveResult


class _Tables:
    """Table numbers per chapter: "Tabel 3.2"."""

    def __init__(self, chapter: int) -> None:
        self.chapter, self.n = chapter, 0

    def __call__(self, text: str) -> str:
        self.n += 1
        return f"Tabel {self.chapter}.{self.n} {text}"


def _objective(o: ObjectiveResult, year: int, number: t.Number, table: _Tables) -> Iterator[t.Part]:
    yield t.Heading(3, f"Sasaran Strategis {o.number}: {o.objective.description}")
    yield t.capaian_grid(table(f"Capaian Kinerja Sasaran Strategis {o.number} Tahun {year}"), o, year)
    earlier = t.earlier_grid(table(f"Realisasi dan Capaian Sasaran Strategis {o.number} dibandingkan "
                                   f"Tahun-Tahun Sebelumnya"), o, year)
    if earlier is None:
        table.n -= 1
        yield t.Para("Perbandingan dengan tahun-tahun sebelumnya: repositori belum memuat realisasi indikator "
                     "sasaran ini pada tahun sebelumnya.")
    else:
        yield earlier
    yield t.renstra_grid(table(f"Realisasi {year} Sasaran Strategis {o.number} dibandingkan Target Akhir "
                               f"Renstra"), o, year)
    standard = t.standard_grid(table(f"Sasaran Strategis {o.number} dibandingkan Standar Nasional"), o, year)
    if standard is None:
        table.n -= 1
    else:
        yield standard
    causes = t.causes_grid(table(f"Faktor Pendorong, Penghambat dan Tindak Lanjut Sasaran Strategis "
                                 f"{o.number}"), o)
    if causes is None:
        table.n -= 1
        yield t.Para("Faktor pendorong, penghambat dan tindak lanjut: laporan triwulan tahun ini tidak memuatnya "
                     "untuk indikator sasaran ini.")
    else:
        yield causes
    if o.programs:
        yield t.programs_grid(table(f"Program Pendukung Sasaran Strategis {o.number}"), o.programs, number)
    yield from t.narrative(o.analysis, 4, f"Analisis Capaian Sasaran Strategis {o.number}")


def _chapter_2(lk: Lkjip, number: t.Number) -> Iterator[t.Part]:
    yield from t.narrative(lk.planning, 1, t.CHAPTER_2)
    yield from _agreement_notices(lk)
    pk = lk.agreement
    if pk is None:
        return
    yield t.pk_grid(f"Tabel 2.1 Perjanjian Kinerja Tahun {lk.year}", pk)
    if pk.programs:
        yield t.pk_programs_grid(f"Tabel 2.2 Program dan Anggaran Perjanjian Kinerja Tahun {lk.year}", pk, number)


def _agreement_notices(lk: Lkjip) -> Iterator[t.Part]:
    """Before the PK's tables: why there is no PK, or why it is a DRAF."""
    if lk.agreement is None:
        yield t.Notice("Perjanjian Kinerja belum dapat disusun:", lk.agreement_missing or "")
    elif lk.agreement.draft:
        yield t.Notice(f"{DRAFT} -", lk.agreement.draft)


def _chapter_3(lk: Lkjip, number: t.Number) -> Iterator[t.Part]:
    table = _Tables(3)
    yield t.Heading(1, t.CHAPTER_3)
    yield t.Heading(2, t.PART_A)
    yield t.Para(f"Keterangan perhitungan capaian: {rules_text(lk.rules)}")
    for o in lk.objectives:
        yield from _objective(o, lk.year, number, table)
    yield t.Heading(2, t.PART_B)
    if lk.budget:
        yield t.budget_grid(table(f"Realisasi Anggaran per Program Tahun {lk.year}"), lk.budget, number)
    else:
        yield t.Para("Belum ada program dengan anggaran pada RKT tahun ini.")
    yield from t.narrative(lk.budget_text, 0)


def _appendix(lk: Lkjip, number: t.Number) -> Iterator[t.Part]:
    yield t.Heading(1, t.APPENDIX)
    yield t.Heading(2, f"Perjanjian Kinerja Tahun {lk.year}")
    yield from _agreement_notices(lk)
    pk = lk.agreement
    if pk is None:
        return
    yield t.Para(f"{pk.first.label}: {pk.first.name}, {pk.first.position}. {pk.second.label}: {pk.second.name}, "
                 f"{pk.second.position}.")
    yield t.pk_grid(f"Tabel L.1 Sasaran, Indikator Kinerja dan Target Perjanjian Kinerja Tahun {lk.year}", pk)
    if pk.programs:
        yield t.pk_programs_grid(f"Tabel L.2 Program dan Anggaran Perjanjian Kinerja Tahun {lk.year}", pk, number)


def body(lk: Lkjip, number: t.Number) -> tuple[t.Part, ...]:
    return (*t.narrative(lk.executive_summary, 1, t.EXECUTIVE),
            *t.narrative(lk.introduction, 1, t.CHAPTER_1),
            *_chapter_2(lk, number),
            *_chapter_3(lk, number),
            *t.narrative(lk.closing, 1, t.CHAPTER_4),
            *_appendix(lk, number))


def _reasons(lk: Lkjip) -> list[str]:
    reasons = [f"Angka belum final: {'; '.join(lk.incomplete)}."] if lk.incomplete else []
    unwritten = [n.title for n in lk.narratives if not n.written]
    if unwritten:
        reasons.append(f"Bagian yang belum ditulis ({len(unwritten)}): {'; '.join(unwritten)}; tiap bagian itu "
                       f"ditandai {t.NOT_WRITTEN} beserta petunjuk isinya.")
    return reasons


def outline(lk: Lkjip, number: t.Number) -> t.Outline:
    """The LKjIP as both files print it; every placeholder left in the data printed BELUM DIISI
    (the file then a DRAF, saying so)."""
    count = 0

    def fix(text: str) -> str:
        nonlocal count
        new, n = unfilled.replaced(text)
        count += n
        return new

    head = lk.letterhead
    head = dataclasses.replace(head, government=fix(head.government), name=fix(head.name),
                               address=fix(head.address))
    agency = fix(lk.agency_name)
    parts = tuple(_rewrite(p, fix) for p in body(lk, number))
    reasons = _reasons(lk)
    if count:
        reasons.append(unfilled.draft_note(count))
    return t.Outline(lk.year, agency, head, tuple(reasons), parts)


def _rewrite(part: t.Part, fix) -> t.Part:
    """`part` with `fix` applied to each of its texts."""
    if isinstance(part, t.Grid):
        rows = tuple(dataclasses.replace(r, cells=tuple(fix(c) for c in r.cells)) for r in part.rows)
        return dataclasses.replace(part, caption=fix(part.caption), headers=tuple(fix(h) for h in part.headers),
                                   rows=rows)
    changes = {f.name: fix(getattr(part, f.name)) for f in dataclasses.fields(part)
               if isinstance(getattr(part, f.name), str)}
    return dataclasses.replace(part, **changes)
