"""The fewest table changes a seating of fixed slots can have: a minimum multicut (HiGHS).

Meetings are nodes; each pair of consecutive meetings of a person is an edge (two people
with the same two consecutive meetings make it count twice). A seating splits the meetings
into one class per table; its table changes are the edges between two classes. Two meetings
in one slot, or with no table in common (a booth owner's meeting and one at a free table, two
different booths), are never in one class. So the fewest edges whose removal disconnects every
such pair, a minimum multicut, bound the table changes of every seating of these slots; a
seating that gives each class left by the cut its own table meets the bound.

The integer program has one 0/1 variable per edge and, for each pair to separate, a row "one
edge of this path is cut". There are too many paths to list, so rows are added lazily: the
shortest path of every pair that the current cut leaves connected, then HiGHS again, until no
pair is left connected. Each optimum on a subset of rows is a lower bound as well.
"""

import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

import highspy
import numpy as np

from matchmaker.b2b.solver.index import Index

# Work limits rather than timers, so that the answer does not depend on machine load: each
# HiGHS call stops at its root node (the cluster day is solved there; where it is not, a search
# took seconds per round on the published instances), and no new round starts after a round of
# more than ROUND_ITERATIONS simplex iterations or once ITERATION_BUDGET are spent. A cluster
# day takes 100 to 330 per round and 750 at most in all; a published instance of 22 slots
# 900 in its first round and 2,000 (1.2 s) in its second.
NODE_LIMIT = 1
GUARD = 3.0
ROUND_ITERATIONS = 600
ITERATION_BUDGET = 2_000
# Lazy rounds at most: each adds the rows of the pairs the last cut left connected.
ROUNDS = 20
# Above this many rows in the first round HiGHS spends seconds at the root (7,000 rows: 8 s
# on a 700-meeting event), so no cut is tried; the cluster day needs 2,000 to 3,500.
ROW_LIMIT = 6_000


@dataclass(frozen=True)
class Cut:
    """Classes of meetings to seat together, and the proved lower bound on table changes."""

    classes: list[list[int]]
    bound: int | None  # None: too large to try, or HiGHS proved nothing in time
    is_complete: bool  # the classes separate every pair: a seating of them meets the bound


def agenda_pairs(index: Index, slot_of: dict[int, int]) -> list[tuple[int, int]]:
    """Consecutive meetings of each participant: (earlier, later), once per participant."""
    agenda: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m, t in slot_of.items():
        for p in index.members[m]:
            agenda[p].append((t, m))
    pairs = []
    for p in sorted(agenda):
        items = sorted(agenda[p])
        pairs += [(a, b) for (_, a), (_, b) in pairwise(items)]
    return pairs


def minimum_cut(index: Index, slot_of: dict[int, int], seconds: float) -> Cut:
    """The classes of a minimum multicut and its value, or the best bound within the limits.

    `seconds` is the table phase's time; GUARD times it is a wall-clock guard for a machine
    too loaded for the work limits (at 1x it fired on the published ticf-13crafb at a load of
    4 on 2 cores: a bound of 107 instead of 114 for the same slots).
    """
    deadline = time.monotonic() + GUARD * seconds
    graph = _Graph(index, slot_of)
    rows = graph.separation_rows(set())
    if len(rows) > ROW_LIMIT:
        return Cut([], None, is_complete=False)
    program = _Program(graph.weights)
    cut: set[int] = set()
    bound = None
    for _ in range(ROUNDS):
        if not rows:
            return Cut(graph.classes(cut), bound or 0, is_complete=True)
        if program.iterations > ITERATION_BUDGET or program.last_iterations > ROUND_ITERATIONS:
            break
        found, proved = program.solve(rows, deadline - time.monotonic())
        # More rows never lower the optimum: a round that proves nothing keeps the last bound.
        bound = proved if proved is not None else bound
        if found is None:
            break
        cut = found
        rows = graph.separation_rows(cut)
    return Cut([], bound, is_complete=False)


class _Graph:
    """Edges between consecutive meetings, with the pairs that must end in different classes."""

    def __init__(self, index: Index, slot_of: dict[int, int]) -> None:
        self.index = index
        self.slot_of = slot_of
        count = Counter((min(a, b), max(a, b)) for a, b in agenda_pairs(index, slot_of))
        self.edges = sorted(count)
        self.weights = [count[e] for e in self.edges]
        self.adjacent: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for e, (a, b) in enumerate(self.edges):
            self.adjacent[a].append((b, e))
            self.adjacent[b].append((a, e))

    def classes(self, cut: set[int]) -> list[list[int]]:
        """Connected meetings once the cut edges are removed, each class sorted."""
        seen: set[int] = set()
        classes = []
        for start in sorted(self.slot_of):
            if start not in seen:
                tree = self._tree(start, cut)
                seen.update(tree)
                classes.append(sorted(tree))
        return classes

    def separation_rows(self, cut: set[int]) -> list[list[int]]:
        """For every pair left connected that must be apart: the edges of a shortest path."""
        rows = []
        for members in self.classes(cut):
            for i, a in enumerate(members):
                apart = [b for b in members[i + 1 :] if self._must_part(a, b)]
                if apart:
                    tree = self._tree(a, cut)
                    rows += [self._path(tree, b) for b in apart]
        return rows

    def _must_part(self, a: int, b: int) -> bool:
        if self.slot_of[a] == self.slot_of[b]:
            return True
        homes_a, homes_b = self.index.homes[a], self.index.homes[b]
        if not homes_a or not homes_b:
            return bool(homes_a) != bool(homes_b)
        return not set(homes_a) & set(homes_b)

    def _tree(self, start: int, cut: set[int]) -> dict[int, tuple[int, int] | None]:
        """Breadth-first tree from `start` over uncut edges: node -> (parent, edge)."""
        tree: dict[int, tuple[int, int] | None] = {start: None}
        queue = [start]
        adjacent = self.adjacent
        # A list that grows while it is read is the queue: this runs for every meeting.
        for node in queue:
            for other, e in adjacent[node]:
                if other not in tree and e not in cut:
                    tree[other] = (node, e)
                    queue.append(other)
        return tree

    @staticmethod
    def _path(tree: dict[int, tuple[int, int] | None], node: int) -> list[int]:
        edges = []
        step = tree[node]
        while step is not None:
            node, e = step
            edges.append(e)
            step = tree[node]
        return edges


class _Program:
    """The covering program min sum(w[e] cut[e]), each row: sum of its cut[e] >= 1."""

    def __init__(self, weights: list[int]) -> None:
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("mip_max_nodes", NODE_LIMIT)
        count = len(weights)
        self.count = count
        columns = np.arange(count, dtype=np.int32)
        self.highs.addVars(count, np.zeros(count), np.ones(count))
        self.highs.changeColsCost(count, columns, np.array(weights, dtype=float))
        self.highs.changeColsIntegrality(
            count, columns, np.full(count, highspy.HighsVarType.kInteger)
        )
        self.iterations = 0
        self.last_iterations = 0

    def solve(self, rows: list[list[int]], seconds: float) -> tuple[set[int] | None, int | None]:
        """Add the rows and solve: the cut edges of an optimum (None when not proved) and a
        lower bound on the optimum (None when HiGHS proved none)."""
        # Only a machine far too loaded for the node limit meets this cap.
        self.highs.setOptionValue("time_limit", max(seconds, 0.05))
        starts = np.cumsum([0] + [len(row) for row in rows[:-1]], dtype=np.int32)
        entries = np.array([e for row in rows for e in row], dtype=np.int32)
        self.highs.addRows(
            len(rows),
            np.ones(len(rows)),
            np.full(len(rows), highspy.kHighsInf),
            len(entries),
            starts,
            entries,
            np.ones(len(entries)),
        )
        self.highs.run()
        info = self.highs.getInfo()
        self.last_iterations = info.simplex_iteration_count
        self.iterations += self.last_iterations
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            values = self.highs.getSolution().col_value
            return {e for e in range(self.count) if values[e] > 0.5}, round(
                info.objective_function_value
            )
        if status in (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kInfeasible):
            return None, None
        # Stopped at the root: its dual bound holds, rounded up as the costs are integers.
        return None, math.ceil(info.mip_dual_bound - 1e-6)
