"""Re-scheduling a published partnering event: how many unaffected meetings keep slot and table.

A generated event is scheduled, then 5 % of its participants cancel and 2 % new meetings
arrive (between people who attend the whole event), and it is scheduled again with the first
schedule as `keep`. Both solves run in this process; the second solution is checked by the
independent checker. Target of the issue: 98 % of the unaffected meetings keep slot and table.
"""

import argparse
import dataclasses
import json
import random
import resource
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from matchmaker.b2b import Meeting, Problem, Schedule, problem_to_dict, schedule_to_dict, solve
from matchmaker.b2b.generator import PRESETS, generate_preset
from matchmaker.bench.checker import run_checker
from matchmaker.bench.report import OUTPUT, machine, markdown_table, say, write_results

CANCELLED_SHARE = 0.05
NEW_SHARE = 0.02


@dataclass(frozen=True)
class Rescheduled:
    """The second solve against the first, as the checker and the comparison see it."""

    preset: str
    time_limit: float
    unaffected: int
    kept_slot_and_table: int
    kept_slot: int
    new_meetings: int
    new_placed: int
    weight: float | None
    upper_bound: float | None
    wall_seconds: float
    cpu_seconds: float
    checker_ok: bool


def after_changes(problem: Problem, seed: int) -> Problem:
    """5 % of the participants cancel and 2 % new meetings arrive."""
    rng = random.Random(seed)
    people = list(problem.participants)
    cancelled = {p.id for p in rng.sample(people, round(CANCELLED_SHARE * len(people)))}
    meetings = [m for m in problem.meetings if not cancelled & set(m.participants)]
    present = [p for p in people if p.id not in cancelled and p.available is None]
    known = {frozenset(m.participants) for m in problem.meetings}
    new: list[Meeting] = []
    while len(new) < round(NEW_SHARE * len(problem.meetings)):
        a, b = rng.sample(present, 2)
        pair = frozenset((a.id, b.id))
        if a.organization != b.organization and pair not in known:
            known.add(pair)
            new.append(Meeting(id=f"new{len(new)}", participants=(a.id, b.id)))
    return dataclasses.replace(problem, meetings=(*meetings, *new))


def run(preset: str, time_limit: float, seed: int, folder: Path) -> Rescheduled:
    """Schedule, change, re-schedule with keep; compare and check."""
    problem = generate_preset(preset, seed=seed)
    first = solve(problem, time_limit=time_limit, seed=seed)
    changed = after_changes(problem, seed=seed + 1)
    started, cpu = time.perf_counter(), _cpu()
    second = solve(changed, time_limit=time_limit, seed=seed, keep=first)
    wall, cpu = time.perf_counter() - started, _cpu() - cpu
    instance = folder / f"{preset}.changed.instance.json"
    solution = folder / f"{preset}.changed.solution.json"
    instance.write_text(json.dumps(problem_to_dict(changed)))
    solution.write_text(json.dumps(schedule_to_dict(second)))
    checked = run_checker(instance, solution)
    before, after = _positions(first), _positions(second)
    unaffected = [m.id for m in changed.meetings if m.id in before]
    new = [m.id for m in changed.meetings if m.id.startswith("new")]
    return Rescheduled(
        preset=preset,
        time_limit=time_limit,
        unaffected=len(unaffected),
        kept_slot_and_table=sum(1 for m in unaffected if after.get(m) == before[m]),
        kept_slot=sum(1 for m in unaffected if m in after and after[m][0] == before[m][0]),
        new_meetings=len(new),
        new_placed=sum(1 for m in new if m in after),
        weight=checked.figures.get("weight"),
        upper_bound=second.upper_bound,
        wall_seconds=round(wall, 2),
        cpu_seconds=round(cpu, 2),
        checker_ok=checked.ok,
    )


def _positions(schedule: Schedule) -> dict[str, tuple[str, str]]:
    return {a.meeting: (a.slot, a.table) for a in schedule.assignments}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str]) -> int:
    """Run the re-scheduling benchmark; returns 1 when the solution fails the checker."""
    parser = argparse.ArgumentParser(
        prog="python -m matchmaker.bench rescheduling", description=__doc__
    )
    parser.add_argument("--preset", choices=sorted(PRESETS), default="bio-europe")
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    arguments = parser.parse_args(argv)
    started = machine()
    folder = arguments.out / "rescheduling"
    folder.mkdir(parents=True, exist_ok=True)
    say(f"{arguments.preset}: schedule, change, re-schedule with keep")
    result = run(arguments.preset, arguments.time_limit, arguments.seed, folder)
    share = result.kept_slot_and_table / result.unaffected if result.unaffected else None
    headers = ["preset", "unaffected", "kept slot and table", "share", "kept slot",
               "new placed", "weight", "upper bound", "wall s", "cpu s", "checker"]  # fmt: skip
    row = [result.preset, result.unaffected, result.kept_slot_and_table, share,
           result.kept_slot, f"{result.new_placed} of {result.new_meetings}", result.weight,
           result.upper_bound, result.wall_seconds, result.cpu_seconds,
           "ok" if result.checker_ok else "FAILED"]  # fmt: skip
    say(markdown_table(headers, [row]))
    path = write_results("rescheduling", asdict(result), arguments.out, started=started)
    say(f"results written to {path}")
    return 0 if result.checker_ok else 1
