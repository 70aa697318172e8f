"""The SAT encoding of the slot placement, shared by the SAT idle phase and MaxSAT.

The model of Bofill et al., JAIR 2022: x[m, t] (meeting m in slot t), busy[p, t] (p meets in
t), one literal per unit of idle time, with its implied constraints: each person is busy in
exactly as many slots as they have meetings (43), at most two people per table are busy in a
slot (44), and nobody idles more than the fairness spread when somebody surely idles 0.

Added here, and valid for every schedule: a person whose slots all lie in one scope either
idles (flag[p]) or is busy in one block of consecutive slots, so one "start" literal per
possible block fixes their whole row. These block literals cut the refutations below the
optimum (forum-14's two forced breaks are refuted by propagation alone) and let the search
decide a person's whole day at once.

The slot caps (tables per slot, busy people per slot) have a second encoding, for one of the
two solvers of the lane (`satlane.py`; the other works on this formula): the compact k-modulo
totalizers, which refute well, become a plain totalizer on the busy people, which unit
propagation enforces fully, and the table caps go where that one implies them (every meeting
between two people, no booths: busy people = 2 x meetings). Measured alone with 4 to 10
random variable orders each, it finds schedules far faster (ticf-14crafa at 0 breaks: a
median of 4,800 conflicts instead of 22,000; ticf-13crafb at 3: 66,000 instead of more than
150,000) and refutes far worse (forum-13crafc at 0 breaks: 34,000 instead of 2,700), hence
both.
"""

from dataclasses import dataclass, field

from pysat.card import CardEnc, EncType

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.tablegroups import group_table_literals


@dataclass
class Formula:
    """Variables x[m, t], busy[p, t], idle literals and idle flags, and the hard clauses."""

    index: Index
    clauses: list[list[int]] = field(default_factory=list)
    top: int = 0
    x: dict[tuple[int, int], int] = field(default_factory=dict)
    busy: dict[tuple[int, int], int] = field(default_factory=dict)
    idle: dict[int, list[int]] = field(default_factory=dict)  # person -> one literal per unit
    flags: list[int] = field(default_factory=list)  # "this person idles", per block person
    degree: dict[int, int] = field(default_factory=dict)  # person -> meetings to place
    own_caps: list[tuple[int, int]] = field(default_factory=list)  # clause ranges: not the lane's
    lane_caps: list[list[int]] = field(default_factory=list)  # the lane's instead

    @property
    def lane_parts(self) -> tuple[list[list[int]], list[list[list[int]]] | None]:
        """The clauses of every solver of the lane, and the caps of each: the parent's
        encoding, then the lane's (None: one encoding only, the parent's)."""
        if not self.own_caps:
            return self.clauses, None
        kept, cut, at = [], [], 0
        for start, end in self.own_caps:
            kept += self.clauses[at:start]
            cut += self.clauses[start:end]
            at = end
        return kept + self.clauses[at:], [cut, self.lane_caps]

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

    def slots_of(self, model: list[int]) -> dict[int, int]:
        """The slot of every placed meeting in a model of the formula."""
        true = {lit for lit in model if lit > 0}
        return {m: t for (m, t), var in self.x.items() if var in true}


def build_formula(index: Index, placed: set[int]) -> Formula:
    """The hard clauses for placing exactly `placed`, with idle literals and fairness caps."""
    formula = Formula(index)
    _encode_meetings(formula, placed)
    tables = _encode_tables(formula)
    busy = _encode_people(formula, placed)
    _encode_idle(formula)
    fairness = index.problem.objective.fairness
    if fairness is not None:
        for lits in formula.idle.values():
            formula.require(lits, fairness)
    if busy is not None:
        _encode_lane_caps(formula, tables, *busy)
    return formula


def _encode_meetings(formula: Formula, placed: set[int]) -> None:
    for m in sorted(placed):
        lits = []
        for t in formula.index.candidates[m]:
            formula.x[m, t] = formula.new()
            lits.append(formula.x[m, t])
        formula.clauses.append(lits)
        formula.require(lits, 1)


def _encode_tables(formula: Formula) -> tuple[int, int]:
    """The table caps per slot; the range of their clauses."""
    free, home = group_table_literals(formula.index, formula.x, formula.new, formula.clauses.append)
    start = len(formula.clauses)
    for lits in free:
        formula.require(lits, len(formula.index.free_tables))
    for lits in home:
        formula.require(lits, 1)
    return start, len(formula.clauses)


def _encode_people(
    formula: Formula, placed: set[int]
) -> tuple[dict[int, list[int]], tuple[int, int]] | None:
    """busy[p, t] is exactly "p meets in t"; implied: p is busy in exactly deg(p) slots, and
    with meetings of two people only, at most two per table in a slot: then the busy literals
    per slot and the range of those caps' clauses (None: no such caps)."""
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
            formula.degree[p] = len(mine)
    if not all(len(people) == 2 for people in index.members):
        return None
    start = len(formula.clauses)
    for lits in per_slot.values():
        formula.require(lits, _busy_cap(index))
    return per_slot, (start, len(formula.clauses))


def _busy_cap(index: Index) -> int:
    """At most two people per table meet in a slot (every meeting between two people)."""
    return 2 * len(index.free_tables) + 2 * len({h for homes in index.homes for h in homes})


def _encode_lane_caps(
    formula: Formula, tables: tuple[int, int], per_slot: dict[int, list[int]], busy: tuple[int, int]
) -> None:
    """The lane's slot caps: a totalizer on the busy people of each slot, in place of the
    parent's busy caps, and of its table caps unless there are booths (the totalizer implies
    the caps of the free tables only). Its variables come last: the parent's numbering is
    unchanged."""
    formula.own_caps = [busy] if any(formula.index.homes) else [tables, busy]
    bound = _busy_cap(formula.index)
    for lits in per_slot.values():
        if len(lits) > bound:
            cnf = CardEnc.atmost(lits, bound, top_id=formula.top, encoding=EncType.totalizer)
            formula.top = max(formula.top, cnf.nv)
            formula.lane_caps += cnf.clauses
    for cut in _session_cuts(formula.index):
        _encode_cut(formula, cut)


def _session_cuts(index: Index) -> list[int]:
    """The slots that open a session after another one (lunch, a second day)."""
    sessions = [slot.session for slot in index.problem.slots]
    return [t for t in range(1, len(sessions)) if sessions[t] != sessions[t - 1]]


def _encode_cut(formula: Formula, cut: int) -> None:
    """Implied, for the lane: each person is busy before `cut` in as many slots as they have
    meetings before it. With a person's block start decided, propagation then knows how many
    of their meetings that may take either session take the first: which session each such
    meeting takes is most of the difficulty of the published 13crafb instances."""
    index, before = formula.index, {}
    placed = {m for m, _ in formula.x}
    for m in sorted(placed):
        slots = index.candidates[m]
        early = [formula.x[m, t] for t in slots if t < cut and (m, t) in formula.x]
        if early and len(early) < len(slots):
            before[m] = formula.new()
            formula.lane_caps.append([-before[m], *early])
            formula.lane_caps.extend([-lit, before[m]] for lit in early)
    for p, meetings in enumerate(index.meetings_of):
        either = [before[m] for m in meetings if m in before]
        if not either:
            continue
        mine = [m for m in meetings if m in placed and m not in before]
        sure = sum(1 for m in mine if max(index.candidates[m]) < cut)
        busy = [formula.busy[p, t] for t in range(cut) if (p, t) in formula.busy]
        # busy slots before the cut = sure + either meetings before it, as one cardinality:
        # the busy literals and the negated "before" literals sum to sure + len(either).
        cnf = CardEnc.equals(
            lits=busy + [-lit for lit in either],
            bound=sure + len(either),
            top_id=formula.top,
            encoding=EncType.totalizer,
        )
        formula.top = max(formula.top, cnf.nv)
        formula.lane_caps += cnf.clauses


def _encode_idle(formula: Formula) -> None:
    by_breaks = formula.index.problem.objective.idle == IdleMeasure.BREAKS
    for p in range(len(formula.index.person_ids)):
        lits: list[int] = []
        rows = []
        for scope in formula.index.scopes:
            row = [formula.busy.get((p, t), 0) for t in scope]
            if any(row):
                rows.append(row)
            if sum(1 for b in row if b) < 2:
                continue
            lits += _breaks(formula, row) if by_breaks else _holes(formula, row)
        if lits:
            formula.idle[p] = lits
            if len(rows) == 1:
                _encode_block(formula, rows[0], lits, formula.degree[p])


def _encode_block(formula: Formula, row: list[int], idle: list[int], length: int) -> None:
    """Either the person idles (the flag, then some idle literal holds) or their `length`
    busy slots are the window of one start literal: busy inside it, free outside."""
    flag = formula.new()
    formula.flags.append(flag)
    formula.clauses.append([-flag, *idle])
    starts = {
        s: formula.new()
        for s in range(len(row) - length + 1)
        if all(row[i] for i in range(s, s + length))
    }
    formula.clauses.append([flag, *starts.values()])
    formula.require(list(starts.values()), 1)
    for s, start in starts.items():
        for i, busy in enumerate(row):
            if busy:
                inside = s <= i < s + length
                formula.clauses.append([-start, flag, busy if inside else -busy])
    for i, busy in enumerate(row):
        if busy:
            window = [starts[s] for s in range(i - length + 1, i + 1) if s in starts]
            formula.clauses.append([-busy, flag, *window])


def _seen(formula: Formula, row: list[int]) -> list[int]:
    """seen[i] is exactly "busy somewhere before position i" (0 when impossible)."""
    out, previous = [], 0
    for i in range(len(row)):
        lit = row[i - 1] if i else 0
        if not lit:
            out.append(previous)
            continue
        if not previous:
            current = lit
        else:
            current = formula.new()
            formula.clauses += [[-current, previous, lit], [-previous, current], [-lit, current]]
        out.append(current)
        previous = current
    return out


def _breaks(formula: Formula, row: list[int]) -> list[int]:
    """One literal per break: p is busy at i, idle at i - 1 and was busy before."""
    seen = _seen(formula, row)
    ends = []
    for i in range(1, len(row)):
        busy, before = row[i], seen[i - 1]
        if not busy or not before:
            continue
        parts = [busy, before] + ([-row[i - 1]] if row[i - 1] else [])
        ends.append(_and(formula, parts))
    return ends


def _holes(formula: Formula, row: list[int]) -> list[int]:
    """One literal per idle slot between p's first and last meeting."""
    before = _seen(formula, row)
    after = _seen(formula, row[::-1])[::-1]
    holes = []
    for i in range(len(row)):
        if before[i] and after[i]:
            holes.append(_and(formula, [before[i], after[i]] + ([-row[i]] if row[i] else [])))
    return holes


def _and(formula: Formula, parts: list[int]) -> int:
    out = formula.new()
    formula.clauses += [[-out, part] for part in parts]
    formula.clauses.append([out] + [-part for part in parts])
    return out
