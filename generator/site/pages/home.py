"""Beranda, the dashboard's first page: where the current cycle is, who must act, what is late."""

from __future__ import annotations

from generator.core import fmt
from generator.plan.status import PHASE_LABELS
from generator.site.pages.context import Context, current_cycle
from generator.site.pages.markup import DATA_PAGE, esc, front, link
from generator.site.pages.progress import cycle_list, phase_note, step_table, summary_cards, timeliness


def page_home(ctx: Context) -> str:
    """Designed for a 360 px phone first: the first screen says where the cycle is, who must act
    now, which units are missing, how late it is and when it will end."""
    page = "index.md"
    agency = f"{ctx.agency.short} {ctx.agency.government.replace('Pemerintah ', '')}"
    out = [front("Beranda", extra=DATA_PAGE), "# Dasbor RKT\n\n",
           f'<p class="rkt-lead">Keadaan per {esc(fmt.date_id(ctx.today))} · {esc(agency)}</p>\n\n']
    folder = current_cycle(ctx)
    if folder is None:
        out.append(_first_steps(ctx, page))
        return "".join(out)
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
