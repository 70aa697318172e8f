"""The demo cluster's history, year by year: the exact figures `load_demo` reproduces. No Django.

Definitions (the ones the tests check):

- a *member at the end of a year* is an organisation with a confirmed, non-cancelled membership
  period covering 31 December;
- a *new member* of a year is an organisation whose first membership period starts that year;
- a *leaver* of a year was a member at the end of the previous year and is not one at the end
  of this year: it did not renew (its period lapsed), or its renewal was cancelled during the year.

So members(Y) = members(Y-1) + new(Y) - left(Y), exactly, every year:

    year  new  co-members  left  cancelled  members 31 Dec  growth
    2012   50      0          0      0           50
    2013   12      0          2      0           60          +20.0 %
    2014   13      0          3      0           70          +16.7 %
    2015   18      0          3      0           85          +21.4 %
    2016   23      0          4      1          104          +22.4 %
    2017   27      0          4      0          127          +22.1 %
    2018   29      0          2      0          154          +21.3 %
    2019   26      2          5      1          175          +13.6 %
    2020   21      1          6      2          190           +8.6 %
    2021   25      0          6      0          209          +10.0 %
    2022   28      2          7      1          230          +10.0 %
    2023   29      1          8      0          251           +9.1 %
    2024   31      1          8      1          274           +9.2 %
    2025   30      0          8      0          296           +8.0 %
    2026   13      0          9      1          300

Growth 2015 → 2018 compounds to 21.9 % a year (85 → 154), 2014 → 2018 to 21.8 %.
"co-members" (included in "new") join through a partner cluster: the French health cluster's
agreement was signed in 2018 (five co-members: 2019 ×2, 2020, 2022, 2024), the Walloon
mechanical-engineering cluster's in 2021 (two: 2022, 2023). "cancelled" is included in "left".

2026 is the year in progress: with `--today 2026-11-26` the 300 members of 2026 are exactly the
organisations in good standing (the nine leavers of 2026 are past their 90 days of grace). The
dates of a year in progress are squeezed between 1 January and today, so the counts hold for any
`today` in 2026; a later year repeats STEADY_YEAR, an earlier `today` stops the history there.
375 organisations have been members; three more hold a pending membership starting next year.
"""

from dataclasses import dataclass

FIRST_YEAR = 2012


@dataclass(frozen=True)
class YearPlan:
    """What happens to the membership in one calendar year."""

    new: int
    left: int
    cancelled: int = 0  # of `left`: renewed, then cancelled during the year

    def __post_init__(self) -> None:
        if not 0 <= self.cancelled <= self.left:
            raise ValueError("Cancelled leavers are a part of the leavers.")


HISTORY: dict[int, YearPlan] = {
    2012: YearPlan(new=50, left=0),
    2013: YearPlan(new=12, left=2),
    2014: YearPlan(new=13, left=3),
    2015: YearPlan(new=18, left=3),
    2016: YearPlan(new=23, left=4, cancelled=1),
    2017: YearPlan(new=27, left=4),
    2018: YearPlan(new=29, left=2),
    2019: YearPlan(new=26, left=5, cancelled=1),
    2020: YearPlan(new=21, left=6, cancelled=2),
    2021: YearPlan(new=25, left=6),
    2022: YearPlan(new=28, left=7, cancelled=1),
    2023: YearPlan(new=29, left=8),
    2024: YearPlan(new=31, left=8, cancelled=1),
    2025: YearPlan(new=30, left=8),
    2026: YearPlan(new=13, left=9, cancelled=1),
}
STEADY_YEAR = YearPlan(new=28, left=10, cancelled=1)

# (partner cluster slug, year the co-member joins); they count among that year's new members.
CO_MEMBERS: tuple[tuple[str, int], ...] = (
    ("nordsante", 2019),
    ("nordsante", 2019),
    ("nordsante", 2020),
    ("nordsante", 2022),
    ("forgeo", 2022),
    ("forgeo", 2023),
    ("nordsante", 2024),
)

PENDING_NEW_MEMBERS = 3  # approved applications whose first period starts next 1 January


def plan_for(year: int) -> YearPlan:
    """The plan of a year; years after the table repeat the steady year."""
    return HISTORY.get(year, STEADY_YEAR)


def members_at_year_end(last_year: int) -> dict[int, int]:
    """Members at 31 December of every year from the first to `last_year`, from the table."""
    counts: dict[int, int] = {}
    members = 0
    for year in range(FIRST_YEAR, last_year + 1):
        plan = plan_for(year)
        members += plan.new - plan.left
        counts[year] = members
    return counts


def brussels_flanders_share(year: int) -> float:
    """The share of Brussels and Flanders among a year's new direct members: rising over time."""
    return min(0.40, 0.06 + 0.02 * (year - FIRST_YEAR))


def abroad_new_members(year: int) -> int:
    """Direct members from abroad (not through a partner cluster): one a year from 2016."""
    return 1 if year >= 2016 else 0
