"""A second SAT solver in a child process, so that a hard decision uses the second core.

The idle phase (`idlesat.py`) runs its decisions in lock-step rounds of a fixed number of
conflicts: in each round its own CaDiCaL and this lane's (another search on the same clauses)
both get the round's budget, and the answers are read in a fixed order (its own first).
Which answer is taken therefore depends on conflict counts only, never on which process
finishes first: the schedule is the same under any machine load. While the parent climbs from
the lower bound, the lane mostly decides another bound than the parent's: one unit of idle
time above it, so that the refutation just below the optimum and the search at the optimum
run side by side.

The lane's CaDiCaL runs in CaDiCaL's "sat" configuration (stable mode only, less elimination
and subsumption), the parent's in the default one. On the published instances' hardest
decisions, with 4 to 8 random variable orders each, the "sat" configuration found the schedule
in 1.5 to 2.5 times fewer conflicts (ticf-13crafc at 1 break: 50,000-53,000 against
53,000-150,000+) and refuted "5 breaks" on forum-13crafb in 1.6 times more (109,000 against
67,000): the pair covers both kinds of decision. The child holds two such solvers, which take
its rounds in turn: one on the parent's formula, one on a formula that encodes the slot caps
its own way (`satformula.py`), again the better one for finding schedules. The lane can also
search for the first schedule on a solver of its own while the parent starts its decisions.

The child is this file run by the same Python, spoken to through pickled messages on its
standard input and output (not multiprocessing, which daemonic Celery workers may not use).
"""

import contextlib
import pickle
import subprocess
import sys
from typing import IO, Any

from pysat.solvers import Solver

SOLVER = "cadical195"
# Every variable is tried false first (phase 0): a schedule sets few of its x[m, t], busy and
# idle literals true. Measured alone on ticf-14crafa at 0 breaks, 10 variable orders: a median
# of 24,000 conflicts instead of 31,000.
SAT_MODE = {"stabilizeonly": 1, "elimreleff": 10, "subsumereleff": 60, "phase": 0}
# The first schedule, likewise: 1,800 conflicts instead of 8,300 on ticf-14crafa.
FIRST_MODE = {"phase": 0}
# A child that died (killed, out of memory) answers this; the parent goes on alone.
LOST = "lost"


class Lane:
    """The parent's handle on the child: mirror clauses, start a round, collect its answer.

    Every message is written at once, and the clauses reach the child before the parent's own
    search starts (PySAT holds the GIL while it solves, so a writing thread would wait for the
    parent's round to end). Clauses added while the child searches for the first schedule
    wait in the parent until that answer is read: the child writes its answer before it reads
    again, and two processes that both write into full pipes would wait for each other.
    """

    def __init__(self, clauses: list[list[int]], caps: list[list[list[int]]] | None = None) -> None:
        """`clauses` for every solver of the child; with `caps`, one solver per entry, each
        with those clauses too (one encoding of the slot caps each; the last one's for the
        first schedule)."""
        # Run as a file, not as a module of the package: the package's imports (HiGHS,
        # OR-Tools' helpers) would add 0.25 s to the child's start. -P keeps this folder off
        # the child's import path.
        self.process = subprocess.Popen(
            [sys.executable, "-P", __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.waiting: list[list[int]] | None = None  # clauses held while "any" runs
        caps = caps or [[]]
        self.solvers = len(caps)
        # One message: the parent waits only while the pipe carries it, not while the child
        # loads it into its solvers (0.2 s on the published instances, in several messages).
        if not self._send(("start", clauses, caps)):
            raise OSError("the second solver did not start")

    def _send(self, message: tuple[Any, ...]) -> bool:
        """Whether the child took the message (False: it is gone, and stopped)."""
        assert self.process.stdin is not None
        try:
            pickle.dump(message, self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
        except (OSError, ValueError):
            self.close()
            return False
        return True

    def add(self, clauses: list[list[int]]) -> bool:
        """Clauses added to the parent's solver after the start (totalizers growing)."""
        if self.waiting is not None:
            self.waiting += clauses
            return True
        return self._send(("add", clauses))

    def start(self, assumptions: list[int], budget: int, which: int = 0) -> bool:
        """Begin a round on the child's solver `which`; it works while the parent runs its own."""
        return self._send(("solve", assumptions, budget, which))

    def start_any(self, budget: int) -> bool:
        """Begin the search for any schedule, on the clauses sent so far and a CaDiCaL of its
        own (the lane's solvers keep their phases and learnt clauses clean)."""
        self.waiting = []
        return self._send(("any", budget))

    def finish_any(self) -> tuple[bool | str | None, list[int], int]:
        """That search's answer (LOST if the child died), model and conflicts used; the
        clauses held meanwhile go to the child."""
        answer, model, used = self._receive()
        waiting, self.waiting = self.waiting, None
        if answer is not LOST and waiting and not self._send(("add", waiting)):
            return LOST, [], 0
        return answer, model, used

    def finish(self) -> tuple[bool | str | None, list[int], bool]:
        """The round's answer (LOST if the child died), the model when satisfiable, and
        whether a refutation used no assumption (the formula alone has no model)."""
        answer, model, without_core = self._receive()
        return answer, model, bool(without_core)

    def _receive(self) -> tuple[bool | str | None, list[int], Any]:
        assert self.process.stdout is not None
        try:
            answer, model, extra = pickle.load(self.process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.close()
            return LOST, [], 0
        return answer, model, extra

    def close(self) -> None:
        """Stop the child. It may be in mid-round (the parent answered first) and holds
        nothing worth a clean exit, so it is killed rather than waited for."""
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                # Closing flushes what the dead child did not read.
                with contextlib.suppress(OSError):
                    stream.close()


def open_lane(clauses: list[list[int]], caps: list[list[list[int]]] | None = None) -> Lane | None:
    """A lane, or None where no child process can be started (then one solver does it all)."""
    try:
        return Lane(clauses, caps)
    except OSError:
        return None


def serve(source: IO[bytes], sink: IO[bytes]) -> None:
    """The child's loop: add clauses, solve rounds under a conflict budget, answer each."""
    solvers: list[Solver] = []
    received: list[list[int]] | None = []  # kept for the first-schedule search only
    try:
        while True:
            try:
                message = pickle.load(source)
            except EOFError:
                return
            if message[0] in ("start", "add"):
                received = _load(message, solvers, received)
                continue
            if message[0] == "any":
                assert received is not None, "one first-schedule search per lane"
                reply = any_model(received, message[1])
                received = None  # a copy of every clause, no longer needed
            else:
                _, assumptions, budget, which = message
                solver = solvers[which]
                solver.conf_budget(budget)
                answer = solver.solve_limited(assumptions=assumptions)
                model = (solver.get_model() or []) if answer else []
                reply = (answer, model, answer is False and not solver.get_core())
            pickle.dump(reply, sink, protocol=pickle.HIGHEST_PROTOCOL)
            sink.flush()
    finally:
        for solver in solvers:
            solver.delete()


def _load(message: tuple[Any, ...], solvers: list[Solver], received: list | None) -> list | None:
    """Solvers made, each with the common clauses and its own caps ("start"), or clauses added
    to all of them ("add"); what the first-schedule search will take: the last solver's."""
    if message[0] == "start":
        _, clauses, caps = message
        for own in caps:
            solvers.append(Solver(name=SOLVER))
            solvers[-1].configure(SAT_MODE)
            solvers[-1].append_formula(clauses)
            solvers[-1].append_formula(own)
        return None if received is None else clauses + caps[-1]
    for solver in solvers:
        solver.append_formula(message[1])
    if received is not None:
        received += message[1]
    return received


def any_model(
    clauses: list[list[int]], budget: int, phases: list[int] | None = None
) -> tuple[bool | None, list[int], int]:
    """Any model of the clauses within the conflict budget, on a CaDiCaL of its own (default
    configuration, variables tried false first, leaning towards `phases`): answer, model,
    conflicts used. The parent's first schedule without the lane, and the lane's."""
    with Solver(name=SOLVER, bootstrap_with=clauses) as solver:
        solver.configure(FIRST_MODE)
        if phases:
            solver.set_phases(phases)
        solver.conf_budget(budget)
        answer = solver.solve_limited()
        model = (solver.get_model() or []) if answer else []
        return answer, model, int(solver.accum_stats().get("conflicts", 0))


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
