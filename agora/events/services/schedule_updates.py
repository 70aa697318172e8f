"""Keeping a published schedule true: changes after publication, and automatic updates.

Once an event's schedule is published, every change that affects it is recorded. When the
organiser lets the schedule update itself, the change also queues one automatic re-schedule
that keeps published meetings where it can; the changes of a burst join the run still waiting,
which is published as soon as it is done, and only the participants whose agenda changed are
told. Otherwise the organiser reads the changes and re-schedules by hand.
"""

from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.events import tasks
from agora.events.models import Event, Meeting, Registration, ScheduleChange, ScheduleRun
from agora.events.services import scheduling

# Seconds a queued update waits for more changes to join it (ignored when tasks run inline).
UPDATE_DELAY = 60
# A waiting run can start between our look and our insert; each retry looks again.
QUEUE_ATTEMPTS = 3


def note_schedule_change(
    *,
    event_id: int,
    kind: ScheduleChange.Kind,
    meeting: Meeting | None = None,
    registration: Registration | None = None,
) -> ScheduleChange | None:
    """Record a change to a published schedule and queue its automatic update; else None
    (no schedule published, or the event is over: its schedule is final)."""
    event = Event.objects.get(pk=event_id)
    if event.schedule_state != Event.ScheduleState.PUBLISHED or event.is_over:
        return None
    change = ScheduleChange.objects.create(
        event=event, kind=kind, meeting=meeting, registration=registration
    )
    if event.updates_schedule_automatically:
        queue_schedule_update(event=event)
    return change


def queue_schedule_update(*, event: Event) -> ScheduleRun:
    """The event's automatic run still waiting to start, queued now when there is none."""
    for _attempt in range(QUEUE_ATTEMPTS):
        # The lock makes the run's start wait until this transaction commits, so the run
        # reads the change that found it waiting.
        waiting = (
            ScheduleRun.objects.select_for_update()
            .filter(event=event, state=ScheduleRun.State.QUEUED, is_automatic=True)
            .first()
        )
        if waiting is not None:
            return waiting
        try:
            with transaction.atomic():
                run = ScheduleRun.objects.create(
                    event=event, keeps_published=True, is_automatic=True
                )
        except IntegrityError:  # another change queued one at the same moment: join it
            continue
        log_action("events.schedule.update_queued", target=event, data={"run": run.pk})
        transaction.on_commit(
            partial(tasks.update_schedule.apply_async, (run.pk,), countdown=UPDATE_DELAY)
        )
        return run
    raise ConflictError(_("The schedule update could not be queued; try again."))


def update_schedule(*, run_id: int) -> ScheduleRun:
    """Compute an automatic run and publish it, unless a newer one waits or updates are off."""
    # The update waits for any change holding the run's row (see queue_schedule_update).
    started = ScheduleRun.objects.filter(pk=run_id, state=ScheduleRun.State.QUEUED).update(
        state=ScheduleRun.State.RUNNING
    )
    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    if not started:  # delivered twice: the first delivery does the work
        return run
    run = scheduling.run_schedule(run_id=run_id)
    if run.state != ScheduleRun.State.DONE or not _is_publishable(run):
        return run
    try:
        scheduling.publish_schedule(actor=None, run=run)
    except DomainError as error:
        # A change that came during the run queued the next one, which will publish.
        log_action(
            "events.schedule.update_not_published",
            target=run.event,
            data={"run": run.pk, "error": error.message},
        )
    return run


def _is_publishable(run: ScheduleRun) -> bool:
    event = Event.objects.get(pk=run.event_id)
    # This run is no longer queued: a queued one came with a change made during this run.
    newer = event.schedule_runs.filter(state=ScheduleRun.State.QUEUED, is_automatic=True)
    return event.updates_schedule_automatically and not newer.exists()


@transaction.atomic
def set_automatic_updates(*, event: Event, actor: Any, is_on: bool) -> Event:
    """Switch automatic updates of the published schedule on or off.

    Switched on with changes waiting, it queues their update at once.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.has_b2b:
        raise ConflictError(_("This event has no B2B meetings."))
    if event.updates_schedule_automatically == is_on:
        return event
    event.updates_schedule_automatically = is_on
    event.save(update_fields=["updates_schedule_automatically"])
    log_action(
        "events.schedule.automatic_updates_switched", target=event, actor=actor, data={"on": is_on}
    )
    waiting = event.schedule_changes.filter(published_at__isnull=True)
    if is_on and event.schedule_state == Event.ScheduleState.PUBLISHED and waiting.exists():
        queue_schedule_update(event=event)
    return event
