"""Table phase: a greedy seating per slot, then CP-SAT on table changes when small enough."""

from itertools import pairwise

from ortools.sat.python import cp_model

from matchmaker.b2b.solver.exact import new_solver
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.tables import assign_tables

# Above this many (meeting, table) pairs the greedy seating stands alone.
SEATING_LIMIT = 40_000


def seat_meetings(
    index: Index,
    slot_of: dict[int, int],
    kept_tables: dict[int, int],
    *,
    time_limit: float,
    seed: int,
) -> tuple[dict[int, int], bool]:
    """Tables for the placed meetings, and whether they are proved optimal.

    Slots are fixed before tables, so only zero table changes (and no published table
    moved) is a proof for the whole lexicographic objective.
    """
    table_of, _dropped = assign_tables(index, slot_of, kept_tables)
    pairs = _pairs(index, table_of, slot_of)
    changes = sum(table_of[a] != table_of[b] for a, b in pairs)
    moved = sum(table_of.get(m) != tab for m, tab in kept_tables.items() if m in slot_of)
    if changes == 0 and moved == 0:
        return table_of, True
    sizes = sum(len(index.homes[m] or index.free_tables) for m in slot_of)
    if sizes > SEATING_LIMIT:
        return table_of, False
    return _improve(index, slot_of, table_of, kept_tables, time_limit, seed)


def _pairs(index: Index, table_of: dict[int, int], slot_of: dict[int, int]) -> list:
    """Consecutive meetings of each participant: (earlier, later)."""
    agenda: dict[int, list[tuple[int, int]]] = {}
    for m in table_of:
        for p in index.members[m]:
            agenda.setdefault(p, []).append((slot_of[m], m))
    pairs = []
    for items in agenda.values():
        items.sort()
        pairs += [(a, b) for (_, a), (_, b) in pairwise(items)]
    return pairs


def _improve(
    index: Index,
    slot_of: dict[int, int],
    table_of: dict[int, int],
    kept_tables: dict[int, int],
    time_limit: float,
    seed: int,
) -> tuple[dict[int, int], bool]:
    model = cp_model.CpModel()
    y: dict[tuple[int, int], cp_model.IntVar] = {}
    at: dict[tuple[int, int], list] = {}
    for m in table_of:
        for k in index.homes[m] or index.free_tables:
            y[m, k] = model.new_bool_var("")
            model.add_hint(y[m, k], table_of[m] == k)
            at.setdefault((slot_of[m], k), []).append(y[m, k])
        model.add_exactly_one(y[m, k] for k in index.homes[m] or index.free_tables)
    for lits in at.values():
        model.add_at_most_one(lits)
    changes = []
    for a, b in _pairs(index, table_of, slot_of):
        change = model.new_bool_var("")
        for k in index.homes[a] or index.free_tables:
            model.add(change >= y[a, k] - y.get((b, k), 0))
        changes.append(change)
    moved = [1 - y[m, k] for m, k in kept_tables.items() if (m, k) in y]
    model.minimize((len(changes) + 1) * sum(moved) + sum(changes))
    solver = new_solver(time_limit, seed)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return table_of, False
    found = {m: k for (m, k), var in y.items() if solver.boolean_value(var)}
    return found, round(solver.objective_value) == 0
