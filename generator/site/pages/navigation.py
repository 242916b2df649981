"""The pages that help find the others: the tag index and the page for an address that does not exist."""

from __future__ import annotations

from generator.site.pages.markup import front


def page_tags() -> str:
    return front("Label") + "# Label\n\n<!-- material/tags -->\n"


def page_not_found() -> str:
    """The 404 page, in Indonesian (the theme's own says "404 - Not found")."""
    return ("---\ntitle: Halaman tidak ditemukan\nsearch:\n  exclude: true\n---\n\n"
            "# Halaman tidak ditemukan\n\n"
            "Halaman yang Anda buka tidak ada di dasbor ini. Mungkin alamatnya salah ketik, atau halaman itu "
            "sudah dipindahkan.\n\n"
            "[Kembali ke Beranda](index.md) atau pilih halaman lain dari menu.\n")
