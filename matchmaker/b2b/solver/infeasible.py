"""Quick proofs that the hard constraints cannot all hold, with the reason in words."""

from collections import Counter, defaultdict

from matchmaker.b2b.reasons import no_slot_reason
from matchmaker.b2b.solver.index import Index


def obvious_conflict(index: Index) -> str | None:
    """A sentence naming a hard constraint that cannot hold, or None when none is obvious."""
    must = index.problem.objective.schedule_all
    for m, slots in enumerate(index.candidates):
        if not slots and (must or index.is_pinned(m)):
            mid = index.problem.meetings[m].id
            return f"meeting {mid} cannot be scheduled: {no_slot_reason(index, m)}"
    return _pin_conflict(index) or (_overloaded(index) if must else None)


def _pin_conflict(index: Index) -> str | None:
    holder: dict[tuple[int, int], int] = {}
    per_slot: Counter[int] = Counter()
    for m, slots in enumerate(index.candidates):
        if not index.is_pinned(m):
            continue
        t = slots[0]
        per_slot[t] += 0 if index.homes[m] else 1
        for p in index.members[m]:
            if (p, t) in holder:
                first = index.problem.meetings[holder[p, t]].id
                second = index.problem.meetings[m].id
                return (
                    f"{index.person_ids[p]} has two meetings pinned to {index.slot_ids[t]} "
                    f"({first} and {second})"
                )
            holder[p, t] = m
    for t, count in per_slot.items():
        if count > len(index.free_tables):
            return (
                f"{count} meetings are pinned to {index.slot_ids[t]}, "
                f"which has {len(index.free_tables)} tables"
            )
    return None


def _overloaded(index: Index) -> str | None:
    for p, meetings in enumerate(index.meetings_of):
        cap = index.caps[p]
        name = index.person_ids[p]
        if cap is not None and len(meetings) > cap:
            return f"{name} has {len(meetings)} meetings to schedule, over their maximum {cap}"
        usable: set[int] = set()
        for m in meetings:
            usable.update(index.candidates[m])
        if len(meetings) > len(usable):
            return (
                f"{name} has {len(meetings)} meetings to schedule "
                f"but only {len(usable)} slots where they can meet"
            )
    return _slot_shortage(index)


def _slot_shortage(index: Index) -> str | None:
    places = len(index.free_tables) * len(index.slot_ids)
    free_meetings = sum(1 for homes in index.homes if not homes)
    if free_meetings > places:
        return (
            f"{free_meetings} meetings need a table but {len(index.slot_ids)} slots "
            f"of {len(index.free_tables)} tables hold only {places}"
        )
    per_home: defaultdict[int, int] = defaultdict(int)
    for homes in index.homes:
        if len(homes) == 1:
            per_home[homes[0]] += 1
    for table, count in per_home.items():
        if count > len(index.slot_ids):
            return (
                f"home table {index.table_ids[table]} would host {count} meetings "
                f"in {len(index.slot_ids)} slots"
            )
    return None


def explain_infeasible(index: Index) -> str:
    """Why CP-SAT proved that no schedule exists, naming the hard constraints involved."""
    objective = index.problem.objective
    parts = []
    if objective.schedule_all:
        parts.append("every meeting scheduled")
    if any(index.is_pinned(m) for m in range(index.meeting_count)):
        parts.append("the pinned slots")
    if objective.fairness is not None:
        parts.append(f"fairness {objective.fairness} (idle spread over participants)")
    parts.append("availability and table capacity")
    return "no schedule satisfies " + ", ".join(parts[:-1]) + " and " + parts[-1] + " together"
