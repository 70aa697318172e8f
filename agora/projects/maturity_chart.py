"""The maturity radar chart as inline SVG: current profile, previous one and targets.

Pure drawing, no Django: `Figure` with its own Agg canvas never touches pyplot's global state,
so charts drawn by concurrent requests share nothing.
"""

import io
import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, cast

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes
from matplotlib.typing import RcKeyType

from agora.projects.maturity_scale import LEVELS

CURRENT = "#0b6e79"
PREVIOUS = "#868e96"
TARGET = "#d9480f"
STYLE: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: selectable, and the page's font draws accents
    "svg.hashsalt": "agora-maturity",  # the same SVG ids for the same chart on every run
    "font.size": 9,
}


def radar_svg(
    axes_labels: Sequence[tuple[str, str]],
    current: Mapping[str, int],
    *,
    previous: Mapping[str, int] | None = None,
    targets: Mapping[str, int] | None = None,
    legend: Mapping[str, str],
) -> str:
    """A radar of levels 0-9 per dimension; `axes_labels` gives (code, name) in drawing order.

    `legend` names the series: "current", "previous" and "target".
    """
    codes = [code for code, _name in axes_labels]
    angles = [2 * math.pi * index / len(codes) for index in range(len(codes))]
    with mpl.rc_context(STYLE):
        figure = Figure(figsize=(5.6, 5.0))
        axes = cast(PolarAxes, figure.add_subplot(projection="polar"))
        axes.set_theta_zero_location("N")  # the first dimension at the top, then clockwise
        axes.set_theta_direction(-1)
        closed = [*angles, angles[0]]
        if previous is not None:
            values = [previous.get(code, 0) for code in codes]
            axes.plot(
                closed,
                [*values, values[0]],
                color=PREVIOUS,
                linestyle="--",
                linewidth=1.2,
                label=legend["previous"],
            )
        values = [current.get(code, 0) for code in codes]
        axes.plot(closed, [*values, values[0]], color=CURRENT, linewidth=2, label=legend["current"])
        axes.fill(closed, [*values, values[0]], color=CURRENT, alpha=0.15)
        aimed = [
            (angle, targets[code])
            for angle, code in zip(angles, codes, strict=True)
            if targets and code in targets
        ]
        if aimed:
            axes.scatter(
                [angle for angle, _level in aimed],
                [level for _angle, level in aimed],
                color=TARGET,
                marker="*",
                s=80,
                zorder=3,
                label=legend["target"],
            )
        axes.set_xticks(angles, [textwrap.fill(name, 16) for _code, name in axes_labels])
        axes.set_ylim(0, LEVELS)
        axes.set_yticks(range(1, LEVELS + 1), [str(level) for level in range(1, LEVELS + 1)])
        axes.tick_params(axis="x", pad=10)
        axes.tick_params(axis="y", labelsize=7, labelcolor=PREVIOUS)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, frameon=False)
        return render(figure)


def render(figure: Figure) -> str:
    """The figure as an `<svg>` element, without the XML prologue, sized by its container."""
    FigureCanvasAgg(figure)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    return svg.replace("<svg ", '<svg class="agora-chart" role="img" ', 1)
