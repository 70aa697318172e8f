"""Read and write the JSON exchange format (b2b-instance/1, b2b-solution/1)."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matchmaker.b2b.model import (
    Assignment,
    IdleMeasure,
    IdleScope,
    Meeting,
    Objective,
    Participant,
    Problem,
    Schedule,
    Slot,
    Status,
    Table,
    Unscheduled,
)
from matchmaker.b2b.validate import ProblemError, check_problem

INSTANCE_FORMAT = "b2b-instance/1"
SOLUTION_FORMAT = "b2b-solution/1"


def load_problem(path: str | Path) -> Problem:
    """Read and validate an instance file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ProblemError(f"cannot read {path}: {error.strerror}") from error
    except ValueError as error:
        raise ProblemError(f"malformed JSON in {path}: {error}") from error
    return problem_from_dict(data)


def problem_from_dict(data: Any) -> Problem:
    """Build a validated Problem from the JSON form of an instance."""
    if not isinstance(data, dict):
        raise ProblemError("an instance must be a JSON object")
    version = data.get("format", INSTANCE_FORMAT)
    if version != INSTANCE_FORMAT:
        raise ProblemError(f"unsupported format {version!r}, expected {INSTANCE_FORMAT!r}")
    problem = Problem(
        slots=_items(data, "slots", _slot),
        tables=_items(data, "tables", lambda d: Table(id=_id(d, "table"))),
        participants=_items(data, "participants", _participant),
        meetings=_items(data, "meetings", _meeting),
        objective=_objective(data.get("objective") or {}),
        name=str(data.get("name", "")),
    )
    check_problem(problem)
    return problem


def _items(data: dict, key: str, build: Callable[[dict], Any]) -> tuple:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise ProblemError(f"{key} must be a list")
    items = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise ProblemError(f"{key}[{index}] must be an object")
        items.append(build(item))
    return tuple(items)


def _id(item: dict, kind: str) -> str:
    value = item.get("id")
    if not isinstance(value, str) or not value:
        raise ProblemError(f"{kind} without a string id: {item!r}")
    return value


def _slot_set(item: dict, key: str, owner: str) -> frozenset[str] | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProblemError(f"{owner}: {key} must be a list of slot ids")
    return frozenset(value)


def _optional_str(item: dict, key: str, owner: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise ProblemError(f"{owner}: {key} must be a string")
    return value


def _slot(item: dict) -> Slot:
    sid = _id(item, "slot")
    return Slot(
        id=sid,
        session=str(item.get("session") or ""),
        start=_optional_str(item, "start", f"slot {sid}"),
        end=_optional_str(item, "end", f"slot {sid}"),
    )


def _participant(item: dict) -> Participant:
    pid = _id(item, "participant")
    owner = f"participant {pid}"
    cap = item.get("max_meetings")
    if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int)):
        raise ProblemError(f"{owner}: max_meetings must be an integer, got {cap!r}")
    return Participant(
        id=pid,
        organization=_optional_str(item, "organization", owner),
        available=_slot_set(item, "available", owner),
        max_meetings=cap,
        table=_optional_str(item, "table", owner),
    )


def _meeting(item: dict) -> Meeting:
    mid = _id(item, "meeting")
    owner = f"meeting {mid}"
    people = item.get("participants")
    if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        raise ProblemError(f"{owner}: participants must be a list of participant ids")
    weight = item.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise ProblemError(f"{owner}: weight must be a number, got {weight!r}")
    return Meeting(
        id=mid,
        participants=tuple(people),
        weight=float(weight),
        slot=_optional_str(item, "slot", owner),
        allowed_slots=_slot_set(item, "allowed_slots", owner),
    )


def _objective(item: Any) -> Objective:
    if not isinstance(item, dict):
        raise ProblemError("objective must be an object")
    try:
        idle = IdleMeasure(item.get("idle", IdleMeasure.SLOTS.value))
        scope = IdleScope(item.get("idle_scope", IdleScope.SESSION.value))
    except ValueError as error:
        raise ProblemError(f"objective: {error}") from error
    fairness = item.get("fairness")
    if fairness is not None and (isinstance(fairness, bool) or not isinstance(fairness, int)):
        raise ProblemError(f"objective: fairness must be an integer or null, got {fairness!r}")
    return Objective(
        idle=idle,
        idle_scope=scope,
        fairness=fairness,
        schedule_all=bool(item.get("schedule_all", False)),
    )


def problem_to_dict(problem: Problem) -> dict:
    """The JSON form of a problem (b2b-instance/1)."""
    objective = problem.objective
    return {
        "format": INSTANCE_FORMAT,
        "name": problem.name,
        "slots": [_drop_none(vars(slot)) for slot in problem.slots],
        "tables": [{"id": table.id} for table in problem.tables],
        "participants": [_participant_dict(p) for p in problem.participants],
        "meetings": [_meeting_dict(m) for m in problem.meetings],
        "objective": {
            "idle": objective.idle.value,
            "idle_scope": objective.idle_scope.value,
            "fairness": objective.fairness,
            "schedule_all": objective.schedule_all,
        },
    }


def _drop_none(item: dict) -> dict:
    return {key: value for key, value in item.items() if value is not None}


def _participant_dict(person: Participant) -> dict:
    return _drop_none(
        {
            "id": person.id,
            "organization": person.organization,
            "available": None if person.available is None else sorted(person.available),
            "max_meetings": person.max_meetings,
            "table": person.table,
        }
    )


def _meeting_dict(meeting: Meeting) -> dict:
    allowed = meeting.allowed_slots
    return _drop_none(
        {
            "id": meeting.id,
            "participants": list(meeting.participants),
            "weight": meeting.weight,
            "slot": meeting.slot,
            "allowed_slots": None if allowed is None else sorted(allowed),
        }
    )


def schedule_to_dict(schedule: Schedule) -> dict:
    """The JSON form of a schedule (b2b-solution/1)."""
    data: dict[str, Any] = {
        "format": SOLUTION_FORMAT,
        "status": schedule.status.value,
        "assignments": [vars(a).copy() for a in schedule.assignments],
        "unscheduled": [vars(u).copy() for u in schedule.unscheduled],
        "upper_bound": schedule.upper_bound,
        "stats": dict(schedule.stats),
    }
    if schedule.reason is not None:
        data["reason"] = schedule.reason
    return data


def schedule_from_dict(problem: Problem, data: Any) -> Schedule:
    """Read a previous solution of `problem`, ignoring meetings, slots and tables it lacks."""
    if not isinstance(data, dict):
        raise ProblemError("a solution must be a JSON object")
    meetings = {m.id for m in problem.meetings}
    slots = {s.id for s in problem.slots}
    tables = {t.id for t in problem.tables}
    assignments = []
    for item in data.get("assignments") or []:
        if not isinstance(item, dict):
            raise ProblemError("assignments must be objects")
        meeting, slot, table = item.get("meeting"), item.get("slot"), item.get("table")
        if meeting in meetings and slot in slots and table in tables:
            assignments.append(Assignment(meeting=meeting, slot=slot, table=table))
    unscheduled = tuple(
        Unscheduled(meeting=item["meeting"], reason=str(item.get("reason", "")))
        for item in data.get("unscheduled") or []
        if isinstance(item, dict) and item.get("meeting") in meetings
    )
    try:
        status = Status(data.get("status", Status.FEASIBLE.value))
    except ValueError as error:
        raise ProblemError(f"solution: {error}") from error
    bound = data.get("upper_bound")
    return Schedule(
        status=status,
        assignments=tuple(assignments),
        unscheduled=unscheduled,
        upper_bound=float(bound) if isinstance(bound, int | float) else None,
        reason=data.get("reason"),
    )
