"""The demo's texts: the example's cycle.yaml cut into its header and its events, a form as
first submitted (its date left to Git, a target as before the Sekretaris's correction), commit
titles, and the README of the demo repository.

Text, not YAML data: what the demo commits keeps the example's own comments and layout."""

from __future__ import annotations

import re

from generator.scaffold.demo_steps import DemoError


def split_cycle(text: str, events: int, where: str) -> tuple[str, list[str]]:
    """cycle.yaml as (everything before `peristiwa:`, the text of each event item)."""
    lines = text.splitlines(keepends=True)
    at = next((i for i, ln in enumerate(lines) if re.match(r"peristiwa:\s*(\[\s*\])?\s*(#.*)?$", ln)), None)
    if at is None or any(re.match(r"[^\s#-]", ln) for ln in lines[at + 1:]):
        raise DemoError(f"{where}: 'peristiwa' harus bagian terakhir berkas agar dapat diputar ulang")
    items: list[str] = []
    indent = None
    for line in lines[at + 1:]:
        m = re.match(r"(\s*)- ", line)
        if m and (indent is None or len(m.group(1)) == indent):
            indent = len(m.group(1))
            items.append(line)
        elif items:
            items[-1] += line
    if len(items) != events:
        raise DemoError(f"{where}: {len(items)} butir peristiwa terbaca, model memuat {events}")
    return "".join(lines[:at]), items


def dates_from_git(header: str) -> str:
    """The cycle header without `tanggal_dari_git: false` and the comment that explains it."""
    lines = header.splitlines(keepends=True)
    at = next((i for i, ln in enumerate(lines) if re.match(r"tanggal_dari_git:\s*false\s*(#.*)?$", ln)), None)
    if at is None:
        return header
    first = at
    while first > 0 and lines[first - 1].startswith("#"):
        first -= 1
    return "".join(lines[:first] + lines[at + 1:])


def without_date(form_text: str) -> str:
    """A form as submitted through a pull request: its date is the merge's, not a typed one."""
    return re.sub(r"(?m)^tanggal:[^\n]*\n", "", form_text, count=1)


def with_target(form_text: str, indicator: str, value: str, where: str) -> str:
    """The form with `indicator`'s target in the performance table set to `value` (YAML text)."""
    lines = form_text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        m = re.match(rf"(\s*)- kode: {re.escape(indicator)}\s*$", line)
        if not m:
            continue
        inner = len(m.group(1)) + 2
        for j in range(i + 1, len(lines)):
            t = re.match(r"(\s*)(- )?(\S+):", lines[j])
            if t is None or len(t.group(1)) < inner or (t.group(2) and len(t.group(1)) == inner - 2):
                break
            if t.group(3) == "target" and len(t.group(1)) == inner:
                lines[j] = f"{' ' * inner}target: {value}\n"
                return "".join(lines)
    raise DemoError(f"{where}: target indikator {indicator} tidak ditemukan")


def event_title(step_name: str, item: str) -> str:
    decision = re.search(r"(?m)^\s*keputusan:\s*(\S+)", item)
    return f"Langkah {step_name}" + (f": keputusan {decision.group(1)}" if decision else "")


README = """# Repositori contoh RKT (dibuat dengan `rkt demo`)

Repositori ini dibuat oleh `rkt demo`. Riwayat Git-nya memutar ulang siklus contoh seperti SOP
berjalan: setiap Form RKT unit diajukan oleh Kabid/Kasubbag-nya di cabang sendiri dan digabung
(*merge*) oleh peninjau, setiap peristiwa dicatat oleh pelaksananya, koreksi Sekretaris dijawab
dengan perbaikan form, dan pindaian bertanda tangan diarsipkan dengan `rkt sign`.

Tanggal penyerahan form di dasbor diambil dari tanggal *merge*, dan dasbor menyebut siapa yang
mengajukan dan siapa yang menyetujui setiap form. Lihat riwayatnya dengan:

```
git log --graph --format='%h %ad %an: %s' --date=short
```

Dasbornya ada di `site/index.html`. Semua nama, NIP, akun GitHub dan isi form adalah **CONTOH**.
"""
