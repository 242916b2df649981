"""Where ruamel.yaml keeps the comment lines around the items of a block, and how to move
them with the items: when a form is rewritten in place (yamlwrite.update_form), the comment
above an item stays above it, and the comment after a block stays after it.

ruamel hangs the comment lines that follow a block on the last scalar inside it (the
"tail"), and those between `key:` and the first item of its list on the key (the "head").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedBase
    from ruamel.yaml.tokens import CommentToken


class Single:
    """One key of a mapping seen as a mapping of its own, so that the comment after an empty
    list (`program: []`) is found where ruamel keeps it: on that key of the parent."""

    def __init__(self, parent, key) -> None:
        self.parent, self.key = parent, key


def _last_slot(node: object) -> tuple[CommentedBase, object, int] | None:
    """(collection, key, slot) of the comment token after the last scalar inside `node`: where
    ruamel keeps the comment lines that follow the block, which belong to what comes next."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, Single):
        return node.parent, node.key, 2
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child):
            node = child
            continue
        return node, key, 2 if isinstance(node, CommentedMap) else 0
    return None


def pop_tail(node: object) -> CommentToken | None:
    """Take the comment lines that follow `node` (an end-of-line comment stays with its line)."""
    from ruamel.yaml.tokens import CommentToken

    slot = _last_slot(node)
    if slot is None:
        return None
    owner, key, index = slot
    entry = owner.ca.items.get(key)
    token = entry[index] if entry and len(entry) > index else None
    if token is None:
        return None
    value = token.value
    if value.startswith("#"):  # "# eol\n<following lines>": keep the first line where it is
        first, _, rest = value.partition("\n")
        entry[index] = CommentToken(first + "\n", token.start_mark, token.end_mark)
        return CommentToken("\n" + rest, token.start_mark, token.end_mark) if rest else None
    entry[index] = None
    return token


def put_tail(node: object, token: CommentToken | None) -> None:
    """Hang comment lines after the last scalar inside `node` (after any end-of-line comment)."""
    from ruamel.yaml.tokens import CommentToken

    slot = _last_slot(node) if token is not None else None
    if slot is None or token is None:
        return
    owner, key, index = slot
    entry = owner.ca.items.setdefault(key, [None, None, None, None])
    old = entry[index]
    if old is None:
        entry[index] = token
    else:
        joined = old.value + (token.value[1:] if token.value.startswith("\n") else token.value)
        entry[index] = CommentToken(joined, old.start_mark, old.end_mark)


def _take_head(parent, key) -> CommentToken | None:
    """Take the comment lines between `key:` and the first item of its list."""
    entry = parent.ca.items.get(key)
    tokens = entry[3] if entry and len(entry) > 3 else None
    if not tokens:
        return None
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry[3] = None
    parent[key].ca.comment = None
    column = tokens[0].column
    return CommentToken("\n" + " " * column + "".join(t.value for t in tokens), CommentMark(column))


def _set_head(parent, key, token: CommentToken | None) -> None:
    """Put comment lines (a tail token: a newline, then indented lines) above the first item."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    text = token.value.lstrip("\n") if token is not None else ""
    if not text.strip():
        return
    column = len(text) - len(text.lstrip(" "))
    head = CommentToken(text.lstrip(" "), CommentMark(column))
    entry = parent.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) < 4:
        entry.append(None)
    entry[3] = [head]
    parent[key].ca.comment = [None, [head]]


def remove_item(parent, key, index: int) -> object:
    """Take an item out of `parent[key]`; the comment above the next item stays above it, the
    comment above the removed item goes with it."""
    seq = parent[key]
    tail = pop_tail(seq[index])
    if index > 0:
        pop_tail(seq[index - 1])
        put_tail(seq[index - 1], tail)
    else:
        _take_head(parent, key)
        _set_head(parent, key, tail)
    item = seq[index]
    del seq[index]
    return item


def insert_item(parent, key, index: int, item: object) -> None:
    """Put an item into `parent[key]`; the comment above the item it displaces stays above that one."""
    seq = parent[key]
    head = pop_tail(seq[index - 1]) if index > 0 else _take_head(parent, key)
    seq.insert(index, item)
    put_tail(seq[index], head)
