"""The annual report's and the dashboard's charts, drawn by matplotlib as inline SVG text."""

from collections.abc import Sequence

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from agora.events.charts import MUTED, PRIMARY, STYLE, render

ACCENT = "#e07a1f"
SIZE = (6.4, 2.4)  # inches: fits the A4 page of the PDF and a column of the web page


def bars_svg(years: Sequence[int], values: Sequence[float], *, label: str) -> str:
    """One bar a year, the last one highlighted, each with its value above it."""
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=SIZE)
        axes = figure.add_subplot()
        colours = [MUTED] * (len(years) - 1) + [PRIMARY]
        bars = axes.bar([str(year) for year in years], values, color=colours, width=0.7)
        axes.bar_label(bars, fmt="%g", fontsize=7, padding=2)
        axes.set_ylabel(label)
        axes.set_ylim(0, max([*values, 1]) * 1.15)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.2 of a member
        axes.tick_params(axis="x", labelsize=7, rotation=45 if len(years) > 8 else 0)
        return render(figure)


def paired_bars_svg(
    years: Sequence[int],
    first: Sequence[float],
    second: Sequence[float],
    *,
    labels: tuple[str, str],
) -> str:
    """Two bars a year side by side (new members and leavers, say), with a legend."""
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=SIZE)
        axes = figure.add_subplot()
        positions = range(len(years))
        axes.bar([p - 0.2 for p in positions], first, width=0.4, color=PRIMARY, label=labels[0])
        axes.bar([p + 0.2 for p in positions], second, width=0.4, color=ACCENT, label=labels[1])
        axes.set_xticks(list(positions), [str(year) for year in years])
        axes.tick_params(axis="x", labelsize=7, rotation=45 if len(years) > 8 else 0)
        axes.set_ylim(0, max([*first, *second, 1]) * 1.15)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(frameon=False, fontsize=7)
        return render(figure)
