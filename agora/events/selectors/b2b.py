"""Reads of the B2B marketplace and meeting requests; `access_*` raise Http404 when not allowed."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from agora.accounts.models import AnyUser
from agora.events.models import (
    B2BProfile,
    Event,
    MeetingRequest,
    Opportunity,
    Registration,
    RequestRule,
    Slot,
    Table,
)
from agora.events.selectors.registration import organisation_contains

LIVE_STATUSES = (MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED)


def access_b2b_registration(user: AnyUser, slug: str) -> Registration:
    """The user's confirmed registration at a B2B event, or 404 (non-participants see nothing)."""
    if not user.is_authenticated:
        raise Http404
    registration = (
        Registration.objects.filter(
            event__slug=slug,
            event__has_b2b=True,
            person__user=user,
            status=Registration.Status.CONFIRMED,
        )
        .select_related("event", "person", "organisation")
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def access_own_opportunity(registration: Registration, pk: int) -> Opportunity:
    """One of the participant's own opportunities, or 404."""
    opportunity = Opportunity.objects.filter(pk=pk, profile__registration=registration).first()
    if opportunity is None:
        raise Http404
    return opportunity


def access_recipient(registration: Registration, pk: int) -> Registration:
    """Another confirmed participant of the same event with a B2B profile, or 404."""
    recipient = (
        Registration.objects.filter(
            pk=pk,
            event=registration.event,
            status=Registration.Status.CONFIRMED,
            b2b_profile__isnull=False,
        )
        .select_related("person", "organisation")
        .first()
    )
    if recipient is None:
        raise Http404
    return recipient


def access_meeting_request(registration: Registration, pk: int) -> MeetingRequest:
    """A request the participant sent or received, or 404: nobody sees another's requests."""
    meeting_request = (
        MeetingRequest.objects.filter(Q(requester=registration) | Q(recipient=registration), pk=pk)
        .select_related(
            "event",
            "requester__person",
            "requester__organisation",
            "recipient__person",
            "recipient__organisation",
            "opportunity",
        )
        .first()
    )
    if meeting_request is None:
        raise Http404
    return meeting_request


def get_profile(registration: Registration) -> B2BProfile | None:
    """The participant's B2B profile, if they have one yet."""
    return B2BProfile.objects.filter(registration=registration).first()


def list_own_opportunities(registration: Registration) -> QuerySet[Opportunity]:
    """The participant's opportunities with their domains (none before they have a profile)."""
    return Opportunity.objects.filter(profile__registration=registration).prefetch_related(
        "domains"
    )


def list_marketplace(
    event: Event,
    *,
    search: str = "",
    kind: str = "",
    direction: str = "",
    domain: str = "",
    organisation_kind: str = "",
) -> QuerySet[Opportunity]:
    """Opportunities of the event's confirmed participants, narrowed as the visitor asks."""
    opportunities = Opportunity.objects.filter(
        profile__registration__event=event,
        profile__registration__status=Registration.Status.CONFIRMED,
    )
    if search:
        opportunities = opportunities.filter(
            Q(title__icontains=search)
            | Q(description__icontains=search)
            | Q(profile__pitch__icontains=search)
            | organisation_contains(search, path="profile__registration__")
        )
    if kind:
        opportunities = opportunities.filter(kind=kind)
    if direction:
        opportunities = opportunities.filter(direction=direction)
    if domain:
        opportunities = opportunities.filter(domains__code=domain)
    if organisation_kind:
        opportunities = opportunities.filter(
            profile__registration__organisation__kind=organisation_kind
        )
    return (
        opportunities.select_related(
            "profile__registration__person", "profile__registration__organisation"
        )
        .prefetch_related("domains")
        .order_by("-created_at", "pk")
        .distinct()
    )


def list_live_recipient_ids(registration: Registration) -> set[int]:
    """Participants to whom this one has a pending or accepted request."""
    return set(
        MeetingRequest.objects.filter(requester=registration, status__in=LIVE_STATUSES).values_list(
            "recipient_id", flat=True
        )
    )


def count_live_requests(registration: Registration) -> int:
    """Requests the participant sent that still count against the cap."""
    return MeetingRequest.objects.filter(requester=registration, status__in=LIVE_STATUSES).count()


def list_requests(**filters: object) -> QuerySet[MeetingRequest]:
    """Meeting requests with both sides and the opportunity, newest first."""
    return MeetingRequest.objects.filter(**filters).select_related(
        "requester__person",
        "requester__organisation",
        "recipient__person",
        "recipient__organisation",
        "opportunity",
    )


def list_sent_requests(registration: Registration) -> QuerySet[MeetingRequest]:
    """Requests the participant sent."""
    return list_requests(requester=registration)


def list_received_requests(registration: Registration) -> QuerySet[MeetingRequest]:
    """Requests the participant received."""
    return list_requests(recipient=registration)


def list_event_requests(event: Event, *, status: str = "") -> QuerySet[MeetingRequest]:
    """An event's requests for its organisers, optionally of one status."""
    filters: dict[str, object] = {"event": event}
    if status:
        filters["status"] = status
    return list_requests(**filters)


def count_requests_by_status(event: Event) -> dict[str, int]:
    """How many of the event's requests are in each status."""
    counts = dict(
        MeetingRequest.objects.filter(event=event)
        .order_by()
        .values("status")
        .annotate(total=Count("pk"))
        .values_list("status", "total")
    )
    return {status: counts.get(status, 0) for status in MeetingRequest.Status.values}


def list_slots(event: Event) -> QuerySet[Slot]:
    """The event's B2B slots in time order."""
    return Slot.objects.filter(event=event)


def list_tables(event: Event) -> QuerySet[Table]:
    """The event's tables with the participants who hold them as home table."""
    owners = B2BProfile.objects.select_related("registration__person", "registration__organisation")
    return Table.objects.filter(event=event).prefetch_related(Prefetch("owners", queryset=owners))


def list_request_rules(event: Event) -> QuerySet[RequestRule]:
    """The event's request restrictions."""
    return RequestRule.objects.filter(event=event).order_by("requester_kind", "recipient_kind")


def list_b2b_profiles(event: Event) -> QuerySet[B2BProfile]:
    """The B2B profiles of the event's confirmed participants, by name."""
    return (
        B2BProfile.objects.filter(
            registration__event=event, registration__status=Registration.Status.CONFIRMED
        )
        .select_related("registration__person", "registration__organisation", "home_table")
        .order_by("registration__person__last_name", "registration__person__first_name")
    )
