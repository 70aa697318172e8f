"""Table assignment once slots are fixed: a matching per slot that keeps people seated."""

from collections import defaultdict

from matchmaker.b2b.solver.index import Index


def assign_tables(
    index: Index, slot_of: dict[int, int], kept_tables: dict[int, int]
) -> tuple[dict[int, int], list[int]]:
    """Tables for the placed meetings, slot by slot; also the meetings no table could take.

    A meeting sits preferably at its published table, else at the table one of its
    participants used last, so that people change tables as rarely as possible.
    """
    by_slot: dict[int, list[int]] = defaultdict(list)
    for m, t in slot_of.items():
        by_slot[t].append(m)
    last: dict[int, int] = {}
    table_of: dict[int, int] = {}
    dropped: list[int] = []
    for t in sorted(by_slot):
        meetings = sorted(by_slot[t])
        chosen = _seat_slot(index, meetings, last, kept_tables)
        for m in meetings:
            if m not in chosen:
                dropped.append(m)
                continue
            table_of[m] = chosen[m]
            for p in index.members[m]:
                last[p] = chosen[m]
    return table_of, dropped


def _preferences(index: Index, m: int, last: dict[int, int], kept: dict[int, int]) -> list[int]:
    wanted = [kept[m]] if m in kept else []
    wanted += [last[p] for p in index.members[m] if p in last]
    return list(dict.fromkeys(wanted))


def _seat_slot(
    index: Index, meetings: list[int], last: dict[int, int], kept: dict[int, int]
) -> dict[int, int]:
    chosen = _match_home_meetings(index, [m for m in meetings if index.homes[m]], last, kept)
    free = set(index.free_tables)
    rest = [m for m in meetings if not index.homes[m]]
    # Published tables first, then the most-wanted tables.
    rest.sort(key=lambda m: (m not in kept, m))
    pending = []
    for m in rest:
        table = next((tab for tab in _preferences(index, m, last, kept) if tab in free), None)
        if table is None:
            pending.append(m)
            continue
        chosen[m] = table
        free.discard(table)
    # Unwanted tables go first so that wanted ones stay for the people who sat there.
    wanted_later = {last[p] for m in pending for p in index.members[m] if p in last}
    spare = sorted(free, key=lambda tab: (tab in wanted_later, tab))
    for m, table in zip(pending, spare, strict=False):
        chosen[m] = table
    return chosen


def _match_home_meetings(
    index: Index, meetings: list[int], last: dict[int, int], kept: dict[int, int]
) -> dict[int, int]:
    """A maximum matching of meetings to their home tables (augmenting paths)."""
    holder: dict[int, int] = {}

    def augment(m: int, seen: set[int]) -> bool:
        options = _preferences(index, m, last, kept) + list(index.homes[m])
        for table in dict.fromkeys(options):
            if table not in index.homes[m] or table in seen:
                continue
            seen.add(table)
            if table not in holder or augment(holder[table], seen):
                holder[table] = m
                return True
        return False

    for m in meetings:
        augment(m, set())
    return {m: table for table, m in holder.items()}
