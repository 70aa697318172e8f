"""One SAT call with a conflict budget and a wall-clock cap, in a forked child process.

Kissat in PySAT can be limited by conflicts (reproducible) but not interrupted; the child
process is what lets a wall-clock cap stop it on a machine too loaded for the budget.
"""

import multiprocessing
from multiprocessing.connection import Connection

from pysat.solvers import Solver

# Below this many clauses a call is quick: forking would cost more than it could save.
IN_PROCESS = 20_000


def solve_capped(
    name: str, clauses: list[list[int]], budget: int, seconds: float
) -> tuple[bool | None, list[int]]:
    """(True, model), (False, []) when unsatisfiable, (None, []) when budget or time ran out."""
    if len(clauses) < IN_PROCESS:
        return _solve(name, clauses, budget)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(name, clauses, budget, writer), daemon=True)
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


def _solve(name: str, clauses: list[list[int]], budget: int) -> tuple[bool | None, list[int]]:
    with Solver(name=name, bootstrap_with=clauses) as solver:
        solver.conf_budget(budget)
        answer = solver.solve_limited()
        return answer, (solver.get_model() or []) if answer else []


def _child(name: str, clauses: list[list[int]], budget: int, writer: Connection) -> None:
    writer.send(_solve(name, clauses, budget))
    writer.close()
