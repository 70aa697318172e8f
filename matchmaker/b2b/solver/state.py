"""A mutable partial schedule with constant-time fit tests and idle deltas, for local search."""

from collections import defaultdict
from itertools import pairwise

from matchmaker.b2b.model import IdleMeasure
from matchmaker.b2b.solver.index import Index


class State:
    """Who meets when, which slots and home tables are taken, and idle time per person."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.slot_of: dict[int, int] = {}
        self.busy: list[dict[int, int]] = [{} for _ in index.person_ids]  # slot -> meeting
        self.free_used: defaultdict[int, int] = defaultdict(int)
        self.home_used: dict[tuple[int, int], int] = {}  # (table, slot) -> meeting
        self.home_of: dict[int, int] = {}
        self.scope_of = [0] * len(index.slot_ids)
        self.neighbour_ok: list[tuple[bool, bool]] = []
        for s, scope in enumerate(index.scopes):
            for t in scope:
                self.scope_of[t] = s
        for t in range(len(index.slot_ids)):
            self.neighbour_ok.append(
                (
                    t > 0 and self.scope_of[t - 1] == self.scope_of[t],
                    t + 1 < len(index.slot_ids) and self.scope_of[t + 1] == self.scope_of[t],
                )
            )
        self.by_breaks = index.problem.objective.idle == IdleMeasure.BREAKS

    def fits(self, m: int, t: int) -> bool:
        """Whether meeting m can be added in slot t as things stand."""
        index = self.index
        for p in index.members[m]:
            if t in self.busy[p]:
                return False
            cap = index.caps[p]
            if cap is not None and len(self.busy[p]) >= cap:
                return False
        return self._table_for(m, t) is not None

    def _table_for(self, m: int, t: int) -> int | None:
        homes = self.index.homes[m]
        if not homes:
            return -1 if self.free_used[t] < len(self.index.free_tables) else None
        return next((h for h in homes if (h, t) not in self.home_used), None)

    def place(self, m: int, t: int) -> None:
        """Add meeting m in slot t (which must fit)."""
        table = self._table_for(m, t)
        if table == -1:
            self.free_used[t] += 1
        elif table is not None:
            self.home_used[table, t] = m
            self.home_of[m] = table
        self.slot_of[m] = t
        for p in self.index.members[m]:
            self.busy[p][t] = m

    def remove(self, m: int) -> int:
        """Take meeting m out of the schedule; return the slot it had."""
        t = self.slot_of.pop(m)
        if m in self.home_of:
            del self.home_used[self.home_of.pop(m), t]
        else:
            self.free_used[t] -= 1
        for p in self.index.members[m]:
            del self.busy[p][t]
        return t

    def idle_delta(self, p: int, t: int, adding: bool = True) -> int:
        """Change of p's idle time when slot t becomes busy (or free, when not adding)."""
        busy = self.busy[p]
        if self.by_breaks:
            left_ok, right_ok = self.neighbour_ok[t]
            neighbours = (left_ok and t - 1 in busy) + (right_ok and t + 1 in busy)
            others = sum(1 for s in busy if s != t and self.scope_of[s] == self.scope_of[t])
            if others == 0:
                return 0
            runs = 1 - neighbours
            return runs if adding else -runs
        return self._gap_delta(p, t, adding)

    def _gap_delta(self, p: int, t: int, adding: bool) -> int:
        scope = self.scope_of[t]
        others = [s for s in self.busy[p] if s != t and self.scope_of[s] == scope]
        if not others:
            return 0
        first, last = min(others), max(others)
        change = -1 if first < t < last else first - t - 1 if t < first else t - last - 1
        return change if adding else -change

    def idle(self, p: int) -> int:
        """Idle time of person p as the objective measures it."""
        by_scope: dict[int, list[int]] = {}
        for t in sorted(self.busy[p]):
            by_scope.setdefault(self.scope_of[t], []).append(t)
        if self.by_breaks:
            return sum(b - a > 1 for slots in by_scope.values() for a, b in pairwise(slots))
        return sum(slots[-1] - slots[0] + 1 - len(slots) for slots in by_scope.values())

    def cost(self, m: int, t: int) -> int:
        """Idle time added by putting meeting m in slot t."""
        return sum(self.idle_delta(p, t) for p in self.index.members[m])

    def best_slot(self, m: int) -> int | None:
        """The fitting slot that adds the least idle time, earliest first on ties."""
        options = [(self.cost(m, t), t) for t in self.index.candidates[m] if self.fits(m, t)]
        return min(options)[1] if options else None
