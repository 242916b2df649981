"""Problems found in the repository, and the catalogue of their codes.

Every check in the project yields `Problem`s; only the CLI decides what they
mean for the exit code. A problem points either at an exact line/column or at a
JSON path inside a loaded document; paths are turned into line/column by
`locate` once all documents are known, so checks never deal with positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

ERROR = "error"
WARNING = "warning"

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class At:
    """Where a value of the model came from: its file and the JSON path inside it (what a
    problem about it points at; `locate` turns the path into a line)."""

    file: str
    path: Path = ()

    def __truediv__(self, part: str | int) -> At:
        return At(self.file, self.path + (part,))


# One line per code: what kind of problem it is (shown in the JSON output and
# the developer docs). The message of each occurrence says what to do.
CODES: Mapping[str, str] = {
    # reading and parsing (load.py)
    "RKT001": "berkas tidak dapat dibaca atau terlalu besar",
    "RKT002": "berkas bukan teks UTF-8",
    "RKT003": "karakter kontrol, pembalik arah teks, atau karakter tak terlihat",
    "RKT004": "kesalahan penulisan YAML",
    "RKT005": "kunci ganda",
    "RKT006": "anchor/alias YAML tidak diizinkan",
    "RKT007": "tag YAML tidak diizinkan",
    "RKT008": "kunci harus berupa teks",
    "RKT009": "struktur terlalu dalam",
    "RKT010": "berkas kosong atau berisi lebih dari satu dokumen",
    "RKT011": "angka terlalu panjang",
    "RKT012": "tautan simbolik (symlink) tidak diizinkan",
    # the repository layout (validate.py)
    "RKT020": "berkas wajib tidak ada",
    "RKT021": "berkas di tempat yang tidak dikenal",
    "RKT022": "baris $schema untuk editor tidak ada atau salah",
    "RKT023": "CODEOWNERS tidak sesuai agency.yaml",
    "RKT024": "peran pengelola tidak ada",
    "RKT025": "peran pengelola tanpa akun GitHub",
    "RKT026": "pengelola juga pemilik berkas data",
    # schema (validate.py)
    "RKT100": "isian tidak sesuai skema",
    "RKT101": "kunci wajib tidak ada",
    "RKT102": "kunci tidak dikenal",
    "RKT103": "jenis nilai salah",
    "RKT104": "format tidak sesuai",
    "RKT105": "nilai di luar batas",
    "RKT106": "nilai bukan salah satu pilihan",
    "RKT107": "teks terlalu panjang atau kosong",
    "RKT108": "jumlah isian daftar tidak sesuai",
    "RKT190": "form masih draf (diunduh dari halaman Isi Form RKT sebelum lengkap)",
    # cross-file rules (check/rules/)
    "RKT200": "rujukan ke unit yang tidak ada",
    "RKT201": "rujukan ke peran atau pegawai yang tidak ada",
    "RKT202": "rujukan ke langkah SOP yang tidak ada",
    "RKT203": "rujukan ke kode Renstra yang tidak ada",
    "RKT204": "kode tidak diawali kode induknya",
    "RKT205": "kode ganda",
    "RKT206": "tanggal peristiwa tidak berurutan",
    "RKT207": "tanggal di masa depan",
    "RKT208": "keputusan pada langkah yang bukan langkah keputusan",
    "RKT209": "unit tidak diwajibkan pada siklus ini",
    "RKT210": "anggaran melebihi pagu unit",
    "RKT211": "berkas pindaian atau bukti tidak ada, atau bukan PDF",
    "RKT212": "SHA-256 pindaian tidak cocok",
    "RKT213": "tahun atau nama berkas tidak cocok dengan isinya",
    "RKT214": "susunan langkah SOP tidak benar",
    "RKT215": "NIP tidak masuk akal",
    "RKT216": "tahun di luar periode Renstra",
    "RKT217": "nomor versi bertanda tangan tidak berurutan",
    "RKT218": "tanggal sebelum mulai siklus",
    "RKT219": "isi RKT tidak sama lagi dengan versi bertanda tangan terakhir",
    "RKT220": "anggaran program atau kegiatan tidak sama dengan jumlah anggaran di bawahnya",
    "RKT221": "target Renstra untuk tahun siklus belum ditulis",
    "RKT222": "angka target ditulis dengan titik desimal (bermakna ganda)",
    "RKT223": "indikator Renstra belum diberi target oleh unit penanggung jawabnya",
    "RKT224": "unit-unit memberi target berbeda untuk indikator yang sama",
    "RKT225": "program atau kegiatan tanpa anggaran",
    "RKT226": "berkas logo tidak ada atau bukan gambar PNG/JPEG",
    "RKT227": "uraian indikator di form tidak sama lagi dengan Renstra (Renstra direvisi)",
    "RKT228": "isian contoh \"(isi ...)\" dari rkt init yang tercetak pada RKT atau Perjanjian Kinerja belum diganti",
    "RKT229": "target indikator berupa angka tanpa satuan (tidak di target, tidak di satuan indikator)",
    "RKT231": "Rencana Aksi berubah setelah ditandatangani",
    "RKT230": "kop instansi diubah, tetapi versi bertanda tangan lama tidak mencatat identitas yang dicetaknya",
    # the performance year: Rencana Aksi, quarterly reports, how capaian is measured (check/rules/performance_*.py)
    "RKT240": "indikator Rencana Aksi tidak bertarget pada RKT tahun itu",
    "RKT241": "indikator yang sama dimuat Rencana Aksi dua unit",
    "RKT242": "indikator kinerja utama (Perjanjian Kinerja) belum dimuat Rencana Aksi mana pun",
    "RKT243": "kode program, kegiatan atau sub kegiatan tidak ada di Form RKT unit",
    "RKT244": "target triwulan tidak menghasilkan target tahunan RKT",
    "RKT245": "target triwulan ditulis dalam satuan lain dari target tahunan",
    "RKT246": "rencana penyerapan anggaran melebihi pagu program",
    "RKT247": "persentase dijumlahkan antar triwulan (agregasi 'jumlah' pada indikator persentase)",
    "RKT248": "arah 'rentang' tidak sesuai dengan bentuk target",
    "RKT249": "skala kategori capaian tidak menurun atau tidak berakhir di 0",
    "RKT250": "laporan untuk triwulan yang belum berakhir",
    "RKT251": "laporan triwulan unit yang belum memiliki Rencana Aksi",
    "RKT252": "realisasi indikator yang tidak ada di Rencana Aksi unit",
    "RKT253": "realisasi ditulis dalam satuan lain dari targetnya, atau bukan angka",
    "RKT254": "angka realisasi ditulis dengan titik desimal (bermakna ganda)",
    "RKT255": "indikator bertarget pada triwulan itu belum diberi realisasi",
    "RKT256": "realisasi anggaran setahun melebihi pagu program",
    # the LKjIP's sections (check/lkjip_files.py)
    "RKT260": "komentar petunjuk pada bagian LKjIP tidak ditutup",
    # the SAKIP stages after the year (check/rules/sakip.py)
    "RKT265": "peran pada kalender SAKIP tidak ada di agency.yaml",
    "RKT266": "pegawai pada catatan tahapan SAKIP tidak ada di agency.yaml",
    "RKT267": "tanggal tahapan SAKIP di masa depan atau sebelum tahun kinerjanya berakhir",
    "RKT268": "berkas bukti tahapan SAKIP tidak ada",
    "RKT269": "tahapan SAKIP dicatat sebelum tahapan yang mendahuluinya",
    # against a base revision (check/sealed.py, check/revisions.py)
    "RKT301": "catatan peristiwa lama diubah atau dihapus",
    "RKT302": "berkas bertanda tangan diubah, dipindah, atau dihapus",
    "RKT303": "tanggal mulai siklus diubah setelah peristiwa dicatat",
    "RKT304": "tanggal_dari_git diubah pada siklus yang sudah selesai",
    "RKT305": "isian cycle.yaml siklus bertanda tangan diubah tanpa membuka kembali siklus",
    "RKT306": "form siklus bertanda tangan diubah tanpa membuka kembali siklus",
    "RKT307": "perubahan Renstra atau agency.yaml mengubah isi RKT bertanda tangan",
    "RKT308": "uraian indikator Renstra diubah dengan kode tetap: form yang merujuknya berubah makna",
    "RKT309": "satuan indikator Renstra diubah dengan kode tetap: target form yang merujuknya perlu diperiksa",
    "RKT310": "laporan triwulan yang sudah disetujui diubah tanpa catatan perubahan baru",
    "RKT311": "catatan perubahan laporan triwulan yang lama diubah atau dihapus",
    # the regency view (regency/config.py)
    "RKT400": "rujukan ke sasaran kabupaten yang tidak ada",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file.

    `line`/`col` are 1-based; 0 means "not known yet" and `path` (a JSON path
    into the file's document) is used to find them.
    """

    file: str
    code: str
    message: str
    line: int = 0
    col: int = 0
    path: Path | None = None
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class Mark(Protocol):
    """A place in a YAML text, as libyaml marks it (0-based)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Positions:
    """Line/column of every key and value of one loaded document.

    Marks are stored as libyaml gives them (0-based) and converted on demand;
    most documents are valid and never asked.
    """

    __slots__ = ("marks",)

    def __init__(self, marks: dict[Path, Mark]) -> None:
        self.marks = marks

    def find(self, path: Path) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        marks = self.marks
        p = tuple(path)
        while p not in marks and p:
            p = p[:-1]
        mark = marks.get(p)
        if mark is None:
            return (1, 1)
        return (mark.line + 1, mark.column + 1)


def locate(problems: Iterable[Problem], positions: Mapping[str, Positions]) -> list[Problem]:
    """Give every problem a line and column, from its path where it has none."""
    out = []
    for p in problems:
        if p.line == 0:
            pos = positions.get(p.file)
            line, col = pos.find(p.path or ()) if pos else (1, 1)
            p = replace(p, line=line, col=col)
        out.append(p)
    return out


def sort_key(p: Problem) -> tuple:
    return (p.file, p.line, p.col, p.code, p.message)


def os_reason(exc: OSError) -> str:
    """Why a file could not be used, in Indonesian (the system's own words are English)."""
    import errno

    reasons = {
        errno.ENOENT: "berkas atau folder tidak ada",
        errno.EACCES: "tidak ada izin",
        errno.EPERM: "tidak ada izin",
        errno.EISDIR: "yang dituju adalah folder, bukan berkas",
        errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
        errno.ENOSPC: "ruang penyimpanan penuh",
        errno.EROFS: "penyimpanan hanya-baca",
        errno.EFBIG: "berkas terlalu besar untuk penyimpanan ini",
    }
    return reasons.get(exc.errno or 0, "kesalahan sistem berkas")
