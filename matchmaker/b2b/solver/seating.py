"""Table phase: a greedy seating per slot, then as few table changes as the slots allow.

Up to SEATING_LIMIT (meeting, table) pairs and with no published tables to keep, a minimum
multicut (`multicut.py`) gives classes of meetings to seat together and a lower bound on the
table changes of any seating of the slots found; the classes get tables and each slot is then
reassigned optimally in turn (`colouring.py`). The seating is proved optimal for its slots
when it meets the bound. With published tables, CP-SAT minimises (published tables moved,
table changes) from the greedy seating (`seatingcp.py`).
"""

from dataclasses import dataclass

from matchmaker.b2b.solver.colouring import improve_by_slot, seat_classes
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.multicut import agenda_pairs, minimum_cut
from matchmaker.b2b.solver.tables import assign_tables

# Above this many (meeting, table) pairs the greedy seating stands alone.
SEATING_LIMIT = 40_000


@dataclass(frozen=True)
class Seating:
    """Tables of the seated meetings, with what is known of their quality."""

    table_of: dict[int, int]
    changes: int  # table changes over all participants
    moved: int  # published tables not kept
    bound: int | None  # proved lower bound on the table changes of any seating of these slots


def seat_meetings(
    index: Index,
    slot_of: dict[int, int],
    kept_tables: dict[int, int],
    *,
    time_limit: float,
    seed: int,
) -> Seating:
    """Tables for the placed meetings (those no table could take are left out)."""
    table_of, _dropped = assign_tables(index, slot_of, kept_tables)
    placed = {m: slot_of[m] for m in table_of}
    kept = {m: k for m, k in kept_tables.items() if m in placed}
    greedy = _measure(index, placed, table_of, kept, None)
    if greedy.changes == 0 and greedy.moved == 0:
        return _measure(index, placed, table_of, kept, 0)
    if sum(len(index.homes[m] or index.free_tables) for m in placed) > SEATING_LIMIT:
        return greedy
    if not kept:
        cut = minimum_cut(index, placed, time_limit)
        start = seat_classes(index, placed, cut.classes) if cut.is_complete else dict(table_of)
        improve_by_slot(index, placed, start)
        found = _measure(index, placed, start, kept, cut.bound)
        return (
            found
            if found.changes < greedy.changes
            else _measure(index, placed, table_of, kept, cut.bound)
        )
    # Imported here: CP-SAT's module loads pandas, a third of a small solve's start-up, and
    # the events that keep a published seating are the only ones that get here.
    from matchmaker.b2b.solver.seatingcp import improve_seating

    improved = improve_seating(index, placed, table_of, kept, time_limit=time_limit, seed=seed)
    return _measure(index, placed, table_of if improved is None else improved, kept, None)


def _measure(
    index: Index,
    slot_of: dict[int, int],
    table_of: dict[int, int],
    kept: dict[int, int],
    bound: int | None,
) -> Seating:
    changes = sum(table_of[a] != table_of[b] for a, b in agenda_pairs(index, slot_of))
    moved = sum(table_of[m] != k for m, k in kept.items())
    return Seating(table_of, changes, moved, bound)
