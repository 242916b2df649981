"""Placeholders on the dashboard: every "(isi ...)" that `rkt init` left in the agency's data
and nobody replaced is shown as a BELUM DIISI badge, never as the placeholder itself, and the
badge's title says which file and which value to fill (as the printed documents do,
`documents/unfilled`, and `rkt validate` names the line, RKT228).

Only the placeholders the data actually holds are replaced (found by the one placeholder rule,
`check/rules/placeholders`), and only in the text between tags: a page's own words about
"(isi ...)" stay as written, and no attribute is touched.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.check.rules.placeholders import found_in, printed
from generator.core.model import Agency, Renstra
from generator.documents.unfilled import UNFILLED

_TAG = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True)
class Marks:
    """The placeholders of an agency's data (escaped as a page shows them) and each one's title."""

    titles: dict[str, str]  # casefolded escaped placeholder -> the badge's title
    pattern: re.Pattern[str] | None  # None: nothing left to fill

    def mark(self, page: str) -> tuple[str, int]:
        """`page` with each placeholder in its text shown as a badge, and how many there were."""
        if self.pattern is None or "(" not in page:
            return page, 0
        count = 0
        pattern = self.pattern

        def badge(m: re.Match[str]) -> str:
            nonlocal count
            count += 1
            title = self.titles[m.group(0).casefold()]
            return f'<span class="rkt-badge rkt-terlambat rkt-belum-diisi" title="{title}">{UNFILLED}</span>'

        parts = _TAG.split(page)
        out = [part if part.startswith("<") else pattern.sub(badge, part) for part in parts]
        return "".join(out), count


def marks(agency: Agency, renstra: Renstra | None) -> Marks:
    """What to mark on the pages of this agency's dashboard."""
    labels: dict[str, list[str]] = {}
    files: dict[str, str] = {}
    for u in printed(agency, renstra):
        labels.setdefault(u.value, [])
        if u.label not in labels[u.value]:
            labels[u.value].append(u.label)
        files.setdefault(u.value, u.at.file)
    for value, at in (*found_in(agency), *found_in(renstra)):
        files.setdefault(value, at.file if at else "cycles/agency.yaml")
    titles = {html.escape(value, quote=True).casefold(): html.escape(_title(files[value], labels.get(value, [])),
                                                                        quote=True)
              for value in files}
    if not titles:
        return Marks({}, None)
    alternatives = sorted((re.escape(t) for t in titles), key=len, reverse=True)
    return Marks(titles, re.compile("|".join(alternatives), re.IGNORECASE))


def _title(file: str, labels: list[str]) -> str:
    what = labels[0] if len(labels) == 1 else \
        f"{labels[0]} dan {len(labels) - 1} isian lain" if labels else "isian ini"
    return (f"Belum diisi: {what} di berkas {file} masih isian contoh dari saat dasbor dibuat. Ganti dengan "
            f"data sebenarnya; pemeriksaan data menyebut barisnya.")
