"""The LKjIP as Word and PDF (`rkt export YEAR --document lkjip --format docx|pdf`): real Word
headings, tables, a table-of-contents field and page numbers, A4; the kop with its logo; the
staff's Markdown as paragraphs and lists, as text; a part nobody wrote marked, never invented; a
DRAF marked; deterministic bytes. The Word file is opened by LibreOffice (headless) as a user's
office suite would open it, and its text read."""

from __future__ import annotations

import dataclasses
import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.ci import unless
from support.cli import rkt
from support.repos import TODAY, copy_example
from support.text import flat

from generator.commands.preconditions import valid_repository
from generator.core import fmt
from generator.core.lkjip import sections
from generator.documents import lkjip_export
from generator.documents.lkjip_docx import to_docx
from generator.documents.lkjip_markdown import markdown
from generator.documents.lkjip_outline import outline
from generator.documents.lkjip_pdf import to_pdf
from generator.documents.provenance import Source
from generator.plan.derive import derive
from generator.plan.lkjip import Lkjip, lkjip
from generator.source.narrative import read_sections

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = unless(SOFFICE is None, "LibreOffice (soffice) is not installed",
                      "apt-get install -y libreoffice-writer-nogui (.ci/run installs it)")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



def _png() -> bytes:
    """A small grey square as a PNG: the agency's logo on the kop."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


LOGO = _png()

SUMMARY = """# IKHTISAR EKSEKUTIF
<!-- petunjuk: tidak dicetak -->
Tahun ini **capaian utama** tercapai dan *sebagian* indikator melampaui target. <script>alert(1)</script>

- Indeks Sistem Merit naik.
- Layanan administrasi lebih cepat.

1. Perkuat pemantauan.
2. Percepat laporan.

Langkah lanjutan:

1. Evaluasi triwulanan.
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Lkjip:
    """The example's LKjIP (TW III reported, so a DRAF), built by plan/lkjip.py, with the executive
    summary written, the rest not, and a logo on the kop."""
    root = copy_example(tmp_path_factory.mktemp("lkjip") / "repo")
    checked = valid_repository(root, TODAY)
    assert not isinstance(checked, type(None)) and hasattr(checked, "repo"), checked
    d = derive(root, checked.result.repository, checked.today)
    texts, problems = read_sections(root, 2026, sections(d.repo.renstra.objectives))
    assert problems == []
    lk = lkjip(2026, d, {**texts, "ikhtisar-eksekutif": SUMMARY})
    assert isinstance(lk, Lkjip), lk
    return dataclasses.replace(lk, letterhead=dataclasses.replace(lk.letterhead, logo=LOGO))


@pytest.fixture(scope="module")
def docx_bytes(made: Lkjip) -> bytes:
    return to_docx(outline(made, fmt.number))


def _document(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def _converted(data: bytes, folder: Path, to: str) -> str | bytes:
    """The Word file as LibreOffice opens it, saved as text ("txt") or PDF ("pdf")."""
    source = folder / "lkjip.docx"
    source.write_bytes(data)
    profile = (folder / "profil").as_uri()
    filter_name = "txt:Text (encoded):UTF8" if to == "txt" else "pdf"
    subprocess.run([SOFFICE or "soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    filter_name, "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=240)
    result = folder / f"lkjip.{to}"
    return result.read_text(encoding="utf-8-sig") if to == "txt" else result.read_bytes()


CHAPTERS = ["IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA",
            "BAB IV PENUTUP", "LAMPIRAN"]


def test_headings_are_word_headings_in_the_order_of_the_report(docx_bytes):
    doc = _document(docx_bytes)
    chapters = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert chapters == CHAPTERS
    seconds = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert seconds[:2] == ["A. Capaian Kinerja Organisasi", "B. Realisasi Anggaran"]
    thirds = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert thirds[0] == "Sasaran Strategis 1: Meningkatnya penerapan sistem merit dalam manajemen ASN"
    assert len(thirds) == 5


def test_tables_are_word_tables_with_repeated_header_rows(docx_bytes):
    doc = _document(docx_bytes)
    grids = [t for t in doc.tables if t.rows[0].cells[0].text == "No"]
    assert len(grids) > 20
    for table in grids:
        assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    capaian = next(t for t in grids if [c.text for c in t.rows[0].cells] ==
                   ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"])
    # the year is not complete: the capaian is measured against TW III's target, printed beside the year's
    assert [c.text for c in capaian.rows[1].cells] == ["1.1", "Indeks Sistem Merit", "indeks", "0,66 (s.d. TW III: 0,65)", "0,65",
                                                       "100,00%"]
    # the row under it: the category and the formula with its numbers, across the columns
    note = capaian.rows[2].cells[1].text
    assert "Kategori: Sangat Baik" in note and "0,65 / 0,65 × 100% = 100,00%" in note
    assert capaian.rows[2].cells[1]._tc is capaian.rows[2].cells[5]._tc  # one merged cell
    # the table grid carries the columns' widths (LibreOffice lays a table out by it): the indicator's text
    # column is the widest, the number column the narrowest, not six equal columns
    grid = [int(c.get(f"{W}w")) for c in capaian._tbl.tblGrid.findall(f"{W}gridCol")]
    assert grid.index(max(grid)) == 1 and grid.index(min(grid)) == 0


def test_toc_and_page_number_fields_a4_and_the_kop_logo(docx_bytes):
    doc = _document(docx_bytes)
    body = doc.element.body
    instructions = [i.text for i in body.iter(f"{W}instrText")]
    assert any(i.strip().startswith('TOC \\o "1-3"') for i in instructions)
    section = doc.sections[0]
    footer = [i.text.strip() for i in section.footer._element.iter(f"{W}instrText")]
    assert footer == ["PAGE", "NUMPAGES"]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.page_width < section.page_height
    assert len(doc.inline_shapes) == 1  # the logo on the cover
    assert doc.settings.element.find(f"{W}updateFields") is not None


def test_a_draft_is_marked_on_the_cover_and_in_the_header(docx_bytes, made):
    doc = _document(docx_bytes)
    assert made.draft
    assert "DRAF" in doc.sections[0].header.paragraphs[0].text
    cover = [p.text for p in doc.paragraphs[:20]]
    assert "DRAF" in cover
    assert any(p.startswith("DRAF. Angka belum final: TW IV 2026 belum berakhir.") for p in cover)


def test_final_lkjip_has_no_draft_mark(made):
    written = {n.key: dataclasses.replace(n, text="Uraian.") for n in made.narratives}
    final = dataclasses.replace(
        made, incomplete=(), executive_summary=written[made.executive_summary.key],
        introduction=written[made.introduction.key], planning=written[made.planning.key],
        budget_text=written[made.budget_text.key], closing=written[made.closing.key],
        objectives=tuple(dataclasses.replace(o, analysis=written[o.analysis.key]) for o in made.objectives))
    assert not final.draft
    doc = _document(to_docx(outline(final, fmt.number)))
    assert "DRAF" not in doc.sections[0].header.paragraphs[0].text
    assert all("DRAF" not in p.text for p in doc.paragraphs)


def test_markdown_becomes_paragraphs_lists_and_emphasis_as_text(docx_bytes):
    doc = _document(docx_bytes)
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "IKHTISAR EKSEKUTIF" and p.style.name == "Heading 1")
    part = paragraphs[start + 1:start + 9]
    first = part[0]
    assert first.text == ("Tahun ini capaian utama tercapai dan sebagian indikator melampaui target. "
                          "<script>alert(1)</script>")
    assert [r.text for r in first.runs if r.bold] == ["capaian utama"]
    assert [r.text for r in first.runs if r.italic] == ["sebagian"]
    assert [(p.style.name, p.text) for p in part[1:7]] == [
        ("List Bullet", "Indeks Sistem Merit naik."), ("List Bullet", "Layanan administrasi lebih cepat."),
        ("List Number", "Perkuat pemantauan."), ("List Number", "Percepat laporan."),
        ("Normal", "Langkah lanjutan:"), ("List Number", "Evaluasi triwulanan.")]
    # each numbered list starts again at 1: its own numbering instance
    ids = [p._p.pPr.numPr.numId.val for p in (part[3], part[4], part[6])]
    assert ids[0] == ids[1] != ids[2]
    assert "petunjuk: tidak dicetak" not in "\n".join(p.text for p in paragraphs)
    # nothing typed becomes a field or a link
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml")
    assert b"<w:hyperlink" not in xml and b"&lt;script&gt;" in xml


def test_markdown_subset():
    lines = markdown("# Judul\n\n**a** _b_ snake_case [x](https://e.test) `k`\n\n3. tiga\n4. empat\n", "Judul")
    assert [(line.kind, line.text) for line in lines] == [
        ("para", "a b snake_case x (https://e.test) k"), ("number", "tiga"), ("number", "empat")]
    assert (lines[1].restart, lines[1].start, lines[2].restart) == (True, 3, False)


def test_same_lkjip_same_bytes(made, docx_bytes):
    again = to_docx(outline(made, fmt.number))
    assert again == docx_bytes
    times = {i.date_time for i in zipfile.ZipFile(io.BytesIO(again)).infolist()}
    assert times == {(2000, 1, 1, 0, 0, 0)}  # no clock time in the zip entries
    core = zipfile.ZipFile(io.BytesIO(again)).read("docProps/core.xml")
    assert b"2000-01-01T00:00:00Z" in core


@pytest.mark.parametrize("to", ["txt"])
@needs_office
def test_libreoffice_opens_the_word_file(docx_bytes, tmp_path, to):
    text = _converted(docx_bytes, tmp_path, to)
    assert isinstance(text, str)
    lines = [line.strip() for line in text.splitlines()]
    positions = [lines.index(h) for h in CHAPTERS]
    assert positions == sorted(positions)
    at = lines.index("Tabel 3.1 Capaian Kinerja Sasaran Strategis 1 Tahun 2026")
    assert lines[at + 1:at + 13] == ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)",
                                     "1.1", "Indeks Sistem Merit", "indeks", "0,66 (s.d. TW III: 0,65)", "0,65",
                                     "100,00%"]
    assert any(line.startswith("[BAGIAN INI BELUM DITULIS] Uraikan: (1) gambaran organisasi") for line in lines)
    assert "Tahun ini capaian utama tercapai" in text
    assert "(isi" not in text
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)" in lines and "TAHUN 2026" in lines


@needs_office
def test_libreoffice_prints_it_on_a4_with_page_numbers(docx_bytes, tmp_path):
    data = _converted(docx_bytes, tmp_path, "pdf")
    assert isinstance(data, bytes)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 8
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    second = flat(reader.pages[2].extract_text())
    assert "Halaman 3 dari" in second and "DRAF" in second


def fonts_of(pdf: bytes, words: str) -> set[str]:
    """The fonts (subset tags aside) of the PDF's text pieces that are `words` (a run of one font is
    one piece)."""
    found: set[str] = set()

    def visit(text, cm, tm, font, size):
        if text.strip() == words and font is not None:
            found.add(str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_pdf_has_the_same_structure(made):
    data = to_pdf(outline(made, fmt.number), Source("abc1234", "0" * 64))
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    at = text.index("IKHTISAR EKSEKUTIF Tahun ini capaian utama")  # after the cover's DRAF note
    for heading in CHAPTERS:  # each chapter after the one before it
        at = text.index(heading, at)
    assert "1.1 Indeks Sistem Merit indeks 0,66 (s.d. TW III: 0,65) 0,65 100,00%" in text
    assert "[BAGIAN INI BELUM DITULIS] Uraikan: (1) gambaran organisasi" in text
    assert "• Indeks Sistem Merit naik." in text and "1. Evaluasi triwulanan." in text
    assert "DRAF. Angka belum final" in text and "(isi" not in text
    assert data == to_pdf(outline(made, fmt.number), Source("abc1234", "0" * 64))
    # the staff's emphasis is printed as the Word file has it: bold and italic runs of the same paragraph
    assert fonts_of(data, "capaian utama") == {"DejaVuSans-Bold"}
    assert fonts_of(data, "sebagian") == {"DejaVuSans-Oblique"}
    assert fonts_of(data, "Tahun ini") == {"DejaVuSans"}  # the rest of the paragraph as it was
    # a table of contents after the cover, and the chapters as the PDF's bookmarks, as Word's navigation has them
    reader = PdfReader(io.BytesIO(data))
    contents = flat(reader.pages[1].extract_text())
    assert "DAFTAR ISI IKHTISAR EKSEKUTIF ....." in contents and all(heading in contents for heading in CHAPTERS)
    marks = [m.title for m in reader.outline if not isinstance(m, list)]
    assert [m for m in marks if m in CHAPTERS] == list(CHAPTERS)


def test_export_command(tmp_path):
    repo = copy_example(tmp_path / "repo")
    out = tmp_path / "out"
    out.mkdir()
    done = rkt(repo, "export", "2026", "--document", "lkjip", "--today", "2027-02-15", "--out",
               str(out / "lkjip.docx"))
    assert done.returncode == 0, done.stderr
    assert "LKjIP 2026 ditulis ke" in done.stdout and "Dokumen ini DRAF" in done.stdout
    assert _document((out / "lkjip.docx").read_bytes()).paragraphs
    wrong = rkt(repo, "export", "2026", "--document", "lkjip", "--format", "xlsx")
    assert wrong.returncode == 2 and "LKjIP dibuat sebagai docx atau pdf, bukan xlsx" in wrong.stderr
    docx_for_rkt = rkt(repo, "export", "2026", "--format", "docx")
    assert docx_for_rkt.returncode == 2 and "hanya untuk --document lkjip" in docx_for_rkt.stderr
    none = rkt(repo, "export", "2027", "--document", "lkjip", "--format", "pdf", "--today", "2026-11-28")
    assert none.returncode == 1 and "LKjIP 2027 tidak dibuat: Rencana Aksi 2027 belum ada" in none.stderr


def test_default_file_names():
    assert lkjip_export.file_name(2026, "docx", True) == "lkjip-2026-draf.docx"
    assert lkjip_export.file_name(2026, "pdf") == "lkjip-2026.pdf"
