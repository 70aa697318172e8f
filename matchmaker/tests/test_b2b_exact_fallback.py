"""The exact path when CP-SAT stops before its first schedule: first-fit's, if it is valid."""

import pytest
from ortools.sat.python import cp_model

from matchmaker.b2b import Status, check, figures, problem_from_dict, solve
from matchmaker.b2b.baseline import first_fit
from matchmaker.b2b.solver import cpsat
from matchmaker.tests.b2b_helpers import independent_check, instance

# Six people in a ring, one meeting per neighbour pair, two slots: each person meets twice, so
# fairness is no mere cap and the idle phase goes to CP-SAT without SAT before it.
RING = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0)]
# The same ring listed so that first-fit puts two opposite meetings in the first slot, after
# which the ring cannot be closed in two slots: first-fit misses schedule_all.
RING_ACROSS = [(0, 1), (3, 4), (1, 2), (2, 3), (4, 5), (5, 0)]
EVERYTHING_FAIRLY = {"schedule_all": True, "fairness": 0}


def stopped_at_once(seconds: float, seed: int) -> cp_model.CpSolver:
    """A CP-SAT solver whose deterministic limit ends it before its first schedule."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = 1e-9
    return solver


@pytest.fixture
def cp_sat_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpsat, "new_solver", stopped_at_once)


def test_schedule_all_falls_back_to_first_fit_when_cp_sat_finds_nothing(cp_sat_finds_nothing):
    problem = problem_from_dict(instance(2, 3, RING, objective=EVERYTHING_FAIRLY))
    schedule = solve(problem, time_limit=5.0)
    assert schedule.status == Status.FEASIBLE
    # First-fit's slots, which no clock decides: the same answer on every run.
    assert [a.slot for a in schedule.assignments] == ["s0", "s1", "s0", "s1", "s0", "s1"]
    assert schedule.unscheduled == ()
    assert schedule.upper_bound == 6.0
    assert check(problem, schedule) == []
    assert independent_check(problem, schedule)[0] == []
    assert figures(problem, schedule).idle == 0


def test_weight_phase_falls_back_to_first_fit_when_cp_sat_finds_nothing(cp_sat_finds_nothing):
    # p0 cannot meet in s1, so p0 idles one slot: the quick path leaves it to the exact path.
    data = instance(3, 1, [(0, 1), (0, 2)], objective={"fairness": 1})
    data["participants"][0]["available"] = ["s0", "s2"]
    problem = problem_from_dict(data)
    schedule = solve(problem, time_limit=5.0)
    assert schedule.status == Status.FEASIBLE
    assert [(a.meeting, a.slot) for a in schedule.assignments] == [("m0", "s0"), ("m1", "s2")]
    assert schedule.unscheduled == ()
    assert schedule.upper_bound == 2.0
    assert check(problem, schedule) == []
    assert independent_check(problem, schedule)[0] == []


def test_without_a_complete_first_fit_the_time_limit_still_ends_in_unknown(cp_sat_finds_nothing):
    problem = problem_from_dict(instance(2, 3, RING_ACROSS, objective=EVERYTHING_FAIRLY))
    assert first_fit(problem).status == Status.UNKNOWN
    schedule = solve(problem, time_limit=5.0)
    assert schedule.status == Status.UNKNOWN
    assert schedule.assignments == ()
    assert schedule.reason == "the time limit ran out before a schedule was found"
    assert len(schedule.unscheduled) == 6


def test_a_ring_first_fit_cannot_close_is_still_scheduled_by_cp_sat():
    problem = problem_from_dict(instance(2, 3, RING_ACROSS, objective=EVERYTHING_FAIRLY))
    schedule = solve(problem, time_limit=5.0)
    assert len(schedule.assignments) == 6
    assert check(problem, schedule) == []
