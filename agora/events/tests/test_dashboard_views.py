"""The organiser dashboard and the staff event list: figures, charts, who may open them."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from agora.events.models import Meeting, MeetingFeedback, MeetingRequest, Registration
from agora.events.selectors.dashboard import Feedback, get_dashboard
from agora.events.tests.factories import (
    EventFactory,
    MeetingRequestFactory,
    RegistrationFactory,
    SlotFactory,
    TableFactory,
)
from agora.members.tests.factories import OrganisationFactory
from conftest import add_totp


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def event(cast):
    """An event of four registrations, two slots, two tables, three requests, one meeting."""
    event = EventFactory(slug="cluster-day", title="Cluster Day")
    helix = cast.organisation
    alpha = RegistrationFactory(
        event=event,
        organisation=helix,
        is_member=True,
        person__last_name="Alpha",
        created_at=datetime(2030, 10, 1, 9, tzinfo=UTC),
    )
    beta = RegistrationFactory(
        event=event,
        organisation=helix,
        is_member=True,
        person__last_name="Beta",
        created_at=datetime(2030, 10, 1, 15, tzinfo=UTC),
    )
    gamma = RegistrationFactory(
        event=event,
        organisation_name="Hospital of Namur",
        person__last_name="Gamma",
        created_at=datetime(2030, 10, 3, 9, tzinfo=UTC),
    )
    RegistrationFactory(
        event=event,
        status=Registration.Status.CANCELLED,
        created_at=datetime(2030, 10, 2, 9, tzinfo=UTC),
    )
    slots = [SlotFactory(event=event), SlotFactory(event=event)]
    tables = [TableFactory(event=event, name="A"), TableFactory(event=event, name="B")]
    accepted = MeetingRequestFactory(
        requester=alpha, recipient=gamma, status=MeetingRequest.Status.ACCEPTED
    )
    MeetingRequestFactory(requester=beta, recipient=gamma, status=MeetingRequest.Status.DECLINED)
    MeetingRequestFactory(requester=gamma, recipient=alpha)
    meeting = Meeting.objects.create(event=event, request=accepted, slot=slots[1], table=tables[0])
    meeting.participants.set([alpha, gamma])
    return event


def test_dashboard_figures(event, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        figures = get_dashboard(event)

    assert [count for _day, count in figures.registrations_by_day] == [2, 1]
    assert (figures.confirmed, figures.waitlisted, figures.cancelled) == (3, 0, 1)
    assert (figures.members, figures.non_members) == (2, 1)
    assert figures.requests == {"accepted": 1, "declined": 1, "pending": 1}
    assert figures.requests_sent == 3
    assert (figures.scheduled, figures.unscheduled) == (1, 0)
    assert [(use.used, use.capacity) for use in figures.slot_use] == [(0, 2), (1, 2)]
    assert [(use.label, use.used, use.capacity) for use in figures.table_use] == [
        ("A", 1, 2),
        ("B", 0, 2),
    ]
    assert [
        (entry.registration.person.last_name, entry.requests) for entry in figures.most_requested
    ] == [("Gamma", 2), ("Alpha", 1)]
    assert figures.organisations == [("Helix Therapeutics SA", 2), ("Hospital of Namur", 1)]
    assert figures.feedback == Feedback(answers=0, average_rating=None, outcomes=NO_OUTCOMES)


NO_OUTCOMES = [
    ("Follow-up planned", 0),
    ("NDA signed", 0),
    ("Joint project", 0),
    ("Deal", 0),
    ("Nothing", 0),
]


def test_meeting_feedback_feeds_the_dashboard(event, staff_with_totp):
    meeting = Meeting.objects.get(event=event)
    alpha, gamma = meeting.participants.order_by("person__last_name")
    MeetingFeedback.objects.create(meeting=meeting, registration=alpha, rating=4, outcome="nda")
    MeetingFeedback.objects.create(meeting=meeting, registration=gamma, rating=5, outcome="deal")

    figures = get_dashboard(event)

    assert figures.feedback.answers == 2
    assert figures.feedback.average_rating == 4.5
    assert dict(figures.feedback.outcomes) == dict(NO_OUTCOMES) | {"NDA signed": 1, "Deal": 1}
    html = client_for(staff_with_totp).get("/events/cluster-day/manage/").content.decode()
    assert "2 answers, average rating 4.5 / 5" in html


def test_dashboard_counts_an_accepted_request_without_a_slot_as_unscheduled(event):
    request = MeetingRequest.objects.get(status=MeetingRequest.Status.PENDING)
    Meeting.objects.create(event=event, request=request, unscheduled_reason="no common slot")

    figures = get_dashboard(event)

    assert (figures.scheduled, figures.unscheduled) == (1, 1)


def test_dashboard_queries_do_not_grow_with_the_event(event, django_assert_max_num_queries):
    gamma = Registration.objects.get(person__last_name="Gamma")
    for _number in range(30):
        registration = RegistrationFactory(event=event, organisation=OrganisationFactory())
        MeetingRequestFactory(requester=registration, recipient=gamma)

    with django_assert_max_num_queries(10):
        get_dashboard(event)


def test_staff_sees_the_dashboard_with_its_charts(event, staff_with_totp):
    response = client_for(staff_with_totp).get("/events/cluster-day/manage/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="agora-chart"') == 3
    assert "Helix Therapeutics SA" in html
    assert "<?xml" not in html


def test_the_registrations_chart_names_its_days_in_the_readers_language(event, staff_with_totp):
    client = client_for(staff_with_totp)
    english = client.get("/events/cluster-day/manage/").content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get("/events/cluster-day/manage/").content.decode()

    # The first registrations came on 1 October 2030.
    assert ">1 Oct.<" in english
    assert ">1 oct.<" in french


def test_named_organiser_sees_the_dashboard(event, cast):
    event.organisers.add(cast.member)
    add_totp(cast.member)  # organisers need two-factor login, as staff

    assert client_for(cast.member).get("/events/cluster-day/manage/").status_code == 200


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_others_get_a_404_on_the_dashboard(event, cast, role):
    response = client_for(getattr(cast, role)).get("/events/cluster-day/manage/")

    assert response.status_code == 404


def test_anonymous_is_sent_to_log_in_from_the_dashboard(event):
    response = client_for(None).get("/events/cluster-day/manage/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_dashboard_of_an_unknown_event_is_a_404(staff_with_totp):
    assert client_for(staff_with_totp).get("/events/nothing/manage/").status_code == 404


def test_dashboard_refuses_post(event, staff_with_totp):
    assert client_for(staff_with_totp).post("/events/cluster-day/manage/").status_code == 405


def test_dashboard_of_an_empty_event_draws_no_bars(staff_with_totp):
    EventFactory(slug="empty", has_b2b=False)

    response = client_for(staff_with_totp).get("/events/empty/manage/")

    assert response.status_code == 200
    assert b"No registration yet." in response.content
    assert b'<svg class="agora-chart"' not in response.content


def test_staff_event_list_shows_unpublished_events_with_counts(
    event, staff_with_totp, django_assert_max_num_queries
):
    EventFactory(slug="draft-day", title="Draft Day", is_published=False)
    for number in range(5):
        EventFactory(slug=f"other-{number}")
    client = client_for(staff_with_totp)

    with django_assert_max_num_queries(8):
        response = client.get("/events/manage/")

    assert response.status_code == 200
    rows = {e.slug: e for e in response.context["events"]}
    assert len(rows) == 7
    assert "Draft Day" in response.content.decode()
    cluster_day = rows["cluster-day"]
    counts = (
        cluster_day.confirmed_count,
        cluster_day.waitlisted_count,
        cluster_day.accepted_count,
        cluster_day.scheduled_count,
    )
    assert counts == (3, 0, 1, 1)
    assert rows["draft-day"].confirmed_count == 0


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_non_staff_get_a_404_on_the_event_list(cast, role):
    assert client_for(getattr(cast, role)).get("/events/manage/").status_code == 404


def test_anonymous_is_sent_to_log_in_from_the_event_list(db):
    response = client_for(None).get("/events/manage/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_dashboard_links_to_the_other_organiser_pages(event, staff_with_totp):
    response = client_for(staff_with_totp).get("/events/cluster-day/manage/")

    assert [url for url, _label in response.context["links"]] == [
        "/events/cluster-day/",
        "/events/cluster-day/manage/registrations/",
        "/events/cluster-day/manage/check-in/",
        "/events/cluster-day/manage/b2b/",
        "/events/cluster-day/manage/b2b/requests/",
        "/events/cluster-day/manage/schedule/",
    ]


def test_the_dashboard_speaks_french_without_wrong_plurals(event, staff_with_totp):
    client = client_for(staff_with_totp)
    client.cookies["django_language"] = "fr"
    html = client.get("/events/cluster-day/manage/").content.decode()
    assert "acceptées : 1, refusées : 1, en attente : 1" in html
    assert "en attente : 0, annulées : 1" in html
    assert "Avis sur les rendez-vous" in html
    assert "Aucun avis pour l'instant : les participants notent leurs rendez-vous" in html
