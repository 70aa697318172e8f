"""Published optima of the B2B benchmark (JAIR 74, 2022, MaxSAT column, fairness d = 2).

From ../shared/anchors/b2b/README.md: Table 5 for the originals, Tables 6 and 7 for the
forbidden-slot and fixed-meeting variants. None means proved infeasible (the tables' "-").
"""

ORIGINAL = {
    "forum-13": 0,
    "forum-13crafb": 6,
    "forum-13crafc": 1,
    "forum-14": 2,
    "forumt-14": 5,
    "forumt-14crafc": 5,
    "forumt-14crafd": 4,
    "forumt-14crafe": 5,
    "tic-12": 0,
    "tic-12crafc": 0,
    "tic-13": 0,
    "tic-13crafb": 0,
    "tic-13crafc": 4,
    "tic-14crafa": 0,
    "tic-14crafc": 0,
    "tic-14crafd": 0,
    "ticf-13crafa": 0,
    "ticf-13crafb": 3,
    "ticf-13crafc": 1,
    "ticf-14crafa": 0,
}

# instance: (forb0003, forb0007, fixed020, fixed040)
CRAFTED: dict[str, tuple[int | None, int | None, int | None, int | None]] = {
    "forum-13": (0, 0, 20, 49),
    "forum-13crafb": (5, 5, 30, None),
    "forum-13crafc": (1, 1, 20, 50),
    "forum-14": (0, None, 20, None),
    "forumt-14": (0, None, 7, None),
    "forumt-14crafc": (0, None, 7, None),
    "forumt-14crafd": (None, None, 9, None),
    "forumt-14crafe": (None, None, 9, None),
    "tic-12": (None, None, 1, None),
    "tic-12crafc": (None, None, 1, None),
    "tic-13": (None, None, 2, 13),
    "tic-13crafb": (0, None, 1, 16),
    "tic-13crafc": (None, None, 6, 16),
    "tic-14crafa": (0, None, 2, None),
    "tic-14crafc": (0, None, 3, None),
    "tic-14crafd": (None, None, 2, None),
    "ticf-13crafa": (0, 0, 20, 49),
    "ticf-13crafb": (5, 5, 27, None),
    "ticf-13crafc": (1, 1, 20, 49),
    "ticf-14crafa": (0, None, 21, None),
}

VARIANTS = ("forb0003", "forb0007", "fixed020-Forb", "fixed040-Forb")
INFEASIBLE = None


def published_optimum(file_name: str) -> int | None:
    """The published optimum of a benchmark file such as `tic-13.fixed020-Forb.dzn`."""
    instance, variant = file_name.removesuffix(".dzn").split(".", 1)
    if variant == "original":
        return ORIGINAL[instance]
    return CRAFTED[instance][VARIANTS.index(variant)]
