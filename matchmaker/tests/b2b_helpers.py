"""Shared helpers of the B2B tests: building instances and running the independent checker."""

import importlib.util
from pathlib import Path

from matchmaker.b2b import Problem, Schedule, problem_to_dict, schedule_to_dict

CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "b2b_check.py"


def _load_checker():
    spec = importlib.util.spec_from_file_location("b2b_check", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def independent_check(problem: Problem, schedule: Schedule) -> tuple[list[str], dict]:
    """Violations and figures according to the shared checker."""
    return _load_checker().check(problem_to_dict(problem), schedule_to_dict(schedule))


def instance(
    slots: int,
    tables: int,
    meetings: list,
    *,
    people: int | None = None,
    objective: dict | None = None,
    extra_people: dict | None = None,
) -> dict:
    """A b2b-instance/1 dict: slots s0.., tables T0.., people p0.., meetings m0.. from pairs."""
    count = people if people is not None else 1 + max(p for m in meetings for p in m)
    participants = [{"id": f"p{i}", **(extra_people or {}).get(i, {})} for i in range(count)]
    return {
        "format": "b2b-instance/1",
        "slots": [{"id": f"s{i}", "session": "day"} for i in range(slots)],
        "tables": [{"id": f"T{i}"} for i in range(tables)],
        "participants": participants,
        "meetings": [
            {"id": f"m{k}", "participants": [f"p{p}" for p in people_of]}
            for k, people_of in enumerate(meetings)
        ],
        "objective": objective or {},
    }
