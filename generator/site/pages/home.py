"""Beranda, the dashboard's first page: the season(s) the agency is in, where the current cycle
is, who must act, what is late."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from generator.core import fmt
from generator.core.model import Person
from generator.plan.performance import MeasuredYear
from generator.plan.sakip import StageState
from generator.plan.season import ACCOUNTABILITY, ACTION_PLAN, PLANNING, ReportDue, Season, quarter_words, seasons_of
from generator.plan.status import PHASE_LABELS, late_label
from generator.site.pages.capaian import page_path as capaian_page
from generator.site.pages.context import Context, current_cycle
from generator.site.pages.markup import DATA_PAGE, Html, esc, front, link
from generator.site.pages.progress import cycle_list, phase_note, step_table, summary_cards, timeliness

PAGE = "index.md"


def page_home(ctx: Context, measured: Mapping[int, MeasuredYear] | None = None) -> str:
    """Designed for a 360 px phone first: the first screen says the season(s) in one line each, where
    the cycle is, who must act now, which units are missing, how late it is and when it will end.
    `measured`: the performance year of each cycle (reports and Rencana Aksi); without it the
    seasons are the running cycles' alone."""
    page = PAGE
    agency = f"{ctx.agency.short} {ctx.agency.government.replace('Pemerintah ', '')}"
    out = [front("Beranda", extra=DATA_PAGE), "# Dasbor RKT\n\n",
           f'<p class="rkt-lead">Keadaan per {esc(fmt.date_id(ctx.today))} · {esc(agency)}</p>\n\n']
    folder = current_cycle(ctx)
    if folder is None:
        out.append(_first_steps(ctx, page))
        return "".join(out)
    measured = measured or {}
    out.append(season_block(ctx, seasons_of(ctx.today, ctx.agency, ctx.cycles, ctx.statuses, ctx.compiled, measured,
                                            ctx.cal), measured))
    st = ctx.statuses[folder.year]
    out.append(f"## RKT {folder.year}: {PHASE_LABELS[st.phase]}\n\n")
    out.append(phase_note(ctx, st))
    out.append(summary_cards(ctx, folder, st) + "\n\n")
    out.append(timeliness(st))
    out.append("### Langkah SOP\n\n")
    out.append(step_table(ctx, st, full=False) + "\n\n")
    out.append(link(page, f"siklus/{folder.year}.md", f"Rincian siklus {folder.year}") + " · " +
               link(page, f"rkt/{folder.year}.md", f"RKT {folder.year} (kompilasi)") + "\n\n")
    out.append("## Semua siklus\n\n")
    out.append(cycle_list(ctx, page))
    return "".join(out)


FOLDED_AFTER = 1  # people shown before "dan N lainnya" while a cycle's summary must stay on the first screen


def season_block(ctx: Context, found: tuple[Season, ...], measured: Mapping[int, MeasuredYear]) -> str:
    """"Musim ini": each season in one line with a link to its page, then, when quarterly reports are
    past due, who must hand them in (name, jabatan, unit, how late), as the cycle's "who must act".
    While a cycle runs its summary comes next and must stay on a phone's first screen: beyond
    `FOLDED_AFTER` people the rest fold behind "dan N lainnya"."""
    if not found:
        return ""
    lines = "".join(f"<li>{_season_line(s, measured)}</li>" for s in found)
    out = ['<div class="rkt-musim"><div class="rkt-musim-baris"><p class="rkt-musim-judul">Musim ini</p>'
           f'<ul class="rkt-musim-daftar">{lines}</ul></div>']
    late = [_late_person(ctx, r) for s in found for r in s.overdue]
    if late:
        shown = FOLDED_AFTER if any(s.kind == PLANNING for s in found) else len(late)
        people = f'<ul class="rkt-people">{"".join(late[:shown])}</ul>'
        if late[shown:]:
            people += (f'<details class="rkt-rincian"><summary>dan {len(late) - shown} lainnya</summary>'
                       f'<ul class="rkt-people">{"".join(late[shown:])}</ul></details>')
        out.append(f'<div class="rkt-musim-baris"><p class="rkt-musim-judul">Harus menyerahkan laporan</p>'
                   f"{people}</div>")
    acting = [_stage_person(s, person, stage) for s in found for person, stage in s.late_people]
    if acting:
        out.append(f'<div class="rkt-musim-baris"><p class="rkt-musim-judul">Harus menuntaskan tahapan LKjIP</p>'
                   f'<ul class="rkt-people">{"".join(acting)}</ul></div>')
    return "".join(out) + "</div>\n\n"


def _stage_person(s: Season, person: Person, stage: StageState) -> str:
    """Who must act on a late SAKIP stage, as `rkt status` names them: name, jabatan, the stage."""
    what = f"{s.title}: {stage.name} {stage.label} (tenggat {fmt.date_short(stage.due)})"
    return f"<li><strong>{esc(person.name)}</strong>, {esc(person.position)}<br>{esc(what)}</li>"


def _season_line(s: Season, measured: Mapping[int, MeasuredYear]) -> Html:
    """The season's title as a link (the capaian page of a year with a Rencana Aksi, else the cycle
    page), and what it waits on."""
    year = measured.get(s.year)
    if s.kind == PLANNING or year is None or not year.has_plan:
        target = f"siklus/{s.year}.html"
    else:
        target = capaian_page(s.year).removesuffix(".md") + ".html"
    href = posixpath.relpath(target, posixpath.dirname(PAGE) or ".")
    title = Html(f'<a href="{esc(href)}">{esc(s.title)}</a>')
    if s.kind == PLANNING:
        return title
    done = s.required - len(s.waiting)
    if s.kind == ACTION_PLAN:
        return Html(f"{title} · {esc(f'{done} dari {s.required} unit sudah menyusun')}")
    if s.kind == ACCOUNTABILITY:
        return Html(f"{title} · {esc(accountability_words(s))}")
    return Html(f"{title} · {esc(f'jatuh tempo {fmt.date_short(s.due)}, {done} dari {s.required} unit sudah melapor')}")


def accountability_words(s: Season) -> str:
    """"Reviu Inspektorat terlambat 3 hari kerja (tenggat 15 Mar 2027)", or "LKjIP selesai disusun,
    tenggat 28 Feb 2027"."""
    stage = s.stage
    if stage is None:
        return "semua tahapan tercatat"
    if stage.late_days:
        return f"{stage.name} {stage.label} (tenggat {fmt.date_short(stage.due)})"
    return f"{stage.name}, tenggat {fmt.date_short(stage.due)}"


def _late_person(ctx: Context, r: ReportDue) -> str:
    """One report past due: who must hand it in, in the style of the cycle's "who must act"."""
    unit = ctx.agency.unit(r.unit)
    what = (f"{unit.short if unit else r.unit}: laporan {quarter_words(r.quarter)} {r.year}, "
            f"{late_label(r.late_days).lower()}")
    who = f"<strong>{esc(r.head.name)}</strong>, {esc(r.head.position)}<br>" if r.head else ""
    return f"<li>{who}{esc(what)}</li>"


def _first_steps(ctx: Context, page: str) -> str:
    """The Beranda of a repository without a cycle: what to do first, in order."""
    from generator.check.rules.placeholders import unfilled

    def left(n: int) -> str:
        return f" Masih ada {n} isian bertanda “(isi ...)”." if n else ""

    return ("## Belum ada siklus RKT\n\n"
            "Dasbor ini belum memiliki siklus RKT, jadi belum ada langkah, form atau keterlambatan "
            "yang dapat ditampilkan. Yang perlu dilakukan pengelola dasbor lebih dulu:\n\n"
            "1. Lengkapi data instansi: nama dan alamat instansi, pegawai dengan NIP-nya, "
            f"unit kerja, dan peran dalam SOP.{left(unfilled(ctx.agency))}\n"
            "2. Isi Renstra yang berlaku: tujuan, sasaran strategis, indikator dan "
            f"target tahunannya.{left(unfilled(ctx.renstra))}\n"
            "3. Periksa SOP dan sesuaikan bila SOP instansi berbeda.\n"
            "4. Buka siklus pertama, lalu siapkan form tiap unit.\n\n"
            '<details class="rkt-rincian"><summary>Rincian teknis</summary><p>Data instansi ada di '
            "<code>cycles/agency.yaml</code>, Renstra di <code>cycles/renstra.yaml</code>, SOP di "
            "<code>cycles/sop.yaml</code>. Siklus pertama dibuka dengan "
            "<code>rkt new-cycle TAHUN --start TTTT-BB-HH</code>, form tiap unit disiapkan dengan "
            "<code>rkt new-form TAHUN UNIT</code>.</p></details>\n\n"
            f"Langkah demi langkah: {link(page, 'panduan/mulai.md', 'Mulai dengan data sendiri')}.\n")
