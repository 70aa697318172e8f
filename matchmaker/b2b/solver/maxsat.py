"""Idle phase as partial MaxSAT (RC2): the encoding of Bofill et al., JAIR 2022, with its
implied constraints, for a fixed set of meetings to place."""

import threading
from dataclasses import dataclass, field
from itertools import count

from pysat.card import CardEnc, EncType
from pysat.examples.rc2 import RC2, RC2Stratified
from pysat.formula import WCNF

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index
from matchmaker.b2b.solver.tablegroups import group_table_literals


@dataclass
class Encoding:
    """Variables x[m, t], busy[p, t] and the weighted formula over them."""

    index: Index
    wcnf: WCNF = field(default_factory=WCNF)
    counter: count = field(default_factory=lambda: count(1))
    x: dict[tuple[int, int], int] = field(default_factory=dict)
    busy: dict[tuple[int, int], int] = field(default_factory=dict)
    idle: dict[int, list[int]] = field(default_factory=dict)  # person -> idle literals

    def new(self) -> int:
        """A fresh variable."""
        return next(self.counter)

    def cardinality(self, lits: list[int], bound: int, *, exact: bool = False) -> None:
        """Hard: at most (or exactly) `bound` of `lits` are true."""
        if not exact and len(lits) <= bound:
            return
        encode = CardEnc.equals if exact else CardEnc.atmost
        kind = EncType.pairwise if bound == 1 and len(lits) <= 6 else EncType.seqcounter
        top = self.counter.__next__() - 1
        cnf = encode(lits=lits, bound=bound, top_id=top, encoding=kind)
        for clause in cnf.clauses:
            self.wcnf.append(clause)
        self.counter = count(max(cnf.nv, top) + 1)


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
    enc = Encoding(index)
    _encode_meetings(enc, placed)
    _encode_tables(enc)
    _encode_people(enc, placed)
    _encode_idle(enc)
    fairness = index.problem.objective.fairness
    if fairness is not None:
        for lits in enc.idle.values():
            enc.cardinality(lits, fairness)
    room = sum(len(lits) for lits in enc.idle.values()) + 1
    for lits in enc.idle.values():
        for lit in lits:
            enc.wcnf.append([-lit], weight=1)
    for m, t in kept.items():
        if (m, t) in enc.x:
            enc.wcnf.append([enc.x[m, t]], weight=room)
    return _run(enc, time_limit, stratified=bool(kept))


def _run(enc: Encoding, time_limit: float, *, stratified: bool) -> tuple[dict | None, bool, int]:
    engine = RC2Stratified if stratified else RC2
    solver = engine(enc.wcnf, solver="g4", adapt=True, exhaust=True, minz=True)
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
    true = {lit for lit in model if lit > 0}
    return {m: t for (m, t), var in enc.x.items() if var in true}, not interrupted, cost


def _encode_meetings(enc: Encoding, placed: set[int]) -> None:
    for m in sorted(placed):
        lits = []
        for t in enc.index.candidates[m]:
            enc.x[m, t] = enc.new()
            lits.append(enc.x[m, t])
        enc.cardinality(lits, 1, exact=True)


def _encode_tables(enc: Encoding) -> None:
    free, home = group_table_literals(enc.index, enc.x, enc.new, enc.wcnf.append)
    for lits in free:
        enc.cardinality(lits, len(enc.index.free_tables))
    for lits in home:
        enc.cardinality(lits, 1)


def _encode_people(enc: Encoding, placed: set[int]) -> None:
    """busy[p, t] is exactly "p meets in t"; implied: p is busy in exactly deg(p) slots."""
    index = enc.index
    per_slot: dict[int, list[int]] = {}
    for p, meetings in enumerate(index.meetings_of):
        mine = [m for m in meetings if m in placed]
        row = []
        for t in range(len(index.slot_ids)):
            lits = [enc.x[m, t] for m in mine if (m, t) in enc.x]
            if not lits:
                continue
            busy = enc.new()
            enc.busy[p, t] = busy
            enc.wcnf.append([-busy, *lits])
            for lit in lits:
                enc.wcnf.append([-lit, busy])
            enc.cardinality(lits, 1)
            row.append(busy)
            per_slot.setdefault(t, []).append(busy)
        if row:
            enc.cardinality(row, len(mine), exact=True)
    if all(len(people) == 2 for people in index.members):
        for lits in per_slot.values():
            enc.cardinality(lits, 2 * len(index.free_tables) + _home_count(index))


def _home_count(index: Index) -> int:
    return 2 * len({h for homes in index.homes for h in homes})


def _encode_idle(enc: Encoding) -> None:
    by_breaks = enc.index.problem.objective.idle == IdleMeasure.BREAKS
    for p in range(len(enc.index.person_ids)):
        lits: list[int] = []
        for scope in enc.index.scopes:
            row = [enc.busy.get((p, t), 0) for t in scope]
            if sum(1 for b in row if b) < 2:
                continue
            lits += _breaks(enc, row) if by_breaks else _gaps(enc, row)
        if lits:
            enc.idle[p] = lits


def _seen(enc: Encoding, row: list[int]) -> list[int]:
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
            current = enc.new()
            enc.wcnf.extend([[-current, previous, lit], [-previous, current], [-lit, current]])
        out.append(current)
        previous = current
    return out


def _breaks(enc: Encoding, row: list[int]) -> list[int]:
    """One literal per break: p is busy at i, idle at i - 1 and was busy before."""
    seen = _seen(enc, row)
    ends = []
    for i in range(1, len(row)):
        busy, before = row[i], seen[i - 1]
        if not busy or not before:
            continue
        parts = [busy, before] + ([-row[i - 1]] if row[i - 1] else [])
        ends.append(_and(enc, parts))
    return ends


def _gaps(enc: Encoding, row: list[int]) -> list[int]:
    """One literal per idle slot between p's first and last meeting."""
    before = _seen(enc, row)
    after = _seen(enc, row[::-1])[::-1]
    holes = []
    for i in range(len(row)):
        if before[i] and after[i]:
            holes.append(_and(enc, [before[i], after[i]] + ([-row[i]] if row[i] else [])))
    return holes


def _and(enc: Encoding, parts: list[int]) -> int:
    out = enc.new()
    for part in parts:
        enc.wcnf.append([-out, part])
    enc.wcnf.append([out] + [-part for part in parts])
    return out
