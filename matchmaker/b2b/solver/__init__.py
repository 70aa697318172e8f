"""The B2B scheduler: slots (LP and SAT, else CP-SAT, or decomposition at scale), then tables.

CP-SAT's module loads pandas, about a third of a small solve's start-up, so the exact and the
large paths are imported when they run: a small event proved by the quick path never loads it.
"""

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from matchmaker.b2b.keep import kept_positions
from matchmaker.b2b.model import Assignment, Problem, Schedule, Status, Unscheduled
from matchmaker.b2b.reasons import clash_cause, conflict_cause, occupancy, unscheduled_reason
from matchmaker.b2b.solver.index import Index, build_index
from matchmaker.b2b.solver.quick import quick_slots
from matchmaker.b2b.solver.seating import Seating, seat_meetings

# Above this many (meeting, slot) pairs a single CP-SAT model is too slow: decompose.
EXACT_LIMIT = 60_000
# The decomposition answers neither schedule_all nor fairness, so only events without them go
# to it sooner, above this many pairs: from 4,000 pairs on, generated events got a tenth of the
# idle time from it, in a quarter of the time (docs/benchmarks.md).
SMALL_LIMIT = 3_500
# Share of the time limit for the slots; table changes come last in the objective.
SLOT_SHARE = 0.85


@dataclass(frozen=True)
class _Slots:
    """Slots found by whichever path ran, and what was proved about them."""

    slot_of: dict[int, int]
    weight_bound: float | None
    is_optimal: bool  # weight, published slots kept and idle all proved optimal
    is_infeasible: bool = False


def solve(
    problem: Problem,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    keep: Schedule | None = None,
    progress: Callable[[str], None] | None = None,
) -> Schedule:
    """Schedule the meetings of `problem`: most weight, then least idle, then fewest moves."""
    started = time.monotonic()
    report = progress or (lambda _message: None)
    index = build_index(problem)
    conflict = conflict_cause(index)
    if conflict is not None:
        return _infeasible(index, conflict.text, started)
    kept_slots, kept_tables = kept_positions(index, keep)
    result = _slot_phase(index, SLOT_SHARE * time_limit, seed, kept_slots, report)
    if result.is_infeasible:
        return _infeasible(index, clash_cause(index).text, started)
    if not result.slot_of and index.meeting_count and index.problem.objective.schedule_all:
        return _unknown(index, started)
    report("table phase: seating the meetings")
    # Budgets come from the time limit, never from the clock: what the clock leaves differs
    # from run to run, and a CP-SAT or SAT budget that differs gives another schedule.
    seconds = (1 - SLOT_SHARE) * time_limit + 0.5
    seating = seat_meetings(index, result.slot_of, kept_tables, time_limit=seconds, seed=seed)
    return _schedule(index, result, seating, started)


def _slot_phase(
    index: Index,
    time_limit: float,
    seed: int,
    kept: dict[int, int],
    report: Callable[[str], None],
) -> _Slots:
    """The quick path when it proves its answer, else CP-SAT, or the decomposition at scale."""
    objective = index.problem.objective
    searched = objective.schedule_all or objective.fairness is not None
    pairs = sum(len(c) for c in index.candidates)
    if pairs > (EXACT_LIMIT if searched else SMALL_LIMIT):
        large = importlib.import_module("matchmaker.b2b.solver.large")
        found = large.solve_large(
            index, time_limit=time_limit, kept=kept, progress=report, seed=seed
        )
        return _Slots(found.slot_of, found.weight_bound, found.is_optimal, found.is_infeasible)
    # Published slots add a criterion, and schedule_all a feasibility question: not for it;
    # nor are larger events, whose SAT formula would cost more than it saves.
    if not kept and not objective.schedule_all and pairs <= SMALL_LIMIT:
        report("quick phase: LP bound, then a schedule without idle time")
        quick = quick_slots(index)
        if quick is not None:
            return _Slots(quick.slot_of, quick.weight, is_optimal=True)
    exact = importlib.import_module("matchmaker.b2b.solver.exact")
    # The quick path's few hundredths of a second are not taken off (see `solve`).
    found = exact.solve_slots(index, time_limit=time_limit, seed=seed, kept=kept, progress=report)
    return _Slots(found.slot_of, found.weight_bound, found.is_optimal, found.is_infeasible)


def _schedule(index: Index, result: _Slots, seating: Seating, started: float) -> Schedule:
    table_of = seating.table_of
    slot_of = {m: t for m, t in result.slot_of.items() if m in table_of}
    meetings = index.problem.meetings
    assignments = tuple(
        Assignment(
            meeting=meetings[m].id, slot=index.slot_ids[t], table=index.table_ids[table_of[m]]
        )
        for m, t in sorted(slot_of.items())
    )
    taken = occupancy(index, slot_of, table_of)
    unscheduled = tuple(
        Unscheduled(meeting=meetings[m].id, reason=unscheduled_reason(index, m, taken))
        for m in range(index.meeting_count)
        if m not in slot_of
    )
    lost = len(slot_of) < len(result.slot_of)
    # Slots are fixed before tables: a seating optimal for its slots proves the whole objective
    # only with no table change at all (other slots of equal weight and idle may seat better).
    is_optimal = result.is_optimal and seating.changes == 0 and seating.moved == 0 and not lost
    bound = result.weight_bound
    stats = {"seconds": round(time.monotonic() - started, 3), "table_changes": seating.changes}
    if seating.bound is not None:
        stats["table_changes_bound"] = seating.bound
    return Schedule(
        status=Status.OPTIMAL if is_optimal else Status.FEASIBLE,
        assignments=assignments,
        unscheduled=unscheduled,
        upper_bound=None if bound is None else round(bound, 6),
        stats=stats,
    )


def _infeasible(index: Index, reason: str, started: float) -> Schedule:
    return Schedule(
        status=Status.INFEASIBLE,
        assignments=(),
        unscheduled=tuple(
            Unscheduled(meeting=m.id, reason=f"no schedule exists: {reason}")
            for m in index.problem.meetings
        ),
        upper_bound=None,
        reason=reason,
        stats={"seconds": round(time.monotonic() - started, 3)},
    )


def _unknown(index: Index, started: float) -> Schedule:
    return Schedule(
        status=Status.UNKNOWN,
        assignments=(),
        unscheduled=tuple(
            Unscheduled(meeting=m.id, reason="the time limit ran out before a schedule was found")
            for m in index.problem.meetings
        ),
        reason="the time limit ran out before a schedule was found",
        stats={"seconds": round(time.monotonic() - started, 3)},
    )
