from datetime import datetime, timedelta

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from agora.events.models import Meeting, MeetingFeedback, Registration, ScheduleRun, Slot
from agora.events.services import scheduling
from agora.events.tests.scheduling_data import tiny_event
from agora.members.models import Person

AGENDA_URLS = ["agenda", "agenda-pdf", "agenda-ics"]


@pytest.fixture
def tiny(db, cast, settings, django_capture_on_commit_callbacks):
    """The tiny event, published: the member is Ada, the outsider is Bob."""
    settings.AGORA_B2B_TIME_LIMIT = 5.0
    tiny = tiny_event(
        ada=Person.objects.get(user=cast.member), bob=Person.objects.get(user=cast.outsider)
    )
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.request_schedule(actor=None, event=tiny.event, keep_published=False)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.publish_schedule(actor=None, run=ScheduleRun.objects.get())
    return tiny


def url(name, tiny, *args):
    return reverse(f"events:{name}", args=[tiny.event.slug, *args])


def vevents(body: bytes) -> list:
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


@pytest.mark.parametrize("name", AGENDA_URLS)
def test_anonymous_visitor_is_sent_to_log_in(client, tiny, name):
    response = client.get(url(name, tiny))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["representative", "expert", "staff"])
@pytest.mark.parametrize("name", AGENDA_URLS)
def test_people_not_registered_have_no_agenda(client, cast, staff_with_totp, tiny, role, name):
    client.force_login(getattr(cast, role))
    assert client.get(url(name, tiny)).status_code == 404


def test_my_agenda_lists_only_my_published_meetings_in_slot_order(client, cast, tiny):
    client.force_login(cast.member)
    response = client.get(url("agenda", tiny))
    assert response.status_code == 200
    items = response.context["items"]
    assert [item.meeting.pk for item in items] == [tiny.meetings["ada-bob"].pk]
    assert [other.pk for other in items[0].others] == [tiny.people["Bob"].pk]
    assert "Booth B" in response.text
    assert "Bob Labs SA" in response.text
    assert "Eve Test" not in response.text
    assert tiny.people["Ada"].calendar_token in response.text


def test_the_meeting_day_is_written_in_the_readers_language(client, cast, tiny):
    # The factories' slots follow a sequence shared by every test: pin this one's day.
    starts = timezone.make_aware(datetime(2030, 11, 20, 10, 0))
    slot = Meeting.objects.get(pk=tiny.meetings["ada-bob"].pk).slot
    Slot.objects.filter(pk=slot.pk).update(starts_at=starts, ends_at=starts + timedelta(minutes=20))
    client.force_login(cast.member)
    assert "Wed 20 November " in client.get(url("agenda", tiny)).text
    client.post(reverse("set_language"), {"language": "fr"})
    assert "mer 20 novembre " in client.get(url("agenda", tiny)).text


def test_the_other_participant_sees_the_same_meeting(client, cast, tiny):
    client.force_login(cast.outsider)
    items = client.get(url("agenda", tiny)).context["items"]
    assert [item.meeting.pk for item in items] == [
        tiny.meetings["ada-bob"].pk,
        tiny.meetings["bob-cleo"].pk,
    ]


def test_agenda_takes_a_fixed_number_of_queries(client, cast, tiny, django_assert_max_num_queries):
    client.force_login(cast.outsider)
    with django_assert_max_num_queries(12):
        client.get(url("agenda", tiny))


def test_unpublished_meetings_do_not_appear(client, cast, tiny):
    tiny.event.schedule_state = "draft"
    tiny.event.save(update_fields=["schedule_state"])
    client.force_login(cast.member)
    assert client.get(url("agenda", tiny)).context["items"] == []
    assert vevents(client.get(url("agenda-ics", tiny)).content) == []


def test_ics_has_one_vevent_per_meeting_with_stable_uids(client, cast, tiny):
    client.force_login(cast.outsider)
    response = client.get(url("agenda-ics", tiny))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = vevents(response.content)
    ada_bob, bob_cleo = tiny.meetings["ada-bob"], tiny.meetings["bob-cleo"]
    assert [str(e["UID"]) for e in events] == [
        f"b2b-meeting-{ada_bob.pk}@127.0.0.1",
        f"b2b-meeting-{bob_cleo.pk}@127.0.0.1",
    ]
    first = events[0]
    assert first.decoded("DTSTART") == tiny.early.starts_at
    assert first.decoded("DTSTART").tzinfo is not None
    assert first.decoded("DTEND") == tiny.early.ends_at
    assert str(first["LOCATION"]) == "Booth B"
    assert str(first["SUMMARY"]) == f"B2B meeting with {tiny.people['Ada'].person} (Ada Labs SA)"
    # The same meeting has the same UID in the other participant's calendar.
    client.force_login(cast.member)
    assert [str(e["UID"]) for e in vevents(client.get(url("agenda-ics", tiny)).content)] == [
        f"b2b-meeting-{ada_bob.pk}@127.0.0.1"
    ]


def test_private_feed_needs_no_login(client, tiny):
    token = tiny.people["Bob"].calendar_token
    response = client.get(reverse("events:agenda-feed", args=[token]))
    assert response.status_code == 200
    assert len(vevents(response.content)) == 2


@pytest.mark.parametrize("token", ["unknown", "x" * 64, ""])
def test_unknown_feed_token_is_404(client, tiny, token):
    assert client.get(f"/events/feed/{token}.ics").status_code == 404


def test_feed_of_a_cancelled_registration_is_404(client, tiny):
    registration = tiny.people["Bob"]
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    response = client.get(reverse("events:agenda-feed", args=[registration.calendar_token]))
    assert response.status_code == 404


def test_agenda_pdf_is_a_pdf(client, cast, tiny):
    client.force_login(cast.member)
    response = client.get(url("agenda-pdf", tiny))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def start_meetings(tiny):
    past = timezone.now() - timedelta(hours=2)
    Slot.objects.filter(pk=tiny.early.pk).update(
        starts_at=past, ends_at=past + timedelta(minutes=30)
    )


def test_feedback_after_the_meeting_started_is_recorded_once(client, cast, tiny):
    start_meetings(tiny)
    meeting = tiny.meetings["ada-bob"]
    client.force_login(cast.member)
    data = {"rating": "4", "outcome": "nda", "comment": "Good fit."}
    response = client.post(url("meeting-feedback", tiny, meeting.pk), data)
    assert response.status_code == 302
    feedback = MeetingFeedback.objects.get()
    assert (feedback.registration, feedback.rating, feedback.outcome) == (
        tiny.people["Ada"],
        4,
        "nda",
    )
    again = client.post(url("meeting-feedback", tiny, meeting.pk), data)
    assert again.status_code == 409
    assert MeetingFeedback.objects.count() == 1


def test_feedback_before_the_meeting_starts_is_refused(client, cast, tiny):
    client.force_login(cast.member)
    response = client.post(
        url("meeting-feedback", tiny, tiny.meetings["ada-bob"].pk),
        {"rating": "5", "outcome": "deal"},
    )
    assert response.status_code == 409
    assert "once the meeting has started" in response.text
    assert MeetingFeedback.objects.count() == 0


@pytest.mark.parametrize("rating", ["0", "6", "x"])
def test_feedback_with_a_bad_rating_is_400(client, cast, tiny, rating):
    start_meetings(tiny)
    client.force_login(cast.member)
    response = client.post(
        url("meeting-feedback", tiny, tiny.meetings["ada-bob"].pk),
        {"rating": rating, "outcome": "deal"},
    )
    assert response.status_code == 400
    assert MeetingFeedback.objects.count() == 0


@pytest.mark.parametrize("meeting", ["bob-cleo", "ada-dan"])
def test_feedback_on_a_meeting_not_mine_or_not_published_is_404(client, cast, tiny, meeting):
    start_meetings(tiny)
    client.force_login(cast.member)
    response = client.post(
        url("meeting-feedback", tiny, tiny.meetings[meeting].pk),
        {"rating": "3", "outcome": "nothing"},
    )
    assert response.status_code == 404
    assert MeetingFeedback.objects.count() == 0


def test_rating_out_of_range_is_refused_by_the_model(tiny):
    feedback = MeetingFeedback(
        meeting=Meeting.objects.first(), registration=tiny.people["Ada"], rating=6, outcome="deal"
    )
    with pytest.raises(ValidationError):
        feedback.full_clean()
