"""The LKjIP as a PDF, set by the one document engine of every signable document (`typeset`,
Typst): the same outline as the Word file (`lkjip_outline`), A4 portrait: the cover with the kop,
then each chapter on a new page with the same headings and tables; a part nobody wrote is the
marked box with what to write; a DRAF is marked on every page (the engine's watermark) and says
why on the cover. The staff's Markdown is printed as paragraphs and list items, as text: the
engine never reads it as markup (bold and italic runs are set as such, their text still text).
"""

from __future__ import annotations

from generator.documents import lkjip_text as t
from generator.documents import typeset as ts
from generator.documents.lkjip_markdown import BULLET, HEADING, NUMBER, Line, markdown
from generator.documents.provenance import Source
from generator.documents.rkt_pdf import kop
from generator.documents.year_paper import footer
from generator.plan.compile import DRAFT


def _items(lines: tuple[Line, ...]) -> list[ts.Block]:
    """Each line of the staff's Markdown as a paragraph: headings bold, list items with their bullet
    or number (numbered as Word numbers them: from the list's first number on), bold and italic
    where the staff marked them."""
    out: list[ts.Block] = []
    counters: dict[int, int] = {}
    for line in lines:
        if line.kind == HEADING:
            out.append(ts.Text("heading", line.text))
            continue
        lead = ""
        if line.kind == BULLET:
            lead = "• " if not line.level else "– "
        elif line.kind == NUMBER:
            n = line.start if line.restart or line.level not in counters else counters[line.level] + 1
            counters[line.level] = n
            lead = f"{n}. "
        out.append(_paragraph(lead, line))
    return out


def _paragraph(lead: str, line: Line) -> ts.Block:
    """A plain paragraph as text; one with emphasis as runs."""
    if not any(s.bold or s.italic for s in line.spans):
        return ts.Text("para", lead + line.text)
    runs = tuple(ts.Run(s.text, s.bold, s.italic) for s in line.spans)
    return ts.Rich(((ts.Run(lead),) if lead else ()) + runs)


def _table(grid: t.Grid) -> ts.Table:
    columns = tuple(ts.Column(h, "right" if i in grid.right else "left", f"{w:g}fr")
                    for i, (h, w) in enumerate(zip(grid.headers, grid.widths, strict=True)))
    rows = []
    for row in grid.rows:
        if row.kind == "note":
            cells = (ts.Cell("", continues=True), ts.Cell(row.cells[1]), *(ts.Cell("") for _ in columns[2:]))
            rows.append(ts.Row(cells))
            continue
        cells = tuple(ts.Cell("", continues=True) if row.continues and i < 2 else
                      ts.Cell(text, italic=i in row.faint, nowrap=i == 0)
                      for i, text in enumerate(row.cells))
        rows.append(ts.Row(cells, "total" if row.kind == "total" else None))
    return ts.Table(columns, tuple(rows))


def _blocks(part: t.Part) -> list[ts.Block]:
    if isinstance(part, t.Heading):
        if part.level == 1:  # a chapter: a heading of the PDF's bookmarks and table of contents
            return [ts.PageBreak(), ts.Text("chapter", part.text)]
        return [ts.Text("section" if part.level == 2 else "heading", part.text)]
    if isinstance(part, t.Prose):
        return _items(markdown(part.text, part.title))
    if isinstance(part, t.Missing):
        return [ts.Note(t.NOT_WRITTEN, part.text)]
    if isinstance(part, t.Notice):
        return [ts.Note(part.label, part.text)]
    if isinstance(part, t.Para):
        return [ts.Text("para", part.text)]
    return [ts.Text("heading", part.caption), _table(part)]


def lkjip_document(outline: t.Outline, source: Source) -> ts.Document:
    head = outline.letterhead
    cover: list[ts.Block] = [kop(head), ts.Text("title", outline.title),
                             ts.Text("subtitle", f"{outline.agency.upper()}\n{head.government.upper()}")]
    if outline.draft:
        cover.append(ts.Note(f"{DRAFT}.", " ".join(outline.reasons)))
    contents: list[ts.Block] = [ts.PageBreak(), ts.Text("outline", "DAFTAR ISI")]  # as Word's TOC field
    blocks = [*cover, *contents, *(b for part in outline.parts for b in _blocks(part))]
    return ts.Document(f"LKjIP {outline.year}", footer(source), tuple(blocks), font_size=9.5,
                       margin=(20, 20, 22, 25), draft=outline.draft, draft_mark=DRAFT, logo=head.logo)


def to_pdf(outline: t.Outline, source: Source) -> bytes:
    return ts.to_pdf(lkjip_document(outline, source))
