import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from matchmaker.b2b import problem_to_dict
from matchmaker.b2b.cli import EXIT_INFEASIBLE, EXIT_INPUT, EXIT_OK, main
from matchmaker.b2b.csvfolder import load_csv_folder
from matchmaker.bench.checker import run_checker
from matchmaker.tests.test_b2b_csv import write_folder

INSTANCE = {
    "format": "b2b-instance/1",
    "name": "tiny",
    "slots": [{"id": "s1", "session": "am"}, {"id": "s2", "session": "am"}],
    "tables": [{"id": "T1"}, {"id": "T2"}],
    "participants": [{"id": "ann"}, {"id": "bob"}, {"id": "cy", "available": ["s2"]}],
    "meetings": [
        {"id": "m1", "participants": ["ann", "bob"], "weight": 2},
        {"id": "m2", "participants": ["ann", "cy"]},
        {"id": "m3", "participants": ["bob", "cy"]},
    ],
}


def write_instance(folder: Path, data: object) -> Path:
    path = folder / "instance.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_json_instance_gives_a_checked_solution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = write_instance(tmp_path, INSTANCE)
    solution = tmp_path / "solution.json"
    assert main([str(instance), "-o", str(solution), "--time-limit", "2"]) == EXIT_OK
    written = json.loads(solution.read_text())
    assert written["format"] == "b2b-solution/1"
    assert len(written["assignments"]) == 2  # ann and bob cannot both meet cy in s2
    assert len(written["unscheduled"]) == 1
    assert run_checker(instance, solution).ok
    assert "read 3 meetings, 3 participants, 2 slots, 2 tables" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance.json", "solution.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(solution.stat().st_mode) == 0o666 & ~umask


def test_csv_folder_gives_a_checked_solution(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "event")
    solution = tmp_path / "solution.json"
    assert main([str(folder), "-o", str(solution), "--time-limit", "2", "--quiet"]) == EXIT_OK
    instance = write_instance(tmp_path, problem_to_dict(load_csv_folder(folder)))
    result = run_checker(instance, solution)
    assert result.ok
    assert result.figures["meetings"] == 5


def test_keep_accepts_a_previous_solution(tmp_path: Path) -> None:
    instance = write_instance(tmp_path, INSTANCE)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main([str(instance), "-o", str(first), "--time-limit", "2", "-q"]) == EXIT_OK
    arguments = [str(instance), "-o", str(second), "--keep", str(first), "--time-limit", "2", "-q"]
    assert main(arguments) == EXIT_OK
    assert run_checker(instance, second).ok


def test_infeasible_instance_exits_3_with_the_reason_written(tmp_path: Path) -> None:
    data = {
        **INSTANCE,
        "meetings": [
            {"id": "m1", "participants": ["ann", "bob"], "slot": "s2"},
            {"id": "m2", "participants": ["ann", "cy"], "slot": "s2"},
        ],
    }
    solution = tmp_path / "solution.json"
    assert main([str(write_instance(tmp_path, data)), "-o", str(solution), "-q"]) == (
        EXIT_INFEASIBLE
    )
    written = json.loads(solution.read_text())
    assert written["status"] == "infeasible"
    assert written["reason"]


def replaced_meetings(*meetings: dict[str, object]) -> dict[str, object]:
    return {**INSTANCE, "meetings": list(meetings)}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            replaced_meetings({"id": "m1", "participants": ["ann", "zoe"]}),
            "meeting m1: unknown participant 'zoe'",
        ),
        (
            replaced_meetings({"id": "m1", "participants": ["ann"]}),
            "meeting m1: needs at least two participants",
        ),
        (
            replaced_meetings({"id": "m1", "participants": ["ann", "bob"], "slot": "s9"}),
            "meeting m1: pinned to unknown slot 's9'",
        ),
        (
            replaced_meetings(
                {"id": "m1", "participants": ["ann", "bob"]},
                {"id": "m1", "participants": ["ann", "cy"]},
            ),
            "duplicate meeting id 'm1'",
        ),
        ('{"slots": [', "malformed JSON in "),
    ],
)
def test_bad_json_exits_2_naming_the_item_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: object, message: str
) -> None:
    instance = write_instance(tmp_path, data)
    solution = tmp_path / "solution.json"
    assert main([str(instance), "-o", str(solution)]) == EXIT_INPUT
    assert message in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["instance.json"]


def test_bad_csv_row_exits_2_and_keeps_the_previous_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(tmp_path / "event", {"meetings.csv": "id,participants\nm1,ann;zoe\n"})
    solution = tmp_path / "solution.json"
    solution.write_text("previous")
    assert main([str(folder), "-o", str(solution)]) == EXIT_INPUT
    assert "meetings.csv row 2: unknown participant 'zoe'" in capsys.readouterr().err
    assert solution.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["event", "solution.json"]


def test_missing_instance_and_bad_keep_file_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solution = tmp_path / "solution.json"
    assert main([str(tmp_path / "none.json"), "-o", str(solution)]) == EXIT_INPUT
    instance = write_instance(tmp_path, INSTANCE)
    keep = tmp_path / "keep.json"
    keep.write_text("[1,")
    assert main([str(instance), "-o", str(solution), "--keep", str(keep)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "none.json does not exist" in err
    assert "malformed JSON in " in err
    assert not solution.exists()


def test_installed_command_runs(tmp_path: Path) -> None:
    instance = write_instance(tmp_path, INSTANCE)
    solution = tmp_path / "solution.json"
    command = Path(".venv/bin/agora-schedule").resolve()
    done = subprocess.run(
        [str(command), str(instance), "-o", str(solution), "--time-limit", "2", "--seed", "3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert run_checker(instance, solution).ok
    assert done.stdout == ""  # progress goes to stderr; no solver banner


@pytest.mark.parametrize("limit", ["0", "-5", "soon", "nan"])
def test_time_limit_must_be_positive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    instance = write_instance(tmp_path, INSTANCE)
    with pytest.raises(SystemExit) as exit_:
        main([str(instance), "-o", str(tmp_path / "out.json"), "--time-limit", limit])
    assert exit_.value.code == EXIT_INPUT
    assert "is not a positive number of seconds" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()
