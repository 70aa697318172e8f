"""Every write of event registration: seats under a row lock, the waiting list, check-in."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.events import tasks_registration
from agora.events.models import Event, Registration
from agora.events.selectors.registration import quote_price
from agora.events.services.b2b import cancel_meetings_of
from agora.members.models import Organisation, Person
from agora.members.selectors import list_colleagues, list_user_organisations
from agora.members.services import create_person


def lock_event(event: Event) -> Event:
    """The event's row, locked until the transaction ends: registrations of it queue here."""
    return Event.objects.select_for_update().get(pk=event.pk)


def check_open_for_registration(event: Event) -> None:
    """Raise unless the event is published and its registration deadline has not passed."""
    if not event.is_published:
        raise ConflictError(_("This event is not open for registration."))
    if timezone.now() > event.registration_deadline:
        raise ConflictError(_("Registration for this event closed at its deadline."))


def has_free_seat(event: Event) -> bool:
    """A seat is free when the event has room and nobody waits before the newcomer."""
    if not event.has_capacity:
        return False
    waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITLISTED)
    return not waiting.exists()


def create_registration(
    *,
    actor: Any,
    event: Event,
    person: Person,
    organisation: Organisation | None,
    organisation_name: str = "",
    answers: dict[str, str] | None = None,
    is_listed: bool = False,
) -> Registration:
    """Seat or waitlist one person at a locked event; the caller holds the transaction."""
    if (
        Registration.objects.filter(event=event, person=person)
        .exclude(status=Registration.Status.CANCELLED)
        .exists()
    ):
        raise ConflictError(
            _("%(person)s is already registered for this event.") % {"person": person}
        )
    quote = quote_price(event, organisation)
    now = timezone.now()
    is_confirmed = has_free_seat(event)
    try:
        registration = Registration.objects.create(
            event=event,
            person=person,
            organisation=organisation,
            organisation_name="" if organisation else organisation_name,
            registered_by=actor if getattr(actor, "is_authenticated", False) else None,
            status=Registration.Status.CONFIRMED
            if is_confirmed
            else Registration.Status.WAITLISTED,
            waitlisted_at=None if is_confirmed else now,
            is_member=quote.is_member,
            price=quote.price,
            answers=answers or {},
            is_listed=is_listed,
            created_at=now,
        )
    except IntegrityError as error:  # a live registration of the same person, from another tab
        raise ConflictError(
            _("%(person)s is already registered for this event.") % {"person": person}
        ) from error
    if is_confirmed:
        Event.objects.filter(pk=event.pk).update(seats_taken=F("seats_taken") + 1)
        event.seats_taken += 1
    log_action(
        "events.registration.created",
        target=registration,
        actor=actor,
        data={"status": registration.status, "price": str(quote.price)},
    )
    return registration


@transaction.atomic
def register_participant(
    *,
    actor: Any,
    event: Event,
    person: Person,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    answers: dict[str, str] | None = None,
    is_listed: bool = False,
) -> Registration:
    """Register one person: confirmed while seats remain, else on the waiting list.

    Raises ConflictError when registration is closed or the person is already registered.
    """
    event = lock_event(event)
    check_open_for_registration(event)
    return create_registration(
        actor=actor,
        event=event,
        person=person,
        organisation=organisation,
        organisation_name=organisation_name,
        answers=answers,
        is_listed=is_listed,
    )


@transaction.atomic
def register_colleagues(
    *, actor: Any, event: Event, organisation: Organisation, people: Iterable[Person]
) -> list[Registration]:
    """A representative registers several colleagues at once, credited to their organisation.

    All or nothing: one colleague already registered refuses the whole group.
    """
    people = list(people)
    if not people:
        raise DomainError(_("Choose at least one colleague."), field="people")
    colleagues = set(list_colleagues(organisation).values_list("person_id", flat=True))
    if any(person.pk not in colleagues for person in people):
        raise DomainError(
            _("Only current colleagues of %(organisation)s can be registered by it.")
            % {"organisation": organisation},
            field="people",
        )
    event = lock_event(event)
    check_open_for_registration(event)
    return [
        create_registration(actor=actor, event=event, person=person, organisation=organisation)
        for person in people
    ]


def promote_first_waitlisted(event: Event, *, actor: Any) -> Registration | None:
    """Give a free seat of a locked event to the first in line; they are told by e-mail."""
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, status=Registration.Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .first()
    )
    if registration is None:
        return None
    registration.status = Registration.Status.CONFIRMED
    registration.save(update_fields=["status"])
    Event.objects.filter(pk=event.pk).update(seats_taken=F("seats_taken") + 1)
    log_action("events.registration.promoted", target=registration, actor=actor)
    registration_id = registration.pk
    transaction.on_commit(lambda: tasks_registration.seat_offered.delay(registration_id))
    return registration


@transaction.atomic
def fill_free_seats(*, actor: Any, event: Event) -> list[Registration]:
    """Offer every free seat (after the capacity was raised) to the waiting list, in order."""
    event = lock_event(event)
    if event.capacity is None:
        raise ConflictError(_("This event has no capacity limit and so no waiting list."))
    free = max(event.capacity - event.seats_taken, 0)
    promoted = []
    for _seat in range(free):
        registration = promote_first_waitlisted(event, actor=actor)
        if registration is None:
            break
        promoted.append(registration)
    return promoted


@transaction.atomic
def cancel_registration(*, actor: Any, registration: Registration) -> Registration:
    """Cancel a registration; a seat it frees goes to the first on the waiting list.

    The participant's B2B meetings and requests are cancelled with it. Raises ConflictError
    when it is already cancelled or the event has begun.
    """
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        raise ConflictError(_("This registration is already cancelled."))
    if event.has_begun:
        raise ConflictError(_("The event has begun: registrations can no longer be cancelled."))
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    log_action(
        "events.registration.cancelled",
        target=registration,
        actor=actor,
        data={"was_confirmed": was_confirmed},
    )
    cancel_meetings_of(registration=registration, actor=actor)
    if was_confirmed:
        # The guard keeps a count made outside these services (imports, demo data) from going
        # below zero, which the column refuses.
        Event.objects.filter(pk=event.pk, seats_taken__gt=0).update(
            seats_taken=F("seats_taken") - 1
        )
        event.refresh_from_db(fields=["seats_taken"])
        if event.has_capacity:
            promote_first_waitlisted(event, actor=actor)
    return registration


@transaction.atomic
def set_checked_in(*, actor: Any, registration: Registration, is_present: bool) -> Registration:
    """Mark a confirmed participant as arrived at the event's entrance, or undo it."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.CONFIRMED:
        raise ConflictError(_("Only confirmed participants can be checked in."))
    if is_present == (registration.checked_in_at is not None):
        return registration
    registration.checked_in_at = timezone.now() if is_present else None
    registration.save(update_fields=["checked_in_at"])
    action = (
        "events.registration.checked_in" if is_present else "events.registration.check_in_undone"
    )
    log_action(action, target=registration, actor=actor)
    return registration


@transaction.atomic
def register_self(
    *,
    user: Any,
    event: Event,
    first_name: str = "",
    last_name: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
    answers: dict[str, str] | None = None,
    is_listed: bool = False,
) -> Registration:
    """Register the signed-in user, first recording them as a person when the cluster has none.

    The organisation credited must be one the user is currently affiliated with.
    """
    person = Person.objects.filter(user=user).first()
    if person is None:
        if not (first_name and last_name):
            raise DomainError(_("Please give your first and last name."))
        person = create_person(
            actor=user,
            data={
                "first_name": first_name,
                "last_name": last_name,
                "email": user.email,
                "user": user,
            },
        )
    if (
        organisation is not None
        and not list_user_organisations(user).filter(pk=organisation.pk).exists()
    ):
        raise DomainError(
            _("You can only credit an organisation you belong to."), field="organisation"
        )
    return register_participant(
        actor=user,
        event=event,
        person=person,
        organisation=organisation,
        organisation_name=organisation_name,
        answers=answers,
        is_listed=is_listed,
    )


@transaction.atomic
def register_guest(
    *,
    actor: Any,
    event: Event,
    first_name: str,
    last_name: str,
    email: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
) -> Registration:
    """An organiser registers someone who has no account, at the desk or by phone.

    The deadline does not apply (walk-ins are registered on the day); capacity does. The person
    the cluster knows under that e-mail is reused, else a new person is recorded.
    """
    event = lock_event(event)
    if not event.is_published:
        raise ConflictError(_("This event is not open for registration."))
    person = Person.objects.filter(email__iexact=email).order_by("pk").first() if email else None
    if person is None:
        person = create_person(
            actor=actor, data={"first_name": first_name, "last_name": last_name, "email": email}
        )
    return create_registration(
        actor=actor,
        event=event,
        person=person,
        organisation=organisation,
        organisation_name=organisation_name,
    )
