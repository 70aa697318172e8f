from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker.b2b import Status, check, figures, problem_from_dict, solve
from matchmaker.tests.b2b_helpers import independent_check, instance


def solved(data: dict, **options):
    problem = problem_from_dict(data)
    schedule = solve(problem, time_limit=5.0, **options)
    errors, _ = independent_check(problem, schedule)
    assert errors == []
    assert check(problem, schedule) == []
    return problem, schedule


def test_a_chain_of_meetings_is_scheduled_without_idle_time():
    problem, schedule = solved(instance(4, 1, [(0, 1), (1, 2), (2, 3)]))
    result = figures(problem, schedule)
    assert schedule.status == Status.OPTIMAL
    assert (result.scheduled, result.idle, result.table_changes) == (3, 0, 0)
    assert schedule.upper_bound == 3.0


def test_heavier_meeting_wins_the_only_slot():
    data = instance(1, 1, [(0, 1), (2, 3)])
    data["meetings"][1]["weight"] = 3
    _, schedule = solved(data)
    assert [a.meeting for a in schedule.assignments] == ["m1"]
    assert schedule.status == Status.OPTIMAL
    assert (
        schedule.unscheduled[0].reason
        == "every slot where p0 and p1 are both free is full (1 tables)"
    )


def test_cap_blocks_a_meeting_and_the_reason_names_the_person():
    data = instance(3, 2, [(0, 1), (0, 2)], extra_people={0: {"max_meetings": 1}})
    _, schedule = solved(data)
    assert len(schedule.assignments) == 1
    assert schedule.unscheduled[0].reason == "p0 already has 1 meetings, their maximum"


def test_unavailable_participant_is_named():
    data = instance(2, 1, [(0, 1)], extra_people={1: {"available": []}})
    _, schedule = solved(data)
    assert (
        schedule.unscheduled[0].reason == "p1 is not available in any slot allowed for this meeting"
    )


def test_busy_participants_are_named_with_their_booked_slots():
    data = instance(2, 3, [(0, 2), (1, 3), (0, 1)])
    data["meetings"][0]["slot"] = "s0"
    data["meetings"][1]["slot"] = "s1"
    _, schedule = solved(data)
    assert schedule.unscheduled[0].meeting == "m2"
    assert schedule.unscheduled[0].reason == (
        "p0 and p1 have no common free slot: p0 is booked in s0; p1 is booked in s1"
    )


def test_group_meeting_blocks_all_its_participants():
    problem, schedule = solved(instance(2, 2, [(0, 1, 2), (0, 3), (1, 3)]))
    assert figures(problem, schedule).scheduled == 2
    assert schedule.status == Status.OPTIMAL


def test_home_table_hosts_only_its_owners():
    data = instance(2, 2, [(0, 1), (2, 3), (0, 3)], extra_people={0: {"table": "T0"}})
    _, schedule = solved(data)
    table = {a.meeting: a.table for a in schedule.assignments}
    assert table["m0"] == "T0"
    assert table["m2"] == "T0"
    assert table["m1"] == "T1"


def test_pinned_and_allowed_slots_are_respected():
    data = instance(3, 1, [(0, 1), (2, 3)])
    data["meetings"][0]["slot"] = "s2"
    data["meetings"][1]["allowed_slots"] = ["s1"]
    _, schedule = solved(data)
    assert {(a.meeting, a.slot) for a in schedule.assignments} == {("m0", "s2"), ("m1", "s1")}


def test_schedule_all_that_cannot_hold_is_infeasible_with_a_reason():
    data = instance(1, 1, [(0, 1), (2, 3)], objective={"schedule_all": True})
    schedule = solve(problem_from_dict(data), time_limit=5.0)
    assert schedule.status == Status.INFEASIBLE
    assert schedule.reason == "2 meetings need a table but 1 slots of 1 tables hold only 1"


def test_two_meetings_pinned_on_one_person_are_infeasible():
    data = instance(2, 2, [(0, 1), (0, 2)])
    data["meetings"][0]["slot"] = "s0"
    data["meetings"][1]["slot"] = "s0"
    schedule = solve(problem_from_dict(data), time_limit=5.0)
    assert schedule.status == Status.INFEASIBLE
    assert schedule.reason == "p0 has two meetings pinned to s0 (m0 and m1)"


def test_breaks_are_minimised_with_fairness():
    # p0 meets in s0 and s2 only: one break is forced, and fairness 0 then fails.
    data = instance(
        3,
        1,
        [(0, 1), (0, 2)],
        extra_people={0: {"available": ["s0", "s2"]}},
        objective={"idle": "breaks", "idle_scope": "all", "schedule_all": True, "fairness": 1},
    )
    problem, schedule = solved(data)
    assert figures(problem, schedule).idle == 1
    assert schedule.status == Status.OPTIMAL
    data["objective"]["fairness"] = 0
    assert solve(problem_from_dict(data), time_limit=5.0).status == Status.INFEASIBLE


def test_idle_slots_are_counted_per_session():
    data = instance(4, 1, [(0, 1), (0, 2)], extra_people={0: {"available": ["s0", "s3"]}})
    data["slots"][2]["session"] = data["slots"][3]["session"] = "pm"
    problem, schedule = solved(data)
    assert figures(problem, schedule).idle == 0


def test_same_seed_gives_the_same_schedule():
    pairs = [(a, b) for a in range(6) for b in range(a + 1, 6) if (a + b) % 2]
    data = instance(6, 3, pairs)
    first = solve(problem_from_dict(data), time_limit=3.0, seed=7)
    second = solve(problem_from_dict(data), time_limit=3.0, seed=7)
    assert first.assignments == second.assignments


def test_progress_reports_the_phases():
    messages: list[str] = []
    solve(problem_from_dict(instance(2, 1, [(0, 1)])), time_limit=2.0, progress=messages.append)
    assert messages[-1] == "table phase: seating the meetings"


@st.composite
def small_instances(draw):
    people = draw(st.integers(2, 6))
    slots = draw(st.integers(1, 4))
    pairs = draw(
        st.lists(st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)), max_size=8)
    )
    meetings = [(a, b) for a, b in pairs if a != b]
    extra = {
        p: {"available": [f"s{t}" for t in range(slots) if draw(st.booleans())]}
        for p in range(people)
        if draw(st.booleans())
    }
    if draw(st.booleans()):
        extra.setdefault(0, {})["table"] = "T0"
    objective = {
        "idle": draw(st.sampled_from(["slots", "breaks"])),
        "idle_scope": draw(st.sampled_from(["session", "all"])),
        "fairness": draw(st.sampled_from([None, 1, 3])),
    }
    return instance(
        slots,
        draw(st.integers(1, 3)),
        meetings,
        people=people,
        objective=objective,
        extra_people=extra,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances())
def test_random_small_instances_pass_the_independent_checker(data):
    problem = problem_from_dict(data)
    schedule = solve(problem, time_limit=2.0)
    assert schedule.status in (Status.OPTIMAL, Status.FEASIBLE)
    errors, result = independent_check(problem, schedule)
    assert errors == []
    assert result["weight"] <= schedule.upper_bound + 1e-6
    assert all(u.reason for u in schedule.unscheduled)
