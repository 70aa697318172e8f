import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from agora.events.models import Event, Meeting, ScheduleChange, ScheduleRun
from agora.events.services.schedule_updates import note_schedule_change
from agora.events.tests.scheduling_data import tiny_event
from agora.members.models import Person

ROLES = ["representative", "member", "outsider", "expert"]


@pytest.fixture
def tiny(db, cast, settings):
    settings.AGORA_B2B_TIME_LIMIT = 5.0
    return tiny_event(
        ada=Person.objects.get(user=cast.member), bob=Person.objects.get(user=cast.outsider)
    )


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


def url(name, tiny, run=None):
    args = [tiny.event.slug] + ([run.pk] if run else [])
    return reverse(f"events:{name}", args=args)


def upload(data, name="solution.json"):
    return SimpleUploadedFile(name, json.dumps(data).encode(), content_type="application/json")


def run_and_publish(staff_client, tiny, capture):
    with capture(execute=True):
        staff_client.post(url("schedule-run", tiny))
    run = ScheduleRun.objects.get()
    with capture(execute=True):
        staff_client.post(url("schedule-publish", tiny, run))
    return run


GETS = ["schedule-detail", "schedule-instance", "schedule-solution"]
POSTS = ["schedule-run", "schedule-import"]


@pytest.mark.parametrize("name", GETS + POSTS)
def test_anonymous_visitor_is_sent_to_log_in(client, tiny, name):
    response = client.post(url(name, tiny)) if name in POSTS else client.get(url(name, tiny))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", GETS)
def test_organiser_pages_are_hidden_from_participants_and_members(client, cast, tiny, role, name):
    client.force_login(getattr(cast, role))
    assert client.get(url(name, tiny)).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_participants_cannot_schedule_publish_or_import(client, cast, tiny, role):
    run = ScheduleRun.objects.create(event=tiny.event, state=ScheduleRun.State.DONE)
    client.force_login(getattr(cast, role))
    assert client.post(url("schedule-run", tiny)).status_code == 404
    assert client.post(url("schedule-publish", tiny, run)).status_code == 404
    response = client.post(url("schedule-import", tiny), {"file": upload({"assignments": []})})
    assert response.status_code == 404
    assert ScheduleRun.objects.count() == 1
    assert not ScheduleRun.objects.get().is_published
    assert Meeting.objects.filter(slot__isnull=False).count() == 0


def test_schedule_page_shows_the_draft_with_its_figures_and_reasons(
    staff_client, tiny, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url("schedule-run", tiny), {"keep_published": ""})
    assert response.status_code == 302
    page = staff_client.get(url("schedule-detail", tiny))
    assert page.status_code == 200
    report = page.context["report"]
    assert (report.weight, report.gap_percent, report.idle, report.idle_max) == (6.0, 0.0, 0, 0)
    assert [(use.meetings, use.tables) for use in report.slot_use] == [(2, 2), (1, 2)]
    assert [(u.participants, u.reason) for u in report.unscheduled] == [
        (
            f"{tiny.people['Ada'].person} · Dan Test",
            f"{tiny.people['Ada'].person} and Dan Test have no common free slot: "
            f"{tiny.people['Ada'].person} is booked in {tiny.early}",
        )
    ]
    assert "Publish and send the agendas" in page.text
    assert 'hx-trigger="every 2s"' not in page.text
    assert ScheduleRun.objects.get().status == "optimal"
    assert "optimal: no schedule can hold more" in page.text


@pytest.mark.parametrize(
    ("status", "language", "shown"),
    [
        ("feasible", "en", "feasible: a valid schedule, not proved the best"),
        ("feasible", "fr", "réalisable : un planning valide, sans preuve qu'il soit le meilleur"),
        ("optimal", "fr", "optimal : aucun planning ne peut en placer davantage"),
        ("infeasible", "fr", "irréalisable : les contraintes n'admettent aucun planning valide"),
        ("unknown", "fr", "inconnu : aucun planning trouvé dans le temps imparti"),
        ("", "fr", ""),
    ],
)
def test_the_solver_status_is_worded_in_the_readers_language(status, language, shown):
    with translation.override(language):
        assert ScheduleRun(status=status).get_solver_status_display() == shown


def test_schedule_page_takes_a_fixed_number_of_queries(
    staff_client, tiny, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url("schedule-run", tiny))
    with django_assert_max_num_queries(12):
        staff_client.get(url("schedule-detail", tiny))


def test_a_queued_run_is_polled_through_htmx(staff_client, tiny):
    ScheduleRun.objects.create(event=tiny.event)
    page = staff_client.get(url("schedule-detail", tiny))
    assert 'hx-trigger="every 2s"' in page.text
    partial = staff_client.get(url("schedule-detail", tiny), headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert partial.text.lstrip().startswith('<section id="run-panel"')


def test_publishing_from_the_page_mails_the_participants(
    staff_client, tiny, django_capture_on_commit_callbacks
):
    run = run_and_publish(staff_client, tiny, django_capture_on_commit_callbacks)
    run.refresh_from_db()
    assert run.is_published
    assert Event.objects.get().schedule_state == Event.ScheduleState.PUBLISHED
    assert len(mail.outbox) == 6


def test_scheduling_while_a_run_is_queued_is_refused(staff_client, tiny):
    ScheduleRun.objects.create(event=tiny.event)
    response = staff_client.post(url("schedule-run", tiny))
    assert response.status_code == 409
    assert "A schedule is already being computed" in response.text
    assert ScheduleRun.objects.count() == 1


def test_importing_with_publish_publishes_at_once(
    staff_client, tiny, django_capture_on_commit_callbacks
):
    run_and_publish(staff_client, tiny, django_capture_on_commit_callbacks)
    solution = staff_client.get(url("schedule-solution", tiny)).json()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("schedule-import", tiny), {"file": upload(solution), "publish": "on"}
        )
    assert response.status_code == 302
    assert ScheduleRun.objects.first().is_published
    assert ScheduleRun.objects.filter(is_published=True).count() == 1


def test_publishing_a_failed_run_is_refused(staff_client, tiny):
    run = ScheduleRun.objects.create(event=tiny.event, state=ScheduleRun.State.FAILED)
    response = staff_client.post(url("schedule-publish", tiny, run))
    assert response.status_code == 409
    assert "Only a finished schedule can be published." in response.text
    assert Event.objects.get().schedule_state == Event.ScheduleState.NONE


def test_run_of_another_event_is_404(staff_client, tiny):
    other = ScheduleRun.objects.create(
        event=Event.objects.create(
            title="Other",
            slug="other",
            kind="conference",
            starts_at=tiny.event.starts_at,
            ends_at=tiny.event.ends_at,
            registration_deadline=tiny.event.registration_deadline,
            has_b2b=True,
        ),
        state=ScheduleRun.State.DONE,
    )
    assert staff_client.post(url("schedule-publish", tiny, other)).status_code == 404


def test_downloads_round_trip_through_an_import(
    staff_client, tiny, django_capture_on_commit_callbacks
):
    run_and_publish(staff_client, tiny, django_capture_on_commit_callbacks)
    instance = staff_client.get(url("schedule-instance", tiny))
    solution = staff_client.get(url("schedule-solution", tiny))
    assert instance["Content-Disposition"] == 'attachment; filename="tiny-day-instance.json"'
    assert len(instance.json()["meetings"]) == 4
    assert len(solution.json()["assignments"]) == 3
    response = staff_client.post(url("schedule-import", tiny), {"file": upload(solution.json())})
    assert response.status_code == 302
    imported = ScheduleRun.objects.first()
    assert (imported.state, imported.scheduled_count, imported.is_published) == ("done", 3, False)


def test_importing_a_bad_solution_lists_the_violations_and_saves_nothing(staff_client, tiny):
    ada_bob, bob_cleo = tiny.meetings["ada-bob"], tiny.meetings["bob-cleo"]
    early = f"s{tiny.early.pk}"
    data = {
        "format": "b2b-solution/1",
        "assignments": [
            {"meeting": f"m{ada_bob.pk}", "slot": early, "table": f"t{tiny.booth.pk}"},
            {"meeting": f"m{bob_cleo.pk}", "slot": early, "table": f"t{tiny.table.pk}"},
            {"meeting": "m999999", "slot": early, "table": f"t{tiny.table.pk}"},
        ],
        "unscheduled": [],
    }
    response = staff_client.post(url("schedule-import", tiny), {"file": upload(data)})
    assert response.status_code == 400
    errors = response.context["errors"]
    assert errors[0].startswith("The schedule breaks")
    assert "m999999: unknown meeting 'm999999'" in errors
    assert f"m{bob_cleo.pk}: r{tiny.people['Cleo'].pk} is not available in {early}" in errors
    assert f"m{bob_cleo.pk}: r{tiny.people['Bob'].pk} already meets in {early}" in errors
    assert ScheduleRun.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "This is not a JSON file."),
        (b"[1, 2]", "A solution file holds one JSON object."),
    ],
)
def test_importing_a_file_that_is_not_a_solution_is_a_clear_400(
    staff_client, tiny, content, message
):
    file = SimpleUploadedFile("x.json", content, content_type="application/json")
    response = staff_client.post(url("schedule-import", tiny), {"file": file})
    assert response.status_code == 400
    assert message in response.text
    assert ScheduleRun.objects.count() == 0


def test_once_the_event_is_over_its_schedule_is_final(
    staff_client, tiny, django_capture_on_commit_callbacks
):
    """Scheduling, importing and publishing are refused (409, nothing written), the page says
    why and offers none of them, and a late change queues no update."""
    run = run_and_publish(staff_client, tiny, django_capture_on_commit_callbacks)
    solution = staff_client.get(url("schedule-solution", tiny)).json()
    draft = ScheduleRun.objects.create(event=tiny.event, state=ScheduleRun.State.DONE)
    yesterday = timezone.now() - timedelta(days=1)
    Event.objects.filter(pk=tiny.event.pk).update(
        starts_at=yesterday - timedelta(hours=9), ends_at=yesterday
    )
    refused = [
        staff_client.post(url("schedule-run", tiny)),
        staff_client.post(url("schedule-import", tiny), {"file": upload(solution)}),
        staff_client.post(url("schedule-publish", tiny, draft)),
    ]
    assert [response.status_code for response in refused] == [409, 409, 409]
    assert "The event is over: its B2B schedule is final." in refused[0].text
    for response in refused[1:]:
        assert "The event is over: its B2B schedule can no longer change." in response.text
    assert list(ScheduleRun.objects.order_by("pk")) == [run, draft]
    assert not ScheduleRun.objects.get(pk=draft.pk).is_published
    page = staff_client.get(url("schedule-detail", tiny)).text
    assert "The event is over: its B2B schedule is final." in page
    for name in ("schedule-run", "schedule-import"):
        assert f'action="{url(name, tiny)}"' not in page
    meeting = Meeting.objects.filter(event=tiny.event).first()
    event = Event.objects.get(pk=tiny.event.pk)
    assert event.is_over
    change = note_schedule_change(
        event_id=event.pk, kind=ScheduleChange.Kind.MEETING_CANCELLED, meeting=meeting
    )
    assert change is None
    assert not ScheduleChange.objects.exists()
