"""One cell as typed, read without ever changing a value: text stays text, a number is read as
Excel shows it (`number_formats.shown`), and what no column accepts (formulas, error values,
TRUE/FALSE, dates) is refused with the reason, in Indonesian.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.spreadsheets.number_formats import TEXT_FIX, decimal_of, plain, shown

PLACEHOLDER = "?"  # stands for a refused cell, so later checks do not report the same cell twice
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Raw:
    """One cell as stored: value, openpyxl data type ('n', 's', 'f', 'b', 'e', 'd') and number format."""

    value: object
    kind: str = "n"
    fmt: str = "General"

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Raw(None)


def raw_of(cell: object) -> Raw:
    """An openpyxl cell (of a read-only sheet, or an empty one) as a `Raw`."""
    value = getattr(cell, "value", None)
    if value is None:
        return EMPTY
    return Raw(value, getattr(cell, "data_type", "n") or "n", getattr(cell, "number_format", None) or "General")


def words(raw: Raw) -> str:
    """The cell as words to compare with a title: spacing and case do not count."""
    return " ".join(str(raw.value).split()).casefold() if not raw.empty else ""


def refusal(raw: Raw) -> str | None:
    """What no column accepts: formulas, error values, TRUE/FALSE, dates and times."""
    value = raw.value
    if raw.kind == "f" or (isinstance(value, str) and value.lstrip().startswith("=")):
        return "sel berisi rumus; rumus tidak dibaca. Ketik nilainya langsung (salin lalu 'Tempel Nilai')"
    if raw.kind == "e":
        return f"sel berisi nilai galat {value}; ketik nilainya"
    if isinstance(value, bool):
        return f"sel berisi {'TRUE' if value else 'FALSE'}; ketik nilainya sebagai teks"
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return f"Excel mengubah isian menjadi tanggal atau jam; {TEXT_FIX}"
    if not isinstance(value, (str, int, float)):
        return "isi sel tidak dikenali; ketik nilainya"
    if _concealed(value, raw.fmt):
        return (f"format sel '{raw.fmt}' menyembunyikan isinya (di Excel sel ini tampak kosong atau menampilkan "
                f"teks lain); {TEXT_FIX}, lalu periksa isinya")
    return None


_SECTIONS = re.compile(r';(?=(?:[^"]*"[^"]*")*[^"]*$)')  # the ';' between a number format's sections, not in quotes


def _concealed(value: str | int | float, fmt: str) -> bool:
    """Whether the number format shows nothing of the value, or other text in its place: the
    section that applies to it is empty (";;;" hides everything), or a text section without '@'."""
    sections = _SECTIONS.split(fmt or "General")
    if isinstance(value, str):
        return len(sections) >= 4 and "@" not in sections[3]
    if value < 0 and len(sections) >= 2:
        section = sections[1]
    elif value == 0 and len(sections) >= 3:
        section = sections[2]
    else:
        section = sections[0]
    return not re.sub(r"\[[^\]]*\]", "", section)


def text_of(raw: Raw) -> tuple[str, str | None]:
    """A text column: the text (stripped), or "" and why it is refused."""
    if raw.empty:
        return "", None
    why = refusal(raw)
    if why:
        return "", why
    if isinstance(raw.value, (int, float)):  # not refused: a number, never TRUE/FALSE
        value, why = shown(raw.value, raw.fmt)
        return ("", why) if why else (str(value), None)
    return str(raw.value).strip(), None  # not refused and no number: a text


def target_of(raw: Raw) -> tuple[str | int | None, str | None]:
    """A target: whole numbers stay numbers (as YAML reads a plain 85), everything else is
    the text the user saw; None for an empty cell."""
    if raw.empty:
        return None, None
    why = refusal(raw)
    if why:
        return None, why
    if isinstance(raw.value, (int, float)):  # not refused: a number, never TRUE/FALSE
        return shown(raw.value, raw.fmt)
    text = str(raw.value).strip()  # not refused and no number: a text
    return (int(text) if _PLAIN_INT.fullmatch(text) else text), None


def budget_of(raw: Raw) -> tuple[int | None, str | None]:
    """Rupiah as a whole number; digits typed as text are fine, anything else is refused."""
    if raw.empty:
        return None, "anggaran belum diisi; isi angka saja tanpa 'Rp' dan titik, misalnya 150000000"
    why = refusal(raw)
    if why:
        return None, why
    value = raw.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, int):
        return (value, None) if value >= 0 else (None, "anggaran tidak boleh negatif")
    if isinstance(value, float):
        return None, f"anggaran {plain(decimal_of(value))} memuat pecahan; isi Rupiah bulat tanpa sen"
    shown_text = str(value).strip()
    hint = re.sub(r"[^0-9]", "", shown_text) if re.fullmatch(r"(?:Rp\.?\s*)?[0-9.,]+", shown_text) else ""
    return None, (f"anggaran '{shown_text}' bukan angka; isi angka saja tanpa 'Rp' dan titik"
                  + (f", misalnya {hint}" if hint else ""))
