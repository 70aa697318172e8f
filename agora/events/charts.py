"""Small charts as inline SVG text, drawn by matplotlib without a display.

Pure: figures in, SVG text out. `Figure` with its own Agg canvas never touches pyplot's global
state, so charts drawn by concurrent requests do not share anything.
"""

import io
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.typing import RcKeyType

PRIMARY = "#0b6e79"
MUTED = "#adb5bd"
STYLE: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, uses the page's font
    "svg.hashsalt": "agora",  # the same SVG ids for the same chart on every run
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
WIDE = (10.0, 2.8)  # inches: a chart across the page
HALF = (5.2, 2.6)  # a chart in half the page


def render(figure: Figure) -> str:
    """The figure as an `<svg>` element, without the XML prologue, sized by its container."""
    FigureCanvasAgg(figure)
    buffer = io.StringIO()
    with mpl.rc_context(STYLE):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    return svg.replace("<svg ", '<svg class="agora-chart" role="img" ', 1)


def cumulative_line_svg(
    days: Sequence[tuple[date, int]], *, label: str, day_label: Callable[[date], str]
) -> str:
    """A step line of running totals: `days` (not empty) gives the count added on each day.
    `day_label` writes a tick's day in the reader's language (matplotlib's own names are
    English)."""
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=WIDE)
        axes = figure.add_subplot()
        days_list, ys = running_totals(days)
        xs = date2num(days_list)
        axes.step(xs, ys, where="post", color=PRIMARY, linewidth=2)
        axes.fill_between(xs, ys, step="post", color=PRIMARY, alpha=0.12)
        locator = AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: day_label(num2date(x).date())))
        axes.set_xlim(float(xs[0]), float(xs[-1]))
        axes.set_ylabel(label)
        axes.set_ylim(0, max(ys[-1], 1) * 1.05)
        axes.grid(axis="y", color="#dee2e6", linewidth=0.6)
        return render(figure)


def running_totals(days: Sequence[tuple[date, int]]) -> tuple[list[date], list[int]]:
    """The line's points: from zero the day before the first, to the total the day after."""
    xs = [days[0][0] - timedelta(days=1)]
    ys = [0]
    for day, count in days:
        xs.append(day)
        ys.append(ys[-1] + count)
    xs.append(days[-1][0] + timedelta(days=1))
    ys.append(ys[-1])
    return xs, ys


def use_bars_svg(labels: Sequence[str], used: Sequence[int], capacity: int, *, label: str) -> str:
    """Bars of use against a common capacity (meetings per slot out of the tables, say)."""
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=HALF)
        axes = figure.add_subplot()
        positions = range(len(labels))
        axes.bar(positions, [capacity] * len(labels), color=MUTED, alpha=0.35, width=0.8)
        axes.bar(positions, used, color=PRIMARY, width=0.8)
        axes.set_xticks(list(positions), labels, rotation=90 if len(labels) > 8 else 0)
        axes.set_ylabel(label)
        axes.set_ylim(0, max([capacity, *used, 1]))
        return render(figure)
