"""The HTML pieces of the regency pages: front matter, links, badges, cards and card tables.

Everything an agency published is untrusted: it only ever appears escaped inside the
raw HTML built here (never in Markdown syntax, front matter, a link or an attribute).
Tables turn into cards below 44em (kabupaten.css), so nothing needs sideways scrolling
at 360 px.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from generator.check.rules.placeholders import WITHIN
from generator.documents.unfilled import UNFILLED
from generator.site.pages.markup import Html, esc

_NUM = ' class="num"'  # a numeric header cell
_TAG = re.compile(r"(<[^>]*>)")
_UNFILLED_BADGE = ('<span class="kab-badge kab-terlambat" title="Belum diisi: data ini masih isian contoh dari '
                   'pembuatan repositori, belum diganti dengan data sebenarnya di berkas sumbernya.">'
                   f'{UNFILLED}</span>')
_UNSAFE_TITLE = re.compile(r"[<>\"'`\\{}]")


def front(title: str) -> str:
    """Front matter with `title`. JSON is valid YAML, so no title breaks out of the front matter;
    the theme prints titles without escaping (<title>, navigation), so markup characters go."""
    safe = re.sub(r"\s+", " ", _UNSAFE_TITLE.sub(" ", title.replace("&", " dan "))).strip() or "OPD"
    return f"---\ntitle: {json.dumps(safe, ensure_ascii=False)}\n---\n\n"


def mark_unfilled(page: str) -> str:
    """`page` with every "(isi ...)" placeholder that an agency's published data (or kabupaten.yaml)
    still holds shown as a BELUM DIISI badge in the text, and as the plain words in the front matter's
    title; tags and attributes are left as they are."""
    if "(" not in page:
        return page
    head, body = ("", page)
    if page.startswith("---\n") and "\n---\n" in page[4:]:
        end = page.index("\n---\n", 4) + 5
        head, body = WITHIN.sub(UNFILLED, page[:end]), page[end:]
    parts = _TAG.split(body)
    return head + "".join(p if p.startswith("<") else WITHIN.sub(_UNFILLED_BADGE, p) for p in parts)


def anchor(href: str, text: str, cls: str | None = None) -> Html:
    attr = f' class="{cls}"' if cls else ""
    return Html(f'<a href="{esc(href)}"{attr}>{esc(text)}</a>')


def badge(text: str, kind: str) -> Html:
    return Html(f'<span class="kab-badge kab-{kind}">{esc(text)}</span>')


def up(page: str) -> str:
    return "../" * page.count("/")


def fact_cards(rows: Sequence[tuple[str, object]], cls: str = "kab-cards") -> Html:
    body = "".join(f'<div class="kab-card"><div class="kab-card-label">{esc(k)}</div>'
                   f'<div class="kab-card-value">{esc(v)}</div></div>' for k, v in rows)
    return Html(f'<div class="{cls}">{body}</div>')


def card_table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = (),
               row_classes: Sequence[str | None] = (), cards: bool = True) -> Html:
    """A table on wide screens, one card per row on phones (each cell labelled by its header);
    `cards=False` for a table narrow enough to stay one."""
    out = [f'<table class="kab-table{" kab-cardable" if cards else ""}"><thead><tr>']
    out += [f"<th{_NUM if i in numeric else ''}>{esc(h)}</th>" for i, h in enumerate(headers)]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(rows):
        rc = row_classes[n] if n < len(row_classes) else None
        out.append(f'<tr class="{rc}">' if rc else "<tr>")
        for i, cell in enumerate(row):
            # on a phone card an empty cell ("—") is left out rather than labelled
            classes = " ".join((["num"] if i in numeric else []) + (["kab-empty"] if cell == "—" else []))
            cls = f' class="{classes}"' if classes else ""
            out.append(f'<td{cls} data-label="{esc(headers[i])}">{esc(cell)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return Html("".join(out))
