"""Shared output of the benchmarks: markdown tables on stdout, JSON files under bench-out/."""

import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUTPUT = Path("bench-out")  # git-ignored, relative to where `make bench` runs: the repository


def markdown_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A markdown table with the cells as given, right-aligned when numeric."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    numeric = [all(_is_number(row[i]) for row in rows) and rows for i in range(len(headers))]
    lines = [
        "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |",
        "|" + "|".join(("-" * (w + 1) + ":") if n else "-" * (w + 2)
                       for w, n in zip(widths, numeric, strict=True)) + "|",
    ]  # fmt: skip
    for row in cells:
        padded = [
            value.rjust(w) if n else value.ljust(w)
            for value, w, n in zip(row, widths, numeric, strict=True)
        ]
        lines.append("| " + " | ".join(padded) + " |")
    return "\n".join(lines) + "\n"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if value.is_integer():
            return f"{value:.0f}"
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def say(text: str) -> None:
    """Write a line of the report on stdout at once, so a long run shows its progress."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def machine() -> dict[str, Any]:
    """Where, when and on which commit a run starts; taken first, as others may commit meanwhile."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": _cpu_count(),
        "command": " ".join(["python -m matchmaker.bench", *sys.argv[1:]]),
        "commit": _commit(),
    }


def _commit() -> str | None:
    """The repository's current commit, so that figures can be tied to the code measured."""
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or None


def _cpu_count() -> int | None:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def write_results(
    name: str,
    results: dict[str, Any],
    folder: Path = OUTPUT,
    *,
    started: dict[str, Any] | None = None,
) -> Path:
    """Write results as bench-out/NAME.json, with `machine()` as taken when the run started."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"machine": started or machine(), **results}, indent=1) + "\n")
    return path
