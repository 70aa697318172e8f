"""Slot assignment by CP-SAT, lexicographically: weight, then kept meetings, then idle time."""

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from matchmaker.b2b.baseline import first_fit
from matchmaker.b2b.model import Status
from matchmaker.b2b.solver.idlesat import minimise_idle
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.slots import SlotModel, build_slot_model

FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@dataclass(frozen=True)
class SlotResult:
    """Slots chosen for the meetings, and what was proved about them."""

    slot_of: dict[int, int]
    weight_bound: float | None  # proven upper bound on the weight
    is_optimal: bool  # weight, moves and idle all proved optimal
    is_infeasible: bool = False


@dataclass(frozen=True)
class _Weight:
    """What the weight phase settled: the weight to hold (scaled), its bound, a schedule of it."""

    best: int
    bound: int  # proven
    is_proved: bool
    slot_of: dict[int, int] | None  # meets every hard rule; None when no schedule is known
    seconds: float = 0.0  # deterministic time spent
    is_infeasible: bool = False


def weight_scale(weights: tuple[float, ...]) -> int:
    """The smallest power of ten that makes every weight an integer (to 1e-6)."""
    for scale in (1, 10, 100, 1000, 10000, 100000, 1000000):
        if all(abs(w * scale - round(w * scale)) < 1e-6 for w in weights):
            return scale
    return 1000000


WALL_GUARD = 3.0


def new_solver(seconds: float, seed: int) -> cp_model.CpSolver:
    """A CP-SAT solver that gives the same answer for the same seed and budget."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    # One worker stopped by deterministic time: the run is reproducible on any machine load;
    # the wall-clock cap only guards against a hang. At 1.2x it fired on the shared 2-core
    # machine (bio-international at a load of 5 placed 4 meetings fewer than alone); at 3x
    # it fires only when the process gets less than a third of a core.
    params.num_workers = 1
    params.random_seed = seed
    params.max_deterministic_time = max(seconds, 0.05)
    params.max_time_in_seconds = max(WALL_GUARD * seconds, 0.1)
    return solver


def greedy_slots(index: Index) -> dict[int, int] | None:
    """First-fit's slots when they meet every hard rule of the objective, else None."""
    schedule = first_fit(index.problem)
    if schedule.status != Status.FEASIBLE:
        return None
    meeting_pos = {m.id: i for i, m in enumerate(index.problem.meetings)}
    slot_pos = {s: t for t, s in enumerate(index.slot_ids)}
    return {meeting_pos[a.meeting]: slot_pos[a.slot] for a in schedule.assignments}


def solve_slots(
    index: Index,
    *,
    time_limit: float,
    seed: int,
    kept: dict[int, int],
    progress: Callable[[str], None],
) -> SlotResult:
    """Run the weight phase, then the idle phase with the weight held at its best value."""
    scale = weight_scale(index.weights)
    # CP-SAT's start, and the answer when it finds no schedule in its time: under load its
    # wall-clock guard can stop it before its first one on events of 6,000 pairs and more.
    greedy = greedy_slots(index)
    if index.problem.objective.schedule_all:
        total = round(sum(index.weights) * scale)
        weight = _Weight(total, total, True, greedy)
    else:
        progress("weight phase: maximising the scheduled weight")
        weight = _maximise_weight(index, scale, kept, greedy, 0.5 * time_limit, seed)
        if weight.slot_of is None:
            return SlotResult({}, None, False, is_infeasible=weight.is_infeasible)
    # Budgets in deterministic time, not what the clock leaves: the same answer under any load.
    seconds = max(time_limit - weight.seconds, 0.05)
    return _minimise_idle(index, scale, weight, kept, seconds, seed, progress)


def _maximise_weight(
    index: Index,
    scale: int,
    kept: dict[int, int],
    greedy: dict[int, int] | None,
    seconds: float,
    seed: int,
) -> _Weight:
    """The weight phase: CP-SAT, or the greedy schedule when CP-SAT finds none."""
    sm = build_slot_model(index, with_idle=index.problem.objective.fairness is not None)
    sm.model.maximize(sm.weight(scale))
    _add_hint(sm, kept or greedy or {})
    solver = new_solver(seconds, seed)
    status = solver.solve(sm.model)
    spent = solver.deterministic_time
    total = round(sum(index.weights) * scale)
    if status in FOUND:
        bound = min(total, int(solver.best_objective_bound + 1e-6))
        best = round(solver.objective_value)
        found = _slots_found(sm, solver)
        return _Weight(best, bound, status == cp_model.OPTIMAL, found, spent)
    if greedy is None or status == cp_model.INFEASIBLE:
        return _Weight(0, total, False, None, spent, is_infeasible=status == cp_model.INFEASIBLE)
    # Stopped before its first schedule, CP-SAT may report a bound of 0: the total holds.
    best = sum(round(index.weights[m] * scale) for m in greedy)
    return _Weight(best, total, False, greedy, spent)


def _minimise_idle(
    index: Index,
    scale: int,
    weight: _Weight,
    kept: dict[int, int],
    seconds: float,
    seed: int,
    progress: Callable[[str], None],
) -> SlotResult:
    """SAT on the placed meetings, then CP-SAT with the weight held."""
    # Without a known schedule only schedule_all gets here, and it places every meeting.
    placed = set(range(index.meeting_count)) if weight.slot_of is None else set(weight.slot_of)
    every = len(placed) == index.meeting_count
    found = weight.slot_of
    # SAT proves the optima of moves and idle fast for a fixed set of meetings.
    # With every meeting placed that set is forced, and CP-SAT after it rarely helps, so SAT
    # gets most of the time; otherwise CP-SAT may still choose which stay out at equal
    # weight, starting from the SAT schedule.
    if _fairness_is_a_cap(index, placed):
        share = (0.95 if every else 0.4) * seconds
        slot_of, proved, cost = _idle_by_sat(index, placed, kept, share, progress)
        if slot_of is None and proved and every:
            return SlotResult({}, None, False, is_infeasible=True)
        if slot_of is not None and (every or (proved and cost == 0)):
            return SlotResult(slot_of, weight.bound / scale, weight.is_proved and proved)
        found = slot_of or found
        seconds -= share
    progress("idle phase: CP-SAT with the weight held")
    return _idle_by_cp_sat(index, scale, weight, kept, found, seconds, seed)


def _idle_by_sat(
    index: Index,
    placed: set[int],
    kept: dict[int, int],
    time_limit: float,
    progress: Callable[[str], None],
) -> tuple[dict[int, int] | None, bool, int]:
    """Slots for `placed` by SAT decisions: fewest published slots moved, then least idle.

    The cost returned is 0 only when both are 0."""
    progress("idle phase: SAT decisions on the placed meetings")
    result = minimise_idle(index, placed, time_limit, kept)
    return result.slot_of, result.is_proved, result.idle + result.moves


def _fairness_is_a_cap(index: Index, placed: set[int]) -> bool:
    """Whether fairness reduces to "idle at most d": someone surely has no idle time."""
    if index.problem.objective.fairness is None:
        return True
    return any(sum(1 for m in meetings if m in placed) <= 1 for meetings in index.meetings_of)


def _idle_by_cp_sat(
    index: Index,
    scale: int,
    weight: _Weight,
    kept: dict[int, int],
    found: dict[int, int] | None,
    seconds: float,
    seed: int,
) -> SlotResult:
    """Fewest moves, then least idle time, at the weight held; `found` when CP-SAT finds none."""
    sm = build_slot_model(index, with_idle=True)
    sm.model.add(sm.weight(scale) >= weight.best)
    moves = _moves(sm, kept)
    room = sum(len(scope) for scope in index.scopes) * len(index.person_ids) + 1
    sm.model.minimize(cp_model.LinearExpr.weighted_sum([moves, sm.total_idle()], [room, 1]))
    # A schedule that meets every rule gives CP-SAT its first solution; published slots may not.
    _add_hint(sm, found or kept)
    solver = new_solver(seconds, seed)
    status = solver.solve(sm.model)
    if status in FOUND:
        is_optimal = weight.is_proved and status == cp_model.OPTIMAL
        return SlotResult(_slots_found(sm, solver), weight.bound / scale, is_optimal)
    if found is None or status == cp_model.INFEASIBLE:
        return SlotResult({}, None, False, is_infeasible=status == cp_model.INFEASIBLE)
    return SlotResult(found, weight.bound / scale, False)


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
