import json

import pytest

from matchmaker.b2b import (
    Assignment,
    ProblemError,
    Schedule,
    Status,
    load_problem,
    problem_from_dict,
    problem_to_dict,
    schedule_from_dict,
    schedule_to_dict,
)
from matchmaker.tests.b2b_helpers import instance


def base() -> dict:
    return instance(3, 2, [(0, 1), (1, 2)])


def test_round_trip_keeps_every_field():
    data = base()
    data["participants"][0].update(available=["s0", "s1"], max_meetings=2, table="T1")
    data["meetings"][0].update(weight=2.5, slot="s1", allowed_slots=["s1", "s2"])
    data["objective"] = {"idle": "breaks", "idle_scope": "all", "fairness": 2, "schedule_all": True}
    problem = problem_from_dict(data)
    assert problem_from_dict(problem_to_dict(problem)) == problem
    assert problem.participants[0].available == frozenset({"s0", "s1"})
    assert problem.meetings[0].weight == 2.5
    assert problem.objective.fairness == 2


def test_load_problem_reads_a_file(tmp_path):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(base()), encoding="utf-8")
    assert len(load_problem(path).meetings) == 2


def test_malformed_json_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProblemError, match=r"malformed JSON in .*broken\.json"):
        load_problem(path)


def mutate(change) -> dict:
    data = base()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["meetings"][0].update(participants=["p0", "p9"]), "unknown participant 'p9'"),
        (lambda d: d["meetings"][0].update(participants=["p0"]), "m0: needs at least two"),
        (lambda d: d["meetings"][0].update(slot="s9"), "m0: pinned to unknown slot 's9'"),
        (lambda d: d["meetings"][1].update(id="m0"), "duplicate meeting id 'm0'"),
        (lambda d: d["slots"].append({"id": "s0"}), "duplicate slot id 's0'"),
        (lambda d: d["tables"].append({"id": "T0"}), "duplicate table id 'T0'"),
        (lambda d: d["participants"].append({"id": "p1"}), "duplicate participant id 'p1'"),
        (lambda d: d["meetings"][0].update(allowed_slots=["s7"]), "unknown allowed slot 's7'"),
        (lambda d: d["participants"][1].update(table="T8"), "p1: unknown home table 'T8'"),
        (lambda d: d["participants"][1].update(available=["s5"]), "unknown available slot 's5'"),
        (lambda d: d["meetings"][0].update(weight=0), "m0: weight must be positive"),
        (lambda d: d["meetings"][0].update(weight=-1), "m0: weight must be positive"),
        (lambda d: d["meetings"][0].update(weight="high"), "m0: weight must be a number"),
        (lambda d: d["meetings"][0].update(weight=True), "m0: weight must be a number"),
        (lambda d: d["meetings"][0].update(participants=["p0", "p0"]), "listed twice"),
        (lambda d: d["participants"][0].update(max_meetings="3"), "max_meetings must be an int"),
        (lambda d: d.update(objective={"idle": "minutes"}), "objective"),
        (lambda d: d.update(objective={"fairness": -1}), "fairness must not be negative"),
        (lambda d: d.update(format="b2b-instance/9"), "unsupported format"),
        (lambda d: d.update(meetings={}), "meetings must be a list"),
    ],
)
def test_bad_input_is_refused_with_the_item_named(change, message):
    with pytest.raises(ProblemError, match=message):
        problem_from_dict(mutate(change))


def test_schedule_round_trip_and_unknown_meetings_are_ignored():
    problem = problem_from_dict(base())
    schedule = Schedule(
        status=Status.FEASIBLE,
        assignments=(Assignment(meeting="m0", slot="s0", table="T0"),),
        unscheduled=(),
        upper_bound=2.0,
    )
    data = schedule_to_dict(schedule)
    assert data["format"] == "b2b-solution/1"
    data["assignments"].append({"meeting": "m99", "slot": "s0", "table": "T1"})
    again = schedule_from_dict(problem, data)
    assert again.assignments == schedule.assignments
    assert again.upper_bound == 2.0
