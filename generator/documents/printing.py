"""The print engine: HTML documents to PDF through WeasyPrint, and the HTML pieces that every
printed document (the RKT and the Perjanjian Kinerja) shares.

A printed document is self-contained: the logo is embedded as a data URI and nothing is ever
fetched while printing, so a document renders the same offline and cannot reach the network.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from generator.core.model import Agency


def escape(value: object) -> str:
    """Text for an HTML element or attribute; line breaks stay line breaks."""
    return html.escape("" if value is None else str(value), quote=True).replace("\n", "<br>")


def css_string(text: str) -> str:
    """Text for a CSS string inside the <style> element (no quote, backslash or tag can end it)."""
    return re.sub(r'[\\"<>\n\r]', lambda m: f"\\{ord(m.group()):x} ", text)


def spanned_table(table_class: str, headers: list[str], css: dict[str, str],
                  groups: Iterable[tuple[int, str, list[tuple[list, bool]]]]) -> list[str]:
    """A performance table as the documents print it: numbered per sasaran, the No and Sasaran
    cells spanning the sasaran's indicators. `groups`: (number, sasaran, [(cells, filled)]); a
    Target not filled in yet is marked. The caller closes the table."""
    out = [f"<table class='{table_class}'><thead><tr>",
           *(f"<th{css.get(h, '')}>{escape(h)}</th>" for h in headers), "</tr></thead><tbody>"]
    for number, objective, rows in groups:
        span = f" rowspan='{len(rows)}'" if len(rows) > 1 else ""
        for i, (cells, filled) in enumerate(rows):
            out.append("<tr>")
            if i == 0:
                out.append(f"<td class='num'{span}>{number}</td><td{span}>{escape(objective)}</td>")
            for h, cell in zip(headers[2:], cells, strict=True):  # one cell per header after No and Sasaran
                cls = " class='tgt belum'" if h == "Target" and not filled else css.get(h, "")
                out.append(f"<td{cls}>{escape(cell)}</td>")
            out.append("</tr>")
    return out


def logo_uri(agency: Agency) -> str | None:
    """The logo as a data URI: embedded in the document, never fetched."""
    import base64

    data = agency.logo_data
    if not data:
        return None
    mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg" if data.startswith(b"\xff\xd8") else None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}" if mime else None


def to_pdf(document: str) -> bytes:
    import weasyprint  # imported here: only exports need it (and its system libraries)
    from weasyprint.urls import URLFetcher

    # everything the document shows is inside it (the logo as a data URI): nothing is fetched
    return weasyprint.HTML(string=document, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf()
