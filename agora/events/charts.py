"""Small charts as inline SVG text, drawn by matplotlib without a display.

Pure: figures in, SVG text out. `Figure` with its own Agg canvas never touches pyplot's global
state, so charts drawn by concurrent requests do not share anything.
"""

import io
from collections.abc import Sequence
from datetime import date

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

PRIMARY = "#0b6e79"
MUTED = "#adb5bd"
STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, uses the page's font
    "svg.hashsalt": "agora",  # the same SVG ids for the same chart on every run
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
WIDTH = 6.4
HEIGHT = 2.6


def render(figure: Figure) -> str:
    """The figure as an `<svg>` element, without the XML prologue, sized by its container."""
    FigureCanvasAgg(figure)
    buffer = io.StringIO()
    with mpl.rc_context(STYLE):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    return svg.replace("<svg ", '<svg class="agora-chart" role="img" ', 1)


def cumulative_line_svg(days: Sequence[tuple[date, int]], *, label: str) -> str:
    """A step line of running totals: `days` gives the count added on each day."""
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=(WIDTH, HEIGHT))
        axes = figure.add_subplot()
        total = 0
        xs, ys = [], []
        for day, count in days:
            total += count
            xs.append(day)
            ys.append(total)
        if xs:
            axes.step(xs, ys, where="post", color=PRIMARY, linewidth=2)
            axes.fill_between(xs, ys, step="post", color=PRIMARY, alpha=0.12)
        axes.set_ylabel(label)
        axes.set_ylim(bottom=0)
        axes.grid(axis="y", color="#dee2e6", linewidth=0.6)
        figure.autofmt_xdate()
        return render(figure)


def use_bars_svg(labels: Sequence[str], used: Sequence[int], capacity: int, *, label: str) -> str:
    """Bars of use against a common capacity (meetings per slot out of the tables, say)."""
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=(WIDTH, HEIGHT))
        axes = figure.add_subplot()
        positions = range(len(labels))
        axes.bar(positions, [capacity] * len(labels), color=MUTED, alpha=0.35, width=0.8)
        axes.bar(positions, used, color=PRIMARY, width=0.8)
        axes.set_xticks(list(positions), labels, rotation=90 if len(labels) > 16 else 0)
        axes.set_ylabel(label)
        axes.set_ylim(0, max([capacity, *used, 1]))
        return render(figure)
