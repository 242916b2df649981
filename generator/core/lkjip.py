"""The parts of the LKjIP the staff write (PermenPAN-RB 53/2014), as a fixed list: each part's
key (its file cycles/<year>/lkjip/<key>.md), its title and what to write in it, in plain
Indonesian; and the starting text `rkt new-lkjip` writes for it.

Every number and table of the LKjIP is generated (plan/lkjip.py); these parts are the words
around them. A part holding only its title and its guidance is not written (source/narrative.py),
so the starting text never passes for the staff's text. Pure values, no I/O.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from generator.core.reference import Objective

FOLDER = "lkjip"
EXTENSION = ".md"

EXECUTIVE_SUMMARY = "ikhtisar-eksekutif"
INTRODUCTION = "bab-1-pendahuluan"
PLANNING = "bab-2-perencanaan"
OBJECTIVE_PREFIX = "bab-3-"  # + the sasaran's code in lower case: bab-3-ss1
BUDGET = "bab-3-anggaran"
CLOSING = "bab-4-penutup"

GUIDANCE_HEAD = "PETUNJUK (tidak ikut dicetak):"
GUIDANCE_TAIL = ("Tulis di luar petunjuk ini (di bawahnya). Selama berkas ini hanya berisi judul dan petunjuk, "
                 "bagian ini ditandai \"belum ditulis\" pada draf LKjIP; petunjuk ini boleh dihapus.")


@dataclass(frozen=True, slots=True)
class Section:
    """One part the staff write: its key (the file name without .md), its title, what to write."""

    key: str
    title: str
    guidance: str


_EXECUTIVE_SUMMARY = Section(EXECUTIVE_SUMMARY, "IKHTISAR EKSEKUTIF", (
    "Ringkasan untuk pimpinan, satu sampai dua halaman: sasaran strategis yang ingin dicapai tahun ini, "
    "capaian kinerja yang paling penting (angkanya ada di tabel Bab III, dihitung otomatis dari data; cukup "
    "sebut yang utama), masalah dan kendala utama, serta langkah perbaikan yang akan dilakukan."))
_INTRODUCTION = Section(INTRODUCTION, "BAB I PENDAHULUAN", (
    "Uraikan: (1) gambaran organisasi: kedudukan, susunan organisasi, jumlah dan komposisi pegawai; "
    "(2) tugas pokok dan fungsi menurut peraturan kepala daerah tentang kedudukan, susunan organisasi, tugas "
    "dan fungsi; (3) isu strategis dan permasalahan utama yang dihadapi organisasi pada tahun ini; "
    "(4) sistematika penyajian laporan ini."))
_PLANNING = Section(PLANNING, "BAB II PERENCANAAN KINERJA", (
    "Tulis pengantar sebelum tabel Perjanjian Kinerja: ringkasan Renstra (tujuan dan sasaran strategis), "
    "Rencana Kinerja Tahunan tahun ini, dan penetapan Perjanjian Kinerja (kapan dan oleh siapa ditandatangani). "
    "Tabel Perjanjian Kinerja dicetak otomatis sesudah tulisan ini: jangan mengetik ulang isinya."))
_BUDGET = Section(BUDGET, "Realisasi Anggaran", (
    "Tabel pagu, realisasi dan persentase serapan anggaran setiap program dicetak otomatis. Di sini tulis "
    "penjelasannya: program yang serapannya rendah atau tinggi dan sebabnya, efisiensi anggaran yang dicapai, "
    "dan kaitan realisasi anggaran dengan capaian kinerja."))
_CLOSING = Section(CLOSING, "BAB IV PENUTUP", (
    "Tulis kesimpulan umum atas capaian kinerja tahun ini, kelemahan dan hambatan yang masih ada, dan langkah "
    "perbaikan yang akan dilakukan pada tahun berikutnya untuk meningkatkan kinerja."))


def objective_key(code: str) -> str:
    """The key of a sasaran's analysis: bab-3-ss1 for SS1."""
    return f"{OBJECTIVE_PREFIX}{code.lower()}"


def objective_section(objective: Objective) -> Section:
    """The staff's analysis of one sasaran strategis in Bab III A."""
    return Section(objective_key(objective.code), f"Sasaran Strategis {objective.code}: {objective.description}", (
        f"Analisis capaian sasaran {objective.code} ({objective.description}). Tabel target, realisasi dan "
        f"capaian, perbandingan dengan tahun-tahun sebelumnya, dengan target akhir Renstra dan dengan standar "
        f"nasional dicetak otomatis, begitu pula faktor pendorong, penghambat dan tindak lanjut dari laporan "
        f"triwulan sebagai bahan. Di sini tulis dengan kata-kata sendiri: (1) penyebab keberhasilan atau "
        f"kegagalan setiap indikator; (2) alternatif solusi yang telah dilakukan; (3) efisiensi penggunaan sumber "
        f"daya (anggaran, pegawai, waktu) dibandingkan hasilnya; (4) program dan kegiatan yang menunjang "
        f"keberhasilan atau menjadi penyebab kegagalan. Jangan mengetik ulang angka dari tabel."))


def sections(objectives: Iterable[Objective]) -> tuple[Section, ...]:
    """Every part the staff write, in the order of the report: Ikhtisar Eksekutif, Bab I, Bab II, one
    analysis per sasaran of the Renstra, the budget's explanation, Bab IV."""
    return (_EXECUTIVE_SUMMARY, _INTRODUCTION, _PLANNING, *(objective_section(o) for o in objectives), _BUDGET,
            _CLOSING)


def section_file(year: int, key: str) -> str:
    """The section's file, relative to the repository: cycles/2026/lkjip/bab-1-pendahuluan.md."""
    return f"cycles/{year}/{FOLDER}/{key}{EXTENSION}"


def file_names(objectives: Iterable[Objective]) -> tuple[str, ...]:
    """The names a file under cycles/<year>/lkjip/ may have."""
    return tuple(f"{s.key}{EXTENSION}" for s in sections(objectives))


def heading(section: Section) -> str:
    return f"# {section.title}"


def starting_text(section: Section) -> str:
    """The file `rkt new-lkjip` writes: the title line, then the guidance as an HTML comment (never
    printed, and the part stays "not written" until something else is written)."""
    words = f"{section.guidance} {GUIDANCE_TAIL}".replace("-->", "-- >")  # a sasaran's text cannot end the comment
    body = textwrap.fill(words, width=100, break_long_words=False, break_on_hyphens=False)
    return f"{heading(section)}\n\n<!--\n{GUIDANCE_HEAD}\n{body}\n-->\n\n"
