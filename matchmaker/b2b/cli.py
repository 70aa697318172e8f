"""agora-schedule: schedule the accepted meetings of a B2B event (see docs/cli.md).

Exit status: 0 a solution is written (optimal or feasible, possibly with unscheduled meetings);
2 invalid usage or input, nothing written; 3 the instance is infeasible (the solution written
says why); 4 the time limit ran out before any valid schedule (the solution written says so).
"""

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matchmaker.b2b import (
    ProblemError,
    Schedule,
    Status,
    load_problem,
    schedule_from_dict,
    schedule_to_dict,
    solve,
)
from matchmaker.b2b.csvfolder import load_csv_folder
from matchmaker.b2b.model import Problem

EXIT_OK, EXIT_INPUT, EXIT_INFEASIBLE, EXIT_UNKNOWN = 0, 2, 3, 4
EXIT_OF_STATUS = {
    Status.OPTIMAL: EXIT_OK,
    Status.FEASIBLE: EXIT_OK,
    Status.INFEASIBLE: EXIT_INFEASIBLE,
    Status.UNKNOWN: EXIT_UNKNOWN,
}


def build_parser() -> argparse.ArgumentParser:
    """The command line of agora-schedule."""
    parser = argparse.ArgumentParser(
        prog="agora-schedule",
        description="Schedule accepted B2B meetings into slots and tables.",
        epilog=__doc__.split("\n\n", 1)[1],
    )
    parser.add_argument(
        "instance", type=Path, help="a b2b-instance/1 JSON file, or a folder of CSV files"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="solution JSON to write")
    parser.add_argument(
        "--time-limit", type=positive_seconds, default=30.0, metavar="SECONDS", help="default 30"
    )
    parser.add_argument("--seed", type=int, default=0, help="solver seed (default 0)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="PREVIOUS_SOLUTION",
        help="a published solution: move as few of its meetings as possible",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return parser


def positive_seconds(text: str) -> float:
    """A time limit: a positive number of seconds."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return seconds


def read_instance(path: Path) -> Problem:
    """The problem in a JSON file or a CSV folder; ProblemError names what is wrong."""
    if path.is_dir():
        return load_csv_folder(path)
    if not path.exists():
        raise ProblemError(f"{path} does not exist")
    return load_problem(path)


def read_previous(problem: Problem, path: Path) -> Schedule:
    """A previous solution of `problem`, to be kept as far as possible."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProblemError(f"cannot read {path}: {error.strerror}") from error
    except ValueError as error:
        raise ProblemError(f"malformed JSON in {path}: {error}") from error
    return schedule_from_dict(problem, data)


def write_atomically(path: Path, data: dict[str, Any]) -> None:
    """Write JSON so that readers see the old file or the whole new one, never a part."""
    # A sibling temporary file (same file system, so the rename is atomic) opened like any
    # file, so that the solution gets the user's usual permissions (mkstemp would give 0600).
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("x", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1, ensure_ascii=False)
            stream.write("\n")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def progress_printer(quiet: bool) -> Callable[[str], None]:
    """A progress callback that prints timestamped lines on stderr, or nothing when quiet."""
    started = time.monotonic()

    def report(message: str) -> None:
        if not quiet:
            print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    return report


def main(argv: list[str] | None = None) -> int:
    """Run agora-schedule; returns the exit status."""
    arguments = build_parser().parse_args(argv)
    report = progress_printer(arguments.quiet)
    if not arguments.output.parent.is_dir():
        print(f"error: no folder {arguments.output.parent} for the output", file=sys.stderr)
        return EXIT_INPUT
    try:
        problem = read_instance(arguments.instance)
        keep = read_previous(problem, arguments.keep) if arguments.keep else None
    except ProblemError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
    report(
        f"read {len(problem.meetings)} meetings, {len(problem.participants)} participants, "
        f"{len(problem.slots)} slots, {len(problem.tables)} tables"
    )
    schedule = solve(
        problem, time_limit=arguments.time_limit, seed=arguments.seed, keep=keep, progress=report
    )
    try:
        write_atomically(arguments.output, schedule_to_dict(schedule))
    except OSError as error:
        print(f"error: cannot write {arguments.output}: {error.strerror}", file=sys.stderr)
        return EXIT_INPUT
    report(summary(problem, schedule))
    return EXIT_OF_STATUS[schedule.status]


def summary(problem: Problem, schedule: Schedule) -> str:
    """One line on what the solution achieves, or why there is none."""
    if schedule.status in (Status.INFEASIBLE, Status.UNKNOWN):
        return f"{schedule.status.value}: {schedule.reason}"
    return (
        f"{schedule.status.value}: {len(schedule.assignments)} of {len(problem.meetings)} "
        f"meetings scheduled, {len(schedule.unscheduled)} unscheduled"
    )


if __name__ == "__main__":
    sys.exit(main())
