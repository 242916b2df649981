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
checks that both validators agree on every example).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path as FsPath
from typing import Callable, Iterator, Mapping

import fastjsonschema
import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

from .problems import Problem

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


@dataclass(frozen=True)
class SchemaSet:
    """All schemas of the project, as written and as compiled."""

    folder: FsPath
    documents: Mapping[str, dict]  # file name -> schema as written

    @classmethod
    def load(cls, folder: FsPath) -> "SchemaSet":
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
    def validators(self) -> Mapping[str, Draft202012Validator]:
        checker = FormatChecker(formats=("date",))
        return {kind: Draft202012Validator(flat, format_checker=checker) for kind, flat in self.flat.items()}

    @cached_property
    def fast(self) -> Mapping[str, Callable[[object], object]]:
        checker = FormatChecker(formats=("date",))
        formats = {"date": lambda value: checker.conforms(value, "date")}
        return {kind: functools.partial(self._compiled(kind, flat), custom_formats=formats)
                for kind, flat in self.flat.items()}

    def _compiled(self, kind: str, flat: dict) -> Callable:
        """fastjsonschema's generated code for one schema; kept in .cache/schemas/ by content,
        because generating it costs more than validating a whole repository of forms."""
        schema = {**flat, "$schema": "http://json-schema.org/draft-07/schema#"}
        key = hashlib.sha256((fastjsonschema.VERSION + json.dumps(schema, sort_keys=True)).encode()).hexdigest()
        cache = self.folder.parent / ".cache" / "schemas" / f"{kind}-{key[:20]}.py"
        try:
            code = cache.read_text(encoding="utf-8")
        except OSError:
            code = fastjsonschema.compile_to_code(schema, formats={"date": lambda v: True}, use_default=False)
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(".tmp")
                tmp.write_text(code, encoding="utf-8")
                tmp.replace(cache)
            except OSError:
                pass  # a read-only checkout still validates, only slower
        namespace: dict = {}
        exec(compile(code, str(cache), "exec"), namespace)
        return namespace["validate"]

    def check(self, kind: str, data: object, file: str) -> Iterator[Problem]:
        try:
            self.fast[kind](data)
            return
        except fastjsonschema.JsonSchemaException:
            pass
        for error in self.validators[kind].iter_errors(data):
            yield from _problems(error, file)


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


def _describe(value: object) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"angka {value}"
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


def _problems(error: jsonschema.ValidationError, file: str) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    kw = error.validator
    value = error.instance
    label = _label(schema, path)

    if kw == "required":
        props = schema.get("properties", {})
        for name in [n for n in schema.get("required", ()) if isinstance(value, dict) and n not in value]:
            title = props.get(name, {}).get("title", name)
            yield Problem(file, "RKT101",
                          f"kunci wajib '{name}' ({title}) belum ada; tambahkan '{name}: ...'"
                          f"{_example(props.get(name, {}))}", path=path)
        return
    if kw == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        for key in value:
            if key in schema.get("properties", {}):
                continue
            guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f"; mungkin maksudnya '{guess[0]}'?" if guess else ""
            choices = ", ".join(allowed) if allowed else "(tidak ada)"
            yield Problem(file, "RKT102",
                          f"kunci '{key}' tidak dikenal di {label}{hint} Kunci yang boleh: {choices}",
                          path=path + (key,))
        return
    if kw == "type":
        expected = schema.get("type")
        names = [expected] if isinstance(expected, str) else list(expected or [])
        wanted = " atau ".join(_TYPE_NAMES.get(n, n) for n in names)
        hint = ""
        if value is None:
            message = f"{label} belum diisi; isi dengan {wanted}"
        else:
            message = f"{label} harus berupa {wanted}, bukan {_describe(value)}"
            if "string" in names and isinstance(value, int) and not isinstance(value, bool):
                hint = "; tulis di antara tanda kutip"
            elif "integer" in names and isinstance(value, str):
                if _THOUSANDS.match(value.strip()):
                    digits = re.sub(r"[^0-9]", "", value[:-3] if value.endswith(",00") else value)
                    hint = f"; tulis angka tanpa titik/koma pemisah ribuan dan tanpa 'Rp', misalnya {digits}"
                elif re.fullmatch(r"-?[0-9]+[.,][0-9]+", value.strip()):
                    hint = "; harus bilangan bulat tanpa pecahan"
            hint += _quote_hint(value)
        yield Problem(file, "RKT103", message + hint + ("" if "misalnya" in hint else _example(schema)), path=path)
        return
    if kw == "pattern":
        yield Problem(file, "RKT104",
                      f"{label} {_describe(value)} tidak sesuai format{_example(schema)}{_quote_hint(value)}",
                      path=path)
        return
    if kw == "format":
        yield Problem(file, "RKT104",
                      f"{label} '{value}' bukan tanggal yang benar; tulis TTTT-BB-HH, misalnya 2027-01-05",
                      path=path)
        return
    if kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = schema.get(kw)
        words = "paling sedikit" if "inimum" in kw else "paling banyak"
        yield Problem(file, "RKT105",
                      f"{label} {value} di luar batas; {words} {bound:,}".replace(",", "."),
                      path=path)
        return
    if kw in ("enum", "const"):
        choices = schema.get("enum") or [schema.get("const")]
        shown = ", ".join(json.dumps(c, ensure_ascii=False) for c in choices)
        yield Problem(file, "RKT106",
                      f"{label} {_describe(value)} bukan pilihan yang sah; pilih salah satu: {shown}"
                      f"{_quote_hint(value)}", path=path)
        return
    if kw == "minLength":
        yield Problem(file, "RKT107", f"{label} tidak boleh kosong", path=path)
        return
    if kw == "maxLength":
        yield Problem(file, "RKT107",
                      f"{label} terlalu panjang ({len(value)} karakter; paling banyak {schema.get('maxLength')}); "
                      f"persingkat teksnya", path=path)
        return
    if kw in ("minItems", "maxItems", "minProperties", "maxProperties"):
        n = schema.get(kw)
        words = "paling sedikit" if kw.startswith("min") else "paling banyak"
        yield Problem(file, "RKT108", f"{label} harus berisi {words} {n} butir", path=path)
        return
    if kw == "uniqueItems":
        yield Problem(file, "RKT108", f"{label} memuat butir yang sama lebih dari sekali", path=path)
        return
    # if/then, and anything a later schema adds: say which field, in Indonesian
    yield Problem(file, "RKT100", f"{label} tidak sesuai aturan isian ({kw})", path=path)
