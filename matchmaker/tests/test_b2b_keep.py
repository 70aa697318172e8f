import random

from matchmaker.b2b import Problem, problem_from_dict, solve
from matchmaker.tests.b2b_helpers import independent_check, instance


def event(seed: int, people: int, meetings: int) -> dict:
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < meetings:
        a, b = rng.sample(range(people), 2)
        pairs.add((min(a, b), max(a, b)))
    return instance(10, 25, sorted(pairs), people=people)


def positions(schedule) -> dict[str, tuple[str, str]]:
    return {a.meeting: (a.slot, a.table) for a in schedule.assignments}


def test_rescheduling_keeps_unaffected_meetings_in_place():
    data = event(1, 60, 120)
    first = solve(problem_from_dict(data), time_limit=10.0)
    # 5 % of participants cancel, 2 % new meetings arrive.
    cancelled = {f"p{i}" for i in range(0, 60, 20)}
    data["meetings"] = [m for m in data["meetings"] if not cancelled & set(m["participants"])] + [
        {"id": f"new{k}", "participants": [f"p{k + 1}", f"p{k + 30}"]} for k in range(3)
    ]
    problem: Problem = problem_from_dict(data)
    second = solve(problem, time_limit=10.0, keep=first)
    errors, _ = independent_check(problem, second)
    assert errors == []
    before, after = positions(first), positions(second)
    unaffected = [m["id"] for m in data["meetings"] if m["id"] in before]
    kept = sum(1 for m in unaffected if after.get(m) == before[m])
    assert kept / len(unaffected) >= 0.98
    assert {"new0", "new1", "new2"} <= set(after)
