"""Reads of events and registrations; `access_*` functions check permission and 404 otherwise."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from agora.accounts.models import AnyUser
from agora.events.models import Event, Registration, RegistrationQuestion
from agora.events.selectors.organisers import is_organiser, require_organiser_mfa
from agora.members.models import Organisation, Person
from agora.members.selectors import (
    get_person,
    is_member_organisation,
    list_colleagues,
    list_represented_organisations,
    list_user_organisations,
)

LIVE = ~Q(status=Registration.Status.CANCELLED)


def list_events(*, kind: str = "", is_past: bool = False) -> QuerySet[Event]:
    """Published events, upcoming (soonest first) or past (latest first), of one kind or all."""
    now = timezone.now()
    events = Event.objects.filter(is_published=True)
    if kind:
        events = events.filter(kind=kind)
    if is_past:
        return events.filter(ends_at__lt=now).order_by("-starts_at", "pk")
    return events.filter(ends_at__gte=now).order_by("starts_at", "pk")


def access_event(user: AnyUser, slug: str) -> Event:
    """A published event, or an unpublished one for its organisers; otherwise 404."""
    event = (
        Event.objects.filter(slug=slug)
        .select_related("co_organiser", "partner_cluster")
        .prefetch_related("programme")
        .first()
    )
    if event is None or not (event.is_published or is_organiser(user, event)):
        raise Http404
    return event


def get_registration_of(user: AnyUser, event: Event) -> Registration | None:
    """The user's own live registration at the event, if any."""
    person = get_person(user)
    if person is None:
        return None
    return Registration.objects.filter(LIVE, event=event, person=person).first()


def list_questions(event: Event) -> list[RegistrationQuestion]:
    """The event's registration questions, in order."""
    return list(event.questions.all())


def seats_left(event: Event) -> int | None:
    """Seats still free, or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - event.seats_taken, 0)


def count_waiting(event: Event) -> int:
    """How many people wait for a seat."""
    return Registration.objects.filter(event=event, status=Registration.Status.WAITLISTED).count()


@dataclass(frozen=True)
class PriceQuote:
    """What one person would pay, and why."""

    is_member: bool
    price: Decimal


def quote_price(event: Event, organisation: Organisation | None) -> PriceQuote:
    """The member price when the credited organisation is in good standing, else the other."""
    if organisation is not None and is_member_organisation(organisation):
        return PriceQuote(True, event.price_member)
    return PriceQuote(False, event.price_non_member)


def list_registrable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations a user's own registration may be credited to: their current ones."""
    return list_user_organisations(user).order_by("legal_name")


def access_organisation_for_group(user: AnyUser, slug: str) -> Organisation:
    """An organisation the user represents (any, for staff), or 404."""
    organisations = (
        Organisation.objects.all() if user.is_staff else list_represented_organisations(user)
    )
    organisation = organisations.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def list_unregistered_colleagues(event: Event, organisation: Organisation) -> QuerySet[Person]:
    """People currently affiliated with the organisation and not yet registered for the event."""
    registered = Registration.objects.filter(LIVE, event=event, person=OuterRef("pk"))
    affiliated = list_colleagues(organisation).values("person_id")
    return (
        Person.objects.filter(pk__in=affiliated)
        .exclude(Exists(registered))
        .order_by("last_name", "first_name", "pk")
    )


def list_group_registrations(event: Event, organisation: Organisation) -> QuerySet[Registration]:
    """Live registrations credited to the organisation at the event."""
    return (
        Registration.objects.filter(LIVE, event=event, organisation=organisation)
        .select_related("event", "person")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def access_registration_for_cancel(user: AnyUser, event: Event, pk: int) -> Registration:
    """A live registration the user may cancel: their own, their organisation's, or as organiser."""
    registration = (
        Registration.objects.filter(LIVE, event=event, pk=pk)
        .select_related("person", "organisation", "event")
        .first()
    )
    if registration is None or not user.is_authenticated:
        raise Http404
    is_own = registration.person.user_id == user.pk
    represents = (
        registration.organisation_id is not None
        and list_represented_organisations(user).filter(pk=registration.organisation_id).exists()
    )
    if is_own or represents:
        return registration
    if not is_organiser(user, event):
        raise Http404
    require_organiser_mfa(user)
    return registration


def list_my_registrations(user: AnyUser) -> QuerySet[Registration]:
    """The user's registrations (all states), latest event first."""
    person = get_person(user)
    if person is None:
        return Registration.objects.none()
    return (
        Registration.objects.filter(person=person)
        .select_related("event", "organisation")
        .order_by("-event__starts_at", "-created_at")
    )


def access_participant_list(user: AnyUser, event: Event) -> QuerySet[Registration]:
    """Confirmed participants who consent to be listed; for confirmed participants and organisers.

    Anybody else gets a 404: the list is private to those who attend.
    """
    mine = get_registration_of(user, event)
    is_participant = mine is not None and mine.status == Registration.Status.CONFIRMED
    if not (is_participant or is_organiser(user, event)):
        raise Http404
    return (
        Registration.objects.filter(
            event=event, status=Registration.Status.CONFIRMED, is_listed=True
        )
        .select_related("person", "organisation")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def organisation_contains(text: str, *, path: str = "") -> Q:
    """The registration at `path` credits an organisation whose name contains the text.

    Its organisation's legal or short name, or the name typed by someone without a member record.
    """
    return (
        Q(**{f"{path}organisation__legal_name__icontains": text})
        | Q(**{f"{path}organisation__short_name__icontains": text})
        | Q(**{f"{path}organisation_name__icontains": text})
    )


def list_registrations(
    event: Event, *, status: str = "", search: str = "", is_member: bool | None = None
) -> QuerySet[Registration]:
    """An event's registrations for organisers, by state, rate and words (every word matches)."""
    registrations = Registration.objects.filter(event=event)
    if status:
        registrations = registrations.filter(status=status)
    for word in search.split():
        registrations = registrations.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(person__email__icontains=word)
            | organisation_contains(word)
        )
    if is_member is not None:
        registrations = registrations.filter(is_member=is_member)
    # The event too: each row's cancel button reads it (its slug, whether it has begun).
    return registrations.select_related(
        "event", "person", "organisation", "registered_by"
    ).order_by("person__last_name", "person__first_name", "pk")


def list_confirmed(event: Event) -> QuerySet[Registration]:
    """Confirmed participants, by name: the check-in list and the badges."""
    return list_registrations(event, status=Registration.Status.CONFIRMED)


def access_registration_for_check_in(user: AnyUser, event: Event, pk: int) -> Registration:
    """A registration of an event the user organises, or 404."""
    if not is_organiser(user, event):
        raise Http404
    registration = (
        Registration.objects.filter(event=event, pk=pk).select_related("person", "organisation")
    ).first()
    if registration is None:
        raise Http404
    return registration
