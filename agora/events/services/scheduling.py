"""Scheduling the B2B meetings of an event: runs of the solver, imports, publishing."""

from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.events import adapter, causes, tasks
from agora.events.models import Event, Meeting, ScheduleChange, ScheduleRun
from matchmaker.b2b import Problem, ProblemError, Schedule, check, figures, solve
from matchmaker.b2b.io import schedule_from_dict, schedule_to_dict
from matchmaker.b2b.reasons import explain

# E-mails are sent by tasks of this many participants each.
MAIL_CHUNK = 500
SHOWN_ERRORS = 50
# Seconds beyond the time limit after which a queued or running run counts as lost.
STALE_AFTER = 600


def check_not_over(event: Event) -> None:
    """Refuse to change the schedule of an event that has ended: the annual report and the
    participants' feedback read what was held."""
    if event.is_over:
        raise ConflictError(_("The event is over: its B2B schedule can no longer change."))


class ScheduleRejectedError(DomainError):
    """A schedule that breaks the event's constraints; `errors` lists the violations."""

    def __init__(self, message: str, *, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = errors


def request_schedule(*, actor: Any, event: Event, keep_published: bool) -> ScheduleRun:
    """Queue a run of the scheduler for the event's accepted meetings."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.has_b2b:
            raise ConflictError(_("This event has no B2B meetings."))
        check_not_over(event)
        # A run whose worker died stays "running": after this long it no longer blocks.
        stale = timezone.now() - timedelta(seconds=settings.AGORA_B2B_TIME_LIMIT + STALE_AFTER)
        busy = event.schedule_runs.filter(
            state__in=[ScheduleRun.State.QUEUED, ScheduleRun.State.RUNNING], created_at__gt=stale
        )
        if busy.exists():
            raise ConflictError(_("A schedule is already being computed; wait for it to finish."))
        keep = keep_published and event.schedule_state == Event.ScheduleState.PUBLISHED
        run = ScheduleRun.objects.create(event=event, requested_by=actor, keeps_published=keep)
        log_action("events.schedule.requested", target=event, actor=actor, data={"run": run.pk})
        transaction.on_commit(lambda: tasks.run_schedule.delay(run.pk))
    return run


def run_schedule(*, run_id: int) -> ScheduleRun:
    """Fetch the problem, solve it and store the draft schedule on the run (or its failure)."""
    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    run.state = ScheduleRun.State.RUNNING
    run.save(update_fields=["state"])
    try:
        problem = adapter.fetch_problem(run.event)
        keep = adapter.fetch_published(run.event) if run.keeps_published else None
        schedule = solve(problem, time_limit=settings.AGORA_B2B_TIME_LIMIT, seed=0, keep=keep)
    # Whatever goes wrong must end the run and reach the organiser, not leave it running.
    except Exception as error:
        return _fail(run, error)
    return store_schedule(run=run, problem=problem, schedule=schedule)


def _fail(run: ScheduleRun, error: Exception) -> ScheduleRun:
    run.state = ScheduleRun.State.FAILED
    run.error = f"{type(error).__name__}: {error}"[:2000]
    run.finished_at = timezone.now()
    run.save(update_fields=["state", "error", "finished_at"])
    log_action("events.schedule.failed", target=run.event, data={"run": run.pk})
    return run


def store_schedule(*, run: ScheduleRun, problem: Problem, schedule: Schedule) -> ScheduleRun:
    """Record a schedule and its figures on the run, which becomes the event's draft."""
    result = figures(problem, schedule)
    solution = schedule_to_dict(schedule)
    solution["stats"].update(
        weight=result.weight,
        idle=result.idle,
        idle_max=max(result.idle_of.values(), default=0),
        table_changes=result.table_changes,
        tables=len(problem.tables),
    )
    with transaction.atomic():
        run.solution = solution
        run.status = schedule.status.value
        run.scheduled_count = len(schedule.assignments)
        run.unscheduled_count = len(schedule.unscheduled)
        run.upper_bound = schedule.upper_bound
        run.causes = causes.to_data(explain(problem, schedule))
        run.state = ScheduleRun.State.DONE
        run.finished_at = timezone.now()
        run.save(
            update_fields=[
                "solution",
                "causes",
                "status",
                "scheduled_count",
                "unscheduled_count",
                "upper_bound",
                "state",
                "finished_at",
            ]
        )
        Event.objects.filter(pk=run.event_id, schedule_state=Event.ScheduleState.NONE).update(
            schedule_state=Event.ScheduleState.DRAFT
        )
        log_action("events.schedule.computed", target=run.event, data={"run": run.pk})
    return run


def check_solution(problem: Problem, data: Any) -> Schedule:
    """The schedule in `data` if it fits the problem; ScheduleRejectedError lists what breaks."""
    try:
        schedule = schedule_from_dict(problem, data)
    except (ProblemError, KeyError, TypeError) as error:
        raise ScheduleRejectedError(
            _("This is not a b2b-solution/1 file."), errors=[str(error)]
        ) from error
    errors = _unknown_ids(problem, data) + check(problem, schedule)
    if errors:
        raise ScheduleRejectedError(
            _("The schedule breaks %(count)d rules of this event; nothing was saved.")
            % {"count": len(errors)},
            errors=errors[:SHOWN_ERRORS],
        )
    return schedule


def _unknown_ids(problem: Problem, data: dict) -> list[str]:
    # schedule_from_dict skips what the problem lacks; an import must say so instead.
    known = (
        {m.id for m in problem.meetings},
        {s.id for s in problem.slots},
        {t.id for t in problem.tables},
    )
    errors = []
    for item in data.get("assignments") or []:
        values = (item.get("meeting"), item.get("slot"), item.get("table"))
        for kind, value, ids in zip(("meeting", "slot", "table"), values, known, strict=True):
            if value not in ids:
                errors.append(f"{values[0]}: unknown {kind} {value!r}")
    return errors


def import_schedule(*, actor: Any, event: Event, data: Any, publish: bool = False) -> ScheduleRun:
    """Save a schedule made elsewhere as a run, after checking it against the event."""
    check_not_over(event)
    problem = adapter.fetch_problem(event)
    schedule = check_solution(problem, data)
    with transaction.atomic():
        run = ScheduleRun.objects.create(event=event, requested_by=actor)
        store_schedule(run=run, problem=problem, schedule=schedule)
        log_action("events.schedule.imported", target=event, actor=actor, data={"run": run.pk})
        if publish:
            publish_schedule(actor=actor, run=run)
    return run


def publish_schedule(*, actor: Any, run: ScheduleRun) -> list[int]:
    """Write the run's slots and tables onto the meetings; e-mail whoever's agenda changed.

    Returns the registrations told. The first publication tells every B2B participant; later
    ones only those with a meeting added, moved or removed. The changes since the previous
    publication are marked as taken into account.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=run.event_id)
        check_not_over(event)
        if run.state != ScheduleRun.State.DONE:
            raise ConflictError(_("Only a finished schedule can be published."))
        # Before the problem is read: a change committed after this line is not marked.
        reflected = ScheduleChange.objects.filter(event=event, published_at__isnull=True).update(
            published_at=timezone.now()
        )
        problem = adapter.fetch_problem(event)
        schedule = _still_valid(problem, run)
        moved = _write_positions(event, schedule)
        is_first = event.schedule_state != Event.ScheduleState.PUBLISHED
        told = _participants_of(event, moved, everyone=problem if is_first else None)
        event.schedule_state = Event.ScheduleState.PUBLISHED
        event.schedule_published_at = timezone.now()
        event.save(update_fields=["schedule_state", "schedule_published_at"])
        event.schedule_runs.filter(is_published=True).update(is_published=False)
        run.is_published = True
        run.save(update_fields=["is_published"])
        log_action(
            "events.schedule.published",
            target=event,
            actor=actor,
            data={
                "run": run.pk,
                "moved": len(moved),
                "told": len(told),
                "changes": reflected,
                "automatic": run.is_automatic,
            },
        )
        for start in range(0, len(told), MAIL_CHUNK):
            transaction.on_commit(
                partial(
                    tasks.send_agendas.delay,
                    event.pk,
                    told[start : start + MAIL_CHUNK],
                    not is_first,
                )
            )
    return told


def _still_valid(problem: Problem, run: ScheduleRun) -> Schedule:
    schedule = schedule_from_dict(problem, run.solution)
    seen = {a.meeting for a in schedule.assignments} | {u.meeting for u in schedule.unscheduled}
    if any(m.id not in seen for m in problem.meetings):
        raise ConflictError(
            _("Meetings were accepted since this schedule was made: schedule again first.")
        )
    errors = check(problem, schedule)
    if errors:
        raise ScheduleRejectedError(
            _("The event changed since this schedule was made: schedule again first."),
            errors=errors[:SHOWN_ERRORS],
        )
    return schedule


def _write_positions(event: Event, schedule: Schedule) -> set[int]:
    """Set slot, table and reason on every meeting of the event; the meetings that moved."""
    target = adapter.positions(schedule)
    why = adapter.reasons(schedule)
    names = adapter.names_for(event, list(why.values()))
    nowhere = adapter.Position(slot_pk=None, table_pk=None)
    moved: set[int] = set()
    changed: list[tuple[int, int | None, int | None, str]] = []
    rows = Meeting.objects.filter(event=event).values_list(
        "pk", "slot_id", "table_id", "unscheduled_reason"
    )
    for pk, slot, table, old_reason in rows:
        position = target.get(pk, nowhere)
        reason = adapter.readable(why.get(pk, ""), names)[:500]
        if (slot, table) != (position.slot_pk, position.table_pk):
            moved.add(pk)
        elif old_reason == reason:
            continue
        changed.append((pk, position.slot_pk, position.table_pk, reason))
    adapter.write_positions(changed)
    return moved


def _participants_of(event: Event, moved: set[int], *, everyone: Problem | None) -> list[int]:
    if everyone is not None:
        return sorted(adapter.row_pk(p.id) for p in everyone.participants)
    rows = Meeting.participants.through.objects.filter(meeting__event=event).values_list(
        "meeting_id", "registration_id"
    )
    return sorted({registration for meeting, registration in rows if meeting in moved})
