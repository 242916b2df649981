"""The screen a YAML file's bytes pass before parsing: size, UTF-8 (a BOM is accepted),
and no control, bidi-override, invisible or line-separator character. The same screen
applies to what double-quoted escapes decode to (`"\\u202e"`, `"\\e"`, `"\\0"`), so a
character refused when typed is refused when spelled as an escape (load.py asks)."""

from __future__ import annotations

import re

from generator.core.problems import Problem

MAX_BYTES = 2 * 1024 * 1024

# C0/C1 controls except tab, LF, CR; bidi embeddings/overrides/isolates and
# marks; zero-width and word-joiner characters; a BOM anywhere but the start;
# U+2028/U+2029, which libyaml takes as line breaks where most viewers show
# nothing, so a "comment" could hide a real key. (NEL, U+0085, is a C1 control.)
REFUSED = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
           "\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff")
_BAD_CHAR = re.compile(f"[{REFUSED}]")
# A CR is allowed in the bytes only before LF (Windows line ends, which libyaml
# turns into LF). A lone CR is a line break to libyaml but not to every viewer.
_LONE_CR = re.compile("\r(?!\n)")
# What a double-quoted escape may not produce: the same set, and CR as well. A
# CR that reaches a value can only come from the escape `\r`; printed, it returns the
# cursor and hides what came before it on the line, and it breaks line-based
# outputs (CSV, CODEOWNERS). Tab and LF stay allowed, as in the bytes.
BAD_DECODED = re.compile(f"[{REFUSED}\r]")
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
                   "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028",
                   "P": "\u2029"}
_MAX_REPORTED = 20  # refused characters reported per file: enough to see the pattern


def read_text(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode and screen the bytes of a YAML file."""
    text, problems = _decode(raw, file)
    if text is None:
        return None, problems
    for m in _BAD_CHAR.finditer(text):
        problems.append(_refused_char(text, m.start(), file, _char_message(m.group())))
        if len(problems) >= _MAX_REPORTED:
            break
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        for m in _LONE_CR.finditer(text):
            problems.append(_refused_char(text, m.start(), file, (
                "karakter CR (U+000D) tanpa LF sesudahnya: YAML membacanya sebagai baris baru yang tidak "
                "terlihat di semua penampil; simpan ulang berkas dengan akhir baris LF atau CRLF")))
            if len(problems) >= _MAX_REPORTED:
                break
    return (None if problems else text), problems


def _decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """The text of a file that is not too large and is UTF-8 (with or without a BOM)."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(file, "RKT001",
                              f"berkas terlalu besar ({len(raw):,} byte; batas {MAX_BYTES:,} byte)".replace(",", "."),
                              line=1, col=1)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(file, "RKT002",
                              "berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8",
                              line=1, col=1)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        hint = ""
        if byte in (0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85):
            hint = " (tanda kutip/pisah dari Word atau Excel)"
        return None, [Problem(
            file, "RKT002",
            f"berkas bukan UTF-8: byte 0x{byte:02X}{hint}; kemungkinan disimpan dengan "
            f"pengodean Windows-1252. Simpan ulang sebagai UTF-8, atau ketik ulang karakter itu",
            line=line, col=col)]


def _char_message(char: str) -> str:
    return (f"karakter tak terlihat U+{ord(char):04X} tidak diizinkan (karakter kontrol, "
            f"pembalik arah teks, pemisah baris, atau spasi lebar-nol); hapus karakter itu")


def _refused_char(text: str, index: int, file: str, message: str) -> Problem:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Problem(file, "RKT003", message, line=line, col=col)


def escaped_problems(text: str, start: int, end: int, file: str) -> list[Problem]:
    """The escapes of one double-quoted scalar (text[start:end]) that decode to a refused character.

    Only called when the decoded value holds one, so the fast path stays one regex search."""
    found = []
    for m in _ESCAPE.finditer(text, start, end):
        written = m.group()
        code = written[1]
        char = chr(int(written[2:], 16)) if code in "xuU" and len(written) > 2 else _SIMPLE_ESCAPES.get(code, code)
        if BAD_DECODED.match(char):
            found.append(_refused_char(text, m.start(), file, (
                f"kode escape '{written}' di dalam tanda kutip ganda menghasilkan karakter tak terlihat "
                f"U+{ord(char):04X} (karakter kontrol, pembalik arah teks, pemisah baris, atau spasi lebar-nol); "
                f"hapus kode itu")))
    if found:
        return found
    # no escape explains it: point at the scalar, naming the first refused character of its source
    typed = BAD_DECODED.search(text, start, end)
    assert typed is not None, "a refused character of a value is typed or escaped"
    return [_refused_char(text, start, file, _char_message(typed.group()))]
