"""The Program sheet of a filled form read back: rows of Program, then its Kegiatan, then their
Sub Kegiatan, as the form's program tree; every cell checked and named by its cell when wrong.
"""

from __future__ import annotations

import re

from generator.core import amount
from generator.spreadsheets.cell_problems import Found
from generator.spreadsheets.cells import PLACEHOLDER, Raw, budget_of, refusal, target_of, text_of
from generator.spreadsheets.form_template import LEVELS, PROGRAM
from generator.spreadsheets.tables import Row

CODE_PATTERNS = {
    "Program": re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}"),
    "Kegiatan": re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}"),
    "Sub Kegiatan": re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}"),
}
CODE_EXAMPLES = {"Program": "5.03.02", "Kegiatan": "5.03.02.2.01", "Sub Kegiatan": "5.03.02.2.01.0001"}
_COLUMNS = {"kode": 2, "nama": 3, "indikator": 4, "target": 5, "satuan": 6, "anggaran": 7, "penanggung_jawab": 8}


def programs(rows: list[Row], found: Found) -> list[dict]:
    """Program -> kegiatan -> sub kegiatan from rows in that order; every row checked."""
    out: list[dict] = []
    parents: dict[str, tuple] = {}  # the JSON paths of the current program and kegiatan
    for row in rows:
        n = row.number
        level, why = text_of(row.cells[0])
        if level not in LEVELS:
            _unknown_level(row, level, why, found)
            continue
        entry = _program_row(row, level, found)
        if level == "Program":
            entry["kegiatan"] = []
            here = ("program", len(out))
            out.append(entry)
            parents = {"Program": here}
        elif "Program" not in parents:
            found.add(PROGRAM, 1, n, f"{level.lower()} harus berada di bawah baris Program")
            continue
        elif level == "Kegiatan":
            program = out[parents["Program"][1]]
            if "kode" in program and not _under(entry["kode"], level, program["kode"], "Program"):
                found.add(PROGRAM, 2, n, f"kode kegiatan {entry['kode']} tidak diawali kode programnya "
                                         f"{program['kode']}")
            entry["sub_kegiatan"] = []
            here = parents["Program"] + ("kegiatan", len(program["kegiatan"]))
            program["kegiatan"].append(entry)
            parents["Kegiatan"] = here
        elif "Kegiatan" not in parents:
            found.add(PROGRAM, 1, n, "sub kegiatan harus berada di bawah baris Kegiatan")
            continue
        else:
            p, k = parents["Kegiatan"][1], parents["Kegiatan"][3]
            activity = out[p]["kegiatan"][k]
            if not _under(entry["kode"], level, activity["kode"], "Kegiatan"):
                found.add(PROGRAM, 2, n, f"kode sub kegiatan {entry['kode']} tidak diawali kode kegiatannya "
                                         f"{activity['kode']}")
            here = parents["Kegiatan"] + ("sub_kegiatan", len(activity["sub_kegiatan"]))
            activity["sub_kegiatan"].append(entry)
        found.place(here, PROGRAM, 1, n)
        for key in entry:
            found.place(here + (key,), PROGRAM, _COLUMNS.get(key, 1), n)
    _drop_empty(out)
    return out


def _unknown_level(row: Row, level: str, why: str | None, found: Found) -> None:
    """A row whose Tingkat is no level: that problem, and whatever no column accepts in its other cells."""
    found.add(PROGRAM, 1, row.number, why or f"tingkat '{level}' tidak dikenal; pilih {', '.join(LEVELS)}")
    for col, raw in enumerate(row.cells[1:], start=2):
        refused = refusal(raw) if not raw.empty else None
        if refused:
            found.add(PROGRAM, col, row.number, refused)


def _drop_empty(out: list[dict]) -> None:
    # A program or kegiatan may stand without rows below it (its pagu on its own row, or
    # nothing yet: rules.py warns about a line without any amount); the form leaves the
    # empty list out, as a hand-written one would.
    for program in out:
        for activity in program["kegiatan"]:
            if not activity["sub_kegiatan"]:
                del activity["sub_kegiatan"]
        if not program["kegiatan"]:
            del program["kegiatan"]


def _under(child: str, level: str, parent: str, parent_level: str) -> bool:
    """Whether a code continues its parent's; a malformed code already has its own problem."""
    if not (CODE_PATTERNS[level].fullmatch(child) and CODE_PATTERNS[parent_level].fullmatch(parent)):
        return True
    return child.startswith(parent + ".")


def _program_row(row: Row, level: str, found: Found) -> dict:
    """One Program, Kegiatan or Sub Kegiatan row as a form entry; every cell checked."""
    n = row.number
    _, code, nama, indikator, target, satuan, anggaran, pj = row.cells
    # a program may be listed without its code (as many real tables do): the key is then left out
    entry: dict = {} if level == "Program" and code.empty else {"kode": _code(code, level, n, found)}
    texts: dict[int, str] = {}
    for col, raw in ((3, nama), (4, indikator), (6, satuan), (8, pj)):
        texts[col], why = text_of(raw)
        if why:
            found.add(PROGRAM, col, n, why)
            texts[col] = PLACEHOLDER
    value, why = target_of(target)
    if why:
        found.add(PROGRAM, 5, n, why)
        value = PLACEHOLDER
    if not texts[3]:
        found.add(PROGRAM, 3, n, "nama belum diisi")
    entry["nama"] = texts[3] or PLACEHOLDER
    if level != "Sub Kegiatan":
        _parent_row(entry, texts, value, anggaran, level, n, found)
    else:
        _sub_row(entry, texts, value, anggaran, n, found)
    return entry


def _code(raw: Raw, level: str, n: int, found: Found) -> str:
    """The code of a row as typed, or the placeholder when the cell is refused."""
    code_s, why = text_of(raw)
    if isinstance(raw.value, (int, float)) and not isinstance(raw.value, bool):
        found.add(PROGRAM, 2, n, f"kode {raw.value} terbaca sebagai angka oleh Excel; ketik ulang sebagai teks, "
                                 f"misalnya {CODE_EXAMPLES[level]}")
        return PLACEHOLDER
    if why:
        found.add(PROGRAM, 2, n, why)
        return PLACEHOLDER
    if not CODE_PATTERNS[level].fullmatch(code_s):
        found.add(PROGRAM, 2, n, f"kode {level.lower()} '{code_s}' tidak sesuai format; "
                                 f"contoh: {CODE_EXAMPLES[level]}")
    return code_s


def _parent_row(entry: dict, texts: dict[int, str], value: str | int | None, anggaran: Raw, level: str, n: int,
                found: Found) -> None:
    """The rest of a Program or Kegiatan row: indicator, target and pagu when given."""
    if texts[4]:
        entry["indikator"] = texts[4]
    if value is not None:
        entry["target"] = value
    # A pagu typed on a program or kegiatan row is the form's `anggaran` of that level
    # (rules.py checks it against the rows below). Satuan and penanggung jawab exist
    # only on sub kegiatan: a value typed there would be dropped, so it is refused.
    if not anggaran.empty:
        budget, why = _budget(anggaran)
        if why:
            found.add(PROGRAM, 7, n, why)
        entry["anggaran"] = 0 if budget is None else budget
    for col, what in ((6, "satuan"), (8, "penanggung jawab")):
        if texts[col]:
            found.add(PROGRAM, col, n, f"{what} pada baris {level} tidak dapat disimpan: {what} hanya diisi "
                                       f"pada baris Sub Kegiatan; kosongkan sel ini")


def _sub_row(entry: dict, texts: dict[int, str], value: str | int | None, anggaran: Raw, n: int,
             found: Found) -> None:
    """The rest of a Sub Kegiatan row: every column is required."""
    if not texts[4]:
        found.add(PROGRAM, 4, n, "indikator kinerja belum diisi")
    if value is None:
        found.add(PROGRAM, 5, n, "target kinerja belum diisi")
    # an empty Anggaran cell is a budget not known yet: left out, never 0
    budget, why = (None, None) if anggaran.empty else _budget(anggaran)
    if why:
        found.add(PROGRAM, 7, n, why)
    if not texts[8]:
        found.add(PROGRAM, 8, n, "penanggung jawab belum diisi")
    entry.update({"indikator": texts[4] or PLACEHOLDER, "target": PLACEHOLDER if value is None else value,
                  **({"satuan": texts[6]} if texts[6] else {}),
                  **({} if anggaran.empty else {"anggaran": 0 if budget is None else budget}),
                  "penanggung_jawab": texts[8] or PLACEHOLDER})


def _budget(raw: Raw) -> tuple[int | None, str | None]:
    """An Anggaran cell: a number, or a text as Indonesians write an amount ("Rp 60.000.000",
    "60 juta": core/amount.py, the form page's reading); a text that could be read two ways is
    refused with its fix; anything else as `budget_of` says."""
    if isinstance(raw.value, str) and refusal(raw) is None:
        read = amount.read(raw.value)
        if read.value is not None:
            return read.value, None
        if read.problem is not None:
            return None, f"anggaran {read.problem}"
    return budget_of(raw)
