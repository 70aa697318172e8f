"""The report's charts count people, projects and meetings: whole numbers on the axis."""

import re

from agora.reports import charts


def tick_labels(svg: str) -> list[str]:
    return re.findall(r">\s*([0-9.]+)\s*</text>", svg)


def test_an_empty_chart_has_whole_number_ticks_only():
    years = [2019, 2020, 2021]
    drawn = charts.bars_svg(years, [0, 0, 0], label="Projects")
    paired = charts.paired_bars_svg(years, [0, 0, 0], [0, 0, 0], labels=("In", "Out"))
    for svg in (drawn, paired):
        labels = tick_labels(svg)
        assert "1" in labels
        assert not [label for label in labels if "." in label]


def test_small_counts_are_not_split_into_fractions():
    labels = tick_labels(charts.bars_svg([2019, 2020], [1, 3], label="Projects"))
    assert not [label for label in labels if "." in label]
    assert {"0", "1", "2", "3"} <= set(labels)
