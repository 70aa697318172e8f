"""The CP-SAT phases of the slot assignment: the weight phase when some meetings may stay out,
and the idle phase with the weight held (`exact.py` decides when)."""

from ortools.sat.python import cp_model

from matchmaker.b2b.solver.exact import SlotResult, Weight
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.slots import SlotModel, build_slot_model

FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)

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


def maximise_weight(
    index: Index,
    scale: int,
    kept: dict[int, int],
    greedy: dict[int, int] | None,
    seconds: float,
    seed: int,
) -> Weight:
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
        return Weight(best, bound, status == cp_model.OPTIMAL, found, spent)
    if greedy is None or status == cp_model.INFEASIBLE:
        return Weight(0, total, False, None, spent, is_infeasible=status == cp_model.INFEASIBLE)
    # Stopped before its first schedule, CP-SAT may report a bound of 0: the total holds.
    best = sum(round(index.weights[m] * scale) for m in greedy)
    return Weight(best, total, False, greedy, spent)


def idle_by_cp_sat(
    index: Index,
    scale: int,
    weight: Weight,
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
