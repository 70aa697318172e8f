import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.b2b import check
from matchmaker.b2b.baseline import first_fit
from matchmaker.b2b.dzn import load_dzn
from matchmaker.b2b.generator import generate_preset
from matchmaker.b2b.io import problem_to_dict, schedule_to_dict
from matchmaker.b2b.model import (
    Assignment,
    Meeting,
    Participant,
    Problem,
    Schedule,
    Slot,
    Status,
    Table,
)
from matchmaker.bench.checker import CheckResult, run_checker

ANCHORS = Path("/work/shared/anchors/b2b")


def checked(problem: Problem, schedule: Schedule, folder: Path) -> CheckResult:
    instance, solution = folder / "instance.json", folder / "solution.json"
    instance.write_text(json.dumps(problem_to_dict(problem)))
    solution.write_text(json.dumps(schedule_to_dict(schedule)))
    return run_checker(instance, solution)


def small_problem() -> Problem:
    return Problem(
        slots=(Slot("s1", "am"), Slot("s2", "am"), Slot("s3", "am")),
        tables=(Table("booth"), Table("t1")),
        participants=(
            Participant("host", table="booth"),
            Participant("ann", available=frozenset({"s2", "s3"})),
            Participant("bob", max_meetings=1),
            Participant("cy"),
        ),
        meetings=(
            Meeting("m1", ("ann", "bob")),
            Meeting("m2", ("host", "cy")),
            Meeting("m3", ("bob", "cy")),
            Meeting("m4", ("cy", "ann"), slot="s3"),
        ),
    )


def test_first_fit_places_constrained_meetings_first_at_the_right_tables(tmp_path: Path) -> None:
    problem = small_problem()
    schedule = first_fit(problem)
    assert schedule.status is Status.FEASIBLE
    assert schedule.assignments == (
        Assignment("m1", "s2", "t1"),
        Assignment("m2", "s1", "booth"),
        Assignment("m4", "s3", "t1"),
    )
    assert [(u.meeting, u.reason) for u in schedule.unscheduled] == [
        ("m3", "bob already has max_meetings 1 meetings"),
    ]
    assert checked(problem, schedule, tmp_path).ok


def test_first_fit_names_the_participant_who_is_always_busy() -> None:
    problem = Problem(
        slots=(Slot("s1"),),
        tables=(Table("t1"), Table("t2")),
        participants=(Participant("a"), Participant("b"), Participant("c")),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("a", "c"))),
    )
    assert (
        first_fit(problem).unscheduled[0].reason
        == "no free slot: a is busy in 1 of the 1 open slots"
    )


def test_first_fit_on_cluster_day_passes_the_checker(tmp_path: Path) -> None:
    problem = generate_preset("cluster-day", seed=1)
    schedule = first_fit(problem)
    result = checked(problem, schedule, tmp_path)
    assert result.ok
    assert result.figures["scheduled"] == 295
    assert result.figures["weight"] == 347.0
    assert result.figures["idle"] == 67
    assert len(schedule.unscheduled) == 5


def test_first_fit_is_not_enough_for_the_published_benchmark() -> None:
    schedule = first_fit(load_dzn(ANCHORS / "original" / "tic-12.original.dzn"))
    assert schedule.status is Status.UNKNOWN
    assert schedule.reason is not None
    assert schedule.reason.startswith("first-fit breaks a hard rule: ")
    assert len(schedule.unscheduled) == 10  # of 125 meetings, all schedulable


@st.composite
def small_problems(draw: st.DrawFn) -> Problem:
    slot_ids = [f"s{i}" for i in range(draw(st.integers(1, 4)))]
    table_ids = [f"t{i}" for i in range(draw(st.integers(1, 3)))]
    slot_sets = st.frozensets(st.sampled_from(slot_ids), min_size=1)
    people = [
        Participant(
            f"p{i}",
            available=draw(st.none() | slot_sets),
            max_meetings=draw(st.none() | st.integers(0, 3)),
            table=draw(st.none() | st.sampled_from(table_ids)),
        )
        for i in range(draw(st.integers(2, 5)))
    ]
    names = [p.id for p in people]
    meetings = [
        Meeting(
            f"m{i}",
            tuple(draw(st.lists(st.sampled_from(names), min_size=2, max_size=3, unique=True))),
            weight=draw(st.sampled_from([1.0, 2.0])),
            slot=draw(st.none() | st.sampled_from(slot_ids)) if draw(st.booleans()) else None,
            allowed_slots=draw(st.none() | slot_sets),
        )
        for i in range(draw(st.integers(0, 8)))
    ]
    return Problem(
        slots=tuple(Slot(s, "am") for s in slot_ids),
        tables=tuple(Table(t) for t in table_ids),
        participants=tuple(people),
        meetings=tuple(meetings),
    )


@settings(max_examples=80, deadline=None)
@given(small_problems())
def test_first_fit_is_valid_or_says_which_rule_it_breaks(problem: Problem) -> None:
    schedule = first_fit(problem)
    listed = [a.meeting for a in schedule.assignments] + [u.meeting for u in schedule.unscheduled]
    assert sorted(listed) == sorted(m.id for m in problem.meetings)
    assert all(u.reason for u in schedule.unscheduled)
    if schedule.status is Status.FEASIBLE:
        assert check(problem, schedule) == []
    else:
        assert schedule.status is Status.UNKNOWN
        assert schedule.reason is not None
        assert "pinned meeting left unscheduled" in schedule.reason
        assert any(m.slot is not None for m in problem.meetings)
