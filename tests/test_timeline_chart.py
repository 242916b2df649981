"""The cycle timeline's SVG, written by rkt itself: every text inside the picture, date labels that never
run into each other, whatever the span and the length of the step names (nama_singkat: up to 40 characters)."""

from __future__ import annotations

import re

import pytest

from generator.site.timeline import FONT, TimelineRow, TimelineSpec, timeline, timeline_phone

LONG = "11. " + "Penyusunan dan Penyampaian Draf Final RKT"[:40]


def spec(days: int, today: str | None = "2026-11-20", label: str = "1. Disposisi") -> TimelineSpec:
    import datetime as dt

    start = dt.date(2026, 11, 2)
    end = (start + dt.timedelta(days=days)).isoformat()
    return TimelineSpec("Siklus RKT 2027: jadwal SOP, pelaksanaan", today, (
        TimelineRow(label, "2026-11-02", end, "2026-11-03", None, "berjalan"),
        TimelineRow("2. Perencanaan", "2026-11-05", end, None, None, "belum")))


def width_of(svg: str) -> float:
    return float(re.search(r'<svg [^>]*width="([\d.]+)"', svg).group(1))


def date_labels(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="\w+">\d+ \w+</text>', svg)]


@pytest.mark.parametrize("draw", [timeline, timeline_phone])
@pytest.mark.parametrize("days", [4, 14, 40, 120, 300])
def test_date_labels_keep_their_room(draw, days):
    labels = date_labels(draw(spec(days)))
    assert len(labels) >= 2
    assert min(b - a for a, b in zip(labels, labels[1:], strict=False)) >= 56  # "30 Nov" at 12 px is ~40 px


def test_a_long_step_name_stays_in_the_picture_and_left_of_its_bars():
    svg = timeline(spec(20, label=LONG))
    x = float(re.search(rf'<text x="([\d.]+)" y="[\d.]+" text-anchor="end">{re.escape(LONG)}</text>', svg).group(1))
    assert x - len(LONG) * FONT * 0.6 >= 0  # DejaVu Sans averages ~0.55 em a character
    # the baseline bars (the legend's key, 11 px high, aside)
    first_bar = min(float(v) for v in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="16.0" '
                                                   r'fill="#cfd8dc"', svg))
    assert first_bar > x
    phone = timeline_phone(spec(20, label=LONG))
    assert len(LONG) * FONT * 0.6 <= width_of(phone)  # above its bars, on one line


@pytest.mark.parametrize("draw", [timeline, timeline_phone])
def test_hari_ini_near_the_right_edge_reads_leftwards(draw):
    svg = draw(spec(10, today="2026-11-12"))
    x, anchor = re.search(r'<text x="([\d.]+)" y="[\d.]+" fill="#ff6f00"( text-anchor="end")?>hari ini', svg).groups()
    assert anchor or float(x) + 8 * FONT * 0.6 <= width_of(svg)
