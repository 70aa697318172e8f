"""Sentences that say who or what keeps a meeting out of the schedule."""

from collections import Counter, defaultdict

from matchmaker.b2b.solver.index import Index


def slot_ranges(index: Index, slots: list[int]) -> str:
    """Slot positions as readable ranges: 's1..s4, s7'."""
    parts: list[str] = []
    ordered = sorted(set(slots))
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] != ordered[i - 1] + 1:
            first, last = index.slot_ids[ordered[start]], index.slot_ids[ordered[i - 1]]
            parts.append(first if first == last else f"{first}..{last}")
            start = i
    return ", ".join(parts)


def _names(index: Index, people: list[int]) -> str:
    names = [index.person_ids[p] for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def no_slot_reason(index: Index, m: int) -> str:
    """Why a meeting has no slot at all, from availability, pins and allowed slots alone."""
    spec = index.problem.meetings[m]
    slot_pos = {s: i for i, s in enumerate(index.slot_ids)}
    allowed = set(range(len(index.slot_ids)))
    if spec.allowed_slots is not None:
        allowed = {slot_pos[s] for s in spec.allowed_slots}
    if spec.slot is not None:
        if slot_pos[spec.slot] not in allowed:
            return f"it is pinned to {spec.slot}, outside its allowed slots"
        allowed = {slot_pos[spec.slot]}
    people = {p.id: p for p in index.problem.participants}
    for pid in spec.participants:
        available = people[pid].available
        if available is not None and not {slot_pos[s] for s in available} & allowed:
            where = spec.slot if spec.slot is not None else "any slot allowed for this meeting"
            return f"{pid} is not available in {where}"
    return f"{_names(index, list(index.members[m]))} have no common available slot"


def unscheduled_reason(
    index: Index, m: int, slot_of: dict[int, int], table_of: dict[int, int]
) -> str:
    """Why meeting m is not in the schedule (`slot_of`, `table_of`: meeting -> position)."""
    if not index.candidates[m]:
        return no_slot_reason(index, m)
    counts: Counter[int] = Counter()
    booked: dict[int, set[int]] = defaultdict(set)
    load: Counter[int] = Counter()
    for other, t in slot_of.items():
        load[t] += 1
        for p in index.members[other]:
            counts[p] += 1
            booked[p].add(t)
    members = list(index.members[m])
    for p in members:
        cap = index.caps[p]
        if cap is not None and counts[p] >= cap:
            return f"{index.person_ids[p]} already has {counts[p]} meetings, their maximum"
    common = [t for t in index.candidates[m] if not any(t in booked[p] for p in members)]
    if not common:
        details = "; ".join(
            f"{index.person_ids[p]} is booked in {slot_ranges(index, sorted(booked[p]))}"
            for p in members
            if booked[p] & set(index.candidates[m])
        )
        return f"{_names(index, members)} have no common free slot: {details}"
    return _capacity_reason(index, m, common, slot_of, table_of)


def _capacity_reason(
    index: Index, m: int, common: list[int], slot_of: dict[int, int], table_of: dict[int, int]
) -> str:
    names = _names(index, list(index.members[m]))
    homes = index.homes[m]
    used: Counter[int] = Counter()
    home_used: set[tuple[int, int]] = set()
    for other, t in slot_of.items():
        if other not in table_of:
            continue
        if index.homes[other]:
            home_used.add((table_of[other], t))
        else:
            used[t] += 1
    if homes:
        if all((h, t) in home_used for t in common for h in homes):
            tables = ", ".join(index.table_ids[h] for h in homes)
            return f"home table {tables} is taken in every slot where {names} are both free"
    elif all(used[t] >= len(index.free_tables) for t in common):
        return f"every slot where {names} are both free is full ({len(index.free_tables)} tables)"
    fairness = index.problem.objective.fairness
    if fairness is not None:
        return (
            f"{names} are free in {slot_ranges(index, common)}, but a meeting there would "
            f"break the fairness limit ({fairness})"
        )
    return (
        f"{names} are free in {slot_ranges(index, common)}, but placing it there would "
        f"move meetings of higher total weight; the search found no better schedule"
    )
