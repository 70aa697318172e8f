import json
import re
from pathlib import Path

import pytest

from matchmaker.b2b.dzn import load_dzn
from matchmaker.bench.__main__ import main as bench_main
from matchmaker.bench.measure import run_measured
from matchmaker.bench.optima import CRAFTED, ORIGINAL, published_optimum
from matchmaker.bench.published import main as published_main
from matchmaker.bench.published import reordered, select_files, verdict
from matchmaker.bench.report import markdown_table

README = Path("/work/shared/anchors/b2b/README.md")


def readme_rows(header_start: str) -> dict[str, list[str]]:
    """Rows of the README table whose header line starts with `header_start`."""
    text = README.read_text()
    table = text[text.index(header_start) :].split("\n\n", 1)[0]
    rows = [line.strip("|").split("|") for line in table.splitlines()[2:]]
    return {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows}


def test_original_optima_are_those_of_the_readme() -> None:
    rows = readme_rows("| instance | P | M |")
    assert {name: int(cells[8]) for name, cells in rows.items()} == ORIGINAL


def test_crafted_optima_are_those_of_the_readme() -> None:
    rows = readme_rows("| instance | forb0003 |")
    as_published = {
        name: tuple(None if cell == "-" else int(cell) for cell in cells[:4])
        for name, cells in rows.items()
    }
    assert as_published == CRAFTED
    assert published_optimum("tic-13.fixed040-Forb.dzn") == 13
    assert published_optimum("forum-14.forb0007.dzn") is None


def test_verdict_compares_with_the_published_optimum() -> None:
    assert verdict("optimal", 4, 4) == "optimum, proved"
    assert verdict("feasible", 4, 4) == "optimum"
    assert verdict("feasible", 7, 4) == "+3 breaks"
    assert verdict("feasible", 3, 4) == "below the published optimum by 1"
    assert verdict("infeasible", None, None) == "infeasible, as published"
    assert verdict("infeasible", None, 2) == "WRONG: claims infeasible"
    assert verdict("feasible", 5, None) == "CONTRADICTS published infeasibility"
    assert verdict("unknown", None, 0) == "no schedule"
    assert verdict("killed", None, 0) == "no schedule"


def test_files_are_picked_by_family_and_name_prefix() -> None:
    assert len(select_files(["original"], [])) == 20
    assert len(select_files(["fixed", "forbidden"], [])) == 80
    chosen = select_files(["original", "fixed"], ["tic-12.", "forum-14"])
    assert [path.name for path in chosen] == [
        "forum-14.original.dzn",
        "tic-12.original.dzn",
        "forum-14.fixed020-Forb.dzn",
        "forum-14.fixed040-Forb.dzn",
        "tic-12.fixed020-Forb.dzn",
        "tic-12.fixed040-Forb.dzn",
    ]


def test_another_order_lists_the_same_participants_and_meetings() -> None:
    (path,) = select_files(["original"], ["tic-12."])
    published = load_dzn(path)
    assert reordered(published, 0) is published
    other = reordered(published, 1)
    assert other.name == "tic-12.original.order1"
    assert set(other.meetings) == set(published.meetings)
    assert set(other.participants) == set(published.participants)
    assert [m.id for m in other.meetings] != [m.id for m in published.meetings]
    assert reordered(published, 1) == other  # the same order for the same seed


def test_markdown_table_aligns_numbers_right() -> None:
    assert markdown_table(["name", "weight", "ratio"], [["a", 12.0, 0.5], ["bb", 3.0, None]]) == (
        "| name | weight | ratio |\n"
        "|------|-------:|-------|\n"
        "| a    |     12 | 0.500 |\n"
        "| bb   |      3 | –     |\n"
    )


def test_published_run_writes_checked_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["--family", "original", "--only", "tic-12.", "--time-limit", "3"]
    assert published_main([*arguments, "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "published.json").read_text())
    (outcome,) = results["outcomes"]
    assert outcome["instance"] == "tic-12.original"
    assert outcome["optimum"] == 0
    assert results["machine"]["cpus"] >= 1
    # On a loaded machine 3 s may not be enough; a schedule, when written, must pass the checker.
    if outcome["status"] in ("optimal", "feasible"):
        assert outcome["checker_ok"] is True
        assert outcome["breaks"] >= 0
    else:
        assert (outcome["checker_ok"], outcome["verdict"]) == (None, "no schedule")
    assert (tmp_path / "published" / "tic-12.original.log").exists()
    row = rf"^\| tic-12\.original \| {outcome['status']} \|"
    assert re.search(row, capsys.readouterr().out, re.MULTILINE)


def test_peak_memory_is_the_child_s_own(tmp_path: Path) -> None:
    # This test process holds far more than 60 MB; the child's figure must not include it.
    ballast = bytearray(300 * 2**20)
    ballast[:: 2**12] = b"x" * len(ballast[:: 2**12])
    script = tmp_path / "allocate.py"
    script.write_text("block = bytearray(60 * 2**20)\nblock[::4096] = b'x' * len(block[::4096])\n")
    measured = run_measured(str(script), [], tmp_path / "allocate.log")
    assert measured.exit_code == 0
    assert measured.peak_mb is not None
    assert 60 < measured.peak_mb < 150
    assert len(ballast) == 300 * 2**20


def test_bench_command_lists_and_refuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main([]) == 2
    assert bench_main(["nonsense"]) == 2
    output = capsys.readouterr()
    assert "  published    The published B2B benchmark" in output.out
    assert "unknown benchmark 'nonsense'" in output.err


def test_peak_memory_covers_what_the_run_forks(tmp_path: Path) -> None:
    script = tmp_path / "fork.py"
    script.write_text(
        "import multiprocessing\n"
        "def grow():\n"
        "    block = bytearray(120 * 2**20)\n"
        "    block[::4096] = b'x' * len(block[::4096])\n"
        "child = multiprocessing.get_context('fork').Process(target=grow)\n"
        "child.start()\n"
        "child.join()\n"
    )
    measured = run_measured(str(script), [], tmp_path / "fork.log")
    assert measured.exit_code == 0
    assert measured.peak_mb is not None
    assert 120 < measured.peak_mb < 250


def test_cpu_seconds_cover_what_the_run_forks(tmp_path: Path) -> None:
    script = tmp_path / "burn.py"
    script.write_text(
        "import multiprocessing, pathlib, sys, time\n"
        "def burn():\n"
        "    total = sum(i * i for i in range(2_000_000))\n"
        "    pathlib.Path(sys.argv[1]).write_text(f'{time.process_time()} {total > 0}')\n"
        "child = multiprocessing.get_context('fork').Process(target=burn)\n"
        "child.start()\n"
        "child.join()\n"
    )
    own = tmp_path / "child.txt"
    measured = run_measured(str(script), [str(own)], tmp_path / "burn.log")
    assert measured.exit_code == 0
    child_seconds, done = own.read_text().split()
    recorded = float((tmp_path / "burn.cpu").read_text())
    assert done == "True"
    assert recorded >= float(child_seconds) > 0
