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

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path as FsPath

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

from generator.core.problems import Problem
from generator.source.schemamessages import problems as schema_problems

KINDS = ("agency", "sop", "renstra", "cycle", "form", "signed", "renaksi", "laporan", "sakip")

# Keywords that only annotate: safe to merge beside an inlined `$ref`.
_ANNOTATIONS = frozenset(("title", "description", "examples", "default", "$comment"))


class SchemaError(Exception):
    """A schema file of the project itself is broken (a developer's problem)."""


def _inline(node: object, base: str, documents: Mapping[str, dict], seen: tuple[tuple[str, str], ...] = ()) -> object:
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


def _map_schemas(node: dict, fn: Callable[[dict], dict]) -> dict:
    """A copy of a schema with `fn` applied to every (sub)schema object, innermost first."""
    out: dict = {}
    for key, value in node.items():
        if key in _DATA_KEYWORDS:
            out[key] = value
        elif key in _NAMED_SUBSCHEMAS and isinstance(value, dict):
            out[key] = {name: _map_any(sub, fn) for name, sub in value.items()}
        elif isinstance(value, list):
            out[key] = [_map_any(sub, fn) for sub in value]
        else:
            out[key] = _map_any(value, fn)
    return fn(out)


def _map_any(node: object, fn: Callable[[dict], dict]) -> object:
    """`_map_schemas` for any value in a schema: what is not an object is kept as it is."""
    return _map_schemas(node, fn) if isinstance(node, dict) else node


def python_schema(schema: dict) -> dict:
    """A copy of `schema` for Python's validators: every pattern through `python_pattern`."""
    return _map_schemas(schema, _python_patterns)


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
    schema = _map_schemas(draft7, _const_as_enum)
    return fastjsonschema.compile(schema, formats={"date": lambda v: True}, use_default=False,
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
            if not isinstance(flat, dict):
                raise SchemaError(f"{name} is not a JSON object")
            flat["$schema"] = self.documents[name]["$schema"]
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
            for problem in schema_problems(error, file):
                if problem not in seen:
                    seen.add(problem)
                    yield problem
        if not seen:
            # the two validators disagree (a bug of rkt): fail closed, the file is not taken as valid
            yield Problem(file, "RKT100", "berkas ini tidak lolos pemeriksaan skema, tetapi rinciannya tidak dapat "
                          "ditentukan; laporkan ke pengelola repositori", path=())
