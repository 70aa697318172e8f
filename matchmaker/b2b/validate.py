"""Consistency checks of a B2B problem: ids, references and values (see b2b-format.md)."""

import math
from collections.abc import Iterable

from matchmaker.b2b.model import Meeting, Problem


class ProblemError(ValueError):
    """An instance the engine cannot read: the message names the offending item."""


def check_problem(problem: Problem) -> None:
    """Raise ProblemError naming the first inconsistent item of `problem`."""
    _check_unique("slot", (s.id for s in problem.slots))
    _check_unique("table", (t.id for t in problem.tables))
    _check_unique("participant", (p.id for p in problem.participants))
    _check_unique("meeting", (m.id for m in problem.meetings))
    slot_ids = {s.id for s in problem.slots}
    table_ids = {t.id for t in problem.tables}
    for person in problem.participants:
        unknown = sorted((person.available or frozenset()) - slot_ids)
        if unknown:
            raise ProblemError(f"participant {person.id}: unknown available slot {unknown[0]!r}")
        if person.table is not None and person.table not in table_ids:
            raise ProblemError(f"participant {person.id}: unknown home table {person.table!r}")
        if person.max_meetings is not None and person.max_meetings < 0:
            raise ProblemError(f"participant {person.id}: max_meetings must not be negative")
    people = {p.id for p in problem.participants}
    for meeting in problem.meetings:
        _check_meeting(meeting, people, slot_ids)
    fairness = problem.objective.fairness
    if fairness is not None and fairness < 0:
        raise ProblemError(f"objective: fairness must not be negative, got {fairness}")


def _check_unique(kind: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if not isinstance(item, str) or not item:
            raise ProblemError(f"{kind} id must be a non-empty string, got {item!r}")
        if item in seen:
            raise ProblemError(f"duplicate {kind} id {item!r}")
        seen.add(item)


def _check_meeting(meeting: Meeting, people: set[str], slot_ids: set[str]) -> None:
    if len(meeting.participants) < 2:
        raise ProblemError(f"meeting {meeting.id}: needs at least two participants")
    if len(set(meeting.participants)) != len(meeting.participants):
        raise ProblemError(f"meeting {meeting.id}: a participant is listed twice")
    for person in meeting.participants:
        if person not in people:
            raise ProblemError(f"meeting {meeting.id}: unknown participant {person!r}")
    weight = meeting.weight
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise ProblemError(f"meeting {meeting.id}: weight must be a number, got {weight!r}")
    if not math.isfinite(weight) or weight <= 0:
        raise ProblemError(f"meeting {meeting.id}: weight must be positive, got {weight!r}")
    if meeting.slot is not None and meeting.slot not in slot_ids:
        raise ProblemError(f"meeting {meeting.id}: pinned to unknown slot {meeting.slot!r}")
    unknown = sorted((meeting.allowed_slots or frozenset()) - slot_ids)
    if unknown:
        raise ProblemError(f"meeting {meeting.id}: unknown allowed slot {unknown[0]!r}")
