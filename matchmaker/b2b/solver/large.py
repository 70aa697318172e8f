"""Slot assignment at scale: LP selection, greedy placement, CP-SAT repair, then compaction."""

import time
from collections.abc import Callable

import numpy as np

from matchmaker.b2b.solver.bound import weight_relaxation
from matchmaker.b2b.solver.exact import SlotResult
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.lns import Repair, repair
from matchmaker.b2b.solver.state import State

# Shares of the time limit: the repair's deterministic CP-SAT budget, and the wall-clock guards
# after which no new neighbourhood, or no new compaction round, starts.
REPAIR_SHARE = 0.3
REPAIR_GUARD_SHARE = 0.6
GUARD_SHARE = 0.8
COMPACTION_ROUNDS = 3


def solve_large(
    index: Index,
    *,
    time_limit: float,
    kept: dict[int, int],
    progress: Callable[[str], None],
    seed: int = 0,
) -> SlotResult:
    """Place the LP-selected meetings hardest first, repair the rest, then shorten idle runs."""
    started = time.monotonic()
    deadline = started + GUARD_SHARE * time_limit
    progress("bound phase: LP relaxation")
    relaxation = weight_relaxation(index)
    progress("greedy phase: placing the LP-selected meetings, hardest first")
    state = State(index)
    place_fixed(state, kept)
    values = relaxation.values
    if kept:
        # Select around the published meetings that stay, not against them.
        values = weight_relaxation(index, frozenset(state.slot_of)).values
    order = greedy_order(index, values)
    place_greedily(state, [m for m in order if values[m] > 0.5])
    progress("repair phase: CP-SAT on the neighbourhoods of left-out meetings")
    guard = started + REPAIR_GUARD_SHARE * time_limit
    plan = Repair(values, kept, seed, REPAIR_SHARE * time_limit, guard)
    # Before the meetings the LP left out take the room the repair needs.
    repair(state, plan)
    progress("greedy phase: placing the other meetings")
    place_greedily(state, [m for m in order if values[m] <= 0.5])
    progress("compaction phase: moving meetings to shorten idle runs")
    for _ in range(COMPACTION_ROUNDS):
        if time.monotonic() >= deadline or not compact(state, kept):
            break
    return _result(state, relaxation.bound, kept)


def place_fixed(state: State, kept: dict[int, int]) -> None:
    """Pinned meetings, then published slots that still fit."""
    index = state.index
    for m in range(index.meeting_count):
        t = index.candidates[m][0] if index.is_pinned(m) and index.candidates[m] else None
        if t is not None and state.fits(m, t):
            state.place(m, t)
    for m, t in sorted(kept.items()):
        if m not in state.slot_of and state.fits(m, t):
            state.place(m, t)


def greedy_order(index: Index, values: np.ndarray) -> list[int]:
    """LP-selected meetings first, those with the fewest slots and the busiest people first.

    They are the ones that run out of common free slots when placed late.
    """
    degree = [len(meetings) for meetings in index.meetings_of]
    return sorted(
        range(index.meeting_count),
        key=lambda m: (
            -round(float(values[m]), 6),
            len(index.candidates[m]),
            -max(degree[p] for p in index.members[m]),
            -index.weights[m],
            m,
        ),
    )


def place_greedily(state: State, meetings: list[int]) -> None:
    """Each meeting in turn in the fitting slot that idles its participants least."""
    for m in meetings:
        if m not in state.slot_of:
            best = state.best_slot(m)
            if best is not None:
                state.place(m, best)


def compact(state: State, kept: dict[int, int]) -> bool:
    """One round of single-meeting moves that lower idle time; whether any move was made."""
    index = state.index
    moved = False
    for p in range(len(index.person_ids)):
        if state.idle(p) == 0:
            continue
        for m in sorted(state.busy[p].values()):
            if m in kept or index.is_pinned(m):
                continue
            old = state.remove(m)
            options = [(state.cost(m, t), t) for t in index.candidates[m] if state.fits(m, t)]
            best = min(options, default=(0, old))
            target = best[1] if best[0] < state.cost(m, old) else old
            state.place(m, target)
            moved |= target != old
    return moved


def _result(state: State, bound: float, kept: dict[int, int]) -> SlotResult:
    """The schedule found, or none when it breaks a hard rule the greedy does not enforce."""
    index = state.index
    objective = index.problem.objective
    slot_of = dict(state.slot_of)
    idle = [state.idle(p) for p in range(len(index.person_ids))]
    # The large path does not search for fairness or schedule-everything: an answer that
    # misses them is no schedule, and the caller reports the time limit as the reason.
    if objective.schedule_all and len(slot_of) < index.meeting_count:
        return SlotResult({}, bound, False)
    if objective.fairness is not None and max(idle, default=0) - min(idle, default=0) > (
        objective.fairness
    ):
        return SlotResult({}, bound, False)
    weight = sum(index.weights[m] for m in slot_of)
    is_optimal = weight >= bound - 1e-6 and sum(idle) == 0 and _keeps_all(slot_of, kept)
    return SlotResult(slot_of, bound, is_optimal)


def _keeps_all(slot_of: dict[int, int], kept: dict[int, int]) -> bool:
    return all(slot_of.get(m) == t for m, t in kept.items())
