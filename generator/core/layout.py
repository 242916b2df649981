"""Where rkt's own products live in a repository (names only): what `rkt build` writes and
keeps, which is never data and never belongs under version control."""

from __future__ import annotations

# generated part of docs/ (everything else there, panduan/, css/, js/, vendor/, is hand-written)
GENERATED_DOCS = ("index.md", "arsip.md", "sop.md", "label.md", "tren.md", "isi-form.md", "laporan-triwulan.md",
                  "capaian.md", "siklus", "rkt", "grafik", "unduh", "data")
# generated pages named by a pattern: each year's capaian page (capaian-<year>.md)
GENERATED_PATTERNS = ("capaian-*.md",)
CACHE = ".rkt-cache"
SITE = "site"

# tracked, any of these would be published or served without being made by rkt: the caches, the
# built site and its work folders, the generated pages
NEVER_TRACKED = (f"{CACHE}/", f"{SITE}/", f"{SITE}.tmp-", f"{SITE}.old-", ".cache/",
                 *(f"docs/{name}" + ("" if name.endswith(".md") else "/") for name in GENERATED_DOCS),
                 *(f"docs/{pattern.partition('*')[0]}" for pattern in GENERATED_PATTERNS))
