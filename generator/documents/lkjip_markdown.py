"""The small, safe Markdown subset of the LKjIP's narrative parts, read into plain lines that the
Word and PDF drawings both print: paragraphs, headings, bullet and numbered lists, bold and italic.

Everything else is text: no raw HTML passes through (a tag is printed as the characters typed; an
HTML comment, invisible in any Markdown viewer, is left out), a link prints its words and its
address, code prints its characters. Nothing the staff write can become a field, a link, a style
or a command in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARA = "para"
HEADING = "heading"
BULLET = "bullet"
NUMBER = "number"


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Line:
    """One paragraph of a narrative. `level`: a heading's depth (0 = the narrative's top), a list
    item's nesting; `restart`: a numbered item that begins a new list (at `start`)."""

    kind: str
    spans: tuple[Span, ...]
    level: int = 0
    restart: bool = False
    start: int = 1

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# XML 1.0 allows no other control character; a stray one must not break the Word file
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

_INLINE = re.compile(
    r"\\(?P<esc>[\\`*_{}\[\]()#+\-.!<>])"
    r"|\*\*(?=\S)(?P<b1>.+?)(?<=\S)\*\*"
    r"|(?<!\w)__(?=\S)(?P<b2>.+?)(?<=\S)__(?!\w)"
    r"|\*(?=\S)(?P<i1>.+?)(?<=\S)\*"
    r"|(?<!\w)_(?=\S)(?P<i2>.+?)(?<=\S)_(?!\w)"
    r"|`(?P<code>[^`]+)`"
    r"|\[(?P<label>[^\]]+)\]\((?P<href>[^)\s]+)\)"
)


def clean(text: str) -> str:
    """`text` without the control characters no Word file may hold."""
    return _CONTROL.sub("", text)


def spans(text: str, bold: bool = False, italic: bool = False) -> tuple[Span, ...]:
    """The inline Markdown of `text` as runs of plain text with their emphasis."""
    out: list[Span] = []
    at = 0
    for m in _INLINE.finditer(text):
        if m.start() > at:
            out.append(Span(text[at:m.start()], bold, italic))
        at = m.end()
        if m["esc"] is not None:
            out.append(Span(m["esc"], bold, italic))
        elif m["b1"] is not None or m["b2"] is not None:
            out += spans(m["b1"] or m["b2"], True, italic)
        elif m["i1"] is not None or m["i2"] is not None:
            out += spans(m["i1"] or m["i2"], bold, True)
        elif m["code"] is not None:
            out.append(Span(m["code"], bold, italic))
        else:  # a link: its words and, beside them, where it points (never a live link)
            out += spans(m["label"], bold, italic)
            out.append(Span(f" ({m['href']})", bold, italic))
    if at < len(text):
        out.append(Span(text[at:], bold, italic))
    return _merged(out)


def _merged(items: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in items:
        if out and (out[-1].bold, out[-1].italic) == (s.bold, s.italic):
            out[-1] = Span(out[-1].text + s.text, s.bold, s.italic)
        elif s.text:
            out.append(s)
    return tuple(out)


@dataclass
class _Item:
    kind: str
    text: str
    level: int = 0
    restart: bool = False
    start: int = 1


def _list_item(raw: str) -> _Item | None:
    """A bullet or numbered item, or None when `raw` is neither."""
    if m := _BULLET.match(raw):
        return _Item(BULLET, m[2].strip(), min(len(m[1].expandtabs(4)) // 2, 2))
    if m := _NUMBER.match(raw):
        return _Item(NUMBER, m[3].strip(), min(len(m[1].expandtabs(4)) // 3, 2), start=int(m[2]))
    return None


def _fresh(items: list[_Item], level: int) -> bool:
    """Whether a numbered item at `level` begins a new list: no numbered item at its level since
    the list (the run of list items before it) began, or a bullet at its level came between."""
    for item in reversed(items):
        if item.kind not in (BULLET, NUMBER) or item.level < level:
            return True
        if item.level == level:
            return item.kind != NUMBER
    return True


def _items(text: str) -> list[_Item]:
    items: list[_Item] = []
    para: list[str] = []
    gap = False  # a blank line since the last item: a plain line starts a paragraph

    def flush() -> None:
        if para:
            items.append(_Item(PARA, " ".join(para)))
            para.clear()

    for raw in text.split("\n"):
        if not raw.strip() or _RULE.match(raw):
            flush()
            gap = True
            continue
        if m := _HEADING.match(raw):
            flush()
            items.append(_Item(HEADING, m[2], len(m[1])))
        elif (item := _list_item(raw)) is not None:
            flush()
            item.restart = item.kind == NUMBER and _fresh(items, item.level)
            items.append(item)
        elif items and items[-1].kind in (BULLET, NUMBER) and not para and not gap:
            items[-1].text += " " + raw.strip()  # a list item's text continued on the next line
        else:
            para.append(raw.strip())
        gap = False
    flush()
    return items


def markdown(text: str, title: str = "") -> tuple[Line, ...]:
    """The lines of a narrative part. A first heading that repeats the part's `title` (the file's
    own title, which the document prints already) is left out; headings are counted from the
    narrative's topmost one."""
    text = _COMMENT.sub("", clean(text).replace("\r\n", "\n").replace("\r", "\n"))
    items = _items(text)
    if items and items[0].kind == HEADING and _same(items[0].text, title):
        items = items[1:]
    top = min((i.level for i in items if i.kind == HEADING), default=1)
    return tuple(Line(i.kind, spans(i.text), i.level - top if i.kind == HEADING else i.level, i.restart, i.start)
                 for i in items if i.text.strip())


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.sub(r"[*_#:.]", " ", s).split()).casefold()

    return bool(b) and norm(a) == norm(b)
