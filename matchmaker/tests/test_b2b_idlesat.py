from matchmaker.b2b import Status, check, figures, problem_from_dict, solve
from matchmaker.b2b.solver.idlesat import idle_of, minimise_idle
from matchmaker.b2b.solver.index import build_index
from matchmaker.b2b.solver.lowerbound import fewest_runs, person_breaks
from matchmaker.tests.b2b_helpers import independent_check, instance

BREAKS = {"idle": "breaks", "idle_scope": "all", "schedule_all": True}


def test_fewest_runs_fills_the_longest_stretches():
    assert fewest_runs([1, 1, 0, 1, 1, 1], 3) == 1
    assert fewest_runs([1, 1, 0, 1, 1, 1], 4) == 2


def test_fewest_runs_may_fill_a_gap_between_pins():
    assert fewest_runs([2, 1, 2], 2) == 1
    assert fewest_runs([2, 0, 2], 2) == 2
    assert fewest_runs([2, 0, 0], 2) >= 10**9


def test_a_person_available_around_a_hole_has_one_break_at_least():
    data = instance(3, 2, [(0, 1), (0, 2)], objective=BREAKS)
    data["participants"][0]["available"] = ["s0", "s2"]
    index = build_index(problem_from_dict(data))
    assert person_breaks(index, 0, {0, 1}) == 1
    assert person_breaks(index, 1, {0, 1}) == 0


def test_a_triangle_on_one_table_has_one_break_above_the_structural_bound():
    index = build_index(problem_from_dict(instance(3, 1, [(0, 1), (0, 2), (1, 2)])))
    placed = {0, 1, 2}
    assert sum(person_breaks(index, p, placed) for p in range(3)) == 0
    result = minimise_idle(index, placed, 5.0)
    assert (result.idle, result.is_proved) == (1, True)
    assert idle_of(index, result.slot_of) == 1


def test_fairness_that_cannot_hold_is_proved_infeasible():
    data = instance(3, 2, [(0, 1), (0, 2)], people=4, objective={**BREAKS, "fairness": 0})
    data["participants"][0]["available"] = ["s0", "s2"]
    problem = problem_from_dict(data)
    result = minimise_idle(build_index(problem), {0, 1}, 5.0)
    assert (result.slot_of, result.is_proved) == (None, True)
    assert solve(problem, time_limit=5.0).status == Status.INFEASIBLE


def test_the_solver_reaches_the_forced_breaks_and_proves_them():
    # p0 meets four people but is free only around two holes: two breaks, nothing better.
    data = instance(6, 2, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2)], objective=BREAKS)
    data["participants"][0]["available"] = ["s0", "s2", "s4", "s5"]
    problem = problem_from_dict(data)
    schedule = solve(problem, time_limit=5.0)
    errors, result = independent_check(problem, schedule)
    assert errors == []
    assert check(problem, schedule) == []
    assert result["idle"] == 2
    assert figures(problem, schedule).idle == 2
    assert schedule.status in (Status.OPTIMAL, Status.FEASIBLE)
