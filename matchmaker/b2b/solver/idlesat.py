"""Idle phase as a series of SAT decisions on one incremental CaDiCaL (PySAT).

The formula (`satformula.py`) is built once; totalizers over the idle literals, over the
per-person idle flags and, when published slots are kept, over the "moved" literals turn "at
most k" into assumptions, so every decision reuses the clauses learnt by the ones before. The
criteria are lexicographic: published meetings moved first, then idle time. Each decision gets
a conflict budget, never a timer: the answer is the same under any machine load (CaDiCaL
cannot be interrupted in PySAT anyway).
"""

from dataclasses import dataclass
from itertools import pairwise

from pysat.card import ITotalizer
from pysat.solvers import Solver

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.lowerbound import person_breaks
from matchmaker.b2b.solver.satformula import Formula, build_formula
from matchmaker.b2b.solver.satlane import LOST, Lane, any_model, open_lane

# CaDiCaL makes 6,000 to 10,000 conflicts per CPU second on the published instances (120,000
# to 250,000 clauses), and fewer on larger formulas: 650 to 720 at 1.1 million clauses
# (generated events of 15,600 pairs), about (size ratio)^1.2 fewer. The budget of the phase is
# this rate times its time.
CONFLICTS_PER_SECOND = 8_000
REFERENCE_CLAUSES = 150_000
SLOWDOWN_EXPONENT = 1.2
MIN_BUDGET = 2_000
# Share of the budget for "any schedule within fairness", asked first: it costs a few thousand
# conflicts on the published instances and leaves a schedule whatever happens next.
ANY_SHARE = 0.3
# Share of the remaining budget for each decision on the way up from the lower bound: the
# refutations below the optimum are cheap, and the decision at the optimum, which finds the
# schedule, takes 35,000 to 50,000 conflicts on four of the published 22-slot instances.
UP_SHARE = 0.9
# Decisions run in rounds of this many conflicts. From the first decision that needs a second
# round, a second solver in a child process (`satlane.py`) runs each round beside the first;
# easy searches (small events, most tests) end before a child is worth starting.
ROUND = 10_000
# A refutation within this many conflicts is cheap: those near the structural lower bound take
# the parent a few hundred, the one just below the optimum of a hard instance 10,000 to 35,000.
CHEAP = 2_000
# The climb's lane searches on its own encoding alone up to this many conflicts at one bound
# (its search at the optimum of the published 13crafb instances: 12,000-67,000 measured
# alone), then shares its rounds with its solver on the parent's formula: the crafc instances
# with forbidden slots need that one, and their 60 s leave time for both.
FINDER_ALONE = 60_000
# Totalizers count this far above the lower bound at first, and grow on demand.
FIRST_REACH = 8
# Formulas this large open the lane at once: it looks for the first schedule while this
# process starts up from the lower bound (the published instances have 110,000 to 230,000
# clauses); smaller ones, small events and the tests, start no child for an easy search.
EARLY_LANE_CLAUSES = 50_000


@dataclass(frozen=True)
class IdleResult:
    """Slots found (None: none within the budget), their idle count and published slots left,
    and whether both are proved least (moves first)."""

    slot_of: dict[int, int] | None
    idle: int
    is_proved: bool
    moves: int = 0


def minimise_idle(
    index: Index, placed: set[int], time_limit: float, kept: dict[int, int] | None = None
) -> IdleResult:
    """Slots for exactly the meetings `placed`: fewest `kept` (published) slots left, then
    least idle time, fairness as a cap.

    Any schedule first, on a solver of its own (a fallback, and an upper bound); then the
    fewest moves by bisection, held from then on; then "idle at most k" for k from a
    structural lower bound upwards while the decisions answer (refutations near the bound
    are cheap, and the optimum is often there), and a bisection between the bounds with what
    is left. slot_of None with is_proved means that no schedule exists.
    """
    formula = build_formula(index, placed)
    published = [formula.x[mt] for mt in sorted((kept or {}).items()) if mt in formula.x]
    lowest = sum(person_breaks(index, p, placed) for p in formula.idle)
    with _Search(formula, lowest, time_limit, published) as search:
        if search.first_pending:
            return _least_idle(search, None)
        found, model = search.any_schedule(ANY_SHARE)
        if found is False:
            return IdleResult(None, 0, True)
        best = search.result(model, is_proved=False) if found else None
        if published:
            if best is None:
                return IdleResult(None, 0, False)
            best = _fewest_moves(search, best)
            if not best.is_proved:
                return best
        return _least_idle(search, best)


def _fewest_moves(search: "_Search", best: IdleResult) -> IdleResult:
    """Bisect on the published slots left (trying none first); hold the least found."""
    best, low = _bisect(search, best, low=0, k=0, measure="moves", at_low=0.5)
    search.hold_moves(best.moves)
    return IdleResult(best.slot_of, best.idle, low >= best.moves, best.moves)


def _least_idle(search: "_Search", best: IdleResult | None) -> IdleResult:
    """Up from the lower bound while the decisions answer, then bisect with what is left.
    Without `best`, the lane's first schedule stands in once collected."""
    low = search.lowest
    while search.left > 0:
        best = search.best(best)
        if best is not None and low >= best.idle:
            break
        answer, model, low = search.climb(low, UP_SHARE)
        if answer is None:
            break
        if answer:
            return search.result(model, is_proved=True)
        if search.refuted_all:
            return IdleResult(None, 0, True)
    search.collect_first()
    best = search.best(best)
    if best is None:
        return IdleResult(None, 0, search.refuted_all)
    k = (low + best.idle - 1) // 2
    best, low = _bisect(search, best, low=low, k=k, measure="idle", at_low=1.0)
    return IdleResult(best.slot_of, best.idle, low >= best.idle, best.moves)


def _bisect(
    search: "_Search", best: IdleResult, *, low: int, k: int, measure: str, at_low: float
) -> tuple[IdleResult, int]:
    """Bisect on `measure` ("moves" or "idle") from decision k, between `low` and the best
    schedule's value: the best schedule found and the least value not refuted. A decision at
    `low` gets `at_low` of the budget left, the others half."""
    while low < getattr(best, measure) and search.left > 0:
        answer, model = search.decide(share=at_low if k == low else 0.5, **{measure: k})
        if answer is None:
            break
        if answer:
            best = search.result(model, is_proved=False)
        else:
            low = k + 1
        k = (low + getattr(best, measure) - 1) // 2
    return best, low


class _Search:
    """One CaDiCaL over the formula, with "at most k" as assumptions and a conflict budget."""

    def __init__(self, formula: Formula, lowest: int, seconds: float, published: list[int]) -> None:
        self.formula = formula
        self.lowest = lowest
        self.refuted_all = False
        self.left = max(int(conflict_rate(len(formula.clauses)) * seconds), MIN_BUDGET)
        self.published = published
        self.held: list[int] = []
        self.solver = Solver(name="cadical195", bootstrap_with=formula.clauses)
        self.added: list[list[int]] = []  # clauses given to the solver after the formula
        self.lane: Lane | None = None
        self.lane_rounds = 0  # rounds of the lane running now
        self.lane_broken = False  # no child could be started, or one died: none again
        self.first: IdleResult | None = None  # the lane's first schedule, once collected
        self.first_pending = 0  # conflicts set aside for it until then
        self.ahead = lowest + 1  # the lane's bound while the parent climbs below it
        self.finder_target, self.finder_spent = -1, 0  # the lane's own encoding at its bound
        self.found: IdleResult | None = None  # the lane's best schedule from the climb
        if not published and len(formula.clauses) >= EARLY_LANE_CLAUSES:
            self._start_first()
        self.top = formula.top
        literals = [lit for lits in formula.idle.values() for lit in lits]
        self.idle = self._totalizer(literals, lowest + FIRST_REACH)
        self.flags = self._totalizer(formula.flags, lowest + FIRST_REACH)
        self.moved = self._totalizer([-lit for lit in published], FIRST_REACH)

    def __enter__(self) -> "_Search":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.solver.delete()
        if self.lane is not None:
            self.lane.close()

    def _add(self, clauses: list[list[int]]) -> None:
        self.solver.append_formula(clauses)
        self.added += clauses
        if self.lane is not None and not self.lane.add(clauses):
            self._lose_lane()

    def _totalizer(self, literals: list[int], reach: int) -> ITotalizer | None:
        if not literals:
            return None
        totalizer = ITotalizer(lits=literals, ubound=min(reach, len(literals)), top_id=self.top)
        self.top = totalizer.top_id
        self._add(totalizer.cnf.clauses)
        return totalizer

    def _at_most(self, totalizer: ITotalizer | None, k: int) -> list[int]:
        """The assumption "at most k of the totalizer's literals", extending it if needed."""
        if totalizer is None or k >= len(totalizer.lits):
            return []
        if k >= totalizer.ubound:
            known = len(totalizer.cnf.clauses)
            totalizer.increase(ubound=min(2 * k + 1, len(totalizer.lits)), top_id=self.top)
            self.top = totalizer.top_id
            self._add(totalizer.cnf.clauses[known:])
        return [-totalizer.rhs[k]]

    def any_schedule(self, share: float) -> tuple[bool | None, list[int]]:
        """Any schedule within fairness (None: budget spent), on a solver of its own: in the
        main one its phases and learnt clauses make the decisions near the optimum 10 to 30
        times costlier on the published 21-slot instances. It leans towards published slots."""
        budget = max(int(share * self.left), 1)
        answer, model, used = any_model(self.formula.clauses, budget, phases=self.published)
        self.left -= used
        return answer, model

    def _start_first(self) -> None:
        """Open the lane now, on the formula alone, and have it look for any schedule."""
        self._open_lane()  # its totalizers follow, held
        budget = max(int(ANY_SHARE * self.left), 1)
        if self.lane is None or not self.lane.start_any(budget):
            self._lose_lane()
            return
        self.first_pending = budget
        self.left -= budget

    def collect_first(self) -> IdleResult | None:
        """The lane's first schedule (None: none found, or not asked), its unused budget
        given back. A formula without any model counts as refuted."""
        if not self.first_pending:
            return self.first
        reserved, self.first_pending = self.first_pending, 0
        assert self.lane is not None
        answer, model, used = self.lane.finish_any()
        if answer is LOST:
            self._lose_lane()
            used = 0
        self.left += reserved - min(int(used), reserved)
        self.refuted_all = self.refuted_all or answer is False
        if answer is True:
            self.first = self.result(model, is_proved=False)
        return self.first

    def best(self, best: IdleResult | None) -> IdleResult | None:
        """The least idle of `best`, the lane's first schedule and what it found climbing."""
        found = [r for r in (best, self.first, self.found) if r is not None]
        return min(found, key=lambda r: (r.moves, r.idle), default=None)

    def climb(self, idle: int, share: float) -> tuple[bool | None, list[int], int]:
        """Whether a schedule within `idle` exists (None: budget spent), and the least bound
        not refuted. Meanwhile the lane looks for one at its own bound above (`_lane_turn`): the
        refutation just below the optimum and the search at the optimum are the two costly
        decisions, and this runs them side by side."""
        assumptions = self.held + self._bounds(idle)
        budget, spent = max(int(share * self.left), 1), 0
        self.collect_first()
        while spent < budget:
            if spent >= ROUND and self.lane is None and not self.lane_broken:
                self._open_lane()
            target, which = self._lane_turn(idle)
            ahead = assumptions if target == idle else self.held + self._bounds(target)
            size = min(ROUND, budget - spent)
            # Each round of the lane is waited for (its answer depends on conflict counts
            # only); near the lower bound both refute their bounds within a few hundred.
            (answer, model, used), (other, other_model) = self._paired_round(
                assumptions, ahead, which, size
            )
            if which:
                same = target == self.finder_target
                self.finder_target, self.finder_spent = target, size + self.finder_spent * same
            spent += used
            if answer:
                return True, model, idle
            if other:
                found = self.result(other_model, is_proved=False)
                self.found = self.best(found)
                if found.idle <= idle:
                    return True, other_model, idle
            if answer is False or other is False:
                refuted = target if other is False else idle
                # After a cheap refutation the lane moves further up; a costly one is most
                # often the last below the optimum, where the lane already searches.
                self.ahead = max(self.ahead, refuted + (2 if spent < CHEAP else 1))
                return False, [], refuted + 1
        return None, [], idle

    def _bounds(self, idle: int) -> list[int]:
        """Assumptions for "at most `idle`": every person who idles idles once at least."""
        return self._at_most(self.idle, idle) + self._at_most(self.flags, idle)

    def _lane_turn(self, idle: int) -> tuple[int, int]:
        """The lane's bound and solver for its next round while the parent decides `idle`:
        the solver on its own encoding (the better at finding schedules), above the parent's
        bound and below the best known. Once that one has searched long at one bound, the
        solver on the parent's formula (in another configuration: it refutes some bounds and
        finds some schedules far sooner) takes every other round, on the parent's bound."""
        lane = self.lane
        if lane is None:
            return idle, 0
        if self.finder_spent < FINDER_ALONE or self.lane_rounds % lane.solvers == 0:
            best = self.best(None)
            ceiling = self.ahead if best is None else min(self.ahead, best.idle - 1)
            return max(idle, ceiling), lane.solvers - 1
        return idle, 0

    def _paired_round(
        self, assumptions: list[int], ahead: list[int], which: int, budget: int
    ) -> tuple[tuple[bool | None, list[int], int], tuple[bool | None, list[int]]]:
        """One round of the parent on `assumptions` and of the lane's solver `which` on
        `ahead`; the lane's is waited for unless the parent found a schedule. Each answer with
        its model, and the parent's conflicts."""
        lane = self._start_lane(ahead, budget, which)
        answer, model, used = self._own_round(assumptions, budget)
        if lane is None:
            return (answer, model, used), (None, [])
        if answer:
            lane.close()
            self.lane = None
            return (answer, model, used), (None, [])
        return (answer, model, used), self._lane_answer(lane)

    def hold_moves(self, k: int) -> None:
        """From now on, every decision keeps at most k published slots moved."""
        self.held = self._at_most(self.moved, k)

    def decide(
        self, *, share: float, idle: int | None = None, moves: int | None = None
    ) -> tuple[bool | None, list[int]]:
        """Whether a schedule within the bounds given exists; None: budget spent."""
        assumptions = list(self.held)
        if idle is not None:
            assumptions += self._bounds(idle)
        if moves is not None:
            assumptions += self._at_most(self.moved, moves)
        budget, spent = max(int(share * self.left), 1), 0
        # A lane opened at the start takes part from the first decision's first round, once its
        # first schedule is in (it takes 0.05-0.35 s on the published instances); any other from
        # a decision's second round (a fixed round: the answer never depends on how fast the
        # child started), opened then.
        self.collect_first()
        while spent < budget:
            if spent >= ROUND and self.lane is None and not self.lane_broken:
                self._open_lane()
            lane = self.lane
            answer, model, used = self._round(lane, assumptions, min(ROUND, budget - spent))
            spent += used
            if answer is not None:
                return answer, model
        return None, []

    def _open_lane(self) -> None:
        """A lane with every clause so far: one solver per encoding of the slot caps. None
        where no child could be started: then none again."""
        common, caps = self.formula.lane_parts
        self.lane = open_lane(common + self.added, caps)
        self.lane_broken = self.lane is None
        self.lane_rounds = 0

    def _round(
        self, lane: Lane | None, assumptions: list[int], budget: int
    ) -> tuple[bool | None, list[int], int]:
        """One round on both solvers; the own answer first, so the pick depends on conflict
        counts only. Also the conflicts the own solver used (the wall-clock measure)."""
        if lane is not None:
            # The lane's solvers take turns, its own encoding first (it finds schedules),
            # then the parent's (it refutes; in another configuration than the parent's).
            which = lane.solvers - 1 - self.lane_rounds % lane.solvers
            lane = self._start_lane(assumptions, budget, which)
        answer, model, used = self._own_round(assumptions, budget)
        if lane is not None and answer is not None:
            # Its round is dropped, and the lane with it: a solver stopped in mid-round would
            # go on from a state that depends on timing. The next hard decision opens another.
            lane.close()
            self.lane = None
        elif lane is not None:
            other, other_model = self._lane_answer(lane)
            if other is not None:
                return other, other_model, used
        return answer, model, used

    def _start_lane(self, assumptions: list[int], budget: int, which: int) -> Lane | None:
        """The lane, its solver `which` started on a round (None: no lane, or it died)."""
        lane = self.lane
        if lane is not None:
            self.lane_rounds += 1
            if not lane.start(assumptions, budget, which):
                self._lose_lane()
                return None
        return lane

    def _lane_answer(self, lane: Lane) -> tuple[bool | None, list[int]]:
        """The lane's answer to its round, with its model (None: budget spent, or it died);
        a refutation that used no assumption proves that no schedule exists."""
        other, model, without_core = lane.finish()
        if other is LOST:
            self._lose_lane()
            return None, []
        self.refuted_all = self.refuted_all or (other is False and without_core)
        return (other if isinstance(other, bool) else None), model

    def _own_round(self, assumptions: list[int], budget: int) -> tuple[bool | None, list[int], int]:
        """The parent's own solver for `budget` conflicts: answer, model, conflicts used."""
        before = self._conflicts()
        self.solver.conf_budget(budget)
        answer = self.solver.solve_limited(assumptions=assumptions)
        used = max(self._conflicts() - before, 1)
        self.left -= used
        # Refuted without using a bound (no core): no schedule at all.
        self.refuted_all = answer is False and not self.solver.get_core()
        model = (self.solver.get_model() or []) if answer else []
        return answer, model, used

    def _lose_lane(self) -> None:
        """A child that died is not replaced (it may have run out of memory)."""
        if self.lane is not None:
            self.lane.close()
        self.lane, self.lane_broken = None, True

    def result(self, model: list[int], *, is_proved: bool) -> IdleResult:
        """The schedule of a model, with its idle count and published slots left."""
        true = {lit for lit in model if lit > 0}
        slot_of = self.formula.slots_of(model)
        moves = sum(1 for lit in self.published if lit not in true)
        return IdleResult(slot_of, idle_of(self.formula.index, slot_of), is_proved, moves)

    def _conflicts(self) -> int:
        return int(self.solver.accum_stats().get("conflicts", 0))


def conflict_rate(clauses: int) -> float:
    """CaDiCaL's conflicts per CPU second expected on a formula of this many clauses."""
    return CONFLICTS_PER_SECOND * min(1.0, REFERENCE_CLAUSES / max(clauses, 1)) ** SLOWDOWN_EXPONENT


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
