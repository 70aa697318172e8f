import pytest

from matchmaker.b2b import Problem, Schedule, figures, problem_from_dict, solve
from matchmaker.b2b import solver as dispatcher
from matchmaker.b2b.baseline import first_fit
from matchmaker.b2b.generator import generate
from matchmaker.b2b.solver.bound import weight_bound
from matchmaker.b2b.solver.index import build_index
from matchmaker.bench.rescheduling import after_changes
from matchmaker.tests.b2b_helpers import independent_check, instance


def lp_bound(data: dict) -> float:
    return weight_bound(build_index(problem_from_dict(data)))


def test_bound_caps_a_person_by_the_slots_their_partners_share():
    # p0 is free all day, but the three people asking for p0 are only free in s0.
    data = instance(3, 5, [(0, 1), (0, 2), (0, 3)])
    for person in data["participants"][1:]:
        person["available"] = ["s0"]
    assert lp_bound(data) == pytest.approx(1.0)


def test_bound_caps_a_booth_by_its_slots():
    # Two colleagues share the booth T0: it hosts one meeting per slot between them.
    booth = {"organization": "o1", "table": "T0"}
    data = instance(2, 3, [(0, 2), (0, 3), (1, 4), (1, 5)], extra_people={0: booth, 1: booth})
    assert lp_bound(data) == pytest.approx(2.0)


# Small generated events that the exact path solves to a proved weight optimum; the last two
# have booths (home tables) and partial availability.
SMALL_EVENTS = [(24, 40, 6, 4, seed) for seed in range(4)] + [
    (40, 70, 6, 30, 0),
    (40, 70, 6, 30, 2),
]


@pytest.mark.parametrize("size", SMALL_EVENTS)
def test_bound_is_never_below_a_proved_optimum(size: tuple[int, int, int, int, int]):
    people, meetings, slots, tables, seed = size
    problem = generate(people, meetings, slots, tables, seed=seed)
    schedule = solve(problem, time_limit=5.0, seed=0)
    optimum = figures(problem, schedule).weight
    assert optimum == pytest.approx(schedule.upper_bound)
    assert weight_bound(build_index(problem)) >= optimum - 1e-6


@pytest.fixture
def large_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # The large path starts at a size the suite cannot afford; lower the threshold instead.
    monkeypatch.setattr(dispatcher, "EXACT_LIMIT", 0)
    monkeypatch.setattr(dispatcher, "SMALL_LIMIT", 0)


def checked(problem: Problem, schedule: Schedule) -> None:
    errors, _ = independent_check(problem, schedule)
    assert errors == []


@pytest.mark.usefixtures("large_path")
def test_large_path_beats_first_fit_on_a_generated_event():
    problem = generate(600, 2_400, 24, 120, seed=3)
    schedule = solve(problem, time_limit=20.0, seed=0)
    checked(problem, schedule)
    ours, baseline = figures(problem, schedule), figures(problem, first_fit(problem))
    assert schedule.upper_bound is not None
    assert ours.weight >= baseline.weight
    assert ours.weight >= 0.99 * schedule.upper_bound
    assert ours.idle <= 0.25 * baseline.idle
    assert solve(problem, time_limit=20.0, seed=0).assignments == schedule.assignments


def positions(schedule: Schedule) -> dict[str, tuple[str, str]]:
    return {a.meeting: (a.slot, a.table) for a in schedule.assignments}


@pytest.mark.usefixtures("large_path")
def test_large_path_keeps_unaffected_meetings_in_place():
    problem = generate(600, 2_400, 24, 120, seed=5)
    first = solve(problem, time_limit=20.0, seed=0)
    changed = after_changes(problem, seed=1)
    second = solve(changed, time_limit=20.0, seed=0, keep=first)
    checked(changed, second)
    before, after = positions(first), positions(second)
    unaffected = [m.id for m in changed.meetings if m.id in before]
    kept = sum(1 for m in unaffected if after.get(m) == before[m])
    assert kept / len(unaffected) >= 0.98
    assert figures(changed, second).weight >= figures(changed, first_fit(changed)).weight
