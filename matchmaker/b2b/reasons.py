"""Sentences that say who or what keeps a meeting out of the schedule."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

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


@dataclass
class Occupancy:
    """Who is booked when, and which tables are taken, in a schedule."""

    counts: Counter[int] = field(default_factory=Counter)
    booked: defaultdict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    free_used: Counter[int] = field(default_factory=Counter)
    home_used: set[tuple[int, int]] = field(default_factory=set)


def occupancy(index: Index, slot_of: dict[int, int], table_of: dict[int, int]) -> Occupancy:
    """Index the schedule (`slot_of`, `table_of`: meeting -> position) for the reasons."""
    taken = Occupancy()
    for m, t in slot_of.items():
        for p in index.members[m]:
            taken.counts[p] += 1
            taken.booked[p].add(t)
        if index.homes[m]:
            taken.home_used.add((table_of[m], t))
        else:
            taken.free_used[t] += 1
    return taken


def unscheduled_reason(index: Index, m: int, taken: Occupancy) -> str:
    """Why meeting m is not in the schedule indexed by `taken`."""
    if not index.candidates[m]:
        return no_slot_reason(index, m)
    members = list(index.members[m])
    for p in members:
        cap = index.caps[p]
        if cap is not None and taken.counts[p] >= cap:
            return f"{index.person_ids[p]} already has {taken.counts[p]} meetings, their maximum"
    booked = taken.booked
    common = [t for t in index.candidates[m] if not any(t in booked[p] for p in members)]
    if not common:
        details = "; ".join(
            f"{index.person_ids[p]} is booked in {slot_ranges(index, sorted(booked[p]))}"
            for p in members
            if booked[p] & set(index.candidates[m])
        )
        return f"{_names(index, members)} have no common free slot: {details}"
    return _capacity_reason(index, m, common, taken)


def _capacity_reason(index: Index, m: int, common: list[int], taken: Occupancy) -> str:
    names = _names(index, list(index.members[m]))
    homes = index.homes[m]
    if homes:
        if all((h, t) in taken.home_used for t in common for h in homes):
            tables = ", ".join(index.table_ids[h] for h in homes)
            return f"home table {tables} is taken in every slot where {names} are both free"
    elif all(taken.free_used[t] >= len(index.free_tables) for t in common):
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
