"""Idle phase as a series of SAT decisions "idle at most k" (CaDiCaL, then Kissat; PySAT).

The encoding is the one of Bofill et al., JAIR 2022, with its implied constraints, but the
idle literals are only forced one way (a break or a hole makes its literal true), which is
all that an upper bound on their count needs.
"""

import time
from dataclasses import dataclass, field
from itertools import pairwise

from pysat.card import CardEnc, EncType

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.lowerbound import person_breaks
from matchmaker.b2b.solver.satcall import solve_capped
from matchmaker.b2b.solver.tablegroups import group_table_literals

# Kissat makes about 8,000 conflicts per CPU second on the published instances: a conflict
# budget instead of a timer keeps every decision reproducible under any machine load.
CONFLICTS_PER_SECOND = 8_000
# Bound decisions tried one by one above the lower bound before looking for any schedule.
LINEAR_STEPS = 5
WALL_CAP = 1.0


@dataclass
class Formula:
    """Variables x[m, t], busy[p, t], the idle literals per person and the hard clauses."""

    index: Index
    clauses: list[list[int]] = field(default_factory=list)
    top: int = 0
    x: dict[tuple[int, int], int] = field(default_factory=dict)
    busy: dict[tuple[int, int], int] = field(default_factory=dict)
    idle: dict[int, list[int]] = field(default_factory=dict)

    def new(self) -> int:
        """A fresh variable."""
        self.top += 1
        return self.top

    def cardinality(self, lits: list[int], bound: int, *, exact: bool = False) -> list[list[int]]:
        """Clauses for: at most (or exactly) `bound` of `lits` are true."""
        if not exact and len(lits) <= bound:
            return []
        if exact and len(lits) < bound:
            contradiction = self.new()
            return [[contradiction], [-contradiction]]
        if not exact and bound == 0:
            return [[-lit] for lit in lits]
        if bound == 1 and len(lits) <= 6:
            kind = EncType.pairwise
        else:
            kind = EncType.seqcounter if bound <= 2 else EncType.kmtotalizer
        encode = CardEnc.equals if exact else CardEnc.atmost
        cnf = encode(lits=lits, bound=bound, top_id=self.top, encoding=kind)
        self.top = max(self.top, cnf.nv)
        return cnf.clauses

    def require(self, lits: list[int], bound: int, *, exact: bool = False) -> None:
        """Hard: at most (or exactly) `bound` of `lits` are true."""
        self.clauses += self.cardinality(lits, bound, exact=exact)


@dataclass(frozen=True)
class IdleResult:
    """Slots found (None: none within the budget), their idle count and whether it is proved."""

    slot_of: dict[int, int] | None
    idle: int
    is_proved: bool


def minimise_idle(index: Index, placed: set[int], time_limit: float) -> IdleResult:
    """Slots for exactly the meetings `placed` with the least idle time, fairness as a cap.

    "Idle at most k" for k from a structural lower bound upwards, a few steps (refutations
    near the bound are cheap, and the optimum is often there); then any schedule (an upper
    bound, or the proof that none exists) and a binary search between the bounds. Every
    decision gets a conflict budget, so answers do not depend on machine load; the wall
    clock only stops the search between two decisions (or a decision, on a machine too
    loaded for its budget). slot_of None with is_proved means that no schedule exists.
    """
    deadline = time.monotonic() + time_limit
    search = _Search(build_formula(index, placed), index, placed, time_limit)
    low = search.lowest
    while low < search.lowest + LINEAR_STEPS and time.monotonic() < deadline:
        # The lower bound is often the optimum: its decision gets the largest share.
        answer, model = search.decide(low, share=0.6 if low == search.lowest else 0.3)
        if answer:
            return _result(model, search.formula, is_proved=True)
        if answer is None:
            break
        low += 1
    found, model = search.decide(None, share=0.4)
    if not found:
        return IdleResult(None, 0, found is False)
    best = _result(model, search.formula, is_proved=False)
    while low < best.idle and time.monotonic() < deadline:
        k = (low + best.idle - 1) // 2
        answer, model = search.decide(k)
        if answer is None:
            break
        if answer:
            best = _result(model, search.formula, is_proved=False)
        else:
            low = k + 1
    return IdleResult(best.slot_of, best.idle, low >= best.idle)


class _Search:
    """The decisions "idle at most k" over one formula, with per-person floors."""

    def __init__(self, formula: Formula, index: Index, placed: set[int], seconds: float) -> None:
        self.formula = formula
        self.floors = {p: person_breaks(index, p, placed) for p in formula.idle}
        self.lowest = sum(self.floors.values())
        self.budget = max(int(CONFLICTS_PER_SECOND * seconds), 2000)
        # Only a machine too loaded for the budget meets these caps (then answers depend on
        # load); bound decisions stop earlier, to leave time for finding any schedule at all.
        started = time.monotonic()
        self.cap_at = started + WALL_CAP * seconds
        self.bound_cap_at = started + 0.7 * WALL_CAP * seconds

    def decide(self, k: int | None, share: float = 0.3) -> tuple[bool | None, list[int]]:
        """Whether a schedule with idle at most k exists (any, for None); None: budget spent.

        Each decision gets a share of the budget, so that a hard one leaves room for the rest.
        """
        extra = [] if k is None else _at_most(self.formula, k, self.floors, k - self.lowest)
        seconds = (self.cap_at if k is None else self.bound_cap_at) - time.monotonic()
        return solve_capped(self.formula.clauses + extra, int(share * self.budget), seconds)


def _at_most(formula: Formula, k: int, floors: dict[int, int], slack: int) -> list[list[int]]:
    """Total idle at most k; then nobody exceeds their own lower bound by more than k - lb."""
    top = formula.top
    literals = [lit for lits in formula.idle.values() for lit in lits]
    clauses = formula.cardinality(literals, k)
    for p, lits in formula.idle.items():
        clauses += formula.cardinality(lits, floors[p] + slack)
    formula.top = top  # the next decision reuses these auxiliary variables
    return clauses


def _result(model: list[int], formula: Formula, *, is_proved: bool) -> IdleResult:
    true = {lit for lit in model if lit > 0}
    slot_of = {m: t for (m, t), var in formula.x.items() if var in true}
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


def build_formula(index: Index, placed: set[int]) -> Formula:
    """The hard clauses for placing exactly `placed`, with idle literals and fairness caps."""
    formula = Formula(index)
    _encode_meetings(formula, placed)
    _encode_tables(formula)
    _encode_people(formula, placed)
    _encode_idle(formula)
    fairness = index.problem.objective.fairness
    if fairness is not None:
        for lits in formula.idle.values():
            formula.require(lits, fairness)
    return formula


def _encode_meetings(formula: Formula, placed: set[int]) -> None:
    for m in sorted(placed):
        lits = []
        for t in formula.index.candidates[m]:
            formula.x[m, t] = formula.new()
            lits.append(formula.x[m, t])
        formula.clauses.append(lits)
        formula.require(lits, 1)


def _encode_tables(formula: Formula) -> None:
    free, home = group_table_literals(formula.index, formula.x, formula.new, formula.clauses.append)
    for lits in free:
        formula.require(lits, len(formula.index.free_tables))
    for lits in home:
        formula.require(lits, 1)


def _encode_people(formula: Formula, placed: set[int]) -> None:
    """busy[p, t] is exactly "p meets in t"; implied: p is busy in exactly deg(p) slots."""
    index = formula.index
    per_slot: dict[int, list[int]] = {}
    for p, meetings in enumerate(index.meetings_of):
        mine = [m for m in meetings if m in placed]
        row = []
        for t in range(len(index.slot_ids)):
            lits = [formula.x[m, t] for m in mine if (m, t) in formula.x]
            if not lits:
                continue
            busy = lits[0] if len(lits) == 1 else formula.new()
            if len(lits) > 1:
                formula.clauses.append([-busy, *lits])
                formula.clauses += [[-lit, busy] for lit in lits]
                formula.require(lits, 1)
            formula.busy[p, t] = busy
            row.append(busy)
            per_slot.setdefault(t, []).append(busy)
        if row:
            formula.require(row, len(mine), exact=True)
    if all(len(people) == 2 for people in index.members):
        homes = 2 * len({h for homes in index.homes for h in homes})
        for lits in per_slot.values():
            formula.require(lits, 2 * len(index.free_tables) + homes)


def _encode_idle(formula: Formula) -> None:
    by_breaks = formula.index.problem.objective.idle == IdleMeasure.BREAKS
    for p in range(len(formula.index.person_ids)):
        lits: list[int] = []
        for scope in formula.index.scopes:
            row = [formula.busy.get((p, t), 0) for t in scope]
            if sum(1 for b in row if b) < 2:
                continue
            lits += _breaks(formula, row) if by_breaks else _holes(formula, row)
        if lits:
            formula.idle[p] = lits


def _seen(formula: Formula, row: list[int]) -> list[int]:
    """seen[i] is true when p is busy at i or before (forced upwards only; 0: impossible)."""
    out, previous = [], 0
    for lit in row:
        if not lit:
            out.append(previous)
            continue
        if not previous:
            current = lit
        else:
            current = formula.new()
            formula.clauses += [[-previous, current], [-lit, current]]
        out.append(current)
        previous = current
    return out


def _breaks(formula: Formula, row: list[int]) -> list[int]:
    """One literal per possible break end: busy at i, idle at i - 1, busy before that."""
    seen = _seen(formula, row)
    ends = []
    for i in range(2, len(row)):
        if not row[i] or not seen[i - 2]:
            continue
        end = formula.new()
        formula.clauses.append([-row[i], -seen[i - 2], end] + ([row[i - 1]] if row[i - 1] else []))
        ends.append(end)
    return ends


def _holes(formula: Formula, row: list[int]) -> list[int]:
    """One literal per slot that may lie idle between p's first and last meeting."""
    before = _seen(formula, row)
    after = _seen(formula, row[::-1])[::-1]
    holes = []
    for i in range(1, len(row) - 1):
        if not before[i - 1] or not after[i + 1]:
            continue
        hole = formula.new()
        formula.clauses.append([-before[i - 1], -after[i + 1], hole] + ([row[i]] if row[i] else []))
        holes.append(hole)
    return holes
