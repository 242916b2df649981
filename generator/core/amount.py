"""What a typed amount of rupiah means: "60.000.000", "Rp 60.000.000", "Rp60.000.000,-", "60 juta",
"1,5 miliar".

Indonesian writing groups thousands with a dot and writes decimals with a comma, so these
are read as the whole rupiah they say. What could be read two ways, or is written in a way
that is easily misread, is refused with the spelling that fixes it:

* "60,000,000" (English grouping: the comma is the decimal sign in Indonesian writing);
* "60jt", "500rb", "1,5M" (abbreviations: "M" is miliar to some, million to others);
* "60.000,5", "1,2345678 juta" (not whole rupiah);
* "60.000.00", "1.5 miliar" (a dot that is no thousands dot).

The same reading runs in the browser (docs/js/isi-form.js reads `export()`); a browser test
compares both over the same texts (tests/test_form_indonesian.py).

Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

# the words of scale, as written in full (with the common spelling "milyar")
SCALES: Mapping[str, int] = {"rupiah": 1, "ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9,
                             "triliun": 10**12}
# abbreviations, refused: each with the word it stands for in the fix
ABBREVIATIONS: Mapping[str, str] = {"rb": "ribu", "k": "ribu", "jt": "juta", "m": "miliar", "t": "triliun"}
MAX_DIGITS = 15  # the schema's maximum has 15 digits; the browser's numbers are exact to 15 digits

MESSAGES: Mapping[str, str] = {
    "koma_ribuan": ("'{teks}' memakai koma sebagai pemisah ribuan, padahal di Indonesia koma menandai pecahan; "
                    "tulis {saran}"),
    "singkatan": "singkatan '{singkatan}' mudah salah dibaca; tulis {saran}",
    "bukan_bulat": "'{teks}' bukan rupiah utuh (ada angka di belakang koma); tulis rupiah utuh, misalnya {saran}",
    "titik_salah": "'{teks}': titik pemisah ribuan harus diikuti tepat tiga angka; tulis misalnya {saran}",
    "titik_desimal": ("'{teks}' memakai titik sebagai tanda desimal; di Indonesia tanda desimal adalah koma: "
                      "tulis {saran}"),
}

# the parts of an amount: an optional "Rp", a number, an optional scale word, an optional ",-" or ",00"
_TEXT = re.compile(r"(?:rp\.?|idr)?\s*(?P<num>[0-9][0-9.,]*?)\s*(?P<word>[a-z]+)?\s*(?:,-|,00|\.-)?", re.I)
_PLAIN = re.compile(r"[0-9]+")
_DOTTED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_COMMA_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_DECIMAL_COMMA = re.compile(r"(?P<whole>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),(?P<frac>[0-9]+)")
_DECIMAL_DOT = re.compile(r"[0-9]+\.[0-9]+")  # (a thousands dot is read before)
_DOTS = re.compile(r"[0-9]+(?:\.[0-9]+)+")


@dataclass(frozen=True, slots=True)
class Amount:
    text: str  # as typed
    value: int | None = None  # whole rupiah, when the text says it unambiguously
    problem: str | None = None  # why it is refused, with the spelling that fixes it (Indonesian)


def grouped(n: int) -> str:
    """60.000.000"""
    return f"{n:,}".replace(",", ".")


def message(name: str, **values: object) -> str:
    return MESSAGES[name].format(**values)


def read(typed: str) -> Amount:
    """What an amount typed as text says. Neither a value nor a problem: not an amount at all
    ("banyak", "-5"): the caller's own message applies."""
    text = " ".join(typed.split())
    m = _TEXT.fullmatch(text)
    if m is None:
        return Amount(typed)
    word = (m["word"] or "").casefold()
    if word and word not in SCALES:
        return _abbreviated(typed, m["num"], word)
    scale = SCALES.get(word, 1)
    value, why = _number(m["num"], scale, word)
    if why is not None:
        return Amount(typed, problem=why.format(teks=text))
    if value is None or len(str(value)) > MAX_DIGITS:
        return Amount(typed)
    return Amount(typed, value)


def _number(num: str, scale: int, word: str) -> tuple[int | None, str | None]:
    """(whole rupiah, None), (None, a message template with {teks} left open) or (None, None)."""
    if _PLAIN.fullmatch(num):
        return int(num) * scale, None
    if _DOTTED.fullmatch(num):
        return int(num.replace(".", "")) * scale, None
    if _COMMA_GROUPED.fullmatch(num):
        saran = f"{num.replace(',', '.')} {word}" if word else grouped(int(num.replace(",", "")))
        return None, _open("koma_ribuan", saran=saran)
    d = _DECIMAL_COMMA.fullmatch(num)
    if d:
        exact = Decimal(d["whole"].replace(".", "") + "." + d["frac"]) * scale
        if exact == exact.to_integral_value():
            return int(exact), None
        return None, _open("bukan_bulat", saran=grouped(int(exact)))
    if word and _DECIMAL_DOT.fullmatch(num):
        return None, _open("titik_desimal", saran=f"{num.replace('.', ',')} {word}")
    if _DOTS.fullmatch(num):
        return None, _open("titik_salah", saran="60.000.000")
    return None, None


def _abbreviated(typed: str, num: str, word: str) -> Amount:
    """"60jt", "500 rb", "1,5M": refused, with the word and the digits it stands for."""
    full = ABBREVIATIONS.get(word)
    if full is None:
        return Amount(typed)
    value, _ = _number(num, SCALES[full], full)
    spelled = f"{num} {full}"
    saran = f"'{spelled}' atau '{grouped(value)}'" if value is not None else f"'{spelled}'"
    return Amount(typed, problem=message("singkatan", singkatan=word if word != "m" else "M", saran=saran))


def _open(name: str, **values: str) -> str:
    """A message template with its values filled in except {teks}."""
    return MESSAGES[name].replace("{teks}", "\0").format(**values).replace("\0", "{teks}")


def export() -> dict:
    """The reading as data, for the browser's twin."""
    return {"skala": dict(SCALES), "singkatan": dict(ABBREVIATIONS), "pesan": dict(MESSAGES),
            "maks_digit": MAX_DIGITS}
