import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.b2b.csvfolder import CsvError, load_csv_folder, write_csv_folder
from matchmaker.b2b.model import (
    IdleMeasure,
    IdleScope,
    Meeting,
    Objective,
    Participant,
    Problem,
    Slot,
    Table,
)
from matchmaker.tests.test_b2b_baseline import small_problems

SAMPLE = {
    "slots.csv": (
        "id,session,start,end\n"
        "d1-0900,d1-am,2026-03-16T09:00:00+01:00,2026-03-16T09:30:00+01:00\n"
        "d1-0930,d1-am,,\n"
        "d1-1000,d1-am,,\n"
        "d1-1400,d1-pm,,\n"
        "d1-1430,d1-pm,,\n"
    ),
    "tables.csv": "id\nT1\nT2\nbooth-acme\n",
    # Semicolon-separated, as spreadsheets write in much of Europe, with a BOM.
    "participants.csv": (
        "\ufeffid;organization;available;max_meetings;table\n"
        "ann;Acme;;;booth-acme\n"
        "bob;Biotix;d1-am;3;\n"
        "cy;Cellula;d1-0900, d1-1400;;\n"
        "dan;Acme;;2;booth-acme\n"
        "eve;Evotec;;;\n"
        ";;;;\n"
    ),
    "meetings.csv": (
        "id,participants,weight,slot,allowed_slots,notes\n"
        "m1,ann;bob,2,,,mutual request\n"
        'm2,"bob, cy",,d1-0900,,\n'
        "m3,cy;eve,,,d1-pm,\n"
        "m4,dan;eve;bob,1.5,,,\n"
        "m5,ann;eve,,,,\n"
    ),
    "objective.csv": "setting,value\nidle,breaks\nidle_scope,all\nfairness,\nschedule_all,no\n",
}


def write_folder(folder: Path, changes: dict[str, str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in {**SAMPLE, **(changes or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_sample_folder_reads_every_field(tmp_path: Path) -> None:
    problem = load_csv_folder(write_folder(tmp_path / "cluster-day"))
    assert problem.name == "cluster-day"
    assert [s.id for s in problem.slots] == ["d1-0900", "d1-0930", "d1-1000", "d1-1400", "d1-1430"]
    assert problem.slots[0].start == "2026-03-16T09:00:00+01:00"
    assert problem.slots[1].start is None
    assert [t.id for t in problem.tables] == ["T1", "T2", "booth-acme"]
    assert problem.participants[:3] == (
        Participant("ann", organization="Acme", table="booth-acme"),
        Participant(
            "bob",
            organization="Biotix",
            available=frozenset({"d1-0900", "d1-0930", "d1-1000"}),
            max_meetings=3,
        ),
        Participant("cy", organization="Cellula", available=frozenset({"d1-0900", "d1-1400"})),
    )
    assert len(problem.participants) == 5
    assert problem.meetings == (
        Meeting("m1", ("ann", "bob"), weight=2.0),
        Meeting("m2", ("bob", "cy"), slot="d1-0900"),
        Meeting("m3", ("cy", "eve"), allowed_slots=frozenset({"d1-1400", "d1-1430"})),
        Meeting("m4", ("dan", "eve", "bob"), weight=1.5),
        Meeting("m5", ("ann", "eve")),
    )
    assert problem.objective.idle is IdleMeasure.BREAKS
    assert problem.objective.idle_scope is IdleScope.ALL
    assert problem.objective.fairness is None
    assert problem.objective.schedule_all is False


def test_objective_file_is_optional(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "event")
    (folder / "objective.csv").unlink()
    assert load_csv_folder(folder).objective.idle is IdleMeasure.SLOTS


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"meetings.csv": "id,participants\nm1,ann;bob\nm2,ann;zoe\n"},
            "meetings.csv row 3: unknown participant 'zoe'",
        ),
        (
            {"meetings.csv": "id,participants\nm1,ann\n"},
            "meetings.csv row 2: meeting 'm1' needs two different participants",
        ),
        (
            {"meetings.csv": "id,participants\nm1,ann;ann\n"},
            "meetings.csv row 2: meeting 'm1' needs two different participants",
        ),
        (
            {"meetings.csv": "id,participants,slot\nm1,ann;bob,d9-0900\n"},
            "meetings.csv row 2: pinned to unknown slot 'd9-0900'",
        ),
        (
            {"tables.csv": "id\nT1\nT2\nT1\nbooth-acme\n"},
            "tables.csv row 4: duplicate id 'T1' (first at row 2)",
        ),
        (
            {"meetings.csv": 'id,participants\nm1,ann;bob\nm2,"bob;cy\n'},
            "meetings.csv row 3: unexpected end of data",
        ),
        (
            {"meetings.csv": "id,participants\nm1,ann;bob,2\n"},
            "meetings.csv row 2: more cells than headers",
        ),
        ({"meetings.csv": "name,participants\n"}, "meetings.csv row 1: the header needs"),
        (
            {"participants.csv": "id,max_meetings\nann,three\n"},
            "participants.csv row 2: 'three' is not a whole number",
        ),
        (
            {"participants.csv": "id,available\nann,d1-am;lunch\n"},
            "participants.csv row 2: unknown slot or session 'lunch'",
        ),
        (
            {"participants.csv": "id,table\nann,booth-zeta\n"},
            "participants.csv row 2: unknown table 'booth-zeta'",
        ),
        (
            {"objective.csv": "setting,value\nschedule_all,maybe\n"},
            "objective.csv row 2: 'maybe' is neither true nor false",
        ),
        (
            {"objective.csv": "setting,value\nidle,hours\n"},
            "objective: 'hours' is not a valid IdleMeasure",
        ),
    ],
)
def test_bad_folder_names_file_and_row(
    tmp_path: Path, changes: dict[str, str], message: str
) -> None:
    folder = write_folder(tmp_path / "event", changes)
    if "participants.csv" in changes:
        (folder / "meetings.csv").write_text("id,participants\n")
    with pytest.raises(CsvError if "objective:" not in message else ValueError) as error:
        load_csv_folder(folder)
    assert str(error.value).startswith(message)


def test_missing_file_is_named(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "event")
    (folder / "tables.csv").unlink()
    with pytest.raises(CsvError, match=r"^tables\.csv is missing from "):
        load_csv_folder(folder)


@settings(max_examples=40, deadline=None)
@given(
    problem=small_problems(),
    objective=st.builds(
        Objective,
        idle=st.sampled_from(IdleMeasure),
        idle_scope=st.sampled_from(IdleScope),
        fairness=st.none() | st.integers(0, 3),
        schedule_all=st.booleans(),
    ),
)
def test_written_folder_reads_back_the_same_problem(problem: Problem, objective: Objective) -> None:
    problem = replace(problem, objective=objective, name="round-trip")
    with tempfile.TemporaryDirectory() as parent:
        folder = Path(parent) / "round-trip"
        write_csv_folder(problem, folder)
        assert load_csv_folder(folder) == problem


def test_ids_that_a_cell_list_would_split_are_refused(tmp_path: Path) -> None:
    problem = Problem(
        slots=(Slot("9:00, room A"),),
        tables=(Table("t1"),),
        participants=(Participant("ann", available=frozenset({"9:00, room A"})),),
        meetings=(),
    )
    with pytest.raises(CsvError, match="slots: '9:00, room A' cannot be a CSV list item"):
        write_csv_folder(problem, tmp_path / "event")
    assert not (tmp_path / "event").exists()
