"""The capaian matrix of a year: one block per agency, one cell per IKU indicator of that agency
(indicators differ per OPD, so the cells are the agency's own). A cell shows the capaian with its
number and category word (the colour repeats the word, it never stands alone), realisation and
target, and a footnote with the formula and the worked numbers the agency published, so a reader
can recompute it by hand. The regency never recomputes a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.capaian import MET, NOT_MET, percent_text
from generator.core.year import QUARTER_NAMES
from generator.regency.data import Cycle
from generator.regency.pages.describe import opd_link
from generator.regency.sources import Entry
from generator.regency.yeardata import Measure, PerformanceYear, Rules, YearIndicator
from generator.site.pages.markup import Html, esc

NO_DATA = "belum ada realisasi"


@dataclass(frozen=True, slots=True)
class Shown:
    """What a cell shows: the capaian chosen (the year's, else the year so far), and its words."""

    measure: Measure | None
    period: str  # "Tahun 2026" | "s.d. TW III" | ""
    realised: str
    target: str
    how: str  # the aggregation words of the year so far


def shown(ind: YearIndicator, year: int) -> Shown:
    if ind.year is not None:
        return Shown(ind.year, f"Tahun {year}", _typed(ind.quarters[-1].realised), _typed(ind.year_target), "")
    s = ind.so_far
    if s is None:
        return Shown(None, "", "", "", "")
    return Shown(s.capaian, f"s.d. {QUARTER_NAMES[s.quarters[-1]]}", s.realised, s.target, s.how)


def _typed(value: str | int | None) -> str:
    return "" if value is None else str(value).strip()


def words(m: Measure | None) -> str:
    """"90,91% · Baik", "tercapai", "belum tercapai", or why there is no number."""
    if m is None:
        return NO_DATA
    if m.percent is not None:
        text = percent_text(m.percent) + (f" · {m.category}" if m.category else "")
        return text + (" · dibatasi" if m.capped else "") + (" · perlu verifikasi" if m.verify else "")
    if m.met is not None:
        return MET if m.met else NOT_MET
    return m.reason or NO_DATA


def tone(m: Measure | None, rules: Rules) -> str:
    """The colour class of a capaian, from its band's place on the agency's own scale (a scale of 5 or
    6 bands, whatever their names): 1 the best bands ... 4 the worst; 0 none."""
    if m is None:
        return "0"
    if m.percent is None:
        return "0" if m.met is None else ("1" if m.met else "4")
    rank, n = rules.rank(m.category), len(rules.bands)
    if rank is None:
        return "0"
    share = rank / (n - 1) if n > 1 else 0
    return "1" if share == 0 else "2" if share <= 0.34 else "3" if share <= 0.67 else "4"


def _cell(ind: YearIndicator, year: int, rules: Rules, note: int, anchor: str) -> str:
    s = shown(ind, year)
    lines = [f'<div class="kab-cap-code">{esc(ind.code)}</div>',
             f'<div class="kab-cap-name">{esc(ind.description)}</div>',
             f'<div class="kab-cap-value">{esc(words(s.measure))}'
             f'<sup><a href="#{anchor}-{note}" aria-label="rumus {note}">{note}</a></sup></div>']
    if s.period:
        lines.append(f'<div class="kab-cap-rt">{esc(f"{s.period}: realisasi {s.realised}, target {s.target}")}</div>')
    return f'<li class="kab-cap kab-cap-{tone(s.measure, rules)}">{"".join(lines)}</li>'


def _footnote(ind: YearIndicator, year: int, note: int, anchor: str) -> str:
    s = shown(ind, year)
    if s.measure is None:
        text = f"{ind.code}: belum ada triwulan yang dilaporkan dengan target untuk dibandingkan."
    else:
        how = f"{s.how}; " if s.how else ""
        text = f"{ind.code}: {how}rumus {s.measure.formula}; {s.measure.worked}"
    return f'<li id="{anchor}-{note}" value="{note}">{esc(text)}</li>'


def block(page: str, entry: Entry, cycle: Cycle | None, year: int) -> str:
    """One agency's row of the matrix: its IKU cells, or why it has none."""
    head = f'<div class="kab-cap-opd"><p class="kab-opd-name">{opd_link(page, entry)}</p>'
    perf = cycle.performance if cycle is not None else None
    reason = _no_cells(entry, cycle, perf)
    if reason is not None or perf is None:
        return head + f'<p class="kab-note">{esc(reason or "")}</p></div>'
    iku = [i for i in perf.indicators if i.iku]
    anchor = f"rumus-{entry.agency.code}"
    cells = "".join(_cell(i, year, perf.rules, n, anchor) for n, i in enumerate(iku, 1))
    notes = "".join(_footnote(i, year, n, anchor) for n, i in enumerate(iku, 1))
    return (head + f'<ul class="kab-cap-cells">{cells}</ul>'
            f'<ol class="kab-cap-notes">{notes}</ol>{_rules_note(perf.rules)}</div>')


def _no_cells(entry: Entry, cycle: Cycle | None, perf: PerformanceYear | None) -> str | None:
    if entry.data is None:
        return "Data OPD ini tidak tersedia."
    if cycle is None:
        return "OPD ini tidak memiliki RKT tahun ini."
    if perf is None:
        return (f"Data OPD ini versi {entry.data.version} (alat rkt {entry.data.tool_version}): belum memuat Rencana "
                "Aksi dan capaian triwulan.")
    if not perf.plans and all(i.so_far is None for i in perf.indicators):
        return "Belum ada Rencana Aksi dan belum ada realisasi triwulan tahun ini."
    if not any(i.iku for i in perf.indicators):
        return "RKT OPD ini belum memuat Indikator Kinerja Utama (IKU)."
    return None


def _rules_note(rules: Rules) -> Html:
    down = "(2 − R / T) × 100%" if rules.down_formula == "2 - R/T" else "T / R × 100%"
    bands = ", ".join(f"{name} ≥ {percent_text(low)}" for low, name in rules.bands)
    parts = [f"indikator semakin kecil semakin baik: {down}", f"kategori: {bands}",
             f"batas capaian {percent_text(rules.cap)}" if rules.cap is not None else "tanpa batas capaian",
             f"perlu verifikasi di atas {percent_text(rules.verify_above)}" if rules.verify_above is not None
             else "tanpa ambang verifikasi"]
    own = "aturan OPD sendiri" if rules.stated else "aturan bawaan alat rkt"
    return Html(f'<p class="kab-note">{esc(f"Aturan pengukuran ({own}): " + "; ".join(parts) + ".")}</p>')
