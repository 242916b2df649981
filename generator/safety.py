"""After each build: prove that nothing a user typed became active content,
and that the site loads nothing from outside itself.

Scans every built HTML page. Inside the page content (<article>): no script,
frame, object, embed, form, style or base element; no event-handler attribute
(`on...`); no `javascript:`/`vbscript:`/`data:` URL; no style attribute. On the
whole page: every loaded resource (script, stylesheet, image, icon, frame,
font in CSS) is a relative URL. A finding fails the build.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_BANNED_IN_CONTENT = {"script", "iframe", "frame", "object", "embed", "form", "style", "base", "meta", "link",
                      "input", "button", "textarea", "select", "svg", "math"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
# a URL with a scheme or a protocol-relative one leaves the site; data: stays inline
_EXTERNAL = re.compile(r"^\s*(?!data:)(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_CSS_URL = re.compile(r"""(?:@import\s+|url\()\s*['"]?\s*((?!data:)(?:[a-z][a-z0-9+.-]*:|//)[^'")\s]*)""", re.I)


class _Scanner(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.depth = 0  # inside <article>
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"{self.page}:{self.getpos()[0]}"
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "article":
            self.depth += 1
        if tag == "script" and values.get("type") == "application/json" and values.get("id") == "rkt-form-data":
            self.json_data = True  # inert data for the form page; its text is checked in handle_data
            return
        # resources loaded by the page, anywhere on it
        loads = (tag in ("script", "img", "iframe", "source", "audio", "video", "embed")
                 and "src" in values) or (tag == "link" and "stylesheet" in values.get("rel", "")
                                          or tag == "link" and values.get("rel", "") in ("icon", "preload", "modulepreload"))
        if loads:
            url = values.get("src") or values.get("href", "")
            if _EXTERNAL.match(url):
                self.findings.append(f"{where}: memuat sumber dari luar situs: {url}")
        if not self.depth:
            return
        if tag in _BANNED_IN_CONTENT:
            self.findings.append(f"{where}: elemen <{tag}> di dalam isi halaman")
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(f"{where}: atribut {name} di dalam isi halaman")
            if name == "style":
                self.findings.append(f"{where}: atribut style di dalam isi halaman")
            if name in _URL_ATTRS and _BAD_SCHEME.match(value):
                self.findings.append(f"{where}: tautan {value[:40]!r} di dalam isi halaman")

    def handle_data(self, data: str) -> None:
        if getattr(self, "json_data", False) and "<" in data:
            self.findings.append(f"{self.page}:{self.getpos()[0]}: data form memuat '<'")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.json_data = False
        if tag == "article" and self.depth:
            self.depth -= 1


def scan_html(text: str, page: str) -> list[str]:
    scanner = _Scanner(page)
    scanner.feed(text)
    scanner.close()
    return scanner.findings


def scan_site(site: Path) -> list[str]:
    findings: list[str] = []
    for path in sorted(site.rglob("*.html")):
        findings += scan_html(path.read_text(encoding="utf-8", errors="replace"), path.relative_to(site).as_posix())
    for path in sorted(site.rglob("*.css")):
        for m in _CSS_URL.finditer(path.read_text(encoding="utf-8", errors="replace")):
            findings.append(f"{path.relative_to(site).as_posix()}: memuat sumber dari luar situs: {m.group(1)}")
    return findings
