"""Numbers as Excel shows them: a cell's number format says what the user saw ("0,70",
"92%"), and that text is what is read, never the float behind it. A format that does not
say how a number was typed is refused with a request to type it as text.
"""

from __future__ import annotations

import re
from decimal import Decimal

TEXT_FIX = "format sel sebagai Teks lalu ketik ulang, atau awali isinya dengan tanda petik (')"


def decimal_of(number: int | float) -> Decimal:
    """The number exactly as Python prints it (a float's shortest repr, not its binary value)."""
    return Decimal(number) if isinstance(number, int) else Decimal(repr(number))


def plain(d: Decimal) -> str:
    """A Decimal as digits with a decimal comma, never in exponent notation."""
    return format(d, "f").replace(".", ",")


def _number_format(fmt: str) -> tuple[int, int, int] | str:
    """(percent signs, fewest decimals, most decimals) of the first section of an Excel
    number format, or why it cannot be trusted to show the value as typed."""
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', fmt)[0]
    for bracket in re.findall(r"\[([^\]]*)\]", section):
        if bracket[:1] in "<>=" or (bracket.startswith("$") and bracket[1:].split("-")[0].strip()):
            return "format sel memuat syarat atau mata uang"
    core = re.sub(r'\[[^\]]*\]|"\s*"|\\ |_.|\*.', "", section)
    if not core or not re.fullmatch(r"[0#?.,% ]*[0#?][0#?.,% ]*", core):
        return "format sel tidak dikenali (bukan angka biasa, desimal atau persen)"
    if re.search(r"[0#?],+[ %]*$", core):
        return "format sel membagi angka dengan seribu"
    decimals = core.split(".", 1)[1] if "." in core else ""
    return core.count("%"), decimals.count("0"), sum(decimals.count(c) for c in "0#?")


def shown(number: int | float, fmt: str | None) -> tuple[str | int | None, str | None]:
    """A number as Excel shows it, with a decimal comma: (value, None), or (None, why it is refused).

    Whole numbers in General format are unambiguous. A fraction in General (or Text) format is
    not: Excel shows 0,7 whether "0,7" or "0,70" was typed, and the project keeps "0,70" as
    typed, so such a cell is refused with a request to type it as text. A format with fixed
    decimals or a percent sign says exactly what the user saw; what it would hide (0,756 shown
    as 0,76) is refused too, never rounded silently.
    """
    from decimal import ROUND_HALF_UP

    if isinstance(number, float) and (number != number or number in (float("inf"), float("-inf"))):
        return None, "angka tidak sah"
    d = decimal_of(number)
    if abs(d) >= Decimal(10) ** 15:
        return None, f"angka terlalu besar untuk dibaca dengan tepat; {TEXT_FIX}"
    if not fmt or fmt.strip().lower() in ("general", "@", "umum"):
        if d == d.to_integral_value():
            return int(d), None
        return None, (f"Excel menyimpan angka {plain(d.normalize())} tanpa jumlah desimal tetap, jadi tidak "
                      f"diketahui apakah yang diketik {plain(d.normalize())} atau misalnya "
                      f"{plain(d.normalize())}0; {TEXT_FIX}, persis seperti yang dimaksud")
    if number < 0 and ";" in fmt:
        return None, f"angka negatif dengan format sel '{fmt}'; {TEXT_FIX}"
    parsed = _number_format(fmt)
    if isinstance(parsed, str):
        return None, f"{parsed} ('{fmt}'); {TEXT_FIX}"
    percents, fewest, most = parsed
    d = d * Decimal(100) ** percents
    q = d.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP)
    if q != d:
        return None, (f"sel menampilkan {plain(q)}{'%' * percents} tetapi nilainya "
                      f"{plain(d.normalize())}{'%' * percents}; {TEXT_FIX}, persis seperti yang dimaksud")
    text = format(q, "f")
    while "." in text and len(text.split(".")[1]) > fewest and text.endswith("0"):
        text = text[:-1]
    text = text.rstrip(".").replace(".", ",")
    if percents:
        return text + "%" * percents, None
    return (int(q) if "," not in text else text), None
