"""The regency view: three real agency repositories (made with `rkt init`), their sites built
and served over HTTP on this machine, gathered by `rkt kabupaten build` into one site.

Built once per module: the agency sites, and the regency repository the scenarios reuse."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from support.browser import requested_urls, viewport
from support.http import ClosingServer, QuietHandler, serving

from generator.commands import codeowners, init, kabupaten, scaffold
from generator.regency import data as regency_data
from generator.regency.build import build as build_regency
from generator.regency.fetch import Limits, fetch

TODAY = dt.date(2026, 11, 28)
FAST = Limits(timeout=2.0, attempts=2, backoff=0.05, total=20.0)
REGENCY = "Pemerintah Kabupaten Balangan"
AGENCIES = (("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"), ("dinkes", "Dinas Kesehatan"),
            ("disdik", "Dinas Pendidikan"))


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def text_of(page: Path) -> str:
    """The page's content as a reader sees it (without the menu and table of contents)."""
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", article(page))))
    return re.sub(r" ([:;,.)])", r"\1", text)


@pytest.fixture(scope="module")
def agencies(tmp_path_factory) -> Path:
    """bkpsdm: the example's data (late, one unit missing, 2026 signed); dinkes: a cycle opened on
    2 November with nothing recorded (its first step late); disdik: a cycle that starts in December."""
    base = tmp_path_factory.mktemp("opd")
    for code, name in AGENCIES:
        made = init.init(base / code, name, REGENCY, "Paringin", "budi-it", TODAY)
        assert made.code == 0, made.text
    shutil.rmtree(base / "bkpsdm/cycles")
    shutil.copytree(ROOT / "cycles", base / "bkpsdm/cycles")
    assert codeowners.write_codeowners(base / "bkpsdm").code == 0
    assert scaffold.new_cycle(base / "dinkes", 2027, dt.date(2026, 11, 2), TODAY).code == 0
    assert scaffold.new_cycle(base / "disdik", 2027, dt.date(2026, 12, 7), TODAY).code == 0
    # the three real builds side by side (separate processes: the engine and the charts are not
    # thread-safe), as `rkt build` runs in each agency's own workflow
    procs = {code: subprocess.Popen([sys.executable, "-m", "generator", "-C", str(base / code), "build", "--today",
                                     TODAY.isoformat()], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    cwd=ROOT) for code, _ in AGENCIES}
    for code, proc in procs.items():
        out, _ = proc.communicate()
        assert proc.returncode == 0 and (base / code / "site/data/rkt.json").is_file(), out
    return base


@pytest.fixture(scope="module")
def server(agencies):
    httpd = ClosingServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(agencies)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    """A port nothing listens on: connecting is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kabupaten_yaml(entries: dict[str, str], goals: bool = True) -> str:
    names = dict(AGENCIES)
    out = {"kabupaten": {"nama": REGENCY, "zona_waktu": "Asia/Makassar"},
           "sasaran": [{"kode": "S1", "uraian": "Meningkatnya profesionalitas ASN"}] if goals else [],
           "opd": [{"kode": code, "nama": names.get(code, code), "data": source,
                    "situs": f"https://{code}.balangankab.example/rkt/",
                    **({"sasaran": {"SS1": "S1"}} if code == "bkpsdm" and goals else {})}
                   for code, source in entries.items()]}
    return "# yaml-language-server: $schema=schemas/kabupaten.schema.json\n" + yaml.safe_dump(out, allow_unicode=True)


def new_regency(folder: Path, entries: dict[str, str]) -> Path:
    outcome = kabupaten.init(folder, REGENCY)
    text, rc = outcome.text, outcome.code
    assert rc == 0, text
    (folder / "kabupaten.yaml").write_text(kabupaten_yaml(entries), encoding="utf-8")
    return folder


def sources(server: str) -> dict[str, str]:
    return {code: f"{server}/{code}/site/data/rkt.json" for code, _ in AGENCIES}


@pytest.fixture(scope="module")
def regency(tmp_path_factory, server) -> Path:
    """The regency repository, built once with every agency reachable and valid."""
    root = new_regency(tmp_path_factory.mktemp("kab") / "kabupaten", sources(server))
    report = build_regency(root, today=TODAY, limits=FAST)
    assert report.ok and report.engine.site and not report.problems
    assert all(e.fresh for e in report.entries)
    return root


# --- the regency site -------------------------------------------------------------

@pytest.mark.site
def test_beranda_shows_who_is_late_by_how_much_and_who_must_act(regency):
    text = text_of(regency / "site/index.html")
    assert "RKT perangkat daerah Kabupaten Balangan" in text and "RKT 2027" in text
    late = text[text.index("Terlambat: 2 OPD"):text.index("Langkah yang sedang dikerjakan")]
    # the example agency: form step 14 working days late, the head of PSDM must act
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Terlambat 14 hari kerja" in late
    assert "langkah 4 Pengisian Form terlambat 14 hari kerja" in late
    assert "Rahmadi, S.Pd., M.Pd. (Kepala Bidang Pengembangan Sumber Daya Manusia)" in late
    # the agency whose first step never happened: its Kepala Badan (still a placeholder) must act
    assert "Dinas Kesehatan Terlambat" in late and "langkah 1 Disposisi" in late
    assert "Dinas Pendidikan" not in late
    counts = text[text.index("Langkah yang sedang dikerjakan"):text.index("Semua OPD")]
    assert "Dijadwalkan (belum mulai) 1 OPD" in counts and "Langkah 4: Pengisian Form 1 OPD" in counts
    assert "Langkah 1: Disposisi 1 OPD" in counts
    cards = text[text.index("Semua OPD"):]
    assert "Perkiraan selesai 23 Desember 2026 (perkiraan, 15 hari kerja setelah akhir jadwal SOP)" in cards
    assert "Form unit 3 dari 4 masuk" in cards


@pytest.mark.browser
@pytest.mark.site
def test_on_a_phone_the_first_screen_shows_the_late_agencies_and_who_must_act(regency, driver):
    from selenium.webdriver.common.by import By

    viewport(driver, 360, 640)
    with serving(regency / "site") as server:
        driver.get(server + "/index.html")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        late = driver.find_elements(By.CSS_SELECTOR, "article .kab-late")
        assert len(late) == 2
        first = late[0]  # the most late first
        assert "Dinas Kesehatan" in first.text and "Terlambat 19 hari kerja" in first.text
        actor = first.find_element(By.CSS_SELECTOR, ".kab-act")
        assert actor.text.startswith("Harus bertindak") and actor.is_displayed()
        rect = actor.rect
        assert rect["y"] + rect["height"] <= 640 and rect["x"] + rect["width"] <= 360, rect
        # every table on the year page fits (cards), nothing scrolls sideways
        driver.get(server + "/tahun/2027.html")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        driver.get(server + "/opd/bkpsdm.html")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        urls = requested_urls(driver)
        assert urls and all(u.startswith(server) or u.startswith("data:") for u in urls), urls


@pytest.mark.site
def test_year_pages_total_the_budgets_and_link_sasaran_to_the_regency(regency, agencies):
    text = text_of(regency / "site/tahun/2027.html")
    cycles = json.loads((agencies / "bkpsdm/site/data/rkt.json").read_text())["siklus"]
    # 2027: the example's PSDM form is not in and the new agencies have none: no total is known, none reads 0
    assert cycles[0]["rkt"]["jumlah_anggaran"] is None and "belum ada anggaran" in text and "Rp 0" not in text
    own = cycles[1]["rkt"]["jumlah_anggaran"]  # 2026: every form in
    assert own > 0 and f"Rp {own:,}".replace(",", ".") in text_of(regency / "site/tahun/2026.html")
    assert "Jumlah" in text and "3 OPD" in text
    goal = text[text.index("S1 Meningkatnya profesionalitas ASN"):]
    assert "Target terisi 2 dari 2" in goal and "Indeks Sistem Merit" in goal and "0,70" in goal
    assert "sasaran OPD belum dikaitkan dengan sasaran kabupaten" in goal
    # the finished year of the example agency has its own page
    assert "Ditandatangani" in text_of(regency / "site/tahun/2026.html")


@pytest.mark.site
def test_agency_page_lists_signed_versions_and_links_only_to_kabupaten_yaml(regency):
    page = regency / "site/opd/bkpsdm.html"
    text = text_of(page)
    sha = re.search(r"sha256: ([0-9a-f]{64})", (ROOT / "cycles/2026/signed/rkt-2026-v1.yaml").read_text()).group(1)
    assert sha in text and "Drs. H. Ahmad Fauzi, M.Si." in text
    external = [h for h in re.findall(r'href="([^"]+)"', article(page)) if "://" in h]
    assert external == ["https://bkpsdm.balangankab.example/rkt/"]


@pytest.mark.site
def test_untrusted_text_is_escaped_and_never_a_link(regency, server, agencies, tmp_path):
    """A hostile (but schema-valid) file: its text shows as text, no markup, no link, no script."""
    data = json.loads((agencies / "bkpsdm/site/data/rkt.json").read_text())
    data["instansi"]["nama"] = '<img src=x onerror="alert(1)">'
    data["siklus"][0]["unit_belum"][0]["nama"] = '<a href="https://jahat.example/">klik</a>'
    data["siklus"][0]["harus_bertindak"][0]["orang"][0]["nama"] = "[tautan](https://jahat.example/) **tebal**"
    (agencies / "jahat.json").write_text(json.dumps(data), encoding="utf-8")
    root = new_regency(tmp_path / "kab", {"bkpsdm": f"{server}/jahat.json"})
    report = build_regency(root, today=TODAY, limits=FAST)
    assert report.ok and report.entries[0].fresh  # the safety scan passed
    for page in ("index.html", "opd/bkpsdm.html"):
        html = article(root / "site" / page)
        assert "jahat.example" not in " ".join(re.findall(r'href="([^"]+)"', html))
        assert "<img" not in html and "<strong>tebal" not in html
    assert '&lt;a href=&#x27;https://jahat.example/' in article(root / "site/opd/bkpsdm.html").replace('"', "'") \
        or "&lt;a href=&quot;https://jahat.example/" in article(root / "site/opd/bkpsdm.html")


@pytest.mark.site
def test_the_same_data_and_date_give_the_same_pages(regency):
    before = {p: p.read_bytes() for p in (regency / "docs").rglob("*.md")}
    report = build_regency(regency, today=TODAY, limits=FAST, run_engine=False)
    assert report.stats.written == [] and report.stats.removed == []
    assert {p: p.read_bytes() for p in (regency / "docs").rglob("*.md")} == before


# Never skipped: Zensical is in the lock file's site extra, so `make install` always has it (test_engines.py)
@pytest.mark.site
def test_the_regency_site_builds_with_zensical_too(server, tmp_path):
    root = new_regency(tmp_path / "kab", {"bkpsdm": sources(server)["bkpsdm"]})
    report = build_regency(root, today=TODAY, limits=FAST, engine="zensical")
    assert report.ok and report.engine.site and not report.engine.unsafe
    assert "Terlambat 14 hari kerja" in text_of(root / "site/index.html")


# --- agencies that fail ------------------------------------------------------------

@pytest.mark.site
def test_a_down_and_an_invalid_agency_show_their_last_good_data_marked_stale(regency, server, agencies):
    broken = agencies / "disdik-rusak.json"
    data = json.loads((agencies / "disdik/site/data/rkt.json").read_text())
    data["siklus"][0]["fase"] = "kacau"
    broken.write_text(json.dumps(data), encoding="utf-8")
    entries = {**sources(server), "dinkes": f"http://127.0.0.1:{closed_port()}/data/rkt.json",
               "disdik": f"{server}/disdik-rusak.json"}
    (regency / "kabupaten.yaml").write_text(kabupaten_yaml(entries), encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(regency), "kabupaten", "build",
                               "--today", "2026-11-28"], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stdout + proc.stderr  # the build still succeeds
        assert "Dinas Kesehatan (dinkes): Data tidak dapat diperbarui: tidak dapat dihubungi" in proc.stdout
        assert "Data OPD: 1 dari 3 terbaru" in proc.stdout
        home = text_of(regency / "site/index.html")
        stale = home[home.index("Data tidak diperbarui: 2 OPD"):]
        assert ("Dinas Kesehatan: Data tidak dapat diperbarui: tidak dapat dihubungi (koneksi ditolak); ditampilkan "
                "data terakhir yang sah (per 28 November 2026, diambil 28 November 2026)") in stale
        assert ("Dinas Pendidikan: Data tidak dapat diperbarui: data tidak sah: siklus/0/fase: Fase teks 'kacau' "
                "bukan pilihan yang sah") in stale
        # the last good data is still what is shown: dinkes is still late, disdik still scheduled
        assert "Dinas Kesehatan Terlambat" in home
        assert "Dijadwalkan (belum mulai) 1 OPD" in home
        sources_page = text_of(regency / "site/sumber.html")
        assert sources_page.count("Data lama") == 2
    finally:
        (regency / "kabupaten.yaml").write_text(kabupaten_yaml(sources(server)), encoding="utf-8")


@pytest.mark.site
def test_an_agency_never_fetched_is_said_so_and_the_build_succeeds(server, tmp_path):
    root = new_regency(tmp_path / "kab", {"bkpsdm": sources(server)["bkpsdm"],
                                          "dinkes": f"http://127.0.0.1:{closed_port()}/data/rkt.json"})
    report = build_regency(root, today=TODAY, limits=FAST)
    assert report.ok and report.engine.site
    assert "belum pernah berhasil diambil" in text_of(root / "site/opd/dinkes.html")
    assert "Data tidak tersedia" in text_of(root / "site/index.html")


def test_fetch_reasons_timeout_size_and_status(tmp_path):
    """waktu habis for a server that never answers, terlalu besar, the HTTP status otherwise."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    try:
        limits = Limits(timeout=0.3, attempts=1, total=5.0)
        got = fetch(f"http://127.0.0.1:{silent.getsockname()[1]}/rkt.json", tmp_path, limits, _deadline(5))
        assert got.body is None and got.reason == "waktu habis"
    finally:
        silent.close()
    # a server that answers at once and then drips a byte at a time: the whole body has one deadline
    drip = socket.socket()
    drip.bind(("127.0.0.1", 0))
    drip.listen()
    threading.Thread(target=_drip, args=(drip,), daemon=True).start()
    start = _deadline(0)
    got = fetch(f"http://127.0.0.1:{drip.getsockname()[1]}/rkt.json", tmp_path,
                Limits(timeout=0.5, attempts=1, total=5.0), _deadline(5))
    assert got.reason == "waktu habis" and _deadline(0) - start < 2.0
    drip.close()
    (tmp_path / "besar.json").write_bytes(b"x" * 2000)
    got = fetch("besar.json", tmp_path, Limits(max_bytes=1000), _deadline(5))
    assert got.reason.startswith("terlalu besar")
    httpd = ClosingServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert fetch(f"{base}/besar.json", tmp_path, Limits(max_bytes=1000), _deadline(5)).reason.startswith(
            "terlalu besar")
        got = fetch(f"{base}/tidak-ada.json", tmp_path, FAST, _deadline(5))
        assert (got.reason, got.attempts) == ("tidak dapat dihubungi (HTTP 404)", 1)  # not retried
    finally:
        httpd.shutdown()
        httpd.server_close()


def _drip(listener: socket.socket) -> None:
    import time

    try:
        conn, _ = listener.accept()
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(200):  # 10 s at most, far beyond the 0.5 s the reader allows
            conn.sendall(b" ")
            time.sleep(0.05)
    except OSError:
        pass  # the reader hung up: what it should do


def _deadline(seconds: float) -> float:
    import time

    return time.monotonic() + seconds


@pytest.mark.parametrize("body, reason", [
    (b'{"versi_skema": 1, "versi_skema": 1}', "kunci 'versi_skema' ganda"),
    (b'{"versi_skema": NaN}', "nilai NaN bukan JSON yang sah"),
    (b"[" * 100000 + b"]" * 100000, "struktur JSON terlalu dalam"),
    (b'{"versi_skema": 3}', "versi skema 3 tidak dikenal (alat ini membaca versi 1 dan 2)"),
    (b"\xff", "berkas bukan teks UTF-8"),
])
def test_published_data_is_read_strictly(body, reason):
    with pytest.raises(regency_data.Invalid, match=re.escape(reason)):
        regency_data.check(body)


@pytest.mark.site
def test_invisible_characters_in_fetched_text_are_refused(agencies):
    data = json.loads((agencies / "bkpsdm/site/data/rkt.json").read_text())
    data["instansi"]["nama"] = "BKPSDM \u202egnp.exe"
    with pytest.raises(regency_data.Invalid, match="instansi/nama: karakter tak terlihat U\\+202E"):
        regency_data.check(json.dumps(data).encode())


# --- the regency repository -----------------------------------------------------------

def test_init_makes_a_repository_with_a_pinned_least_privilege_workflow(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(tmp_path), "kabupaten", "init", "kab",
                           "--nama", REGENCY], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "kab"
    for rel in ("kabupaten.yaml", "mkdocs.yml", "docs/css/kabupaten.css", "README.md", ".gitignore",
                "generator/regency/build.py", "schemas/data-rkt.v1.schema.json", "requirements/lock.txt"):
        assert (root / rel).is_file(), rel
    assert "site_name: Dasbor RKT Kabupaten Balangan" in (root / "mkdocs.yml").read_text()
    assert "Menambahkan OPD" in (root / "README.md").read_text()
    flow = yaml.safe_load((root / ".github/workflows/kabupaten.yml").read_text())
    assert flow["permissions"] == {} and flow[True]["schedule"]  # `on:` reads as True in YAML 1.1
    assert flow["jobs"]["bangun"]["permissions"] == {"contents": "read", "pages": "read"}
    assert flow["jobs"]["terbitkan"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", u) for u in uses)
    # the same pins as the agency's own publish workflow
    publish = (ROOT / ".github/workflows/publish.yml").read_text()
    for u in uses:
        name, sha = u.split("@")
        if name in publish:
            assert f"{name}@{sha}" in publish, name
    # the agencies' `rkt init` copies .github/workflows/: the regency workflow must not be there
    assert not (ROOT / ".github/workflows/kabupaten.yml").exists()
    # never overwrites
    again = subprocess.run([sys.executable, "-m", "generator", "-C", str(tmp_path), "kabupaten", "init", "kab"],
                           capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 2 and "tidak kosong" in again.stderr


def test_the_regency_workflow_passes_the_workflow_schema_and_actionlint():
    from support.workflows import BIN, actionlint

    from generator.regency.init import TEMPLATES

    flow = TEMPLATES / "kabupaten.yml"
    proc = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(flow)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = actionlint(flow)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # it runs the command this module tests, and keeps "last good" data between runs
    text = flow.read_text()
    assert ".venv/bin/rkt kabupaten build --today" in text and "path: |\n            .rkt-cache/kabupaten/terakhir\n            ~/.cache/rkt-dashboard\n" in text
    from generator.regency.sources import last_good_folder
    assert last_good_folder(Path("x")) == Path("x/.rkt-cache/kabupaten/terakhir")


@pytest.mark.site
def test_a_fresh_regency_repository_builds_and_says_what_to_do(tmp_path):
    outcome = kabupaten.init(tmp_path / "kab", None)
    text, rc = outcome.text, outcome.code
    assert rc == 0, text
    outcome = kabupaten.build(tmp_path / "kab", TODAY, None, False, "mkdocs")
    out, rc = outcome.text, outcome.code
    assert rc == 0, out
    assert "Belum ada OPD yang dicantumkan di kabupaten.yaml" in text_of(tmp_path / "kab/site/index.html")
    assert "kabupaten.css" not in out  # the stylesheet init copied is the tool's
    # a repository made by an older version keeps its older stylesheet: the build says what to copy
    css = tmp_path / "kab/docs/css/kabupaten.css"
    css.write_text(css.read_text(encoding="utf-8").replace(".kab-", ".lama-", 5), encoding="utf-8")
    out = kabupaten.build(tmp_path / "kab", TODAY, None, False, "mkdocs").text
    assert ("Perhatian: docs/css/kabupaten.css berbeda dari gaya tampilan alat versi ini" in out
            and "salin generator/regency/templates/kabupaten/kabupaten.css ke docs/css/kabupaten.css" in out), out
    assert css.read_text(encoding="utf-8").count(".lama-") == 5  # said, never overwritten


def test_mistakes_in_kabupaten_yaml_are_named_with_line_and_all_reported(tmp_path):
    root = tmp_path / "kab"
    assert kabupaten.init(root, REGENCY).code == 0
    (root / "kabupaten.yaml").write_text(
        "kabupaten:\n  nama: Pemerintah Kabupaten Balangan\n"
        "opd:\n"
        "  - kode: BKPSDM\n    nama: BKPSDM\n    data: https://a.example/data/rkt.json\n"
        "  - kode: dinkes\n    nama: Dinkes\n    data: http://dinkes.example/data/rkt.json\n"
        "  - kode: dinkes\n    nama: Dinkes 2\n    data: dinkes.json\n    sasaran:\n      SS1: S9\n",
        encoding="utf-8")
    outcome = kabupaten.build(root, TODAY, None, False, "mkdocs")
    out, rc = outcome.text, outcome.code
    assert rc == 1 and "kabupaten.yaml:4:5: RKT104 Kode OPD teks 'BKPSDM' tidak sesuai format" in out
    assert not (root / "site").exists()
    # schema problems first; the cross checks follow once the shape is right
    (root / "kabupaten.yaml").write_text((root / "kabupaten.yaml").read_text().replace("BKPSDM\n", "bkpsdm\n", 1))
    outcome = kabupaten.build(root, TODAY, None, False, "mkdocs")
    out, rc = outcome.text, outcome.code
    assert rc == 1
    assert "kabupaten.yaml:9:5: RKT104 alamat data 'http://dinkes.example/data/rkt.json' harus diawali https://" in out
    assert "kabupaten.yaml:10:5: RKT205 kode OPD 'dinkes' sudah dipakai OPD ke-2" in out
    assert "kabupaten.yaml:14:7: RKT400 sasaran kabupaten 'S9'" in out
