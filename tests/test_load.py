"""The strict loader: data never changes silently, every hazard is named with its line."""

from __future__ import annotations

import pytest

from generator.load import MAX_BYTES, MAX_DEPTH, load_bytes


def load(text: bytes | str):
    raw = text.encode() if isinstance(text, str) else text
    return load_bytes(raw, "f.yaml")


def codes(text: bytes | str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.code) for p in load(text).problems]


@pytest.mark.parametrize("plain, expected", [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"),
    ("010", "010"), ("0o10", "0o10"), ("0x1F", "0x1F"),
    ("1.10", "1.10"), ("99.25", "99.25"), ("1e3", "1e3"), (".inf", ".inf"), (".nan", ".nan"),
    ("12:30", "12:30"), ("190:20:30", "190:20:30"),
    ("2027-02-30", "2027-02-30"), ("2027-01-05", "2027-01-05"), ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
    ("1_000", "1_000"), ("+5", "+5"), ("True", "True"), ("NULL", "NULL"),
    ("42", 42), ("-7", -7), ("0", 0), ("150000000000", 150000000000),
    ("true", True), ("false", False), ("null", None), ("~", None), ("", None),
])
def test_plain_scalars_keep_their_text_unless_plainly_typed(plain, expected):
    doc = load(f"a: {plain}\n").document
    assert doc is not None
    assert doc.data == {"a": expected}
    assert type(doc.data["a"]) is type(expected)


def test_quoted_and_block_scalars_are_always_text():
    doc = load('a: "42"\nb: \'true\'\nc: |\n  10\n').document
    assert doc.data == {"a": "42", "b": "true", "c": "10\n"}


def test_keys_stay_text_even_when_they_look_like_numbers():
    doc = load("target:\n  2027: '0,70'\n  yes: 1\n").document
    assert doc.data == {"target": {"2027": "0,70", "yes": 1}}


def test_duplicate_key_names_both_lines():
    problems = load("tahun: 2027\nunit: ppik\ntahun: 2028\n").problems
    assert [(p.line, p.code) for p in problems] == [(3, "RKT005")]
    assert "baris 1" in problems[0].message
    assert load("tahun: 2027\nunit: ppik\ntahun: 2028\n").document is None


def test_duplicate_keys_in_nested_mappings_are_all_reported():
    text = "a:\n  - x: 1\n    x: 2\n  - y: 1\n    y: 1\n"
    assert [c for _, _, c in codes(text)] == ["RKT005", "RKT005"]
    assert [line for line, _, _ in codes(text)] == [3, 5]


def test_anchors_and_aliases_are_rejected():
    assert codes("a: &x 1\nb: *x\n") == [(1, 4, "RKT006"), (2, 4, "RKT006")]
    assert [c for _, _, c in codes("base: &b {k: 1}\nother:\n  <<: *b\n")] == ["RKT006", "RKT006"]


def test_tags_are_rejected():
    assert codes("a: !!int '1'\nb: !!python/object:os.system x\n") == [(1, 4, "RKT007"), (2, 4, "RKT007")]
    assert codes("a: !!binary aGVsbG8=\n") == [(1, 4, "RKT007")]


def test_keys_must_be_text():
    assert codes("? [a, b]\n: 1\n") == [(1, 3, "RKT008")]
    assert codes("? {a: 1}\n: 1\n")[0][2] == "RKT008"


def test_file_too_large_is_refused_before_parsing():
    problems = load(b"a: " + b"x" * (MAX_BYTES + 10) + b"\n").problems
    assert [p.code for p in problems] == ["RKT001"]


def test_word_cp1252_bytes_give_the_line_and_a_hint():
    raw = "tahun: 2027\nnama: \u201cMutasi\u201d\n".encode("cp1252")
    problems = load(raw).problems
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 7, "RKT002")]
    assert "Word" in problems[0].message and "UTF-8" in problems[0].message


def test_utf16_is_refused_with_advice():
    problems = load("a: 1\n".encode("utf-16")).problems
    assert [p.code for p in problems] == ["RKT002"]
    assert "UTF-16" in problems[0].message


def test_bom_and_crlf_are_accepted():
    doc = load(b"\xef\xbb\xbftahun: 2027\r\nunit: ppik\r\n").document
    assert doc.data == {"tahun": 2027, "unit": "ppik"}
    assert doc.positions.find(("unit",)) == (2, 1)


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\x07", "\x1b", "\u0085", "\ufeff"])
def test_control_bidi_and_invisible_characters_are_rejected(char):
    problems = load(f"a: ok\nb: abc{char}def\n").problems
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 7, "RKT003")]
    assert f"U+{ord(char):04X}" in problems[0].message


def test_deep_nesting_is_rejected():
    problems = load("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n").problems
    assert [p.code for p in problems] == ["RKT009"]


def test_tab_indentation_gets_an_indonesian_message():
    problems = load("a:\n\tb: 1\n").problems
    assert [(p.line, p.code) for p in problems] == [(2, "RKT004")]
    assert "Tab" in problems[0].message


def test_unclosed_quote_points_at_its_start():
    problems = load("a: 1\nb: 'abc\nc: 2\n").problems
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 4, "RKT004")]
    assert "tanda kutip" in problems[0].message


def test_colon_in_plain_text_is_explained():
    problems = load("catatan: Hasil: baik\n").problems
    assert [(p.line, p.code) for p in problems] == [(1, "RKT004")]
    assert "titik dua" in problems[0].message


def test_several_documents_and_empty_files_are_rejected():
    assert [c for _, _, c in codes("a: 1\n---\nb: 2\n")] == ["RKT010"]
    assert [c for _, _, c in codes("")] == ["RKT010"]
    assert [c for _, _, c in codes("# hanya komentar\n")] == ["RKT010"]


def test_every_key_and_item_keeps_its_position():
    doc = load("a:\n  - x: 1\n    y: [1, 2]\n  - z\n").document
    find = doc.positions.find
    assert find(("a",)) == (1, 1)
    assert find(("a", 0)) == (2, 5)
    assert find(("a", 0, "y")) == (3, 5)
    assert find(("a", 0, "y", 1)) == (3, 12)
    assert find(("a", 1)) == (4, 5)
    assert find(("a", 0, "nope", 3)) == (2, 5)  # nearest known ancestor


def test_first_line_is_kept_for_the_schema_comment():
    doc = load("# yaml-language-server: $schema=x.json\r\na: 1\n").document
    assert doc.header == "# yaml-language-server: $schema=x.json"
