"""Capacity under concurrent registrations: real threads, real transactions, PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from agora.events.models import Event, Registration
from agora.events.services import registration as services
from agora.events.tests.factories import EventFactory
from agora.members.tests.factories import PersonFactory

THREADS = 30
SEATS = 10

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite has no row locks (select_for_update is a no-op): run with DATABASE_URL "
        "pointing at PostgreSQL",
    ),
]


def run_together(actions: list) -> list[BaseException]:
    """Start every action in its own thread at the same moment; the errors they raised."""
    barrier = threading.Barrier(len(actions))
    errors: list[BaseException] = []

    def run(action) -> None:
        try:
            barrier.wait()
            action()
        except BaseException as error:  # collected and asserted by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_thirty_people_for_ten_seats_make_ten_confirmed_and_twenty_waiting():
    event = EventFactory(capacity=SEATS)
    people = [PersonFactory() for _ in range(THREADS)]
    errors = run_together(
        [
            lambda person=person: services.register_participant(
                actor=None, event=event, person=person
            )
            for person in people
        ]
    )
    assert errors == []
    event.refresh_from_db()
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count("confirmed") == SEATS
    assert statuses.count("waitlisted") == THREADS - SEATS
    assert event.seats_taken == SEATS
    waiting = Registration.objects.filter(event=event, status="waitlisted")
    assert waiting.filter(waitlisted_at__isnull=True).count() == 0


def test_concurrent_cancellations_promote_each_waiting_person_once():
    event = EventFactory(capacity=SEATS)
    seated = [
        services.register_participant(actor=None, event=event, person=PersonFactory())
        for _ in range(SEATS)
    ]
    waiting = [
        services.register_participant(actor=None, event=event, person=PersonFactory())
        for _ in range(5)
    ]
    errors = run_together(
        [
            lambda registration=registration: services.cancel_registration(
                actor=None, registration=registration
            )
            for registration in seated[:8]
        ]
    )
    assert errors == []
    event = Event.objects.get(pk=event.pk)
    assert event.seats_taken == 7
    promoted = Registration.objects.filter(pk__in=[r.pk for r in waiting], status="confirmed")
    assert promoted.count() == 5
    assert Registration.objects.filter(event=event, status="confirmed").count() == 7
