"""The published B2B benchmark: breaks against the known optima, checked independently.

For every `.dzn` file of original/ (target 10 s each) and of fixed/ and forbidden/ (target 60 s
each): convert it, run agora-schedule on it in a subprocess (killed at 3 times its time limit),
run the independent checker on the solution and compare its breaks with the published optimum.
Precedences are out of scope (no field in our format).
"""

import argparse
import fnmatch
import json
import random
import statistics
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from matchmaker.b2b import Problem, Status, problem_to_dict
from matchmaker.b2b.dzn import load_dzn
from matchmaker.bench.checker import run_checker
from matchmaker.bench.measure import HARD_DEADLINE, run_measured, solve_command
from matchmaker.bench.optima import published_optimum
from matchmaker.bench.report import OUTPUT, machine, say, write_results

ANCHORS = Path(__file__).resolve().parents[3] / "shared" / "anchors" / "b2b"
TARGET_SECONDS = {"original": 10.0, "fixed": 60.0, "forbidden": 60.0}


@dataclass(frozen=True)
class Outcome:
    """What the engine did on one benchmark file."""

    instance: str
    family: str
    status: str
    breaks: int | None
    optimum: int | None  # None: proved infeasible
    verdict: str
    seconds: float  # wall time of the agora-schedule process
    cpu_seconds: float  # its CPU time (user + system, children included)
    solver_seconds: float | None  # the solver's own stats.seconds
    target: float
    checker_ok: bool | None  # None: nothing to check (infeasible or unknown)


def verdict(status: str, breaks: int | None, optimum: int | None) -> str:
    """How the result compares with the published optimum, in a few words."""
    if status == Status.INFEASIBLE:
        return "infeasible, as published" if optimum is None else "WRONG: claims infeasible"
    if status not in (Status.OPTIMAL, Status.FEASIBLE) or breaks is None:
        return "no schedule"
    if optimum is None:
        return "CONTRADICTS published infeasibility"
    if breaks < optimum:
        return f"below the published optimum by {optimum - breaks}"
    if breaks == optimum:
        return "optimum, proved" if status == Status.OPTIMAL else "optimum"
    return f"+{breaks - optimum} breaks"


def reordered(problem: Problem, order_seed: int) -> Problem:
    """The same instance with its participants and meetings listed in another order (seed 0:
    as published). The solvers see another formula: how much the outcome depends on it."""
    if not order_seed:
        return problem
    rng = random.Random(order_seed)
    return replace(
        problem,
        name=f"{problem.name}.order{order_seed}",
        participants=tuple(rng.sample(problem.participants, len(problem.participants))),
        meetings=tuple(rng.sample(problem.meetings, len(problem.meetings))),
    )


def run_file(
    path: Path, time_limit: float, seed: int, folder: Path, order_seed: int = 0
) -> Outcome:
    """Convert, solve in a subprocess (killed at the hard deadline), write and check one file."""
    family = path.parent.name
    problem = reordered(load_dzn(path), order_seed)
    instance = folder / f"{problem.name}.instance.json"
    solution = folder / f"{problem.name}.solution.json"
    instance.write_text(json.dumps(problem_to_dict(problem)))
    solution.unlink(missing_ok=True)
    measured = run_measured(
        "matchmaker.b2b.cli",
        solve_command(instance, solution, time_limit, seed),
        folder / f"{problem.name}.log",
        deadline=HARD_DEADLINE * time_limit,
    )
    written = json.loads(solution.read_text()) if solution.exists() else {}
    status = "killed" if measured.exit_code is None else written.get("status", "no output")
    checked = status in (Status.OPTIMAL, Status.FEASIBLE)
    result = run_checker(instance, solution) if checked else None
    breaks = result.figures.get("idle") if result else None
    optimum = published_optimum(path.name)
    return Outcome(
        instance=problem.name,
        family=family,
        status=status,
        breaks=breaks,
        optimum=optimum,
        verdict=verdict(status, breaks, optimum),
        seconds=measured.seconds,
        cpu_seconds=measured.cpu_seconds,
        solver_seconds=(written.get("stats") or {}).get("seconds"),
        target=TARGET_SECONDS[family],
        checker_ok=result.ok if result else None,
    )


def select_files(families: list[str], patterns: list[str]) -> list[Path]:
    """The benchmark files of those families whose instance name matches a pattern."""
    files = [path for family in families for path in sorted((ANCHORS / family).glob("*.dzn"))]
    if not patterns:
        return files
    return [p for p in files if any(fnmatch.fnmatch(p.name, f"{x}*") for x in patterns)]


def summary(outcomes: list[Outcome]) -> str:
    """Counts of matched optima, targets met and checker results, per family and overall."""
    lines = []
    for family in [*sorted({o.family for o in outcomes}), "all"]:
        chosen = [o for o in outcomes if family in ("all", o.family)]
        matched = sum(o.verdict.startswith(("optimum", "infeasible, as")) for o in chosen)
        in_time = sum(o.seconds <= o.target for o in chosen)
        checked = [o for o in chosen if o.checker_ok is not None]
        gaps = [
            o.breaks - o.optimum for o in chosen if o.breaks is not None and o.optimum is not None
        ]
        lines.append(
            f"- {family}: {matched}/{len(chosen)} at the published optimum (or infeasible as "
            f"published), {in_time}/{len(chosen)} within their target time, checker "
            f"{sum(bool(o.checker_ok) for o in checked)}/{len(checked)} feasible, median time "
            f"{statistics.median(o.seconds for o in chosen):.1f} s, excess breaks "
            f"{sum(gaps)} in total"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Run the published benchmark; returns 1 when a checked solution is infeasible."""
    parser = argparse.ArgumentParser(
        prog="python -m matchmaker.bench published", description=__doc__
    )
    parser.add_argument("--family", action="append", choices=sorted(TARGET_SECONDS))
    parser.add_argument("--only", action="append", default=[], metavar="NAME_PREFIX")
    parser.add_argument("--time-limit", type=float, help="seconds per file (default: the target)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--order-seed",
        type=int,
        action="append",
        metavar="N",
        help="list participants and meetings in a random order drawn from N (0: as published; "
        "repeat for several orders)",
    )
    parser.add_argument("--out", type=Path, default=OUTPUT)
    arguments = parser.parse_args(argv)
    started = machine()
    families = arguments.family or ["original", "forbidden", "fixed"]
    folder = arguments.out / "published"
    folder.mkdir(parents=True, exist_ok=True)
    outcomes = []
    # Rows are printed as they come: the full run takes many minutes.
    say(
        "| instance | status | breaks | optimum | verdict | wall s | CPU s | solver s | target "
        "| checker |"
    )
    say("|---|---|--:|--:|---|--:|--:|--:|--:|---|")
    runs = [
        (path, order)
        for path in select_files(families, arguments.only)
        for order in arguments.order_seed or [0]
    ]
    for path, order in runs:
        limit = arguments.time_limit or TARGET_SECONDS[path.parent.name]
        o = run_file(path, limit, arguments.seed, folder, order)
        outcomes.append(o)
        optimum = "-" if o.optimum is None else o.optimum
        breaks = "–" if o.breaks is None else o.breaks
        solver = "–" if o.solver_seconds is None else f"{o.solver_seconds:.1f}"
        checker = {True: "ok", False: "FAILED", None: "n/a"}[o.checker_ok]
        times = f"{o.seconds:.1f} | {o.cpu_seconds:.1f} | {solver}"
        say(f"| {o.instance} | {o.status} | {breaks} | {optimum} | {o.verdict} | {times} | "
            f"{o.target:.0f} | {checker} |")  # fmt: skip
    if not outcomes:
        say("no benchmark file matches")
        return 2
    say("\n" + summary(outcomes))
    path = write_results(
        "published", {"outcomes": [asdict(o) for o in outcomes]}, arguments.out, started=started
    )
    say(f"results written to {path}")
    return 1 if any(o.checker_ok is False for o in outcomes) else 0
