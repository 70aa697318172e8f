import pytest
from django.urls import reverse
from django.utils import translation

from agora.core.models import AuditEntry
from agora.events.models import Event
from agora.events.selectors.scheduling import get_run_report
from agora.events.services import b2b, scheduling
from agora.events.tests.scheduling_data import tiny_event


@pytest.fixture
def tiny(db, settings):
    settings.AGORA_B2B_TIME_LIMIT = 5.0
    return tiny_event()


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


def publish(tiny, capture):
    with capture(execute=True):
        run = scheduling.request_schedule(actor=None, event=tiny.event, keep_published=False)
    run.refresh_from_db()
    with capture(execute=True):
        scheduling.publish_schedule(actor=None, run=run)
    return run


def test_the_organiser_reads_the_changes_waiting_for_a_schedule(
    tiny, staff_client, django_capture_on_commit_callbacks
):
    publish(tiny, django_capture_on_commit_callbacks)
    tiny.event.updates_schedule_automatically = False
    tiny.event.save(update_fields=["updates_schedule_automatically"])
    with django_capture_on_commit_callbacks(execute=True):
        b2b.cancel_meeting_request(
            meeting_request=tiny.meetings["bob-cleo"].request,
            registration=tiny.people["Cleo"],
            actor=None,
        )
    response = staff_client.get(reverse("events:schedule-updates", args=[tiny.event.slug]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 change is not in the published schedule yet." in text
    assert "Meeting cancelled" in text
    assert "Bob Test · Cleo Test" in text
    schedule_page = staff_client.get(reverse("events:schedule-detail", args=[tiny.event.slug]))
    assert (
        reverse("events:schedule-updates", args=[tiny.event.slug]) in schedule_page.content.decode()
    )


def test_the_organiser_switches_automatic_updates_off(tiny, staff_client):
    response = staff_client.post(
        reverse("events:schedule-updates-automatic", args=[tiny.event.slug]), {"is_on": "off"}
    )
    assert response.status_code == 302
    tiny.event.refresh_from_db()
    assert tiny.event.updates_schedule_automatically is False
    entry = AuditEntry.objects.get(action="events.schedule.automatic_updates_switched")
    assert entry.data == {"on": False}


def test_a_switch_to_an_unknown_position_is_refused_and_changes_nothing(tiny, staff_client):
    response = staff_client.post(
        reverse("events:schedule-updates-automatic", args=[tiny.event.slug]), {"is_on": "maybe"}
    )
    assert response.status_code == 400
    assert Event.objects.get(pk=tiny.event.pk).updates_schedule_automatically is True
    assert not AuditEntry.objects.filter(action__startswith="events.schedule").exists()


def test_the_run_report_words_the_reasons_in_french(tiny, django_capture_on_commit_callbacks):
    run = publish(tiny, django_capture_on_commit_callbacks)
    early = str(tiny.early)
    with translation.override("fr"):
        report = get_run_report(run)
    assert [item.reason for item in report.unscheduled] == [
        "Ada Test et Dan Test n'ont aucun créneau libre en commun : "
        f"Ada Test a déjà un rendez-vous à {early}"
    ]
    assert report.reason == ""
    english = get_run_report(run)
    assert [item.reason for item in english.unscheduled] == [
        f"Ada Test and Dan Test have no common free slot: Ada Test is booked in {early}"
    ]
