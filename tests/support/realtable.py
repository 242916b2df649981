"""An agency set up from nothing with `rkt init` and filled as from two real published tables:
a Perjanjian Kinerja with 4 sasaran and 8 indicators (targets as printed: "100%", "85 point",
"SKP > baik", no tujuan above the sasaran, no other Renstra year, no IKU marking, no Keterangan)
and an RKT with three program-level pagu (no program codes, no kegiatan). `TYPED` is every
value typed from the tables (`test_structure` checks that the PDFs print nothing else);
`INVENTED` what the repository needed beyond them."""

from __future__ import annotations

from pathlib import Path

from support.cli import rkt

YEAR = 2027
TODAY = "2026-12-06"
HEAD = ("dr. Rahmat Hidayat, M.Kes.", "197305121998031004", "Kepala Dinas Kesehatan")
SUPERIOR = ("H. Abdul Hadi, S.Ag., M.I.Kom.", "Bupati Balangan")
ADDRESS = "Jalan Jenderal Sudirman No. 12, Paringin 71662"
GOVERNMENT, AGENCY, CITY = "Pemerintah Kabupaten Balangan", "Dinas Kesehatan", "Paringin"

# the PK's table: sasaran, then (indicator, target as printed)
PERFORMANCE = [
    ("Meningkatnya derajat kesehatan masyarakat", [
        ("Persentase ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar", "100%"),
        ("Persentase balita gizi buruk yang mendapat perawatan", "100%")]),
    ("Meningkatnya mutu pelayanan kesehatan", [
        ("Indeks kepuasan masyarakat terhadap pelayanan puskesmas", "85 point"),
        ("Persentase puskesmas terakreditasi paripurna", "60%")]),
    ("Meningkatnya akuntabilitas kinerja perangkat daerah", [
        ("Nilai SAKIP Dinas Kesehatan", "BB"),
        ("Persentase capaian kinerja program", "95%")]),
    ("Meningkatnya kinerja aparatur", [
        ("Nilai kinerja pegawai", "SKP > baik"),
        ("Persentase pegawai yang mengikuti peningkatan kompetensi", "80%")]),
]
# the RKT's program table: the pagu of each program, no code, no kegiatan
PROGRAMS = [
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 4_250_000_000),
    ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", 12_750_500_000),
    ("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", 635_000_000),
]

# every value typed from the two tables and the documents' kop and signature
TYPED = [GOVERNMENT, AGENCY, CITY, ADDRESS, *HEAD, *SUPERIOR,
         *(s for s, _ in PERFORMANCE), *(x for _, rows in PERFORMANCE for row in rows for x in row),
         *(name for name, _ in PROGRAMS)]

# what the repository needed that neither table has (24 values, none printed on the PDFs):
# (file, what, how many, value typed for it)
INVENTED = [
    ("cycles/renstra.yaml", "kode sasaran (tabel memberi nomor 1-4)", 4, "SS1 ... SS4"),
    ("cycles/renstra.yaml", "kode indikator", 8, "SS1.1 ... SS4.2"),
    ("cycles/renstra.yaml", "unit penanggung jawab setiap indikator", 8, "[sekretariat]"),
    ("cycles/renstra.yaml", "periode Renstra (mulai, selesai)", 2, "2025, 2029"),
    ("cycles/2027/cycle.yaml", "tanggal mulai siklus", 1, "2026-11-02"),
    ("cycles/2027/forms/sekretariat.yaml", "unit penyusun form (RKT sumber setingkat instansi)", 1, "sekretariat"),
]


def _renstra() -> str:
    out = ["judul: (isi judul Renstra)\nperiode:\n  mulai: 2025\n  selesai: 2029\n\nsasaran:\n"]
    for n, (objective, rows) in enumerate(PERFORMANCE, start=1):
        out.append(f"  - kode: SS{n}\n    uraian: {objective}\n    indikator:\n")
        for m, (indicator, target) in enumerate(rows, start=1):
            out.append(f"      - kode: SS{n}.{m}\n        uraian: {indicator}\n        unit: [sekretariat]\n"
                       f"        target:\n          {YEAR}: \"{target}\"\n")
    return "".join(out)


def _form() -> str:
    out = [f"tahun: {YEAR}\nunit: sekretariat\n\nkinerja:\n"]
    for n, (_, rows) in enumerate(PERFORMANCE, start=1):
        out.append(f"  - sasaran: SS{n}\n    indikator:\n")
        out += [f"      - kode: SS{n}.{m}\n        target: \"{target}\"\n" for m, (_, target) in enumerate(rows, 1)]
    out.append("\nprogram:\n")
    out += [f"  - nama: {name}\n    anggaran: {pagu}\n" for name, pagu in PROGRAMS]
    return "".join(out)


def _replace(path: Path, changes: list[tuple[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def real_table_repo(parent: Path) -> Path:
    """The agency as a plain folder (no git), its 2027 cycle open, the form of its one unit in."""
    proc = rkt(parent, "init", "dinkes", "--nama", AGENCY, "--pemerintah", GOVERNMENT, "--kota", CITY,
               "--pengelola", "budi-it")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    repo = parent / "dinkes"
    name, nip, position = HEAD
    _replace(repo / "cycles/agency.yaml", [
        ("(isi alamat kantor seperti pada kop surat)", ADDRESS),
        ("  kepala: kepala-badan\n", f"  kepala: kepala-badan\n  atasan:\n    nama: {SUPERIOR[0]}\n"
                                     f"    jabatan: {SUPERIOR[1]}\n"),
        ("nama: (isi nama Kepala Badan)\n    nip: (isi NIP)\n    jabatan: (isi jabatan Kepala Badan)",
         f"nama: {name}\n    nip: \"{nip}\"\n    jabatan: {position}"),
    ])
    renstra = repo / "cycles/renstra.yaml"
    renstra.write_text(renstra.read_text(encoding="utf-8").splitlines(keepends=True)[0] + _renstra(),
                       encoding="utf-8")
    proc = rkt(repo, "new-cycle", str(YEAR), "--start", "2026-11-02", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    form = repo / f"cycles/{YEAR}/forms/sekretariat.yaml"
    form.parent.mkdir(parents=True, exist_ok=True)
    form.write_text("# yaml-language-server: $schema=../../../schemas/form.schema.json\n" + _form(), encoding="utf-8")
    return repo
