"""HiGHS without its banner.

highspy 1.16 prints "Running HiGHS ..." on standard output when a process builds its first
`Highs`, before any option can be set, so it lands in the output of `agora-schedule`, the
benchmarks and the workers' logs. The first one asked for is built with standard output pointed
at /dev/null (once per process, when HiGHS is first needed, not at import); every one is silent
with `output_flag` off.
"""

import os
import sys
from functools import cache

import highspy


@cache  # once per process: HiGHS prints its banner for the first instance only
def _build_first_quietly() -> None:
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def new_highs() -> highspy.Highs:
    """A HiGHS instance that writes nothing."""
    _build_first_quietly()
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    return highs
