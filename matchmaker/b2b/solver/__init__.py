"""The B2B scheduler: slots by CP-SAT (or by decomposition at scale), then tables per slot."""

import time
from collections.abc import Callable

from matchmaker.b2b.keep import kept_positions
from matchmaker.b2b.model import Assignment, Problem, Schedule, Status, Unscheduled
from matchmaker.b2b.reasons import occupancy, unscheduled_reason
from matchmaker.b2b.solver.exact import SlotResult, solve_slots
from matchmaker.b2b.solver.index import Index, build_index
from matchmaker.b2b.solver.infeasible import explain_infeasible, obvious_conflict
from matchmaker.b2b.solver.large import solve_large
from matchmaker.b2b.solver.seating import seat_meetings

# Above this many (meeting, slot) pairs a single CP-SAT model is too slow: decompose.
EXACT_LIMIT = 60_000


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
    conflict = obvious_conflict(index)
    if conflict is not None:
        return _infeasible(index, conflict, started)
    kept_slots, kept_tables = kept_positions(index, keep)
    pairs = sum(len(c) for c in index.candidates)
    if pairs <= EXACT_LIMIT:
        result = solve_slots(
            index, time_limit=0.85 * time_limit, seed=seed, kept=kept_slots, progress=report
        )
    else:
        result = solve_large(
            index, time_limit=0.85 * time_limit, kept=kept_slots, progress=report, seed=seed
        )
    if result.is_infeasible:
        return _infeasible(index, explain_infeasible(index), started)
    if not result.slot_of and index.meeting_count and index.problem.objective.schedule_all:
        return _unknown(index, started)
    report("table phase: seating the meetings")
    # Table changes come last in the objective: they get a small share of the budget.
    remaining = min(max(time_limit - (time.monotonic() - started), 0.1), 0.15 * time_limit + 0.5)
    table_of, tables_proved = seat_meetings(
        index, result.slot_of, kept_tables, time_limit=remaining, seed=seed
    )
    return _schedule(index, result, table_of, tables_proved, started)


def _schedule(
    index: Index,
    result: SlotResult,
    table_of: dict[int, int],
    tables_proved: bool,
    started: float,
) -> Schedule:
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
    is_optimal = result.is_optimal and tables_proved and not lost
    bound = result.weight_bound
    return Schedule(
        status=Status.OPTIMAL if is_optimal else Status.FEASIBLE,
        assignments=assignments,
        unscheduled=unscheduled,
        upper_bound=None if bound is None else round(bound, 6),
        stats={"seconds": round(time.monotonic() - started, 3)},
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
