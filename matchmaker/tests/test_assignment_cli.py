import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matchmaker.assignment.cli import main

INSTANCE = {
    "format": "assignment-instance/1",
    "experts": [{"id": "e1", "capacity": 1}, {"id": "e2", "organisations": ["o1"], "capacity": 1}],
    "projects": [{"id": "p1", "organisations": ["o1"], "experts_needed": 2}],
    "affinities": [{"expert": "e2", "project": "p1", "score": 0.9}],
}


def test_it_writes_the_solution_file(tmp_path, capsys):
    instance, output = tmp_path / "instance.json", tmp_path / "solution.json"
    instance.write_text(json.dumps(INSTANCE), encoding="utf-8")
    assert main([str(instance), "-o", str(output), "--time-limit", "5"]) == 0
    solution = json.loads(output.read_text(encoding="utf-8"))
    assert solution["assignments"] == [{"expert": "e1", "project": "p1", "score": 0.0}]
    assert solution["unfilled"] == [
        {
            "project": "p1",
            "missing": 1,
            "reason": "1 of 2 experts assigned: only 1 expert free of conflicts of interest",
        }
    ]
    assert capsys.readouterr().out.startswith("1 assignments, 1 missing, total score 0.000000")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance.json", "solution.json"]


def test_a_bad_instance_names_the_item_and_writes_nothing(tmp_path, capsys):
    instance, output = tmp_path / "instance.json", tmp_path / "solution.json"
    bad = dict(INSTANCE, locked=[{"expert": "e2", "project": "p1"}])
    instance.write_text(json.dumps(bad), encoding="utf-8")
    assert main([str(instance), "-o", str(output)]) == 1
    assert capsys.readouterr().err == (
        "agora-assign: invalid instance: "
        "locked pair e2 -> p1 is a conflict: shares organisation ['o1']\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["instance.json"]


def test_malformed_json_exits_non_zero_without_output(tmp_path):
    instance, output = tmp_path / "instance.json", tmp_path / "solution.json"
    instance.write_text("{not json", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "matchmaker.assignment.cli", str(instance), "-o", str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "malformed JSON" in result.stderr
    assert not output.exists()


def test_a_time_limit_that_is_not_positive_is_refused(tmp_path, capsys):
    instance, output = tmp_path / "instance.json", tmp_path / "solution.json"
    instance.write_text(json.dumps(INSTANCE), encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main([str(instance), "-o", str(output), "--time-limit", "0"])
    assert exited.value.code == 2
    assert "argument --time-limit: must be positive, not 0" in capsys.readouterr().err
    assert not output.exists()


def test_the_solution_does_not_depend_on_the_hash_seed(tmp_path):
    # Ties everywhere (no affinity) and several organisations: order must come from the file.
    instance = {
        "experts": [
            {"id": f"e{i}", "organisations": [f"o{i % 3}", f"o{i % 5}"], "capacity": 2}
            for i in range(12)
        ],
        "projects": [
            {"id": f"p{i}", "organisations": [f"o{i % 4}", "x"], "experts_needed": 2}
            for i in range(9)
        ],
    }
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(instance), encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        output = tmp_path / f"solution-{seed}.json"
        subprocess.run(
            [sys.executable, "-m", "matchmaker.assignment.cli", str(path), "-o", str(output)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        )
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]


AGORA_ASSIGN = Path(sys.executable).parent / "agora-assign"


@pytest.mark.skipif(not AGORA_ASSIGN.exists(), reason="the project is not installed in this env")
def test_the_installed_command_solves_a_file(tmp_path):
    instance, output = tmp_path / "instance.json", tmp_path / "solution.json"
    instance.write_text(json.dumps(INSTANCE), encoding="utf-8")
    result = subprocess.run(
        [str(AGORA_ASSIGN), str(instance), "-o", str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(output.read_text(encoding="utf-8"))["format"] == "assignment-solution/1"
