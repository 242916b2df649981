"""`rkt new-lkjip YEAR`: the starting files of the LKjIP's written parts
(cycles/<year>/lkjip/<key>.md), each with its title and what to write as a comment.

Only the files that do not exist yet are written, all of them or none (one journal,
checked by the verdict); an existing file is never replaced, whatever it holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.check import report
from generator.commands.checked_write import write_checked
from generator.commands.outcome import Outcome
from generator.commands.preconditions import valid_cycle
from generator.core.lkjip import Section, section_file, sections, starting_text
from generator.source.narrative import existing


def new_lkjip(root: Path, year: int, today: dt.date | None) -> Outcome:
    checked = valid_cycle(root, year, today)
    if isinstance(checked, Outcome):
        return checked
    parts = sections(checked.repo.renstra.objectives)
    present = existing(root, year, parts)
    new = [s for s in parts if not present[s.key]]
    old = [s for s in parts if present[s.key]]
    if not new:
        return Outcome.done(f"Semua bagian LKjIP {year} sudah ada; tidak ada berkas yang ditulis.\n"
                            + _listed("Sudah ada, tidak ditimpa", year, old))
    mine = {section_file(year, s.key) for s in new}
    undone = write_checked(root, {root / section_file(year, s.key): starting_text(s) for s in new}, today,
                           lambda p: p.is_error and p.file in mine, command=f"rkt new-lkjip {year}")
    if undone is not None:
        return Outcome.failed(report.text(undone.blamed, undone.result.files_checked) +
                              "Tidak ada berkas yang ditulis.\n", 1)
    said = _listed("Ditulis", year, new) + (_listed("Sudah ada, tidak ditimpa", year, old) if old else "")
    return Outcome.done(f"Bagian LKjIP {year}:\n{said}"
                        f"Tulis setiap bagian dengan kata-kata sendiri di bawah petunjuk dalam berkasnya, lalu ajukan "
                        f"pull request. Angka dan tabel LKjIP disusun otomatis dari data; bagian yang hanya berisi "
                        f"judul dan petunjuk ditandai \"belum ditulis\" pada drafnya.\n")


def _listed(what: str, year: int, parts: list[Section]) -> str:
    return f"{what} ({len(parts)}):\n" + "".join(f"  {section_file(year, s.key)}  ({s.title})\n" for s in parts)
