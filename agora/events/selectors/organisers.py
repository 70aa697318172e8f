"""Who organises an event: one definition for every organiser page, link and list.

An event's organisers are the staff, the users named in `event.organisers`, and the current
representatives of its co-organising member organisation (`event.co_organiser`). Everyone else
gets a 404 on organiser pages, so that an unpublished event is not even revealed.

Organiser pages show personal data (the registration list and its CSV, the check-in list, the
badges), so under AGORA_STAFF_MFA_REQUIRED an organiser without two-factor login is refused them
as staff are: `OrganiserMfaRequiredError`, which views/organiser_access.py turns into the TOTP
set-up.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from agora.accounts.models import AnyUser
from agora.events.models import Event
from agora.members.selectors import list_represented_organisations


class OrganiserMfaRequiredError(Exception):
    """An organiser without two-factor login asked for an organiser page while it is required."""


def require_organiser_mfa(user: AnyUser) -> None:
    """Refuse an organiser without TOTP when AGORA_STAFF_MFA_REQUIRED is on.

    Staff are left to the core middleware, which already sent them to the set-up; checking them
    again here would only cost a query.
    """
    if (
        settings.AGORA_STAFF_MFA_REQUIRED
        and user.is_authenticated
        and not user.is_staff
        and not user.has_totp
    ):
        raise OrganiserMfaRequiredError


def list_organised_events(user: AnyUser) -> QuerySet[Event]:
    """The events the user organises: all of them for staff, none for anonymous visitors."""
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_staff:
        return Event.objects.all()
    # Exists rather than a join on the organisers, so that no event comes back twice.
    named = Event.organisers.through.objects.filter(event_id=OuterRef("pk"), user_id=user.pk)
    represented = list_represented_organisations(user)
    return Event.objects.filter(Exists(named) | Q(co_organiser__in=represented))


def list_upcoming_organised_events(user: AnyUser, *, now: datetime) -> QuerySet[Event]:
    """The events the user organises that have not ended yet, soonest first."""
    return list_organised_events(user).filter(ends_at__gte=now).order_by("starts_at", "pk")


def organises_any_event(user: AnyUser) -> bool:
    """Whether to show the user a way to the events they organise: no query for staff."""
    if not user.is_authenticated:
        return False
    return user.is_staff or list_organised_events(user).exists()


def is_organiser(user: AnyUser, event: Event) -> bool:
    """Whether the user organises the event: staff, named, or the co-organiser's representative."""
    if not user.is_authenticated:
        return False
    return user.is_staff or list_organised_events(user).filter(pk=event.pk).exists()


def access_event_for_organiser(user: AnyUser, slug: str, *, b2b: bool = False) -> Event:
    """An event the user organises (one with B2B meetings when `b2b`); a 404 for anyone else.

    Raises OrganiserMfaRequiredError for an organiser who must first set up two-factor login.
    """
    events = list_organised_events(user).filter(slug=slug)
    if b2b:
        events = events.filter(has_b2b=True)
    event = events.first()
    if event is None:
        raise Http404
    require_organiser_mfa(user)
    return event


def access_organised_events(user: AnyUser) -> QuerySet[Event]:
    """The events the user organises; a 404 for anyone but staff who organises none."""
    events = list_organised_events(user)
    if not user.is_staff and not events.exists():
        raise Http404
    require_organiser_mfa(user)
    return events
