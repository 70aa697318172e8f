"""Changes to a published schedule at the same moment: one waiting update, PostgreSQL."""

import pytest
from django.db import connection

from agora.events import tasks
from agora.events.models import Event, Meeting, ScheduleChange, ScheduleRun
from agora.events.services import b2b, schedule_updates
from agora.events.tests.factories import EventFactory, SlotFactory, TableFactory
from agora.events.tests.scheduling_data import add_meeting, register
from agora.events.tests.test_registration_concurrency import run_together

MEETINGS = 8

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers: run with DATABASE_URL pointing at PostgreSQL",
    ),
]


def published_event() -> tuple[Event, list[Meeting]]:
    """Eight meetings between sixteen people, all published in one slot at eight tables."""
    event = EventFactory(schedule_state=Event.ScheduleState.PUBLISHED)
    slot = SlotFactory(event=event)
    meetings = []
    for number in range(MEETINGS):
        first, second = (register(event, f"P{number}{side}") for side in "ab")
        meeting = add_meeting(event, first, second, 1)
        meeting.slot = slot
        meeting.table = TableFactory(event=event, name=f"T{number}")
        meeting.save(update_fields=["slot", "table"])
        meetings.append(meeting)
    return event, meetings


def test_cancellations_at_the_same_moment_share_one_waiting_update(monkeypatch):
    event, meetings = published_event()
    queued: list[tuple] = []
    # The queue is the boundary: the update is run below, once, as the worker would.
    monkeypatch.setattr(
        tasks.update_schedule, "apply_async", lambda args, countdown: queued.append(args)
    )
    errors = run_together(
        [
            lambda meeting=meeting: b2b.cancel_meeting_request(
                meeting_request=meeting.request,
                registration=meeting.request.requester,
                actor=None,
            )
            for meeting in meetings
        ]
    )
    assert errors == []
    assert ScheduleChange.objects.filter(event=event).count() == MEETINGS
    run = ScheduleRun.objects.get(event=event, is_automatic=True)
    assert queued == [(run.pk,)]
    schedule_updates.update_schedule(run_id=run.pk)
    run.refresh_from_db()
    assert (run.state, run.is_published) == (ScheduleRun.State.DONE, True)
    assert not Meeting.objects.filter(event=event, slot__isnull=False).exists()
    assert not ScheduleChange.objects.filter(event=event, published_at__isnull=True).exists()
