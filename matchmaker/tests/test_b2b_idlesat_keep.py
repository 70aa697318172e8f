"""The SAT idle phase with published slots: fewest moves first, then least idle, deterministic."""

from matchmaker.b2b import check, problem_from_dict, solve
from matchmaker.b2b.solver.idlesat import minimise_idle
from matchmaker.b2b.solver.index import build_index
from matchmaker.tests.b2b_helpers import instance
from matchmaker.tests.test_b2b_keep import event, positions


def test_keeping_every_published_slot_comes_before_idle_time():
    # p0's published agenda has a two-slot hole; closing it would move a published meeting.
    index = build_index(problem_from_dict(instance(4, 2, [(0, 1), (0, 2)])))
    result = minimise_idle(index, {0, 1}, 5.0, kept={0: 0, 1: 3})
    assert (result.slot_of, result.moves, result.idle, result.is_proved) == (
        {0: 0, 1: 3},
        0,
        2,
        True,
    )


def test_a_new_pin_moves_one_published_meeting_and_no_other():
    # m2 is pinned where m0 was published: m0 moves, m1 stays even though moving it too
    # would close p0's hole.
    data = instance(4, 2, [(0, 1), (0, 2), (0, 3)])
    data["meetings"][2]["slot"] = "s0"
    index = build_index(problem_from_dict(data))
    result = minimise_idle(index, {0, 1, 2}, 5.0, kept={0: 0, 1: 3})
    assert result.slot_of is not None
    assert (result.slot_of[1], result.slot_of[2], result.moves, result.idle) == (3, 0, 1, 1)
    assert result.slot_of[0] in (1, 2)
    assert result.is_proved is True


def test_without_published_slots_nothing_counts_as_moved():
    index = build_index(problem_from_dict(instance(4, 2, [(0, 1), (0, 2)])))
    result = minimise_idle(index, {0, 1}, 5.0)
    assert (result.moves, result.idle, result.is_proved) == (0, 0, True)


def test_rescheduling_with_published_slots_gives_the_same_schedule_every_time():
    data = event(3, 40, 80)
    first = solve(problem_from_dict(data), time_limit=5.0)
    data["meetings"] = [m for m in data["meetings"] if "p0" not in m["participants"]]
    data["meetings"].append({"id": "late", "participants": ["p1", "p2"]})
    problem = problem_from_dict(data)
    runs = [solve(problem, time_limit=5.0, keep=first) for _ in range(2)]
    assert positions(runs[0]) == positions(runs[1])
    assert check(problem, runs[0]) == []
    assert "late" in positions(runs[0])
