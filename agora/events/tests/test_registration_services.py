from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from agora.core.errors import ConflictError, DomainError
from agora.core.models import AuditEntry
from agora.events.models import Event, Registration
from agora.events.services import registration as services
from agora.events.tests.factories import EventFactory, RegistrationFactory
from agora.members.models import Person
from agora.members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)


def register(event: Event, person: Person, **kwargs: object) -> Registration:
    return services.register_participant(actor=None, event=event, person=person, **kwargs)


def test_member_organisation_pays_the_member_price(cast):
    event = EventFactory()
    registration = register(event, cast.member.person, organisation=cast.organisation)
    assert registration.is_member is True
    assert registration.price == Decimal("50.00")
    assert registration.status == Registration.Status.CONFIRMED


def test_organisation_without_membership_pays_the_non_member_price(cast):
    event = EventFactory()
    stranger = OrganisationFactory()
    registration = register(event, cast.expert.person, organisation=stranger)
    assert registration.is_member is False
    assert registration.price == Decimal("150.00")


def test_lapsed_membership_pays_the_non_member_price(cast):
    lapsed = OrganisationFactory()
    MembershipFactory(
        organisation=lapsed,
        start_date=timezone.localdate() - timedelta(days=800),
        end_date=timezone.localdate() - timedelta(days=400),
    )
    registration = register(EventFactory(), cast.expert.person, organisation=lapsed)
    assert (registration.is_member, registration.price) == (False, Decimal("150.00"))


def test_guest_without_organisation_pays_the_non_member_price_and_names_it(cast):
    registration = register(EventFactory(), cast.expert.person, organisation_name="Freelance")
    assert (registration.is_member, registration.price) == (False, Decimal("150.00"))
    assert registration.organisation_label == "Freelance"


def test_registration_takes_a_seat_and_is_audited(cast):
    event = EventFactory(capacity=2)
    registration = register(event, cast.member.person, organisation=cast.organisation)
    event.refresh_from_db()
    assert event.seats_taken == 1
    entry = AuditEntry.objects.get(action="events.registration.created")
    assert entry.object_id == str(registration.pk)
    assert entry.data == {"status": "confirmed", "price": "50.00"}


def test_full_event_puts_newcomers_on_the_waiting_list_in_order(db):
    event = EventFactory(capacity=1)
    first, second, third = PersonFactory(), PersonFactory(), PersonFactory()
    assert register(event, first).status == Registration.Status.CONFIRMED
    waiting = [register(event, second), register(event, third)]
    assert [r.status for r in waiting] == ["waitlisted", "waitlisted"]
    assert waiting[0].waitlisted_at <= waiting[1].waitlisted_at
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_event_without_capacity_never_waitlists(db):
    event = EventFactory(capacity=None)
    statuses = {register(event, PersonFactory()).status for _ in range(3)}
    assert statuses == {"confirmed"}


def test_registration_after_the_deadline_is_refused(cast):
    event = EventFactory(registration_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ConflictError, match="closed at its deadline"):
        register(event, cast.member.person)
    assert Registration.objects.count() == 0


def test_registration_for_an_unpublished_event_is_refused(cast):
    event = EventFactory(is_published=False)
    with pytest.raises(ConflictError, match="not open for registration"):
        register(event, cast.member.person)
    assert Registration.objects.count() == 0


def test_registering_twice_is_refused(cast):
    event = EventFactory()
    register(event, cast.member.person)
    with pytest.raises(ConflictError, match="already registered"):
        register(event, cast.member.person)
    assert Registration.objects.count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_cancel_frees_a_seat(cast):
    event = EventFactory(capacity=3)
    registration = register(event, cast.member.person)
    services.cancel_registration(actor=cast.member, registration=registration)
    registration.refresh_from_db()
    event.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert registration.cancelled_at is not None
    assert event.seats_taken == 0
    assert AuditEntry.objects.filter(action="events.registration.cancelled").count() == 1


def test_freed_seat_goes_to_the_first_in_line_who_is_told_by_email(
    cast, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1, title="Journée du cluster")
    seated = register(event, cast.member.person)
    first = register(event, PersonFactory(email="premiere@example.org", first_name="Hélène"))
    register(event, PersonFactory(email="second@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(actor=cast.member, registration=seated)
    first.refresh_from_db()
    event.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED
    assert event.seats_taken == 1
    assert list(event.registrations.values_list("status", flat=True).order_by("pk")) == [
        "cancelled",
        "confirmed",
        "waitlisted",
    ]
    [message] = mail.outbox
    assert message.to == ["premiere@example.org"]
    assert message.subject == "A seat is yours at Journée du cluster"
    assert "Dear Hélène" in message.body
    assert "/events/" + event.slug + "/" in message.body


def test_cancelling_a_waitlisted_registration_promotes_nobody(
    cast, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    register(event, cast.member.person)
    waiting = register(event, PersonFactory())
    later = register(event, PersonFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(actor=None, registration=waiting)
    later.refresh_from_db()
    event.refresh_from_db()
    assert later.status == Registration.Status.WAITLISTED
    assert event.seats_taken == 1
    assert mail.outbox == []


def test_cancelling_twice_is_refused(cast):
    registration = register(EventFactory(), cast.member.person)
    services.cancel_registration(actor=None, registration=registration)
    with pytest.raises(ConflictError, match="already cancelled"):
        services.cancel_registration(actor=None, registration=registration)
    assert Event.objects.get(pk=registration.event_id).seats_taken == 0


def test_cancelling_after_the_start_is_refused(cast):
    event = EventFactory(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=5),
        registration_deadline=timezone.now() - timedelta(days=1),
    )
    registration = RegistrationFactory(event=event, person=cast.member.person)
    with pytest.raises(ConflictError, match="has begun"):
        services.cancel_registration(actor=None, registration=registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_representative_registers_colleagues_credited_to_the_organisation(cast):
    event = EventFactory(capacity=2)
    colleague = PersonFactory()
    AffiliationFactory(person=colleague, organisation=cast.organisation)
    people = [cast.member.person, colleague, cast.representative.person]
    registrations = services.register_colleagues(
        actor=cast.representative, event=event, organisation=cast.organisation, people=people
    )
    assert [r.organisation for r in registrations] == [cast.organisation] * 3
    assert [r.registered_by for r in registrations] == [cast.representative] * 3
    assert [r.status for r in registrations] == ["confirmed", "confirmed", "waitlisted"]
    assert {r.price for r in registrations} == {Decimal("50.00")}


def test_representative_cannot_register_people_of_another_organisation(cast):
    event = EventFactory()
    with pytest.raises(DomainError, match="Only current colleagues"):
        services.register_colleagues(
            actor=cast.representative,
            event=event,
            organisation=cast.organisation,
            people=[cast.outsider.person],
        )
    assert Registration.objects.count() == 0


def test_group_with_one_registered_colleague_is_refused_whole(cast):
    event = EventFactory()
    register(event, cast.member.person)
    with pytest.raises(ConflictError, match="already registered"):
        services.register_colleagues(
            actor=cast.representative,
            event=event,
            organisation=cast.organisation,
            people=[cast.representative.person, cast.member.person],
        )
    assert Registration.objects.count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_ended_affiliation_is_no_longer_a_colleague(cast):
    former = PersonFactory()
    AffiliationFactory(
        person=former,
        organisation=cast.organisation,
        end_date=timezone.localdate() - timedelta(days=1),
    )
    with pytest.raises(DomainError, match="Only current colleagues"):
        services.register_colleagues(
            actor=cast.representative,
            event=EventFactory(),
            organisation=cast.organisation,
            people=[former],
        )


def test_register_self_records_a_person_for_a_new_account(db):
    user = UserFactory(email="nouveau@example.org")
    registration = services.register_self(
        user=user, event=EventFactory(), first_name="Zoë", last_name="Lefèvre"
    )
    person = Person.objects.get(user=user)
    assert (person.first_name, person.last_name, person.email) == (
        "Zoë",
        "Lefèvre",
        "nouveau@example.org",
    )
    assert registration.person == person
    assert registration.registered_by == user


def test_register_self_refuses_crediting_a_foreign_organisation(cast):
    with pytest.raises(DomainError, match="organisation you belong to"):
        services.register_self(
            user=cast.member, event=EventFactory(), organisation=cast.other_organisation
        )
    assert Registration.objects.count() == 0


def test_register_self_refused_after_deadline_records_no_person(db):
    user = UserFactory()
    event = EventFactory(registration_deadline=timezone.now() - timedelta(days=1))
    with pytest.raises(ConflictError):
        services.register_self(user=user, event=event, first_name="A", last_name="B")
    assert not Person.objects.filter(user=user).exists()


def test_check_in_and_undo(cast):
    registration = register(EventFactory(), cast.member.person)
    services.set_checked_in(actor=cast.staff, registration=registration, is_present=True)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    services.set_checked_in(actor=cast.staff, registration=registration, is_present=False)
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("pk"))
    assert actions[-2:] == ["events.registration.checked_in", "events.registration.check_in_undone"]


def test_waitlisted_participant_cannot_be_checked_in(cast):
    event = EventFactory(capacity=0)
    registration = register(event, cast.member.person)
    with pytest.raises(ConflictError, match="Only confirmed"):
        services.set_checked_in(actor=cast.staff, registration=registration, is_present=True)


def test_raised_capacity_gives_the_free_seats_to_the_waiting_list_in_order(
    db, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    register(event, PersonFactory())
    waiting = [register(event, PersonFactory(email=f"w{n}@example.org")) for n in range(3)]
    Event.objects.filter(pk=event.pk).update(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.fill_free_seats(actor=None, event=event)
    assert promoted == waiting[:2]
    event.refresh_from_db()
    assert event.seats_taken == 3
    assert sorted(message.to[0] for message in mail.outbox) == ["w0@example.org", "w1@example.org"]
    waiting[2].refresh_from_db()
    assert waiting[2].status == Registration.Status.WAITLISTED


def test_filling_seats_of_an_event_without_limit_is_refused(db):
    with pytest.raises(ConflictError, match="no capacity limit"):
        services.fill_free_seats(actor=None, event=EventFactory(capacity=None))
