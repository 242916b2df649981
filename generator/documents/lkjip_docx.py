"""The LKjIP as the Word document the agency edits (python-docx, imported only here, when the file
is made): A4 portrait; the kop with the logo on the cover; real Word headings (Heading 1-4, so
the navigation pane and the table of contents work); a table-of-contents field that Word fills in
when the file opens; real Word tables whose header row repeats on every page; the page number
(a PAGE field) in the footer; a DRAF says so on the cover and in the header of every page.

The body is `lkjip_outline`'s, the same as the PDF's. The staff's Markdown becomes Word paragraphs,
lists, bold and italic (`lkjip_markdown`); everything typed is inserted as text, never as a field
or markup. The bytes are deterministic: fixed core properties and zip entry times.
"""

from __future__ import annotations

import io
from typing import Any

from generator.documents import lkjip_text as t
from generator.documents.lkjip_markdown import BULLET, HEADING, NUMBER, Line, clean, markdown
from generator.plan.compile import DRAFT
from generator.source.workbook import deterministic_zip

FONT = "Arial"
TEXT_WIDTH_MM = 160  # A4 (210 mm) less the margins, 30 mm left and 20 mm right
MARGINS_MM = (25, 20, 25, 30)  # top, right, bottom, left: the usual margins of a government report
RED = "C00000"
GREY = "595959"
TOC_HINT = ("Daftar isi diisi oleh Word saat dokumen dibuka (jawab Ya bila Word menanyakan pembaruan bidang). "
            "Bila belum tampil: klik kanan di sini, lalu pilih Perbarui Bidang (Update Field); di LibreOffice: "
            "Alat > Perbarui > Perbarui Semua.")


def to_docx(outline: t.Outline) -> bytes:
    """The Word file of `outline`: a pure function of it (same outline, same bytes)."""
    import docx  # python-docx: only this export needs it

    doc = docx.Document()
    _page(doc, outline)
    _styles(doc)
    _properties(doc, outline)
    _cover(doc, outline)
    _toc(doc)
    lists = _Lists(doc)
    for part in outline.parts:
        _part(doc, part, lists)
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


# --- XML helpers (python-docx has no API for fields, borders, shading or repeated headers) ------

def _el(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _field(paragraph: Any, instruction: str, shown: str, size: float | None = None) -> None:
    """A complex field (PAGE, NUMPAGES, TOC) with `shown` as its result until Word updates it."""
    from docx.shared import Pt

    def run(*children: Any, text: str | None = None) -> None:
        r = paragraph.add_run(text)
        if size:
            r.font.size = Pt(size)
        for child in children:
            r._r.append(child)

    run(_el("w:fldChar", fldCharType="begin", dirty="true"))
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(_el("w:fldChar", fldCharType="separate"))
    run(text=shown)
    run(_el("w:fldChar", fldCharType="end"))


def _box(paragraph: Any, colour: str, fill: str) -> None:
    """A bordered, shaded paragraph: a note nobody overlooks."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = _el("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_el(f"w:{side}", val="single", sz="12", space="4", color=colour))
    ppr.append(borders)
    ppr.append(_el("w:shd", val="clear", color="auto", fill=fill))


def _shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=fill))


def _set_font(style: Any, size: float, bold: bool | None = None) -> None:
    """`style` in FONT at `size` pt, black: the theme's fonts and colours removed (Word prefers them)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:color")):
        rpr.remove(old)
    rpr.insert(0, _el("w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT))
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold


# --- set-up ----------------------------------------------------------------------

def _page(doc: Any, outline: t.Outline) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, right, bottom, left = MARGINS_MM
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = (
        Mm(top), Mm(right), Mm(bottom), Mm(left))
    section.header_distance = section.footer_distance = Mm(12)
    section.different_first_page_header_footer = True  # the cover carries its own marks
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if outline.draft:
        mark = header.add_run(f"{DRAFT} - belum final  ")
        mark.bold, mark.font.color.rgb = True, RGBColor.from_string(RED)
    label = header.add_run(clean(f"LKjIP {outline.year} · {outline.agency}"))
    label.font.size, label.font.color.rgb = Pt(8), RGBColor.from_string(GREY)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Halaman ").font.size = Pt(9)
    _field(footer, "PAGE", "1", 9)
    footer.add_run(" dari ").font.size = Pt(9)
    _field(footer, "NUMPAGES", "1", 9)
    # Word asks to update the fields (the table of contents) when the file opens
    doc.settings.element.append(_el("w:updateFields", val="true"))


def _styles(doc: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    _set_font(normal, 11)
    normal.element.get_or_add_rPr().append(_el("w:lang", val="id-ID"))
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11), ("Heading 4", 11),
                       ("Heading 5", 11), ("Heading 6", 11), ("Caption", 9), ("TOC Heading", 14)):
        _set_font(doc.styles[name], size, True)
        doc.styles[name].paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
        doc.styles[name].paragraph_format.space_after = Pt(6)
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["TOC Heading"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["Heading 4"].font.italic = False
    doc.styles["Caption"].paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3"):
        rpr = doc.styles[name].element.rPr
        if rpr is not None:  # the list styles follow Normal's font
            for old in rpr.findall(qn("w:rFonts")):
                rpr.remove(old)


def _properties(doc: Any, outline: t.Outline) -> None:
    import datetime as dt

    props = doc.core_properties
    fixed = dt.datetime(2000, 1, 1)  # no date is claimed; deterministic_zip writes the same
    props.title = clean(outline.title)
    props.subject = clean(f"Laporan Kinerja {outline.agency} Tahun {outline.year}")
    props.author = props.last_modified_by = clean(outline.agency)
    props.created = props.modified = fixed
    props.revision = 1
    props.language = "id-ID"
    props.comments = props.keywords = props.category = ""


# --- the cover and the table of contents -----------------------------------------

def _centred(doc: Any, text: str, size: float, bold: bool = True, colour: str | None = None,
             after: float = 6) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(after)
    run = p.add_run(clean(text))
    run.bold, run.font.size = bold, Pt(size)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return p


def _kop(doc: Any, outline: t.Outline) -> None:
    """The letterhead: the logo beside the government and the agency in capitals, the address,
    and the double rule under them."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    head = outline.letterhead
    lines = ((head.government.upper(), 13), (head.name.upper(), 15))
    if head.logo:
        table = doc.add_table(rows=1, cols=2)
        table.autofit = False
        logo_cell, text_cell = table.rows[0].cells
        logo_cell.width, text_cell.width = Mm(28), Mm(TEXT_WIDTH_MM - 28)
        table.columns[0].width, table.columns[1].width = Mm(28), Mm(TEXT_WIDTH_MM - 28)
        logo_cell.paragraphs[0].add_run().add_picture(io.BytesIO(head.logo), height=Mm(24))
        first = text_cell.paragraphs[0]
        for i, (text, size) in enumerate(lines):
            p = first if i == 0 else text_cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(clean(text))
            run.bold, run.font.size = True, Pt(size)
        address = text_cell.add_paragraph()
        address.alignment = WD_ALIGN_PARAGRAPH.CENTER
        address.add_run(clean(head.address)).font.size = Pt(9)
    else:
        for text, size in lines:
            _centred(doc, text, size, after=0)
        _centred(doc, head.address, 9, bold=False, after=0)
    rule = doc.add_paragraph()
    rule._p.get_or_add_pPr().append(_rule())


def _rule() -> Any:
    borders = _el("w:pBdr")
    borders.append(_el("w:bottom", val="thinThickSmallGap", sz="24", space="1", color="000000"))
    return borders


def _cover(doc: Any, outline: t.Outline) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    _kop(doc, outline)
    for _ in range(4):
        doc.add_paragraph()
    _centred(doc, t.COVER_TITLE, 18)
    _centred(doc, f"TAHUN {outline.year}", 18, after=30)
    _centred(doc, outline.agency.upper(), 14)
    _centred(doc, outline.letterhead.government.upper(), 12, after=30)
    if outline.draft:
        _centred(doc, DRAFT, 40, colour=RED, after=12)
        p = doc.add_paragraph()
        _box(p, RED, "FDECEA")
        label = p.add_run(f"{DRAFT}. ")
        label.bold = True
        p.add_run(clean(" ".join(outline.reasons)))
        for run in p.runs:
            run.font.size = Pt(9.5)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _toc(doc: Any) -> None:
    from docx.enum.text import WD_BREAK

    doc.add_paragraph(t.TOC_TITLE, style="TOC Heading")
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', TOC_HINT)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --- the body --------------------------------------------------------------------

class _Lists:
    """Numbered lists: each list of the staff's Markdown starts at its own first number (a new
    numbering instance of the list style's definition), not where the previous list ended."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc

    def restart(self, paragraph: Any, style: str, start: int) -> None:
        numbering = self.doc.part.numbering_part.element
        num_pr = self.doc.styles[style].element.pPr.numPr
        abstract = numbering.num_having_numId(int(num_pr.numId.val)).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        mine = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        mine.get_or_add_ilvl().val = 0
        mine.get_or_add_numId().val = num.numId
        self.current = num.numId

    def follow(self, paragraph: Any) -> None:
        """An item after the first of a restarted list: the same numbering instance."""
        if getattr(self, "current", None) is not None:
            mine = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            mine.get_or_add_ilvl().val = 0
            mine.get_or_add_numId().val = self.current


def _runs(paragraph: Any, line: Line) -> None:
    for span in line.spans:
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None


def _prose(doc: Any, part: t.Prose, lists: _Lists) -> None:
    base = max(part.level, 2)
    for line in markdown(part.text, part.title):
        if line.kind == HEADING:
            p = doc.add_paragraph(style=f"Heading {min(base + 1 + line.level, 6)}")
        elif line.kind == BULLET:
            p = doc.add_paragraph(style="List Bullet" + ("" if not line.level else f" {line.level + 1}"))
        elif line.kind == NUMBER:
            style = "List Number" + ("" if not line.level else f" {line.level + 1}")
            p = doc.add_paragraph(style=style)
            if line.restart:
                lists.restart(p, style, line.start)
            else:
                lists.follow(p)
        else:
            p = doc.add_paragraph()
            p.paragraph_format.alignment = 3  # justified
        _runs(p, line)


def _notice(doc: Any, label: str, text: str, colour: str, fill: str) -> None:
    from docx.shared import RGBColor

    p = doc.add_paragraph()
    _box(p, colour, fill)
    head = p.add_run(clean(label) + " ")
    head.bold, head.font.color.rgb = True, RGBColor.from_string(colour)
    p.add_run(clean(text))


def _part(doc: Any, part: t.Part, lists: _Lists) -> None:
    from docx.enum.text import WD_BREAK

    if isinstance(part, t.Heading):
        if part.level == 1 and len(doc.paragraphs) > 0 and doc.paragraphs[-1].style.name != "TOC Heading":
            last = doc.paragraphs[-1]
            if not _ends_with_break(last):
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_paragraph(clean(part.text), style=f"Heading {part.level}")
    elif isinstance(part, t.Prose):
        _prose(doc, part, lists)
    elif isinstance(part, t.Missing):
        _notice(doc, t.NOT_WRITTEN, part.text, RED, "FFF2CC")
    elif isinstance(part, t.Notice):
        _notice(doc, part.label, part.text, RED, "FDECEA")
    elif isinstance(part, t.Para):
        doc.add_paragraph(clean(part.text))
    else:
        _grid(doc, part)


def _ends_with_break(paragraph: Any) -> bool:
    return any(br.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type") == "page"
               for br in paragraph._p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br"))


# --- tables ----------------------------------------------------------------------

def _cell_text(cell: Any, text: str, size: float, bold: bool = False, italic: bool = False,
               right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(clean(text))
    run.font.size = Pt(size)
    run.bold = bold or None
    if italic:
        run.italic = True
        run.font.color.rgb = RGBColor.from_string(GREY)


def _row_flags(row: Any, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:cantSplit"))
    if header:
        trpr.append(_el("w:tblHeader"))  # repeated at the top of every page the table runs onto


def _grid(doc: Any, grid: t.Grid) -> None:
    from docx.shared import Mm

    doc.add_paragraph(clean(grid.caption), style="Caption")
    table = doc.add_table(rows=1, cols=len(grid.headers))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    total = sum(grid.widths)
    widths = [Mm(TEXT_WIDTH_MM * w / total) for w in grid.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the table grid: what LibreOffice lays out by (Word reads the cells' widths)
    head = table.rows[0]
    _row_flags(head, header=True)
    for i, (cell, title) in enumerate(zip(head.cells, grid.headers, strict=True)):
        cell.width = widths[i]
        _shade(cell, "D9D9D9")
        _cell_text(cell, title, 9, bold=True)
    starts: dict[int, int] = {}  # column -> the row where the cell now continued began
    for row in grid.rows:
        _grid_row(table, grid, row, widths, starts)
    doc.add_paragraph()


def _grid_row(table: Any, grid: t.Grid, row: t.GridRow, widths: list[Any], starts: dict[int, int]) -> None:
    r = table.add_row()
    _row_flags(r)
    index = len(table.rows) - 1
    cells = r.cells
    for i, cell in enumerate(cells):
        cell.width = widths[i]
    if row.kind == "note":
        merged = cells[1].merge(cells[-1])
        _cell_text(merged, row.cells[1], 8, italic=False)
        table.cell(starts.get(0, index - 1), 0).merge(cells[0])
        return
    continued = (0, 1) if row.continues else ()
    for i, text in enumerate(row.cells):
        if i in continued:
            table.cell(starts[i], i).merge(cells[i])
            continue
        starts[i] = index
        _cell_text(cells[i], text, 9, bold=row.kind == "total", italic=i in row.faint, right=i in grid.right)
    if row.kind == "total":
        for cell in cells:
            _shade(cell, "F2F2F2")
