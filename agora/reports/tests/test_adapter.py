"""The adapter reads organisations as they were (their recorded history, domains included) and
the feedback of the meetings held."""

from datetime import date, datetime, time

from django.utils import timezone

from agora.events.models import Event, MeetingFeedback
from agora.events.services.b2b import cancel_meeting
from agora.events.tests.factories import EventFactory, SlotFactory
from agora.members.services import update_organisation
from agora.members.tests.factories import MembershipFactory, OrganisationFactory, domain
from agora.reports.adapter import compute_figures, fetch_organisations
from agora.reports.indicators.records import OrganisationState
from agora.reports.tests.factories import rated_meeting


def moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(11)))


def moved_organisation(staff):
    """Founded in Brussels in 2015, a start-up in biopharmacy; in 2019 a Walloon SME in data."""
    organisation = OrganisationFactory.build(slug="moved", region="brussels", kind="startup")
    organisation._history_date = moment(date(2015, 2, 1))  # simple_history's dated record
    organisation.save()
    organisation.domains.set([domain("biopharmacy")])
    organisation._history_date = moment(date(2019, 3, 1))
    update_organisation(
        actor=staff,
        organisation=organisation,
        data={"region": "wallonia", "kind": "sme"},
        domain_codes=["data-science"],
    )
    for year in (2018, 2019):
        MembershipFactory(
            organisation=organisation,
            start_date=date(year, 1, 1),
            end_date=date(year, 12, 31),
            confirmed_on=date(year, 1, 1),
        )
    return organisation


def test_an_organisation_that_moved_counts_where_it_was_each_year(cast):
    moved_organisation(cast.staff)

    figures = compute_figures(year=2019, known_on=date(2026, 11, 26))

    before, after = figures.previous.membership, figures.current.membership
    assert figures.previous.year == 2018
    assert (before.by_region, after.by_region) == ({"brussels": 1}, {"wallonia": 1})
    assert (before.by_kind, after.by_kind) == ({"startup": 1}, {"sme": 1})
    assert (before.by_domain, after.by_domain) == ({"biopharmacy": 1}, {"data-science": 1})


def test_the_history_keeps_one_state_a_day_and_only_changes(cast):
    organisation = moved_organisation(cast.staff)
    del organisation._history_date  # today's record
    organisation.description = "Now also diagnostics."
    organisation.save(update_fields=["description"])  # changes none of the three

    record = next(each for each in fetch_organisations() if each.id == organisation.pk)

    assert record.history == (
        OrganisationState(date(2015, 2, 1), "startup", "brussels", ("biopharmacy",)),
        OrganisationState(date(2019, 3, 1), "sme", "wallonia", ("data-science",)),
    )


def test_the_ratings_of_held_meetings_count_and_those_of_cancelled_ones_do_not(db):
    event = EventFactory(
        starts_at=moment(date(2024, 10, 3)), schedule_state=Event.ScheduleState.PUBLISHED
    )
    slot = SlotFactory(event=event, starts_at=event.starts_at, ends_at=event.starts_at)
    rated_meeting(event, slot, ratings=(5, 4))
    rated_meeting(event, slot, ratings=(3,))
    rated_meeting(event, slot, ratings=(1, 1), is_cancelled=True)

    events = compute_figures(year=2024, known_on=date(2026, 11, 26)).current.events

    assert (events.meetings_held, events.ratings, events.rating_mean) == (2, 3, 4.0)
    assert events.outcomes == {"follow_up": 3}


def test_feedback_given_after_the_as_of_date_waits_for_a_later_report(db):
    event = EventFactory(
        starts_at=moment(date(2024, 10, 3)), schedule_state=Event.ScheduleState.PUBLISHED
    )
    slot = SlotFactory(event=event, starts_at=event.starts_at, ends_at=event.starts_at)
    meeting = rated_meeting(event, slot, ratings=(5, 2))
    late = MeetingFeedback.objects.filter(meeting=meeting, rating=2)
    late.update(created_at=moment(date(2025, 1, 10)))

    early = compute_figures(year=2024, known_on=date(2025, 1, 9)).current.events
    later = compute_figures(year=2024, known_on=date(2025, 1, 10)).current.events

    assert (early.ratings, early.rating_mean) == (1, 5.0)
    assert (later.ratings, later.rating_mean) == (2, 3.5)


def test_a_meeting_cancelled_after_the_as_of_date_counts_as_held_then(db, cast, monkeypatch):
    event = EventFactory(
        starts_at=moment(date(2024, 10, 3)), schedule_state=Event.ScheduleState.PUBLISHED
    )
    slot = SlotFactory(event=event, starts_at=event.starts_at, ends_at=event.starts_at)
    meeting = rated_meeting(event, slot, ratings=(5, 3))
    rated_meeting(event, slot, ratings=(4,))
    monkeypatch.setattr(timezone, "now", lambda: moment(date(2025, 1, 20)))
    cancel_meeting(meeting=meeting, actor=cast.staff)
    meeting.refresh_from_db()
    assert meeting.cancelled_at == moment(date(2025, 1, 20))

    before = compute_figures(year=2024, known_on=date(2025, 1, 19)).current.events
    after = compute_figures(year=2024, known_on=date(2025, 1, 20)).current.events

    assert (before.meetings_accepted, before.meetings_held, before.ratings) == (2, 2, 3)
    assert (after.meetings_accepted, after.meetings_held, after.ratings) == (1, 1, 1)
