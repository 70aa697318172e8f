"""CP-SAT on the seating of fixed slots: (published tables moved, table changes), lexicographic."""

from ortools.sat.python import cp_model

from matchmaker.b2b.solver.cpsat import FOUND, new_solver
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.multicut import agenda_pairs


def improve_seating(
    index: Index,
    slot_of: dict[int, int],
    table_of: dict[int, int],
    kept: dict[int, int],
    *,
    time_limit: float,
    seed: int,
) -> dict[int, int] | None:
    """A seating at least as good as `table_of` (its hint), or None when CP-SAT finds none."""
    model = cp_model.CpModel()
    y: dict[tuple[int, int], cp_model.IntVar] = {}
    at: dict[tuple[int, int], list] = {}
    for m in sorted(table_of):
        options = index.homes[m] or index.free_tables
        for k in options:
            y[m, k] = model.new_bool_var("")
            model.add_hint(y[m, k], table_of[m] == k)
            at.setdefault((slot_of[m], k), []).append(y[m, k])
        model.add_exactly_one(y[m, k] for k in options)
    for lits in at.values():
        model.add_at_most_one(lits)
    changes = []
    for a, b in agenda_pairs(index, slot_of):
        change = model.new_bool_var("")
        for k in index.homes[a] or index.free_tables:
            model.add(change >= y[a, k] - y.get((b, k), 0))
        changes.append(change)
    moved = [1 - y[m, k] for m, k in kept.items() if (m, k) in y]
    model.minimize((len(changes) + 1) * sum(moved) + sum(changes))
    solver = new_solver(time_limit, seed)
    if solver.solve(model) not in FOUND:
        return None
    return {m: k for (m, k), var in y.items() if solver.boolean_value(var)}
