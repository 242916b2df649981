"""The `rkt` command. Thin: parse the arguments, run the command function of generator/commands/
they name, print its `Outcome`, exit with its code.

Exit codes: 0 no errors, 1 problems found in the data, 2 the command itself
was used wrongly (or the project's own files are broken, or this computer lacks
something: a library, git, disk space, permission), 3 a bug in rkt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from generator.commands import guard
from generator.core import calendar

# argparse speaks English; its messages are looked up through `argparse._`
# at call time, so the users get them in their own language.
_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)",
    "expected one argument": "memerlukan satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s bisa berarti %(matches)s",
}
argparse._ = lambda s: _ARGPARSE_ID.get(s, s)  # type: ignore[attr-defined]

# engines.ENGINES and engines.DEFAULT_ENGINE, spelled out so that `rkt --help` does not import the
# build (tests keep them equal); switching the default engine is a change of both
ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


def _date(text: str) -> dt.date:
    try:
        return calendar.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' bukan nomor port; tulis angka 1 sampai 65535, misalnya 8001")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rkt",
        description="Alat Rencana Kinerja Tahunan (RKT): memeriksa data di cycles/ dan membangun dasbor.")
    p.add_argument("-C", "--repo", type=Path, default=Path("."), metavar="FOLDER",
                   help="folder repositori RKT (bawaan: folder saat ini)")
    sub = p.add_subparsers(dest="command", metavar="PERINTAH", required=True)
    # in the order `rkt --help` lists them
    for add in (_add_validate, _add_site, _add_plan_files, _add_spreadsheets, _add_github, _add_new_repositories,
                _add_regency, _add_status):
        add(sub)
    return p


def _add_validate(sub) -> None:
    """Checking the data (the pull-request verdict)."""
    v = sub.add_parser("validate", help="periksa semua berkas data",
                       description="Memeriksa semua berkas di cycles/ terhadap skema dan aturan antarberkas.")
    v.add_argument("--base", metavar="REVISI",
                   help="bandingkan juga dengan revisi Git ini (misalnya origin/main): catatan peristiwa hanya "
                        "boleh ditambah dan berkas bertanda tangan tidak boleh berubah")
    v.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="bentuk laporan: text (bawaan), github (anotasi GitHub Actions), json")
    v.add_argument("--today", type=_date, metavar="TTTT-BB-HH",
                   help="tanggal 'hari ini' untuk pemeriksaan (bawaan: hari ini di zona waktu instansi)")
    v.add_argument("--schemas", type=Path, metavar="FOLDER",
                   help="periksa dengan skema di folder ini, bukan schemas/ repositori yang diperiksa "
                        "(pemeriksaan pull request memakai skema cabang tujuan)")
    v.set_defaults(run=lambda a: command("validate").validate_data(a.repo, a.today, a.base, a.schemas, a.format))


def _add_site(sub) -> None:
    """The dashboard and the documents it publishes."""
    b = sub.add_parser("build", help="bangun dasbor (situs) dari data",
                       description="Memeriksa data, membuat halaman di docs/, lalu membangun situs dengan MkDocs "
                                   "(bawaan) "
                                   "atau Zensical dalam mode strict.")
    b.add_argument("--today", type=_date, metavar="TTTT-BB-HH",
                   help="tanggal 'hari ini' untuk status dan keterlambatan (bawaan: hari ini di zona waktu instansi)")
    b.add_argument("--site-dir", type=Path, metavar="FOLDER",
                   help="folder hasil (bawaan: site/); folder berisi berkas lain, atau di luar repositori, ditolak")
    b.add_argument("--paksa", action="store_true",
                   help="izinkan --site-dir di luar repositori atau berisi berkas yang bukan buatan rkt (berkas itu "
                        "dipindahkan ke FOLDER.old-..., tidak dihapus). Repositori dan folder data/kodenya tetap "
                        "ditolak")
    b.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                   help="mesin pembangun situs: mkdocs (bawaan) atau zensical (penerus MkDocs Material)")
    b.set_defaults(run=lambda a: command("build").build_site(a.repo, a.today, a.site_dir, a.paksa, a.engine,
                                                             _progress))

    sv = sub.add_parser("serve", help="tampilkan dasbor di komputer ini dan bangun ulang saat data berubah",
                        description="Membangun halaman, menjalankan server MkDocs dengan muat ulang otomatis, "
                                    "dan membangun ulang halaman setiap kali berkas di cycles/ berubah.")
    sv.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    sv.add_argument("--addr", default="127.0.0.1:8000", help="alamat server HOST:PORT (bawaan: 127.0.0.1:8000)")
    sv.add_argument("--port", type=_port, metavar="N",
                    help="nomor port saja, misalnya --port 8001 (menggantikan port pada --addr)")
    sv.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                    help="mesin situs: mkdocs (bawaan) atau zensical")
    sv.set_defaults(run=lambda a: command("serve").serve_site(a.repo, a.today, a.addr, a.port, a.engine))

    ex = sub.add_parser("export", help="ekspor RKT satu tahun ke PDF, XLSX atau CSV, atau Perjanjian Kinerja, "
                                       "Rencana Aksi atau capaian kinerjanya",
                        description="Membuat RKT hasil kompilasi sebagai PDF (A4 mendatar, untuk ditandatangani), "
                                    "XLSX atau CSV; dengan --document pk, Perjanjian Kinerja Kepala Badan "
                                    "(PermenPAN-RB "
                                    "53/2014) dari RKT tahun itu yang sudah ditandatangani, sebagai PDF atau XLSX; "
                                    "sebelum RKT ditandatangani, sebagai DRAF (pk-TAHUN-draf.FORMAT). Dengan "
                                    "--document renaksi, Rencana Aksi tahun itu; dengan --document capaian, capaian "
                                    "kinerja sampai triwulan terakhir yang sudah berakhir (tabel LKjIP Bab III, "
                                    "pemantauan triwulan dan serapan anggaran); keduanya PDF atau XLSX, DRAF "
                                    "bila Rencana Aksi atau laporan triwulan belum lengkap. Dengan --document "
                                    "lkjip, Laporan Kinerja (LKjIP) tahun itu sebagai DOCX untuk diedit di Word "
                                    "(bawaan) atau PDF: semua angka dan tabel dari data, bagian uraian dari "
                                    "cycles/TAHUN/lkjip/; bagian yang belum ditulis ditandai, DRAF bila belum "
                                    "lengkap.")
    ex.add_argument("year", type=int, metavar="TAHUN")
    ex.add_argument("--format", choices=("pdf", "xlsx", "csv", "zip", "docx"), default=None,
                    help="bentuk berkas (bawaan: pdf; untuk bukti-lke: zip; untuk lkjip: docx, atau pdf)")
    ex.add_argument("--document", choices=("rkt", "pk", "renaksi", "capaian", "bukti-lke", "lkjip"), default="rkt",
                    help="dokumen: rkt (bawaan), pk (Perjanjian Kinerja, dari RKT bertanda tangan; "
                         "DRAF bila RKT belum ditandatangani), renaksi (Rencana Aksi), capaian (capaian "
                         "kinerja sampai triwulan terakhir yang sudah berakhir) atau bukti-lke (bukti dukung "
                         "evaluasi AKIP per komponen LKE dalam satu berkas ZIP, dengan indeks-bukti.xlsx), atau "
                         "lkjip (Laporan Kinerja Instansi Pemerintah, DOCX atau PDF)")
    ex.add_argument("--out", type=Path, metavar="BERKAS",
                    help="nama berkas hasil (bawaan: rkt-TAHUN.FORMAT, pk-TAHUN.FORMAT, renaksi-TAHUN.FORMAT, "
                         "capaian-TAHUN.FORMAT, bukti-lke-TAHUN.zip, lkjip-TAHUN.FORMAT; DRAF: "
                         "...-TAHUN-draf.FORMAT)")
    ex.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    ex.set_defaults(run=lambda a: command("export").export_year(a.repo, a.year, a.format, a.out, a.today,
                                                                a.document))


def _add_plan_files(sub) -> None:
    """New files of a cycle: its cycle.yaml, a unit's form, a signed scan."""
    nc = sub.add_parser("new-cycle", help="buat siklus RKT baru",
                        description="Membuat cycles/TAHUN/cycle.yaml dengan semua unit sebagai unit wajib. Siklus "
                                    "yang berjalan memerlukan --start; RKT tahun yang sudah lewat yang dicatat "
                                    "sebagai arsip dibuat dengan --dicatat-kemudian, tanpa tanggal mulai.")
    nc.add_argument("year", type=int, metavar="TAHUN")
    nc.add_argument("--start", type=_date, metavar="TTTT-BB-HH",
                    help="tanggal mulai siklus (wajib, kecuali dengan --dicatat-kemudian)")
    nc.add_argument("--dicatat-kemudian", "--arsip", dest="recorded", action="store_true",
                    help="siklus yang sudah lewat, dicatat sebagai arsip: tanpa jadwal SOP, tidak dinilai terlambat "
                         "dan tidak diingatkan; --start boleh tidak diisi")
    nc.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    nc.set_defaults(run=lambda a: command("scaffold").new_cycle(a.repo, a.year, a.start, a.today, a.recorded))

    nf = sub.add_parser("new-form", help="buat Form RKT unit yang sudah terisi dari Renstra dan tahun lalu",
                        description="Membuat cycles/TAHUN/forms/UNIT.yaml berisi indikator Renstra unit itu dan "
                                    "program tahun sebelumnya.")
    nf.add_argument("year", type=int, metavar="TAHUN")
    nf.add_argument("unit", metavar="UNIT")
    nf.set_defaults(run=lambda a: command("scaffold").new_form(a.repo, a.year, a.unit, None))

    nl = sub.add_parser("new-lkjip", help="buat berkas awal bagian-bagian LKjIP yang ditulis pegawai",
                        description="Membuat cycles/TAHUN/lkjip/<bagian>.md untuk setiap bagian LKjIP yang ditulis "
                                    "pegawai (ikhtisar eksekutif, bab I, pengantar bab II, analisis setiap sasaran, "
                                    "penjelasan anggaran, bab IV), masing-masing berisi judul dan petunjuk pengisian. "
                                    "Berkas yang sudah ada tidak pernah ditimpa.")
    nl.add_argument("year", type=int, metavar="TAHUN")
    nl.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    nl.set_defaults(run=lambda a: command("lkjip").new_lkjip(a.repo, a.year, a.today))

    sg = sub.add_parser("sign", help="arsipkan pindaian RKT bertanda tangan sebagai versi baru",
                        description="Menyimpan pindaian PDF sebagai versi berikutnya di cycles/TAHUN/signed/ "
                                    "beserta keterangannya (SHA-256, commit, sidik isi) dan mencatat langkah "
                                    "tanda tangan dan pengarsipan. Tidak pernah menimpa berkas.")
    sg.add_argument("year", type=int, metavar="TAHUN")
    sg.add_argument("scan", type=Path, metavar="PINDAIAN.pdf")
    sg.add_argument("--date", type=_date, required=True, metavar="TTTT-BB-HH", help="tanggal tanda tangan")
    sg.add_argument("--by", default="kepala-badan", metavar="PERAN", help="peran penandatangan (bawaan: kepala-badan)")
    sg.add_argument("--catatan", help="keterangan versi, misalnya alasan revisi")
    sg.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    sg.add_argument("--document", choices=("rkt", "pk", "renaksi"), default="rkt",
                    help="dokumen yang dipindai: rkt (bawaan), pk (Perjanjian Kinerja, diarsipkan sebagai "
                         "signed/pk-TAHUN-vN.pdf tanpa mencatat langkah SOP; untuk tahun tanpa siklus RKT, "
                         "hanya pindaian Perjanjian Kinerja itu yang diarsipkan) atau renaksi (Rencana Aksi, "
                         "diarsipkan sebagai signed/renaksi-TAHUN-vN.pdf)")
    sg.set_defaults(run=_sign)


def _sign(a: argparse.Namespace):  # the command's Outcome
    if a.document == "pk":
        return command("agreement").sign_agreement(a.repo, a.year, a.scan, a.date, a.catatan, a.today, a.by)
    if a.document == "renaksi":
        return command("action_plan").sign_action_plan(a.repo, a.year, a.scan, a.date, a.catatan, a.today, a.by)
    return command("sign").sign(a.repo, a.year, a.scan, a.date, a.by, a.catatan, a.today)


def _add_spreadsheets(sub) -> None:
    """Excel templates out, filled-in workbooks back in."""
    ft = sub.add_parser("form-template", help="buat templat Excel Form RKT untuk satu unit",
                        description="Membuat berkas .xlsx berisi petunjuk, tabel kinerja dan tabel program unit, "
                                    "terisi dari form saat ini atau dari Renstra dan program tahun lalu.")
    ft.add_argument("year", type=int, metavar="TAHUN")
    ft.add_argument("unit", metavar="UNIT")
    ft.add_argument("--out", type=Path, required=True, metavar="BERKAS.xlsx")
    ft.set_defaults(run=lambda a: command("spreadsheet").form_template(a.repo, a.year, a.unit, a.out, None))

    im = sub.add_parser("import", help="baca templat Excel yang sudah diisi (Form RKT, Rencana Aksi, laporan "
                                       "triwulan)",
                        description="Membaca templat .xlsx yang sudah diisi ke cycles/TAHUN/forms/UNIT.yaml "
                                    "(komentar dan urutan berkas lama dipertahankan), lalu memeriksanya. Templat "
                                    "Rencana Aksi dibaca ke cycles/TAHUN/renaksi/UNIT.yaml dan templat laporan "
                                    "triwulan ke cycles/TAHUN/laporan/twN/UNIT.yaml (jenisnya dikenali dari lembar "
                                    "berkasnya, triwulannya dari judul kolom 'Target TW ...').")
    im.add_argument("year", type=int, metavar="TAHUN")
    im.add_argument("unit", metavar="UNIT")
    im.add_argument("workbook", type=Path, metavar="BERKAS.xlsx")
    im.add_argument("--kosongkan", action="store_true",
                    help="izinkan impor yang mengosongkan tabel kinerja atau tabel program (lembar Excel tanpa "
                         "baris isian); tanpa pilihan ini impor seperti itu ditolak")
    im.add_argument("--today", type=_date, metavar="TTTT-BB-HH",
                    help="tanggal 'hari ini' (laporan triwulan yang belum berakhir ditolak)")
    im.set_defaults(run=lambda a: command("spreadsheet").import_form(a.repo, a.year, a.unit, a.workbook, a.today,
                                                                     a.kosongkan))

    ra = sub.add_parser("renaksi-template", help="buat templat Excel Rencana Aksi untuk satu unit",
                        description="Membuat berkas .xlsx Rencana Aksi unit: indikator tahun itu dengan target "
                                    "tahunan, kolom target TW I-IV, penanggung jawab (kode pegawai), kegiatan "
                                    "pendukung dan rencana aksi, serta rencana penyerapan anggaran per program; "
                                    "terisi dari Rencana Aksi saat ini bila ada. Baca kembali dengan 'rkt import'.")
    ra.add_argument("year", type=int, metavar="TAHUN")
    ra.add_argument("unit", metavar="UNIT")
    ra.add_argument("--out", type=Path, required=True, metavar="BERKAS.xlsx")
    ra.set_defaults(run=lambda a: command("performance_excel").renaksi_template(a.repo, a.year, a.unit, a.out, None))

    la = sub.add_parser("laporan-template", help="buat templat Excel laporan triwulan untuk satu unit",
                        description="Membuat berkas .xlsx laporan triwulan unit: indikator Rencana Aksi dengan "
                                    "target triwulan itu, kolom realisasi, faktor pendorong, faktor penghambat, "
                                    "tindak lanjut dan bukti, serta realisasi anggaran per program, kegiatan dan "
                                    "sub kegiatan; terisi dari laporan saat ini bila ada. Baca kembali dengan "
                                    "'rkt import'.")
    la.add_argument("year", type=int, metavar="TAHUN")
    la.add_argument("quarter", type=int, choices=(1, 2, 3, 4), metavar="TRIWULAN", help="1, 2, 3 atau 4")
    la.add_argument("unit", metavar="UNIT")
    la.add_argument("--out", type=Path, required=True, metavar="BERKAS.xlsx")
    la.set_defaults(run=lambda a: command("performance_excel").laporan_template(a.repo, a.year, a.quarter, a.unit,
                                                                                a.out, None))

    rt = sub.add_parser("renstra-template", help="buat templat Excel Renstra (terisi dari cycles/renstra.yaml)",
                        description="Membuat berkas .xlsx berisi petunjuk, identitas Renstra, dan satu baris untuk "
                                    "setiap indikator: tujuan, sasaran, satuan, cara pengukuran, IKU, unit penanggung "
                                    "jawab dan target per tahun, terisi dari cycles/renstra.yaml.")
    rt.add_argument("--out", type=Path, required=True, metavar="BERKAS.xlsx")
    rt.set_defaults(run=lambda a: command("renstra").renstra_template(a.repo, a.out, None))

    ir = sub.add_parser("import-renstra",
                        help="baca templat Excel Renstra yang sudah diisi menjadi cycles/renstra.yaml",
                        description="Membaca templat Renstra .xlsx ke cycles/renstra.yaml. Kode yang kosong diambil "
                                    "dari renstra.yaml saat ini menurut uraiannya, atau dibuat baru (T1, SS1, SS1.1). "
                                    "Semua kesalahan dilaporkan sekaligus per sel; tidak ada berkas yang diubah bila "
                                    "ada kesalahan.")
    ir.add_argument("workbook", type=Path, metavar="BERKAS.xlsx")
    ir.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    ir.set_defaults(run=lambda a: command("renstra").import_renstra(a.repo, a.workbook, a.today))


def _add_github(sub) -> None:
    """What the GitHub side needs: reminder issues, CODEOWNERS."""
    rm = sub.add_parser("remind", help="teks pengingat keterlambatan (untuk issue GitHub)",
                        description="Menyusun isi issue 'Peringatan: Tepat Waktu' untuk siklus yang berjalan dan "
                                    "untuk laporan triwulan yang terlambat atau segera jatuh tempo.")
    rm.add_argument("year", nargs="?", type=int, metavar="TAHUN", help="tahun siklus (bawaan: semua yang berjalan)")
    rm.add_argument("--format", choices=("markdown", "json"), default="markdown")
    rm.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    rm.set_defaults(run=lambda a: command("remind").remind(a.repo, a.year, a.format, a.today))

    co = sub.add_parser("codeowners", help="tulis .github/CODEOWNERS dari peran di agency.yaml",
                        description="Menulis .github/CODEOWNERS: form tiap unit milik kepala unitnya; arsip, SOP "
                                    "dan data instansi milik Sekretaris dan Kepala Badan; kode, skema dan alur "
                                    "kerja milik peran pengelola.")
    co.set_defaults(run=lambda a: command("codeowners").write_codeowners(a.repo))


def _add_new_repositories(sub) -> None:
    """New repositories: an agency's, the example's."""
    it = sub.add_parser("init", help="buat repositori RKT baru untuk satu instansi",
                        description="Membuat repositori RKT baru di FOLDER (folder baru atau kosong): data instansi "
                                    "dan Renstra berisi isian '(isi ...)', SOP, skema, alat rkt, situs dan alur kerja "
                                    "GitHub, tanpa data contoh. Tidak pernah menimpa berkas.")
    it.add_argument("folder", type=Path, metavar="FOLDER")
    it.add_argument("--nama", help="nama instansi, misalnya 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'")
    it.add_argument("--pemerintah", help="pemerintah daerah, misalnya 'Pemerintah Kabupaten Balangan'")
    it.add_argument("--kota", help="kota tempat penandatanganan, misalnya Paringin")
    it.add_argument("--pengelola", required=True, metavar="AKUN_GITHUB",
                    help="akun GitHub pengelola repositori, yang meninjau perubahan kode, skema dan alur kerja")
    it.set_defaults(run=lambda a: command("init").init(a.repo / a.folder, a.nama, a.pemerintah, a.kota, a.pengelola,
                                                       None))

    dm = sub.add_parser("demo", help="buat repositori contoh dengan riwayat Git lengkap, lalu bangun dasbornya",
                        description="Membuat repositori Git di FOLDER (folder baru atau kosong) yang riwayatnya "
                                    "memutar ulang siklus contoh seperti SOP berjalan: form tiap unit diajukan "
                                    "Kabid di cabangnya sendiri dan digabung (merge) oleh peninjau, peristiwa "
                                    "dicatat pelaksananya, koreksi Sekretaris dan perbaikannya, pindaian bertanda "
                                    "tangan; lalu membangun dasbornya ke FOLDER/site. Hasilnya sama persis setiap "
                                    "kali (commit yang sama, situs yang sama).")
    dm.add_argument("folder", type=Path, metavar="FOLDER")
    dm.add_argument("--today", type=_date, metavar="TTTT-BB-HH",
                    help="tanggal 'hari ini' contoh: riwayat diputar sampai tanggal ini dan dasbor dibangun untuknya "
                         "(bawaan: SOURCE_DATE_EPOCH bila ada, selain itu 2026-11-28; tidak pernah tanggal hari ini)")
    dm.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                    help="mesin situs: mkdocs (bawaan) atau zensical")
    dm.set_defaults(run=lambda a: command("demo").demo(a.repo / a.folder, a.today, a.engine))


def _add_regency(sub) -> None:
    """The regency dashboard (its own subcommands)."""
    kb = sub.add_parser("kabupaten", help="dasbor kabupaten: RKT semua perangkat daerah dalam satu situs",
                        description="Dasbor RKT kabupaten: menghimpun data/rkt.json yang diterbitkan dasbor setiap "
                                    "perangkat daerah (OPD) ke satu situs.")
    kb_sub = kb.add_subparsers(dest="kabupaten", metavar="PERINTAH", required=True)
    ki = kb_sub.add_parser("init", help="buat repositori dasbor kabupaten baru",
                           description="Membuat repositori dasbor kabupaten di FOLDER (folder baru atau kosong): "
                                       "kabupaten.yaml, situs, alur kerja GitHub dan alat rkt. Tidak pernah menimpa "
                                       "berkas.")
    ki.add_argument("folder", type=Path, metavar="FOLDER")
    ki.add_argument("--nama", help="nama pemerintah daerah, misalnya 'Pemerintah Kabupaten Balangan'")
    ki.set_defaults(run=lambda a: command("kabupaten").init(a.repo / a.folder, a.nama))
    kbb = kb_sub.add_parser("build", help="ambil data setiap OPD dan bangun dasbor kabupaten",
                            description="Mengambil data/rkt.json setiap OPD di kabupaten.yaml (bersamaan), "
                                        "memeriksanya, lalu membangun situs dasbor kabupaten. OPD yang tidak dapat "
                                        "dihubungi atau datanya tidak sah ditampilkan dengan data terakhir yang sah.")
    kbb.add_argument("--today", type=_date, metavar="TTTT-BB-HH",
                     help="tanggal 'hari ini' (bawaan: hari ini di zona waktu kabupaten)")
    kbb.add_argument("--site-dir", type=Path, metavar="FOLDER", help="folder hasil (bawaan: site/)")
    kbb.add_argument("--paksa", action="store_true",
                     help="izinkan --site-dir di luar repositori atau berisi berkas yang bukan buatan rkt")
    kbb.add_argument("--engine", choices=ENGINES, default="mkdocs", help="mesin situs: mkdocs (bawaan) atau zensical")
    kbb.set_defaults(run=lambda a: command("kabupaten").build(a.repo, a.today, a.site_dir, a.paksa, a.engine,
                                                              _progress))


def _add_status(sub) -> None:
    """The dashboard in the terminal."""
    st = sub.add_parser("status", help="ringkasan dasbor di terminal",
                        description="Tabel langkah dan peringatan siklus RKT di terminal.")
    st.add_argument("year", nargs="?", type=int, metavar="TAHUN", help="tahun siklus (bawaan: siklus berjalan)")
    st.add_argument("--today", type=_date, metavar="TTTT-BB-HH", help="tanggal 'hari ini'")
    st.set_defaults(run=lambda a: command("status").status(a.repo, a.year, a.today))


def command(module: str) -> ModuleType:
    """A command module, imported only when its command runs (start-up stays fast, and what a
    command lacks on this computer is reported as such: guard.run)."""
    return importlib.import_module(f"generator.commands.{module}")


def _progress(what: str) -> None:
    """What a long command waits for (another build holding the site), while it waits."""
    print(f"rkt: {what}...", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    # A Windows console may not encode every character of a message.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    # the engines run with the repository as working directory: a relative -C must not be joined twice
    args.repo = args.repo.absolute()
    refused = guard.refusal(args.command, args.repo, getattr(args, "schemas", None))
    outcome = refused or guard.run_in(args.command, args.repo, lambda: args.run(args))
    sys.stdout.write(outcome.out)
    sys.stderr.write(outcome.err)
    return outcome.code


if __name__ == "__main__":
    sys.exit(main())
