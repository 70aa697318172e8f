"""Idle phase as partial MaxSAT (RC2) when published slots are kept: the shared encoding of
`satformula.py` (JAIR 2022 with its implied constraints), a soft clause per idle literal and a
heavier one per kept slot."""

import threading

from pysat.examples.rc2 import RC2, RC2Stratified
from pysat.formula import WCNF

from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.satformula import Formula, build_formula


def compact(
    index: Index,
    placed: set[int],
    kept: dict[int, int],
    time_limit: float,
) -> tuple[dict[int, int] | None, bool, int]:
    """Slots for exactly the meetings `placed`, fewest moves then least idle; None if none found.

    Also whether the result is proved optimal, and its cost (room x moves + idle). Fairness
    is encoded as "idle at most d" for everyone, exact when somebody surely has no idle time.
    """
    formula = build_formula(index, placed)
    wcnf = WCNF()
    wcnf.extend(formula.clauses)
    room = sum(len(lits) for lits in formula.idle.values()) + 1
    for lits in formula.idle.values():
        for lit in lits:
            wcnf.append([-lit], weight=1)
    for m, t in kept.items():
        if (m, t) in formula.x:
            wcnf.append([formula.x[m, t]], weight=room)
    return _run(formula, wcnf, time_limit, stratified=bool(kept))


def _run(
    formula: Formula, wcnf: WCNF, time_limit: float, *, stratified: bool
) -> tuple[dict[int, int] | None, bool, int]:
    engine = RC2Stratified if stratified else RC2
    solver = engine(wcnf, solver="g4", adapt=True, exhaust=True, minz=True)
    # RC2 has no conflict budget: a timer interrupts its Glucose (this path serves re-runs
    # with published slots, which the benchmark does not measure).
    timer = threading.Timer(time_limit, solver.interrupt)
    timer.start()
    try:
        model = solver.compute(expect_interrupt=True)
    finally:
        timer.cancel()
    interrupted, cost = solver.interrupted, solver.cost
    solver.delete()
    if model is None:
        return None, False, cost
    return formula.slots_of(model), not interrupted, cost
