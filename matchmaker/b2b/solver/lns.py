"""Repair at scale: CP-SAT on small neighbourhoods around the meetings the greedy left out.

A neighbourhood is one unscheduled meeting, the participants of it, every meeting those
participants already have and their other unscheduled meetings that the LP selected. Everything
else stays where it is, so the model is a few hundred Booleans: a participant's meetings may
move to slots where their partners are free, which opens a common slot for the left-out one.
When that fails, a wider neighbourhood also frees the agendas of the partners who occupy the
left-out meeting's candidate slots, up to WIDE_LIMIT meetings.
"""

import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from matchmaker.b2b.solver.cpsat import FOUND, new_solver
from matchmaker.b2b.solver.exact import weight_scale
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.state import State

# Deterministic seconds of CP-SAT per neighbourhood: they are small, most are proved in far less.
STEP_SECONDS = 0.5
# A win frees or shifts slots, so a meeting that failed before may fit in the next round.
ROUNDS = 3
# Meetings freed at most in a wider neighbourhood (a few thousand Booleans).
WIDE_LIMIT = 150


@dataclass(frozen=True)
class Repair:
    """What the repair may touch and how long it may run."""

    values: np.ndarray  # LP value per meeting
    kept: dict[int, int]  # published slots: moving one costs more than moving others
    seed: int
    budget: float  # deterministic seconds of CP-SAT in all
    deadline: float  # monotonic clock: a guard for very slow machines only


def repair(state: State, plan: Repair) -> int:
    """Rounds over the LP-selected left-out meetings while they win; return the wins."""
    scale = weight_scale(state.index.weights)
    room = _room(state.index)
    spent, total = 0.0, 0
    for _ in range(ROUNDS):
        wins, spent = _round(state, plan, scale, spent, room)
        total += wins
        if not wins:
            break
    return total


def _round(
    state: State, plan: Repair, scale: int, spent: float, room: list[int]
) -> tuple[int, float]:
    """Try every LP-selected left-out meeting once; return the wins and the budget spent."""
    index = state.index
    # Only the LP-selected ones: the others mostly involve people the LP already fills up.
    left_out = [
        m for m in range(index.meeting_count) if m not in state.slot_of and plan.values[m] > 0.5
    ]
    left_out.sort(key=lambda m: (-index.weights[m], m))
    wins = 0
    for u in left_out:
        if spent >= plan.budget or time.monotonic() >= plan.deadline:
            break
        if u in state.slot_of or not _is_open(state, u, room):
            continue
        won, seconds = _improve(state, u, plan, scale, set(index.members[u]))
        if not won:
            # The partners blocking u's slots may move too: a wider, still bounded, model.
            more, extra_seconds = _improve(state, u, plan, scale, _blockers(state, u))
            won, seconds = more, seconds + extra_seconds
        spent += seconds
        wins += won
    return wins, spent


def _blockers(state: State, u: int) -> set[int]:
    """u's participants and those who meet them in u's candidate slots, within WIDE_LIMIT."""
    index = state.index
    people = set(index.members[u])
    size = sum(len(state.busy[p]) for p in people)
    for p in index.members[u]:
        for t in index.candidates[u]:
            for q in index.members[state.busy[p][t]] if t in state.busy[p] else ():
                if q not in people and size + len(state.busy[q]) <= WIDE_LIMIT:
                    people.add(q)
                    size += len(state.busy[q])
    return people


def _room(index: Index) -> list[int]:
    """Per person: at most this many meetings, by cap and by usable slots."""
    room = []
    for p, meetings in enumerate(index.meetings_of):
        usable = len({t for m in meetings for t in index.candidates[m]})
        cap = index.caps[p]
        room.append(usable if cap is None else min(cap, usable))
    return room


def _is_open(state: State, u: int, room: list[int]) -> bool:
    """Whether meeting u could be added without dropping a meeting of someone who is full."""
    index = state.index
    if not index.candidates[u] or len(index.homes[u]) > 1:
        return False
    return all(len(state.busy[p]) < room[p] for p in index.members[u])


def _improve(
    state: State, u: int, plan: Repair, scale: int, people: set[int]
) -> tuple[bool, float]:
    """Re-solve the agendas of `people` around u; keep the result when it weighs more."""
    index = state.index
    held = sorted({m for p in people for m in state.busy[p].values()})
    if any(len(index.homes[m]) > 1 for m in held):
        return False, 0.0
    extra = {
        m
        for p in index.members[u]
        for m in index.meetings_of[p]
        if m not in state.slot_of and plan.values[m] > 0.5 and len(index.homes[m]) <= 1
    }
    free = sorted(extra | {u})
    before = {m: state.slot_of[m] for m in held}
    for m in held:
        state.remove(m)
    model = _Model(state, held + free, before, plan.kept, scale)
    solver = new_solver(STEP_SECONDS, plan.seed)
    status = solver.solve(model.model)
    seconds = solver.response_proto.deterministic_time
    found = model.found(solver) if status in FOUND else {}
    gain = sum(index.weights[m] for m in found) - sum(index.weights[m] for m in held)
    chosen = found if gain > 1e-9 else before
    for m, t in chosen.items():
        state.place(m, t)
    return chosen is found, seconds


class _Model:
    """The CP-SAT model of one neighbourhood: meetings over slots that stay open to them."""

    def __init__(
        self,
        state: State,
        meetings: list[int],
        before: dict[int, int],
        kept: dict[int, int],
        scale: int,
    ) -> None:
        index = state.index
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        by_person: defaultdict[tuple[int, int], list] = defaultdict(list)
        by_table: defaultdict[tuple[int, int], list] = defaultdict(list)  # (table or -1, slot)
        count_of: defaultdict[int, list] = defaultdict(list)
        for m in meetings:
            slots = _open_slots(state, m)
            options = [self._var(m, t) for t in slots]
            for t, var in zip(slots, options, strict=True):
                for p in index.members[m]:
                    by_person[p, t].append(var)
                table = index.homes[m][0] if index.homes[m] else -1
                by_table[table, t].append(var)
            for p in index.members[m]:
                count_of[p] += options
            if index.is_pinned(m) and m in before:
                self.model.add_exactly_one(options)
            else:
                self.model.add_at_most_one(options)
        for lits in by_person.values():
            self.model.add_at_most_one(lits)
        free_tables = len(index.free_tables)
        for (table, t), lits in by_table.items():
            room = free_tables - state.free_used[t] if table < 0 else 1
            self.model.add(sum(lits) <= room)
        for p, lits in count_of.items():
            cap = index.caps[p]
            if cap is not None:
                self.model.add(sum(lits) <= cap - len(state.busy[p]))
        self._objective(index, meetings, before, kept, scale)

    def _var(self, m: int, t: int) -> cp_model.IntVar:
        var = self.model.new_bool_var("")
        self.x[m, t] = var
        return var

    def _objective(
        self,
        index: Index,
        meetings: list[int],
        before: dict[int, int],
        kept: dict[int, int],
        scale: int,
    ) -> None:
        """Weight first, then as few moves as possible, a published slot counting most."""
        heavy = len(meetings) + 1
        moves = []
        for m, t in before.items():
            if (m, t) in self.x:
                self.model.add_hint(self.x[m, t], True)
                moves.append((heavy if kept.get(m) == t else 1) * (1 - self.x[m, t]))
        weight = sum(round(index.weights[m] * scale) * var for (m, _), var in self.x.items())
        self.model.maximize((heavy * heavy + 1) * weight - sum(moves))

    def found(self, solver: cp_model.CpSolver) -> dict[int, int]:
        """The slot of every meeting the solution schedules."""
        return {m: t for (m, t), var in self.x.items() if solver.boolean_value(var)}


def _open_slots(state: State, m: int) -> list[int]:
    """Candidate slots of m where its fixed partners are free and a table is left."""
    index = state.index
    homes = index.homes[m]
    free_tables = len(index.free_tables)
    return [
        t
        for t in index.candidates[m]
        if all(t not in state.busy[p] for p in index.members[m])
        and ((homes[0], t) not in state.home_used if homes else state.free_used[t] < free_tables)
    ]
