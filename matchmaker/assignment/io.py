"""Read and write the JSON exchange format (assignment-instance/1, assignment-solution/1)."""

import json
import math
from pathlib import Path
from typing import Any

from matchmaker.assignment.model import (
    Affinity,
    Conflict,
    Expert,
    Instance,
    InstanceError,
    LockedPair,
    Project,
    Solution,
)
from matchmaker.assignment.validate import check_instance

INSTANCE_FORMAT = "assignment-instance/1"
SOLUTION_FORMAT = "assignment-solution/1"

_MISSING = object()


def load_instance(path: str | Path) -> Instance:
    """Read, parse and check an instance file; InstanceError names what is wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InstanceError(f"cannot read {path}: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(f"{path}: malformed JSON: {error}") from error
    return instance_from_dict(data)


def instance_from_dict(data: Any) -> Instance:
    """Build and check an Instance from the decoded JSON form."""
    if not isinstance(data, dict):
        raise InstanceError("instance: expected a JSON object")
    declared_format = data.get("format", INSTANCE_FORMAT)
    if declared_format != INSTANCE_FORMAT:
        raise InstanceError(f"format {declared_format!r}: expected {INSTANCE_FORMAT!r}")
    instance = Instance(
        experts=tuple(_expert(item, f"experts[{i}]") for i, item in _items(data, "experts")),
        projects=tuple(_project(item, f"projects[{i}]") for i, item in _items(data, "projects")),
        affinities=tuple(
            _affinity(item, f"affinities[{i}]") for i, item in _items(data, "affinities")
        ),
        conflicts=tuple(
            _conflict(item, f"conflicts[{i}]") for i, item in _items(data, "conflicts")
        ),
        locked=tuple(_locked(item, f"locked[{i}]") for i, item in _items(data, "locked")),
    )
    check_instance(instance)
    return instance


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    """Return the JSON form of an instance."""
    return {
        "format": INSTANCE_FORMAT,
        "experts": [
            {"id": e.id, "organisations": list(e.organisations), "capacity": e.capacity}
            for e in instance.experts
        ],
        "projects": [
            {"id": p.id, "organisations": list(p.organisations), "experts_needed": p.experts_needed}
            for p in instance.projects
        ],
        "affinities": [
            {"expert": a.expert, "project": a.project, "score": a.score}
            for a in instance.affinities
        ],
        "conflicts": [
            {"expert": c.expert, "project": c.project, "reason": c.reason}
            for c in instance.conflicts
        ],
        "locked": [{"expert": lock.expert, "project": lock.project} for lock in instance.locked],
    }


def solution_to_dict(solution: Solution) -> dict[str, Any]:
    """Return the JSON form of a solution."""
    return {
        "format": SOLUTION_FORMAT,
        "assignments": [
            {"expert": a.expert, "project": a.project, "score": a.score}
            for a in solution.assignments
        ],
        "unfilled": [
            {"project": u.project, "missing": u.missing, "reason": u.reason}
            for u in solution.unfilled
        ],
        "total_score": solution.total_score,
        "upper_bound": solution.upper_bound,
    }


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise InstanceError(f"{key}: expected a list")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise InstanceError(f"{key}[{index}]: expected an object")
    return list(enumerate(items))


def _get(item: dict[str, Any], key: str, kind: type, where: str, default: Any = _MISSING) -> Any:
    value = item.get(key, default)
    if value is _MISSING:
        raise InstanceError(f"{where}: missing {key!r}")
    # bool is an int in Python, but `"capacity": true` is a mistake in the file.
    if isinstance(value, bool) or not isinstance(value, kind):
        raise InstanceError(f"{where}: {key!r} must be {kind.__name__}, not {value!r}")
    return value


def _id(item: dict[str, Any], key: str, where: str) -> str:
    value: str = _get(item, key, str, where)
    if not value:
        raise InstanceError(f"{where}: empty {key!r}")
    return value


def _organisations(item: dict[str, Any], where: str) -> tuple[str, ...]:
    organisations = _get(item, "organisations", list, where, [])
    if not all(isinstance(org, str) for org in organisations):
        raise InstanceError(f"{where}: organisations must be strings")
    return tuple(organisations)


def _expert(item: dict[str, Any], where: str) -> Expert:
    where = f"{where} ({item.get('id')!r})"
    return Expert(
        id=_id(item, "id", where),
        organisations=_organisations(item, where),
        capacity=_get(item, "capacity", int, where),
    )


def _project(item: dict[str, Any], where: str) -> Project:
    where = f"{where} ({item.get('id')!r})"
    return Project(
        id=_id(item, "id", where),
        organisations=_organisations(item, where),
        experts_needed=_get(item, "experts_needed", int, where, 1),
    )


def _affinity(item: dict[str, Any], where: str) -> Affinity:
    score = item.get("score", _MISSING)
    if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
        raise InstanceError(f"{where}: score {score!r} is not a number in [0, 1]")
    return Affinity(_id(item, "expert", where), _id(item, "project", where), float(score))


def _conflict(item: dict[str, Any], where: str) -> Conflict:
    reason = _get(item, "reason", str, where, "declared")
    return Conflict(_id(item, "expert", where), _id(item, "project", where), reason)


def _locked(item: dict[str, Any], where: str) -> LockedPair:
    return LockedPair(_id(item, "expert", where), _id(item, "project", where))
