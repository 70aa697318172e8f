from collections import Counter
from itertools import product

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pysat.solvers import Solver

from matchmaker.b2b import Status, check, figures, problem_from_dict, solve
from matchmaker.b2b.solver.idlesat import idle_of, minimise_idle
from matchmaker.b2b.solver.index import build_index
from matchmaker.b2b.solver.lowerbound import fewest_runs, person_breaks
from matchmaker.b2b.solver.satformula import build_formula
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


def _brute_force_idle(index, placed: list[int]) -> int | None:
    """The least idle time over every complete placement, by enumeration (tiny instances)."""
    best = None
    for slots in product(*(index.candidates[m] for m in placed)):
        slot_of = dict(zip(placed, slots, strict=True))
        if _is_feasible(index, slot_of):
            idle = idle_of(index, slot_of)
            best = idle if best is None else min(best, idle)
    return best


def _is_feasible(index, slot_of: dict[int, int]) -> bool:
    seen = {(p, t) for m, t in slot_of.items() for p in index.members[m]}
    per_slot = Counter(slot_of.values())
    people = sum(len(index.members[m]) for m in slot_of)
    return len(seen) == people and max(per_slot.values()) <= len(index.free_tables)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    slots=st.integers(3, 5),
    tables=st.integers(1, 2),
    pairs=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=2, max_size=6),
    measure=st.sampled_from(["breaks", "slots"]),
    holes=st.sets(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=4),
)
def test_the_idle_optimum_matches_enumeration(slots, tables, pairs, measure, holes):
    meetings = [(a, b) for a, b in pairs if a != b]
    assume(meetings)
    data = instance(slots, tables, meetings, people=5, objective={"idle": measure})
    for p, t in holes:
        if t < slots:
            person = data["participants"][p]
            person["available"] = [s for s in person.get("available", _all(slots)) if s != f"s{t}"]
    index = build_index(problem_from_dict(data))
    placed = list(range(index.meeting_count))
    expected = _brute_force_idle(index, placed)
    result = minimise_idle(index, set(placed), 5.0)
    if expected is None:
        assert (result.slot_of, result.is_proved) == (None, True)
    else:
        assert (result.idle, result.is_proved) == (expected, True)
        assert _is_feasible(index, result.slot_of)


def _all(slots: int) -> list[str]:
    return [f"s{t}" for t in range(slots)]


def test_a_person_without_their_idle_flag_meets_in_one_block():
    # p0 meets three people in five slots: with the flag off, only the three blocks remain.
    data = instance(5, 2, [(0, 1), (0, 2), (0, 3)], objective=BREAKS)
    index = build_index(problem_from_dict(data))
    formula = build_formula(index, {0, 1, 2})
    flag = formula.flags[0]
    solver = Solver(name="cadical195", bootstrap_with=[*formula.clauses, [-flag]])
    rows = {tuple(sorted(formula.slots_of(model).values())) for model in solver.enum_models()}
    assert rows == {(0, 1, 2), (1, 2, 3), (2, 3, 4)}
