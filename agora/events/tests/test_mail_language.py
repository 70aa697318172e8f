import pytest
from django.core import mail

from agora.events import agenda_mail, notifications_b2b, tasks_registration
from agora.events.models import MeetingRequest, Registration
from agora.events.recipients import language_of
from agora.events.tests.factories import RegistrationFactory
from agora.events.tests.scheduling_data import tiny_event
from agora.members.tests.factories import PersonFactory, UserFactory


def speaker(first_name: str, language: str):
    """A person whose account prefers `language`."""
    user = UserFactory(email=f"{first_name.lower()}@example.org", preferred_language=language)
    return PersonFactory(
        user=user,
        first_name=first_name,
        last_name="Test",
        email=f"{first_name.lower()}@example.org",
    )


@pytest.fixture
def tiny(db):
    return tiny_event(ada=speaker("Ada", "fr"), bob=speaker("Bob", "en"))


def sent_to(address: str):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def test_the_agenda_e_mail_is_written_in_each_recipients_language_dates_included(tiny):
    ids = [tiny.people[name].pk for name in ("Ada", "Bob", "Cleo")]
    assert (
        agenda_mail.send_agendas(event_id=tiny.event.pk, registration_ids=ids, is_update=True) == 3
    )
    french = sent_to("ada@example.org")
    assert french.subject == "Votre agenda B2B pour Tiny Day a changé"
    assert "Bonjour Ada," in french.body
    assert "Quand : 20 novembre 2030 09:00, Palais des Congrès" in french.body
    english = sent_to("bob@example.org")
    assert english.subject == "Your B2B agenda for Tiny Day has changed"
    assert "When: 20 November 2030, 09:00, Palais des Congrès" in english.body
    # Cleo has no account: the site's language.
    assert sent_to("cleo@example.org").subject == "Your B2B agenda for Tiny Day has changed"


def test_a_meeting_request_reaches_its_recipient_in_their_language(tiny):
    request = MeetingRequest.objects.create(
        event=tiny.event,
        requester=tiny.people["Bob"],
        recipient=tiny.people["Ada"],
        message="Shall we meet?",
    )
    notifications_b2b.request_received(request.pk)
    message = sent_to("ada@example.org")
    assert message.subject == "Bob Test vous demande un rendez-vous lors de Tiny Day"
    assert "Acceptez ou refusez la demande ici :" in message.body


def test_the_decision_reaches_the_requester_in_their_language(tiny):
    request = MeetingRequest.objects.create(
        event=tiny.event,
        requester=tiny.people["Ada"],
        recipient=tiny.people["Bob"],
        message="Shall we meet?",
        status=MeetingRequest.Status.DECLINED,
    )
    notifications_b2b.request_decided(request.pk)
    message = sent_to("ada@example.org")
    assert message.subject == "Votre demande de rendez-vous à Bob Test : refusée"


def test_a_seat_offer_is_written_in_the_participants_language(db):
    registration = RegistrationFactory(person=speaker("Zoé", "fr"))
    tasks_registration.seat_offered(registration.pk)
    message = sent_to("zoé@example.org")
    assert message.subject == f"Une place vous est attribuée pour {registration.event.title}"
    lines = "Quand : 20 novembre 2030 09:00\nOù : Palais des Congrès, Liège\nPrix : Gratuit"
    assert lines in message.body


def test_a_language_the_site_does_not_offer_falls_back_to_the_default(db):
    assert language_of(speaker("Hans", "de")) == "en"
    assert language_of(speaker("Ana", "")) == "en"
    assert Registration.objects.count() == 0
