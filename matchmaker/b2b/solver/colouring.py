"""Tables for the classes of a multicut, then slot-by-slot reassignment of the free tables.

Classes first-fit (booths first, then the classes that span most slots), each at one table
free in all its slots: a class that fits costs nothing beyond the cut. When the slots are
nearly full some class finds no such table; its meetings then take any free table of their
slot, one by one (there always is one: the slot phase keeps each slot within the tables).
Then, slot after slot, the free-table meetings of one slot are reassigned optimally with every
other slot held: a linear assignment (HiGHS; its LP is integral) whose cost for meeting m
at table k is the number of m's agenda neighbours (previous and next meeting of each of its
participants) not at k. Sweeps repeat while one lowers the table changes.
"""

from collections import defaultdict

import highspy
import numpy as np

from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.multicut import agenda_pairs
from matchmaker.highs import new_highs

# Sweeps over all slots at most; each one that changes something lowers the table changes.
SWEEPS = 10


def seat_classes(index: Index, slot_of: dict[int, int], classes: list[list[int]]) -> dict[int, int]:
    """A table for every meeting: whole classes where they fit, single meetings otherwise."""
    order = sorted(classes, key=lambda c: (not any(index.homes[m] for m in c), -len(c), c[0]))
    taken: set[tuple[int, int]] = set()
    table_of: dict[int, int] = {}
    rest: list[int] = []
    for members in order:
        slots = [slot_of[m] for m in members]
        options = _options(index, members)
        table = next((k for k in options if all((k, t) not in taken for t in slots)), None)
        if table is None:
            rest += members
            continue
        taken.update((table, t) for t in slots)
        table_of.update(dict.fromkeys(members, table))
    for m in sorted(rest):
        table = next(k for k in index.homes[m] or index.free_tables if (k, slot_of[m]) not in taken)
        taken.add((table, slot_of[m]))
        table_of[m] = table
    return table_of


def _options(index: Index, members: list[int]) -> list[int]:
    """The tables every meeting of the class may take: common home tables, or the free ones."""
    homes = [set(index.homes[m]) for m in members if index.homes[m]]
    if not homes:
        return list(index.free_tables)
    return sorted(set.intersection(*homes))


def improve_by_slot(index: Index, slot_of: dict[int, int], table_of: dict[int, int]) -> None:
    """Reassign the free-table meetings of each slot in turn, in place, while changes drop."""
    neighbours: dict[int, list[int]] = defaultdict(list)
    for a, b in agenda_pairs(index, slot_of):
        neighbours[a].append(b)
        neighbours[b].append(a)
    by_slot: dict[int, list[int]] = defaultdict(list)
    for m in sorted(slot_of):
        if not index.homes[m]:
            by_slot[slot_of[m]].append(m)
    # A slot where no free-table meeting has a neighbour has nothing to gain.
    slots = [t for t in sorted(by_slot) if any(neighbours.get(m) for m in by_slot[t])]
    for _ in range(SWEEPS):
        changed = False
        for t in slots:
            changed |= _reassign(index, by_slot[t], neighbours, table_of)
        if not changed:
            return


def _reassign(
    index: Index, meetings: list[int], neighbours: dict[int, list[int]], table_of: dict[int, int]
) -> bool:
    """The best assignment of the free-table meetings of one slot to the free tables."""
    tables = sorted(index.free_tables)
    cost = np.array(
        [[sum(table_of[o] != k for o in neighbours.get(m, ())) for k in tables] for m in meetings],
        dtype=float,
    )
    position = {k: j for j, k in enumerate(tables)}
    current = sum(cost[i, position[table_of[m]]] for i, m in enumerate(meetings))
    choice = _assignment(cost)
    if choice is None or cost[np.arange(len(meetings)), choice].sum() > current - 0.5:
        return False
    for i, m in enumerate(meetings):
        table_of[m] = tables[choice[i]]
    return True


def _assignment(cost: np.ndarray) -> np.ndarray | None:
    """Rows to distinct columns at least cost: HiGHS on the assignment LP (integral)."""
    rows, columns = cost.shape
    size = rows * columns
    highs = new_highs()
    highs.addVars(size, np.zeros(size), np.ones(size))
    highs.changeColsCost(size, np.arange(size, dtype=np.int32), cost.ravel())
    for i in range(rows):
        entries = np.arange(i * columns, (i + 1) * columns, dtype=np.int32)
        highs.addRow(1.0, 1.0, columns, entries, np.ones(columns))
    for j in range(columns):
        entries = np.arange(j, size, columns, dtype=np.int32)
        highs.addRow(-highspy.kHighsInf, 1.0, rows, entries, np.ones(rows))
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    values = np.array(highs.getSolution().col_value).reshape(rows, columns)
    return values.argmax(axis=1)
