import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker.b2b import Status, figures, problem_from_dict, solve
from matchmaker.b2b.generator import generate
from matchmaker.b2b.solver.exact import solve_slots
from matchmaker.b2b.solver.index import build_index
from matchmaker.b2b.solver.quick import quick_slots
from matchmaker.b2b.solver.state import State
from matchmaker.tests.b2b_helpers import independent_check, instance


def idle_of(index, slot_of: dict[int, int]) -> int:
    state = State(index)
    for m, t in slot_of.items():
        state.place(m, t)
    return sum(state.idle(p) for p in range(len(index.person_ids)))


def test_a_chain_is_proved_by_the_quick_path_without_the_weight_phase():
    messages: list[str] = []
    problem = problem_from_dict(instance(4, 1, [(0, 1), (1, 2), (2, 3)]))
    schedule = solve(problem, time_limit=5.0, progress=messages.append)
    assert messages == [
        "quick phase: LP bound, then a schedule without idle time",
        "table phase: seating the meetings",
    ]
    assert schedule.status == Status.OPTIMAL
    assert schedule.upper_bound == 3.0


def test_a_fractional_lp_leaves_the_slots_to_the_exact_path():
    # Three people who all want to meet each other, one slot: the LP takes half of each.
    index = build_index(problem_from_dict(instance(1, 3, [(0, 1), (1, 2), (0, 2)])))
    assert quick_slots(index) is None


def test_a_pinned_meeting_stays_in_the_bound_and_the_schedule():
    # p0's heavier meeting with p2 (only free in s0) would win s0, but m0 is pinned there.
    data = instance(2, 2, [(0, 1), (0, 2)])
    data["meetings"][0]["slot"] = "s0"
    data["meetings"][1]["weight"] = 2
    data["participants"][2]["available"] = ["s0"]
    found = quick_slots(build_index(problem_from_dict(data)))
    assert found is not None
    assert (found.slot_of, found.weight) == ({0: 0}, 1.0)
    schedule = solve(problem_from_dict(data), time_limit=5.0)
    assert (schedule.status, schedule.upper_bound) == (Status.OPTIMAL, 1.0)


def test_meetings_that_cannot_avoid_idle_time_leave_the_slots_to_the_exact_path():
    # p0 is free in s0 and s2 only: their two meetings leave s1 idle.
    data = instance(3, 2, [(0, 1), (0, 2)])
    data["participants"][0]["available"] = ["s0", "s2"]
    assert quick_slots(build_index(problem_from_dict(data))) is None
    schedule = solve(problem_from_dict(data), time_limit=5.0)
    assert figures(problem_from_dict(data), schedule).idle == 1


def test_a_small_event_solved_by_the_quick_path_never_loads_cp_sat():
    script = (
        "import sys\n"
        "from matchmaker.b2b import solve\n"
        "from matchmaker.b2b.generator import generate\n"
        "schedule = solve(generate(120, 80, 8, 12, seed=3), time_limit=5.0)\n"
        "print(schedule.upper_bound, 'ortools.sat.python.cp_model' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "84.0 False"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_quick_slots_reach_the_cp_sat_optimum_with_no_idle_time(seed: int):
    index = build_index(generate(60, 45, 6, 8, seed=seed))
    found = quick_slots(index)
    assert found is not None
    exact = solve_slots(index, time_limit=5.0, seed=0, kept={}, progress=lambda _m: None)
    assert exact.is_optimal
    assert found.weight == sum(index.weights[m] for m in exact.slot_of)
    assert idle_of(index, found.slot_of) == 0


@st.composite
def small_events(draw):
    people = draw(st.integers(3, 7))
    slots = draw(st.integers(2, 4))
    pairs = draw(
        st.lists(st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)), max_size=9)
    )
    meetings = [(a, b) for a, b in pairs if a != b] or [(0, 1)]
    extra: dict[int, dict[str, object]] = {
        p: {"available": [f"s{t}" for t in range(slots) if draw(st.booleans())]}
        for p in range(people)
        if draw(st.booleans())
    }
    if draw(st.booleans()):
        extra.setdefault(0, {})["table"] = "T0"
    objective = {"idle": draw(st.sampled_from(["slots", "breaks"]))}
    return instance(slots, draw(st.integers(1, 3)), meetings, people=people,
                    objective=objective, extra_people=extra)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_whatever_the_quick_path_proves_cp_sat_cannot_beat(data):
    problem = problem_from_dict(data)
    index = build_index(problem)
    found = quick_slots(index)
    if found is None:
        return
    exact = solve_slots(index, time_limit=5.0, seed=0, kept={}, progress=lambda _m: None)
    assert found.weight >= sum(index.weights[m] for m in exact.slot_of) - 1e-9
    assert idle_of(index, found.slot_of) == 0
    schedule = solve(problem, time_limit=5.0)
    errors, _ = independent_check(problem, schedule)
    assert errors == []
