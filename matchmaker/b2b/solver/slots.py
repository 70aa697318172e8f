"""The CP-SAT slot model: which meeting takes which slot, with idle time and fairness."""

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index

Literal = cp_model.IntVar | int


@dataclass
class SlotModel:
    """CP-SAT variables x[m, t] (meeting m in slot t) and the expressions built on them."""

    index: Index
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    busy: list[list[Literal]] = field(default_factory=list)
    idle: list[cp_model.LinearExprT] = field(default_factory=list)

    def placed(self, meeting: int) -> cp_model.LinearExprT:
        """1 when the meeting is scheduled."""
        return sum(self.x[meeting, t] for t in self.index.candidates[meeting])

    def weight(self, scale: int) -> cp_model.LinearExprT:
        """Total scheduled weight, times `scale`, in integers."""
        return sum(round(w * scale) * self.placed(m) for m, w in enumerate(self.index.weights))

    def total_idle(self) -> cp_model.LinearExprT:
        """Idle time summed over participants."""
        return sum(self.idle)


def build_slot_model(index: Index, *, with_idle: bool) -> SlotModel:
    """Assignment, people, tables and caps; idle time and fairness when asked."""
    sm = SlotModel(index)
    model = sm.model
    schedule_all = index.problem.objective.schedule_all
    for m, slots in enumerate(index.candidates):
        for t in slots:
            sm.x[m, t] = model.new_bool_var(f"x{m}_{t}")
        placed = sm.placed(m)
        if schedule_all or index.is_pinned(m):
            model.add(placed == 1)
        else:
            model.add(placed <= 1)
    _add_tables(sm)
    _add_people(sm)
    if with_idle:
        _add_idle(sm)
        _add_fairness(sm)
    return sm


def _add_tables(sm: SlotModel) -> None:
    index = sm.index
    free_count = len(index.free_tables)
    by_slot: dict[int, list] = {}
    for (m, t), var in sm.x.items():
        by_slot.setdefault(t, []).append((m, var))
    for entries in by_slot.values():
        free = [var for m, var in entries if not index.homes[m]]
        if len(free) > free_count:
            sm.model.add(sum(free) <= free_count)
        _add_home_tables(sm, [(m, var) for m, var in entries if index.homes[m]])


def _add_home_tables(sm: SlotModel, entries: list) -> None:
    """At most one meeting per home table and slot; a meeting with several homes picks one."""
    per_table: dict[int, list] = {}
    for m, var in entries:
        homes = sm.index.homes[m]
        if len(homes) == 1:
            per_table.setdefault(homes[0], []).append(var)
            continue
        choices = [sm.model.new_bool_var(f"h{m}_{h}") for h in homes]
        sm.model.add(sum(choices) == var)
        for h, choice in zip(homes, choices, strict=True):
            per_table.setdefault(h, []).append(choice)
    for lits in per_table.values():
        if len(lits) > 1:
            sm.model.add_at_most_one(lits)


def _add_people(sm: SlotModel) -> None:
    index = sm.index
    slot_count = len(index.slot_ids)
    for p, meetings in enumerate(index.meetings_of):
        row: list[Literal] = []
        for t in range(slot_count):
            lits = [sm.x[m, t] for m in meetings if (m, t) in sm.x]
            if not lits:
                row.append(0)
            elif len(lits) == 1:
                row.append(lits[0])
            else:
                busy = sm.model.new_bool_var(f"b{p}_{t}")
                sm.model.add(sum(lits) == busy)
                row.append(busy)
        sm.busy.append(row)
        cap = index.caps[p]
        if cap is not None and sum(1 for b in row if not isinstance(b, int)) > cap:
            sm.model.add(sum(row) <= cap)


def _add_idle(sm: SlotModel) -> None:
    by_breaks = sm.index.problem.objective.idle == IdleMeasure.BREAKS
    for row in sm.busy:
        parts: list[cp_model.LinearExprT] = []
        for scope in sm.index.scopes:
            seq = [row[t] for t in scope if not isinstance(row[t], int)]
            if len(seq) < 2:
                continue
            lits = [row[t] for t in scope]
            parts.append(_breaks(sm.model, lits) if by_breaks else _gap_slots(sm.model, lits))
        sm.idle.append(cp_model.LinearExpr.sum(parts) if parts else 0)


def _any(model: cp_model.CpModel, lits: list[Literal]) -> cp_model.IntVar:
    flag = model.new_bool_var("")
    live = [lit for lit in lits if not isinstance(lit, int)]
    model.add_max_equality(flag, live)
    return flag


def _breaks(model: cp_model.CpModel, lits: list[Literal]) -> cp_model.LinearExprT:
    """Maximal runs of busy slots minus one: the number of breaks, exactly."""
    starts: list[Literal] = []
    previous: Literal = 0
    for lit in lits:
        if isinstance(lit, int):
            previous = 0
            continue
        if isinstance(previous, int):
            starts.append(lit)
        else:
            start = model.new_bool_var("")
            model.add_bool_and([lit, previous.Not()]).only_enforce_if(start)
            model.add_bool_or([lit.Not(), previous, start])
            starts.append(start)
        previous = lit
    return sum(starts) - _any(model, lits)


def _gap_slots(model: cp_model.CpModel, lits: list[Literal]) -> cp_model.LinearExprT:
    """Empty slots between the first and the last busy slot, exactly."""
    before = _running_or(model, lits)
    after = _running_or(model, lits[::-1])
    any_busy = before[-1]
    span = sum(before) + sum(after) - len(lits) * any_busy
    return span - sum(lits)


def _running_or(model: cp_model.CpModel, lits: list[Literal]) -> list[Literal]:
    """Prefix disjunctions: out[i] is true when some lits[j], j <= i, is."""
    out: list[Literal] = []
    previous: Literal = 0
    for lit in lits:
        if isinstance(lit, int):
            out.append(previous)
            continue
        if isinstance(previous, int):
            current: Literal = lit
        else:
            current = model.new_bool_var("")
            model.add_max_equality(current, [previous, lit])
        out.append(current)
        previous = current
    return out


def _add_fairness(sm: SlotModel) -> None:
    spread = sm.index.problem.objective.fairness
    if spread is None or not sm.idle:
        return
    bound = sum(len(scope) for scope in sm.index.scopes)
    # A participant without any possible meeting has idle 0, which pins the minimum.
    if any(isinstance(i, int) for i in sm.idle):
        for idle in sm.idle:
            if not isinstance(idle, int):
                sm.model.add(idle <= spread)
        return
    low = sm.model.new_int_var(0, bound, "idle_min")
    high = sm.model.new_int_var(0, bound, "idle_max")
    for idle in sm.idle:
        sm.model.add(low <= idle)
        sm.model.add(idle <= high)
    sm.model.add(high - low <= spread)
