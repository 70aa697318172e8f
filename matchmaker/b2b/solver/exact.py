"""Slot assignment by CP-SAT, lexicographically: weight, then kept meetings, then idle time."""

import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from matchmaker.b2b.solver.idlesat import minimise_idle
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.maxsat import compact
from matchmaker.b2b.solver.slots import SlotModel, build_slot_model

FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@dataclass(frozen=True)
class SlotResult:
    """Slots chosen for the meetings, and what was proved about them."""

    slot_of: dict[int, int]
    weight_bound: float | None  # proven upper bound on the weight
    is_optimal: bool  # weight, moves and idle all proved optimal
    is_infeasible: bool = False


def weight_scale(weights: tuple[float, ...]) -> int:
    """The smallest power of ten that makes every weight an integer (to 1e-6)."""
    for scale in (1, 10, 100, 1000, 10000, 100000, 1000000):
        if all(abs(w * scale - round(w * scale)) < 1e-6 for w in weights):
            return scale
    return 1000000


def new_solver(seconds: float, seed: int) -> cp_model.CpSolver:
    """A CP-SAT solver that gives the same answer for the same seed and budget."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    # One worker stopped by deterministic time: the run is reproducible on any machine load;
    # the wall-clock cap only guards against a hang on a very slow machine.
    params.num_workers = 1
    params.random_seed = seed
    params.max_deterministic_time = max(seconds, 0.05)
    params.max_time_in_seconds = max(1.2 * seconds, 0.1)
    return solver


def solve_slots(
    index: Index,
    *,
    time_limit: float,
    seed: int,
    kept: dict[int, int],
    progress: Callable[[str], None],
) -> SlotResult:
    """Run the weight phase, then the idle phase with the weight held at its best value."""
    deadline = time.monotonic() + time_limit
    scale = weight_scale(index.weights)
    total = round(sum(index.weights) * scale)
    objective = index.problem.objective
    needs_idle = objective.fairness is not None
    if objective.schedule_all:
        best, bound, weight_proved, hint = total, total, True, kept
    else:
        progress("weight phase: maximising the scheduled weight")
        sm = build_slot_model(index, with_idle=needs_idle)
        sm.model.maximize(sm.weight(scale))
        _add_hint(sm, kept)
        solver = new_solver(0.5 * time_limit, seed)
        status = solver.solve(sm.model)
        if status not in FOUND:
            return SlotResult({}, None, False, is_infeasible=status == cp_model.INFEASIBLE)
        best = round(solver.objective_value)
        bound = min(total, int(solver.best_objective_bound + 1e-6))
        weight_proved = status == cp_model.OPTIMAL
        hint = _slots_found(sm, solver)
    placed = set(range(index.meeting_count)) if objective.schedule_all else set(hint)
    every = len(placed) == index.meeting_count
    remaining = max(deadline - time.monotonic(), 0.05)
    # SAT (MaxSAT with published slots) proves idle optima fast for a fixed set of meetings.
    # With every meeting placed that set is forced, and CP-SAT after it rarely helps, so SAT
    # gets most of the time; otherwise CP-SAT may still choose which stay out at equal
    # weight, starting from the SAT schedule.
    if _fairness_is_a_cap(index, placed):
        share = (0.9 if every else 0.4) * remaining
        slot_of, proved, cost = _idle_by_sat(index, placed, kept, share, progress)
        if slot_of is None and proved and every:
            return SlotResult({}, None, False, is_infeasible=True)
        if slot_of is not None and (every or (proved and cost == 0)):
            return SlotResult(slot_of, bound / scale, weight_proved and proved)
        hint = slot_of or hint
    progress("idle phase: CP-SAT with the weight held")
    return _idle_by_cp_sat(index, scale, best, bound, kept, hint, deadline, seed, weight_proved)


def _idle_by_sat(
    index: Index,
    placed: set[int],
    kept: dict[int, int],
    time_limit: float,
    progress: Callable[[str], None],
) -> tuple[dict[int, int] | None, bool, int]:
    """Slots for `placed`: SAT decisions without published slots, weighted MaxSAT with them."""
    if kept:
        progress("idle phase: MaxSAT on the placed meetings")
        return compact(index, placed, kept, time_limit)
    progress("idle phase: SAT decisions on the placed meetings")
    result = minimise_idle(index, placed, time_limit)
    return result.slot_of, result.is_proved, result.idle


def _fairness_is_a_cap(index: Index, placed: set[int]) -> bool:
    """Whether fairness reduces to "idle at most d": someone surely has no idle time."""
    if index.problem.objective.fairness is None:
        return True
    return any(sum(1 for m in meetings if m in placed) <= 1 for meetings in index.meetings_of)


def _idle_by_cp_sat(
    index: Index,
    scale: int,
    best: int,
    bound: int,
    kept: dict[int, int],
    hint: dict[int, int],
    deadline: float,
    seed: int,
    weight_proved: bool,
) -> SlotResult:
    sm = build_slot_model(index, with_idle=True)
    sm.model.add(sm.weight(scale) >= best)
    moves = _moves(sm, kept)
    room = sum(len(scope) for scope in index.scopes) * len(index.person_ids) + 1
    sm.model.minimize(cp_model.LinearExpr.weighted_sum([moves, sm.total_idle()], [room, 1]))
    _add_hint(sm, hint)
    solver = new_solver(max(deadline - time.monotonic(), 0.05), seed)
    status = solver.solve(sm.model)
    if status not in FOUND:
        if not hint or status == cp_model.INFEASIBLE:
            return SlotResult({}, None, False, is_infeasible=status == cp_model.INFEASIBLE)
        return SlotResult(dict(hint), bound / scale, False)
    return SlotResult(
        _slots_found(sm, solver), bound / scale, weight_proved and status == cp_model.OPTIMAL
    )


def _moves(sm: SlotModel, kept: dict[int, int]) -> cp_model.LinearExprT:
    """How many kept meetings leave their published slot."""
    return sum(1 - sm.x[m, t] for m, t in kept.items() if (m, t) in sm.x)


def _add_hint(sm: SlotModel, slot_of: dict[int, int]) -> None:
    # Only positive hints: hinting every other pair false steers the search to empty schedules.
    for m, t in slot_of.items():
        if (m, t) in sm.x:
            sm.model.add_hint(sm.x[m, t], True)


def _slots_found(sm: SlotModel, solver: cp_model.CpSolver) -> dict[int, int]:
    return {m: t for (m, t), var in sm.x.items() if solver.boolean_value(var)}
