"""A placeholder that `rkt init` left is BELUM DIISI on every surface that shows the agency's
data, never "(isi ...)": the RKT and PK workbooks (a marked cell, the document DRAF), the CSV,
and the dashboard's pages (a badge whose title names the file and the value to fill, the RKT
page DRAF). Once every placeholder is filled, BELUM DIISI is gone everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.cli import rkt
from support.repos import commit, git

TODAY = "2026-11-28"
INIT_FLAGS = ("--nama", "Dinas Kesehatan", "--pemerintah", "Pemerintah Kabupaten Contoh", "--kota", "Contoh",
              "--pengelola", "budi-it")
# valid, distinct NIPs for the six people `rkt init` lists
NIPS = ["197305121998032004", "198001012005011001", "198502152010012002", "199003032015031003",
        "197812242003121004", "198807072012022005"]


def new_agency(tmp_path: Path) -> Path:
    """`rkt init`, an atasan whose name is still to fill, the 2027 cycle opened; under git."""
    proc = rkt(tmp_path, "init", "dinkes", *INIT_FLAGS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    repo = tmp_path / "dinkes"
    agency = repo / "cycles/agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "  kepala: kepala-badan\n",
        "  kepala: kepala-badan\n  atasan:\n    nama: (isi nama Bupati)\n    jabatan: Bupati Contoh\n"), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "rkt init")
    proc = rkt(repo, "new-cycle", "2027", "--start", "2026-11-02")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    commit(repo, "siklus 2027")
    return repo


def fill_everything(repo: Path) -> None:
    """Every "(isi ...)" of agency.yaml and renstra.yaml replaced as the staff would."""
    nips = iter(NIPS)
    for rel in ("cycles/agency.yaml", "cycles/renstra.yaml"):
        path = repo / rel
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.lstrip().startswith("#"):
                lines.append(line)
            elif "(isi NIP)" in line:
                lines.append(line.replace("(isi NIP)", f'"{next(nips)}"'))
            elif "(isi target)" in line:
                lines.append(line.replace("(isi target)", '"90%"'))
            else:
                lines.append(re.sub(r"\(isi ([^)]*)\)", lambda m: m.group(1)[:1].upper() + m.group(1)[1:], line))
        path.write_text("".join(lines), encoding="utf-8")


def outputs(repo: Path, tmp_path: Path) -> dict[str, str]:
    """What a user reads: the RKT as XLSX and CSV, the PK as XLSX, and the dashboard's pages
    (the guides under panduan/, which explain "(isi ...)", and the search index of them aside)."""
    out: dict[str, str] = {}
    for document, kind in (("rkt", "xlsx"), ("rkt", "csv"), ("pk", "xlsx")):
        path = tmp_path / f"{document}.{kind}"
        proc = rkt(repo, "export", "2027", "--document", document, "--format", kind, "--out", str(path),
                   "--today", TODAY)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        out[path.name] = path.read_text(encoding="utf-8-sig") if kind == "csv" else workbook_text(path)
    proc = rkt(repo, "build", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = repo / "site"
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        # the form pages embed data for their script
        if not rel.startswith("panduan/") and rel not in ("isi-form.html", "laporan-triwulan.html"):
            out[rel] = page.read_text(encoding="utf-8")
    return out


def regency_pages(repo: Path, tmp_path: Path) -> dict[str, str]:
    """The regency dashboard built from this agency's published data: every page's text."""
    import yaml

    from generator.commands import kabupaten

    root = tmp_path / "kabupaten"
    assert kabupaten.init(root, "Pemerintah Kabupaten Contoh").code == 0
    (root / "kabupaten.yaml").write_text(yaml.safe_dump({
        "kabupaten": {"nama": "Pemerintah Kabupaten Contoh", "zona_waktu": "Asia/Makassar"}, "sasaran": [],
        "opd": [{"kode": "dinkes", "nama": "Dinas Kesehatan", "data": str(repo / "site/data/rkt.json")}]},
        allow_unicode=True), encoding="utf-8")
    proc = rkt(root, "kabupaten", "build", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {p.relative_to(root / "site").as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((root / "site").rglob("*.html"))}


def workbook_text(path: Path) -> str:
    wb = load_workbook(path)
    return "\n".join([ws.oddHeader.center.text or "" for ws in wb.worksheets] +
                     [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None])


@pytest.mark.git
@pytest.mark.site
def test_every_surface_shows_belum_diisi_and_never_the_placeholder(tmp_path):
    repo = new_agency(tmp_path)
    shown = outputs(repo, tmp_path)
    assert [name for name, text in shown.items() if "(isi" in text.lower()] == []
    for name in ("rkt.xlsx", "rkt.csv", "pk.xlsx", "rkt/2027.html", "index.html", "siklus/2027.html", "tren.html"):
        assert "BELUM DIISI" in shown[name], name

    # the workbooks: a marked cell, DRAF in the title, on the line below and on every page
    for name, title in (("rkt.xlsx", "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027 (DRAF)"),
                        ("pk.xlsx", "PERJANJIAN KINERJA TAHUN 2027 (DRAF)")):
        wb = load_workbook(tmp_path / name)
        ws = wb.worksheets[0]
        cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert [c.value for c in cells if c.value.endswith("(DRAF)")] == [title]
        assert any("belum dapat ditandatangani" in c.value and "isian masih BELUM DIISI" in c.value for c in cells)
        marked = [c for c in cells if "BELUM DIISI" in c.value and c.fill.fgColor.rgb.endswith("FFF2CC")]
        assert marked and all(c.font.b and c.font.color.rgb.endswith("AA0000") for c in marked)
        assert all(w.oddHeader.center.text.startswith("DRAF") for w in wb.worksheets)
    # the CSV: the text, where the placeholder was
    assert "1;BELUM DIISI;SS1.1;BELUM DIISI;BELUM DIISI;" in shown["rkt.csv"]

    # the pages: a badge naming the file and the value to fill; the RKT page is a DRAF saying why
    page = shown["rkt/2027.html"]
    assert ('<p class="rkt-kop-addr"><span class="rkt-badge rkt-terlambat rkt-belum-diisi" title="Belum diisi: '
            'alamat instansi di berkas cycles/agency.yaml masih isian contoh') in page
    assert 'title="Belum diisi: NIP Kepala Badan di berkas cycles/agency.yaml' in page
    assert 'title="Belum diisi: uraian sasaran SS1 di berkas cycles/renstra.yaml' in page
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027 (DRAF)" in page
    assert "DRAF: belum dapat ditandatangani" in page and "isian masih BELUM DIISI" in page
    assert 'title="Belum diisi: nama Kepala Badan di berkas cycles/agency.yaml' in shown["index.html"]

    # the regency view of this agency: what it published still holds the placeholders, shown as such
    regency = regency_pages(repo, tmp_path)
    assert [name for name, text in regency.items() if "(isi" in text.lower()] == []
    assert '<span class="kab-badge kab-terlambat" title="Belum diisi: ' in regency["opd/dinkes.html"]

    fill_everything(repo)
    commit(repo, "data instansi dan Renstra diisi")
    shown = outputs(repo, tmp_path)
    # (still DRAF for the form not handed in yet, which says so itself)
    assert [name for name, text in shown.items() if "BELUM DIISI" in text or "(isi" in text.lower()] == []
    assert "rkt-draf-isian" not in shown["rkt/2027.html"]
