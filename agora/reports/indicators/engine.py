"""The annual report's figures from the cluster's records, as known on a given day. No Django."""

from collections import defaultdict
from datetime import date

from agora.reports.indicators.activity import event_figures, facts_figures, project_figures
from agora.reports.indicators.figures import ReportFigures, YearFigures
from agora.reports.indicators.membership import (
    MemberHistory,
    build_histories,
    compound_growth,
    first_year,
    membership_figures,
)
from agora.reports.indicators.records import ClusterRecords, EventRecord, FactsRecord

CAGR_YEARS = 3  # the annual report's compound growth looks this many years back


def compute_report(records: ClusterRecords, *, year: int, known_on: date) -> ReportFigures:
    """Every indicator of `year` and of each year before it, down to the first with members.

    Decisions dated after `known_on` (confirmations, cancellations, acceptances, labels) are
    ignored, so the figures are those that could be computed on that day.
    """
    histories = build_histories(records.periods, known_on)
    start = min(first_year(histories) or year, year)
    organisations = {organisation.id: organisation for organisation in records.organisations}
    events_by_year: dict[int, list[EventRecord]] = defaultdict(list)
    for event in records.events:
        events_by_year[event.held_on.year].append(event)
    facts_by_year: dict[int, list[FactsRecord]] = defaultdict(list)
    for facts in records.facts:
        facts_by_year[facts.year].append(facts)

    def is_member_on(organisation_id: int, day: date) -> bool:
        history = histories.get(organisation_id, MemberHistory())
        return history.is_member_on(day)

    years = tuple(
        YearFigures(
            year=each,
            membership=membership_figures(histories, organisations, each, known_on),
            projects=project_figures(records.projects, each, known_on),
            events=event_figures(events_by_year[each], each, known_on, is_member_on),
            facts=facts_figures(facts_by_year[each] + facts_by_year[each - 1], each),
        )
        for each in range(start, year + 1)
    )
    cagr_start = max(year - CAGR_YEARS, start)
    return ReportFigures(
        year=year,
        known_on=known_on,
        years=years,
        cagr_start=cagr_start,
        cagr=compound_growth(
            years[cagr_start - start].membership.members_end,
            years[-1].membership.members_end,
            year - cagr_start,
        ),
    )


def compound_growth_since(figures: ReportFigures, start: int) -> float | None:
    """Compound annual growth of the members from the end of `start` to the end of the year.

    None when `start` is not before the report's year or had no members at its end.
    """
    ends = {each.year: each.membership.members_end for each in figures.years}
    if start >= figures.year:
        return None
    return compound_growth(ends.get(start, 0), ends[figures.year], figures.year - start)
