"""`rkt export YEAR --document bukti-lke`: the evidence of the year's SAKIP evaluation as one ZIP
(documents/evidence.py says what goes in, documents/evidence_zip.py writes it). The I/O is here:
the files' bytes, their arrival from Git, what is not committed yet."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.commands.outcome import Outcome
from generator.commands.preconditions import write_out
from generator.documents import evidence, evidence_zip
from generator.plan.arrivals import arrivals
from generator.plan.derive import Derived
from generator.source import gitrepo
from generator.source.load import read_no_follow

DOCUMENT = "bukti-lke"
FORMAT = "zip"


def export_evidence(root: Path, d: Derived, year: int, out: Path | None) -> Outcome:
    """The ZIP of `year`'s evidence, or why there is none (exit code 2, as for every document of a year
    without a cycle: the command named a year the repository does not have)."""
    folder = next((f for f in d.folders if f.year == year), None)
    if folder is None:
        years = ", ".join(str(f.year) for f in sorted(d.folders, key=lambda f: f.year)) or "belum ada"
        return Outcome.failed(f"rkt: bukti LKE {year} tidak dibuat: tahun {year} tidak memiliki siklus "
                              f"(cycles/{year}/cycle.yaml; siklus yang ada: {years})\n", 2)
    contents: dict[str, bytes] = {}
    for rel in (*folder.files, evidence.RENSTRA_FILE):
        try:
            contents[rel] = read_no_follow(root / rel)
        except OSError:
            continue  # gone since validation: it is listed as not held
    digests = {rel: hashlib.sha256(data).hexdigest() for rel, data in contents.items()}
    changed = frozenset(gitrepo.uncommitted(root, year, performance=True))
    ev = evidence.gather(folder, d.repo, d.measured.get(year), arrivals(root, d.repo.agency.timezone), digests,
                         d.today, changed)
    data = evidence_zip.render(ev, contents)
    target = out or Path(evidence_zip.file_name(year))
    failed = write_out(target, data)
    if failed:
        return Outcome.failed(failed, 2)
    return Outcome.done(_summary(ev, target, len(data), changed))


def _summary(ev: evidence.Evidence, target: Path, size: int, changed: frozenset[str]) -> str:
    size_text = f"{size:,}".replace(",", ".")
    lines = [f"Bukti evaluasi AKIP {ev.year} ditulis ke {target} ({len(ev.items)} berkas bukti, {size_text} byte; "
             f"indeks: {evidence_zip.INDEX})."]
    for c in evidence.COMPONENTS:
        lines.append(f"  {c.name} (bobot {c.weight}): {len(ev.of(c))} bukti, {len(ev.missing_of(c))} belum "
                     f"tersedia")
    lines.append(f"Belum tersedia di repositori: {len(ev.missing)} bukti (lihat lembar 'Belum tersedia').")
    if not ev.history:
        lines.append(f"Perhatian: tanpa riwayat Git; tanggal penggabungan dan nama pengaju/penyetuju ditulis "
                     f"'{evidence.NO_HISTORY}'.")
    if changed:
        lines.append(f"Perhatian: ada perubahan yang belum di-commit ({', '.join(sorted(changed))}); berkas itu "
                     f"disalin dari folder kerja.")
    lines.append("rkt tidak menilai evaluasi; indeks ini menunjukkan apa yang terbukti dan kapan.")
    return "\n".join(lines) + "\n"
