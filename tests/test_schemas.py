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


def test_inlined_validators_agree_with_the_schemas_as_written(example):
    """The speed trick (inlining $ref) must not change what is valid."""
    from referencing import Registry, Resource

    from generator.load import load_file
    from generator.validate import classify, discover

    docs = {p.name: json.loads(p.read_text()) for p in FILES}
    registry = Registry().with_resources(
        (d["$id"], Resource.from_contents(d)) for d in docs.values())
    fast = SchemaSet.load(SCHEMAS)
    for rel in discover(example):
        kind = classify(rel)
        if kind not in KINDS:
            continue
        data = load_file(example / rel, rel).document.data
        bad = dict(data, tambahan=1) if isinstance(data, dict) else data
        for instance in (data, bad):
            slow = Draft202012Validator(docs[f"{kind}.schema.json"], registry=registry,
                                        format_checker=Draft202012Validator.FORMAT_CHECKER)
            assert slow.is_valid(instance) == fast.validators[kind].is_valid(instance), rel
