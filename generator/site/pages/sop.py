"""The SOP page: its identity, its blocks, the flowchart and every step with its standard."""

from __future__ import annotations

from generator.core import fmt
from generator.site.pages.context import Context
from generator.site.pages.markup import DATA_PAGE, chart, esc, front, table


def page_sop(ctx: Context) -> str:
    sop = ctx.sop
    out = [front("SOP", ["SOP"], extra=DATA_PAGE), "# SOP Penyusunan RKT\n\n",
           f'<p class="rkt-lead">{esc(sop.name)} · {esc(ctx.agency.name)} {esc(ctx.agency.government)}</p>\n\n']
    ident = [["Nomor SOP", sop.number or "—"], ["Tanggal pembuatan", fmt.date_id(sop.made_on)],
             ["Tanggal revisi", fmt.date_id(sop.revised_on)], ["Tanggal efektif", fmt.date_id(sop.effective_on)],
             ["Disahkan oleh", ctx.lane_name(sop.approved_by) if sop.approved_by else "—"]]
    out.append("## Identitas\n\n" + table(["", ""], ident, cls="rkt-table rkt-ident", label="Identitas SOP",
                                          stack=None) + "\n\n")
    blocks = [("Dasar hukum", sop.legal_basis), ("Kualifikasi pelaksana", sop.qualifications),
              ("Keterkaitan", sop.related), ("Peralatan/perlengkapan", sop.equipment),
              ("Peringatan", sop.warnings), ("Pencatatan dan pendataan", sop.records)]
    for title, items in blocks:
        out.append(f"### {title}\n\n<ol>{''.join(f'<li>{esc(i)}</li>' for i in items)}</ol>\n\n")
    out.append("## Bagan alir\n\n")
    out.append(chart(ctx, "sop.md", "sop", "Bagan alir SOP: satu lajur per pelaksana") + "\n\n")
    out.append("## Uraian prosedur dan mutu baku\n\n")
    rows = []
    for s in sop.steps:
        executor = ctx.lane_name(s.executor)
        if s.supporting:
            executor += " (bersama " + ", ".join(ctx.lane_name(x) for x in s.supporting) + ")"
        note = s.note or ""
        if s.on_reject is not None:
            note = (note + "\n" if note else "") + f"Keputusan: tidak → kembali ke langkah {s.on_reject}; ya → lanjut"
        rows.append([s.number, s.description, executor, s.inputs, s.days_written, s.output, note or "—"])
    out.append(table(["No", "Uraian prosedur", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"], rows,
                     numeric=(0,), label="Uraian prosedur dan mutu baku", stack="l") + "\n\n")

    total = sum(s.days for s in sop.steps)
    out.append(f"Waktu baku seluruh langkah tanpa revisi: **{total} hari kerja** "
               f"(“Hari” = hari kerja Senin–Jumat di luar libur nasional dan cuti bersama; 1 Minggu = 5 hari kerja).\n")
    return "".join(out)
