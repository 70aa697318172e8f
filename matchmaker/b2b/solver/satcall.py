"""One SAT call with a conflict budget and a wall-clock cap, in a forked child process.

CaDiCaL tries first with 30 % of the budget: it answers easy formulas (a cluster day)
in a fraction of Kissat's start-up, while Kissat is faster on the hard published ones. Both
can be limited by conflicts (reproducible) but not interrupted in PySAT; the child process
is what lets a wall-clock cap stop them on a machine too loaded for the budget.
"""

import multiprocessing
from multiprocessing.connection import Connection

from pysat.solvers import Solver

# Below this many clauses a call is quick: forking would cost more than it could save.
IN_PROCESS = 20_000
# (solver, share of the conflict budget), tried in turn until one answers.
SOLVERS = (("cadical195", 0.3), ("kissat404", 1.0))


def solve_capped(
    clauses: list[list[int]], budget: int, seconds: float
) -> tuple[bool | None, list[int]]:
    """(True, model), (False, []) when unsatisfiable, (None, []) when budget or time ran out."""
    if len(clauses) < IN_PROCESS:
        return _solve(clauses, budget)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(clauses, budget, writer), daemon=True)
    child.start()
    writer.close()
    try:
        if reader.poll(max(seconds, 0.01)):
            return reader.recv()
        return None, []
    except EOFError:
        return None, []
    finally:
        reader.close()
        if child.is_alive():
            child.kill()
        child.join()


def _solve(clauses: list[list[int]], budget: int) -> tuple[bool | None, list[int]]:
    for name, share in SOLVERS:
        with Solver(name=name, bootstrap_with=clauses) as solver:
            solver.conf_budget(max(int(share * budget), 1))
            answer = solver.solve_limited()
            if answer is not None:
                return answer, (solver.get_model() or []) if answer else []
    return None, []


def _child(clauses: list[list[int]], budget: int, writer: Connection) -> None:
    writer.send(_solve(clauses, budget))
    writer.close()
