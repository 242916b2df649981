"""The "Capaian Kinerja <tahun>" page of a year that has a Rencana Aksi: where the year stands,
how capaian is computed (the agency's rules and the tool's defaults), per sasaran and indicator
the quarterly targets, realisations and capaian with the formula and its numbers beside each,
a chart per IKU, and budget absorption (serapan) per program; and the index of these pages.

Every value shown comes from `plan/performance.MeasuredYear`, so that the page, the documents
and the published data print the same numbers. User text goes into raw HTML, escaped."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from generator.core import fmt
from generator.core.capaian import AGGREGATION_WORDS, Capaian
from generator.core.model import Objective
from generator.core.year import DOWN, QUARTER_NAMES, QUARTERS, RANGE, quarter_end
from generator.plan.performance import (
    LATE,
    LATE_MISSING,
    NOT_ENDED,
    ON_TIME,
    WAITING,
    BudgetLine,
    IndicatorYear,
    MeasuredYear,
    QuarterCell,
    ReportState,
    SoFar,
    report_due,
)
from generator.plan.status import working_days
from generator.site.capaianspec import alt_text, chart_key, chart_spec, charted
from generator.site.pages.context import Context
from generator.site.pages.markup import DATA_PAGE, Html, chart, esc, front, link, table

INDEX = "capaian.md"
DIRECTION_WORDS = {"naik": "semakin besar semakin baik", DOWN: "semakin kecil semakin baik",
                   RANGE: "rentang (target berupa rentang nilai)"}
NO_PLAN = "belum ada Rencana Aksi"
STATE_BADGE = {ON_TIME: "rkt-selesai", LATE: "rkt-terlambat", LATE_MISSING: "rkt-terlambat",
               WAITING: "rkt-berjalan", NOT_ENDED: "rkt-belum"}


def page_path(year: int) -> str:
    return f"capaian-{year}.md"


def quarter_word(quarter: int) -> str:
    """"Triwulan III" for 3."""
    return "Triwulan " + QUARTER_NAMES[quarter].removeprefix("TW ")


def measured_years(measured: Mapping[int, MeasuredYear]) -> list[int]:
    """The years with a Rencana Aksi, oldest first: those that have a capaian page."""
    return sorted(y for y, m in measured.items() if m.has_plan)


# --- the index -----------------------------------------------------------------

def page_capaian_index(ctx: Context, measured: Mapping[int, MeasuredYear]) -> str:
    out = [front("Capaian Kinerja", ["capaian"]), "# Capaian Kinerja\n\n",
           "Capaian indikator kinerja per triwulan, dihitung dari Rencana Aksi dan laporan triwulan tiap unit.\n\n"]
    years = measured_years(measured)
    if not years:
        out.append("Belum ada tahun yang memiliki Rencana Aksi. Halaman capaian suatu tahun muncul setelah "
                   "Rencana Aksi tahun itu disimpan di repositori.\n")
        return "".join(out)
    for y in reversed(years):
        ended = measured[y].ended_quarters(ctx.today)
        state = f"data sampai {quarter_word(ended[-1])}" if ended else "belum ada triwulan yang berakhir"
        out.append(f"- {link(INDEX, page_path(y), f'Capaian Kinerja {y}')} ({state}) · "
                   f"{link(INDEX, f'rkt/{y}.md', f'RKT {y}')}\n")
    without = sorted(y for y, m in measured.items() if not m.has_plan)
    if without:
        out.append(f"\nBelum ada Rencana Aksi untuk tahun {', '.join(map(str, without))}.\n")
    return "".join(out)


# --- the year's page -------------------------------------------------------------

def page_capaian(ctx: Context, m: MeasuredYear) -> str:
    page = page_path(m.year)
    ended = m.ended_quarters(ctx.today)
    out = [front(f"Capaian Kinerja {m.year}", [str(m.year), "capaian"], extra=DATA_PAGE),
           f"# Capaian Kinerja {m.year}\n\n",
           f'<p class="rkt-lead">Keadaan per {esc(fmt.date_id(ctx.today))}</p>\n\n',
           f"Lihat juga: {link(page, f'rkt/{m.year}.md', f'RKT {m.year}')} · "
           f"{link(page, f'siklus/{m.year}.md', f'Siklus {m.year}')} · {link(page, INDEX, 'semua tahun')}\n\n",
           downloads_line(ctx, m, page),
           summary(ctx, m, ended) + "\n\n",
           "## Laporan triwulan\n\n", report_table(ctx, m) + "\n\n",
           "## Cara menghitung\n\n", rules_list(m) + "\n\n",
           "## Capaian per sasaran\n\n"]
    last = ended[-1] if ended else None
    groups: dict[str, list[IndicatorYear]] = {}
    for row in m.indicators:
        groups.setdefault(row.objective.code, []).append(row)
    for rows in groups.values():
        out.append(objective_heading(rows[0].objective, rows[0].number) + "\n\n")
        out.append(indicator_table(ctx, m, rows, last) + "\n\n")
    out.append(charts_section(ctx, m, page))
    out.append("## Serapan anggaran\n\n")
    out.append(budget_table(ctx, m, last) + "\n")
    return "".join(out)


def downloads_line(ctx: Context, m: MeasuredYear, page: str) -> str:
    """The year's Rencana Aksi and capaian documents (a DRAF named so), as generate.py offers them."""
    files = ctx.year_documents.get(m.year, [])
    if not files:
        return ""
    return "Unduh: " + " · ".join(link(page, path, label) for path, label in files) + "\n\n"


def objective_heading(objective: Objective, number: str) -> Html:
    group = number.partition(".")[0]
    return Html(f'<h3 class="rkt-sasaran">Sasaran {esc(group)}. {esc(objective.description)}</h3>')


# --- summary ---------------------------------------------------------------------

def _data_line(ctx: Context, m: MeasuredYear, ended: tuple[int, ...]) -> str:
    """"Data sampai Triwulan III; Triwulan IV berakhir 31 Desember 2026, laporan jatuh tempo 18 Januari 2027"."""
    upcoming = next((q for q in QUARTERS if q not in ended), None)
    head = f"Data sampai {quarter_word(ended[-1])}" if ended else "Belum ada triwulan yang berakhir"
    if upcoming is None:
        return f"{head} (seluruh tahun)."
    due = report_due(m.year, upcoming, m.rules, ctx.cal)
    return (f"{head}; {quarter_word(upcoming)} berakhir {fmt.date_id(quarter_end(m.year, upcoming))}, "
            f"laporan jatuh tempo {fmt.date_id(due)}.")


def _category_of(row: IndicatorYear) -> str:
    """What the summary counts an indicator as: its category so far, a text target's verdict, or none."""
    c = row.so_far.capaian
    if c is not None and c.percent is not None and c.category:
        return c.category
    if c is not None and c.met is not None:
        return f"target teks, {c.shown}"
    return "belum ada capaian"


def _needs_check(row: IndicatorYear) -> bool:
    shown = [c.capaian for c in row.cells] + [row.so_far.capaian]
    return any(c is not None and c.verify for c in shown)


def _category_line(m: MeasuredYear, last: int | None) -> str:
    counts: dict[str, int] = {}
    for row in m.indicators:
        key = _category_of(row)
        counts[key] = counts.get(key, 0) + 1
    order = [b.name for b in m.rules.bands]
    parts = [f"{name} {counts[name]}" for name in order if name in counts]
    parts += [f"{k} {v}" for k, v in sorted(counts.items()) if k not in order]
    iku = sum(1 for r in m.indicators if r.is_iku)
    verify = sum(1 for r in m.indicators if _needs_check(r))
    when = f"capaian s.d. {QUARTER_NAMES[last]}" if last else "capaian"
    text = f"{len(m.indicators)} indikator ({iku} IKU); {when}: {', '.join(parts)}."
    return text + (f" {verify} indikator perlu verifikasi." if verify else "")


def _head_of(ctx: Context, unit: str) -> str:
    u = ctx.agency.unit(unit)
    head = ctx.agency.person(u.head) if u is not None else None
    return f"{head.name}, {head.position}" if head is not None else "kepala unit tidak tercatat"


def _report_lines(ctx: Context, m: MeasuredYear) -> list[str]:
    """Who has not reported an ended quarter, and which reports came in late."""
    lines = []
    for r in m.reports:
        who = f"{ctx.unit_name(r.unit)} (kepala unit: {_head_of(ctx, r.unit)})"
        if r.state == LATE_MISSING:
            lines.append(f"{who}: laporan {QUARTER_NAMES[r.quarter]} belum masuk, terlambat "
                         f"{working_days(r.late_days)} (jatuh tempo {fmt.date_id(r.due)}).")
        elif r.state == WAITING:
            lines.append(f"{who}: laporan {QUARTER_NAMES[r.quarter]} belum masuk, jatuh tempo "
                         f"{fmt.date_id(r.due)} (belum terlambat).")
    missing = bool(lines)
    for r in m.reports:
        if r.state == LATE:
            lines.append(f"{ctx.unit_name(r.unit)} (kepala unit: {_head_of(ctx, r.unit)}): laporan "
                         f"{QUARTER_NAMES[r.quarter]} diserahkan {fmt.date_id(r.arrived)}, terlambat "
                         f"{working_days(r.late_days)} (jatuh tempo {fmt.date_id(r.due)}).")
    if not missing:
        ended = sorted({r.quarter for r in m.reports if r.state != NOT_ENDED})
        if ended:
            span = "–".join(dict.fromkeys((QUARTER_NAMES[ended[0]], QUARTER_NAMES[ended[-1]])))
            lines.insert(0, f"Semua unit sudah menyerahkan laporan triwulan yang berakhir ({span}).")
    return lines


def summary(ctx: Context, m: MeasuredYear, ended: tuple[int, ...]) -> Html:
    last = ended[-1] if ended else None
    lines = _report_lines(ctx, m) or ["Belum ada laporan triwulan yang jatuh tempo."]
    reports = "".join(f"<li>{esc(line)}</li>" for line in lines)
    rows = [("Data", esc(_data_line(ctx, m, ended))), ("Indikator", esc(_category_line(m, last))),
            ("Laporan", Html(f'<ul class="rkt-people">{reports}</ul>'))]
    inner = "".join(f'<div class="rkt-now-row"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in rows)
    return Html(f'<dl class="rkt-now rkt-capaian-now">{inner}</dl>')


def _report_cell(r: ReportState | None) -> Html:
    if r is None:
        return esc("—")
    badge = f'<span class="rkt-badge {STATE_BADGE[r.state]}">{esc(r.state)}</span>'
    if r.state == NOT_ENDED:
        detail = f"jatuh tempo {fmt.date_short(r.due)}"
    elif r.report is None:
        detail = f"jatuh tempo {fmt.date_short(r.due)}" + (f", lewat {working_days(r.late_days)}" if r.late_days
                                                            else "")
    else:
        detail = f"masuk {fmt.date_short(r.arrived)}" + (
            f", {working_days(r.late_days)} setelah jatuh tempo {fmt.date_short(r.due)}" if r.late_days else "")
        if r.revisions:
            detail += f"; diubah {r.revisions} kali setelah disetujui"
    return Html(f"{badge}<br>{esc(detail)}")


def report_table(ctx: Context, m: MeasuredYear) -> Html:
    rows = [[ctx.unit_name(u), _head_of(ctx, u), *(_report_cell(m.report(u, q)) for q in QUARTERS)] for u in m.units]
    if not rows:
        return Html("<p>Belum ada unit yang menyusun Rencana Aksi atau laporan triwulan.</p>")
    return table(["Unit", "Kepala unit", *(QUARTER_NAMES[q] for q in QUARTERS)], rows,
                 label=f"Laporan triwulan {m.year} per unit")


# --- how capaian is computed -------------------------------------------------------

def _source(m: MeasuredYear, key: str) -> str:
    return ("ditetapkan instansi dalam aturan pengukurannya" if key in m.rules.stated
            else "bawaan aplikasi, belum ditetapkan instansi")


def _percent(value: Decimal) -> str:
    return fmt.number(float(value)) + "%" if value != value.to_integral() else f"{int(value)}%"


def _scale(m: MeasuredYear) -> str:
    bands = m.rules.bands
    parts = []
    for i, b in enumerate(bands):
        upper = f" sampai di bawah {_percent(bands[i - 1].lowest)}" if i else " ke atas"
        parts.append(f"{b.name}: {_percent(b.lowest)}{upper}")
    return "; ".join(parts)


def rules_list(m: MeasuredYear) -> Html:
    r = m.rules
    down = "(2 − R / T) × 100%" if r.down_formula == "2 - R/T" else "T / R × 100%"
    cap = f"capaian di atas {_percent(r.cap)} ditampilkan {_percent(r.cap)}" if r.cap is not None \
        else "capaian tidak dibatasi (boleh lebih dari 100%)"
    verify = (f"capaian di atas {_percent(r.verify_above)} ditandai \"perlu verifikasi\"" if r.verify_above is not None
              else "tidak ada ambang verifikasi")
    items = [
        ("Indikator semakin besar semakin baik: capaian = realisasi (R) / target (T) × 100%.", "aturan umum"),
        (f"Indikator semakin kecil semakin baik: capaian = {down}.", _source(m, "rumus_turun")),
        ("Target berupa rentang A–B: 100% bila realisasi di dalam rentang; di bawah A: R / A × 100%; di atas B: "
         f"rumus semakin kecil semakin baik terhadap B ({down.replace('T', 'B')}).", "aturan umum"),
        (f"Batas capaian: {cap}.", _source(m, "batas_capaian")),
        (f"Ambang verifikasi: {verify}.", _source(m, "ambang_verifikasi")),
        (f"Kategori capaian: {_scale(m)}.", _source(m, "kategori")),
        (f"Tenggat laporan triwulan: {working_days(r.report_days)} setelah triwulan berakhir, menurut kalender "
         "kerja instansi.", _source(m, "tenggat_laporan")),
        ("Realisasi s.d. triwulan terakhir digabung menurut agregasi tiap indikator (jumlah triwulan, nilai "
         "triwulan terakhir, rata-rata atau nilai tertinggi); persentase tidak pernah dijumlahkan.", "aturan umum"),
        ("Target berupa teks atau predikat (misalnya BB) dibandingkan sebagai teks atau menurut peringkat "
         "predikat: tercapai atau belum tercapai, tanpa persentase.", "aturan umum"),
    ]
    lis = "".join(f"<li>{esc(text)} <em>({esc(source)})</em></li>" for text, source in items)
    return Html(f'<ul class="rkt-rules">{lis}</ul>')


# --- the indicator table -----------------------------------------------------------------

def capaian_html(c: Capaian | None, category: bool = False) -> str:
    """"Capaian <strong>97,65%</strong> · Sangat Baik" and the formula with its numbers; a text target
    says tercapai / belum tercapai without a percentage; no percentage says why."""
    if c is None:
        return ""
    shown = f"<strong>{esc(c.shown)}</strong>"
    if category and c.category:
        shown += f" · {esc(c.category)}"
    if c.verify:
        shown += ' <span class="rkt-badge rkt-terlambat">perlu verifikasi</span>'
    if c.percent is None and c.met is None:
        return f"Capaian {shown}<br><span class=\"rkt-note\">{esc(c.reason or '')}</span>"
    if c.percent is None:  # a text target: compared, never given a percentage
        return f'Capaian {shown}<br><span class="rkt-rumus">{esc(c.worked)} ({esc(c.formula)})</span>'
    return f'Capaian {shown}<br><span class="rkt-rumus">{esc(c.worked)}</span>'


def _realisation_text(cell: QuarterCell, report: ReportState | None) -> str:
    if cell.realisation is not None:
        return f"Realisasi {esc(cell.value_text)}"
    if report is None or report.report is None:
        return "Realisasi: <em>belum dilaporkan</em>"
    return "Realisasi: <em>tidak dilaporkan</em>"


def quarter_html(row: IndicatorYear, cell: QuarterCell, report: ReportState | None) -> Html:
    """One quarter of one indicator: target, realisation, capaian with its formula."""
    if row.planned is None:
        head = f"<em>{NO_PLAN}</em>"
    elif cell.target is None or cell.target.is_none:
        head = "Target: <em>tidak ada target triwulan ini</em>"
    else:
        head = f"Target {esc(cell.target_text)}"
    if not cell.ended:
        return Html(f'{head}<br><em class="rkt-belum-berakhir">belum berakhir</em>')
    if row.planned is None or (cell.realisation is None and (cell.target is None or cell.target.is_none)):
        return Html(head)
    parts = [head, _realisation_text(cell, report)]
    if cell.capaian is not None:
        parts.append(capaian_html(cell.capaian))
    return Html("<br>".join(parts))


def so_far_html(row: IndicatorYear, last: int | None) -> Html:
    s: SoFar = row.so_far
    if row.planned is None:
        return Html(f"<em>{NO_PLAN}</em>")
    if not s.quarters:
        return Html("<em>belum ada realisasi</em>" if last else "<em>belum ada triwulan yang berakhir</em>")
    parts = [f"Realisasi {esc(s.realised)}", f"Target {esc(s.target)}", capaian_html(s.capaian, category=True),
             f'<span class="rkt-note">{esc(s.how)}</span>']
    if row.year is not None:
        parts.append(f"Capaian tahunan terhadap target {esc(row.year_target)}: {capaian_html(row.year, True)}")
    return Html("<br>".join(p for p in parts if p))


def indicator_html(ctx: Context, row: IndicatorYear) -> Html:
    ind = row.indicator
    notes = (["IKU"] if row.is_iku else []) + [DIRECTION_WORDS.get(ind.direction, ind.direction),
                                                f"realisasi setahun = {AGGREGATION_WORDS[ind.aggregation]}"]
    if row.responsible is not None:
        notes.append(f"penanggung jawab: {row.responsible.name}"
                     + (f" ({ctx.unit_name(row.unit)})" if row.unit else ""))
    out = f'{esc(ind.description)}<br><span class="rkt-note">{esc(" · ".join(notes))}</span>'
    if row.planned is None:
        out += (f'<br><span class="rkt-warn">Indikator ini {NO_PLAN}: target triwulan dan realisasinya belum '
                "dapat dicatat.</span>")
    if row.plan_problem:
        out += f'<br><span class="rkt-warn">Peringatan Rencana Aksi: {esc(row.plan_problem)}</span>'
    return Html(out)


def indicator_table(ctx: Context, m: MeasuredYear, rows: list[IndicatorYear], last: int | None) -> Html:
    so_far = f"s.d. {QUARTER_NAMES[last]}" if last else "s.d. triwulan terakhir"
    headers = ["No", "Indikator", "Satuan", "Target tahun", *(QUARTER_NAMES[q] for q in QUARTERS), so_far]
    body = []
    for row in rows:
        reports = [m.report(row.unit, q) if row.unit else None for q in QUARTERS]
        body.append([row.number, indicator_html(ctx, row), row.indicator.unit_of_measure or "—", row.year_target,
                     *(quarter_html(row, row.cells[q - 1], reports[q - 1]) for q in QUARTERS),
                     so_far_html(row, last)])
    return table(headers, body, cls="rkt-table rkt-capaian", numeric=(0,), stack="l",
                 label=f"Capaian sasaran {rows[0].number.partition('.')[0]}")


# --- charts ------------------------------------------------------------------------------

def charts_section(ctx: Context, m: MeasuredYear, page: str) -> str:
    """A chart per IKU with a numeric target path, described in words with its numbers."""
    rows = [r for r in m.indicators if charted(r) and chart_key(m.year, r.indicator.code) in ctx.charts]
    if not rows:
        return ""
    out = ["## Grafik realisasi IKU\n\n",
           "Realisasi tiap triwulan (garis biru) terhadap target triwulan dalam Rencana Aksi (garis putus-putus "
           "abu-abu, atau pita abu-abu untuk target rentang).\n\n"]
    for row in rows:
        out.append(f'<h3 class="rkt-grafik">{esc(row.indicator.code)} {esc(row.indicator.description)}</h3>\n\n')
        out.append(chart(ctx, page, chart_key(m.year, row.indicator.code), alt_text(chart_spec(row))) + "\n\n")
    return "".join(out)


# --- budget absorption -------------------------------------------------------------------

def budget_quarter(line: BudgetLine, quarter: int, ended: bool) -> Html:
    """One program in one quarter: realisation, cumulative, serapan, and the Rencana Aksi's plan."""
    parts = []
    spent = line.spent[quarter - 1]
    if not ended and spent is None:
        parts.append('<em class="rkt-belum-berakhir">belum berakhir</em>')
    elif spent is None:
        parts.append("<em>belum dilaporkan</em>")
    else:
        parts.append(f"Realisasi {esc(fmt.rupiah(spent))}")
        parts.append(f"Kumulatif {esc(fmt.rupiah(line.cumulative[quarter - 1]))}")
        parts.append(f"Serapan {esc(serapan(line, quarter))}")
    if line.planned is not None:
        parts.append(f'<span class="rkt-note">Rencana {esc(fmt.rupiah(line.planned[quarter - 1]))}</span>')
    return Html("<br>".join(parts))


def serapan(line: BudgetLine, quarter: int) -> str:
    """Serapan up to a quarter, one decimal ("70,5%"); "belum ada anggaran" when the pagu is unknown."""
    done = line.cumulative[quarter - 1]
    if line.budget is None:
        return "belum ada anggaran"
    if done is None or not line.budget:
        return "—"
    return fmt.percent(done, line.budget)


def budget_table(ctx: Context, m: MeasuredYear, last: int | None) -> Html:
    if not m.budget:
        return Html("<p>Belum ada program dengan anggaran pada Form RKT tahun ini.</p>")
    so_far = f"Serapan s.d. {QUARTER_NAMES[last]}" if last else "Serapan"
    rows = []
    ended = m.ended_quarters(ctx.today)
    for line in m.budget:
        program = Html(f"<strong>{esc(line.code)}</strong> {esc(line.name)}" if line.code else esc(line.name))
        total = (f"Rencana setahun {fmt.rupiah(sum(line.planned))}" if line.planned is not None else "")
        rows.append([ctx.unit_name(line.unit), program,
                     Html(esc(fmt.rupiah(line.budget)) + (f'<br><span class="rkt-note">{esc(total)}</span>'
                                                          if total else "")),
                     *(budget_quarter(line, q, q in ended) for q in QUARTERS),
                     serapan(line, last) if last else "—"])
    return table(["Unit", "Program", "Pagu", *(QUARTER_NAMES[q] for q in QUARTERS), so_far], rows,
                 numeric=(), stack="l", label=f"Serapan anggaran {m.year} per program")
