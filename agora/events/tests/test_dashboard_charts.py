"""The dashboard's charts: SVG text, with no display and no pyplot state."""

import re
from datetime import date

from agora.events import charts


def test_cumulative_line_starts_at_zero_and_ends_at_the_total():
    xs, ys = charts.running_totals([(date(2030, 10, 1), 2), (date(2030, 10, 3), 1)])

    assert xs == [date(2030, 9, 30), date(2030, 10, 1), date(2030, 10, 3), date(2030, 10, 4)]
    assert ys == [0, 2, 3, 3]


def test_line_chart_is_an_inline_svg_element():
    svg = charts.cumulative_line_svg(
        [(date(2030, 10, 1), 5), (date(2030, 10, 20), 3)],
        label="Registrations",
        day_label=lambda day: f"day{day:%m%d}",
    )

    assert svg.startswith('<svg class="agora-chart" role="img" ')
    assert svg.rstrip().endswith("</svg>")
    assert "Registrations" in svg
    # The ticks are the caller's words for each day.
    assert re.findall(r"day\d{4}", svg) == [
        "day1001",
        "day1005",
        "day1009",
        "day1013",
        "day1017",
        "day1021",
    ]


def test_bar_chart_is_the_same_for_the_same_figures():
    first = charts.use_bars_svg(["10:00", "10:30"], [3, 1], 4, label="Meetings")
    second = charts.use_bars_svg(["10:00", "10:30"], [3, 1], 4, label="Meetings")

    assert first == second
    assert "10:30" in first
