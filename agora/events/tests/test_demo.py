"""The events demo: exact figures of the cluster day of 2018, a consistent published schedule."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from agora.events import adapter
from agora.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Registration,
    ScheduleRun,
    Slot,
    Table,
)
from agora.members.demo import DemoContext, reset_all
from matchmaker.b2b import check


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, deleted afterwards so other modules start empty."""
    with django_db_blocker.unblock():
        call_command("load_demo", today="2026-11-26", stdout=StringIO())
        event = Event.objects.get(slug="cluster-day-2018")
    yield event
    with django_db_blocker.unblock():
        reset_all(DemoContext(today=None, write=lambda text: None))


@pytest.fixture
def cluster_day(demo, db) -> Event:
    event = demo
    event.refresh_from_db()
    return event


def test_cluster_day_has_its_participants(cluster_day):
    statuses = Counter(cluster_day.registrations.values_list("status", flat=True))

    assert cluster_day.title == "Cluster Day 2018"
    assert cluster_day.theme == "Artificial intelligence for health"
    assert statuses == {"confirmed": 500, "cancelled": 12}
    assert cluster_day.seats_taken == 500
    assert cluster_day.capacity == 550
    assert cluster_day.programme.count() == 10


def test_cluster_day_has_its_b2b(cluster_day):
    statuses = Counter(cluster_day.meeting_requests.values_list("status", flat=True))

    assert B2BProfile.objects.filter(registration__event=cluster_day).count() == 250
    assert statuses == {"accepted": 300, "declined": 45, "pending": 20}
    assert Slot.objects.filter(event=cluster_day).count() == 14
    assert Table.objects.filter(event=cluster_day).count() == 30
    assert (
        B2BProfile.objects.filter(registration__event=cluster_day, home_table__isnull=False).count()
        == 3
    )


def test_cluster_day_is_scheduled_and_published(cluster_day):
    meetings = Meeting.objects.filter(event=cluster_day)
    unscheduled = meetings.get(slot__isnull=True)

    assert cluster_day.schedule_state == Event.ScheduleState.PUBLISHED
    assert meetings.count() == 300
    assert meetings.filter(slot__isnull=False, table__isnull=False).count() == 299
    assert "no common available slot" in unscheduled.unscheduled_reason
    run = ScheduleRun.objects.get(event=cluster_day)
    assert (run.is_published, run.scheduled_count, run.unscheduled_count) == (True, 299, 1)


def test_published_schedule_keeps_every_constraint(cluster_day):
    problem = adapter.fetch_problem(cluster_day)
    published = adapter.complete(problem, adapter.fetch_published(cluster_day), "not scheduled")

    assert check(problem, published) == []
    busy = Counter(
        Meeting.participants.through.objects.filter(
            meeting__event=cluster_day, meeting__slot__isnull=False
        ).values_list("registration_id", "meeting__slot_id")
    )
    assert max(busy.values()) == 1
    tables = Counter(
        Meeting.objects.filter(event=cluster_day, slot__isnull=False).values_list(
            "slot_id", "table_id"
        )
    )
    assert max(tables.values()) == 1


def test_demo_logins_have_meetings_in_their_agenda(cluster_day):
    scheduled = Meeting.objects.filter(event=cluster_day, slot__isnull=False)

    for email, count in [
        ("representative@agora.example", 6),
        ("member@agora.example", 5),
        ("representative2@agora.example", 6),
    ]:
        mine = scheduled.filter(participants__person__user__email=email)
        assert mine.count() == count, email


def test_meetings_of_the_past_day_have_feedback(cluster_day):
    feedback = MeetingFeedback.objects.filter(meeting__event=cluster_day)

    assert feedback.count() == 273
    assert set(feedback.values_list("outcome", flat=True)) == {
        "follow_up",
        "nothing",
        "nda",
        "project",
        "deal",
    }


def test_other_events_and_an_upcoming_one_open_for_registration(demo, db):
    upcoming = Event.objects.get(slug="cluster-day-2027")

    assert set(Event.objects.values_list("slug", flat=True)) == {
        "cluster-day-2018",
        "cluster-day-2027",
        "workshop-samd-2019",
        "training-gmp-atmp-2022",
        "mission-bio-europe-2023",
    }
    assert upcoming.is_open_for_registration
    assert upcoming.has_b2b
    assert upcoming.registrations.count() == 60
    assert not upcoming.registrations.filter(
        person__user__email__endswith="@agora.example"
    ).exists()
    assert Registration.objects.filter(event__slug="mission-bio-europe-2023").count() == 16
    assert MeetingRequest.objects.filter(event=upcoming).count() == 18
