"""The pure indicator engine on hand-made records: exact values, "as of" semantics, invariants."""

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from agora.reports.indicators import compound_growth_since, compute_report
from agora.reports.indicators.figures import ReportFigures
from agora.reports.indicators.membership import compound_growth
from agora.reports.indicators.records import (
    ClusterRecords,
    EventRecord,
    FactsRecord,
    FeedbackRecord,
    MeetingRequestRecord,
    OrganisationRecord,
    OrganisationState,
    PeriodRecord,
    ProjectRecord,
    RegistrationRecord,
)

TODAY = date(2026, 11, 26)


def year_period(pk: int, year: int, **kwargs) -> PeriodRecord:
    """A calendar-year period confirmed on its first day."""
    defaults = {"confirmed_on": date(year, 1, 1)}
    return PeriodRecord(pk, date(year, 1, 1), date(year, 12, 31), **{**defaults, **kwargs})


ORGANISATIONS = (
    OrganisationRecord(1, "sme", "wallonia", ("biopharmacy",)),
    OrganisationRecord(2, "startup", "brussels", ("biopharmacy", "medtech")),
    OrganisationRecord(3, "university", "flanders"),
    OrganisationRecord(4, "sme", "abroad"),
)
PERIODS = (
    year_period(1, 2016),
    year_period(1, 2017),
    year_period(1, 2018),
    year_period(2, 2017),
    year_period(2, 2018, cancelled_on=date(2018, 6, 1)),  # renewed, then cancelled: left in 2018
    year_period(3, 2018, confirmed_on=date(2019, 2, 1)),  # confirmed late
    year_period(4, 2018, partner="NordSanté"),
    year_period(4, 2019, confirmed_on=None),  # never confirmed
)


def report(year: int = 2018, known_on: date = TODAY, **records) -> ReportFigures:
    cluster = ClusterRecords(organisations=ORGANISATIONS, periods=PERIODS, **records)
    return compute_report(cluster, year=year, known_on=known_on)


def test_members_new_and_leavers_of_a_year():
    membership = report().current.membership

    assert membership.members_end == 3  # 1, 3 and 4; 2's renewal was cancelled
    assert membership.new == 2  # 3 and 4
    assert membership.left == 1
    assert membership.growth == 0.5  # 3 against 2 at the end of 2017


def test_breakdowns_count_the_members_at_year_end():
    membership = report().current.membership

    assert membership.by_region == {"abroad": 1, "flanders": 1, "wallonia": 1}
    assert membership.by_kind == {"sme": 2, "university": 1}
    assert membership.by_domain == {"biopharmacy": 1}
    assert membership.by_partner == {"NordSanté": 1}
    assert (membership.co_members_end, membership.co_members_new) == (1, 1)


# Founded in Brussels as a start-up in biopharmacy; in 2019 it moved to Wallonia, became an SME
# and took up data science; today it is a university (the breakdowns must not see that).
MOVED = OrganisationRecord(
    5,
    "university",
    "flanders",
    ("cell-therapy",),
    history=(
        OrganisationState(date(2016, 3, 1), "startup", "brussels", ("biopharmacy",)),
        OrganisationState(date(2019, 5, 2), "sme", "wallonia", ("biopharmacy", "data-science")),
        OrganisationState(date(2024, 1, 8), "university", "flanders", ("cell-therapy",)),
    ),
)


def moved_report(year: int, known_on: date = TODAY) -> ReportFigures:
    periods = tuple(year_period(5, each) for each in range(2017, 2021))
    cluster = ClusterRecords(organisations=(MOVED,), periods=periods)
    return compute_report(cluster, year=year, known_on=known_on)


def test_breakdowns_use_what_the_organisation_was_at_each_year_end():
    figures = moved_report(2019)
    before, after = figures.previous.membership, figures.current.membership

    assert (before.by_region, after.by_region) == ({"brussels": 1}, {"wallonia": 1})
    assert (before.by_kind, after.by_kind) == ({"startup": 1}, {"sme": 1})
    assert before.by_domain == {"biopharmacy": 1}
    assert after.by_domain == {"biopharmacy": 1, "data-science": 1}


def test_the_year_in_progress_breaks_down_by_the_state_of_the_day_known_on():
    in_may = moved_report(2019, known_on=date(2019, 5, 1)).current.membership
    moved = moved_report(2019, known_on=date(2019, 5, 2)).current.membership

    assert (in_may.by_region, moved.by_region) == ({"brussels": 1}, {"wallonia": 1})


def test_before_its_first_recorded_state_an_organisation_is_as_first_recorded():
    assert MOVED.as_of(date(2010, 1, 1)).region == "brussels"
    assert MOVED.as_of(date(2024, 1, 8)).region == "flanders"


def test_without_history_an_organisation_is_as_today():
    state = ORGANISATIONS[1].as_of(date(2010, 1, 1))

    assert (state.kind, state.region, state.domains) == (
        "startup",
        "brussels",
        ("biopharmacy", "medtech"),
    )


def test_a_confirmation_after_the_day_known_on_is_ignored():
    as_of = report(known_on=date(2018, 12, 31)).current.membership

    assert as_of.members_end == 2  # 3's confirmation came in 2019
    assert as_of.new == 1


def test_a_cancellation_after_the_day_known_on_is_ignored():
    as_of_may = report(known_on=date(2018, 5, 31)).current.membership

    assert as_of_may.members_end == 3  # on 31 May, 1, 2 and 4


def test_the_year_in_progress_counts_the_members_of_the_day_known_on():
    figures = report(year=2019, known_on=date(2019, 6, 30))

    assert figures.current.membership.members_end == 0  # nobody renewed into 2019
    assert figures.current.membership.left == 3


def test_the_report_goes_back_to_the_first_year_with_members():
    figures = report()

    assert [each.year for each in figures.years] == [2016, 2017, 2018]
    assert figures.previous.membership.members_end == 2
    assert figures.cagr_start == 2016
    assert figures.cagr == compound_growth(1, 3, 2)


def test_compound_growth_over_any_period():
    figures = report()  # 1, 2 and 3 members at the ends of 2016, 2017 and 2018

    assert compound_growth_since(figures, 2016) == compound_growth(1, 3, 2)
    assert compound_growth_since(figures, 2017) == 0.5
    assert compound_growth_since(figures, 2010) is None  # no members then
    assert compound_growth_since(figures, 2018) is None


def test_compound_growth_of_the_demo_plan():
    assert round(compound_growth(85, 154, 3), 4) == 0.2191
    assert compound_growth(0, 10, 3) is None


def test_projects_submitted_labelled_and_co_labelled():
    projects = (
        ProjectRecord(1, date(2017, 10, 1), date(2018, 3, 1), "", (1, 2), 1, 100_000_00),
        ProjectRecord(2, date(2018, 1, 5), date(2018, 6, 1), "NordSanté", (2, 3), 0, 50_000_00),
        ProjectRecord(3, date(2018, 2, 1), None),
        ProjectRecord(4, date(2018, 2, 1), date(2019, 1, 10)),
    )
    figures = report(projects=projects).current.projects

    assert (figures.submitted, figures.labelled, figures.co_labelled) == (3, 2, 1)
    assert figures.labelled_budget_cents == 150_000_00
    assert (figures.partner_organisations, figures.external_partners) == (3, 1)


def test_events_participants_reach_and_b2b():
    registrations = (
        RegistrationRecord(1, date(2018, 9, 1)),
        RegistrationRecord(1, date(2018, 9, 2)),
        RegistrationRecord(2, date(2018, 9, 1), cancelled_on=date(2018, 9, 20)),
        RegistrationRecord(3, date(2018, 9, 3)),
        RegistrationRecord(None, date(2018, 9, 3)),
    )
    requests = (
        MeetingRequestRecord(
            date(2018, 9, 5),
            date(2018, 9, 6),
            True,
            (
                FeedbackRecord(date(2018, 10, 4), "nda", 4),
                FeedbackRecord(date(2018, 10, 5), "follow_up", 3),
            ),
        ),
        MeetingRequestRecord(date(2018, 9, 5), date(2018, 9, 7), False),
        MeetingRequestRecord(date(2018, 9, 5)),
    )
    events = (
        EventRecord(1, "Cluster Day 2018", date(2018, 10, 4), registrations, requests),
        EventRecord(2, "Workshop", date(2018, 11, 4), (RegistrationRecord(4, date(2018, 11, 1)),)),
        EventRecord(3, "Next year", date(2019, 3, 1), registrations),
    )
    figures = report(events=events).current.events

    assert (figures.held, figures.participants) == (2, 5)
    assert figures.member_organisations_reached == 3  # 1 and 4, and 3 (confirmed later)
    assert (figures.meetings_requested, figures.meetings_accepted) == (3, 2)
    assert figures.meetings_held == 1
    assert figures.outcomes == {"follow_up": 1, "nda": 1}
    assert (figures.largest.title, figures.largest.participants) == ("Cluster Day 2018", 4)


def test_ratings_of_the_held_meetings_and_their_mean():
    day = date(2018, 9, 5)
    requests = (
        MeetingRequestRecord(
            day, day, True, (FeedbackRecord(day, "deal", 5), FeedbackRecord(day, "nda", 4))
        ),
        MeetingRequestRecord(day, day, True, (FeedbackRecord(day, "nothing", 2),)),
        # Not held: its rating is not read.
        MeetingRequestRecord(day, day, False, (FeedbackRecord(day, "nothing", 1),)),
    )
    events = (
        EventRecord(1, "Cluster Day 2018", date(2018, 10, 4), requests=requests),
        EventRecord(2, "Next year", date(2019, 3, 1), requests=requests),
    )
    figures = report(events=events)

    assert (figures.current.events.ratings, figures.current.events.rating_mean) == (3, 11 / 3)
    assert (figures.previous.events.ratings, figures.previous.events.rating_mean) == (0, None)
    assert report(year=2019, events=events).current.events.ratings == 3
    assert ReportFigures.from_dict(json.loads(json.dumps(figures.to_dict()))) == figures


def test_feedback_given_after_the_as_of_date_is_not_counted():
    held = date(2018, 10, 4)
    requests = (
        MeetingRequestRecord(
            date(2018, 9, 5),
            date(2018, 9, 6),
            True,
            (FeedbackRecord(held, "deal", 5), FeedbackRecord(date(2018, 12, 20), "nda", 1)),
        ),
    )
    events = (EventRecord(1, "Cluster Day 2018", held, requests=requests),)
    before = report(known_on=date(2018, 12, 19), events=events).current.events
    after = report(known_on=date(2018, 12, 20), events=events).current.events
    assert (before.ratings, before.rating_mean, before.outcomes) == (1, 5.0, {"deal": 1})
    assert (after.ratings, after.rating_mean, after.outcomes) == (2, 3.0, {"deal": 1, "nda": 1})


def test_figures_frozen_before_meetings_were_rated_read_back_without_ratings():
    data = report().to_dict()
    for each in data["years"]:
        del each["events"]["ratings"], each["events"]["rating_mean"]

    events = ReportFigures.from_dict(data).current.events

    assert (events.ratings, events.rating_mean) == (0, None)
    assert events.meetings_held == 0


def test_yearly_facts_totals_and_like_for_like_growth():
    facts = (
        FactsRecord(1, 2017, employees=10, turnover=1_000_000),
        FactsRecord(1, 2018, employees=12, turnover=1_100_000, investment_raised=500_000),
        FactsRecord(3, 2018, employees=100),
    )
    figures = report(facts=facts).current.facts

    assert (figures.reporting, figures.employees, figures.turnover) == (2, 112, 1_100_000)
    assert figures.investment_raised == 500_000
    assert round(figures.employees_growth, 4) == 0.2  # only organisation 1 gave both years
    assert round(figures.turnover_growth, 4) == 0.1


def test_figures_survive_a_round_trip_through_json():
    figures = report()

    assert ReportFigures.from_dict(figures.to_dict()) == figures


@st.composite
def membership_histories(draw) -> tuple[PeriodRecord, ...]:
    """Organisations with calendar-year periods, some with gaps, late or cancelled renewals."""
    periods = []
    for pk in range(draw(st.integers(1, 12))):
        years = draw(st.sets(st.integers(2010, 2020), max_size=8))
        for year in years:
            cancelled = draw(st.sampled_from([None, None, None, date(year, 7, 1)]))
            confirmed = draw(st.sampled_from([date(year, 1, 1), date(year, 3, 1), None]))
            periods.append(year_period(pk, year, confirmed_on=confirmed, cancelled_on=cancelled))
    return tuple(periods)


@given(membership_histories(), st.dates(date(2010, 1, 1), date(2021, 12, 31)))
def test_members_at_year_end_add_up_every_year(periods, known_on):
    figures = compute_report(ClusterRecords(periods=periods), year=2020, known_on=known_on)

    for before, after in zip(figures.years, figures.years[1:], strict=False):
        change = after.membership
        assert change.members_end == before.membership.members_end + change.arrived - change.left


@given(st.lists(st.tuples(st.integers(2010, 2016), st.integers(0, 4)), max_size=15))
def test_without_gaps_new_members_are_the_arrivals(memberships):
    periods = tuple(
        year_period(pk, year)
        for pk, (first, length) in enumerate(memberships)
        for year in range(first, first + length + 1)
    )
    figures = compute_report(ClusterRecords(periods=periods), year=2022, known_on=TODAY)

    for before, after in zip(figures.years, figures.years[1:], strict=False):
        change = after.membership
        assert change.members_end == before.membership.members_end + change.new - change.left


def test_a_meeting_cancelled_later_still_counts_in_a_report_as_of_before():
    held = date(2018, 10, 4)
    cancelled = MeetingRequestRecord(
        date(2018, 9, 5),
        date(2018, 9, 6),
        True,
        (FeedbackRecord(held, "deal", 5),),
        cancelled_on=date(2019, 1, 15),
    )
    kept = MeetingRequestRecord(date(2018, 9, 5), date(2018, 9, 6), True)
    present = (RegistrationRecord(1, date(2018, 9, 1)),)
    events = (EventRecord(1, "Cluster Day 2018", held, present, (cancelled, kept)),)
    before = report(known_on=date(2019, 1, 14), events=events).current.events
    after = report(known_on=date(2019, 1, 15), events=events).current.events
    assert (before.meetings_accepted, before.meetings_held, before.ratings) == (2, 2, 1)
    assert before.largest.meetings_held == 2
    assert (after.meetings_accepted, after.meetings_held, after.ratings) == (1, 1, 0)
    assert after.largest.meetings_held == 1
