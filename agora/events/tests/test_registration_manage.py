import csv
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from agora.core.models import AuditEntry
from agora.events import exports_registration
from agora.events.models import Event, Registration, RegistrationQuestion
from agora.events.tests.factories import EventFactory, RegistrationFactory
from agora.members.models import Person
from agora.members.tests.factories import PersonFactory
from conftest import add_totp

ROLES = ["member", "representative", "outsider", "expert", "staff"]
MANAGE_URLS = [
    "events:registration-list",
    "events:registration-export",
    "events:check-in-list",
    "events:badges-pdf",
    "events:check-in-pdf",
]


@pytest.fixture
def event(db) -> Event:
    return EventFactory(slug="cluster-day", title="Journée Santé & IA", capacity=10)


@pytest.fixture
def helene(cast, event) -> Registration:
    person = PersonFactory(first_name="Hélène", last_name="Lefèvre-Dupré", email="h@example.org")
    return RegistrationFactory(event=event, person=person, organisation=cast.organisation)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("name", MANAGE_URLS)
def test_anonymous_visitor_is_sent_to_log_in(client, event, name):
    url = reverse(name, args=["cluster-day"])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", MANAGE_URLS)
def test_only_staff_open_the_organiser_pages(client, cast, staff_with_totp, event, role, name):
    client.force_login(getattr(cast, role))
    response = client.get(reverse(name, args=["cluster-day"]))
    assert response.status_code == (200 if role == "staff" else 404)


@pytest.mark.parametrize("name", MANAGE_URLS)
def test_organisers_and_the_co_organisers_representatives_open_them(client, cast, event, name):
    event.organisers.add(cast.expert)
    event.co_organiser = cast.other_organisation
    event.save()
    for user in [cast.expert, cast.outsider]:
        add_totp(user)  # organiser pages ask organisers for two-factor login, as staff
        client.force_login(user)
        assert client.get(reverse(name, args=["cluster-day"])).status_code == 200
    client.force_login(cast.member)
    assert client.get(reverse(name, args=["cluster-day"])).status_code == 404


def test_registration_list_filters_by_status_rate_and_words(
    client, staff_with_totp, cast, event, helene, django_assert_max_num_queries
):
    RegistrationFactory(event=event, person=PersonFactory(last_name="Waiting"), status="waitlisted")
    RegistrationFactory(event=event, person=cast.outsider.person, is_member=True)
    client.force_login(staff_with_totp)
    url = reverse("events:registration-list", args=["cluster-day"])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 3
    waiting = client.get(url, {"status": "waitlisted"}).context["page_obj"]
    assert [r.person.last_name for r in waiting] == ["Waiting"]
    members = client.get(url, {"rate": "member"}).context["page_obj"]
    assert [r.person for r in members] == [cast.outsider.person]
    found = client.get(url, {"q": "helix"}).context["page_obj"]
    assert [r.person.first_name for r in found] == ["Hélène"]
    found = client.get(url, {"q": "Hélène Lefèvre"}).context["page_obj"]
    assert [r.person.first_name for r in found] == ["Hélène"]
    assert client.get(url, {"q": "Hélène Other"}).context["page_obj"].paginator.count == 0
    assert client.get(url, {"status": "lost"}).status_code == 400


def test_csv_export_has_the_answers_and_defuses_formulas(client, staff_with_totp, event, helene):
    question = RegistrationQuestion.objects.create(event=event, label="Régime")
    helene.answers = {str(question.pk): "=HYPERLINK()"}
    helene.save()
    client.force_login(staff_with_totp)
    response = client.get(reverse("events:registration-export", args=["cluster-day"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cluster-day-registrations.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Last name", "First name", "E-mail", "Organisation", "Status"]
    assert rows[0][-1] == "Régime"
    assert rows[1][:5] == [
        "Lefèvre-Dupré",
        "Hélène",
        "h@example.org",
        "Helix Therapeutics SA",
        "Confirmed",
    ]
    assert rows[1][-1] == "'=HYPERLINK()"
    assert len(rows) == 2


def test_check_in_list_shows_confirmed_participants_only(
    client, staff_with_totp, event, helene, django_assert_max_num_queries
):
    RegistrationFactory(event=event, person=PersonFactory(last_name="Waiting"), status="waitlisted")
    client.force_login(staff_with_totp)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("events:check-in-list", args=["cluster-day"]))
    assert [r.person.first_name for r in response.context["registrations"]] == ["Hélène"]
    assert "Waiting" not in response.text


def test_check_in_search_answers_htmx_with_the_rows(client, staff_with_totp, event, helene):
    client.force_login(staff_with_totp)
    response = client.get(
        reverse("events:check-in-list", args=["cluster-day"]),
        {"q": "lefèvre"},
        headers={"HX-Request": "true", "HX-Target": "check-in-rows"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith("<tr")
    assert "Hélène Lefèvre-Dupré" in response.text


@pytest.mark.parametrize("search", ["a\x00b", "x" * 101])
def test_check_in_search_refuses_a_nul_or_an_over_long_search(
    client, staff_with_totp, event, helene, search
):
    client.force_login(staff_with_totp)
    response = client.get(reverse("events:check-in-list", args=["cluster-day"]), {"q": search})
    assert response.status_code == 400
    assert response.context["search"] == ""
    assert [r.person.first_name for r in response.context["registrations"]] == ["Hélène"]


def test_check_in_by_htmx_answers_the_row(client, staff_with_totp, event, helene):
    client.force_login(staff_with_totp)
    url = reverse("events:registration-check-in", args=["cluster-day", helene.pk])
    response = client.post(url, {"is_present": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.startswith(f'<tr id="check-in-{helene.pk}">')
    assert "Undo" in response.text
    helene.refresh_from_db()
    assert helene.checked_in_at is not None
    response = client.post(url, {"is_present": "0"})
    assert response.status_code == 302
    helene.refresh_from_db()
    assert helene.checked_in_at is None
    assert AuditEntry.objects.filter(action__startswith="events.registration.check").count() == 2


def test_check_in_with_bad_input_is_a_bad_request(client, staff_with_totp, event, helene):
    client.force_login(staff_with_totp)
    url = reverse("events:registration-check-in", args=["cluster-day", helene.pk])
    assert (
        client.post(url, {"is_present": "maybe"}, headers={"HX-Request": "true"}).status_code == 400
    )
    assert client.post(url, {}).status_code == 400
    helene.refresh_from_db()
    assert helene.checked_in_at is None


def test_check_in_of_a_waitlisted_person_is_a_conflict(client, staff_with_totp, event):
    waiting = RegistrationFactory(event=event, status="waitlisted")
    client.force_login(staff_with_totp)
    url = reverse("events:registration-check-in", args=["cluster-day", waiting.pk])
    response = client.post(url, {"is_present": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert "Only confirmed participants can be checked in." in response.text


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_check_people_in(client, cast, staff_with_totp, event, helene, role):
    client.force_login(getattr(cast, role))
    url = reverse("events:registration-check-in", args=["cluster-day", helene.pk])
    response = client.post(url, {"is_present": "1"})
    helene.refresh_from_db()
    if role == "staff":
        assert response.status_code == 302
        assert helene.checked_in_at is not None
    else:
        assert response.status_code == 404
        assert helene.checked_in_at is None


def test_check_in_of_another_events_registration_is_not_found(client, staff_with_totp, event):
    elsewhere = RegistrationFactory()
    client.force_login(staff_with_totp)
    url = reverse("events:registration-check-in", args=["cluster-day", elsewhere.pk])
    assert client.post(url, {"is_present": "1"}).status_code == 404


def test_badges_pdf_prints_names_with_accents(client, staff_with_totp, event, helene):
    RegistrationFactory(
        event=event,
        person=PersonFactory(first_name="Søren", last_name="Çelik"),
        status="waitlisted",
    )
    RegistrationFactory(event=event, person=PersonFactory(first_name="Zoë", last_name="Ndiaye"))
    client.force_login(staff_with_totp)
    response = client.get(reverse("events:badges-pdf", args=["cluster-day"]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = pdf_text(response.content)
    assert "Hélène" in text
    assert "Lefèvre-Dupré" in text
    assert "Zoë" in text
    assert "Helix Therapeutics SA" in text
    assert "Journée Santé & IA" in text
    assert "Søren" not in text


def test_five_badges_take_two_pages(client, staff_with_totp, event):
    RegistrationFactory.create_batch(5, event=event)
    client.force_login(staff_with_totp)
    response = client.get(reverse("events:badges-pdf", args=["cluster-day"]))
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 2


def test_check_in_pdf_lists_confirmed_participants(client, staff_with_totp, event, helene):
    RegistrationFactory(event=event, person=PersonFactory(last_name="Waiting"), status="waitlisted")
    client.force_login(staff_with_totp)
    response = client.get(reverse("events:check-in-pdf", args=["cluster-day"]))
    assert response["Content-Disposition"] == 'inline; filename="cluster-day-check-in.pdf"'
    text = pdf_text(response.content)
    assert "Lefèvre-Dupré, Hélène" in text
    assert "1 participant" in text
    assert "Waiting" not in text


def guest_data(**overrides: object) -> dict[str, object]:
    return {"first_name": "Émile", "last_name": "Noël", "email": "emile@example.org", **overrides}


def test_anonymous_cannot_register_a_guest(client, event):
    url = reverse("events:registration-add", args=["cluster-day"])
    response = client.post(url, guest_data())
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_register_guests(client, cast, staff_with_totp, event, role):
    client.force_login(getattr(cast, role))
    response = client.post(reverse("events:registration-add", args=["cluster-day"]), guest_data())
    if role == "staff":
        assert response.status_code == 302
        registration = Registration.objects.get()
        assert str(registration.person) == "Émile Noël"
        assert registration.person.user is None
        assert registration.registered_by == cast.staff
    else:
        assert response.status_code == 404
        assert Registration.objects.count() == 0
        assert not Person.objects.filter(email="emile@example.org").exists()


def test_guest_of_a_member_organisation_pays_the_member_price(client, cast, staff_with_totp, event):
    client.force_login(staff_with_totp)
    url = reverse("events:registration-add", args=["cluster-day"])
    client.post(url, guest_data(organisation=cast.other_organisation.pk))
    registration = Registration.objects.get()
    assert (registration.organisation, str(registration.price)) == (
        cast.other_organisation,
        "50.00",
    )


def test_guest_registered_after_the_deadline_and_known_person_reused(client, cast, staff_with_totp):
    late = EventFactory(slug="late", registration_deadline=timezone.now() - timedelta(days=1))
    client.force_login(staff_with_totp)
    url = reverse("events:registration-add", args=["late"])
    response = client.post(url, guest_data(email="MEMBER@example.org", organisation_name="Walk-in"))
    assert response.status_code == 302
    registration = Registration.objects.get(event=late)
    assert registration.person == cast.member.person
    assert registration.organisation_label == "Walk-in"
    assert client.post(url, guest_data(email="member@example.org")).status_code == 409
    assert Registration.objects.filter(event=late).count() == 1


def test_guest_without_a_name_is_a_bad_request(client, staff_with_totp, event):
    client.force_login(staff_with_totp)
    response = client.post(
        reverse("events:registration-add", args=["cluster-day"]), guest_data(last_name="")
    )
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert Registration.objects.count() == 0
    assert not Person.objects.filter(email="emile@example.org").exists()


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_only_organisers_give_free_seats_to_the_waiting_list(
    client, cast, staff_with_totp, event, role
):
    waiting = RegistrationFactory(event=event, status="waitlisted")
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    response = client.post(reverse("events:waiting-list-promote", args=["cluster-day"]))
    waiting.refresh_from_db()
    event.refresh_from_db()
    if role == "staff":
        assert response.status_code == 302
        assert (waiting.status, event.seats_taken) == ("confirmed", 1)
    else:
        assert response.status_code == (302 if role == "anonymous" else 404)
        assert (waiting.status, event.seats_taken) == ("waitlisted", 0)


def test_registration_list_offers_free_seats_to_the_waiting_list(client, staff_with_totp, event):
    RegistrationFactory(event=event, status="waitlisted")
    client.force_login(staff_with_totp)
    response = client.get(reverse("events:registration-list", args=["cluster-day"]))
    assert "1 person waits while seats are free." in response.text
    assert reverse("events:waiting-list-promote", args=["cluster-day"]) in response.text


def test_giving_seats_of_an_event_without_limit_is_a_conflict(client, staff_with_totp):
    EventFactory(slug="open", capacity=None)
    client.force_login(staff_with_totp)
    response = client.post(reverse("events:waiting-list-promote", args=["open"]))
    assert response.status_code == 409
    assert "no capacity limit" in response.text


def test_badge_qr_code_opens_the_check_in_row_of_its_participant(
    client, staff_with_totp, event, helene
):
    RegistrationFactory(event=event, person=PersonFactory(first_name="Hélène", last_name="Autre"))
    url = exports_registration.check_in_url(event, helene)
    path = "/events/cluster-day/manage/check-in/?q=H%C3%A9l%C3%A8ne+Lef%C3%A8vre-Dupr%C3%A9"
    assert url == settings.SITE_URL + path
    client.force_login(staff_with_totp)
    response = client.get(path)
    assert list(response.context["registrations"]) == [helene]
    assert exports_registration.check_in_qr(event, helene).startswith("data:image/png;base64,")


def test_registration_list_queries_do_not_grow_with_rows(client, staff_with_totp, event):
    """Each row's cancel button reads the row's event: it comes with the rows."""
    client.force_login(staff_with_totp)
    url = reverse("events:registration-list", args=["cluster-day"])
    counts = []
    for _ in range(2):
        RegistrationFactory.create_batch(3, event=event)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
