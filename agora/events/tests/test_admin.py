"""The events back office: staff with TOTP open every list and add page; members do not."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.admin import site
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from agora.core.models import AuditEntry
from agora.events.models import Event, Meeting, MeetingRequest
from agora.events.tests.factories import (
    B2BProfileFactory,
    EventFactory,
    MeetingRequestFactory,
    SlotFactory,
    TableFactory,
)

MODELS = [
    "event",
    "programmesession",
    "registrationquestion",
    "registration",
    "b2bprofile",
    "slot",
    "table",
    "requestrule",
    "opportunity",
    "meetingrequest",
    "meeting",
    "meetingfeedback",
    "schedulerun",
]


@pytest.fixture
def back_office(cast, staff_with_totp) -> Client:
    """A staff member with TOTP and the events permissions, signed in."""
    staff_with_totp.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["events", "members"])
    )
    client = Client()
    client.force_login(staff_with_totp)
    return client


@pytest.fixture
def event_with_rows(db) -> Event:
    event = EventFactory(slug="cluster-day")
    request = MeetingRequestFactory(requester__event=event)
    B2BProfileFactory(registration=request.requester)
    SlotFactory(event=event)
    TableFactory(event=event)
    return event


@pytest.mark.parametrize("model", MODELS)
def test_staff_opens_every_events_list(back_office, event_with_rows, model):
    assert back_office.get(f"/admin/events/{model}/").status_code == 200


@pytest.mark.parametrize("model", [m for m in MODELS if m != "schedulerun"])
def test_staff_opens_every_events_add_page(back_office, model):
    assert back_office.get(f"/admin/events/{model}/add/").status_code == 200


def test_schedule_runs_cannot_be_added_by_hand(back_office):
    assert back_office.get("/admin/events/schedulerun/add/").status_code == 403


def test_staff_opens_the_event_change_page_with_its_inlines(back_office, event_with_rows):
    response = back_office.get(f"/admin/events/event/{event_with_rows.pk}/change/")

    assert response.status_code == 200
    assert b"programme-TOTAL_FORMS" in response.content
    assert b"slots-TOTAL_FORMS" in response.content


def test_event_list_links_to_the_dashboard(back_office, event_with_rows):
    response = back_office.get("/admin/events/event/")

    assert b'href="/events/cluster-day/manage/"' in response.content


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_non_staff_cannot_enter_the_events_admin(cast, role):
    client = Client()
    client.force_login(getattr(cast, role))

    response = client.get("/admin/events/event/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_staff_creates_an_event_with_its_programme_and_an_audit_entry(back_office, cast):
    data = {
        "title": "Think tank on AI",
        "slug": "think-tank-ai",
        "kind": "think_tank",
        "theme": "AI in hospitals",
        "description": "",
        "is_published": "on",
        "starts_at_0": "2030-03-04",
        "starts_at_1": "14:00",
        "ends_at_0": "2030-03-04",
        "ends_at_1": "17:00",
        "venue": "BioPark",
        "address": "",
        "city": "Charleroi",
        "capacity": "40",
        "price_member": "0",
        "price_non_member": "25",
        "registration_deadline_0": "2030-03-01",
        "registration_deadline_1": "12:00",
        "organisers": [str(cast.staff.pk)],
        "co_organiser": str(cast.organisation.pk),
        "partner_cluster": "",
        "request_cap": "10",
        "country": "BE",
    }
    for prefix in ["programme", "questions", "slots", "tables", "request_rules"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "programme-TOTAL_FORMS": "1",
        "programme-0-title": "Opening",
        "programme-0-starts_at_0": "2030-03-04",
        "programme-0-starts_at_1": "14:00",
        "programme-0-ends_at_0": "2030-03-04",
        "programme-0-ends_at_1": "14:30",
    }

    response = back_office.post("/admin/events/event/add/", data)

    assert response.status_code == 302
    event = Event.objects.get(slug="think-tank-ai")
    assert event.programme.get().title == "Opening"
    assert list(event.organisers.all()) == [cast.staff]
    assert event.co_organiser == cast.organisation
    assert AuditEntry.objects.filter(action="events.event.added", object_id=str(event.pk)).exists()


def test_organisers_are_chosen_among_staff_only(back_office, cast):
    response = back_office.get("/admin/events/event/add/")

    choices = [pk for pk, _label in response.context["adminform"].form.fields["organisers"].choices]
    assert [int(str(pk)) for pk in choices] == [cast.staff.pk]


def test_a_cancellation_ticked_in_the_back_office_is_dated(
    back_office, staff_with_totp, event_with_rows, rf, monkeypatch
):
    """The annual report reads the day of a cancellation: the admin dates it as the site does,
    keeps a date given with it, and clears it when the box is unticked."""
    meeting = Meeting.objects.create(
        event=event_with_rows, request=MeetingRequest.objects.get(requester__event=event_with_rows)
    )
    meeting_admin = site._registry[Meeting]
    request = rf.post("/admin/")
    request.user = staff_with_totp
    moment = timezone.make_aware(datetime(2030, 11, 21, 9, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)

    meeting.is_cancelled = True
    meeting_admin.save_model(request, meeting, SimpleNamespace(changed_data=["is_cancelled"]), True)
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at == moment
    given = moment - timedelta(days=2)
    meeting.cancelled_at = given
    changed = SimpleNamespace(changed_data=["is_cancelled", "cancelled_at"])
    meeting_admin.save_model(request, meeting, changed, True)
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at == given
    meeting.is_cancelled = False
    meeting_admin.save_model(request, meeting, SimpleNamespace(changed_data=["is_cancelled"]), True)
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at is None
