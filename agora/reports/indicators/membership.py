"""Membership indicators from the membership periods, for any day the data is known on. No Django.

A period counts once it is confirmed (on or before `known_on`). An organisation is a member on a
day when a counting period covers that day and was not cancelled on or before it. The end of a
year is 31 December, or `known_on` for the year in progress.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from agora.reports.indicators.figures import MembershipFigures
from agora.reports.indicators.records import OrganisationRecord, PeriodRecord


def year_end(year: int, known_on: date) -> date:
    """The day a year's members are counted on: 31 December, or `known_on` if earlier."""
    return min(date(year, 12, 31), known_on)


def is_effective_on(period: PeriodRecord, day: date) -> bool:
    """Whether a counting period makes its organisation a member on `day`."""
    cancelled = period.cancelled_on is not None and period.cancelled_on <= day
    return period.start <= day <= period.end and not cancelled


@dataclass
class MemberHistory:
    """One organisation's membership: its counting periods, first start, and year ends."""

    periods: list[PeriodRecord] = field(default_factory=list)
    first_start: date | None = None
    first_partner: str = ""  # the partner cluster of the first period: a co-member from the start
    year_ends: dict[int, str] = field(default_factory=dict)  # year -> partner ("" if direct)

    def is_member_on(self, day: date) -> bool:
        return any(is_effective_on(period, day) for period in self.periods)


def build_histories(periods: Iterable[PeriodRecord], known_on: date) -> dict[int, MemberHistory]:
    """Every organisation's history, from the periods confirmed by `known_on`."""
    histories: dict[int, MemberHistory] = defaultdict(MemberHistory)
    for period in periods:
        if period.confirmed_on is None or period.confirmed_on > known_on:
            continue
        if period.cancelled_on is not None and period.cancelled_on <= period.start:
            continue  # cancelled before it began: never a membership
        history = histories[period.organisation_id]
        history.periods.append(period)
        if period.start <= known_on and (
            history.first_start is None or period.start < history.first_start
        ):
            history.first_start = period.start
            history.first_partner = period.partner
        for year in range(period.start.year, min(period.end.year, known_on.year) + 1):
            if is_effective_on(period, year_end(year, known_on)):
                history.year_ends[year] = period.partner
    return dict(histories)


def first_year(histories: dict[int, MemberHistory]) -> int | None:
    """The first year that ended with a member, or None without any."""
    years = [year for history in histories.values() for year in history.year_ends]
    return min(years) if years else None


def count_members_end(histories: dict[int, MemberHistory], year: int) -> int:
    """Members at the end of `year`."""
    return sum(1 for history in histories.values() if year in history.year_ends)


def growth(current: int, previous: int) -> float | None:
    """current / previous - 1, or None when there was nothing before."""
    return current / previous - 1 if previous else None


def compound_growth(start: int, end: int, years: int) -> float | None:
    """The yearly rate that turns `start` into `end` in `years` years (CAGR)."""
    if start <= 0 or years <= 0:
        return None
    return (end / start) ** (1 / years) - 1


@dataclass(frozen=True)
class YearChange:
    """Who is a member at the end of a year, who arrived, who left."""

    members: frozenset[int]
    arrived: frozenset[int]  # members at this year's end that were not at the previous one's
    left: frozenset[int]  # members at the previous year's end that are not at this one's
    new: frozenset[int]  # first counting period starts this year


def year_change(histories: dict[int, MemberHistory], year: int, known_on: date) -> YearChange:
    """The members of a year's end compared with the previous year's."""
    members = frozenset(pk for pk, history in histories.items() if year in history.year_ends)
    before = frozenset(pk for pk, history in histories.items() if year - 1 in history.year_ends)
    new = frozenset(
        pk
        for pk, history in histories.items()
        if history.first_start is not None
        and history.first_start.year == year
        and history.first_start <= known_on
    )
    return YearChange(members, members - before, before - members, new)


def membership_figures(
    histories: dict[int, MemberHistory],
    organisations: dict[int, OrganisationRecord],
    year: int,
    known_on: date,
) -> MembershipFigures:
    """The membership figures of one year."""
    change = year_change(histories, year, known_on)
    # Breakdowns use what each organisation was on the day its membership is counted.
    day = year_end(year, known_on)
    members = [organisations[pk].as_of(day) for pk in sorted(change.members) if pk in organisations]
    partners = [histories[pk].year_ends[year] for pk in change.members]
    co_members = Counter(partner for partner in partners if partner)
    new_co_members = sum(1 for pk in change.new if histories[pk].first_partner)
    previous = count_members_end(histories, year - 1)
    return MembershipFigures(
        members_end=len(change.members),
        new=len(change.new),
        arrived=len(change.arrived),
        left=len(change.left),
        co_members_end=sum(co_members.values()),
        co_members_new=new_co_members,
        growth=growth(len(change.members), previous),
        by_region=dict(sorted(Counter(org.region for org in members).items())),
        by_kind=dict(sorted(Counter(org.kind for org in members).items())),
        by_domain=dict(sorted(Counter(code for org in members for code in org.domains).items())),
        by_partner=dict(sorted(co_members.items())),
    )
