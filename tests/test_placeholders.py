"""Placeholders of `rkt init` that a signed document would print (RKT228): `rkt validate` warns
at each one with its line and still exits 0, `rkt sign` refuses and writes nothing, and the
example repository (which has none) validates exactly as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf import minimal_pdf
from support.cli import rkt
from support.repos import commit, git

TODAY = "2026-11-28"
INIT_FLAGS = ("--nama", "Dinas Kesehatan", "--pemerintah", "Pemerintah Kabupaten Contoh", "--kota", "Contoh",
              "--pengelola", "budi-it")

# (file, the line as `rkt init` writes it, what the staff read, the placeholder): every one a document prints
PRINTED = [
    ("cycles/agency.yaml", "  alamat: (isi alamat kantor seperti pada kop surat)", "alamat instansi",
     "(isi alamat kantor seperti pada kop surat)"),
    ("cycles/agency.yaml", "    nama: (isi nama Kepala Badan)", "nama Kepala Badan", "(isi nama Kepala Badan)"),
    ("cycles/agency.yaml", "    jabatan: (isi jabatan Kepala Badan)", "jabatan Kepala Badan",
     "(isi jabatan Kepala Badan)"),
    ("cycles/renstra.yaml", "    uraian: (isi uraian sasaran strategis)", "uraian sasaran SS1",
     "(isi uraian sasaran strategis)"),
    ("cycles/renstra.yaml", "        uraian: (isi uraian indikator kinerja)", "uraian indikator SS1.1",
     "(isi uraian indikator kinerja)"),
    ("cycles/renstra.yaml", "        satuan: (isi satuan)", "satuan indikator SS1.1", "(isi satuan)"),
] + [("cycles/renstra.yaml", f"          {y}: (isi target)", f"target {y} indikator SS1.1", "(isi target)")
     for y in range(2026, 2031)]

# what the agency types instead (a NIP of the schema's own example; other placeholders are not printed)
FILLED = {
    "cycles/agency.yaml": [
        ("(isi alamat kantor seperti pada kop surat)", "Jalan Merdeka No. 1, Paringin"),
        ("nama: (isi nama Kepala Badan)\n    nip: (isi NIP)\n    jabatan: (isi jabatan Kepala Badan)",
         "nama: Dr. Siti Aminah, M.Kes.\n    nip: \"197305121998032004\"\n    jabatan: Kepala Dinas Kesehatan"),
    ],
    "cycles/renstra.yaml": [
        ("(isi uraian sasaran strategis)", "Meningkatnya derajat kesehatan masyarakat"),
        ("(isi uraian indikator kinerja)", "Persentase puskesmas terakreditasi"),
        ("(isi satuan)", "persen"),
        ("(isi target)", "\"90\""),
    ],
}


def init(tmp_path: Path) -> Path:
    proc = rkt(tmp_path, "init", "dinkes", *INIT_FLAGS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return tmp_path / "dinkes"


def line_of(repo: Path, rel: str, text: str) -> tuple[int, int]:
    """The line of `text` in the file, and the column of its key (where a problem about a value points)."""
    lines = (repo / rel).read_text(encoding="utf-8").splitlines()
    assert lines.count(text) == 1, text
    return lines.index(text) + 1, len(text) - len(text.lstrip()) + 1


def printed(repo: Path) -> list[tuple[str, int, int, str, str]]:
    """Every printed placeholder of a new repository: file, line, column, what it is, its text."""
    found = [(rel, *line_of(repo, rel, text), label, value) for rel, text, label, value in PRINTED]
    nip = line_of(repo, "cycles/agency.yaml", "    nama: (isi nama Kepala Badan)")[0] + 1  # the head's own NIP
    found.append(("cycles/agency.yaml", nip, 5, "NIP Kepala Badan", "(isi NIP)"))
    return sorted(found)


def expected_warnings(repo: Path) -> list[str]:
    return [f"{rel}:{line}:{col}: RKT228 (peringatan) {label} masih contoh \"{value}\": ganti dengan data "
            f"sebenarnya sebelum RKT atau Perjanjian Kinerja ditandatangani" for rel, line, col, label, value in printed(repo)]


def fill(repo: Path) -> None:
    for rel, changes in FILLED.items():
        path = repo / rel
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


def tree(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted(repo.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(repo).parts}


def init_with_cycle(tmp_path: Path) -> Path:
    """An `rkt init` repository under git with the 2027 cycle opened and committed."""
    repo = init(tmp_path)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "rkt init")
    proc = rkt(repo, "new-cycle", "2027", "--start", "2026-11-02")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    commit(repo, "siklus 2027")
    return repo


def test_an_init_repository_warns_at_each_printed_placeholder_and_exits_0(tmp_path):
    repo = init(tmp_path)
    proc = rkt(repo, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout.splitlines()
    assert out[:-1] == expected_warnings(repo)
    assert out[-1] == "12 peringatan di 2 berkas (3 berkas diperiksa). Tidak ada kesalahan."
    # a placeholder no document prints (the agency's short name, another person's NIP) is left to the Beranda
    assert "singkatan" not in proc.stdout and "Sekretaris" not in proc.stdout


def test_the_warnings_end_when_the_printed_placeholders_are_filled(tmp_path):
    repo = init(tmp_path)
    fill(repo)
    proc = rkt(repo, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "Semua data valid: 3 berkas diperiksa, tidak ada masalah.\n"


def test_the_example_repository_validates_without_a_warning(example):
    proc = rkt(example, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Semua data valid: ") and proc.stdout.endswith(" tidak ada masalah.\n")
    assert proc.stdout.count("\n") == 1 and "RKT228" not in proc.stdout and proc.stderr == ""


@pytest.mark.git
def test_sign_refuses_while_printed_placeholders_remain_and_writes_nothing(tmp_path):
    repo = init_with_cycle(tmp_path)
    expected = [f"{rel}:{line}: {label} masih \"{value}\"" for rel, line, _, label, value in printed(repo)]
    scan = tmp_path / "pindaian.pdf"
    scan.write_bytes(minimal_pdf(["RKT 2027"]))
    before = tree(repo)
    proc = rkt(repo, "sign", "2027", str(scan), "--date", "2026-11-27", "--today", TODAY)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    listed = [ln.strip() for ln in proc.stderr.splitlines() if ln.startswith("  cycles/")]
    assert listed == expected
    assert "Ganti setiap isian itu dengan data sebenarnya" in proc.stderr
    assert "Tidak ada berkas yang ditulis" in proc.stderr
    assert "signed/rkt-2027-v1" not in proc.stderr and "dibatalkan" not in proc.stderr  # no rolled-back file named
    assert tree(repo) == before
    assert git(repo, "status", "--porcelain") == ""

    # filled and committed, the same scan is archived
    fill(repo)
    commit(repo, "data instansi dan Renstra")
    proc = rkt(repo, "sign", "2027", str(scan), "--date", "2026-11-27", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (repo / "cycles/2027/signed/rkt-2027-v1.pdf").is_file()


@pytest.mark.git
def test_sign_of_the_perjanjian_kinerja_refuses_an_atasan_placeholder(tmp_path):
    repo = init_with_cycle(tmp_path)
    fill(repo)
    commit(repo, "data instansi dan Renstra")
    scan = tmp_path / "pindaian.pdf"
    scan.write_bytes(minimal_pdf(["RKT 2027"]))
    proc = rkt(repo, "sign", "2027", str(scan), "--date", "2026-11-27", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    commit(repo, "RKT 2027 ditandatangani")
    agency = repo / "cycles/agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "  kepala: kepala-badan\n",
        "  kepala: kepala-badan\n  atasan:\n    nama: (isi nama Bupati)\n    jabatan: Bupati Contoh\n"), encoding="utf-8")
    commit(repo, "atasan")
    line = agency.read_text(encoding="utf-8").splitlines().index("    nama: (isi nama Bupati)") + 1
    proc = rkt(repo, "validate")
    assert proc.returncode == 0 and f"cycles/agency.yaml:{line}:5: RKT228 (peringatan) nama atasan" in proc.stdout

    before = tree(repo)
    pk = tmp_path / "pk.pdf"
    pk.write_bytes(minimal_pdf(["PK 2027"]))
    proc = rkt(repo, "sign", "2027", str(pk), "--date", "2026-11-28", "--today", TODAY, "--document", "pk")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert (f"  cycles/agency.yaml:{line}: nama atasan (pihak kedua Perjanjian Kinerja) masih \"(isi nama Bupati)\"\n"
            in proc.stderr)
    assert tree(repo) == before
    assert git(repo, "status", "--porcelain") == ""


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.git
def test_a_printed_placeholder_is_marked_belum_diisi_and_the_document_draf(tmp_path):
    """Nothing unfinished on paper: the export prints a visible BELUM DIISI where "(isi ...)" is
    left, never the placeholder itself, and marks the whole document DRAF with the count."""
    repo = init_with_cycle(tmp_path)
    out = tmp_path / "rkt-2027.pdf"
    proc = rkt(repo, "export", "2027", "--format", "pdf", "--out", str(out), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = pdf_text(out)
    assert "(isi" not in text
    assert text.count("BELUM DIISI") >= 5  # kop (government, agency, address), the head's name and NIP, ...
    assert "DRAF. Dokumen ini belum dapat ditandatangani:" in text and "isian masih BELUM DIISI" in text
    assert "NIP. BELUM DIISI" in text

    fill(repo)
    proc = rkt(repo, "export", "2027", "--format", "pdf", "--out", str(out), "--today", "2026-11-28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = pdf_text(out)
    assert "BELUM DIISI" not in text and "belum dapat ditandatangani" not in text
    assert "Meningkatnya derajat kesehatan masyarakat" in text
