import json

import pytest

from matchmaker.assignment.io import (
    instance_from_dict,
    instance_to_dict,
    load_instance,
    solution_to_dict,
)
from matchmaker.assignment.model import (
    Affinity,
    Assignment,
    Conflict,
    Expert,
    InstanceError,
    LockedPair,
    Project,
    Solution,
    Unfilled,
)


def valid():
    return {
        "format": "assignment-instance/1",
        "experts": [
            {"id": "e01", "organisations": ["o17"], "capacity": 6},
            {"id": "e02", "organisations": [], "capacity": 4},
        ],
        "projects": [
            {"id": "p001", "organisations": ["o03"], "experts_needed": 3},
            {"id": "p002", "organisations": ["o17"]},
        ],
        "affinities": [{"expert": "e01", "project": "p001", "score": 0.82}],
        "conflicts": [{"expert": "e02", "project": "p001", "reason": "declared"}],
        "locked": [{"expert": "e02", "project": "p002"}],
    }


def test_it_reads_every_field_of_the_format():
    instance = instance_from_dict(valid())
    assert instance.experts == (Expert("e01", ("o17",), 6), Expert("e02", (), 4))
    assert instance.projects == (Project("p001", ("o03",), 3), Project("p002", ("o17",), 1))
    assert instance.affinities == (Affinity("e01", "p001", 0.82),)
    assert instance.conflicts == (Conflict("e02", "p001", "declared"),)
    assert instance.locked == (LockedPair("e02", "p002"),)


def test_an_instance_survives_a_round_trip():
    instance = instance_from_dict(valid())
    assert instance_from_dict(json.loads(json.dumps(instance_to_dict(instance)))) == instance


def test_a_solution_is_written_in_the_exchange_format():
    reason = "only 1 expert free of conflicts of interest"
    solution = Solution(
        assignments=(Assignment("e01", "p001", 0.82),),
        unfilled=(Unfilled("p001", 2, reason),),
        total_score=0.82,
        upper_bound=0.82,
    )
    assert solution_to_dict(solution) == {
        "format": "assignment-solution/1",
        "assignments": [{"expert": "e01", "project": "p001", "score": 0.82}],
        "unfilled": [{"project": "p001", "missing": 2, "reason": reason}],
        "total_score": 0.82,
        "upper_bound": 0.82,
    }


def broken(change):
    data = valid()
    change(data)
    return data


BAD_INSTANCES = {
    "unknown expert": (
        lambda d: d["affinities"].append({"expert": "e99", "project": "p001", "score": 0.1}),
        "affinity e99 -> p001: unknown expert",
    ),
    "unknown project": (
        lambda d: d["conflicts"].append({"expert": "e01", "project": "p999"}),
        "conflict e01 -> p999: unknown project",
    ),
    "duplicate expert": (
        lambda d: d["experts"].append({"id": "e01", "capacity": 1}),
        "duplicate expert id 'e01'",
    ),
    "duplicate project": (
        lambda d: d["projects"].append({"id": "p002"}),
        "duplicate project id 'p002'",
    ),
    "score above one": (
        lambda d: d["affinities"].append({"expert": "e02", "project": "p002", "score": 1.5}),
        "affinity e02 -> p002: score 1.5 outside [0, 1]",
    ),
    "negative score": (
        lambda d: d["affinities"].append({"expert": "e02", "project": "p002", "score": -0.1}),
        "affinity e02 -> p002: score -0.1 outside [0, 1]",
    ),
    "score not a number": (
        lambda d: d["affinities"][0].update(score="high"),
        "affinities[0]: score 'high' is not a number in [0, 1]",
    ),
    "affinity twice": (
        lambda d: d["affinities"].append({"expert": "e01", "project": "p001", "score": 0.5}),
        "affinity e01 -> p001 given twice",
    ),
    "locked declared conflict": (
        lambda d: d["locked"].append({"expert": "e02", "project": "p001"}),
        "locked pair e02 -> p001 is a declared conflict",
    ),
    "locked shared organisation": (
        lambda d: d["locked"].append({"expert": "e01", "project": "p002"}),
        "locked pair e01 -> p002 is a conflict: shares organisation ['o17']",
    ),
    "locked over capacity": (
        lambda d: d["experts"][1].update(capacity=0),
        "expert e02: 1 locked pairs exceed capacity 0",
    ),
    "locked over experts needed": (
        lambda d: d["projects"][1].update(experts_needed=0),
        "project p002: 1 locked pairs exceed experts_needed 0",
    ),
    "negative capacity": (
        lambda d: d["experts"][0].update(capacity=-1),
        "expert e01: negative capacity -1",
    ),
    "negative experts needed": (
        lambda d: d["projects"][0].update(experts_needed=-2),
        "project p001: negative experts_needed -2",
    ),
    "capacity as text": (
        lambda d: d["experts"][0].update(capacity="6"),
        "experts[0] ('e01'): 'capacity' must be int, not '6'",
    ),
    "missing capacity": (
        lambda d: d["experts"][0].pop("capacity"),
        "experts[0] ('e01'): missing 'capacity'",
    ),
    "project not an object": (
        lambda d: d["projects"].append("p003"),
        "projects[2]: expected an object",
    ),
    "wrong format": (
        lambda d: d.update(format="assignment-solution/1"),
        "format 'assignment-solution/1': expected 'assignment-instance/1'",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INSTANCES))
def test_a_bad_instance_is_refused_naming_the_item(name):
    change, message = BAD_INSTANCES[name]
    with pytest.raises(InstanceError) as raised:
        instance_from_dict(broken(change))
    assert str(raised.value) == message


def test_malformed_json_is_an_instance_error(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text('{"experts": [', encoding="utf-8")
    with pytest.raises(InstanceError, match="malformed JSON"):
        load_instance(path)


def test_a_missing_file_is_an_instance_error(tmp_path):
    with pytest.raises(InstanceError, match="cannot read"):
        load_instance(tmp_path / "absent.json")
