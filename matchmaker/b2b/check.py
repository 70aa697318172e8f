"""Feasibility of a schedule and its figures: weight, idle time, table changes."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from matchmaker.b2b.model import IdleMeasure, IdleScope, Meeting, Participant, Problem, Schedule


@dataclass(frozen=True)
class Figures:
    """What a schedule achieves, in the order of the objective."""

    weight: float
    idle: int
    table_changes: int
    scheduled: int
    idle_of: dict[str, int]


def check(problem: Problem, schedule: Schedule) -> list[str]:
    """The violations of the instance's hard constraints; empty when the schedule is feasible."""
    meetings = {m.id: m for m in problem.meetings}
    people = {p.id: p for p in problem.participants}
    slots, tables = {s.id for s in problem.slots}, {t.id for t in problem.tables}
    homes_all = {p.table for p in problem.participants if p.table is not None}
    errors: list[str] = []
    busy: dict[tuple[str, str], str] = {}
    table_use: dict[tuple[str, str], str] = {}
    for a in schedule.assignments:
        meeting = meetings.get(a.meeting)
        if meeting is None or a.slot not in slots or a.table not in tables:
            errors.append(f"{a.meeting}: unknown meeting, slot or table in {a}")
            continue
        errors += _placement_errors(meeting, people, homes_all, a.slot, a.table)
        if (a.table, a.slot) in table_use:
            errors.append(f"{a.meeting}: table {a.table} already hosts a meeting in {a.slot}")
        table_use[a.table, a.slot] = a.meeting
        for pid in meeting.participants:
            if (pid, a.slot) in busy:
                errors.append(f"{a.meeting}: {pid} already meets in {a.slot}")
            busy[pid, a.slot] = a.meeting
    errors += _coverage_errors(problem, schedule)
    counts = Counter(pid for pid, _ in busy)
    for pid, count in counts.items():
        cap = people[pid].max_meetings
        if cap is not None and count > cap:
            errors.append(f"{pid}: {count} meetings, over max_meetings {cap}")
    fairness = problem.objective.fairness
    idle_of = figures(problem, schedule).idle_of
    if fairness is not None and idle_of:
        spread = max(idle_of.values()) - min(idle_of.values())
        if spread > fairness:
            errors.append(f"idle spread {spread} exceeds fairness {fairness}")
    return errors


def _placement_errors(
    meeting: Meeting, people: dict[str, Participant], homes_all: set[str], sid: str, tid: str
) -> list[str]:
    mid = meeting.id
    errors = []
    if meeting.slot is not None and meeting.slot != sid:
        errors.append(f"{mid}: pinned to {meeting.slot} but placed in {sid}")
    if meeting.allowed_slots is not None and sid not in meeting.allowed_slots:
        errors.append(f"{mid}: placed in {sid}, outside its allowed slots")
    for pid in meeting.participants:
        available = people[pid].available
        if available is not None and sid not in available:
            errors.append(f"{mid}: {pid} is not available in {sid}")
    homes = {people[pid].table for pid in meeting.participants} - {None}
    if homes and tid not in homes:
        errors.append(f"{mid}: at {tid}, not at a home table of its participants")
    if not homes and tid in homes_all:
        errors.append(f"{mid}: at {tid}, a home table of none of its participants")
    return errors


def _coverage_errors(problem: Problem, schedule: Schedule) -> list[str]:
    seen = Counter(a.meeting for a in schedule.assignments)
    seen.update(u.meeting for u in schedule.unscheduled)
    placed = {a.meeting for a in schedule.assignments}
    errors = []
    for meeting in problem.meetings:
        if seen[meeting.id] != 1:
            errors.append(f"{meeting.id}: appears {seen[meeting.id]} times, not once")
        elif meeting.id not in placed and meeting.slot is not None:
            errors.append(f"{meeting.id}: pinned meeting left unscheduled")
        elif meeting.id not in placed and problem.objective.schedule_all:
            errors.append(f"{meeting.id}: unscheduled, but every meeting must be scheduled")
    errors += [
        f"{u.meeting}: unscheduled without a reason"
        for u in schedule.unscheduled
        if not u.reason.strip()
    ]
    return errors


def figures(problem: Problem, schedule: Schedule) -> Figures:
    """Weight, idle time (as the objective measures it) and table changes of a schedule."""
    meetings = {m.id: m for m in problem.meetings}
    position = {s.id: i for i, s in enumerate(problem.slots)}
    whole = problem.objective.idle_scope == IdleScope.ALL
    session = {s.id: "" if whole else s.session for s in problem.slots}
    agenda: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    weight = 0.0
    for a in schedule.assignments:
        weight += meetings[a.meeting].weight
        for pid in meetings[a.meeting].participants:
            agenda[pid].append((position[a.slot], session[a.slot], a.table))
    idle_of = {p.id: 0 for p in problem.participants}
    changes = 0
    for pid, items in agenda.items():
        items.sort()
        idle_of[pid] = _idle(items, problem.objective.idle == IdleMeasure.BREAKS)
        changes += sum(1 for x, y in pairwise(items) if x[2] != y[2])
    return Figures(
        weight=weight,
        idle=sum(idle_of.values()),
        table_changes=changes,
        scheduled=len(schedule.assignments),
        idle_of=idle_of,
    )


def _idle(items: list[tuple[int, str, str]], by_breaks: bool) -> int:
    groups: dict[str, list[int]] = defaultdict(list)
    for position, session, _ in items:
        groups[session].append(position)
    idle = 0
    for slots in groups.values():
        if by_breaks:
            idle += sum(1 for x, y in pairwise(slots) if y - x > 1)
        else:
            idle += slots[-1] - slots[0] + 1 - len(slots)
    return idle
