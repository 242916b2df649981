"""jsonschema's errors as messages a civil servant can act on: one function per JSON Schema
keyword, naming the field by its title, saying what was found and how to write it."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import jsonschema

from generator.core.problems import Problem

_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "true atau false",
    "array": "daftar (butir-butir diawali '- ')",
    "object": "pemetaan (kunci: nilai)",
    "null": "kosong",
}
_SMART_QUOTES = re.compile("[\u2018\u2019\u201c\u201d]")
_THOUSANDS = re.compile(r"^(?:Rp\.?\s*)?[0-9]{1,3}(?:[.,][0-9]{3})+(?:,00)?$")


def _number(n: int) -> str:
    """An integer as Indonesians write it (1.000.000); a giant one shortened, with its length."""
    digits = str(abs(n))
    if len(digits) > 20:
        return f"{'-' if n < 0 else ''}{digits[:6]}...{digits[-3:]} ({len(digits)} digit)"
    return f"{n:,}".replace(",", ".")


def _describe(value: object) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"angka {value}" if abs(value) < 10**20 else f"angka {_number(value)}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"teks '{shown}'"
    if isinstance(value, list):
        return "daftar"
    return "pemetaan"


def _label(schema: Mapping, path: tuple) -> str:
    title = schema.get("title")
    if title:
        return str(title)
    return f"'{path[-1]}'" if path and isinstance(path[-1], str) else "isian ini"


def _example(schema: Mapping) -> str:
    examples = schema.get("examples")
    if not examples:
        return ""
    ex = examples[0]
    return f"; contoh: {json.dumps(ex, ensure_ascii=False)}"


def _quote_hint(value: object) -> str:
    if isinstance(value, str) and _SMART_QUOTES.search(value):
        return "; teks memuat tanda kutip miring (\u201c \u201d) dari Word, ganti dengan tanda kutip biasa (\")"
    return ""


@dataclass(frozen=True)
class _Failure:
    """One jsonschema error, as the messages below need it."""

    file: str
    path: tuple
    schema: Mapping  # the (sub)schema that failed
    keyword: str
    value: object  # what the file holds there
    label: str  # how the field is named to the user

    def problem(self, code: str, message: str, path: tuple | None = None) -> Problem:
        return Problem(self.file, code, message, path=self.path if path is None else path)


def problems(error: jsonschema.ValidationError, file: str) -> Iterator[Problem]:
    """The problem(s) one jsonschema error means, in Indonesian."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    failure = _Failure(file, path, schema, str(error.validator), error.instance, _label(schema, path))
    return _EXPLAIN.get(failure.keyword, _other)(failure)


def _missing_keys(f: _Failure) -> Iterator[Problem]:
    props = f.schema.get("properties", {})
    for name in [n for n in f.schema.get("required", ()) if isinstance(f.value, dict) and n not in f.value]:
        title = props.get(name, {}).get("title", name)
        yield f.problem("RKT101", f"kunci wajib '{name}' ({title}) belum ada; tambahkan '{name}: ...'"
                                  f"{_example(props.get(name, {}))}")


def _unknown_keys(f: _Failure) -> Iterator[Problem]:
    if not isinstance(f.value, dict):
        yield from _other(f)
        return
    allowed = list(f.schema.get("properties", {}))
    for key in f.value:
        if key in allowed:
            continue
        guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"; mungkin maksudnya '{guess[0]}'?" if guess else ""
        choices = ", ".join(allowed) if allowed else "(tidak ada)"
        yield f.problem("RKT102", f"kunci '{key}' tidak dikenal di {f.label}{hint} Kunci yang boleh: {choices}",
                        f.path + (key,))


def _wrong_type(f: _Failure) -> Iterator[Problem]:
    expected = f.schema.get("type")
    names = [expected] if isinstance(expected, str) else list(expected or [])
    wanted = " atau ".join(_TYPE_NAMES.get(n, n) for n in names)
    value, hint = f.value, ""
    if value is None:
        message = f"{f.label} belum diisi; isi dengan {wanted}"
    else:
        message = f"{f.label} harus berupa {wanted}, bukan {_describe(value)}"
        hint = _type_hint(names, value) + _quote_hint(value)
    yield f.problem("RKT103", message + hint + ("" if "misalnya" in hint else _example(f.schema)))


def _type_hint(names: list, value: object) -> str:
    """How to write a number where text is expected, or text where a number is."""
    if "string" in names and isinstance(value, int) and not isinstance(value, bool):
        return "; tulis di antara tanda kutip"
    if "integer" in names and isinstance(value, str):
        if _THOUSANDS.match(value.strip()):
            digits = re.sub(r"[^0-9]", "", value[:-3] if value.endswith(",00") else value)
            return f"; tulis angka tanpa titik/koma pemisah ribuan dan tanpa 'Rp', misalnya {digits}"
        if re.fullmatch(r"-?[0-9]+[.,][0-9]+", value.strip()):
            return "; harus bilangan bulat tanpa pecahan"
    return ""


def _pattern(f: _Failure) -> Iterator[Problem]:
    yield f.problem("RKT104", f"{f.label} {_describe(f.value)} tidak sesuai format{_example(f.schema)}"
                              f"{_quote_hint(f.value)}")


def _date(f: _Failure) -> Iterator[Problem]:
    yield f.problem("RKT104", f"{f.label} '{f.value}' bukan tanggal yang benar; tulis TTTT-BB-HH, misalnya 2027-01-05")


def _bound(f: _Failure) -> Iterator[Problem]:
    words = "paling sedikit" if "inimum" in f.keyword else "paling banyak"
    shown = _number(f.value) if isinstance(f.value, int) else str(f.value)
    yield f.problem("RKT105", f"{f.label} {shown} di luar batas; {words} {_number(f.schema[f.keyword])}")


def _choice(f: _Failure) -> Iterator[Problem]:
    choices = f.schema.get("enum") or [f.schema.get("const")]
    shown = ", ".join(json.dumps(c, ensure_ascii=False) for c in choices)
    yield f.problem("RKT106", f"{f.label} {_describe(f.value)} bukan pilihan yang sah; pilih salah satu: {shown}"
                              f"{_quote_hint(f.value)}")


def _too_short(f: _Failure) -> Iterator[Problem]:
    yield f.problem("RKT107", f"{f.label} tidak boleh kosong")


def _too_long(f: _Failure) -> Iterator[Problem]:
    yield f.problem("RKT107", f"{f.label} terlalu panjang ({len(f.value)} karakter; paling banyak "  # type: ignore[arg-type]
                              f"{f.schema.get('maxLength')}); persingkat teksnya")


def _count(f: _Failure) -> Iterator[Problem]:
    words = "paling sedikit" if f.keyword.startswith("min") else "paling banyak"
    yield f.problem("RKT108", f"{f.label} harus berisi {words} {f.schema.get(f.keyword)} butir")


def _repeated(f: _Failure) -> Iterator[Problem]:
    yield f.problem("RKT108", f"{f.label} memuat butir yang sama lebih dari sekali")


def _other(f: _Failure) -> Iterator[Problem]:
    # if/then, and anything a later schema adds: say which field, in Indonesian
    yield f.problem("RKT100", f"{f.label} tidak sesuai aturan isian ({f.keyword})")


# JSON Schema keyword -> its message(s)
_EXPLAIN: dict[str, Callable[[_Failure], Iterator[Problem]]] = {
    "required": _missing_keys, "additionalProperties": _unknown_keys, "type": _wrong_type, "pattern": _pattern,
    "format": _date, "minimum": _bound, "maximum": _bound, "exclusiveMinimum": _bound, "exclusiveMaximum": _bound,
    "enum": _choice, "const": _choice, "minLength": _too_short, "maxLength": _too_long, "minItems": _count,
    "maxItems": _count, "minProperties": _count, "maxProperties": _count, "uniqueItems": _repeated,
}
