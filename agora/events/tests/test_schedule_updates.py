import pytest
from django.core import mail

from agora.core.models import AuditEntry
from agora.events.models import Event, Meeting, MeetingRequest, ScheduleChange, ScheduleRun
from agora.events.selectors.agenda import list_agenda
from agora.events.services import b2b, registration, schedule_updates, scheduling
from agora.events.tests.scheduling_data import add_meeting, tiny_event


@pytest.fixture
def tiny(db, settings):
    settings.AGORA_B2B_TIME_LIMIT = 5.0
    return tiny_event()


@pytest.fixture
def published(tiny, django_capture_on_commit_callbacks):
    """The tiny event scheduled and published, its first agendas mailed and cleared."""
    with django_capture_on_commit_callbacks(execute=True):
        run = scheduling.request_schedule(actor=None, event=tiny.event, keep_published=False)
    run.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.publish_schedule(actor=None, run=run)
    mail.outbox.clear()
    return tiny


def request_between(tiny, requester: str, recipient: str) -> MeetingRequest:
    return MeetingRequest.objects.create(
        event=tiny.event,
        requester=tiny.people[requester],
        recipient=tiny.people[recipient],
        message="Shall we meet?",
    )


def cancel(tiny, name: str, by: str) -> None:
    b2b.cancel_meeting_request(
        meeting_request=tiny.meetings[name].request, registration=tiny.people[by], actor=None
    )


def positions(tiny) -> dict[str, tuple[int | None, int | None]]:
    return {
        name: tuple(Meeting.objects.values_list("slot_id", "table_id").get(pk=meeting.pk))
        for name, meeting in tiny.meetings.items()
    }


def mailed() -> list[str]:
    """Who received an agenda e-mail (the requests' own e-mails left aside)."""
    return sorted(message.to[0] for message in mail.outbox if "B2B agenda" in message.subject)


def automatic_runs(tiny):
    return ScheduleRun.objects.filter(event=tiny.event, is_automatic=True)


def test_a_burst_of_changes_makes_one_update_that_tells_only_those_affected(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    with django_capture_on_commit_callbacks() as callbacks:
        cancel(tiny, "bob-cleo", by="Bob")
        tiny.meetings["ada-eve"] = b2b.accept_meeting_request(
            meeting_request=request_between(tiny, "Ada", "Eve"),
            registration=tiny.people["Eve"],
            actor=None,
        )
    assert automatic_runs(tiny).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    run = automatic_runs(tiny).get()
    assert (run.state, run.keeps_published, run.is_published) == ("done", True, True)
    assert positions(tiny) == {
        "ada-bob": (tiny.early.pk, tiny.booth.pk),
        "bob-cleo": (None, None),
        "ada-dan": (None, None),
        "eve-finn": (tiny.early.pk, tiny.table.pk),
        "ada-eve": (tiny.late.pk, tiny.table.pk),
    }
    assert mailed() == ["ada@example.org", "bob@example.org", "cleo@example.org", "eve@example.org"]
    assert sorted(m.subject for m in mail.outbox) == [
        "Your B2B agenda for Tiny Day has changed",
        "Your B2B agenda for Tiny Day has changed",
        "Your B2B agenda for Tiny Day has changed",
        "Your B2B agenda for Tiny Day has changed",
        "Your meeting request to Eve Test: accepted",
    ]
    entry = AuditEntry.objects.filter(action="events.schedule.published").latest("pk")
    assert entry.actor is None
    assert entry.data == {"run": run.pk, "moved": 2, "told": 4, "changes": 2, "automatic": True}
    assert not ScheduleChange.objects.filter(event=tiny.event, published_at__isnull=True).exists()


def test_a_cancelled_meeting_leaves_both_agendas_before_the_update_runs(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    with django_capture_on_commit_callbacks():
        cancel(tiny, "bob-cleo", by="Cleo")
    bob = [item.meeting.pk for item in list_agenda(tiny.people["Bob"])]
    assert bob == [tiny.meetings["ada-bob"].pk]
    assert list_agenda(tiny.people["Cleo"]) == []
    assert automatic_runs(tiny).get().state == ScheduleRun.State.QUEUED
    assert mail.outbox == []


def test_a_cancelled_registration_cancels_its_meetings_and_tells_the_partners(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel_registration(actor=None, registration=tiny.people["Cleo"])
    cancelled = Meeting.objects.get(pk=tiny.meetings["bob-cleo"].pk)
    assert cancelled.is_cancelled
    assert cancelled.request.status == MeetingRequest.Status.CANCELLED
    assert ScheduleChange.objects.get().kind == ScheduleChange.Kind.REGISTRATION_CANCELLED
    # Cleo left: only Bob, whose agenda lost the meeting, hears of it.
    assert mailed() == ["bob@example.org"]
    assert positions(tiny)["ada-bob"] == (tiny.early.pk, tiny.booth.pk)


def test_changes_before_publication_queue_nothing(tiny, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cancel(tiny, "bob-cleo", by="Bob")
    assert not ScheduleChange.objects.exists()
    assert not ScheduleRun.objects.exists()


def test_an_unscheduled_meeting_cancelled_changes_nothing(
    published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cancel(published, "ada-dan", by="Dan")
    assert not ScheduleChange.objects.exists()
    assert not automatic_runs(published).exists()


def test_with_automatic_updates_off_the_changes_wait_for_the_organiser(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    schedule_updates.set_automatic_updates(event=tiny.event, actor=None, is_on=False)
    with django_capture_on_commit_callbacks(execute=True):
        cancel(tiny, "bob-cleo", by="Bob")
    change = ScheduleChange.objects.get()
    assert (change.kind, change.meeting_id, change.published_at) == (
        ScheduleChange.Kind.MEETING_CANCELLED,
        tiny.meetings["bob-cleo"].pk,
        None,
    )
    assert not automatic_runs(tiny).exists()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        run = scheduling.request_schedule(actor=None, event=tiny.event, keep_published=True)
    run.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.publish_schedule(actor=None, run=run)
    change.refresh_from_db()
    assert change.published_at is not None
    assert mailed() == ["bob@example.org", "cleo@example.org"]


def test_switching_automatic_updates_back_on_updates_the_waiting_changes(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    schedule_updates.set_automatic_updates(event=tiny.event, actor=None, is_on=False)
    with django_capture_on_commit_callbacks(execute=True):
        cancel(tiny, "bob-cleo", by="Bob")
    with django_capture_on_commit_callbacks(execute=True):
        schedule_updates.set_automatic_updates(event=tiny.event, actor=None, is_on=True)
    assert automatic_runs(tiny).get().is_published
    assert mailed() == ["bob@example.org", "cleo@example.org"]
    actions = AuditEntry.objects.filter(action="events.schedule.automatic_updates_switched")
    assert [entry.data for entry in actions.order_by("pk")] == [{"on": False}, {"on": True}]


def test_a_change_during_an_update_holds_back_its_result_for_the_next_one(
    published, django_capture_on_commit_callbacks, monkeypatch
):
    tiny = published
    real_solve = scheduling.solve

    def solve_while_a_meeting_is_accepted(*args, **kwargs):
        schedule = real_solve(*args, **kwargs)
        b2b.accept_meeting_request(
            meeting_request=request_between(tiny, "Ada", "Eve"),
            registration=tiny.people["Eve"],
            actor=None,
        )
        monkeypatch.setattr(scheduling, "solve", real_solve)
        return schedule

    monkeypatch.setattr(scheduling, "solve", solve_while_a_meeting_is_accepted)
    with django_capture_on_commit_callbacks(execute=True):
        cancel(tiny, "bob-cleo", by="Bob")
    first, second = automatic_runs(tiny).order_by("pk")
    assert (first.state, first.is_published) == (ScheduleRun.State.DONE, False)
    assert (second.state, second.is_published) == (ScheduleRun.State.DONE, True)
    new = Meeting.objects.get(
        request__requester=tiny.people["Ada"], request__recipient__person__first_name="Eve"
    )
    assert (new.slot_id, new.table_id) == (tiny.late.pk, tiny.table.pk)
    # One e-mail each, from the second update only.
    assert mailed() == ["ada@example.org", "bob@example.org", "cleo@example.org", "eve@example.org"]


def test_an_update_delivered_twice_runs_once(published, django_capture_on_commit_callbacks):
    tiny = published
    with django_capture_on_commit_callbacks(execute=True):
        cancel(tiny, "bob-cleo", by="Bob")
    run = automatic_runs(tiny).get()
    finished = run.finished_at
    schedule_updates.update_schedule(run_id=run.pk)
    run.refresh_from_db()
    assert run.finished_at == finished
    assert ScheduleRun.objects.filter(event=tiny.event).count() == 2


def test_a_queued_update_makes_the_organisers_run_wait(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    with django_capture_on_commit_callbacks():
        cancel(tiny, "bob-cleo", by="Bob")
    with pytest.raises(scheduling.ConflictError):
        scheduling.request_schedule(actor=None, event=tiny.event, keep_published=True)


def test_a_new_meeting_before_publication_is_no_change(tiny, django_capture_on_commit_callbacks):
    assert tiny.event.schedule_state == Event.ScheduleState.NONE
    add_meeting(tiny.event, tiny.people["Cleo"], tiny.people["Eve"], 1)
    with django_capture_on_commit_callbacks(execute=True):
        b2b.accept_meeting_request(
            meeting_request=request_between(tiny, "Ada", "Eve"),
            registration=tiny.people["Eve"],
            actor=None,
        )
    assert not ScheduleChange.objects.exists()
