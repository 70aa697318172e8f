"""The quick slot phase for small events: the LP bound, then one SAT decision "no idle time".

When the LP relaxation of `bound.py` is integral, its selection reaches the bound. If those
meetings fit with nobody idle (a CaDiCaL decision), weight and idle are both proved optimal
without the CP-SAT weight phase: no schedule weighs more than the bound, none idles less than
0. Otherwise the exact path runs; the attempt costs a few hundredths of a second.
This module loads neither CP-SAT nor pandas, which is most of a small solve's start-up.
"""

from dataclasses import dataclass, field

from pysat.card import CardEnc, EncType
from pysat.solvers import Solver

from matchmaker.b2b.solver.bound import weight_relaxation
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.tablegroups import group_table_literals

# A conflict budget, not a timer, so the answer is the same under any machine load; the
# decisions this path is for take a few hundred conflicts. CaDiCaL runs in this process: the
# formula is small (up to 3,500 meeting-slot pairs), and forking it to a child cost the cluster
# day 0.15 s of wall time.
CONFLICTS = 20_000
SOLVER = "cadical195"
# An LP value this close to 0 or 1 counts as integral.
TOLERANCE = 1e-6


@dataclass(frozen=True)
class QuickResult:
    """Slots that are proved optimal in weight and idle, and the weight they reach."""

    slot_of: dict[int, int]
    weight: float


def quick_slots(index: Index) -> QuickResult | None:
    """Slots proved optimal by the LP bound and a schedule without idle time, or None."""
    # Pinned meetings must be scheduled in every schedule: held at 1, the LP still bounds them all.
    pinned = frozenset(m for m in range(index.meeting_count) if index.is_pinned(m))
    relaxation = weight_relaxation(index, pinned)
    values = relaxation.values
    if any(TOLERANCE < v < 1 - TOLERANCE for v in values):
        return None
    chosen = sorted(m for m in range(index.meeting_count) if values[m] > 0.5)
    weight = sum(index.weights[m] for m in chosen)
    if weight < relaxation.bound - TOLERANCE or not pinned <= set(chosen):
        return None
    formula = _Formula(index)
    formula.encode(chosen)
    with Solver(name=SOLVER, bootstrap_with=formula.clauses) as solver:
        solver.conf_budget(CONFLICTS)
        if not solver.solve_limited():
            return None
        true = {lit for lit in solver.get_model() or [] if lit > 0}
    slot_of = {m: t for (m, t), var in formula.x.items() if var in true}
    return QuickResult(slot_of, weight)


@dataclass
class _Formula:
    """x[m, t] for the chosen meetings, one slot each, no clash, tables, and no idle slot."""

    index: Index
    clauses: list[list[int]] = field(default_factory=list)
    top: int = 0
    x: dict[tuple[int, int], int] = field(default_factory=dict)

    def new(self) -> int:
        """A fresh variable."""
        self.top += 1
        return self.top

    def at_most(self, lits: list[int], bound: int) -> None:
        """At most `bound` of `lits`: pairwise for a few, else a totalizer (fastest to build)."""
        if len(lits) <= bound:
            return
        if bound == 1 and len(lits) <= 6:
            self.clauses += [[-a, -b] for i, a in enumerate(lits) for b in lits[i + 1 :]]
            return
        cnf = CardEnc.atmost(lits=lits, bound=bound, top_id=self.top, encoding=EncType.kmtotalizer)
        self.top = max(self.top, cnf.nv)
        self.clauses += cnf.clauses

    def encode(self, chosen: list[int]) -> None:
        """Every clause of the decision."""
        for m in chosen:
            lits = [self._var(m, t) for t in self.index.candidates[m]]
            self.clauses.append(lits)
            self.at_most(lits, 1)
        self._tables()
        placed = set(chosen)
        for meetings in self.index.meetings_of:
            mine = [m for m in meetings if m in placed]
            if mine:
                self._person(mine)

    def _var(self, m: int, t: int) -> int:
        self.x[m, t] = self.new()
        return self.x[m, t]

    def _tables(self) -> None:
        free, home = group_table_literals(self.index, self.x, self.new, self.clauses.append)
        for lits in home:
            self.at_most(lits, 1)
        for lits in free:
            self.at_most(lits, len(self.index.free_tables))

    def _person(self, mine: list[int]) -> None:
        """One meeting per slot; with two or more meetings, busy slots contiguous per scope."""
        busy: dict[int, int] = {}
        for t in range(len(self.index.slot_ids)):
            lits = [self.x[m, t] for m in mine if (m, t) in self.x]
            if len(lits) > 1:
                self.at_most(lits, 1)
                busy[t] = self.new()
                self.clauses.append([-busy[t], *lits])
                self.clauses += [[-lit, busy[t]] for lit in lits]
            elif lits:
                busy[t] = lits[0]
        if len(mine) < 2:
            return
        for scope in self.index.scopes:
            self._contiguous([busy.get(t, 0) for t in scope])

    def _contiguous(self, row: list[int]) -> None:
        """No empty slot between two busy ones: both measures of idle time are then 0."""
        before = self._seen(row)
        after = self._seen(row[::-1])[::-1]
        for i in range(1, len(row) - 1):
            if before[i - 1] and after[i + 1]:
                self.clauses.append([-before[i - 1], -after[i + 1]] + ([row[i]] if row[i] else []))

    def _seen(self, row: list[int]) -> list[int]:
        """seen[i] true when busy at i or before (forced upwards only; 0: never busy)."""
        out, previous = [], 0
        for lit in row:
            if lit and previous:
                current = self.new()
                self.clauses += [[-previous, current], [-lit, current]]
                previous = current
            elif lit:
                previous = lit
            out.append(previous)
        return out
