import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker.b2b import Schedule, Status, problem_from_dict, solve
from matchmaker.b2b.reasons import Cause, CauseCode, Constraint, explain
from matchmaker.tests.b2b_helpers import instance


def solved(data: dict) -> tuple:
    problem = problem_from_dict(data)
    return problem, solve(problem, time_limit=5.0)


def test_a_full_slot_is_explained_by_its_tables():
    data = instance(1, 1, [(0, 1), (2, 3)])
    data["meetings"][1]["weight"] = 3
    problem, schedule = solved(data)
    cause = explain(problem, schedule).meetings["m0"]
    assert cause == Cause(CauseCode.SLOTS_FULL, participants=("p0", "p1"), table_count=1)
    assert cause.text == "every slot where p0 and p1 are both free is full (1 tables)"


def test_booked_participants_are_named_with_their_slots_as_details():
    data = instance(2, 3, [(0, 2), (1, 3), (0, 1)])
    data["meetings"][0]["slot"] = "s0"
    data["meetings"][1]["slot"] = "s1"
    problem, schedule = solved(data)
    explanation = explain(problem, schedule)
    assert explanation.schedule is None
    assert explanation.meetings == {
        "m2": Cause(
            CauseCode.NO_COMMON_FREE_SLOT,
            participants=("p0", "p1"),
            details=(
                Cause(CauseCode.BOOKED, participants=("p0",), spans=(("s0", "s0"),)),
                Cause(CauseCode.BOOKED, participants=("p1",), spans=(("s1", "s1"),)),
            ),
        )
    }
    assert explanation.meetings["m2"].text == schedule.unscheduled[0].reason


def test_consecutive_slots_are_one_span():
    cause = Cause(
        CauseCode.HEAVIER_MEETINGS, participants=("a", "b", "c"), spans=(("s1", "s4"), ("s7", "s7"))
    )
    assert cause.text == (
        "a, b and c are free in s1..s4, s7, but placing it there would move meetings of higher "
        "total weight; the search found no better schedule"
    )


def test_a_participant_at_their_maximum_is_named_with_the_count():
    data = instance(3, 2, [(0, 1), (0, 2)], extra_people={0: {"max_meetings": 1}})
    problem, schedule = solved(data)
    (cause,) = explain(problem, schedule).meetings.values()
    assert cause == Cause(CauseCode.AT_MAXIMUM, participants=("p0",), count=1)
    assert cause.text == "p0 already has 1 meetings, their maximum"


def test_an_unavailable_participant_is_named():
    data = instance(2, 1, [(0, 1)], extra_people={1: {"available": []}})
    problem, schedule = solved(data)
    cause = explain(problem, schedule).meetings["m0"]
    assert cause == Cause(CauseCode.UNAVAILABLE_IN_ALLOWED_SLOTS, participants=("p1",))
    assert cause.text == schedule.unscheduled[0].reason


def test_a_table_shortage_explains_an_infeasible_schedule_and_each_meeting():
    data = instance(1, 1, [(0, 1), (2, 3)], objective={"schedule_all": True})
    problem, schedule = solved(data)
    explanation = explain(problem, schedule)
    shortage = Cause(CauseCode.TABLE_SHORTAGE, count=2, slot_count=1, table_count=1)
    assert explanation.schedule == shortage
    assert shortage.text == schedule.reason
    assert explanation.meetings["m1"] == Cause(CauseCode.NO_SCHEDULE, details=(shortage,))
    assert explanation.meetings["m1"].text == schedule.unscheduled[1].reason


def test_two_pins_on_one_person_name_both_meetings():
    data = instance(2, 2, [(0, 1), (0, 2)])
    data["meetings"][0]["slot"] = "s0"
    data["meetings"][1]["slot"] = "s0"
    problem, schedule = solved(data)
    cause = explain(problem, schedule).schedule
    assert cause == Cause(
        CauseCode.TWO_PINS, participants=("p0",), slots=("s0",), meetings=("m0", "m1")
    )
    assert cause.text == schedule.reason == "p0 has two meetings pinned to s0 (m0 and m1)"


def test_an_impossible_pinned_meeting_wraps_why_it_has_no_slot():
    data = instance(2, 1, [(0, 1)], extra_people={1: {"available": ["s1"]}})
    data["meetings"][0]["slot"] = "s0"
    problem, schedule = solved(data)
    cause = explain(problem, schedule).schedule
    assert cause == Cause(
        CauseCode.MEETING_IMPOSSIBLE,
        meetings=("m0",),
        details=(Cause(CauseCode.UNAVAILABLE_IN_PINNED_SLOT, participants=("p1",), slots=("s0",)),),
    )
    assert (
        cause.text
        == schedule.reason
        == ("meeting m0 cannot be scheduled: p1 is not available in s0")
    )


def test_a_proved_clash_lists_the_hard_rules_involved():
    data = instance(
        3,
        1,
        [(0, 1), (0, 2)],
        extra_people={0: {"available": ["s0", "s2"]}},
        objective={"idle": "breaks", "idle_scope": "all", "schedule_all": True, "fairness": 0},
    )
    problem, schedule = solved(data)
    cause = explain(problem, schedule).schedule
    assert cause == Cause(
        CauseCode.CONSTRAINTS_CLASH,
        constraints=(Constraint.SCHEDULE_ALL, Constraint.FAIRNESS, Constraint.CAPACITY),
        limit=0,
    )
    assert cause.text == schedule.reason


def test_the_time_limit_is_the_cause_of_an_unknown_schedule():
    problem = problem_from_dict(instance(1, 1, [(0, 1)]))
    unknown = Schedule(status=Status.UNKNOWN, assignments=(), unscheduled=())
    explanation = explain(problem, unknown)
    assert explanation.schedule == Cause(CauseCode.TIME_LIMIT)
    assert explanation.schedule.text == "the time limit ran out before a schedule was found"


@pytest.mark.parametrize(
    ("slots", "tables", "meetings", "extra", "pins", "expected"),
    [
        (
            2,
            2,
            [(0, 1), (0, 2)],
            {0: {"max_meetings": 1}},
            {},
            Cause(CauseCode.OVER_MAXIMUM, participants=("p0",), count=2, limit=1),
        ),
        (
            1,
            2,
            [(0, 1), (0, 2)],
            {},
            {},
            Cause(CauseCode.TOO_FEW_SLOTS, participants=("p0",), count=2, slot_count=1),
        ),
        (
            2,
            1,
            [(0, 1), (2, 3)],
            {},
            {0: "s0", 1: "s0"},
            Cause(CauseCode.PINS_OVER_TABLES, count=2, slots=("s0",), table_count=1),
        ),
        (
            1,
            2,
            [(0, 1), (2, 3)],
            {0: {"table": "T0"}, 2: {"table": "T0"}},
            {},
            Cause(CauseCode.HOME_TABLE_OVERLOAD, tables=("T0",), count=2, slot_count=1),
        ),
    ],
)
def test_plain_conflicts_give_the_solvers_reason(slots, tables, meetings, extra, pins, expected):
    data = instance(slots, tables, meetings, extra_people=extra, objective={"schedule_all": True})
    for meeting, slot in pins.items():
        data["meetings"][meeting]["slot"] = slot
    problem, schedule = solved(data)
    assert schedule.status == Status.INFEASIBLE
    assert explain(problem, schedule).schedule == expected
    assert expected.text == schedule.reason


@st.composite
def small_instances(draw):
    people = draw(st.integers(2, 6))
    slots = draw(st.integers(1, 4))
    pairs = draw(
        st.lists(st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)), max_size=8)
    )
    meetings = [(a, b) for a, b in pairs if a != b]
    extra: dict[int, dict[str, object]] = {
        p: {"available": [f"s{t}" for t in range(slots) if draw(st.booleans())]}
        for p in range(people)
        if draw(st.booleans())
    }
    for p in range(people):
        if draw(st.booleans()):
            extra.setdefault(p, {})["max_meetings"] = draw(st.integers(0, 2))
    if draw(st.booleans()):
        extra.setdefault(0, {})["table"] = "T0"
    objective = {
        "fairness": draw(st.sampled_from([None, 1])),
        "schedule_all": draw(st.booleans()),
    }
    data = instance(
        slots,
        draw(st.integers(1, 3)),
        meetings,
        people=people,
        objective=objective,
        extra_people=extra,
    )
    for meeting in data["meetings"]:
        if draw(st.booleans()):
            meeting["slot"] = f"s{draw(st.integers(0, slots - 1))}"
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances())
def test_every_cause_words_exactly_what_the_solver_wrote(data):
    problem = problem_from_dict(data)
    schedule = solve(problem, time_limit=2.0)
    explanation = explain(problem, schedule)
    assert {meeting: cause.text for meeting, cause in explanation.meetings.items()} == {
        u.meeting: u.reason for u in schedule.unscheduled
    }
    if schedule.status in (Status.INFEASIBLE, Status.UNKNOWN):
        assert explanation.schedule is not None
        assert explanation.schedule.text == schedule.reason
    else:
        assert explanation.schedule is None
