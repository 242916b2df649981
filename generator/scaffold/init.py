"""`rkt init`: the files of a new agency repository, with placeholders to fill.

An agency repository is a copy of this tool's repository without the example
data: the same `generator/`, schemas, site sources, workflows and install
files, so that the agency's own CI and `make site` run exactly the code its
data was checked with (the tool is not published on a package index, and the
pull-request workflow takes the judge, `generator/` and `schemas/`, from the
target branch of the same repository). What is the agency's own is generated
here: `cycles/agency.yaml` and `cycles/renstra.yaml` with placeholders, the
SOP copied from the seed SOP, `mkdocs.yml` with the agency's name, a README.

A placeholder is valid data that says what to put there: every one starts
with "(isi ", so `check.rules.placeholders.unfilled` can count what is left and no
placeholder can pass for real data (in particular no NIP is invented: see
rules.NIP_PLACEHOLDER).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.check.codeowners import MAINTAINER_ROLE
from generator.check.rules import NIP_PLACEHOLDER
from generator.source.yamlwrite import scalar, schema_line

# The tool's own checkout: where the copied parts come from.
TOOL = Path(__file__).resolve().parents[2]

# What an agency repository needs from the tool to validate, build and publish by itself.
# The optional files are copied when the checkout has them.
# (the pull-request workflow installs the judge from the target branch: pyproject.toml, requirements/)
TREES = ("generator", "schemas", "requirements", "docs/panduan", "docs/css", "docs/js", "docs/vendor",
         ".github/workflows")
FILES = ("Makefile", "pyproject.toml", ".gitignore", ".gitattributes")
OPTIONAL_FILES = (".github/pull_request_template.md",)
# Never copied: the example data (cycles/<year>/, agency, Renstra), tests, benchmarks,
# the tool's CI entry (.ci/) and .github/CODEOWNERS (it names the example's people; the
# agency's own is written from its new agency.yaml).
_SKIP_PARTS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo", ".tmp")


class InitError(Exception):
    """The tool's checkout lacks a part a new repository needs (message in Indonesian)."""


@dataclass(frozen=True)
class Identity:
    """What `rkt init` is told on the command line; None leaves a placeholder."""

    name: str | None = None  # nama instansi
    government: str | None = None  # pemerintah daerah, first line of the letterhead
    city: str | None = None  # place of signing
    # GitHub account of the `pengelola` (codeowners.MAINTAINER_ROLE), who reviews changes to the
    # judge; it must be real from the first commit, and an account cannot be a placeholder
    maintainer: str = ""


_GITHUB = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\Z")


def github_problem(value: str) -> str | None:
    if not _GITHUB.match(value):
        return (f"--pengelola '{value}' bukan nama pengguna GitHub yang sah (huruf, angka dan tanda hubung, "
                f"tanpa '@'), misalnya budi-santoso")
    return None


def flag_problem(flag: str, value: str | None) -> str | None:
    """Why a command-line value cannot go into agency.yaml, or None (the loader would reject it later)."""
    if value is None:
        return None
    if not value.strip():
        return f"{flag} tidak boleh kosong"
    if len(value) > 200:
        return f"{flag} terlalu panjang ({len(value)} karakter; paling banyak 200)"
    bad = next((ch for ch in value if unicodedata.category(ch)[0] in "CZ" and ch != " "), None)
    if bad is not None:
        return f"{flag} memuat karakter yang tidak boleh dipakai (U+{ord(bad):04X}); tulis satu baris teks biasa"
    return None


# --- the agency's own files ------------------------------------------------------

def _lanes(sop_text: str) -> tuple[list[tuple[str, str]], str | None]:
    """(code, name) of the SOP's pelaksana lanes and the lane that approves it, read from sop.yaml."""
    from generator.source.load import load_bytes

    doc = load_bytes(sop_text.encode("utf-8"), "cycles/sop.yaml").document
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    lanes = [(x["kode"], x["nama"]) for x in data.get("pelaksana", [])
             if isinstance(x, dict) and {"kode", "nama"} <= x.keys()]
    if not lanes:
        raise InitError("cycles/sop.yaml pada alat ini tidak memuat daftar pelaksana")
    return lanes, data.get("disahkan_oleh")


# How a placeholder names the one person standing for a lane that many people share.
_WHO = {"tim": "anggota Tim perencanaan", "kabid-kasubbag": "Kabid/Kasubbag pengisi Form RKT"}


def agency_yaml(identity: Identity, sop_text: str) -> str:
    """agency.yaml: one placeholder person per SOP lane, one unit (Sekretariat), no invented NIP."""
    lanes, approver = _lanes(sop_text)
    codes = [code for code, _ in lanes]
    head = approver if approver in codes else codes[-1]
    secretary = "sekretaris" if "sekretaris" in codes else head
    return (schema_line("agency", 1) +
            "# Data instansi. Ganti setiap isian bertanda \"(isi ...)\" dengan data sebenarnya;\n"
            "# halaman Beranda dasbor menghitung isian yang belum diganti.\n\n" +
            _instansi(identity, head) + _people(lanes, identity.maintainer) + _units_and_roles(lanes, secretary) +
            "\n# Libur nasional dan cuti bersama diambil otomatis. Tambahkan di sini hari libur\n"
            "# daerah atau perubahan SKB, dan hari yang tetap masuk kerja. Contoh:\n"
            "#   libur_tambahan:\n#     - tanggal: 2027-12-24\n#       keterangan: Cuti bersama Natal (SKB ...)\n"
            "kalender:\n  libur_tambahan: []\n  hari_kerja_tambahan: []\n" + _MEASUREMENT)


# The measurement rules stay commented out: the defaults apply until the agency writes its Perbup's.
_MEASUREMENT = (
    "\n# Aturan pengukuran kinerja (Rencana Aksi dan laporan triwulan), sesuai Peraturan Bupati.\n"
    "# Bila tidak ditulis, nilai bawaan dipakai (tertulis di halaman Capaian dasbor). Contoh:\n"
    "# pengukuran:\n"
    "#   rumus_turun: \"2 - R/T\"      # indikator semakin kecil semakin baik; atau \"T/R\"\n"
    "#   batas_capaian: 120           # capaian di atas 120% ditampilkan 120%\n"
    "#   ambang_verifikasi: 150       # capaian di atas 150% ditandai perlu verifikasi\n"
    "#   tenggat_laporan: 10          # hari kerja setelah triwulan berakhir\n")


def _instansi(identity: Identity, head: str) -> str:
    def value(given: str | None, placeholder: str) -> str:
        return scalar(given.strip() if given else placeholder)

    government = value(identity.government, "(isi pemerintah daerah, misalnya Pemerintah Kabupaten ...)")
    return ("instansi:\n"
            f"  nama: {value(identity.name, '(isi nama instansi)')}\n"
            f"  singkatan: {scalar('(isi singkatan nama instansi)')}\n"
            f"  pemerintah: {government}\n"
            f"  alamat: {scalar('(isi alamat kantor seperti pada kop surat)')}\n"
            f"  kota: {value(identity.city, '(isi kota tempat penandatanganan)')}\n"
            "  # kode pegawai (dari daftar pegawai di bawah) yang menandatangani RKT\n"
            f"  kepala: {head}\n\n"
            "# Zona waktu kantor: Asia/Makassar (WITA), Asia/Jakarta atau Asia/Pontianak (WIB), Asia/Jayapura (WIT).\n"
            "zona_waktu: Asia/Makassar\n\n")


def _person(code: str, who: str, github: str | None = None) -> str:
    return (f"  - kode: {code}\n    nama: {scalar(f'(isi nama {who})')}\n    nip: {scalar(NIP_PLACEHOLDER)}\n"
            f"    jabatan: {scalar(f'(isi jabatan {who})')}\n" + (f"    github: {github}\n" if github else ""))


def _people(lanes: list[tuple[str, str]], maintainer: str) -> str:
    return ("# Satu pegawai untuk setiap peran SOP sebagai awal. Ganti nama, NIP (18 angka, di antara tanda\n"
            "# kutip) dan jabatannya, lalu tambahkan pegawai lain, misalnya setiap Kepala Bidang.\n"
            "# 'github' (nama pengguna GitHub) boleh ditambahkan untuk pemilik kode dan pengingat.\n"
            "pegawai:\n" + "".join(_person(code, _WHO.get(code, name)) for code, name in lanes) +
            _person(MAINTAINER_ROLE, "pengelola repositori", maintainer))


def _units_and_roles(lanes: list[tuple[str, str]], secretary: str) -> str:
    roles = "".join(f"  - kode: {code}\n    nama: {scalar(name)}\n    pegawai: [{code}]\n" for code, name in lanes)
    return ("\n# Unit yang mengisi Form RKT. Kode unit = nama berkas formnya (forms/<kode>.yaml).\n"
            "# Tambahkan setiap Bidang dengan kepala unitnya.\n"
            "unit:\n  - kode: sekretariat\n    nama: Sekretariat\n    singkatan: Sekretariat\n"
            f"    kepala: {secretary}\n\n"
            "# Peran pelaksana SOP (kode sama dengan kode pelaksana di sop.yaml) dan pegawai yang menjalankannya.\n"
            "peran:\n" + roles +
            "  # Pengelola repositori: meninjau perubahan kode, skema, alur kerja dan pengaturan\n"
            "  # (generator/, schemas/, .github/, ...). Harus pegawai yang tidak memiliki berkas data.\n"
            f"  - kode: {MAINTAINER_ROLE}\n    nama: Pengelola Repositori\n    pegawai: [{MAINTAINER_ROLE}]\n")


def renstra_yaml(first_year: int) -> str:
    """renstra.yaml: the skeleton of one tujuan, sasaran and indikator, every value a placeholder."""
    years = range(first_year, first_year + 5)
    targets = "".join(f"          {y}: {scalar('(isi target)')}\n" for y in years)
    return (schema_line("renstra", 1) +
            "# Rencana Strategis (Renstra) yang berlaku. Ganti setiap isian bertanda \"(isi ...)\", sesuaikan\n"
            "# periodenya, dan tambahkan tujuan, sasaran dan indikator lain dengan pola yang sama.\n"
            "# Kode indikator diawali kode sasarannya (SS1.1, SS1.2, ...). Target pecahan ditulis di antara\n"
            "# tanda kutip dengan koma desimal, misalnya \"0,70\"; \"-\" berarti tidak ada target tahun itu.\n\n"
            f"judul: {scalar('(isi judul Renstra, misalnya Rencana Strategis ... Tahun 2025-2029)')}\n"
            f"periode:\n  mulai: {first_year}\n  selesai: {first_year + 4}\n\n"
            "# Bagian tujuan boleh dihapus bila tabel Renstra mencantumkan sasaran tanpa tujuan di atasnya\n"
            "# (hapus juga baris 'tujuan: T1' pada sasarannya).\n"
            "tujuan:\n"
            "  - kode: T1\n"
            f"    uraian: {scalar('(isi uraian tujuan)')}\n\n"
            "sasaran:\n"
            "  - kode: SS1\n"
            "    tujuan: T1\n"
            f"    uraian: {scalar('(isi uraian sasaran strategis)')}\n"
            "    indikator:\n"
            "      - kode: SS1.1\n"
            f"        uraian: {scalar('(isi uraian indikator kinerja)')}\n"
            f"        satuan: {scalar('(isi satuan)')}\n"
            "        iku: true\n"
            "        # kode unit yang bertanggung jawab atas indikator ini\n"
            "        unit: [sekretariat]\n"
            "        # tahun yang targetnya tidak tercatat di Renstra boleh dihapus, kecuali tahun yang sudah\n"
            "        # memiliki siklus RKT\n"
            "        target:\n" + targets)


def sop_yaml(seed: str) -> str:
    """The seed SOP with a header for its new owner (the example's own comment names the example agency)."""
    lines = seed.splitlines(keepends=True)
    body = 1
    while body < len(lines) and lines[body].startswith("#"):
        body += 1
    return (lines[0] +
            "# SOP Penyusunan Rencana Kinerja Tahunan (RKT), disalin sebagai titik awal dari SOP yang dipakai\n"
            "# BKPSDM Kabupaten Balangan (format SOP AP, PermenPAN-RB 35/2012). Sesuaikan dengan SOP instansi\n"
            "# ini: nomor dan tanggal SOP, pelaksana, waktu dan langkahnya. Kode pelaksana harus sama dengan\n"
            "# kode peran di agency.yaml.\n" + "".join(lines[body:]))


def site_title(identity: Identity) -> str:
    region = (identity.government or "").strip()
    region = re.sub(r"^Pemerintah\s+", "", region)
    name = (identity.name or "").strip()
    return " ".join(x for x in ("Dasbor RKT", name, region) if x) if name else "Dasbor RKT (isi nama instansi)"


def mkdocs_yml(tool_text: str, identity: Identity) -> str:
    """The tool's mkdocs.yml with the agency's name in place of the example's."""
    title = site_title(identity)
    name = (identity.name or "").strip() or "(isi nama instansi)"
    out = []
    for line in tool_text.splitlines(keepends=True):
        if line.startswith("site_name:"):
            line = f"site_name: {scalar(title)}\n"
        elif line.startswith("site_description:"):
            line = f"site_description: {scalar(f'Rencana Kinerja Tahunan (RKT) {name}')}\n"
        elif line.startswith("# Dasbor RKT "):
            line = f"# {title}.\n"
        out.append(line)
    return "".join(out)


def readme(identity: Identity) -> str:
    name = (identity.name or "").strip() or "instansi"
    return f"""# Dasbor RKT {name}

Repositori ini menyimpan seluruh proses penyusunan Rencana Kinerja Tahunan (RKT) {name}:
data instansi, Renstra, SOP, setiap siklus RKT dan Form RKT setiap unit, dalam berkas teks yang
diperiksa otomatis dan diterbitkan sebagai dasbor (situs statis).

Repositori ini dibuat dengan `rkt init` dan masih berisi isian bertanda **"(isi ...)"**. Mulailah dari
panduan [Mulai dengan data sendiri](docs/panduan/mulai.md).

## Isi repositori

| Folder / berkas | Isi |
|---|---|
| `cycles/agency.yaml` | data instansi: pegawai, unit kerja, peran dalam SOP, kalender kerja |
| `cycles/renstra.yaml` | Renstra yang berlaku: tujuan, sasaran, indikator dan target tahunan |
| `cycles/sop.yaml` | SOP Penyusunan RKT sebagai data: langkah, pelaksana, waktu |
| `cycles/TAHUN/` | satu siklus RKT: `cycle.yaml`, `forms/UNIT.yaml`, `signed/` (arsip bertanda tangan) |
| `docs/panduan/` | panduan untuk pegawai (juga tampil di dasbor) |
| `generator/`, `schemas/` | alat `rkt` dan aturan pemeriksaan data (jangan diubah tanpa pengelola) |
| `.github/workflows/` | pemeriksaan setiap pull request dan penerbitan dasbor |

## Perintah sehari-hari

Di Debian 12 atau Ubuntu 24.04 (juga WSL di Windows), pasang dulu sekali:
`sudo apt install make git python3-venv`
(Linux lain dan macOS: Python 3.11 atau lebih baru, Git, `make`). Perintah pertama menyiapkan
`.venv` dari `requirements/lock.txt` (sekitar 30 detik, perlu internet ke PyPI).

```
make site      # periksa data dan bangun dasbor ke site/ (buka site/index.html)
make serve     # tampilkan dasbor di http://127.0.0.1:8000 (port lain: make serve PORT=8001)
make validate  # periksa semua berkas data
make status    # ringkasan siklus berjalan di terminal
```

Membuka siklus dan form baru:

```
.venv/bin/rkt new-cycle 2028 --start 2027-11-01
.venv/bin/rkt new-form 2028 sekretariat
```

## Menerbitkan dasbor

1. Unggah repositori ini ke GitHub (repositori baru yang kosong).
2. Di **Settings → Pages**, pilih sumber **GitHub Actions**.
3. Setiap perubahan di cabang `main` dan setiap pagi, dasbor dibangun ulang dan diterbitkan.

## Memperbarui alat

Folder `generator/`, `schemas/`, `docs/css/`, `docs/js/`, `docs/vendor/`, `.github/workflows/`,
`Makefile` dan `pyproject.toml` berasal dari repositori rkt-dashboard. Untuk memperbarui alat, salin
versi barunya ke sini lewat pull request yang ditinjau pengelola, lalu jalankan `make validate`.
"""


# --- everything together -----------------------------------------------------------

def copy_tool(trees: tuple[str, ...], files: tuple[str, ...], command: str) -> dict[str, bytes]:
    """The tool's own folders and files (path -> content) that a new repository carries."""
    for rel in trees + files:
        if not (TOOL / rel).exists():
            raise InitError(f"{rel} tidak ditemukan di {TOOL}; '{command}' perlu dijalankan dari salinan lengkap "
                            f"repositori rkt-dashboard")
    out: dict[str, bytes] = {}
    for rel in trees:
        _copy_tree(rel, out)
    for rel in files:
        out[rel] = (TOOL / rel).read_bytes()
    return out


def _copy_tree(rel: str, out: dict[str, bytes]) -> None:
    base = TOOL / rel
    for path in sorted(base.rglob("*")):
        if not path.is_file() or _SKIP_PARTS & set(path.parts) or path.name.endswith(_SKIP_SUFFIXES):
            continue
        out[path.relative_to(TOOL).as_posix()] = path.read_bytes()


def _read(rel: str) -> str:
    try:
        return (TOOL / rel).read_text(encoding="utf-8")
    except OSError as exc:
        raise InitError(f"{rel} tidak ditemukan di {TOOL}; 'rkt init' perlu dijalankan dari salinan lengkap "
                        f"repositori rkt-dashboard") from exc


def files(identity: Identity, first_year: int) -> dict[str, bytes]:
    """Every file of the new repository (path relative to it -> content), in memory.

    `first_year` starts the placeholder Renstra period (the current year; the agency edits it).
    """
    out = copy_tool(TREES, FILES + tuple(f for f in OPTIONAL_FILES if (TOOL / f).is_file()), "rkt init")
    seed = _read("cycles/sop.yaml")
    generated = {
        "cycles/sop.yaml": sop_yaml(seed),
        "cycles/agency.yaml": agency_yaml(identity, seed),
        "cycles/renstra.yaml": renstra_yaml(first_year),
        "mkdocs.yml": mkdocs_yml(_read("mkdocs.yml"), identity),
        "README.md": readme(identity),
    }
    generated[".github/CODEOWNERS"] = _codeowners(generated["cycles/agency.yaml"])
    out.update({rel: text.encode("utf-8") for rel, text in generated.items()})
    return dict(sorted(out.items()))


def _codeowners(agency_text: str) -> str:
    """CODEOWNERS from the new agency.yaml: from the first commit the judge is the pengelola's to approve."""
    from generator.check import codeowners
    from generator.core.model import At, build_agency
    from generator.source.load import load_bytes

    doc = load_bytes(agency_text.encode("utf-8"), "cycles/agency.yaml").document
    if doc is None or not isinstance(doc.data, dict):
        raise InitError("agency.yaml baru tidak dapat dibaca; laporkan ke pengelola rkt-dashboard")
    return codeowners.render(build_agency(doc.data, At("cycles/agency.yaml")))
