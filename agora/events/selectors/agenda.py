"""Reads of a participant's personal agenda: their published meetings and the programme."""

from dataclasses import dataclass
from typing import cast

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from agora.accounts.models import AnyUser
from agora.events.models import (
    Event,
    Meeting,
    MeetingFeedback,
    ProgrammeSession,
    Registration,
    Slot,
)
from agora.members.selectors import get_person


@dataclass(frozen=True)
class AgendaMeeting:
    """One of my meetings: where, when, with whom, and whether I gave my feedback."""

    meeting: Meeting
    slot: Slot
    others: list[Registration]
    has_feedback: bool

    @property
    def with_whom(self) -> str:
        return ", ".join(
            f"{other.person} ({other.organisation_label})"
            if other.organisation_label
            else str(other.person)
            for other in self.others
        )


def access_registration(user: AnyUser, slug: str) -> Registration:
    """The user's own confirmed registration at the event; 404 when they have none."""
    person = get_person(user) if user.is_authenticated else None
    if person is None:
        raise Http404
    try:
        return Registration.objects.select_related("event", "person").get(
            event__slug=slug, person=person, status=Registration.Status.CONFIRMED
        )
    except Registration.DoesNotExist:
        raise Http404 from None


def access_registration_by_token(token: str) -> Registration:
    """The confirmed registration whose calendar feed this token opens; 404 otherwise."""
    try:
        return Registration.objects.select_related("event", "person").get(
            calendar_token=token, status=Registration.Status.CONFIRMED
        )
    except Registration.DoesNotExist:
        raise Http404 from None


def _published_meetings(registration: Registration) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        participants=registration,
        event=registration.event,
        event__schedule_state=Event.ScheduleState.PUBLISHED,
        is_cancelled=False,
        slot__isnull=False,
    )


def list_agenda(registration: Registration) -> list[AgendaMeeting]:
    """My published meetings in slot order (three queries)."""
    meetings = (
        _published_meetings(registration)
        .select_related("slot", "table", "request__opportunity")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Registration.objects.select_related("person", "organisation"),
            )
        )
        .order_by("slot__starts_at", "pk")
    )
    rated = set(
        MeetingFeedback.objects.filter(registration=registration).values_list(
            "meeting_id", flat=True
        )
    )
    return [
        AgendaMeeting(
            meeting=meeting,
            # The query keeps only meetings with a slot.
            slot=cast(Slot, meeting.slot),
            others=[p for p in meeting.participants.all() if p.pk != registration.pk],
            has_feedback=meeting.pk in rated,
        )
        for meeting in meetings
    ]


def list_programme(event: Event) -> QuerySet[ProgrammeSession]:
    """The event's programme, in time order."""
    return event.programme.order_by("starts_at", "pk")


def access_meeting_for_feedback(registration: Registration, pk: int) -> AgendaMeeting:
    """One of my published meetings; 404 for any other."""
    for item in list_agenda(registration):
        if item.meeting.pk == pk:
            return item
    raise Http404
