"""Who or what keeps a meeting (or the whole schedule) from happening, as causes and sentences.

A cause is a code and the ids it names; its English sentence derives from it, so the CLI and
the JSON output read as before, while an application can store the code and its ids and word
them in the reader's language.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from matchmaker.b2b.model import Problem, Schedule, Status
from matchmaker.b2b.solver.index import Index, build_index


class CauseCode(StrEnum):
    # Why one meeting is left out of a schedule.
    PINNED_OUTSIDE_ALLOWED = "pinned_outside_allowed"
    UNAVAILABLE_IN_PINNED_SLOT = "unavailable_in_pinned_slot"
    UNAVAILABLE_IN_ALLOWED_SLOTS = "unavailable_in_allowed_slots"
    NO_COMMON_AVAILABLE_SLOT = "no_common_available_slot"
    AT_MAXIMUM = "at_maximum"
    NO_COMMON_FREE_SLOT = "no_common_free_slot"
    BOOKED = "booked"  # a detail of NO_COMMON_FREE_SLOT: one participant's booked slots
    HOME_TABLE_TAKEN = "home_table_taken"
    SLOTS_FULL = "slots_full"
    FAIRNESS_LIMIT = "fairness_limit"
    HEAVIER_MEETINGS = "heavier_meetings"
    NO_SCHEDULE = "no_schedule"  # its detail is the schedule's cause
    # Why there is no schedule at all.
    TIME_LIMIT = "time_limit"
    MEETING_IMPOSSIBLE = "meeting_impossible"
    TWO_PINS = "two_pins"
    PINS_OVER_TABLES = "pins_over_tables"
    OVER_MAXIMUM = "over_maximum"
    TOO_FEW_SLOTS = "too_few_slots"
    TABLE_SHORTAGE = "table_shortage"
    HOME_TABLE_OVERLOAD = "home_table_overload"
    CONSTRAINTS_CLASH = "constraints_clash"


class Constraint(StrEnum):
    """The hard rules a CONSTRAINTS_CLASH names."""

    SCHEDULE_ALL = "schedule_all"
    PINS = "pins"
    FAIRNESS = "fairness"
    CAPACITY = "capacity"


@dataclass(frozen=True)
class Cause:
    """A code and what it names; which fields a code uses is in `_TEXTS` below."""

    code: CauseCode
    participants: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    spans: tuple[tuple[str, str], ...] = ()  # runs of consecutive slots: first and last id
    tables: tuple[str, ...] = ()
    count: int | None = None  # how many meetings
    limit: int | None = None  # the maximum or fairness limit it meets
    slot_count: int | None = None
    table_count: int | None = None
    constraints: tuple[Constraint, ...] = ()
    details: tuple["Cause", ...] = ()

    @property
    def text(self) -> str:
        """The cause as an English sentence, ids as they are."""
        return _TEXTS[self.code](self)


def spans_text(spans: tuple[tuple[str, str], ...]) -> str:
    """Runs of slots as readable ranges: 's1..s4, s7'."""
    return ", ".join(first if first == last else f"{first}..{last}" for first, last in spans)


def names_text(names: tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _constraint_text(cause: Cause, constraint: Constraint) -> str:
    return {
        Constraint.SCHEDULE_ALL: "every meeting scheduled",
        Constraint.PINS: "the pinned slots",
        Constraint.FAIRNESS: f"fairness {cause.limit} (idle spread over participants)",
        Constraint.CAPACITY: "availability and table capacity",
    }[constraint]


def _clash_text(cause: Cause) -> str:
    parts = [_constraint_text(cause, c) for c in cause.constraints]
    return "no schedule satisfies " + ", ".join(parts[:-1]) + " and " + parts[-1] + " together"


def _free_in(cause: Cause) -> str:
    return f"{names_text(cause.participants)} are free in {spans_text(cause.spans)}"


_TEXTS: dict[CauseCode, Callable[[Cause], str]] = {
    CauseCode.PINNED_OUTSIDE_ALLOWED: lambda c: (
        f"it is pinned to {c.slots[0]}, outside its allowed slots"
    ),
    CauseCode.UNAVAILABLE_IN_PINNED_SLOT: lambda c: (
        f"{c.participants[0]} is not available in {c.slots[0]}"
    ),
    CauseCode.UNAVAILABLE_IN_ALLOWED_SLOTS: lambda c: (
        f"{c.participants[0]} is not available in any slot allowed for this meeting"
    ),
    CauseCode.NO_COMMON_AVAILABLE_SLOT: lambda c: (
        f"{names_text(c.participants)} have no common available slot"
    ),
    CauseCode.AT_MAXIMUM: lambda c: (
        f"{c.participants[0]} already has {c.count} meetings, their maximum"
    ),
    CauseCode.NO_COMMON_FREE_SLOT: lambda c: (
        f"{names_text(c.participants)} have no common free slot: "
        + "; ".join(detail.text for detail in c.details)
    ),
    CauseCode.BOOKED: lambda c: f"{c.participants[0]} is booked in {spans_text(c.spans)}",
    CauseCode.HOME_TABLE_TAKEN: lambda c: (
        f"home table {', '.join(c.tables)} is taken in every slot where "
        f"{names_text(c.participants)} are both free"
    ),
    CauseCode.SLOTS_FULL: lambda c: (
        f"every slot where {names_text(c.participants)} are both free is full "
        f"({c.table_count} tables)"
    ),
    CauseCode.FAIRNESS_LIMIT: lambda c: (
        f"{_free_in(c)}, but a meeting there would break the fairness limit ({c.limit})"
    ),
    CauseCode.HEAVIER_MEETINGS: lambda c: (
        f"{_free_in(c)}, but placing it there would move meetings of higher total weight; "
        "the search found no better schedule"
    ),
    CauseCode.NO_SCHEDULE: lambda c: f"no schedule exists: {c.details[0].text}",
    CauseCode.TIME_LIMIT: lambda c: "the time limit ran out before a schedule was found",
    CauseCode.MEETING_IMPOSSIBLE: lambda c: (
        f"meeting {c.meetings[0]} cannot be scheduled: {c.details[0].text}"
    ),
    CauseCode.TWO_PINS: lambda c: (
        f"{c.participants[0]} has two meetings pinned to {c.slots[0]} "
        f"({c.meetings[0]} and {c.meetings[1]})"
    ),
    CauseCode.PINS_OVER_TABLES: lambda c: (
        f"{c.count} meetings are pinned to {c.slots[0]}, which has {c.table_count} tables"
    ),
    CauseCode.OVER_MAXIMUM: lambda c: (
        f"{c.participants[0]} has {c.count} meetings to schedule, over their maximum {c.limit}"
    ),
    CauseCode.TOO_FEW_SLOTS: lambda c: (
        f"{c.participants[0]} has {c.count} meetings to schedule "
        f"but only {c.slot_count} slots where they can meet"
    ),
    CauseCode.TABLE_SHORTAGE: lambda c: (
        f"{c.count} meetings need a table but {c.slot_count} slots "
        f"of {c.table_count} tables hold only {(c.slot_count or 0) * (c.table_count or 0)}"
    ),
    CauseCode.HOME_TABLE_OVERLOAD: lambda c: (
        f"home table {c.tables[0]} would host {c.count} meetings in {c.slot_count} slots"
    ),
    CauseCode.CONSTRAINTS_CLASH: _clash_text,
}


def slot_spans(index: Index, slots: list[int]) -> tuple[tuple[str, str], ...]:
    """Slot positions as runs of consecutive slots, each as its first and last id."""
    spans: list[tuple[str, str]] = []
    ordered = sorted(set(slots))
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] != ordered[i - 1] + 1:
            spans.append((index.slot_ids[ordered[start]], index.slot_ids[ordered[i - 1]]))
            start = i
    return tuple(spans)


def _people(index: Index, people: list[int]) -> tuple[str, ...]:
    return tuple(index.person_ids[p] for p in people)


def no_slot_cause(index: Index, m: int) -> Cause:
    """Why a meeting has no slot at all, from availability, pins and allowed slots alone."""
    spec = index.problem.meetings[m]
    slot_pos = {s: i for i, s in enumerate(index.slot_ids)}
    allowed = set(range(len(index.slot_ids)))
    if spec.allowed_slots is not None:
        allowed = {slot_pos[s] for s in spec.allowed_slots}
    if spec.slot is not None:
        if slot_pos[spec.slot] not in allowed:
            return Cause(CauseCode.PINNED_OUTSIDE_ALLOWED, slots=(spec.slot,))
        allowed = {slot_pos[spec.slot]}
    people = {p.id: p for p in index.problem.participants}
    for pid in spec.participants:
        available = people[pid].available
        if available is not None and not {slot_pos[s] for s in available} & allowed:
            if spec.slot is not None:
                return Cause(
                    CauseCode.UNAVAILABLE_IN_PINNED_SLOT, participants=(pid,), slots=(spec.slot,)
                )
            return Cause(CauseCode.UNAVAILABLE_IN_ALLOWED_SLOTS, participants=(pid,))
    return Cause(
        CauseCode.NO_COMMON_AVAILABLE_SLOT, participants=_people(index, list(index.members[m]))
    )


def no_slot_reason(index: Index, m: int) -> str:
    """`no_slot_cause` as a sentence."""
    return no_slot_cause(index, m).text


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


def unscheduled_cause(index: Index, m: int, taken: Occupancy) -> Cause:
    """Why meeting m is not in the schedule indexed by `taken`."""
    if not index.candidates[m]:
        return no_slot_cause(index, m)
    members = list(index.members[m])
    for p in members:
        cap = index.caps[p]
        if cap is not None and taken.counts[p] >= cap:
            return Cause(
                CauseCode.AT_MAXIMUM, participants=(index.person_ids[p],), count=taken.counts[p]
            )
    booked = taken.booked
    common = [t for t in index.candidates[m] if not any(t in booked[p] for p in members)]
    if not common:
        details = tuple(
            Cause(
                CauseCode.BOOKED,
                participants=(index.person_ids[p],),
                spans=slot_spans(index, sorted(booked[p])),
            )
            for p in members
            if booked[p] & set(index.candidates[m])
        )
        return Cause(
            CauseCode.NO_COMMON_FREE_SLOT, participants=_people(index, members), details=details
        )
    return _capacity_cause(index, m, common, taken)


def unscheduled_reason(index: Index, m: int, taken: Occupancy) -> str:
    """`unscheduled_cause` as a sentence."""
    return unscheduled_cause(index, m, taken).text


def _capacity_cause(index: Index, m: int, common: list[int], taken: Occupancy) -> Cause:
    names = _people(index, list(index.members[m]))
    homes = index.homes[m]
    if homes:
        if all((h, t) in taken.home_used for t in common for h in homes):
            tables = tuple(index.table_ids[h] for h in homes)
            return Cause(CauseCode.HOME_TABLE_TAKEN, participants=names, tables=tables)
    elif all(taken.free_used[t] >= len(index.free_tables) for t in common):
        return Cause(CauseCode.SLOTS_FULL, participants=names, table_count=len(index.free_tables))
    fairness = index.problem.objective.fairness
    spans = slot_spans(index, common)
    if fairness is not None:
        return Cause(CauseCode.FAIRNESS_LIMIT, participants=names, spans=spans, limit=fairness)
    return Cause(CauseCode.HEAVIER_MEETINGS, participants=names, spans=spans)


def conflict_cause(index: Index) -> Cause | None:
    """A hard constraint that plainly cannot hold, or None when none is plain.

    The solver's quick proof of infeasibility: it runs these tests before any search.
    """
    must = index.problem.objective.schedule_all
    for m, slots in enumerate(index.candidates):
        if not slots and (must or index.is_pinned(m)):
            return Cause(
                CauseCode.MEETING_IMPOSSIBLE,
                meetings=(index.problem.meetings[m].id,),
                details=(no_slot_cause(index, m),),
            )
    return _pin_conflict(index) or (_overloaded(index) if must else None)


def _pin_conflict(index: Index) -> Cause | None:
    holder: dict[tuple[int, int], int] = {}
    per_slot: Counter[int] = Counter()
    for m, slots in enumerate(index.candidates):
        if not index.is_pinned(m):
            continue
        t = slots[0]
        per_slot[t] += 0 if index.homes[m] else 1
        for p in index.members[m]:
            if (p, t) in holder:
                return Cause(
                    CauseCode.TWO_PINS,
                    participants=(index.person_ids[p],),
                    slots=(index.slot_ids[t],),
                    meetings=(
                        index.problem.meetings[holder[p, t]].id,
                        index.problem.meetings[m].id,
                    ),
                )
            holder[p, t] = m
    for t, count in per_slot.items():
        if count > len(index.free_tables):
            return Cause(
                CauseCode.PINS_OVER_TABLES,
                count=count,
                slots=(index.slot_ids[t],),
                table_count=len(index.free_tables),
            )
    return None


def _overloaded(index: Index) -> Cause | None:
    for p, meetings in enumerate(index.meetings_of):
        cap = index.caps[p]
        name = (index.person_ids[p],)
        if cap is not None and len(meetings) > cap:
            return Cause(CauseCode.OVER_MAXIMUM, participants=name, count=len(meetings), limit=cap)
        usable: set[int] = set()
        for m in meetings:
            usable.update(index.candidates[m])
        if len(meetings) > len(usable):
            return Cause(
                CauseCode.TOO_FEW_SLOTS,
                participants=name,
                count=len(meetings),
                slot_count=len(usable),
            )
    return _slot_shortage(index)


def _slot_shortage(index: Index) -> Cause | None:
    places = len(index.free_tables) * len(index.slot_ids)
    free_meetings = sum(1 for homes in index.homes if not homes)
    if free_meetings > places:
        return Cause(
            CauseCode.TABLE_SHORTAGE,
            count=free_meetings,
            slot_count=len(index.slot_ids),
            table_count=len(index.free_tables),
        )
    per_home: defaultdict[int, int] = defaultdict(int)
    for homes in index.homes:
        if len(homes) == 1:
            per_home[homes[0]] += 1
    for table, count in per_home.items():
        if count > len(index.slot_ids):
            return Cause(
                CauseCode.HOME_TABLE_OVERLOAD,
                tables=(index.table_ids[table],),
                count=count,
                slot_count=len(index.slot_ids),
            )
    return None


def clash_cause(index: Index) -> Cause:
    """The hard constraints involved when a search proved that no schedule exists."""
    objective = index.problem.objective
    constraints = []
    if objective.schedule_all:
        constraints.append(Constraint.SCHEDULE_ALL)
    if any(index.is_pinned(m) for m in range(index.meeting_count)):
        constraints.append(Constraint.PINS)
    if objective.fairness is not None:
        constraints.append(Constraint.FAIRNESS)
    constraints.append(Constraint.CAPACITY)
    return Cause(
        CauseCode.CONSTRAINTS_CLASH, constraints=tuple(constraints), limit=objective.fairness
    )


@dataclass(frozen=True)
class Explanation:
    """Why a schedule is short: for the whole schedule (or None), and per unscheduled meeting."""

    schedule: Cause | None
    meetings: dict[str, Cause]


def explain(problem: Problem, schedule: Schedule) -> Explanation:
    """The causes of a schedule of `problem` (a validated problem): its own and its meetings'.

    Meetings of the schedule that the problem lacks are ignored; the causes are those the
    solver words in `schedule` when it made it.
    """
    index = build_index(problem)
    position = {m.id: i for i, m in enumerate(problem.meetings)}
    left_out = [position[u.meeting] for u in schedule.unscheduled if u.meeting in position]
    overall = _schedule_cause(index, schedule.status)
    if overall is not None:
        wrapped = overall if schedule.status == Status.UNKNOWN else _no_schedule(overall)
        return Explanation(
            schedule=overall, meetings={problem.meetings[m].id: wrapped for m in left_out}
        )
    slot_pos = {s: i for i, s in enumerate(index.slot_ids)}
    table_pos = {t: i for i, t in enumerate(index.table_ids)}
    placed = [a for a in schedule.assignments if a.meeting in position]
    slot_of = {position[a.meeting]: slot_pos[a.slot] for a in placed}
    table_of = {position[a.meeting]: table_pos[a.table] for a in placed}
    taken = occupancy(index, slot_of, table_of)
    return Explanation(
        schedule=None,
        meetings={problem.meetings[m].id: unscheduled_cause(index, m, taken) for m in left_out},
    )


def _no_schedule(cause: Cause) -> Cause:
    return Cause(CauseCode.NO_SCHEDULE, details=(cause,))


def _schedule_cause(index: Index, status: Status) -> Cause | None:
    if status == Status.UNKNOWN:
        return Cause(CauseCode.TIME_LIMIT)
    if status == Status.INFEASIBLE:
        return conflict_cause(index) or clash_cause(index)
    return None
