"""The "Isi Form RKT" page: a mount point for the browser form and the data it works from."""

from __future__ import annotations

import re

from generator.site.pages.markup import front

# written as \uXXXX escapes, never raw: markup characters, and every character that is invisible or
# reorders text (controls, C1, zero-width, bidi overrides, line/paragraph separators, BOM): the form's
# own list of forbidden characters holds them, and no page may carry one raw (issue 20)
_ESCAPED = re.compile("[<>&\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                      "\u2060-\u206f\ufeff\ufff9-\ufffb]")


def json_for_html(data: object) -> str:
    """JSON that can sit inside <script type="application/json">: no '<', '>' or '&' as such, and no
    invisible or bidi character raw."""
    import json

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _ESCAPED.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def page_form(form_data: dict) -> str:
    """The "Isi Form RKT" page: a mount point, the embedded data, and a fallback without JavaScript."""
    return (front("Isi Form RKT", ["form"]) + "# Isi Form RKT\n\n"
            "Isi Form RKT unit Anda langsung di halaman ini. Isian diperiksa dengan aturan yang sama seperti "
            "pemeriksaan di GitHub, dan disimpan sebagai draf di peramban ini setiap kali Anda mengetik: bila halaman "
            "tertutup, isian muncul lagi saat halaman ini dibuka kembali. Form yang belum selesai dapat diunduh "
            "sebagai draf dan dilanjutkan di perangkat lain. Tidak ada data yang dikirim ke mana pun sampai Anda "
            "sendiri memilih **Ajukan ke GitHub** atau mengunduh berkasnya. Lihat juga Panduan: "
            "*Isi Form RKT lewat situs*.\n\n"
            "Anggaran boleh diketik seperti biasa ditulis (150.000.000, Rp 150.000.000 atau 150 juta) dan "
            "tanggal seperti 27/11/2026 atau 27 November 2026 (atau dipilih di kalender); di bawah isian tampak "
            "cara halaman ini membacanya.\n\n"
            '<div id="rkt-isi-form" class="rkt-isi-form"><p>Memuat form…</p>'
            "<noscript><p>Halaman ini memerlukan JavaScript. Tanpa JavaScript, isi form lewat editor web GitHub "
            "atau templat Excel (lihat Panduan).</p></noscript></div>\n\n"
            f'<script type="application/json" id="rkt-form-data">{json_for_html(form_data)}</script>\n')
