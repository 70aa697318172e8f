"""Generated partnering events: the solver against first-fit, in time, memory, weight and idle.

For each preset of matchmaker.b2b.generator: generate it, schedule it with first-fit, then run
`agora-schedule` on it in a subprocess (wall time and that process's own peak memory, see
matchmaker.bench.peak), and run the
independent checker on both solutions. Weight is compared with the solution's own upper bound,
idle gaps with first-fit's.
"""

import argparse
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from matchmaker.b2b import problem_to_dict, schedule_to_dict
from matchmaker.b2b.baseline import first_fit
from matchmaker.b2b.generator import PRESETS, generate_preset
from matchmaker.bench.checker import CheckResult, run_checker
from matchmaker.bench.measure import HARD_DEADLINE, Measured, run_measured, solve_command
from matchmaker.bench.report import OUTPUT, machine, markdown_table, say, write_results

# Seconds given to the solver per preset: what an organiser would wait for a schedule.
TIME_LIMITS = {
    "cluster-day": 10.0,
    "oversubscribed": 60.0,
    "bio-europe": 120.0,
    "bio-international": 180.0,
}


@dataclass(frozen=True)
class Outcome:
    """First-fit and the solver on one generated event, as the checker sees them."""

    preset: str
    meetings: int
    time_limit: float
    first_fit_seconds: float
    first_fit_scheduled: int
    first_fit_weight: float
    first_fit_idle: int
    first_fit_checker_ok: bool
    status: str
    exit_code: int | None  # None: killed at the hard deadline
    wall_seconds: float
    cpu_seconds: float | None  # the solve process and its forked SAT calls
    solver_seconds: float | None
    peak_mb: float | None
    scheduled: int | None
    weight: float | None
    upper_bound: float | None
    share_of_bound: float | None
    idle: int | None
    idle_vs_first_fit: float | None
    table_changes: int | None
    table_changes_bound: int | None  # proved for the slots found, when the solver has one
    checker_ok: bool


def run_preset(name: str, time_limit: float, seed: int, folder: Path) -> Outcome:
    """Generate one preset, run first-fit and the solver, check both."""
    problem = generate_preset(name, seed=seed)
    instance = folder / f"{name}.instance.json"
    instance.write_text(json.dumps(problem_to_dict(problem)))
    started = time.perf_counter()
    baseline = first_fit(problem)
    first_fit_seconds = time.perf_counter() - started
    baseline_path = folder / f"{name}.first-fit.json"
    baseline_path.write_text(json.dumps(schedule_to_dict(baseline)))
    baseline_check = run_checker(instance, baseline_path)
    solution = folder / f"{name}.solution.json"
    solution.unlink(missing_ok=True)
    (folder / f"{name}.cpu").unlink(missing_ok=True)
    arguments = solve_command(instance, solution, time_limit, seed)
    log = folder / f"{name}.log"
    measured = run_measured(
        "matchmaker.b2b.cli", arguments, log, deadline=HARD_DEADLINE * time_limit
    )
    written = json.loads(solution.read_text()) if solution.exists() else {}
    checked = run_checker(instance, solution) if written else CheckResult(ok=False)
    fields = _outcome(name, problem.meetings, time_limit, measured, written, checked)
    cpu = log.with_suffix(".cpu")
    fields["cpu_seconds"] = float(cpu.read_text()) if cpu.exists() else None
    return _with_ratio(
        fields
        | {
            "first_fit_seconds": round(first_fit_seconds, 2),
            "first_fit_scheduled": baseline_check.figures.get("scheduled"),
            "first_fit_weight": baseline_check.figures.get("weight"),
            "first_fit_idle": baseline_check.figures.get("idle"),
            "first_fit_checker_ok": baseline_check.ok,
        }
    )


def _outcome(
    name: str,
    meetings: tuple,
    time_limit: float,
    measured: Measured,
    written: dict[str, Any],
    checked: CheckResult,
) -> dict[str, Any]:
    figures = checked.figures
    bound = written.get("upper_bound")
    stats = written.get("stats") or {}
    return {
        "preset": name,
        "meetings": len(meetings),
        "time_limit": time_limit,
        "status": "killed" if measured.exit_code is None else written.get("status", "no output"),
        "exit_code": measured.exit_code,
        "wall_seconds": measured.seconds,
        "solver_seconds": stats.get("seconds"),
        "peak_mb": measured.peak_mb,
        "scheduled": figures.get("scheduled"),
        "weight": figures.get("weight"),
        "upper_bound": bound,
        "share_of_bound": figures.get("share_of_own_bound"),
        "idle": figures.get("idle"),
        "table_changes": figures.get("table_changes"),
        "table_changes_bound": stats.get("table_changes_bound"),
        "checker_ok": checked.ok,
    }


def _with_ratio(fields: dict[str, Any]) -> Outcome:
    idle, baseline = fields["idle"], fields["first_fit_idle"]
    ratio = round(idle / baseline, 3) if idle is not None and baseline else None
    return Outcome(**fields, idle_vs_first_fit=ratio)


def table(outcomes: list[Outcome]) -> str:
    """The markdown table of the partnering benchmark."""
    headers = ["preset", "meetings", "limit s", "status", "wall s", "cpu s", "solver s",
               "peak MB", "first-fit weight", "weight", "upper bound", "weight / bound",
               "first-fit idle", "idle", "idle / first-fit", "table changes",
               "changes bound", "checker"]  # fmt: skip
    rows = [
        [o.preset, o.meetings, o.time_limit, o.status, o.wall_seconds, o.cpu_seconds,
         o.solver_seconds, o.peak_mb, o.first_fit_weight, o.weight, o.upper_bound,
         o.share_of_bound, o.first_fit_idle, o.idle, o.idle_vs_first_fit, o.table_changes,
         o.table_changes_bound,
         "ok" if o.checker_ok and o.first_fit_checker_ok else "FAILED"]
        for o in outcomes
    ]  # fmt: skip
    return markdown_table(headers, rows)


def main(argv: list[str]) -> int:
    """Run the partnering benchmark; returns 1 when a solution fails the checker."""
    parser = argparse.ArgumentParser(
        prog="python -m matchmaker.bench partnering", description=__doc__
    )
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS))
    parser.add_argument("--time-limit", type=float, help="seconds per preset (default: per preset)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    arguments = parser.parse_args(argv)
    started = machine()
    folder = arguments.out / "partnering"
    folder.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for name in arguments.preset or list(TIME_LIMITS):
        limit = arguments.time_limit or TIME_LIMITS[name]
        say(f"{name}: generating, first-fit, then agora-schedule with {limit:.0f} s")
        outcomes.append(run_preset(name, limit, arguments.seed, folder))
    say(table(outcomes))
    path = write_results(
        "partnering", {"outcomes": [asdict(o) for o in outcomes]}, arguments.out, started=started
    )
    say(f"results written to {path}")
    return 0 if all(o.checker_ok and o.first_fit_checker_ok for o in outcomes) else 1
