"""The "Isi Laporan Triwulan" page: a mount point for the browser form engine (the same as the
"Isi Form RKT" page's, docs/js/isi-form.js) and the data it works from."""

from __future__ import annotations

from generator.site.pages.form import json_for_html
from generator.site.pages.markup import front


def page_report_form(report_data: dict) -> str:
    """The "Isi Laporan Triwulan" page: a mount point, the embedded data, and a fallback without JavaScript."""
    return (front("Isi Laporan Triwulan", ["laporan"]) + "# Isi Laporan Triwulan\n\n"
            "Isi laporan pengukuran kinerja unit Anda untuk satu triwulan langsung di halaman ini: pilih tahun dan "
            "triwulan, lalu unit Anda. Halaman ini menampilkan indikator Rencana Aksi unit Anda beserta target "
            "triwulannya; isi realisasinya dalam satuan yang sama dengan target, faktor pendorong, faktor "
            "penghambat, tindak lanjut dan bukti, serta realisasi anggaran triwulan ini (bukan jumlah sejak awal "
            "tahun). Isian diperiksa dengan aturan yang sama seperti pemeriksaan di GitHub, dan disimpan sebagai "
            "draf di peramban ini setiap kali Anda mengetik. Laporan untuk triwulan yang belum berakhir belum "
            "dapat diajukan. Tidak ada data yang dikirim ke mana pun sampai Anda sendiri memilih **Ajukan ke "
            "GitHub** atau mengunduh berkasnya. Lihat juga Panduan: *Rencana Aksi dan laporan triwulan*.\n\n"
            "Anggaran boleh diketik seperti biasa ditulis (150.000.000, Rp 150.000.000 atau 150 juta); di bawah "
            "isian tampak cara halaman ini membacanya.\n\n"
            '<div id="rkt-isi-form" class="rkt-isi-form"><p>Memuat laporan…</p>'
            "<noscript><p>Halaman ini memerlukan JavaScript. Tanpa JavaScript, isi laporan lewat editor web GitHub "
            "atau templat Excel (lihat Panduan).</p></noscript></div>\n\n"
            f'<script type="application/json" id="rkt-form-data">{json_for_html(report_data)}</script>\n')
