"""The regency's performance page (tahun/<year>-kinerja.html): the capaian matrix (each OPD's IKU
capaian with number, category word and formula) and the document matrix (RKT, PK, Rencana Aksi,
TW I–IV; the LKjIP said in a sentence). Three agencies served over HTTP on this machine: the
example's real build (data version 2), a second OPD of version 2 with its own IKU and a 6-band
scale, and an OPD still on an older tool (version 1). Expectations are literal, from the example's
cycles/2026 (hand-checked in tests/test_published_performance.py)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import threading
from pathlib import Path

import pytest
import yaml
from support.browser import viewport
from support.html import text_of
from support.http import ClosingServer, QuietHandler, serving

from generator.commands import kabupaten
from generator.regency.build import build as build_regency
from generator.regency.fetch import Limits

pytestmark = [pytest.mark.site]
TODAY = dt.date(2026, 11, 28)
FAST = Limits(timeout=2.0, attempts=1, backoff=0.05, total=20.0)
REGENCY = "Pemerintah Kabupaten Balangan"
NAMES = {"bkpsdm": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "dinkes": "Dinas Kesehatan",
         "disdik": "Dinas Pendidikan"}
SIX_BANDS = [("85.00", "Sangat Tinggi"), ("70.00", "Tinggi"), ("55.00", "Sedang"), ("50.00", "Rendah"),
             ("30.00", "Sangat Rendah"), ("0.00", "Tidak Tercapai")]


def _second_agency(data: dict) -> dict:
    """Dinas Kesehatan: one IKU of its own, measured on a 6-band scale (its numbers as it published them)."""
    year = next(c for c in data["siklus"] if c["tahun"] == 2026)["kinerja_tahunan"]
    year["aturan_pengukuran"]["kategori"] = [{"paling_rendah": low, "sebutan": name} for low, name in SIX_BANDS]
    iku = next(i for i in year["indikator"] if i["kode"] == "SS1.1")
    iku.update(uraian="Persentase balita ditimbang", satuan="%", target_tahunan="80%")
    iku["sampai_saat_ini"] = {"triwulan": [1, 2, 3], "realisasi": "36%", "target": "80%", "cara":
                              "nilai triwulan terakhir (TW I–TW III)", "capaian": {
                                  "persen": "45.00", "persen_sebelum_batas": None, "rumus": "R / T × 100%",
                                  "perhitungan": "36 / 80 × 100% = 45,00%", "kategori": "Sangat Rendah",
                                  "perlu_verifikasi": False, "dibatasi": False, "tercapai": None, "alasan": None}}
    year["indikator"] = [iku]
    return data


def _old_tool(data: dict) -> dict:
    """Dinas Pendidikan on an older tool: version 1, no performance year."""
    data["versi_skema"] = 1
    for c in data["siklus"]:
        del c["kinerja_tahunan"]
    return data


@pytest.fixture(scope="module")
def regency(form_site: Path, tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("kab-kinerja")
    files = base / "data"
    files.mkdir()
    own = json.loads((form_site / "site/data/rkt.json").read_text(encoding="utf-8"))
    (files / "bkpsdm.json").write_text(json.dumps(own), encoding="utf-8")
    (files / "dinkes.json").write_text(json.dumps(_second_agency(json.loads(json.dumps(own)))), encoding="utf-8")
    (files / "disdik.json").write_text(json.dumps(_old_tool(json.loads(json.dumps(own)))), encoding="utf-8")
    httpd = ClosingServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(files)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        root = base / "kabupaten"
        assert kabupaten.init(root, REGENCY).code == 0
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        (root / "kabupaten.yaml").write_text(yaml.safe_dump({
            "kabupaten": {"nama": REGENCY, "zona_waktu": "Asia/Makassar"}, "sasaran": [],
            "opd": [{"kode": code, "nama": name, "data": f"{url}/{code}.json"} for code, name in NAMES.items()]},
            allow_unicode=True), encoding="utf-8")
        report = build_regency(root, today=TODAY, limits=FAST)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert report.ok and report.engine is not None and report.engine.site, report.problems
    assert all(e.fresh for e in report.entries)  # the version 1 file is read, not refused
    return root / "site"


def _page(regency: Path) -> str:
    html = (regency / "tahun/2026-kinerja.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def _section(text: str, start: str, end: str | None = None) -> str:
    return text[text.index(start):text.index(end) if end else None]


def test_the_capaian_matrix_shows_each_opds_iku_with_number_category_and_formula(regency):
    text = text_of(_page(regency))
    own = _section(text, "Badan Kepegawaian", "Dinas Kesehatan")
    assert "SS1.1 Indeks Sistem Merit 100,00% · Sangat Baik 1 s.d. TW III: realisasi 0,65, target 0,65" in own
    assert "SS3.1 Persentase layanan administrasi kepegawaian yang diselesaikan tepat waktu 101,11% · Sangat Baik" in own
    assert "SS4.1 Nilai SAKIP BKPSDM belum tercapai 4 s.d. TW III: realisasi B, target BB" in own  # no invented %
    assert "SS2.1 Indeks Profesionalitas ASN belum ada realisasi" in own  # measured once a year
    # the footnotes: the formula and the worked numbers, to recompute by hand
    assert "SS1.1: nilai triwulan terakhir (TW I–TW III); rumus R / T × 100%; 0,65 / 0,65 × 100% = 100,00%" in own
    assert "B < BB" in own and "indikator semakin kecil semakin baik: (2 − R / T) × 100%" in own
    other = _section(text, "Dinas Kesehatan", "Dinas Pendidikan")
    assert "SS1.1 Persentase balita ditimbang 45,00% · Sangat Rendah 1 s.d. TW III: realisasi 36%, target 80%" in other
    assert "36 / 80 × 100% = 45,00%" in other and "SS3.1" not in other  # its own indicators only
    old = _section(text, "Dinas Pendidikan", "Dokumen kinerja 2026")
    assert "Data OPD ini versi 1 (alat rkt" in old and "belum memuat Rencana Aksi dan capaian triwulan" in old


def test_the_colour_of_a_cell_repeats_its_category_on_the_opds_own_scale(regency):
    cells = re.findall(r'<li class="kab-cap kab-cap-(\d)"><div class="kab-cap-code">([^<]+)</div>'
                       r'<div class="kab-cap-name">([^<]+)</div><div class="kab-cap-value">([^<]+)<', _page(regency))
    tones = {(name, value.strip()): tone for tone, _, name, value in cells}
    assert tones[("Indeks Sistem Merit", "100,00% · Sangat Baik")] == "1"  # top band of five
    assert tones[("Nilai SAKIP BKPSDM", "belum tercapai")] == "4"
    assert tones[("Indeks Profesionalitas ASN", "belum ada realisasi")] == "0"  # grey: no number
    assert tones[("Persentase balita ditimbang", "45,00% · Sangat Rendah")] == "4"  # 5th of six bands


def test_the_document_matrix_says_where_each_document_stands(regency):
    table = _page(regency)
    table = table[table.index("Dokumen kinerja 2026"):]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    own = {m[0]: text_of(m[1]).strip() for m in re.findall(r'<td data-label="([^"]+)">(.*?)</td>', rows[1])}
    assert own["RKT"].startswith("ada 3 Desember 2025 (ditandatangani")
    assert own["PK"] == "belum diarsipkan tidak ada PK bertanda tangan di repositori OPD"
    assert own["Rencana Aksi"] == "ada 4 unit, disusun s.d. 13 Jan 2026"
    assert own["Laporan TW I"] == ("tepat waktu 4 dari 4 masuk; diubah setelah disetujui: Bidang Pengadaan, "
                                   "Pemberhentian dan Informasi Kepegawaian")
    assert own["Laporan TW II"] == "terlambat diserahkan 4 dari 4 masuk; Bidang Pengembangan Sumber Daya Manusia " \
                                   "5 hari kerja"
    assert own["Laporan TW III"] == "tepat waktu 4 dari 4 masuk"
    assert own["Laporan TW IV"] == "belum berakhir tenggat 18 Jan 2027"
    old = {m[0]: text_of(m[1]).strip() for m in re.findall(r'<td data-label="([^"]+)">(.*?)</td>', rows[3])}
    assert old["RKT"].startswith("ada") and old["PK"] == old["Laporan TW II"] == "tidak ada data"
    text = text_of(table)
    assert "LKjIP: belum ada data. Data yang diterbitkan OPD belum memuat LKjIP" in text
    assert "LKjIP" not in "".join(re.findall(r"<th>(.*?)</th>", table))  # a sentence, never a pretend column


def test_the_year_pages_link_the_performance_page(regency):
    assert 'href="2026-kinerja.html"' in (regency / "tahun/2026.html").read_text(encoding="utf-8")
    assert 'href="tahun/2026-kinerja.html"' in (regency / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_on_a_phone_the_cells_are_cards_with_the_words_visible_and_nothing_scrolls_sideways(regency, chromium):
    viewport(chromium, 360, 640)
    with serving(regency) as url:
        chromium.get(f"{url}/tahun/2026-kinerja.html")
        assert chromium.execute_script("return document.documentElement.scrollWidth") <= 360
        cells = chromium.execute_script(
            "return [...document.querySelectorAll('article li.kab-cap')].map(c => {const r = c.getBoundingClientRect();"
            " return [c.querySelector('.kab-cap-value').innerText, r.left, r.right]})")
        assert len(cells) == 5 and all(0 <= left and right <= 360 for _, left, right in cells), cells
        assert any(value.startswith("90,91%") or "Sangat Baik" in value for value, _, _ in cells)
        # the document matrix: one labelled card per OPD, the badges' words visible
        card, display, head = chromium.execute_script(
            "const t = document.querySelector('article table.kab-cardable'), r = t.querySelector('tbody tr');"
            "return [r.innerText, getComputedStyle(r).display, getComputedStyle(t.querySelector('thead')).display]")
        assert (display, head) == ("block", "none") and "terlambat diserahkan" in card
