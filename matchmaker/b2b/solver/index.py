"""Integer indices over a Problem: candidate slots, home tables and idle scopes."""

from dataclasses import dataclass

from matchmaker.b2b.model import IdleScope, Meeting, Participant, Problem


@dataclass(frozen=True)
class Index:
    """A problem in positions: meetings, people, slots and tables as list indices."""

    problem: Problem
    slot_ids: tuple[str, ...]
    table_ids: tuple[str, ...]
    person_ids: tuple[str, ...]
    members: tuple[tuple[int, ...], ...]  # per meeting: its participants
    candidates: tuple[tuple[int, ...], ...]  # per meeting: slots it may take
    homes: tuple[tuple[int, ...], ...]  # per meeting: the home tables it must use
    free_tables: tuple[int, ...]  # tables that are nobody's home
    caps: tuple[int | None, ...]  # per person
    meetings_of: tuple[tuple[int, ...], ...]  # per person
    scopes: tuple[tuple[int, ...], ...]  # slot groups over which idle time is measured
    weights: tuple[float, ...]

    @property
    def meeting_count(self) -> int:
        """Number of meetings."""
        return len(self.members)

    def is_pinned(self, meeting: int) -> bool:
        """Whether the meeting is pinned to a slot."""
        return self.problem.meetings[meeting].slot is not None


def build_index(problem: Problem) -> Index:
    """Index a validated problem."""
    slot_pos = {s.id: i for i, s in enumerate(problem.slots)}
    table_pos = {t.id: i for i, t in enumerate(problem.tables)}
    person_pos = {p.id: i for i, p in enumerate(problem.participants)}
    home_of = [None if p.table is None else table_pos[p.table] for p in problem.participants]
    members = tuple(tuple(person_pos[p] for p in m.participants) for m in problem.meetings)
    meetings_of: list[list[int]] = [[] for _ in problem.participants]
    for m, people in enumerate(members):
        for p in people:
            meetings_of[p].append(m)
    home_tables = {h for h in home_of if h is not None}
    by_id = {p.id: p for p in problem.participants}
    return Index(
        problem=problem,
        slot_ids=tuple(s.id for s in problem.slots),
        table_ids=tuple(t.id for t in problem.tables),
        person_ids=tuple(p.id for p in problem.participants),
        members=members,
        candidates=tuple(_candidates(by_id, m, slot_pos) for m in problem.meetings),
        homes=tuple(
            tuple(sorted({h for p in people if (h := home_of[p]) is not None}))
            for people in members
        ),
        free_tables=tuple(t for t in range(len(problem.tables)) if t not in home_tables),
        caps=tuple(p.max_meetings for p in problem.participants),
        meetings_of=tuple(tuple(ms) for ms in meetings_of),
        scopes=_scopes(problem),
        weights=tuple(m.weight for m in problem.meetings),
    )


def _candidates(
    people: dict[str, Participant], spec: Meeting, slot_pos: dict[str, int]
) -> tuple[int, ...]:
    allowed = set(slot_pos) if spec.allowed_slots is None else set(spec.allowed_slots)
    if spec.slot is not None:
        allowed &= {spec.slot}
    for pid in spec.participants:
        available = people[pid].available
        if available is not None:
            allowed &= available
    return tuple(sorted(slot_pos[s] for s in allowed))


def _scopes(problem: Problem) -> tuple[tuple[int, ...], ...]:
    if problem.objective.idle_scope == IdleScope.ALL:
        return (tuple(range(len(problem.slots))),)
    # Grouped by session id, as the checker does, even if a session's slots are not adjacent.
    groups: dict[str, list[int]] = {}
    for i, slot in enumerate(problem.slots):
        groups.setdefault(slot.session, []).append(i)
    return tuple(tuple(group) for group in groups.values())
