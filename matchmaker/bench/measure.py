"""Run one solve in its own process: exit code, wall time, peak memory, and a hard deadline."""

import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# A solve still running at this multiple of its time limit is killed and counted as a failure.
HARD_DEADLINE = 3.0


@dataclass(frozen=True)
class Measured:
    """A finished (or killed) subprocess: exit code, wall time and its own peak memory."""

    exit_code: int | None  # None: killed at the hard deadline
    seconds: float
    peak_mb: float | None  # None: the process did not live to report it
    cpu_seconds: float = 0.0  # user + system time of the process and its children


def run_measured(
    target: str, arguments: list[str], log: Path, deadline: float | None = None
) -> Measured:
    """Run a module or script (stderr to `log`), killing it after `deadline` seconds."""
    peak = log.with_suffix(".peak")
    peak.unlink(missing_ok=True)
    command = [sys.executable, "-m", "matchmaker.bench.peak", str(peak), target, *arguments]
    started = time.perf_counter()
    cpu_before = _children_cpu()
    exit_code: int | None
    with log.open("w") as stream:
        try:
            done = subprocess.run(
                command, stdout=subprocess.DEVNULL, stderr=stream, timeout=deadline, check=False
            )
            exit_code = done.returncode
        except subprocess.TimeoutExpired:
            exit_code = None
    seconds = time.perf_counter() - started
    peak_mb = round(int(peak.read_text()) / 1024, 1) if peak.exists() else None
    cpu = _children_cpu() - cpu_before
    return Measured(exit_code, round(seconds, 2), peak_mb, round(cpu, 2))


def _children_cpu() -> float:
    """CPU seconds of the finished children so far (the machine is shared: wall time is not)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def solve_command(instance: Path, solution: Path, time_limit: float, seed: int) -> list[str]:
    """The arguments of agora-schedule for one measured solve."""
    return [
        str(instance),
        "-o",
        str(solution),
        "--time-limit",
        str(time_limit),
        "--seed",
        str(seed),
    ]
