"""The schemas themselves: valid Draft 2020-12, self-describing in Indonesian, strict."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.source.schema import KINDS, SchemaSet

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
FILES = sorted(SCHEMAS.glob("*.schema.json"))


def walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_schema_is_valid_against_its_meta_schema(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/" + path.name)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_property_has_indonesian_title_and_description(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, node in walk(schema):
        if "if" in where:  # conditions restate properties, they do not define them
            continue
        for name, prop in node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else []:
            assert prop.get("title"), f"{path.name} {where} {name}: no title"
            assert prop.get("description"), f"{path.name} {where} {name}: no description"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_object_is_closed(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, node in walk(schema):
        if node.get("type") == "object" and "properties" in node:
            assert node.get("additionalProperties") is False, f"{path.name} {where}: open object"


def test_free_text_is_bounded():
    flat = SchemaSet.load(SCHEMAS).validators
    for kind in KINDS:
        for where, node in walk(flat[kind].schema):
            if node.get("type") == "string" and "enum" not in node and "pattern" not in node and "format" not in node:
                assert "maxLength" in node, f"{kind} {where}: unbounded text"
            if node.get("type") == "integer":
                assert "maximum" in node, f"{kind} {where}: unbounded number"


def test_money_is_a_non_negative_integer_with_a_ceiling():
    rupiah = json.loads((SCHEMAS / "common.schema.json").read_text())["$defs"]["rupiah"]
    assert rupiah["type"] == "integer" and rupiah["minimum"] == 0 and rupiah["maximum"] > 0


def _mutations(data, path=()):
    """Every node of a document replaced by values of other shapes, one at a time."""
    swaps = ("x", "", -1, 0, 10**16, None, True, [], {}, "2027-02-30", "a" * 1001)
    for swap in swaps:
        yield path, swap
    if isinstance(data, dict):
        yield path, {**data, "tambahan": 1}
        for key in data:
            yield path, {k: v for k, v in data.items() if k != key}
            yield from _mutations(data[key], path + (key,))
    elif isinstance(data, list):
        if data:
            yield path, data + data[:1]
            yield path, []
        for i, item in enumerate(data):
            yield from _mutations(item, path + (i,))


def _replace(data, path, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replace(data[head], rest, value)
    return copy


def test_fast_path_agrees_with_jsonschema_and_the_schemas_as_written(example):
    """The speed tricks (inlined $ref, compiled fast path) must not change what is valid."""
    from referencing import Registry, Resource

    from generator.source.load import load_file

    docs = {p.name: json.loads(p.read_text()) for p in FILES}
    registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in docs.values())
    schemas = SchemaSet.load(SCHEMAS)
    files = {"agency": "cycles/agency.yaml", "sop": "cycles/sop.yaml", "renstra": "cycles/renstra.yaml",
             "cycle": "cycles/2026/cycle.yaml", "form": "cycles/2027/forms/ppik.yaml",
             "signed": "cycles/2026/signed/rkt-2026-v1.yaml", "renaksi": "cycles/2026/renaksi/mpk.yaml",
             "laporan": "cycles/2026/laporan/tw1/ppik.yaml"}
    checked = 0
    for kind, rel in files.items():
        data = load_file(example / rel, rel).document.data
        as_written = Draft202012Validator(docs[f"{kind}.schema.json"], registry=registry,
                                          format_checker=Draft202012Validator.FORMAT_CHECKER)
        for path, value in _mutations(data):
            instance = _replace(data, path, value)
            slow = schemas.validators[kind].is_valid(instance)
            try:
                schemas.fast[kind](instance)
                fast = True
            except Exception:
                fast = False
            assert fast == slow, (rel, path, value)
            if checked % 4 == 0:  # the referencing lookups are slow; a sample is enough
                assert as_written.is_valid(instance) == slow, (rel, path, value)
            checked += 1
        assert as_written.is_valid(data) and schemas.validators[kind].is_valid(data)
        bad = _replace(data, (), {**data, "tambahan": 1})
        assert as_written.is_valid(bad) is schemas.validators[kind].is_valid(bad) is False
    assert checked > 2000


# --- patterns: Python's validators must read them as ECMAScript (and Ajv) does ------

ECMA_LINE_TERMINATORS = "[^\n\r\u2028\u2029]"


def ecma_reference(pattern: str, text: str) -> bool:
    """ECMAScript's reading of an anchored pattern ^...$ (no m flag), written independently of
    generator.source.schema: the whole string must match, and `.` stops at every line terminator."""
    assert pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$"), pattern
    body = re.sub(r"(?<!\\)\.(?![^\[]*\])", ECMA_LINE_TERMINATORS, pattern[1:-1])
    return re.fullmatch(body, text) is not None


def all_patterns() -> list[str]:
    found = set()
    for path in FILES:
        for _, node in walk(json.loads(path.read_text(encoding="utf-8"))):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
    return sorted(found)


def samples(pattern: str) -> list[str]:
    """Strings that match `pattern`: from the schemas' examples and the example repository."""
    from generator.source.load import load_file

    pool: set[str] = {"5.03.02", "5.03.02.2.01", "5.03.02.2.01.0001", "SS1.1", "2027", "ppik",
                      "197305121998031004", "budi-santoso", "rkt-2026-v1.pdf", "a" * 64, "abc1234",
                      "signed/rkt-2026-v1.pdf", "(isi NIP)", "6.6", "0.2025.1"}

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for k, v in node.items():
                yield k
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)

    for path in FILES:
        pool.update(strings(json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "cycles").rglob("*.yaml")):
        pool.update(strings(load_file(path, path.name).document.data))
    return sorted(s for s in pool if ecma_reference(pattern, s))


VARIANTS = (lambda s: s, lambda s: s + "\n", lambda s: s + "\r\n", lambda s: s + "\r", lambda s: " " + s,
            lambda s: s + " ", lambda s: "\n" + s, lambda s: s + "\n\n", lambda s: s + "\u2028",
            lambda s: s[:1] + "\n" + s[1:], lambda s: s + "\t", lambda s: "\ufeff" + s)


def test_every_pattern_means_the_same_to_the_fast_path_jsonschema_and_ecmascript():
    """"5.03.02\\n" is no program code: Python's `$` would accept it, ECMAScript's does not."""
    import shutil
    import subprocess

    from generator.source.schema import compile_fast, python_schema

    cases = []
    for pattern in all_patterns():
        found = samples(pattern)
        assert found, f"no sample string matches {pattern!r}: add an example to the schema"
        schema = {"type": "string", "pattern": pattern}
        fast = compile_fast(python_schema(schema))
        slow = Draft202012Validator(python_schema(schema))
        for s in found:
            for variant in VARIANTS:
                text = variant(s)
                expected = ecma_reference(pattern, text)
                try:
                    fast(text)
                    fast_ok = True
                except Exception:
                    fast_ok = False
                assert (fast_ok, slow.is_valid(text)) == (expected, expected), (pattern, text)
                cases.append((pattern, text, expected))
    assert any(text.endswith("\n") and not ok for _, text, ok in cases)
    node = shutil.which("node")
    if node is None:  # the real ECMAScript engine, when there is one
        return
    script = ("let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const r=JSON.parse(d).map("
              "([p,s])=>new RegExp(p,'u').test(s));process.stdout.write(JSON.stringify(r))})")
    proc = subprocess.run([node, "-e", script], input=json.dumps([[p, t] for p, t, _ in cases]),
                          capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == [ok for _, _, ok in cases]


def test_patterns_with_python_only_or_ambiguous_escapes_are_refused():
    from generator.source.schema import SchemaError, python_pattern

    assert python_pattern("^[0-9]{2}$") == "^[0-9]{2}\\Z"
    assert python_pattern("^a.b[.$]$") == "^a[^\\n\\r\\u2028\\u2029]b[.\\$]\\Z"
    for bad in ("^\\d+$", "^\\w$", "^a\\Z", "^\\s$"):
        with pytest.raises(SchemaError):
            python_pattern(bad)


def test_a_code_with_a_trailing_newline_is_refused_by_the_whole_check(example):
    schemas = SchemaSet.load(SCHEMAS)
    from generator.source.load import load_file

    data = load_file(example / "cycles/2027/forms/ppik.yaml", "f").document.data
    data["program"][0]["kode"] += "\n"
    problems = list(schemas.check("form", data, "f.yaml"))
    assert [(p.code, p.path) for p in problems] == [("RKT104", ("program", 0, "kode"))]


# --- numbers ------------------------------------------------------------------------

def test_every_integer_is_bounded_within_what_json_readers_hold_exactly():
    """Beyond 2**53 a browser (the Isi Form page) or a JSON reader silently changes the number."""
    limit = 2**53 - 1
    flat = SchemaSet.load(SCHEMAS).flat
    for kind in KINDS:
        for where, node in walk(flat[kind]):
            types = node.get("type")
            if types == "integer" or isinstance(types, list) and "integer" in types:
                assert -limit <= node.get("minimum", -limit - 1) and node.get("maximum", limit + 1) <= limit, \
                    f"{kind} {where}: integer without bounds"


def test_out_of_range_numbers_are_named_readably():
    schemas = SchemaSet.load(SCHEMAS)
    data = {"tahun": 2027, "versi": 10**30, "tanggal": "2027-01-05", "berkas": "rkt-2027-v1.pdf",
            "penandatangan": {"jabatan": "Kepala", "nama": "Budi", "nip": "197305121998031004"},
            "sha256": "a" * 64, "commit": "abc1234"}
    messages = [p.message for p in schemas.check("signed", data, "f.yaml")]
    assert messages == ["Versi 100000...000 (31 digit) di luar batas; paling banyak 99"]


# --- messages ---------------------------------------------------------------------

def test_each_missing_key_is_reported_once():
    problems = list(SchemaSet.load(SCHEMAS).check("form", {"tahun": 2027}, "f.yaml"))
    named = [p.message.split("'")[1] for p in problems if p.code == "RKT101"]
    assert sorted(named) == sorted(set(named)) and {"unit", "kinerja", "program"} <= set(named)


MISALNYA = re.compile(r"""misalnya\s+(?:'([^']+)'|"([^"]+)"|([A-Za-z0-9.-]*[0-9][A-Za-z0-9.-]*?))[.,;]?(?:\s|$)""")


def test_the_example_in_a_message_is_the_one_the_field_itself_gives():
    """An indicator code's example is an indicator code (SS1.1), not a goal code (T1)."""
    flat = SchemaSet.load(SCHEMAS).flat
    checked = 0
    for kind in KINDS:
        for where, node in walk(flat[kind]):
            m = MISALNYA.search(node.get("description", ""))
            if m and "examples" in node and "pattern" in node:
                said = next(g for g in m.groups() if g)
                if ecma_reference(node["pattern"], said):
                    assert node["examples"][0] == said, f"{kind} {where}: example {node['examples'][0]!r}, says {said!r}"
                    checked += 1
    assert checked >= 8
    schemas = SchemaSet.load(SCHEMAS)
    data = {"tahun": 2027, "unit": "ppik", "tanggal": "2026-11-01", "penyusun": "x",
            "kinerja": [{"sasaran": "SS1", "indikator": [{"kode": "SS-1", "target": "1"}]}], "program": []}
    messages = [p.message for p in schemas.check("form", data, "f.yaml")]
    assert any('Kode indikator' in m and 'contoh: "SS1.1"' in m for m in messages), messages


# --- the fast path is never code from the repository ----------------------------------

def test_no_code_is_ever_read_from_the_repository_cache(example):
    """A pull request can commit .cache/schemas/*.py; rkt must never execute such a file."""
    import hashlib
    import subprocess
    import sys

    import fastjsonschema

    marker = example / "DIJALANKAN"
    payload = (f"open({str(marker)!r}, 'w').write('x')\n"
               "def validate(data, custom_formats={}, name_prefix=None):\n    return data\n")
    cache = example / ".cache" / "schemas"
    cache.mkdir(parents=True)
    schemas = SchemaSet.load(example / "schemas")
    for kind, flat in schemas.flat.items():  # every name a cache of compiled schemas ever used
        draft7 = {**flat, "$schema": "http://json-schema.org/draft-07/schema#"}
        key = hashlib.sha256((fastjsonschema.VERSION + json.dumps(draft7, sort_keys=True)).encode()).hexdigest()
        (cache / f"{kind}-{key[:20]}.py").write_text(payload)
        (cache / f"{kind}.py").write_text(payload)
    bad = example / "cycles/2027/forms/ppik.yaml"
    bad.write_text(bad.read_text().replace("tahun: 2027", "tahun: 1999", 1))
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(example), "validate", "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=ROOT)
    assert not marker.exists()
    assert proc.returncode == 1 and "RKT105" in proc.stdout  # the real schema judged the file
    assert len(list(cache.iterdir())) == 2 * len(KINDS)  # and nothing new is kept there


def test_a_file_the_fast_path_rejects_is_never_taken_as_valid(example):
    """Should the two validators ever disagree again (as on "5.03.02\\n"), the file fails, not passes."""
    from generator.source.schema import compile_fast, python_schema

    schemas = SchemaSet.load(SCHEMAS)
    stricter = {**schemas.flat["agency"], "minProperties": 1000}
    schemas.__dict__["fast"] = {**schemas.fast, "agency": compile_fast(python_schema(stricter))}
    from generator.source.load import load_file

    data = load_file(example / "cycles/agency.yaml", "a").document.data
    assert schemas.validators["agency"].is_valid(data)
    assert [p.code for p in schemas.check("agency", data, "cycles/agency.yaml")] == ["RKT100"]
