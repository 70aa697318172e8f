"""python -m matchmaker.bench.peak PEAK_FILE MODULE|SCRIPT.py [ARGS...]: run it, record peak memory.

Beside PEAK_FILE (KiB) it writes PEAK_FILE with the suffix .cpu: the CPU seconds (user and
system) of the run and of the processes it forked, which a loaded machine does not inflate
the way it inflates wall time.

Why not getrusage: on Linux a child started by fork/vfork and exec inherits its parent's
high-water mark in ru_maxrss (RUSAGE_SELF, RUSAGE_CHILDREN and wait4 alike), so a 30 MB solve
launched by a 400 MB benchmark reports 400 MB. VmHWM in /proc/self/status belongs to the
process's own address space, created at exec, and is exact. Processes the run forks itself
(the solver's SAT calls) are covered by RUSAGE_CHILDREN, read in the run's own process: their
figure counts the pages they share with it, so the file records the larger of the two, the
peak of the largest single process.
"""

import resource
import runpy
import sys
from pathlib import Path


def peak_kib() -> int:
    """This process's peak resident memory in KiB (VmHWM; ru_maxrss where /proc is missing)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    """Run a module or script as __main__ with its arguments, then write the peak to the file."""
    peak_file, target, *arguments = argv
    sys.argv = [target, *arguments]
    try:
        if target.endswith(".py"):
            runpy.run_path(target, run_name="__main__")
        else:
            runpy.run_module(target, run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(peak_file).write_text(f"{max(peak_kib(), children.ru_maxrss)}\n")
    Path(peak_file).with_suffix(".cpu").write_text(f"{cpu_seconds():.3f}\n")
    return code


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
