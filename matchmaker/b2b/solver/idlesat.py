"""Idle phase as a series of SAT decisions "idle at most k" on one incremental CaDiCaL (PySAT).

The formula (`satformula.py`) is built once; totalizers over the idle literals and over the
per-person idle flags turn "at most k" into assumptions, so every decision reuses the clauses
learnt by the ones before. Each decision gets a conflict budget, never a timer: the answer is
the same under any machine load (CaDiCaL cannot be interrupted in PySAT anyway).
"""

from dataclasses import dataclass
from itertools import pairwise

from pysat.card import ITotalizer
from pysat.solvers import Solver

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.lowerbound import person_breaks
from matchmaker.b2b.solver.satformula import Formula, build_formula

# CaDiCaL makes 6,000 to 10,000 conflicts per CPU second on the published instances (120,000
# to 250,000 clauses); the budget of the phase is this rate times its time.
CONFLICTS_PER_SECOND = 8_000
MIN_BUDGET = 2_000
# Share of the remaining budget for a decision on the way up from the lower bound: the first
# ones are refutations (cheap with the block literals), the last one finds the schedule.
UP_SHARE = 0.75
# Share of the whole budget kept from the way up for "any schedule" and the search after it,
# so that a hard decision at the optimum still leaves a schedule; and that decision's share.
RESERVE = 0.3
ANY_SHARE = 0.6
# Totalizers count this far above the lower bound at first, and grow on demand.
FIRST_REACH = 8


@dataclass(frozen=True)
class IdleResult:
    """Slots found (None: none within the budget), their idle count and whether it is proved."""

    slot_of: dict[int, int] | None
    idle: int
    is_proved: bool


def minimise_idle(index: Index, placed: set[int], time_limit: float) -> IdleResult:
    """Slots for exactly the meetings `placed` with the least idle time, fairness as a cap.

    "Idle at most k" for k from a structural lower bound upwards while the decisions answer
    (refutations near the bound are cheap, and the optimum is often there); if one runs out
    of budget, any schedule (an upper bound, or the proof that none exists) and a binary
    search between the bounds. slot_of None with is_proved means that no schedule exists.
    """
    formula = build_formula(index, placed)
    floors = {p: person_breaks(index, p, placed) for p in formula.idle}
    with _Search(formula, sum(floors.values()), time_limit) as search:
        low = search.lowest
        while search.left > search.reserve:
            answer, model = search.decide(low, UP_SHARE, keep=search.reserve)
            if answer:
                return _result(model, formula, is_proved=True)
            if answer is None:
                break
            if search.refuted_all:
                return IdleResult(None, 0, True)
            low += 1
        found, model = search.decide(None, ANY_SHARE)
        if not found:
            return IdleResult(None, 0, found is False)
        best = _result(model, formula, is_proved=False)
        while low < best.idle and search.left > 0:
            k = (low + best.idle - 1) // 2
            answer, model = search.decide(k, 1.0 if k == low else 0.5)
            if answer is None:
                break
            if answer:
                best = _result(model, formula, is_proved=False)
            else:
                low = k + 1
        return IdleResult(best.slot_of, best.idle, low >= best.idle)


class _Search:
    """One CaDiCaL over the formula, with "idle at most k" as assumptions and a conflict budget."""

    def __init__(self, formula: Formula, lowest: int, seconds: float) -> None:
        self.lowest = lowest
        self.refuted_all = False
        self.left = max(int(CONFLICTS_PER_SECOND * seconds), MIN_BUDGET)
        self.reserve = int(RESERVE * self.left)
        self.solver = Solver(name="cadical195", bootstrap_with=formula.clauses)
        self.top = formula.top
        literals = [lit for lits in formula.idle.values() for lit in lits]
        self.idle = self._totalizer(literals, lowest + FIRST_REACH)
        self.flags = self._totalizer(formula.flags, lowest + FIRST_REACH)

    def __enter__(self) -> "_Search":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.solver.delete()

    def _totalizer(self, literals: list[int], reach: int) -> ITotalizer | None:
        if not literals:
            return None
        totalizer = ITotalizer(lits=literals, ubound=min(reach, len(literals)), top_id=self.top)
        self.top = totalizer.top_id
        self.solver.append_formula(totalizer.cnf.clauses)
        return totalizer

    def _at_most(self, totalizer: ITotalizer | None, k: int) -> list[int]:
        """The assumption "at most k of the totalizer's literals", extending it if needed."""
        if totalizer is None or k >= len(totalizer.lits):
            return []
        if k >= totalizer.ubound:
            known = len(totalizer.cnf.clauses)
            totalizer.increase(ubound=min(2 * k + 1, len(totalizer.lits)), top_id=self.top)
            self.top = totalizer.top_id
            self.solver.append_formula(totalizer.cnf.clauses[known:])
        return [-totalizer.rhs[k]]

    def decide(self, k: int | None, share: float, keep: int = 0) -> tuple[bool | None, list[int]]:
        """Whether a schedule with idle at most k exists (any, for None); None: budget spent."""
        # Every person who idles idles once at least: at most k of them.
        assumptions = []
        if k is not None:
            assumptions = self._at_most(self.idle, k) + self._at_most(self.flags, k)
        before = self._conflicts()
        self.solver.conf_budget(max(int(share * (self.left - keep)), 1))
        answer = self.solver.solve_limited(assumptions=assumptions)
        self.left -= self._conflicts() - before
        # Refuted without using the bound (no core): no schedule at all.
        self.refuted_all = answer is False and not self.solver.get_core()
        return answer, (self.solver.get_model() or []) if answer else []

    def _conflicts(self) -> int:
        return int(self.solver.accum_stats().get("conflicts", 0))


def _result(model: list[int], formula: Formula, *, is_proved: bool) -> IdleResult:
    slot_of = formula.slots_of(model)
    return IdleResult(slot_of, idle_of(formula.index, slot_of), is_proved)


def idle_of(index: Index, slot_of: dict[int, int]) -> int:
    """The idle count of a schedule, as the objective measures it."""
    by_breaks = index.problem.objective.idle == IdleMeasure.BREAKS
    total = 0
    for meetings in index.meetings_of:
        taken = {slot_of[m] for m in meetings if m in slot_of}
        for scope in index.scopes:
            marks = [i for i, t in enumerate(scope) if t in taken]
            if len(marks) < 2:
                continue
            if by_breaks:
                total += sum(1 for a, b in pairwise(marks) if b > a + 1)
            else:
                total += marks[-1] - marks[0] + 1 - len(marks)
    return total
