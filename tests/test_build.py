"""End-to-end: the example site, built for real with `mkdocs build --strict`."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT
from support.ci import skip_unless_ci
from support.cli import rkt
from support.html import text_of
from support.repos import add_guide, repo_copy, site_copy, tree

from generator.check.validate import validate
from generator.site.build import build
from generator.site.publish import SiteRefused

pytestmark = pytest.mark.git

TODAY = dt.date(2026, 11, 28)


def copy_built(built: Path, tmp_path: Path) -> Path:
    """A copy of the built repository, its site and caches included (no second cold build)."""
    return Path(shutil.copytree(built, tmp_path / "repo", symlinks=True))


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Built once from a fresh copy (no caches): tests that change it work on a copy."""
    repo = repo_copy(tmp_path_factory.mktemp("site"))
    report = build(repo, today=TODAY)
    assert report.result.ok and not report.unsafe
    return repo


@pytest.mark.site
def test_beranda_shows_the_late_step_and_the_missing_unit(built):
    html = (built / "site/index.html").read_text()
    text = text_of(html)
    assert "RKT 2027: sedang berjalan" in text
    assert "Langkah 4 dari 11: Pengisian Form Terlambat 14 hari kerja tenggat 9 November 2026" in text
    assert "Belum menyerahkan Form RKT PSDM (3 dari 4 unit sudah menyerahkan)" in text
    row = re.search(r"<tr class=\"rkt-row-terlambat\">(.*?)</tr>", html, re.S).group(1)
    assert "Pengisian Form" in row and "Terlambat 14 hari" in row
    assert "Keadaan per 28 November 2026" in text


@pytest.mark.site
def test_cycle_page_has_timeline_steps_events_and_units(built):
    html = (built / "site/siklus/2027.html").read_text()
    text = text_of(html)
    assert 'src="../grafik/siklus-2027.svg"' in html
    assert (built / "site/grafik/siklus-2027.svg").read_text().startswith("<?xml")
    for fact in ("Kepala Badan", "Kasubbag Perencanaan", "Disposisi kepada Kasubbag Perencanaan untuk menyusun RKT Tahun 2027",
                 "Belum menyerahkan", "Terlambat 3 hari", "tanggal pada form", "5–9 Nov 2026"):
        assert fact in text, fact
    assert "Putaran revisi" in text_of((built / "site/siklus/2026.html").read_text())


@pytest.mark.site
def test_compiled_rkt_totals_equal_the_sum_of_the_forms(built):
    result = validate(built, today=TODAY)
    folder = next(c for c in result.repository.cycles if c.year == 2027)
    per_unit = {f.unit: sum(s.budget for p in f.programs for k in p.activities for s in k.subs) for f in folder.forms}
    text = text_of((built / "site/rkt/2027.html").read_text())
    rupiah = lambda n: "Rp " + f"{n:,}".replace(",", ".")  # noqa: E731
    for unit, total in per_unit.items():
        assert rupiah(total) in text, unit
    # PSDM's form is not in: the plan's total is unknown, never the partial sum of the others
    assert "Jumlah belum ada anggaran" in text and f"Jumlah {rupiah(sum(per_unit.values()))}" not in text
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027" in text
    assert "Form RKT unit ini belum diserahkan" in text
    # the units' agreed target; the missing unit's indicators are "belum diisi"
    assert "Indeks Sistem Merit indeks 0,70" in text and "Indeks Profesionalitas ASN indeks belum diisi" in text


@pytest.mark.site
def test_archive_lists_the_signed_version_with_its_hash(built):
    text = text_of((built / "site/arsip.html").read_text())
    sha = hashlib.sha256((ROOT / "cycles/2026/signed/rkt-2026-v1.pdf").read_bytes()).hexdigest()
    assert sha in text and "Cocok" in text and "Drs. H. Ahmad Fauzi, M.Si." in text
    assert "NIP. 19700514 199303 1 007" in text  # the standard grouping, as on paper
    assert (built / "site/unduh/rkt-2026-v1.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.site
def test_sop_page_has_identity_flowchart_and_mutu_baku(built):
    html = (built / "site/sop.html").read_text()
    text = text_of(html)
    for fact in ("Dasar hukum", "Undang-Undang Nomor 23 Tahun 2014", "Tepat Waktu", "1 Minggu",
                 "Keputusan: tidak → kembali ke langkah 8", "23 hari kerja"):
        assert fact in text, fact
    assert 'src="grafik/sop.svg"' in html


@pytest.mark.site
def test_nothing_is_loaded_from_outside_the_site(built):
    for page in (built / "site").rglob("*.html"):
        html = page.read_text()
        assert "fonts.googleapis" not in html and "cdn.jsdelivr" not in html, page
        for url in re.findall(r'<(?:script|img|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert not re.match(r"(?:[a-z]+:)?//", url) or url.startswith("data:"), (page, url)


@pytest.mark.site
def test_same_data_and_date_give_identical_sites(built, tmp_path):
    # a second generation from nothing (another folder, no caches), not a shortcut over the first
    other = repo_copy(tmp_path)
    assert not (other / ".rkt-cache").exists() and not (other / "docs/index.md").exists()
    report = build(other, today=TODAY)
    assert report.result is not None and report.generated.charts_reused == 0
    first, second = digest(built / "site"), digest(other / "site")
    assert len(first) > 50 and ".rkt-situs.json" in first
    assert first == second, sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


@pytest.mark.site
def test_site_links_the_downloads(built):
    html = (built / "site/rkt/2027.html").read_text()
    links = set(re.findall(r'href="\.\./(unduh/rkt-2027\.(?:pdf|xlsx|csv))"', html))
    assert links == {"unduh/rkt-2027.pdf", "unduh/rkt-2027.xlsx", "unduh/rkt-2027.csv"}
    assert (built / "site/unduh/rkt-2027.pdf").read_bytes().startswith(b"%PDF")
    assert (built / "site/unduh/rkt-2027.xlsx").read_bytes().startswith(b"PK")
    assert (built / "site/unduh/rkt-2027.csv").read_text(encoding="utf-8-sig").startswith("unit;tingkat;kode;")


def test_second_generation_with_nothing_changed_touches_nothing(tmp_path):
    repo = site_copy(tmp_path)
    first = build(repo, today=TODAY, run_mkdocs=False)
    # 2 timelines, SOP, 2 trends, the 3 numeric IKU of Capaian Kinerja 2026, each with its phone variant
    assert first.generated.charts_drawn + first.generated.charts_reused == 16
    mtimes = {p: p.stat().st_mtime_ns for p in (repo / "docs").rglob("*") if p.is_file()}
    again = build(repo, today=TODAY, run_mkdocs=False)
    assert again.result is None  # same inputs: not even re-validated
    assert again.generated.charts_drawn == 0
    assert again.stats.written == [] and again.stats.removed == [] and again.stats.unchanged == len(first.generated.files)
    assert mtimes == {p: p.stat().st_mtime_ns for p in (repo / "docs").rglob("*") if p.is_file()}
    # a generated page edited or deleted by hand is put back
    (repo / "docs/sop.md").write_text("diubah")
    repaired = build(repo, today=TODAY, run_mkdocs=False)
    assert repaired.stats.written == ["sop.md"] and repaired.generated.charts_drawn == 0
    # a new day redraws only the running cycle's timeline and rewrites the pages that say "today"
    later = build(repo, today=TODAY + dt.timedelta(days=3), run_mkdocs=False)
    assert later.generated.charts_drawn == 2 and later.generated.charts_reused == 14
    assert "sop.md" not in later.stats.written and "index.md" in later.stats.written
    assert "grafik/siklus-2026.svg" not in later.stats.written


def test_hand_written_pages_are_never_touched_and_stale_pages_go(tmp_path):
    repo = site_copy(tmp_path)
    build(repo, today=TODAY, run_mkdocs=False)
    shutil.rmtree(repo / "cycles/2026")
    report = build(repo, today=TODAY, run_mkdocs=False)
    assert "siklus/2026.md" in report.stats.removed and "rkt/2026.md" in report.stats.removed
    assert (repo / "docs/panduan/mengisi-form.md").exists()


def test_build_refuses_invalid_data_and_says_why(tmp_path):
    import subprocess
    import sys

    repo = site_copy(tmp_path)
    path = repo / "cycles/2027/forms/ppik.yaml"
    path.write_text(path.read_text().replace("anggaran: 130000000", "anggaran: 130.000.000"))
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(repo), "build", "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "cycles/2027/forms/ppik.yaml:41:13: RKT103" in proc.stdout
    assert "Dasbor tidak dibangun" in proc.stdout
    assert not (repo / "site").exists()


def test_rkt_status_prints_the_summary():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "generator", "status", "--today", "2026-11-28"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    assert "Pengisian Form" in proc.stdout and "Terlambat 14 hari" in proc.stdout
    assert "Bidang Pengembangan Sumber Daya Manusia" in proc.stdout


# --- building never destroys -------------------------------------------------

@pytest.fixture
def crowded(tmp_path: Path) -> Path:
    """A repository with someone else's files in it and beside it."""
    repo = repo_copy(tmp_path)
    (repo / "generator").mkdir()
    (repo / "generator/kode.py").write_text("# bukan buatan rkt build\n")
    (repo / "catatan").mkdir()
    (repo / "catatan/berkas.txt").write_text("catatan pribadi\n")
    (tmp_path / "di-luar").mkdir()
    (tmp_path / "di-luar/milik-orang-lain.txt").write_text("jangan dihapus\n")
    return repo


@pytest.mark.parametrize("site_dir, force", [
    ("cycles", False), ("schemas", False), ("docs", False), ("docs/panduan", False), ("generator", False),
    (".", False), ("../di-luar", False), ("../baru", False), ("catatan", False), ("catatan/berkas.txt", False),
    ("catatan/berkas.txt/site", False),
    # forcing is for a folder outside or someone else's folder, never the repository or its data
    (".", True), ("..", True), ("cycles", True), ("cycles/2027", True), ("schemas", True), ("generator", True),
])
def test_build_never_writes_into_a_folder_it_must_not_touch(crowded, site_dir, force):
    before = tree(crowded.parent)
    with pytest.raises(SiteRefused) as refused:
        build(crowded, today=TODAY, site=crowded / site_dir, force=force)
    assert str((crowded / site_dir).resolve()) in str(refused.value)
    assert tree(crowded.parent) == before  # not a byte written or deleted anywhere


def test_rkt_build_refuses_a_folder_with_files_of_others_as_a_usage_error(crowded):
    proc = rkt(crowded, "build", "--today", "2026-11-28", "--site-dir", str(crowded / "catatan"))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith(f"rkt: kesalahan: {crowded / 'catatan'} berisi berkas yang bukan situs buatan rkt")
    assert "--paksa" in proc.stderr and (crowded / "catatan/berkas.txt").read_text() == "catatan pribadi\n"


@pytest.mark.site
def test_a_failed_build_leaves_the_previous_site_intact_and_shows_every_mkdocs_warning(built, tmp_path):
    repo = copy_built(built, tmp_path)
    before = tree(repo / "site")
    # a hand-written guide with a link to a page that does not exist: `-q` used to hide it
    add_guide(repo, "# Panduan X\n\nLihat [halaman yang hilang](tidak-ada.md).\n")
    proc = rkt(repo, "build", "--today", "2026-11-28")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "rkt: Peringatan MkDocs: Doc file 'panduan/x.md' contains a link 'tidak-ada.md'" in proc.stderr
    assert "Situs lama tidak diubah" in proc.stderr
    assert tree(repo / "site") == before
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith("site")) == ["site"]  # no temporary left


@pytest.mark.site
def test_rebuilding_deletes_only_what_the_last_build_wrote(built, tmp_path):
    repo = copy_built(built, tmp_path)
    (repo / "site/catatan-saya.txt").write_text("milik saya\n")
    (repo / "site/siklus/foto.png").write_bytes(b"\x89PNG")
    report = build(repo, today=TODAY)
    assert tree(repo / "site") == tree(built / "site")
    # the old site's own files are gone; the two files it did not write were moved, not deleted
    old = [p for p in repo.iterdir() if p.name.startswith("site.old-")]
    assert len(old) == 1 and tree(old[0]) == {"catatan-saya.txt": b"milik saya\n", "siklus/foto.png": b"\x89PNG"}
    assert len(report.notes) == 1 and f"dipindahkan ke {old[0]}" in report.notes[0]


@pytest.mark.site
def test_forcing_a_foreign_folder_moves_its_files_aside_never_deletes_them(built, tmp_path):
    repo = copy_built(built, tmp_path)
    outside = tmp_path / "terbit"
    outside.mkdir()
    (outside / "index.html").write_text("situs lama buatan orang lain")
    report = build(repo, today=TODAY, site=outside, force=True)
    assert report.site == outside and "Beranda" in (outside / "index.html").read_text()
    old = [p for p in tmp_path.iterdir() if p.name.startswith("terbit.old-")]
    assert len(old) == 1 and tree(old[0]) == {"index.html": b"situs lama buatan orang lain"}
    # now it is a site of ours: the next build needs no force and leaves nothing behind
    with pytest.raises(SiteRefused):
        build(repo, today=TODAY, site=outside)  # still outside the repository
    assert build(repo, today=TODAY, site=outside, force=True).notes == []


@pytest.mark.site
def test_a_build_waits_for_another_build_into_the_same_folder(built, tmp_path):
    import fcntl

    from generator.site.locks import site_lock

    repo = copy_built(built, tmp_path)
    with open(site_lock(repo / "site"), "a+b") as held:  # another build, in the middle of its swap
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(repo), "build", "--today",
                                 "2026-11-28"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = proc.stderr.readline()  # blocks until the build says something (or ends)
        assert "menunggu pembangunan lain" in first and str((repo / "site").resolve()) in first
        assert proc.poll() is None
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    assert (repo / "site/index.html").exists()


# --- the environment: what to install or free, never "internal error" -------

def test_build_in_a_git_repository_without_git_says_to_install_git(tmp_path):
    repo = repo_copy(tmp_path)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    empty = tmp_path / "bin"
    empty.mkdir()
    proc = rkt(repo, "build", "--today", "2026-11-28", env={"PATH": str(empty), "HOME": str(tmp_path)})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "perintah 'git' tidak ditemukan" in proc.stderr and "Pasang Git" in proc.stderr
    assert not (repo / "site").exists()


PDF_LIBRARIES = """
import sys
from pathlib import Path

from generator.cli import main

code = main(sys.argv[1:])
# every shared object this process mapped while it made the PDF
mapped = {line.split()[-1] for line in Path("/proc/self/maps").read_text().splitlines() if ".so" in line}
print("\\n".join(sorted(mapped)), file=sys.stderr)
sys.exit(code)
"""

# what an HTML-to-PDF engine loads from the operating system (Pango and its family): never needed
SYSTEM_TEXT_LIBRARIES = ("libpango", "libharfbuzz", "libfontconfig", "libcairo", "libgobject", "libglib-2.0",
                         "libfreetype")


@pytest.mark.parametrize("document", ["rkt", "pk"])
def test_the_signable_pdf_needs_no_system_library(example, tmp_path, document):
    """The RKT and PK PDFs come from the typst wheel alone: no Pango, HarfBuzz, fontconfig or
    FreeType of the operating system is loaded (README and .ci/run install none)."""
    if not Path("/proc/self/maps").exists():
        skip_unless_ci("reads Linux's /proc/self/maps", "CI runs on Linux")
    script = tmp_path / "run.py"
    script.write_text(PDF_LIBRARIES)
    year = "2027" if document == "rkt" else "2026"
    proc = subprocess.run([sys.executable, str(script), "-C", str(example), "export", year, "--document", document,
                           "--format", "pdf", "--out", str(tmp_path / "out.pdf"), "--today", "2026-11-28"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")
    loaded = [line for line in proc.stderr.splitlines() if line.startswith("/")]
    assert any("typst" in path for path in loaded)  # the check sees what was loaded
    assert not [p for p in loaded if any(name in Path(p).name for name in SYSTEM_TEXT_LIBRARIES)], loaded


# A private mount namespace: a user's own (user namespaces, which some CI runners restrict), root's
# own (root with CAP_SYS_ADMIN, as in .ci/run's container), or root's through passwordless sudo (hosted
# runners). A full or read-only disk cannot be faked without one: RLIMIT_FSIZE fails a write with
# EFBIG, not ENOSPC, and a read-only folder gives EACCES (and nothing to root), not EROFS.
MOUNT_NAMESPACES = (("unshare", "--mount", "--map-root-user"), ("unshare", "--mount"),
                    ("sudo", "-n", "unshare", "--mount"))


@functools.cache
def mount_namespace() -> tuple[str, ...] | None:
    """The first way to a private mount namespace that can mount a tmpfs here, or None."""
    with tempfile.TemporaryDirectory() as probe:
        for way in MOUNT_NAMESPACES:
            if shutil.which(way[0]) and subprocess.run(
                    [*way, "sh", "-c", f'mount -t tmpfs -o size=1m rkt-probe "{probe}"'],
                    capture_output=True, stdin=subprocess.DEVNULL).returncode == 0:
                return way
    return None


def in_small_disk(tmp_path: Path, repo: Path, before: str, *rkt_args: str,
                  after: str = "") -> subprocess.CompletedProcess:
    """`rkt` on a real file system of its own (tmpfs in a private mount namespace), after the shell
    commands `before` (with $D the mount point and $RKT the command) made that disk read-only or full,
    followed by `after` (the disk is gone once the namespace ends). Being root is no help there."""
    way = mount_namespace()
    if way is None:
        skip_unless_ci("no private mount namespace here (" + "; ".join(" ".join(w) for w in MOUNT_NAMESPACES) + ")",
                       "allow user namespaces (Ubuntu 24.04: sysctl kernel.apparmor_restrict_unprivileged_userns=0),"
                       " or run the tests as root or with passwordless sudo")
    disk = tmp_path / "disk"
    disk.mkdir()
    # through sudo HOME is root's and what rkt writes outside the tmpfs is root's: given back after
    owner = f'chown -R {os.getuid()}:{os.getgid()} "{tmp_path}"' if way[0] == "sudo" else "true"
    script = (f'set -e; export HOME="{tmp_path}"; D="{disk}"; RKT="{sys.executable} -m generator -C $D/repo"; '
              f'mount -t tmpfs -o size=16m rkt-test "$D"; cp -a "{repo}" "$D/repo"; {before}; set +e; '
              f'$RKT {" ".join(rkt_args)}; rc=$?; {after or "true"}; {owner}; exit $rc')
    return subprocess.run([*way, "sh", "-c", script], capture_output=True, stdin=subprocess.DEVNULL,
                          text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})


def test_read_only_disk_says_so(tmp_path):
    repo = repo_copy(tmp_path)
    proc = in_small_disk(tmp_path, repo, 'mount -o remount,ro "$D"', "build", "--today", "2026-11-28")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "penyimpanan hanya-baca" in proc.stderr and "/disk/repo/" in proc.stderr
    assert "internal" not in proc.stderr and "Traceback" not in proc.stderr


FILL = 'dd if=/dev/zero of="$D/isi" bs=64k 2>/dev/null || true'


def test_full_disk_says_what_to_free(tmp_path):
    repo = repo_copy(tmp_path)
    proc = in_small_disk(tmp_path, repo, FILL, "build", "--today", "2026-11-28")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "ruang penyimpanan penuh saat menulis" in proc.stderr and "Kosongkan ruang disk" in proc.stderr
    assert "internal" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.site
def test_a_disk_filling_up_during_the_site_build_keeps_the_old_site(tmp_path):
    repo = repo_copy(tmp_path)
    fingerprint = 'find "$D/repo/site" -type f | sort | xargs sha256sum | sha256sum'
    # the pages of a new day fit in the 2 MB left; the site (over 4 MB) does not
    proc = in_small_disk(tmp_path, repo, f'$RKT build --today 2026-11-28 >/dev/null; {fingerprint}; {FILL}; '
                         'truncate -s -2M "$D/isi"', "build", "--today", "2026-11-29",
                         after=f'{fingerprint}; ls "$D/repo"')
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "ruang penyimpanan penuh saat menulis" in proc.stderr and "/disk/repo/site.tmp-" in proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.split("\n")
    assert lines[0] == lines[1] and lines[0].endswith("  -")  # the old site, byte for byte
    assert not any(line.startswith("site.tmp-") for line in lines[2:])  # and no half-built one left


@pytest.mark.site
def test_a_relative_repository_folder_builds(tmp_path):
    """`rkt -C folder build` from the parent folder: the engine must not look for folder/folder/mkdocs.yml."""
    example = repo_copy(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", example.name, "build", "--today", "2026-11-28"],
                          cwd=example.parent, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (example / "site" / "index.html").is_file()
