"""Table capacity in the SAT encodings: which placement literals compete for which tables."""

from collections.abc import Callable, Mapping

from matchmaker.b2b.solver.index import Index


def group_table_literals(
    index: Index,
    x: Mapping[tuple[int, int], int],
    new: Callable[[], int],
    add_clause: Callable[[list[int]], None],
) -> tuple[list[list[int]], list[list[int]]]:
    """Per slot, the literals of meetings at the free tables, and per (home table, slot) those of
    its owners; a meeting with several home tables gets one choice literal per table.

    The caller bounds each free group by the number of free tables and each home group by 1.
    """
    free: dict[int, list[int]] = {}
    home: dict[tuple[int, int], list[int]] = {}
    for (m, t), var in x.items():
        homes = index.homes[m]
        if not homes:
            free.setdefault(t, []).append(var)
        elif len(homes) == 1:
            home.setdefault((homes[0], t), []).append(var)
        else:
            choices = [new() for _ in homes]
            add_clause([-var, *choices])
            for h, choice in zip(homes, choices, strict=True):
                add_clause([-choice, var])
                home.setdefault((h, t), []).append(choice)
    return list(free.values()), list(home.values())
