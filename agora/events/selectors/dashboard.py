"""Reads of the organiser dashboard: an event's figures in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate

from agora.events.models import (
    Event,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Registration,
    Slot,
    Table,
)

TOP_REQUESTED = 10
LIVE = [Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]


@dataclass(frozen=True)
class Use:
    """How many meetings a slot or a table holds, out of how many it could."""

    label: str
    used: int
    capacity: int


@dataclass(frozen=True)
class RequestedParticipant:
    registration: Registration
    requests: int


@dataclass(frozen=True)
class Feedback:
    """What participants said of their meetings after the event: ratings out of 5, outcomes."""

    answers: int
    average_rating: float | None  # None before the first answer
    outcomes: list[tuple[str, int]]  # every outcome, in the order of the choices, with its count


@dataclass(frozen=True)
class Dashboard:
    """Everything the organiser dashboard shows about one event."""

    registrations_by_day: list[tuple[date, int]]
    confirmed: int
    waitlisted: int
    cancelled: int
    members: int
    non_members: int
    requests: dict[str, int]
    scheduled: int
    unscheduled: int
    slot_use: list[Use]
    table_use: list[Use]
    most_requested: list[RequestedParticipant]
    organisations: list[tuple[str, int]]
    feedback: Feedback

    @property
    def requests_sent(self) -> int:
        return sum(self.requests.values())


def count_by(queryset: QuerySet, field: str) -> dict:
    """Rows of `queryset` counted by the value of `field`, in one query."""
    rows = queryset.order_by().values(field).annotate(count=Count("pk")).values_list(field, "count")
    return dict(rows)


def get_dashboard(event: Event) -> Dashboard:
    """The dashboard's figures: ten queries whatever the size of the event."""
    registrations = Registration.objects.filter(event=event)
    statuses = registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        members=Count("pk", filter=Q(status=Registration.Status.CONFIRMED, is_member=True)),
    )
    by_day = (
        registrations.filter(status__in=LIVE)
        .annotate(day=TruncDate("created_at"))
        .order_by("day")
        .values("day")
        .annotate(count=Count("pk"))
        .values_list("day", "count")
    )
    live_meetings = Meeting.objects.filter(event=event, is_cancelled=False)
    per_slot = count_by(live_meetings, "slot_id")
    per_table = count_by(live_meetings.filter(slot__isnull=False), "table_id")
    slots = list(Slot.objects.filter(event=event))
    tables = list(Table.objects.filter(event=event))
    return Dashboard(
        registrations_by_day=list(by_day),
        confirmed=statuses["confirmed"],
        waitlisted=statuses["waitlisted"],
        cancelled=statuses["cancelled"],
        members=statuses["members"],
        non_members=statuses["confirmed"] - statuses["members"],
        requests=count_by(MeetingRequest.objects.filter(event=event), "status"),
        scheduled=sum(count for slot, count in per_slot.items() if slot is not None),
        unscheduled=per_slot.get(None, 0),
        slot_use=[Use(str(slot), per_slot.get(slot.pk, 0), len(tables)) for slot in slots],
        table_use=[Use(table.name, per_table.get(table.pk, 0), len(slots)) for table in tables],
        most_requested=list_most_requested(event),
        organisations=list_represented_organisations(event),
        feedback=get_feedback(event),
    )


def get_feedback(event: Event) -> Feedback:
    """The meeting feedback of the event, in one query."""
    outcomes = MeetingFeedback.Outcome
    figures = MeetingFeedback.objects.filter(meeting__event=event).aggregate(
        answers=Count("pk"),
        average=Avg("rating"),
        **{outcome.value: Count("pk", filter=Q(outcome=outcome.value)) for outcome in outcomes},
    )
    average = figures["average"]
    return Feedback(
        answers=figures["answers"],
        average_rating=None if average is None else round(float(average), 1),
        outcomes=[(str(outcome.label), figures[outcome.value]) for outcome in outcomes],
    )


def list_most_requested(event: Event, limit: int = TOP_REQUESTED) -> list[RequestedParticipant]:
    """The participants who received the most meeting requests (cancelled ones aside)."""
    received = Count(
        "received_requests", filter=~Q(received_requests__status=MeetingRequest.Status.CANCELLED)
    )
    top = (
        Registration.objects.filter(event=event)
        .annotate(received=received)
        .filter(received__gt=0)
        .select_related("person", "organisation")
        .order_by("-received", "person__last_name", "pk")[:limit]
    )
    return [RequestedParticipant(registration, registration.received) for registration in top]


def list_represented_organisations(event: Event) -> list[tuple[str, int]]:
    """Organisations with confirmed participants, and how many, largest first."""
    rows = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .annotate(name=Coalesce("organisation__legal_name", "organisation_name"))
        .exclude(name="")
        .order_by()
        .values("name")
        .annotate(count=Count("pk"))
        .order_by("-count", "name")
        .values_list("name", "count")
    )
    return list(rows)


def count_subquery(queryset: QuerySet) -> Coalesce:
    """A correlated COUNT over `queryset` (filtered on event=OuterRef("pk")), 0 when empty."""
    counted = queryset.order_by().values("event").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def list_events_with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """The events, published or not, with their key counts, newest first."""
    same_event = Q(event=OuterRef("pk"))
    return events.annotate(
        confirmed_count=count_subquery(
            Registration.objects.filter(same_event, status=Registration.Status.CONFIRMED)
        ),
        waitlisted_count=count_subquery(
            Registration.objects.filter(same_event, status=Registration.Status.WAITLISTED)
        ),
        accepted_count=count_subquery(
            MeetingRequest.objects.filter(same_event, status=MeetingRequest.Status.ACCEPTED)
        ),
        scheduled_count=count_subquery(
            Meeting.objects.filter(same_event, is_cancelled=False, slot__isnull=False)
        ),
    ).order_by("-starts_at", "pk")
