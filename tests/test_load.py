"""The strict loader: data never changes silently, every hazard is named with its line."""

from __future__ import annotations

import pytest

from generator.source.load import MAX_BYTES, MAX_DEPTH, load_bytes


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


# --- the screen applies to what escapes decode to ----------------------------

@pytest.mark.parametrize("escape, char", [
    (r"\u202e", "\u202e"), (r"\U0000202E", "\u202e"), (r"\x01", "\x01"), (r"\0", "\x00"), (r"\e", "\x1b"),
    (r"\x1b", "\x1b"), (r"\a", "\x07"), (r"\N", "\x85"), (r"\x85", "\x85"), (r"\L", "\u2028"),
    (r"\u2028", "\u2028"), (r"\P", "\u2029"), (r"\u200b", "\u200b"), (r"\ufeff", "\ufeff"), (r"\r", "\r"),
])
def test_escapes_decoding_to_refused_characters_are_refused_like_the_characters(escape, char):
    problems = load(f'a: ok\nb: "abc{escape}def"\n').problems
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 8, "RKT003")]
    assert f"U+{ord(char):04X}" in problems[0].message and escape in problems[0].message


def test_escapes_in_keys_and_multiline_quoted_text_are_screened_at_their_place():
    assert codes('"ke\\u202ey": 1\n') == [(1, 4, "RKT003")]
    assert codes('a: "satu\n  dua \\e[31m"\n') == [(2, 7, "RKT003")]


@pytest.mark.parametrize("escape, value", [
    (r"\t", "a\tb"), (r"\n", "a\nb"), (r"\\", "a\\b"), (r"\"", 'a"b'), (r"\u00e9", "aéb"), (r"\x41", "aAb"),
    (r"\\u202e", "a\\u202eb"), (r"\/", "a/b"), (r"\_", "a\xa0b"),
])
def test_harmless_escapes_stay_allowed(escape, value):
    doc = load(f'a: "a{escape}b"\n').document
    assert doc is not None and doc.data == {"a": value}


@pytest.mark.parametrize("text", [
    "# catatan\u2028unit: psdm\ntahun: 2027\n",  # a "comment" hiding a key, for libyaml
    "tahun: 2027\u2029unit: psdm\n",
    "tahun: 2027\nunit: 'ps\u2028dm'\n",
])
def test_raw_line_and_paragraph_separators_are_refused_wherever_they_are(text):
    problems = load(text).problems
    assert [p.code for p in problems] == ["RKT003"]
    assert "U+202" in problems[0].message


def test_a_lone_cr_is_refused_but_windows_line_ends_are_not():
    problems = load("# catatan\runit: psdm\ntahun: 2027\n").problems
    assert [(p.line, p.col, p.code) for p in problems] == [(1, 10, "RKT003")]
    assert "CR" in problems[0].message
    assert load("# catatan\r\nunit: psdm\r\n").document.data == {"unit": "psdm"}


# --- numbers -----------------------------------------------------------------

def test_a_number_of_thousands_of_digits_is_a_problem_with_its_line_not_a_crash():
    problems = load("tahun: 2027\nanggaran: " + "9" * 5000 + "\n").problems
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 11, "RKT011")]
    assert "5000 digit" in problems[0].message


def test_long_numbers_up_to_the_limit_stay_numbers_for_the_schema_to_judge():
    from generator.source.load import MAX_INT_DIGITS

    assert load("a: " + "9" * MAX_INT_DIGITS + "\n").document.data == {"a": int("9" * MAX_INT_DIGITS)}
    assert [p.code for p in load("a: -" + "9" * (MAX_INT_DIGITS + 1) + "\n").problems] == ["RKT011"]
    assert load('a: "' + "9" * 5000 + '"\n').document.data == {"a": "9" * 5000}  # quoted: text


# --- YAML indicators at the start of a value -----------------------------------

@pytest.mark.parametrize("value", [">90%", "> 90%", "|x", "| Dokumen", "%50", "% 50", "@budi", "`kode`",
                                   "& dan", "* catatan"])
def test_a_value_starting_with_a_yaml_indicator_gets_the_quote_hint(value):
    problems = load(f"tahun: 2027\ntarget: {value}\n").problems
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 9, "RKT004")]
    assert f"diawali '{value[0]}' harus diberi tanda kutip" in problems[0].message
    assert f'misalnya "{value}"' in problems[0].message


@pytest.mark.parametrize("text, code", [
    ("target: !penting sekali\n", "RKT007"), ("target: &dan lain\n", "RKT006"), ("target: *catatan\n", "RKT006"),
    ("daftar:\n  - !x\n", "RKT007"),
])
def test_anchors_aliases_and_tags_that_may_be_text_also_get_the_quote_hint(text, code):
    problems = load(text).problems
    assert [p.code for p in problems] == [code]
    assert "tulis di antara tanda kutip" in problems[0].message


def test_the_colon_hint_is_unchanged():
    problems = load("catatan: Hasil: baik\n").problems
    assert "beri tanda kutip pada teks yang memuat ': '" in problems[0].message


# --- symbolic links ---------------------------------------------------------------

def test_a_symlink_is_refused_and_its_target_not_read(tmp_path):
    from generator.source.load import load_file

    outside = tmp_path / "rahasia.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    link = tmp_path / "form.yaml"
    link.symlink_to(outside)
    loaded = load_file(link, "cycles/2027/forms/form.yaml")
    assert [(p.code, p.line) for p in loaded.problems] == [("RKT012", 1)]
    assert "root" not in loaded.problems[0].message and loaded.document is None
