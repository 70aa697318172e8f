"""A proven upper bound on the weight at scale: a b-matching LP relaxation solved by HiGHS.

One variable x[m] in [0, 1] per meeting that has a candidate slot, maximising the weight, with
Hall-type capacity rows: for a set of slots S, the meetings whose candidate slots all lie in S
fit in at most |S| places of a person, of a home table, or of the free tables. S ranges over
the candidate sets that occur (availability makes them unions of sessions), so a popular person
available all week but asked by many one-day visitors is capped per day, not only per week.
"""

from dataclasses import dataclass

import highspy
import numpy as np

from matchmaker.b2b.solver.index import Index
from matchmaker.highs import new_highs


@dataclass(frozen=True)
class Relaxation:
    """The LP bound and the fractional selection it reached (per meeting, 0 when no slot)."""

    bound: float
    values: np.ndarray


class _Rows:
    """Sparse rows sum(x[columns]) <= upper, gathered before one call to HiGHS."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.columns: list[int] = []
        self.uppers: list[float] = []

    def add(self, columns: list[int], upper: float) -> None:
        if columns:
            self.starts.append(len(self.columns))
            self.columns += columns
            self.uppers.append(upper)


def weight_relaxation(index: Index, forced: frozenset[int] = frozenset()) -> Relaxation:
    """Solve the LP relaxation; its optimum bounds the weight of every schedule.

    With `forced` meetings held at 1 (already placed, e.g. published ones that stay) it is no
    longer a bound, but its values select the meetings that go best with those.
    """
    values = np.zeros(index.meeting_count)
    live = [m for m in range(index.meeting_count) if index.candidates[m]]
    if not live:
        return Relaxation(0.0, values)
    column_of = {m: c for c, m in enumerate(live)}
    classes, class_of = _classes(index, live)
    groups = _Groups(_Rows(), classes, class_of, _covers(classes), column_of)
    for p, own in enumerate(index.meetings_of):
        groups.add([m for m in own if m in column_of], index.caps[p])
    by_home: dict[int, list[int]] = {}
    for m in live:
        if len(index.homes[m]) == 1:
            by_home.setdefault(index.homes[m][0], []).append(m)
    for hosted in by_home.values():
        groups.add(hosted, None)
    groups.add([m for m in live if not index.homes[m]], None, len(index.free_tables))
    rows = groups.rows
    lower = np.array([1.0 if m in forced else 0.0 for m in live])
    return _solve(index, live, rows, values, lower)


def _classes(index: Index, live: list[int]) -> tuple[list[frozenset[int]], dict[int, int]]:
    """The distinct candidate sets, and the class of every live meeting."""
    position: dict[tuple[int, ...], int] = {}
    class_of = {}
    for m in live:
        class_of[m] = position.setdefault(index.candidates[m], len(position))
    return [frozenset(key) for key in position], class_of


def _covers(classes: list[frozenset[int]]) -> list[list[int]]:
    """For every class, the classes that contain it (itself included)."""
    return [[d for d, big in enumerate(classes) if small <= big] for small in classes]


@dataclass(frozen=True)
class _Groups:
    """Capacity rows of resources, one group of meetings per resource."""

    rows: _Rows
    classes: list[frozenset[int]]
    class_of: dict[int, int]
    covers: list[list[int]]
    column_of: dict[int, int]

    def add(self, meetings: list[int], cap: int | None, per_slot: int = 1) -> None:
        """Rows for one resource (a person, a home table, the free tables) of per_slot places."""
        members: dict[int, list[int]] = {}
        slots: set[int] = set()
        for m in meetings:
            slots |= self.classes[self.class_of[m]]
            for big in self.covers[self.class_of[m]]:
                members.setdefault(big, []).append(self.column_of[m])
        limit = per_slot * len(slots) if cap is None else min(cap, per_slot * len(slots))
        # A class row is only worth a row when it is tighter than the whole-group row.
        for big, columns in members.items():
            size = per_slot * len(self.classes[big])
            upper = size if cap is None else min(cap, size)
            if upper < min(limit, len(columns)):
                self.rows.add(columns, upper)
        if limit < len(meetings):
            self.rows.add([self.column_of[m] for m in meetings], limit)


def _solve(
    index: Index, live: list[int], rows: _Rows, values: np.ndarray, lower: np.ndarray
) -> Relaxation:
    h = new_highs()
    count = len(live)
    weights = np.array([index.weights[m] for m in live])
    h.addVars(count, lower, np.ones(count))
    h.changeColsCost(count, np.arange(count, dtype=np.int32), -weights)
    if rows.uppers:
        size = len(rows.uppers)
        h.addRows(
            size,
            np.full(size, -highspy.kHighsInf),
            np.array(rows.uppers, dtype=float),
            len(rows.columns),
            np.array(rows.starts, dtype=np.int32),
            np.array(rows.columns, dtype=np.int32),
            np.ones(len(rows.columns)),
        )
    h.run()
    # Rounding slack: the simplex optimum is exact up to its tolerances.
    bound = -h.getInfo().objective_function_value + 1e-6
    values[live] = np.clip(np.array(h.getSolution().col_value), 0.0, 1.0)
    return Relaxation(min(bound, float(weights.sum())), values)


def weight_bound(index: Index) -> float:
    """The LP bound alone."""
    return weight_relaxation(index).bound
