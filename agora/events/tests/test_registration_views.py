from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agora.events.models import Event, Registration, RegistrationQuestion
from agora.events.tests.factories import EventFactory, RegistrationFactory
from agora.members.tests.factories import (
    AffiliationFactory,
    PartnerClusterFactory,
    PersonFactory,
    UserFactory,
)

ROLES = ["member", "representative", "outsider", "expert", "staff"]


@pytest.fixture
def event(db) -> Event:
    return EventFactory(slug="cluster-day", title="Cluster Day", capacity=10)


def log_in(client, cast, role: str) -> None:
    """Log in one of the cast; the staff user has TOTP set up by the test's fixture."""
    client.force_login(getattr(cast, role))


def test_event_list_shows_published_events_by_kind(client, db, django_assert_max_num_queries):
    EventFactory(title="Cluster Day 2030")
    EventFactory(title="Secret draft", is_published=False)
    EventFactory(title="Atelier IA", kind=Event.Kind.WORKSHOP)
    EventFactory(
        title="Cluster Day 2018",
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=399),
        registration_deadline=timezone.now() - timedelta(days=401),
    )
    with django_assert_max_num_queries(6):
        response = client.get(reverse("events:event-list"))
    assert response.status_code == 200
    assert [e.title for e in response.context["upcoming"]] == ["Cluster Day 2030", "Atelier IA"]
    assert [e.title for e in response.context["page_obj"]] == ["Cluster Day 2018"]
    assert "Secret draft" not in response.text
    workshops = client.get(reverse("events:event-list"), {"kind": "workshop"})
    assert [e.title for e in workshops.context["upcoming"]] == ["Atelier IA"]


def test_a_free_rate_reads_free(client, event):
    Event.objects.filter(pk=event.pk).update(price_member=0)
    response = client.get(reverse("events:event-detail", args=["cluster-day"]))
    assert '<dd class="col-5 text-end">Free</dd>' in response.text
    assert '<dd class="col-5 text-end">150\u00a0€</dd>' in response.text


def test_event_list_with_an_unknown_kind_is_a_bad_request(client, db):
    response = client.get(reverse("events:event-list"), {"kind": "party"})
    assert response.status_code == 400


def test_event_page_shows_prices_seats_and_organisers(client, cast, event):
    event.co_organiser = cast.other_organisation
    event.save()
    RegistrationFactory.create_batch(3, event=event)
    Event.objects.filter(pk=event.pk).update(seats_taken=3)
    response = client.get(reverse("events:event-detail", args=["cluster-day"]))
    assert response.status_code == 200
    assert response.context["seats_left"] == 7
    assert "50\u00a0€" in response.text
    assert "150\u00a0€" in response.text
    assert "Other Bio SRL" in response.text
    assert reverse("events:registration-create", args=["cluster-day"]) in response.text


def test_event_page_names_the_partner_cluster_among_the_organisers(client, event):
    event.partner_cluster = PartnerClusterFactory(name="Lyonbiopôle")
    event.save(update_fields=["partner_cluster"])
    response = client.get(reverse("events:event-detail", args=["cluster-day"]))
    assert "BioWin Health Cluster, Lyonbiopôle" in response.text


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_unpublished_event_is_hidden_from_all_but_organisers(client, cast, staff_with_totp, role):
    EventFactory(slug="draft", is_published=False)
    if role != "anonymous":
        log_in(client, cast, role)
    response = client.get(reverse("events:event-detail", args=["draft"]))
    assert response.status_code == (200 if role == "staff" else 404)


def test_event_page_shows_my_registration_and_cancel_button(client, cast, event):
    RegistrationFactory(event=event, person=cast.member.person)
    client.force_login(cast.member)
    response = client.get(reverse("events:event-detail", args=["cluster-day"]))
    assert response.context["registration"].status == "confirmed"
    assert "Your registration" in response.text
    assert reverse("events:participant-list", args=["cluster-day"]) in response.text


def test_event_page_offers_the_representative_to_register_colleagues(client, cast, event):
    client.force_login(cast.representative)
    response = client.get(reverse("events:event-detail", args=["cluster-day"]))
    url = reverse("events:registration-colleagues", args=["cluster-day", "helix"])
    assert url in response.text
    client.force_login(cast.member)
    assert url not in client.get(reverse("events:event-detail", args=["cluster-day"])).text


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("events:registration-create", ["cluster-day"]),
        ("events:registration-colleagues", ["cluster-day", "helix"]),
        ("events:participant-list", ["cluster-day"]),
        ("events:my-registrations", []),
    ],
)
def test_anonymous_visitor_is_sent_to_log_in(client, event, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_member_registers_with_answers_and_consent(client, cast, event):
    question = RegistrationQuestion.objects.create(
        event=event, label="Régime alimentaire", kind="choice", choices="Aucun|Végétarien"
    )
    workshop = RegistrationQuestion.objects.create(
        event=event, label="Atelier ?", kind="yes_no", is_required=True
    )
    client.force_login(cast.member)
    url = reverse("events:registration-create", args=["cluster-day"])
    form = client.get(url)
    assert form.status_code == 200
    assert "Régime alimentaire" in form.text
    response = client.post(
        url,
        {
            "organisation": cast.organisation.pk,
            f"question_{question.pk}": "Végétarien",
            f"question_{workshop.pk}": "yes",
            "is_listed": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("events:event-detail", args=["cluster-day"])
    registration = Registration.objects.get(event=event)
    assert registration.person == cast.member.person
    assert registration.organisation == cast.organisation
    assert registration.answers == {str(question.pk): "Végétarien", str(workshop.pk): "yes"}
    assert registration.is_listed is True
    assert (registration.is_member, str(registration.price)) == (True, "50.00")


def test_missing_required_answer_is_a_bad_request_and_saves_nothing(client, cast, event):
    RegistrationQuestion.objects.create(event=event, label="Atelier ?", is_required=True)
    client.force_login(cast.member)
    response = client.post(
        reverse("events:registration-create", args=["cluster-day"]),
        {"organisation": cast.organisation.pk},
    )
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert Registration.objects.count() == 0


def test_member_cannot_credit_another_organisation(client, cast, event):
    client.force_login(cast.member)
    response = client.post(
        reverse("events:registration-create", args=["cluster-day"]),
        {"organisation": cast.other_organisation.pk},
    )
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_expert_without_organisation_registers_at_the_non_member_price(client, cast, event):
    client.force_login(cast.expert)
    response = client.post(
        reverse("events:registration-create", args=["cluster-day"]),
        {"organisation_name": "Indépendant"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert (registration.organisation, registration.organisation_name) == (None, "Indépendant")
    assert (registration.is_member, str(registration.price)) == (False, "150.00")
    assert registration.is_listed is False


def test_new_account_gives_its_name_when_registering(client, event):
    user = UserFactory(email="nouvelle@example.org")
    client.force_login(user)
    url = reverse("events:registration-create", args=["cluster-day"])
    assert client.post(url, {}).status_code == 400
    response = client.post(url, {"first_name": "Zoë", "last_name": "Lefèvre"})
    assert response.status_code == 302
    assert str(Registration.objects.get(event=event).person) == "Zoë Lefèvre"


def test_registration_after_the_deadline_says_it_is_closed(client, cast):
    EventFactory(slug="late", registration_deadline=timezone.now() - timedelta(hours=1))
    client.force_login(cast.member)
    url = reverse("events:registration-create", args=["late"])
    response = client.get(url)
    assert response.status_code == 409
    assert "Registration for this event closed at its deadline." in response.text
    assert client.post(url, {"organisation": cast.organisation.pk}).status_code == 409
    assert Registration.objects.count() == 0


def test_staff_cannot_register_for_an_unpublished_event(client, cast, staff_with_totp):
    EventFactory(slug="draft", is_published=False)
    client.force_login(cast.staff)
    response = client.get(reverse("events:registration-create", args=["draft"]))
    assert response.status_code == 409
    assert "This event is not open for registration." in response.text


def test_member_on_a_full_event_is_waitlisted(client, cast):
    EventFactory(slug="full", capacity=0)
    client.force_login(cast.member)
    response = client.post(
        reverse("events:registration-create", args=["full"]),
        {"organisation": cast.organisation.pk},
        follow=True,
    )
    assert "you are on the waiting list" in response.text
    assert Registration.objects.get().status == "waitlisted"


def test_registering_again_sends_back_to_the_event(client, cast, event):
    RegistrationFactory(event=event, person=cast.member.person)
    client.force_login(cast.member)
    response = client.post(
        reverse("events:registration-create", args=["cluster-day"]),
        {"organisation": cast.organisation.pk},
    )
    assert response.status_code == 302
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 404), ("representative", 200), ("outsider", 404), ("expert", 404), ("staff", 200)],
)
def test_only_representatives_and_staff_register_colleagues(
    client, cast, staff_with_totp, event, role, status
):
    log_in(client, cast, role)
    url = reverse("events:registration-colleagues", args=["cluster-day", "helix"])
    assert client.get(url).status_code == status
    response = client.post(url, {"people": [cast.member.person.pk]})
    assert response.status_code == (302 if status == 200 else 404)
    assert Registration.objects.count() == (1 if status == 200 else 0)


def test_representative_registers_colleagues_credited_to_the_organisation(client, cast, event):
    colleague = PersonFactory(first_name="Léa", last_name="Aubert")
    AffiliationFactory(person=colleague, organisation=cast.organisation)
    client.force_login(cast.representative)
    url = reverse("events:registration-colleagues", args=["cluster-day", "helix"])
    form = client.get(url)
    assert {p.pk for p in form.context["form"].fields["people"].queryset} == {
        cast.member.person.pk,
        cast.representative.person.pk,
        colleague.pk,
    }
    response = client.post(url, {"people": [cast.member.person.pk, colleague.pk]})
    assert response.status_code == 302
    registrations = Registration.objects.filter(event=event).order_by("pk")
    assert {r.person for r in registrations} == {cast.member.person, colleague}
    assert {r.organisation for r in registrations} == {cast.organisation}
    assert {r.registered_by for r in registrations} == {cast.representative}
    page = client.get(url)
    assert [r.person for r in page.context["registrations"]] == [colleague, cast.member.person]
    assert cast.member.person not in page.context["form"].fields["people"].queryset


def test_representative_cannot_pick_someone_of_another_organisation(client, cast, event):
    client.force_login(cast.representative)
    response = client.post(
        reverse("events:registration-colleagues", args=["cluster-day", "helix"]),
        {"people": [cast.outsider.person.pk]},
    )
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_choosing_no_colleague_is_a_bad_request(client, cast, event):
    client.force_login(cast.representative)
    response = client.post(
        reverse("events:registration-colleagues", args=["cluster-day", "helix"]), {}
    )
    assert response.status_code == 400
    assert "Choose at least one colleague." in response.text


@pytest.mark.parametrize(
    ("role", "may_cancel"),
    [
        ("member", True),
        ("representative", True),
        ("outsider", False),
        ("expert", False),
        ("staff", True),
    ],
)
def test_who_may_cancel_a_registration(client, cast, staff_with_totp, event, role, may_cancel):
    registration = RegistrationFactory(
        event=event, person=cast.member.person, organisation=cast.organisation
    )
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    log_in(client, cast, role)
    response = client.post(
        reverse("events:registration-cancel", args=["cluster-day", registration.pk])
    )
    registration.refresh_from_db()
    event.refresh_from_db()
    if may_cancel:
        assert response.status_code == 302
        assert response["Location"] == reverse("events:my-registrations")
        assert (registration.status, event.seats_taken) == ("cancelled", 0)
    else:
        assert response.status_code == 404
        assert (registration.status, event.seats_taken) == ("confirmed", 1)


def test_anonymous_cannot_cancel(client, cast, event):
    registration = RegistrationFactory(event=event, person=cast.member.person)
    response = client.post(
        reverse("events:registration-cancel", args=["cluster-day", registration.pk])
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_cancel_goes_back_to_the_page_it_came_from_but_not_elsewhere(client, cast, event):
    first = RegistrationFactory(event=event, person=cast.member.person)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    client.force_login(cast.member)
    back = reverse("events:event-detail", args=["cluster-day"])
    url = reverse("events:registration-cancel", args=["cluster-day", first.pk])
    assert client.post(url, {"next": back})["Location"] == back
    second = RegistrationFactory(event=event, person=cast.member.person)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    url = reverse("events:registration-cancel", args=["cluster-day", second.pk])
    response = client.post(url, {"next": "https://evil.example.com/"})
    assert response["Location"] == reverse("events:my-registrations")


def test_cancel_with_a_bare_word_as_next_goes_to_my_registrations(client, cast, event):
    registration = RegistrationFactory(event=event, person=cast.member.person)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    client.force_login(cast.member)
    url = reverse("events:registration-cancel", args=["cluster-day", registration.pk])
    response = client.post(url, {"next": "abc"})
    assert response.status_code == 302
    assert response["Location"] == reverse("events:my-registrations")
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_cancel_after_the_start_is_a_conflict(client, cast):
    started = EventFactory(
        slug="started",
        starts_at=timezone.now() - timedelta(hours=1),
        registration_deadline=timezone.now() - timedelta(days=1),
    )
    registration = RegistrationFactory(event=started, person=cast.member.person)
    client.force_login(cast.member)
    response = client.post(reverse("events:registration-cancel", args=["started", registration.pk]))
    assert response.status_code == 409
    assert "can no longer be cancelled" in response.text
    registration.refresh_from_db()
    assert registration.status == "confirmed"


CANCEL_BUTTON = "Cancel the registration"


def test_pages_offer_no_cancellation_once_the_event_has_begun(client, cast, staff_with_totp):
    """The event page, "My registrations" and the organisers' list show the cancel button
    before the start only, and the event page drops "Seats left" then."""
    started = EventFactory(
        slug="started",
        capacity=10,
        starts_at=timezone.now() - timedelta(hours=1),
        registration_deadline=timezone.now() - timedelta(days=1),
    )
    upcoming = EventFactory(slug="upcoming", capacity=10)
    for each in (started, upcoming):
        RegistrationFactory(event=each, person=cast.member.person)
    client.force_login(cast.member)
    for slug, shown in (("started", False), ("upcoming", True)):
        page = client.get(reverse("events:event-detail", args=[slug])).text
        assert (CANCEL_BUTTON in page, "Seats left" in page) == (shown, shown)
    assert client.get(reverse("events:my-registrations")).text.count(CANCEL_BUTTON) == 1
    client.force_login(staff_with_totp)
    for slug, count in (("started", 0), ("upcoming", 1)):
        page = client.get(reverse("events:registration-list", args=[slug])).text
        assert page.count(CANCEL_BUTTON) == count


def test_cancel_is_post_only(client, cast, event):
    registration = RegistrationFactory(event=event, person=cast.member.person)
    client.force_login(cast.member)
    url = reverse("events:registration-cancel", args=["cluster-day", registration.pk])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 200), ("representative", 404), ("outsider", 404), ("expert", 404), ("staff", 200)],
)
def test_participant_list_is_for_confirmed_participants(
    client, cast, staff_with_totp, event, role, status
):
    RegistrationFactory(event=event, person=cast.member.person, is_listed=True)
    RegistrationFactory(event=event, person=cast.outsider.person, status="waitlisted")
    log_in(client, cast, role)
    assert (
        client.get(reverse("events:participant-list", args=["cluster-day"])).status_code == status
    )


def test_participant_list_shows_only_people_who_consented(
    client, cast, event, django_assert_max_num_queries
):
    RegistrationFactory(event=event, person=cast.member.person, is_listed=True)
    RegistrationFactory(event=event, person=PersonFactory(last_name="Dupré"), is_listed=True)
    RegistrationFactory(event=event, person=PersonFactory(last_name="Caché"), is_listed=False)
    RegistrationFactory(
        event=event, person=PersonFactory(last_name="Attente"), is_listed=True, status="waitlisted"
    )
    client.force_login(cast.member)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("events:participant-list", args=["cluster-day"]))
    names = [r.person.last_name for r in response.context["participants"]]
    assert sorted(names) == sorted(["Dupré", cast.member.person.last_name])
    assert "Caché" not in response.text
    assert "Attente" not in response.text


def test_my_registrations_lists_mine_only(client, cast, event, django_assert_max_num_queries):
    RegistrationFactory(event=event, person=cast.member.person)
    workshop = EventFactory(title="Atelier", starts_at=event.starts_at - timedelta(days=30))
    RegistrationFactory(event=workshop, person=cast.member.person, status="cancelled")
    RegistrationFactory(event=event, person=cast.outsider.person)
    client.force_login(cast.member)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("events:my-registrations"))
    assert [(r.event.title, r.status) for r in response.context["registrations"]] == [
        ("Cluster Day", "confirmed"),
        ("Atelier", "cancelled"),
    ]


def test_cancelling_through_the_page_gives_the_seat_to_the_first_in_line(
    client, cast, django_capture_on_commit_callbacks
):
    full = EventFactory(slug="full", capacity=1, title="Atelier")
    client.force_login(cast.member)
    client.post(
        reverse("events:registration-create", args=["full"]), {"organisation": cast.organisation.pk}
    )
    client.force_login(cast.outsider)
    client.post(
        reverse("events:registration-create", args=["full"]),
        {"organisation": cast.other_organisation.pk},
    )
    mine = Registration.objects.get(event=full, person=cast.member.person)
    client.force_login(cast.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:registration-cancel", args=["full", mine.pk]))
    assert response.status_code == 302
    statuses = dict(Registration.objects.filter(event=full).values_list("person__email", "status"))
    assert statuses == {"member@example.org": "cancelled", "outsider@example.org": "confirmed"}
    [message] = mail.outbox
    assert message.to == ["outsider@example.org"]
    assert message.subject == "A seat is yours at Atelier"
