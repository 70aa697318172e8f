"""A proven upper bound on the weight at scale: an aggregated LP relaxation solved by HiGHS."""

import highspy
import numpy as np

from matchmaker.b2b.solver.index import Index


def weight_bound(index: Index) -> float:
    """LP bound: each meeting at most once, each person in at most min(cap, slots) meetings.

    It relaxes the slot-indexed LP by summing over slots, so it is valid but weaker; it also
    caps the meetings that need a free table by the free-table places in their slots.
    """
    live = [m for m in range(index.meeting_count) if index.candidates[m]]
    if not live:
        return 0.0
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    count = len(live)
    weights = np.array([index.weights[m] for m in live])
    h.addVars(count, np.zeros(count), np.ones(count))
    h.changeColsCost(count, np.arange(count, dtype=np.int32), -weights)
    rows: dict[int, list[int]] = {}
    for column, m in enumerate(live):
        for p in index.members[m]:
            rows.setdefault(p, []).append(column)
    for p, columns in rows.items():
        slots = {t for m in index.meetings_of[p] for t in index.candidates[m]}
        cap = len(slots) if index.caps[p] is None else min(index.caps[p], len(slots))
        _add_row(h, columns, cap)
    free = [column for column, m in enumerate(live) if not index.homes[m]]
    _add_row(h, free, len(index.free_tables) * len(index.slot_ids))
    h.run()
    return -h.getInfo().objective_function_value + 1e-6


def _add_row(h: highspy.Highs, columns: list[int], upper: float) -> None:
    indices = np.array(columns, dtype=np.int32)
    h.addRow(-highspy.kHighsInf, upper, len(columns), indices, np.ones(len(columns)))
