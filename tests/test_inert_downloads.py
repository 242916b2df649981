"""Every file a build publishes beside its pages is inert (issue 20, attack 1): the safety scan
refuses a workbook with a formula, macro or outside link, a PDF with a script, launch, link or
attachment (also hidden in a compressed stream or behind #xx name escapes), a CSV cell a
spreadsheet reads as a formula and a chart with a script; what rkt itself publishes passes."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook
from pdf import minimal_pdf
from support.cli import rkt
from support.repos import ROOT

from generator.site.inert import scan_file
from generator.site.safety import scan_site

TODAY = "2026-11-28"


def workbook(**cells: str) -> bytes:
    wb = Workbook()
    for ref, value in cells.items():
        wb.active[ref] = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def linked_workbook() -> bytes:
    wb = Workbook()
    wb.active["A1"] = "RKT"
    wb.active["A1"].hyperlink = "http://contoh.invalid/unduh"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_with(action: bytes, compressed: bool = False) -> bytes:
    body = b"<< /Type /Action /S " + action + b" >>"
    if compressed:
        stream = zlib.compress(body)
        return minimal_pdf(["RKT"]).replace(b"%%EOF", b"9 0 obj << /Filter /FlateDecode /Length %d >>\nstream\n"
                                            % len(stream) + stream + b"\nendstream\nendobj\n%%EOF")
    return minimal_pdf(["RKT"]).replace(b"%%EOF", b"9 0 obj " + body + b" endobj\n%%EOF")


HOSTILE = {
    "formula.xlsx": workbook(A1='=HYPERLINK("http://contoh.invalid","Klik")'),
    "tautan.xlsx": linked_workbook(),
    "skrip.pdf": pdf_with(b"/JavaScript /JS (app.alert(1))"),
    "skrip-tersembunyi.pdf": pdf_with(b"/J#61vaScript", compressed=True),
    "luncur.pdf": pdf_with(b"/Launch /F (cmd.exe)"),
    "tautan.pdf": pdf_with(b"/URI /URI (http://contoh.invalid)"),
    "rumus.csv": "kode;uraian\r\n1;=cmd|' /C calc'!A0\r\n".encode("utf-8-sig"),
    "skrip.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "pemicu.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_download_is_found(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    findings = scan_file(path, f"unduh/{name}")
    assert findings and all(f.startswith(f"unduh/{name}: ") for f in findings), findings


def test_a_site_holding_one_is_refused_by_the_safety_scan(tmp_path):
    site = tmp_path / "site"
    (site / "unduh").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><article><p>Beranda</p></article></body></html>")
    (site / "unduh/rkt-2027.xlsx").write_bytes(HOSTILE["formula.xlsx"])
    assert scan_site(site) == ["unduh/rkt-2027.xlsx: memuat rumus (formula)"]


def test_what_rkt_exports_is_inert(tmp_path):
    for document, kind in (("rkt", "pdf"), ("rkt", "xlsx"), ("rkt", "csv"), ("pk", "pdf"), ("pk", "xlsx")):
        out = tmp_path / f"{document}.{kind}"
        proc = rkt(ROOT, "export", "2026", "--document", document, "--format", kind, "--out", str(out),
                   "--today", TODAY)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert scan_file(out, out.name) == [], out.name
    for scan in sorted((ROOT / "cycles").rglob("*.pdf")):  # the archived signed scans of the example
        assert scan_file(scan, scan.name) == [], scan.name


def test_plain_text_that_names_an_action_is_not_one(tmp_path):
    """A scan whose text says "JavaScript" or a CSV with a lone "-" is no finding."""
    path: Path = tmp_path / "teks.pdf"
    path.write_bytes(minimal_pdf(["Pelatihan JavaScript dan URI untuk ASN"]))
    assert scan_file(path, "teks.pdf") == []
    csv_path = tmp_path / "rkt.csv"
    csv_path.write_bytes("kode;target\r\n1;-\r\n2;'-5\r\n".encode("utf-8-sig"))
    assert scan_file(csv_path, "rkt.csv") == []
