"""The charts' shared look, without matplotlib: colours, month names, text sizes, line breaking.

The timeline writes its SVG itself (`timeline`); the matplotlib charts take the same look
through `charts`. Nothing here imports matplotlib, so a build that draws no matplotlib chart
never loads it.
"""

from __future__ import annotations

COLORS = {
    "baseline": "#cfd8dc",
    "selesai": "#2e7d32",
    "berjalan": "#1565c0",
    "terlambat": "#c62828",
    "dilewati": "#9e9e9e",
    "belum": "#eceff1",
    "today": "#ff6f00",
    "lane": "#f5f7f8",
    "ink": "#263238",
    "forecast": "#6a1b9a",
}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

# the smallest text of any chart, in points: at the size each variant is shown (a desktop chart at
# its natural width, a phone variant at a 360 px screen's 328 px column) that is at least 11 CSS px
MIN_FONT = 9
PHONE_WIDTH = 3.6  # inches: 259 pt, so 9 pt text on 328 px stays above 11 px


def wrap(text: str, width: int = 16) -> str:
    """`text` in lines of at most `width` characters, broken between words."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines)
