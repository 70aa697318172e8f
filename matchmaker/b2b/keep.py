"""Re-scheduling: which meetings of a published schedule can stay where they are."""

from matchmaker.b2b.model import Schedule
from matchmaker.b2b.solver.index import Index


def kept_positions(index: Index, keep: Schedule | None) -> tuple[dict[int, int], dict[int, int]]:
    """Published slot and table of every meeting that may still take them."""
    if keep is None:
        return {}, {}
    meeting_pos = {m.id: i for i, m in enumerate(index.problem.meetings)}
    slot_pos = {s: i for i, s in enumerate(index.slot_ids)}
    table_pos = {t: i for i, t in enumerate(index.table_ids)}
    slots: dict[int, int] = {}
    tables: dict[int, int] = {}
    for a in keep.assignments:
        m = meeting_pos.get(a.meeting)
        t = slot_pos.get(a.slot)
        if m is None or t is None or t not in index.candidates[m]:
            continue
        slots[m] = t
        table = table_pos.get(a.table)
        if table is not None and _may_sit(index, m, table):
            tables[m] = table
    return slots, tables


def _may_sit(index: Index, m: int, table: int) -> bool:
    homes = index.homes[m]
    return table in homes if homes else table in index.free_tables
