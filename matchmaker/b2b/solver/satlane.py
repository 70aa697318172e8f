"""A second SAT solver in a child process, so that a hard decision uses the second core.

The idle phase (`idlesat.py`) runs its decisions in lock-step rounds of a fixed number of
conflicts: in each round its own CaDiCaL 1.9 and this lane's solver (CaDiCaL 1.5, another
search on the same clauses) both get the round's budget, and the first answer in a fixed order
(its own first) is taken. Which answer is taken therefore depends on conflict counts only, never
on which process finishes first: the schedule is the same under any machine load. On the
published 21- and 22-slot instances the two versions' times to the optimum differ by up to 3x
either way, so the pair reaches it sooner than either alone.

The child is `python -m matchmaker.b2b.solver.satlane`, spoken to through pickled messages on
its standard input and output (not multiprocessing, which daemonic Celery workers may not use).
"""

import contextlib
import pickle
import subprocess
import sys
import threading
from typing import IO, Any

from pysat.solvers import Solver

SOLVER = "cadical153"
# A child that died (killed, out of memory) answers this; the parent goes on alone.
LOST = "lost"


class Lane:
    """The parent's handle on the child: mirror clauses, start a round, collect its answer."""

    def __init__(self, clauses: list[list[int]]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "matchmaker.b2b.solver.satlane"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        # The child reads nothing while it imports (about 0.3 s): the clauses go from a thread,
        # and the parent runs a round of its own meanwhile.
        self.sent = True
        self.loading = threading.Thread(target=self._load, args=(clauses,), daemon=True)
        self.loading.start()

    def _load(self, clauses: list[list[int]]) -> None:
        self.sent = self._write(("add", clauses))

    def _send(self, message: tuple[Any, ...]) -> bool:
        """Whether the child took the message (False: it is gone, and stopped)."""
        self.loading.join()
        if not self.sent:
            return False
        if not self._write(message):
            self.close()
            return False
        return True

    def _write(self, message: tuple[Any, ...]) -> bool:
        assert self.process.stdin is not None
        try:
            pickle.dump(message, self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
        except (OSError, ValueError):
            return False
        return True

    def add(self, clauses: list[list[int]]) -> bool:
        """Clauses added to the parent's solver after the start (totalizers growing)."""
        return self._send(("add", clauses))

    def start(self, assumptions: list[int], budget: int) -> bool:
        """Begin a round; the child works while the parent runs its own."""
        return self._send(("solve", assumptions, budget))

    def finish(self) -> tuple[bool | str | None, list[int], bool]:
        """The round's answer (LOST if the child died), the model when satisfiable, and
        whether a refutation used no assumption (the formula alone has no model)."""
        assert self.process.stdout is not None
        try:
            answer, model, without_core = pickle.load(self.process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.close()
            return LOST, [], False
        return answer, model, without_core

    def close(self) -> None:
        """Stop the child and the thread that loads it. The child is never in a round here
        (every round is collected) and holds nothing worth a clean exit, so it is killed
        rather than waited for (it may still be importing when an easy search is over)."""
        self.process.kill()
        self.process.wait()
        self.loading.join()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                # Closing flushes what the dead child did not read.
                with contextlib.suppress(OSError):
                    stream.close()


def open_lane(clauses: list[list[int]]) -> Lane | None:
    """A lane, or None where no child process can be started (then one solver does it all)."""
    try:
        return Lane(clauses)
    except OSError:
        return None


def serve(source: IO[bytes], sink: IO[bytes]) -> None:
    """The child's loop: add clauses, solve rounds under a conflict budget, answer each."""
    solver = Solver(name=SOLVER)
    try:
        while True:
            try:
                message = pickle.load(source)
            except EOFError:
                return
            if message[0] == "add":
                solver.append_formula(message[1])
                continue
            _, assumptions, budget = message
            solver.conf_budget(budget)
            answer = solver.solve_limited(assumptions=assumptions)
            model = (solver.get_model() or []) if answer else []
            without_core = answer is False and not solver.get_core()
            pickle.dump((answer, model, without_core), sink, protocol=pickle.HIGHEST_PROTOCOL)
            sink.flush()
    finally:
        solver.delete()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
