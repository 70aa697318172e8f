import json
from pathlib import Path

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
