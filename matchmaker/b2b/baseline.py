"""First-fit scheduling: the comparison point for the solver's weight and idle gaps.

Most constrained meeting first (pinned, then fewest candidate slots, then busiest participants),
each placed in its earliest slot where every participant and a table are free, at the first free
table that respects home tables, availability, allowed slots and caps. It is what a "quick
schedule" button of a partnering platform does; it ignores idle time and fairness, so when the
result breaks a hard rule of the objective (`schedule_all`, `fairness`) its status is `unknown`.
"""

from collections import Counter
from dataclasses import dataclass, field

from matchmaker.b2b.check import check
from matchmaker.b2b.model import (
    Assignment,
    Meeting,
    Participant,
    Problem,
    Schedule,
    Status,
    Unscheduled,
)


@dataclass
class _Board:
    """Who and which table is taken in which slot, as meetings are placed."""

    shared_tables: list[str]
    busy: set[tuple[str, str]] = field(default_factory=set)  # (participant, slot)
    taken: set[tuple[str, str]] = field(default_factory=set)  # (table, slot)
    shared_used: Counter[str] = field(default_factory=Counter)  # slot -> shared tables taken
    meetings_of: Counter[str] = field(default_factory=Counter)


def first_fit(problem: Problem) -> Schedule:
    """Schedule `problem` greedily, most constrained meeting first, earliest feasible slot."""
    people = {p.id: p for p in problem.participants}
    order = [s.id for s in problem.slots]
    homes = {p.table for p in problem.participants if p.table is not None}
    board = _Board(shared_tables=[t.id for t in problem.tables if t.id not in homes])
    candidates = {m.id: _candidate_slots(m, people, order) for m in problem.meetings}
    degree = Counter(person for m in problem.meetings for person in m.participants)
    position = {m.id: index for index, m in enumerate(problem.meetings)}

    def urgency(meeting: Meeting) -> tuple[bool, int, int, int]:
        busiest = max(degree[person] for person in meeting.participants)
        return meeting.slot is None, len(candidates[meeting.id]), -busiest, position[meeting.id]

    assignments: list[Assignment] = []
    unscheduled: list[Unscheduled] = []
    for meeting in sorted(problem.meetings, key=urgency):
        placed = _place(meeting, candidates[meeting.id], people, board)
        if placed is None:
            reason = _reason(meeting, candidates[meeting.id], people, board)
            unscheduled.append(Unscheduled(meeting=meeting.id, reason=reason))
        else:
            assignments.append(placed)
    schedule = Schedule(
        status=Status.FEASIBLE,
        assignments=tuple(sorted(assignments, key=lambda a: position[a.meeting])),
        unscheduled=tuple(sorted(unscheduled, key=lambda u: position[u.meeting])),
    )
    violations = check(problem, schedule)
    if violations:
        return Schedule(
            status=Status.UNKNOWN,
            assignments=schedule.assignments,
            unscheduled=schedule.unscheduled,
            reason=f"first-fit breaks a hard rule: {violations[0]}",
        )
    return schedule


def _candidate_slots(
    meeting: Meeting, people: dict[str, Participant], order: list[str]
) -> list[str]:
    """Slots in time order that the meeting's pin, allowed slots and availabilities permit."""
    slots = [meeting.slot] if meeting.slot is not None else order
    return [
        slot
        for slot in slots
        if (meeting.allowed_slots is None or slot in meeting.allowed_slots)
        and all(_is_available(people[person], slot) for person in meeting.participants)
    ]


def _is_available(person: Participant, slot: str) -> bool:
    return person.available is None or slot in person.available


def _home_tables(meeting: Meeting, people: dict[str, Participant]) -> list[str]:
    return list(dict.fromkeys(t for p in meeting.participants if (t := people[p].table)))


def _place(
    meeting: Meeting, slots: list[str], people: dict[str, Participant], board: _Board
) -> Assignment | None:
    if _capped(meeting, people, board):
        return None
    homes = _home_tables(meeting, people)
    for slot in slots:
        if any((person, slot) in board.busy for person in meeting.participants):
            continue
        table = _free_table(homes, slot, board)
        if table is None:
            continue
        board.busy.update((person, slot) for person in meeting.participants)
        board.taken.add((table, slot))
        board.meetings_of.update(meeting.participants)
        return Assignment(meeting=meeting.id, slot=slot, table=table)
    return None


def _capped(meeting: Meeting, people: dict[str, Participant], board: _Board) -> str | None:
    """The first participant who already has `max_meetings` meetings, if any."""
    for person in meeting.participants:
        cap = people[person].max_meetings
        if cap is not None and board.meetings_of[person] >= cap:
            return person
    return None


def _free_table(homes: list[str], slot: str, board: _Board) -> str | None:
    if homes:
        return next((table for table in homes if (table, slot) not in board.taken), None)
    # Shared tables are only ever taken in list order, so the next free one is at the count.
    used = board.shared_used[slot]
    if used == len(board.shared_tables):
        return None
    board.shared_used[slot] += 1
    return board.shared_tables[used]


def _reason(
    meeting: Meeting, slots: list[str], people: dict[str, Participant], board: _Board
) -> str:
    """A sentence saying who or what kept first-fit from placing the meeting."""
    names = ", ".join(meeting.participants)
    capped = _capped(meeting, people, board)
    if capped is not None:
        return f"{capped} already has max_meetings {people[capped].max_meetings} meetings"
    if not slots:
        if meeting.slot is not None:
            return f"the pinned slot {meeting.slot} is outside the availability of {names}"
        return f"{names} have no available slot in common"
    blocker = Counter(
        person for slot in slots for person in meeting.participants if (person, slot) in board.busy
    ).most_common(1)
    if blocker:
        person, busy = blocker[0]
        return f"no free slot: {person} is busy in {busy} of the {len(slots)} open slots"
    return f"no free table in any of the {len(slots)} slots open to {names}"
