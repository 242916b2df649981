"""Cycles added to a copy of the example: one scheduled in the future, one recorded after the fact."""

from __future__ import annotations

from pathlib import Path


def add_cycle(repo: Path, year: int, start: str, extra: str = "") -> None:
    """A new cycle folder with an empty event log; `extra`: more lines of cycle.yaml."""
    folder = repo / f"cycles/{year}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cycle.yaml").write_text(
        f"# yaml-language-server: $schema=../../schemas/cycle.schema.json\n"
        f"tahun: {year}\nmulai: {start}\n{extra}unit_wajib: [sekretariat, ppik, mpk, psdm]\nperistiwa: []\n")


def add_recorded_2025(repo: Path) -> None:
    """The 2025 archive: no event log, one form filled long after the SOP's deadline."""
    add_cycle(repo, 2025, "2024-11-04", "dicatat_kemudian: true\n")
    (repo / "cycles/2025/forms").mkdir()
    text = (repo / "cycles/2026/forms/psdm.yaml").read_text()
    (repo / "cycles/2025/forms/psdm.yaml").write_text(
        text.replace("tahun: 2026", "tahun: 2025").replace("tanggal: 2025-11-10", "tanggal: 2024-12-20"))
