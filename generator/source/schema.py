"""JSON Schema checking with messages a civil servant can act on.

The schemas in `schemas/` are the single source of truth for the shape of
every file (editors read them too). Each is compiled once into a Draft 2020-12
validator. For speed, cross-file `$ref`s are inlined into one self-contained
schema per kind before the validator is built: the `referencing` lookups that
jsonschema would otherwise do on every `$ref` cost more than the checks
themselves on large forms.

Almost every file in a repository is valid, and jsonschema spends most of
validation time proving that. So each inlined schema is also compiled to Python
by fastjsonschema: a file it accepts is done; a file it rejects goes through
jsonschema, which reports every error with its path. The schemas use only
keywords that mean the same in Draft 7 and 2020-12 (a test keeps it so and
checks that both validators agree on every example). The fast path is compiled
in memory on every run, never read back from a file: a pull request can commit
any file, and code read from one would run with the reviewer's rights.

Patterns are ECMAScript regular expressions (JSON Schema's dialect, and Ajv's in
the browser form). Python's `re` reads a few things differently, above all `$`,
which also matches before a final newline: "5.03.02\n" would pass as a program
code. Both Python validators therefore get the patterns rewritten to mean in
`re` what they mean in ECMAScript (`python_pattern`); the schemas as written stay
as they are for editors and Ajv.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path as FsPath

import fastjsonschema
import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

from generator.core.problems import Problem

KINDS = ("agency", "sop", "renstra", "cycle", "form", "signed")

# Keywords that only annotate: safe to merge beside an inlined `$ref`.
_ANNOTATIONS = frozenset(("title", "description", "examples", "default", "$comment"))


class SchemaError(Exception):
    """A schema file of the project itself is broken (a developer's problem)."""


def _inline(node: object, base: str, documents: Mapping[str, dict], seen: tuple[str, ...] = ()) -> object:
    if isinstance(node, list):
        return [_inline(x, base, documents, seen) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        doc_name, _, pointer = ref.partition("#")
        target_doc = doc_name or base
        if ref in seen or (target_doc, pointer) in seen:
            raise SchemaError(f"recursive $ref {ref} in {base}")
        target = documents[target_doc]
        for part in [p for p in pointer.split("/") if p]:
            target = target[part]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if not set(siblings) <= _ANNOTATIONS:
            raise SchemaError(f"$ref {ref} in {base} has non-annotation siblings {sorted(siblings)}")
        resolved = _inline(target, target_doc, documents, seen + ((target_doc, pointer),))
        return {**resolved, **siblings}  # type: ignore[dict-item]
    return {k: _inline(v, base, documents, seen) for k, v in node.items()
            if k not in ("$defs", "$id")}


# After a backslash: what ECMAScript (with the u flag, as Ajv compiles) and Python's re
# read alike. \d, \w, \s, \b and their capitals match non-ASCII text in Python only,
# \Z and \A exist in Python only: a schema using them is refused, not half-translated.
_PORTABLE_ESCAPES = frozenset("\\/^$.*+?()[]{}|-nrtfv0")
# What ECMAScript's `.` does not match (without the s flag); Python's stops only at \n.
_ECMA_DOT = "[^\\n\\r\\u2028\\u2029]"


def python_pattern(pattern: str) -> str:
    """An ECMAScript pattern as Python's re must be given it to match the same strings.

    `$` becomes `\\Z` (end of string, never before a final newline), `.` stops at every
    ECMAScript line terminator, and a `$` inside a class is escaped so that no later
    rewrite (fastjsonschema turns every bare `$` into `\\Z`) can touch it."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1:i + 2]
            if nxt == "x" or nxt == "u" and pattern[i + 2:i + 3] != "{" or nxt in _PORTABLE_ESCAPES:
                out.append(c + nxt)
                i += 2
                continue
            raise SchemaError(f"pattern {pattern!r} uses '\\{nxt}', which ECMAScript and Python read differently; "
                              f"write the characters out, e.g. [0-9]")
        if in_class:
            if c == "]":
                in_class = False
            elif c == "$":
                c = "\\$"
        elif c == "[":
            in_class = True
        elif c == "$":
            c = "\\Z"
        elif c == ".":
            c = _ECMA_DOT
        out.append(c)
        i += 1
    return "".join(out)


# Keywords whose value is data, not a subschema; and those whose value maps names to subschemas.
_DATA_KEYWORDS = frozenset(("enum", "const", "examples", "default", "required", "title", "description",
                            "$comment", "$schema", "$id", "$ref", "type", "format", "pattern", "dependentRequired"))
_NAMED_SUBSCHEMAS = frozenset(("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"))


def _map_schemas(node: object, fn: Callable[[dict], dict]) -> object:
    """A copy of a schema with `fn` applied to every (sub)schema object, innermost first."""
    if not isinstance(node, dict):
        return node
    out: dict = {}
    for key, value in node.items():
        if key in _DATA_KEYWORDS:
            out[key] = value
        elif key in _NAMED_SUBSCHEMAS and isinstance(value, dict):
            out[key] = {name: _map_schemas(sub, fn) for name, sub in value.items()}
        elif isinstance(value, list):
            out[key] = [_map_schemas(sub, fn) for sub in value]
        else:
            out[key] = _map_schemas(value, fn)
    return fn(out)


def python_schema(schema: dict) -> dict:
    """A copy of `schema` for Python's validators: every pattern through `python_pattern`."""
    return _map_schemas(schema, _python_patterns)  # type: ignore[return-value]


def _python_patterns(schema: dict) -> dict:
    if isinstance(schema.get("pattern"), str):
        schema["pattern"] = python_pattern(schema["pattern"])
    if isinstance(schema.get("patternProperties"), dict):
        schema["patternProperties"] = {python_pattern(k): v for k, v in schema["patternProperties"].items()}
    return schema


def _const_as_enum(schema: dict) -> dict:
    # fastjsonschema 2.22 cannot generate `const` without detailed exceptions; a
    # one-value `enum` is the same check (its code compares both the same way)
    if "const" in schema:
        schema["enum"] = [schema.pop("const")]
    return schema


def compile_fast(schema: dict) -> Callable:
    """fastjsonschema's validator for one (Python-ready) schema, generated in memory.

    Without detailed exceptions: the fast path only says yes or no (jsonschema explains),
    and the generated code is a third the size, so compiling all six kinds here
    (about 40 ms) costs less than compiling the full code read back from a cache did."""
    draft7 = {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}
    schema = _map_schemas(draft7, _const_as_enum)  # type: ignore[assignment]
    return fastjsonschema.compile(schema, formats={"date": lambda v: True}, use_default=False,  # type: ignore[arg-type]
                                  detailed_exceptions=False)


@dataclass(frozen=True)
class SchemaSet:
    """All schemas of the project, as written and as compiled."""

    folder: FsPath
    documents: Mapping[str, dict]  # file name -> schema as written

    @classmethod
    def load(cls, folder: FsPath) -> SchemaSet:
        documents = {}
        for path in sorted(folder.glob("*.schema.json")):
            documents[path.name] = json.loads(path.read_text(encoding="utf-8"))
        missing = [k for k in KINDS if f"{k}.schema.json" not in documents]
        if missing:
            raise SchemaError(f"missing schemas in {folder}: {', '.join(missing)}")
        return cls(folder, documents)

    @cached_property
    def flat(self) -> Mapping[str, dict]:
        """Each kind's schema with every `$ref` inlined."""
        out = {}
        for kind in KINDS:
            name = f"{kind}.schema.json"
            flat = _inline(self.documents[name], name, self.documents)
            flat["$schema"] = self.documents[name]["$schema"]  # type: ignore[index]
            out[kind] = flat
        return out

    @cached_property
    def python(self) -> Mapping[str, dict]:
        """Each kind's inlined schema with patterns meaning in `re` what they mean in ECMAScript."""
        return {kind: python_schema(flat) for kind, flat in self.flat.items()}

    @cached_property
    def validators(self) -> Mapping[str, Draft202012Validator]:
        checker = FormatChecker(formats=("date",))
        return {kind: Draft202012Validator(schema, format_checker=checker) for kind, schema in self.python.items()}

    @cached_property
    def fast(self) -> Mapping[str, Callable[[object], object]]:
        checker = FormatChecker(formats=("date",))
        formats = {"date": lambda value: checker.conforms(value, "date")}
        return {kind: functools.partial(compile_fast(schema), custom_formats=formats)
                for kind, schema in self.python.items()}

    def check(self, kind: str, data: object, file: str) -> Iterator[Problem]:
        try:
            self.fast[kind](data)
            return
        except fastjsonschema.JsonSchemaException:
            pass
        # jsonschema yields one `required` error per missing key, each naming the
        # object's whole schema: the same message must reach the user only once
        seen: set[Problem] = set()
        for error in self.validators[kind].iter_errors(data):
            for problem in _problems(error, file):
                if problem not in seen:
                    seen.add(problem)
                    yield problem
        if not seen:
            # the two validators disagree (a bug of rkt): fail closed, the file is not taken as valid
            yield Problem(file, "RKT100", "berkas ini tidak lolos pemeriksaan skema, tetapi rinciannya tidak dapat "
                          "ditentukan; laporkan ke pengelola repositori", path=())


# --- messages -----------------------------------------------------------

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


def _problems(error: jsonschema.ValidationError, file: str) -> Iterator[Problem]:
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
    yield f.problem("RKT105", f"{f.label} {shown} di luar batas; {words} {_number(f.schema.get(f.keyword))}")


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
