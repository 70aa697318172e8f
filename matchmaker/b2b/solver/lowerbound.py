"""A structural lower bound on breaks: the fewest runs each person's meetings can form alone."""

from matchmaker.b2b.solver.index import Index

INFINITE = 10**9


def person_breaks(index: Index, p: int, placed: set[int]) -> int:
    """The fewest breaks person p can have in any schedule of `placed`, seeing only p.

    Per scope: the meetings of p that can only take slots of that scope must fill that many
    of p's usable slots, pinned ones included; the fewest maximal runs such a choice makes,
    minus one, are breaks nobody can avoid. A break holds at least one idle slot, so this
    bounds idle slots too. Partners and tables are ignored: the bound is weak when they are
    the bottleneck.
    """
    mine = [m for m in index.meetings_of[p] if m in placed]
    total = 0
    for scope in index.scopes:
        inside = set(scope)
        forced = [m for m in mine if set(index.candidates[m]) <= inside]
        if len(forced) < 2:
            continue
        usable = {t for m in mine for t in index.candidates[m]} & inside
        pinned = {index.candidates[m][0] for m in forced if len(index.candidates[m]) == 1}
        row = [2 if t in pinned else int(t in usable) for t in scope]
        runs = fewest_runs(row, len(forced))
        total += max(runs - 1, 0)
    return total


def fewest_runs(row: list[int], at_least: int) -> int:
    """Fewest maximal runs of chosen positions: at least `at_least` chosen, every 2 chosen,
    only non-zero positions chosen (INFINITE when impossible)."""
    # best[c][b]: fewest runs with c chosen so far (capped at at_least), b = last one chosen.
    best = [[INFINITE, INFINITE] for _ in range(at_least + 1)]
    best[0][0] = 0
    for mark in row:
        step = [[INFINITE, INFINITE] for _ in range(at_least + 1)]
        for c in range(at_least + 1):
            for last in (0, 1):
                runs = best[c][last]
                if runs >= INFINITE:
                    continue
                if mark != 2:
                    step[c][0] = min(step[c][0], runs)
                if mark:
                    chosen = min(c + 1, at_least)
                    step[chosen][1] = min(step[chosen][1], runs + (1 - last))
        best = step
    return min(best[at_least])
