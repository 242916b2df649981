"""The HTML and Markdown every page is made of, and the escaping that keeps user text inert.

What users typed never becomes Markdown syntax, HTML, a link or an attribute:
every table or paragraph that carries user text is raw HTML built here, with
each value escaped (`esc`) and line breaks turned into <br> so that no blank
line can end the HTML block and hand the rest to the Markdown parser. Links and
images use only paths the pages compute (years, validated file names).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence

from generator.site.pages.context import Context

# Pages of tables: the table of contents would take a third of a laptop's width from them
DATA_PAGE = "hide:\n  - toc"


class Html(str):
    """Markup the pages built themselves: inserted as is."""


def esc(value: object) -> Html:
    if isinstance(value, Html):
        return value
    text = "" if value is None else str(value)
    text = html.escape(text, quote=True)
    return Html(re.sub(r"\r\n|\r|\n", "<br>", text))


def tag(name: str, content: object, cls: str | None = None) -> Html:
    attr = f' class="{cls}"' if cls else ""
    return Html(f"<{name}{attr}>{esc(content)}</{name}>")


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], cls: str = "rkt-table",
          numeric: Sequence[int] = (), row_classes: Sequence[str | None] | None = None,
          hide_small: Sequence[int] = (), nowrap: Sequence[int] = (), label: str | None = None,
          stack: str | None = "m") -> Html:
    """An HTML table in a scroll region named `label`; `numeric` columns align right, `hide_small`
    ones are hidden on phones. Where its region is narrower than the `stack` size ("s", "m", "l":
    see rkt.css), each row becomes a card and each cell shows its column's name: no column the
    reader needs ends up beyond the screen's edge."""
    def attr(i: int) -> str:
        classes = (["num"] if i in numeric else []) + (["rkt-wide"] if i in hide_small else []) + \
            (["rkt-nowrap"] if i in nowrap else [])
        return f' class="{" ".join(classes)}"' if classes else ""

    def cell_attr(i: int) -> str:
        name = headers[i] if stack and i < len(headers) and headers[i] else None
        return attr(i) + (f' data-label="{esc(name)}"' if name else "")

    classes = cls + (f" rkt-stack rkt-stack-{stack}" if stack else "")
    out = [f'<table class="{classes}">', "<thead><tr>"]
    out += [f"<th{attr(i)}>{esc(h)}</th>" for i, h in enumerate(headers)]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(rows):
        rc = row_classes[n] if row_classes and n < len(row_classes) else None
        out.append(f'<tr class="{rc}">' if rc else "<tr>")
        out += [f"<td{cell_attr(i)}>{esc(c)}</td>" for i, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return region("".join(out), label or "Tabel " + ", ".join(h for h in headers[:3] if h))


def region(inner: str, label: str) -> Html:
    """A table's box: scrolls sideways only if it must, and can then be reached and scrolled with the
    keyboard (tabindex); a screen reader announces it by its label."""
    return Html(f'<div class="rkt-scroll" tabindex="0" role="region" aria-label="{esc(label)}">{inner}</div>')


def link(from_page: str, to_path: str, text: str) -> str:
    """A Markdown link between two of our own pages (paths relative to docs/)."""
    rel = posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")
    return f"[{text}]({rel})"


def front(title: str, tags: Sequence[str] = (), extra: str = "") -> str:
    lines = ["---", f"title: {title}"]
    if tags:
        lines.append("tags:")
        lines += [f"  - {t}" for t in tags]
    if extra:
        lines.append(extra)
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def chart(ctx: Context, page: str, key: str, alt: str) -> Html:
    """A chart that opens full size when tapped. Narrow screens get its phone variant (drawn for a
    phone's width, so its text stays at least 11 CSS px) when the build made one."""
    def rel(path: str) -> str:
        return posixpath.relpath(path, posixpath.dirname(page) or ".")

    full = rel(ctx.charts[key])
    phone = ctx.charts.get(f"{key}-ponsel")
    source = f'<source media="(max-width: {PHONE_CHART_BELOW})" srcset="{esc(rel(phone))}">' if phone else ""
    return Html(f'<a class="rkt-chart" href="{esc(full)}"><picture>{source}<img src="{esc(full)}" alt="{esc(alt)}">'
                '</picture></a>\n<span class="rkt-chart-hint">Ketuk grafik untuk membukanya dalam ukuran penuh.</span>')


# below this width a desktop chart would shrink its text under 11 px: the phone variant takes over
PHONE_CHART_BELOW = "52em"
