"""The schemas themselves: valid Draft 2020-12, self-describing in Indonesian, strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.schema import KINDS, SchemaSet

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
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


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_free_text_is_bounded(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
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
            for sub_path, value in _mutations(data[key], path + (key,)):
                yield sub_path, value
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

    from generator.load import load_file

    docs = {p.name: json.loads(p.read_text()) for p in FILES}
    registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in docs.values())
    schemas = SchemaSet.load(SCHEMAS)
    files = {"agency": "cycles/agency.yaml", "sop": "cycles/sop.yaml", "renstra": "cycles/renstra.yaml",
             "cycle": "cycles/2026/cycle.yaml", "form": "cycles/2027/forms/ppik.yaml",
             "signed": "cycles/2026/signed/rkt-2026-v1.yaml"}
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
