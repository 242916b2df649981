"""The archive page: every signed RKT version, Perjanjian Kinerja (also of a year of which only
the signed PK is archived) and Rencana Aksi, its scan checked against its fingerprint, and what
changed between versions of the RKT."""

from __future__ import annotations

import posixpath

from generator.core import fmt
from generator.core.model import SignedVersion
from generator.plan.compile import group_nip
from generator.site.pages.context import Context
from generator.site.pages.markup import DATA_PAGE, Html, esc, front, table


def page_archive(ctx: Context) -> str:
    page = "arsip.md"
    out = [front("Arsip", ["arsip"], extra=DATA_PAGE), "# Arsip RKT bertanda tangan\n\n",
           "Setiap versi RKT yang ditandatangani Kepala Badan, dengan pindaiannya. Setiap kali dasbor diperbarui, "
           "setiap pindaian diperiksa ulang: “Cocok” berarti berkasnya tidak berubah sejak ditandatangani.\n\n"]
    versions: list[SignedVersion] = sorted((v for c in ctx.cycles for v in c.signed),
                                           key=lambda v: (-v.year, -v.version))
    # the Perjanjian Kinerja made from a signed RKT, archived the same way; and of a year whose
    # signed PK is all the repository has of it
    agreements = sorted((v for c in ctx.cycles + ctx.agreements_only for v in c.agreements),
                        key=lambda v: (-v.year, -v.version))
    plans = sorted((v for c in ctx.cycles for v in c.action_plan_versions), key=lambda v: (-v.year, -v.version))
    if not versions and not agreements and not plans:
        out.append("Belum ada versi bertanda tangan.\n")
        return "".join(out)
    out.append(_signed_table(page, versions, "Versi bertanda tangan") + "\n\n" if versions else
               "Belum ada versi RKT bertanda tangan.\n\n")
    if agreements:
        out.append("## Perjanjian Kinerja bertanda tangan\n\n" + _agreements_only(ctx)
                   + _signed_table(page, agreements, "Perjanjian Kinerja bertanda tangan") + "\n\n")
    if plans:
        out.append("## Rencana Aksi bertanda tangan\n\n"
                   + _signed_table(page, plans, "Rencana Aksi bertanda tangan") + "\n\n")
    if versions:
        out.append("## Perubahan antarversi\n\n" + _changes(ctx, versions))
    return "".join(out)


def _agreements_only(ctx: Context) -> str:
    """The years of which only the signed PK is archived, said as such: no RKT, form or SOP step."""
    if not ctx.agreements_only:
        return ""
    years = ", ".join(str(c.year) for c in sorted(ctx.agreements_only, key=lambda c: c.year))
    return (f'<p class="rkt-pk-only">Tahun {esc(years)}: hanya Perjanjian Kinerja yang diarsipkan. RKT, Form RKT dan '
            f"langkah SOP tahun itu tidak tercatat di dasbor ini, dan Perjanjian Kinerjanya tidak dicetak dari "
            f"dasbor ini.</p>\n\n")


def _changes(ctx: Context, versions: list[SignedVersion]) -> str:
    out = []
    for v in versions:
        out.append(f'<h3 class="rkt-version">RKT {v.year} versi {v.version}</h3>\n\n')
        if v.version == 1:
            out.append("<p>Versi pertama.</p>\n\n")
            continue
        changes = ctx.changes.get((v.year, v.version))
        if changes is None:
            out.append("<p>Perubahan tidak dapat dihitung: data yang dicetak pada salah satu versi tidak tersimpan "
                       "lagi.</p>\n\n")
        elif not changes:
            out.append(f"<p>Isi sama dengan versi {v.version - 1}.</p>\n\n")
        else:
            items = "".join(f"<li>{esc(c)}</li>" for c in changes)
            out.append(f"<p>Dibandingkan dengan versi {v.version - 1}:</p><ul>{items}</ul>\n\n")
    return "".join(out)


def _signed_table(page: str, versions: list[SignedVersion], label: str) -> Html:
    rows = []
    for v in versions:
        ok = v.scan_exists and v.scan_sha256 == v.sha256
        check = Html('<span class="rkt-badge rkt-selesai">Cocok</span>' if ok else
                     '<span class="rkt-badge rkt-terlambat">Tidak cocok</span>')
        href = posixpath.relpath(f"unduh/{v.scan}", posixpath.dirname(page) or ".")
        scan = Html(f'<a href="{esc(href)}">{esc(v.scan)}</a>') if ok else esc(v.scan)
        # the fingerprint and the source commit are for whoever audits the archive: folded away
        details = Html(f'<details class="rkt-rincian"><summary>Rincian teknis</summary>'
                       f'<p>SHA-256: <code class="rkt-hash">{esc(v.sha256)}</code></p>'
                       f"<p>Commit sumber: {_commit(v)}</p></details>")
        rows.append([v.year, v.version, fmt.date_short(v.date), f"{v.signer.name}\nNIP. {group_nip(v.signer.nip)}",
                     Html(check + details), scan, v.note or "—"])
    return table(["Tahun", "Versi", "Tanggal", "Penandatangan", "Pemeriksaan", "Pindaian", "Catatan"], rows,
                 numeric=(0, 1), label=label, stack="m")


def _commit(v: SignedVersion) -> Html:
    if v.commit:
        return Html(f"<code>{esc(v.commit[:12])}</code>")
    return Html("tidak ada (dicetak di luar repositori ini)")
