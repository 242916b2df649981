"""A tiny, valid, deterministic PDF writer for test fixtures and example scans.

Real scans come from a scanner; tests and the example data only need a small
file that PDF readers open and whose bytes never change between runs.
"""

from __future__ import annotations

from pathlib import Path


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: list[str]) -> bytes:
    """One A4 page with the given lines of (Latin-1) text in Helvetica."""
    content = ["BT", "/F1 28 Tf", "72 760 Td"]
    for i, line in enumerate(lines):
        if i:
            content.append("0 -40 Td")
        content.append(f"({_escape(line)}) Tj")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def scan(tmp_path: Path, name: str, text: str) -> Path:
    """A signed scan as a user would archive it: a one-page PDF named `name` saying `text`."""
    path = tmp_path / name
    path.write_bytes(minimal_pdf([text]))
    return path
