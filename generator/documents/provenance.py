"""Where a printed page comes from: the source commit and the content fingerprint that every
export (RKT and Perjanjian Kinerja, every format) carries.

The fingerprint depends on the content only (not on the date or the commit), so the same plan
prints with the same fingerprint from any clone. When the plan's inputs have uncommitted
changes no commit holds what is printed, and the page says "belum di-commit" instead of naming one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.source.gitrepo import UNCOMMITTED


@dataclass(frozen=True)
class Source:
    commit: str  # short commit id, UNCOMMITTED when the inputs have uncommitted changes, or "" outside git
    fingerprint: str  # sha256 hex of the content

    @property
    def label(self) -> str:
        """How printed pages name their source."""
        if self.commit == UNCOMMITTED:
            return f"Sumber: {UNCOMMITTED}"
        return f"Sumber: commit {self.commit}" if self.commit else "Sumber: tanpa Git"
