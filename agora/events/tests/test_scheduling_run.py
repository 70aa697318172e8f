from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from agora.core.errors import ConflictError
from agora.core.models import AuditEntry
from agora.events import adapter
from agora.events.models import Event, Meeting, Registration, ScheduleRun
from agora.events.services import scheduling
from agora.events.tests.scheduling_data import add_meeting, tiny_event


@pytest.fixture
def tiny(db, settings):
    settings.AGORA_B2B_TIME_LIMIT = 5.0
    return tiny_event()


def ids(tiny, *names):
    return tuple(adapter.registration_id(tiny.people[name].pk) for name in names)


def schedule(tiny, capture, *, keep=False, actor=None):
    with capture(execute=True):
        run = scheduling.request_schedule(actor=actor, event=tiny.event, keep_published=keep)
    run.refresh_from_db()
    return run


def publish(tiny, capture, run):
    with capture(execute=True):
        return scheduling.publish_schedule(actor=None, run=run)


def test_problem_has_stable_ids_availability_and_home_tables(tiny):
    problem = adapter.fetch_problem(tiny.event)
    early, late = adapter.slot_id(tiny.early.pk), adapter.slot_id(tiny.late.pk)
    assert [s.id for s in problem.slots] == [early, late]
    assert [t.id for t in problem.tables] == [f"t{tiny.table.pk}", f"t{tiny.booth.pk}"]
    people = {p.id: p for p in problem.participants}
    ada, bob, cleo, dan, eve, finn = ids(tiny, "Ada", "Bob", "Cleo", "Dan", "Eve", "Finn")
    assert set(people) == {ada, bob, cleo, dan, eve, finn}
    assert people[ada].available is None
    assert people[cleo].available == frozenset({late})
    assert people[bob].table == f"t{tiny.booth.pk}"
    assert people[ada].organization == f"o{tiny.people['Ada'].organisation_id}"
    meetings = {m.id: (m.participants, m.weight) for m in problem.meetings}
    assert meetings == {
        f"m{tiny.meetings['ada-bob'].pk}": ((ada, bob), 2.0),
        f"m{tiny.meetings['bob-cleo'].pk}": ((bob, cleo), 2.0),
        f"m{tiny.meetings['ada-dan'].pk}": ((ada, dan), 1.0),
        f"m{tiny.meetings['eve-finn'].pk}": ((eve, finn), 2.0),
    }


def test_problem_leaves_out_cancelled_meetings_and_registrations(tiny):
    tiny.meetings["ada-dan"].is_cancelled = True
    tiny.meetings["ada-dan"].save(update_fields=["is_cancelled"])
    finn = tiny.people["Finn"]
    finn.status = Registration.Status.CANCELLED
    finn.save(update_fields=["status"])
    problem = adapter.fetch_problem(tiny.event)
    assert [m.id for m in problem.meetings] == [
        f"m{tiny.meetings['ada-bob'].pk}",
        f"m{tiny.meetings['bob-cleo'].pk}",
    ]
    assert {p.id for p in problem.participants} == set(ids(tiny, "Ada", "Bob", "Cleo"))


def test_problem_takes_one_query_per_model_whatever_the_size(tiny, django_assert_num_queries):
    with django_assert_num_queries(6):
        adapter.fetch_problem(tiny.event)


def test_schedule_run_places_every_meeting_exactly(tiny, django_capture_on_commit_callbacks):
    run = schedule(tiny, django_capture_on_commit_callbacks)
    m = {name: f"m{meeting.pk}" for name, meeting in tiny.meetings.items()}
    early, late = f"s{tiny.early.pk}", f"s{tiny.late.pk}"
    assert run.state == ScheduleRun.State.DONE
    assert run.status == "optimal"
    assert sorted((a["meeting"], a["slot"], a["table"]) for a in run.solution["assignments"]) == (
        sorted(
            [
                (m["ada-bob"], early, f"t{tiny.booth.pk}"),
                (m["bob-cleo"], late, f"t{tiny.booth.pk}"),
                (m["eve-finn"], early, f"t{tiny.table.pk}"),
            ]
        )
    )
    assert [u["meeting"] for u in run.solution["unscheduled"]] == [m["ada-dan"]]
    assert (run.scheduled_count, run.unscheduled_count, run.upper_bound) == (3, 1, 6.0)
    assert run.solution["stats"]["weight"] == 6.0
    assert run.solution["stats"]["idle"] == 0
    tiny.event.refresh_from_db()
    assert tiny.event.schedule_state == Event.ScheduleState.DRAFT
    assert Meeting.objects.filter(event=tiny.event, slot__isnull=False).count() == 0


def test_a_second_run_is_refused_while_one_is_queued(tiny):
    ScheduleRun.objects.create(event=tiny.event)
    with pytest.raises(ConflictError):
        scheduling.request_schedule(actor=None, event=tiny.event, keep_published=False)
    assert ScheduleRun.objects.count() == 1


def test_a_lost_run_no_longer_blocks_a_new_one(tiny):
    lost = ScheduleRun.objects.create(
        event=tiny.event,
        state=ScheduleRun.State.RUNNING,
        created_at=timezone.now() - timedelta(hours=1),
    )
    run = scheduling.request_schedule(actor=None, event=tiny.event, keep_published=False)
    assert run.pk != lost.pk
    assert ScheduleRun.objects.count() == 2


def test_a_failing_solver_ends_the_run_with_its_error(tiny, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(scheduling, "solve", broken)
    run = ScheduleRun.objects.create(event=tiny.event)
    scheduling.run_schedule(run_id=run.pk)
    run.refresh_from_db()
    assert run.state == ScheduleRun.State.FAILED
    assert run.error == "RuntimeError: out of memory"


def test_publish_writes_slots_and_tables_and_mails_every_participant_once(
    tiny, django_capture_on_commit_callbacks
):
    run = schedule(tiny, django_capture_on_commit_callbacks)
    told = publish(tiny, django_capture_on_commit_callbacks, run)
    positions = {
        name: (meeting.slot_id, meeting.table_id)
        for name, meeting in ((n, Meeting.objects.get(pk=m.pk)) for n, m in tiny.meetings.items())
    }
    assert positions == {
        "ada-bob": (tiny.early.pk, tiny.booth.pk),
        "bob-cleo": (tiny.late.pk, tiny.booth.pk),
        "eve-finn": (tiny.early.pk, tiny.table.pk),
        "ada-dan": (None, None),
    }
    reason = Meeting.objects.get(pk=tiny.meetings["ada-dan"].pk).unscheduled_reason
    assert reason == (
        f"Ada Test and Dan Test have no common free slot: Ada Test is booked in {tiny.early}"
    )
    assert told == sorted(r.pk for r in tiny.people.values())
    assert len(mail.outbox) == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"{name.lower()}@example.org" for name in tiny.people
    )
    assert mail.outbox[0].subject == "Your B2B agenda for Tiny Day"
    assert "http://127.0.0.1:8000/events/tiny-day/agenda/" in mail.outbox[0].body
    tiny.event.refresh_from_db()
    run.refresh_from_db()
    assert tiny.event.schedule_state == Event.ScheduleState.PUBLISHED
    assert run.is_published
    assert AuditEntry.objects.filter(action="events.schedule.published").count() == 1


def test_rescheduling_after_a_cancellation_keeps_the_rest_and_tells_only_those_affected(
    tiny, django_capture_on_commit_callbacks
):
    publish(
        tiny, django_capture_on_commit_callbacks, schedule(tiny, django_capture_on_commit_callbacks)
    )
    mail.outbox.clear()
    cancelled = tiny.meetings["bob-cleo"]
    cancelled.is_cancelled = True
    cancelled.save(update_fields=["is_cancelled"])
    run = schedule(tiny, django_capture_on_commit_callbacks, keep=True)
    assert run.keeps_published
    told = publish(tiny, django_capture_on_commit_callbacks, run)
    positions = {
        name: (meeting.slot_id, meeting.table_id)
        for name, meeting in ((n, Meeting.objects.get(pk=m.pk)) for n, m in tiny.meetings.items())
    }
    assert positions == {
        "ada-bob": (tiny.early.pk, tiny.booth.pk),
        "bob-cleo": (None, None),
        "eve-finn": (tiny.early.pk, tiny.table.pk),
        "ada-dan": (None, None),
    }
    assert told == sorted([tiny.people["Bob"].pk, tiny.people["Cleo"].pk])
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "cleo@example.org"]
    assert mail.outbox[0].subject == "Your B2B agenda for Tiny Day has changed"


def test_a_run_made_before_a_new_meeting_cannot_be_published(
    tiny, django_capture_on_commit_callbacks
):
    run = schedule(tiny, django_capture_on_commit_callbacks)
    add_meeting(tiny.event, tiny.people["Cleo"], tiny.people["Eve"], 1)
    with pytest.raises(ConflictError):
        scheduling.publish_schedule(actor=None, run=run)
    assert Meeting.objects.filter(event=tiny.event, slot__isnull=False).count() == 0
    assert len(mail.outbox) == 0


def test_rescheduling_after_a_new_meeting_places_it_and_tells_only_its_participants(
    tiny, django_capture_on_commit_callbacks
):
    publish(
        tiny, django_capture_on_commit_callbacks, schedule(tiny, django_capture_on_commit_callbacks)
    )
    mail.outbox.clear()
    new = add_meeting(tiny.event, tiny.people["Ada"], tiny.people["Eve"], 1)
    told = publish(
        tiny,
        django_capture_on_commit_callbacks,
        schedule(tiny, django_capture_on_commit_callbacks, keep=True),
    )
    new.refresh_from_db()
    assert (new.slot_id, new.table_id) == (tiny.late.pk, tiny.table.pk)
    assert Meeting.objects.get(pk=tiny.meetings["ada-bob"].pk).slot_id == tiny.early.pk
    assert told == sorted([tiny.people["Ada"].pk, tiny.people["Eve"].pk])
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "eve@example.org"]
