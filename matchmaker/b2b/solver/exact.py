"""Slot assignment, lexicographically: weight, then kept meetings, then idle time.

SAT decisions when every meeting is placed (`idlesat.py`), CP-SAT otherwise (`cpsat.py`,
imported only then: OR-Tools and the pandas it loads take 0.25 s to import, which the SAT
path never needs)."""

from collections.abc import Callable
from dataclasses import dataclass

from matchmaker.b2b.baseline import first_fit
from matchmaker.b2b.model import Status
from matchmaker.b2b.solver.idlesat import minimise_idle
from matchmaker.b2b.solver.index import Index


@dataclass(frozen=True)
class SlotResult:
    """Slots chosen for the meetings, and what was proved about them."""

    slot_of: dict[int, int]
    weight_bound: float | None  # proven upper bound on the weight
    is_optimal: bool  # weight, moves and idle all proved optimal
    is_infeasible: bool = False


@dataclass(frozen=True)
class Weight:
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
        weight = Weight(total, total, True, greedy)
    else:
        progress("weight phase: maximising the scheduled weight")
        from matchmaker.b2b.solver import cpsat  # here, not above: see the module's docstring

        weight = cpsat.maximise_weight(index, scale, kept, greedy, 0.5 * time_limit, seed)
        if weight.slot_of is None:
            return SlotResult({}, None, False, is_infeasible=weight.is_infeasible)
    # Budgets in deterministic time, not what the clock leaves: the same answer under any load.
    seconds = max(time_limit - weight.seconds, 0.05)
    return _minimise_idle(index, scale, weight, kept, seconds, seed, progress)


def _minimise_idle(
    index: Index,
    scale: int,
    weight: Weight,
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
    from matchmaker.b2b.solver import cpsat  # here, not above: see the module's docstring

    return cpsat.idle_by_cp_sat(index, scale, weight, kept, found, seconds, seed)


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
