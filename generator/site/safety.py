"""What a build may publish, and what it may delete.

After each build: prove that nothing a user typed became active content,
and that the site loads nothing from outside itself.

Scans every built HTML page. Inside the page content (<article>): no script,
frame, object, embed, form, style or base element; no event-handler attribute
(`on...`); no `javascript:`/`vbscript:`/`data:` URL; no style attribute. On the
whole page: every loaded resource (script, stylesheet, image, icon, frame,
font in CSS) is a relative URL. A finding fails the build.

Every published workbook, PDF, CSV and chart is scanned as well (`inert`): no formula,
script, macro or link out of it.

Before and after: a build never deletes a file it did not write. A site folder
of ours carries a marker listing its files; only those are ever removed.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from generator.site import inert

_BANNED_IN_CONTENT = {"script", "iframe", "frame", "object", "embed", "form", "style", "base", "meta", "link",
                      "input", "button", "textarea", "select", "svg", "math"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
# a URL with a scheme or a protocol-relative one leaves the site; data: stays inline
_EXTERNAL = re.compile(r"^\s*(?!data:)(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_CSS_URL = re.compile(r"""(?:@import\s+|url\()\s*['"]?\s*((?!data:)(?:[a-z][a-z0-9+.-]*:|//)[^'")\s]*)""", re.I)


_LOADING_TAGS = ("script", "img", "iframe", "source", "audio", "video", "embed")
_LOADING_RELS = ("icon", "preload", "modulepreload")


def _loaded_url(tag: str, values: dict[str, str]) -> str | None:
    """The URL of the resource this tag makes the page load, or None when it loads none."""
    rel = values.get("rel", "")
    if (tag in _LOADING_TAGS and "src" in values) or (tag == "link" and ("stylesheet" in rel or rel in _LOADING_RELS)):
        return values.get("src") or values.get("href", "")
    return None


def _content_findings(tag: str, values: dict[str, str], where: str) -> list[str]:
    """What this tag, inside the page content, may not be or carry."""
    findings = [f"{where}: elemen <{tag}> di dalam isi halaman"] if tag in _BANNED_IN_CONTENT else []
    for name, value in values.items():
        if name.startswith("on"):
            findings.append(f"{where}: atribut {name} di dalam isi halaman")
        if name == "style":
            findings.append(f"{where}: atribut style di dalam isi halaman")
        if name in _URL_ATTRS and _BAD_SCHEME.match(value):
            findings.append(f"{where}: tautan {value[:40]!r} di dalam isi halaman")
    return findings


class _Scanner(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.depth = 0  # inside <article>
        self.json_data = False  # inside the form page's data
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
        url = _loaded_url(tag, values)
        if url is not None and _EXTERNAL.match(url):
            self.findings.append(f"{where}: memuat sumber dari luar situs: {url}")
        if self.depth:
            self.findings += _content_findings(tag, values, where)

    def handle_data(self, data: str) -> None:
        if self.json_data and "<" in data:
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
    # the downloads, charts and scans too: whatever put them there (rkt, a cache, an archive)
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix.lower() in inert.SCANS):
        findings += inert.scan_file(path, path.relative_to(site).as_posix())
    return findings


# --- the site folder: a build never deletes what it did not write ----------

MARKER = ".rkt-situs.json"
_MARKER_NOTE = ("Folder ini dibuat oleh 'rkt build'. Berkas yang tercantum di sini diganti pada pembangunan "
                "berikutnya; berkas lain di folder ini tidak pernah dihapus.")
# the repository's data, sources and tools: never a site folder, not even with --paksa
NEVER = ("cycles", "schemas", "docs", "generator", "tests", "benchmarks", "requirements", ".git", ".github",
         ".ci", ".venv", ".rkt-cache", ".cache")  # .cache: Zensical's own cache


def _listed(folder: Path) -> list[str] | None:
    """The files our marker in `folder` names, or None when `folder` is not a site of ours."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("berkas") if isinstance(data, dict) and data.get("dibuat_oleh") == "rkt build" else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    # a marker is only trusted for paths inside its own folder
    return [f for f in files if f and not f.startswith("/") and ".." not in Path(f).parts]


def site_refusal(root: Path, site: Path, force: bool) -> str | None:
    """Why `site` may not be built into (Indonesian), or None.

    Even with `force`, never the repository, a folder above it, the home folder, or the
    data and code folders: forcing is for a folder outside the repository or one with
    someone else's files in it, and even then those files are moved aside, not deleted.
    """
    root, site, home = root.resolve(), site.resolve(), Path.home().resolve()
    if site == root or site in root.parents or site == home or site in home.parents:
        return (f"{site} adalah repositori ini, folder rumah pengguna, atau folder induk salah satunya; situs tidak "
                f"pernah dibangun di sana")
    if root in site.parents:
        top = site.relative_to(root).parts[0]
        if top in NEVER:
            return f"{site} berada di {top}/, yang berisi data atau kode repositori; pilih folder lain (bawaan: site/)"
    elif not force:
        return (f"{site} berada di luar repositori {root}; tambahkan --paksa bila memang folder itu yang "
                f"dimaksud (isi lamanya yang bukan buatan rkt dipindahkan, tidak dihapus)")
    blocking = next((p for p in (site, *site.parents) if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        return f"{site}: {blocking} adalah berkas, bukan folder; pilih folder lain"
    if not force and site.is_dir() and _listed(site) is None and any(site.iterdir()):
        return (f"{site} berisi berkas yang bukan situs buatan rkt (penanda {MARKER} tidak ada); kosongkan "
                f"folder itu, pilih folder lain, atau tambahkan --paksa (isi lamanya dipindahkan, tidak dihapus)")
    return None


def mark(site: Path) -> None:
    """Record every file of a freshly built `site` as ours (sorted: the same site, the same bytes)."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != MARKER)
    text = json.dumps({"dibuat_oleh": "rkt build", "keterangan": _MARKER_NOTE, "berkas": files},
                      ensure_ascii=False, indent=1)
    (site / MARKER).write_text(text + "\n", encoding="utf-8")


def remove_ours(folder: Path) -> list[str]:
    """Delete the files our marker in `folder` lists, then the folders left empty.
    Returns what stays (someone else's files; then `folder` stays too)."""
    for rel in _listed(folder) or []:
        path = folder / rel
        if path.is_symlink() or path.is_file():  # a link is removed, never what it points to
            path.unlink()
    (folder / MARKER).unlink(missing_ok=True)
    for dirpath, _, _ in os.walk(folder, topdown=False):
        if not os.listdir(dirpath):
            os.rmdir(dirpath)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []
