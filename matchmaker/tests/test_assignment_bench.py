import json

from matchmaker.assignment.bench import main
from matchmaker.bench.__main__ import main as bench_main


def test_a_small_benchmark_is_feasible_and_reaches_the_independent_bound(capsys):
    assert main(["--projects", "60", "--experts", "50", "--runs", "1", "--locked", "5"]) == 0
    output = capsys.readouterr().out
    report = json.loads(output[output.index("{") :])
    assert report["checker"]["feasible"] is True
    assert report["missing"] == 0
    assert report["assignments"] == 180
    assert report["locked"] == 5
    assert report["total_score"] <= report["upper_bound"]
    assert report["share_of_highs_lp_bound"] >= 0.999999


def test_the_bench_dispatcher_runs_the_assignment_benchmark(tmp_path, capsys):
    arguments = ["--projects", "40", "--experts", "30", "--runs", "1", "--out", str(tmp_path)]
    assert bench_main(["assignment", *arguments]) == 0
    rows = [line.split("|") for line in capsys.readouterr().out.splitlines() if "|" in line]
    assert {cells[1].strip(): cells[2].strip() for cells in rows}["checker"] == "feasible"
    results = json.loads((tmp_path / "assignment.json").read_text(encoding="utf-8"))
    assert results["assignments"] == 120
    assert results["checker"]["feasible"] is True
