"""agora-assign: solve an expert-assignment instance file into a solution file."""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from matchmaker.assignment.io import load_instance, solution_to_dict
from matchmaker.assignment.model import InstanceError
from matchmaker.assignment.solver import SolveTimeoutError, assign


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 solved, 1 bad input or timeout)."""
    parser = argparse.ArgumentParser(
        prog="agora-assign",
        description="Assign experts to projects (assignment-instance/1 -> assignment-solution/1).",
    )
    parser.add_argument("instance", help="instance JSON file")
    parser.add_argument("-o", "--output", required=True, help="solution JSON file to write")
    parser.add_argument(
        "--time-limit", type=_seconds, default=30.0, help="seconds, positive (default 30)"
    )
    args = parser.parse_args(argv)
    try:
        solution = assign(load_instance(args.instance), time_limit=args.time_limit)
    except InstanceError as error:
        print(f"agora-assign: invalid instance: {error}", file=sys.stderr)
        return 1
    except SolveTimeoutError as error:
        print(f"agora-assign: {error}", file=sys.stderr)
        return 1
    _write_atomically(Path(args.output), solution_to_dict(solution))
    print(
        f"{len(solution.assignments)} assignments, {solution.missing} missing, "
        f"total score {solution.total_score:.6f} (upper bound {solution.upper_bound:.6f})"
    )
    return 0


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, not {text}")
    return value


def _write_atomically(path: Path, data: dict) -> None:
    """Write through a temporary file so a reader never sees half a solution."""
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1)
            stream.write("\n")
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


if __name__ == "__main__":
    sys.exit(main())
