"""Writes of B2B profiles, opportunities and meeting requests."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.events import tasks_b2b
from agora.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingRequest,
    Opportunity,
    Registration,
    RequestRule,
    ScheduleChange,
    Slot,
)
from agora.events.services.schedule_updates import note_schedule_change
from agora.members.models import StrategicDomain

LIVE_STATUSES = (MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED)


@transaction.atomic
def ensure_b2b_profile(*, registration: Registration, actor: Any) -> B2BProfile:
    """The participant's B2B profile, created with the first thing they save to it."""
    profile, created = B2BProfile.objects.get_or_create(registration=registration)
    if created:
        log_action("events.b2b_profile.created", target=profile, actor=actor)
    return profile


@transaction.atomic
def save_b2b_profile(
    *,
    registration: Registration,
    actor: Any,
    pitch: str,
    max_meetings: int | None,
    unavailable_slots: Iterable[Slot],
) -> B2BProfile:
    """Save the pitch, the most meetings wanted and the slots the participant cannot attend.

    A change of availability or maximum counts as a change to a published schedule.
    """
    profile = ensure_b2b_profile(registration=registration, actor=actor)
    slots = list(unavailable_slots)
    if any(slot.event_id != registration.event_id for slot in slots):
        raise DomainError(_("Choose slots of this event."), field="unavailable_slots")
    before = (profile.max_meetings, set(profile.unavailable_slots.values_list("pk", flat=True)))
    profile.pitch = pitch
    profile.max_meetings = max_meetings
    profile.save(update_fields=["pitch", "max_meetings"])
    profile.unavailable_slots.set(slots)
    log_action(
        "events.b2b_profile.updated",
        target=profile,
        actor=actor,
        data={"unavailable_slots": [slot.pk for slot in slots]},
    )
    has_meetings = Meeting.objects.filter(participants=registration, is_cancelled=False).exists()
    if before != (max_meetings, {slot.pk for slot in slots}) and has_meetings:
        note_schedule_change(
            event_id=registration.event_id,
            kind=ScheduleChange.Kind.AVAILABILITY_CHANGED,
            registration=registration,
        )
    return profile


@transaction.atomic
def save_opportunity(
    *,
    registration: Registration,
    actor: Any,
    data: dict[str, Any],
    domains: Iterable[StrategicDomain],
    opportunity: Opportunity | None = None,
) -> Opportunity:
    """Add an opportunity to the participant's profile, or change one of its own."""
    profile = ensure_b2b_profile(registration=registration, actor=actor)
    fields = ["kind", "direction", "title", "description"]
    is_new = opportunity is None
    if opportunity is None:
        opportunity = Opportunity(profile=profile)
    elif opportunity.profile_id != profile.pk:
        raise PermissionDeniedError(_("This opportunity is not yours."))
    for field in fields:
        setattr(opportunity, field, data[field])
    if is_new:
        opportunity.save()
    else:
        opportunity.save(update_fields=fields)
    opportunity.domains.set(list(domains))
    action = "events.opportunity.created" if is_new else "events.opportunity.updated"
    log_action(action, target=opportunity, actor=actor)
    return opportunity


@transaction.atomic
def delete_opportunity(*, opportunity: Opportunity, actor: Any) -> None:
    """Withdraw an opportunity; requests that named it keep their message."""
    log_action(
        "events.opportunity.deleted",
        target=opportunity.profile,
        actor=actor,
        data={"opportunity": opportunity.pk, "title": opportunity.title},
    )
    opportunity.delete()


def organisation_kind(registration: Registration) -> str:
    return registration.organisation.kind if registration.organisation else ""


def are_colleagues(first: Registration, second: Registration) -> bool:
    """Whether two participants come from the same organisation."""
    if first.organisation_id or second.organisation_id:
        return first.organisation_id == second.organisation_id
    name = first.organisation_name.strip().casefold()
    return bool(name) and name == second.organisation_name.strip().casefold()


def check_not_over(event: Event) -> None:
    """Requests are sent, answered and cancelled before the event ends: what was held is then
    on record (agendas, feedback, the annual report)."""
    if event.is_over:
        raise ConflictError(_("The event is over."))


def check_request_allowed(*, requester: Registration, recipient: Registration) -> None:
    """Refuse a request the event's rules forbid (oneself, colleague, kinds, cap, duplicate)."""
    event = requester.event
    if requester.pk == recipient.pk:
        raise DomainError(_("You cannot request a meeting with yourself."))
    if are_colleagues(requester, recipient):
        raise DomainError(_("You cannot request a meeting with a colleague of your organisation."))
    check_not_over(event)
    forbidden = RequestRule.objects.filter(
        event=event,
        requester_kind=organisation_kind(requester),
        recipient_kind=organisation_kind(recipient),
    ).first()
    if forbidden is not None:
        raise PermissionDeniedError(
            _(
                "At this event, organisations of the kind “%(requester)s” may not request "
                "meetings with those of the kind “%(recipient)s”."
            )
            % {
                "requester": forbidden.get_requester_kind_display(),
                "recipient": forbidden.get_recipient_kind_display(),
            }
        )
    pair = MeetingRequest.objects.filter(status__in=LIVE_STATUSES)
    if pair.filter(requester=requester, recipient=recipient).exists():
        raise ConflictError(_("You have already requested a meeting with this participant."))
    accepted = MeetingRequest.Status.ACCEPTED
    if pair.filter(requester=recipient, recipient=requester, status=accepted).exists():
        raise ConflictError(_("You already have a meeting with this participant."))
    sent = MeetingRequest.objects.filter(requester=requester, status__in=LIVE_STATUSES).count()
    if sent >= event.request_cap:
        raise ConflictError(
            _("You have reached the limit of %(cap)d meeting requests for this event.")
            % {"cap": event.request_cap}
        )


@transaction.atomic
def send_meeting_request(
    *,
    requester: Registration,
    recipient: Registration,
    actor: Any,
    message: str,
    opportunity: Opportunity | None = None,
) -> MeetingRequest:
    """Ask another participant for a meeting; they are told by e-mail."""
    # The lock serialises one participant's requests, so two at once cannot pass the cap.
    requester = (
        # of=self: PostgreSQL cannot lock the nullable side of the organisation's outer join.
        Registration.objects.select_for_update(of=("self",))
        .select_related("event", "organisation")
        .get(pk=requester.pk)
    )
    if requester.status != Registration.Status.CONFIRMED:
        raise ConflictError(_("Only confirmed participants may request meetings."))
    check_request_allowed(requester=requester, recipient=recipient)
    if opportunity is not None and opportunity.profile.registration_id != recipient.pk:
        raise DomainError(_("This opportunity is not the participant's."), field="opportunity")
    ensure_b2b_profile(registration=requester, actor=actor)
    meeting_request = MeetingRequest.objects.create(
        event=requester.event,
        requester=requester,
        recipient=recipient,
        opportunity=opportunity,
        message=message,
    )
    log_action("events.meeting_request.sent", target=meeting_request, actor=actor)
    transaction.on_commit(lambda: tasks_b2b.request_received.delay(meeting_request.pk))
    return meeting_request


def lock_pair(meeting_request: MeetingRequest) -> tuple[MeetingRequest, MeetingRequest | None]:
    """The request read again, and the live request the other way, if any, both locked.

    Both directions are locked at once in primary-key order, so that the two sides deciding
    at the same moment wait for each other instead of deadlocking.
    """
    pair = [meeting_request.requester_id, meeting_request.recipient_id]
    requests = list(
        MeetingRequest.objects.select_for_update()
        .filter(event_id=meeting_request.event_id, requester_id__in=pair, recipient_id__in=pair)
        .order_by("pk")
    )
    locked = next(each for each in requests if each.pk == meeting_request.pk)
    reverse = next(
        (
            each
            for each in requests
            if each.requester_id == locked.recipient_id and each.status in LIVE_STATUSES
        ),
        None,
    )
    return locked, reverse


@transaction.atomic
def accept_meeting_request(
    *, meeting_request: MeetingRequest, registration: Registration, actor: Any
) -> Meeting:
    """The recipient accepts: one meeting for the pair, of weight 2 when both sides asked."""
    meeting_request, reverse = lock_pair(meeting_request)
    check_not_over(meeting_request.event)
    if meeting_request.recipient_id != registration.pk:
        raise PermissionDeniedError(_("Only the recipient may accept a request."))
    if meeting_request.status != MeetingRequest.Status.PENDING:
        raise ConflictError(_("This request was already decided."))
    now = timezone.now()
    meeting_request.status = MeetingRequest.Status.ACCEPTED
    meeting_request.decided_at = now
    meeting_request.weight = 2 if reverse else 1
    meeting_request.save(update_fields=["status", "decided_at", "weight"])
    if reverse is not None:
        reverse.status = MeetingRequest.Status.ACCEPTED
        reverse.decided_at = reverse.decided_at or now
        reverse.weight = 2
        reverse.save(update_fields=["status", "decided_at", "weight"])
        log_action("events.meeting_request.accepted", target=reverse, actor=actor)
    log_action("events.meeting_request.accepted", target=meeting_request, actor=actor)
    meeting = find_meeting(meeting_request)
    if meeting is None:
        meeting = Meeting.objects.create(event_id=meeting_request.event_id, request=meeting_request)
        meeting.participants.set([meeting_request.requester_id, meeting_request.recipient_id])
        log_action("events.meeting.created", target=meeting, actor=actor)
        note_schedule_change(
            event_id=meeting.event_id, kind=ScheduleChange.Kind.MEETING_ACCEPTED, meeting=meeting
        )
    transaction.on_commit(lambda: tasks_b2b.request_decided.delay(meeting_request.pk))
    return meeting


@transaction.atomic
def decline_meeting_request(
    *, meeting_request: MeetingRequest, registration: Registration, actor: Any
) -> MeetingRequest:
    """The recipient declines a pending request; the requester is told by e-mail."""
    meeting_request, _reverse = lock_pair(meeting_request)
    check_not_over(meeting_request.event)
    if meeting_request.recipient_id != registration.pk:
        raise PermissionDeniedError(_("Only the recipient may decline a request."))
    if meeting_request.status != MeetingRequest.Status.PENDING:
        raise ConflictError(_("This request was already decided."))
    meeting_request.status = MeetingRequest.Status.DECLINED
    meeting_request.decided_at = timezone.now()
    meeting_request.save(update_fields=["status", "decided_at"])
    log_action("events.meeting_request.declined", target=meeting_request, actor=actor)
    transaction.on_commit(lambda: tasks_b2b.request_decided.delay(meeting_request.pk))
    return meeting_request


def find_meeting(meeting_request: MeetingRequest) -> Meeting | None:
    """The live meeting of the request's pair, whichever of the two requests it came from."""
    pair = [meeting_request.requester_id, meeting_request.recipient_id]
    return (
        Meeting.objects.select_for_update(of=("self",))
        .filter(
            event_id=meeting_request.event_id,
            is_cancelled=False,
            request__requester_id__in=pair,
            request__recipient_id__in=pair,
        )
        .first()
    )


def check_may_cancel(meeting_request: MeetingRequest, registration: Registration) -> None:
    """The requester may withdraw a pending request; either side may cancel an accepted one."""
    status = meeting_request.status
    is_requester = meeting_request.requester_id == registration.pk
    is_party = is_requester or meeting_request.recipient_id == registration.pk
    if not is_party:
        raise PermissionDeniedError(_("This request is not yours."))
    if status == MeetingRequest.Status.PENDING and not is_requester:
        raise PermissionDeniedError(_("Only the requester may withdraw a pending request."))
    if status not in LIVE_STATUSES:
        raise ConflictError(_("This request is no longer pending or accepted."))


@transaction.atomic
def cancel_meeting_request(
    *, meeting_request: MeetingRequest, registration: Registration, actor: Any
) -> MeetingRequest:
    """Withdraw a request; cancelling an accepted one cancels its meeting (both directions)."""
    check_not_over(meeting_request.event)
    meeting_request, reverse = lock_pair(meeting_request)
    check_may_cancel(meeting_request, registration)
    accepted = MeetingRequest.Status.ACCEPTED
    was_accepted = meeting_request.status == accepted
    cancelled = [meeting_request]
    if was_accepted and reverse is not None and reverse.status == accepted:
        cancelled.append(reverse)
    for each in cancelled:
        each.status = MeetingRequest.Status.CANCELLED
        each.save(update_fields=["status"])
        log_action("events.meeting_request.cancelled", target=each, actor=actor)
    meeting = find_meeting(meeting_request) if was_accepted else None
    if meeting is not None:
        cancel_meeting(meeting=meeting, actor=actor)
    return meeting_request


def cancel_meeting(*, meeting: Meeting, actor: Any) -> None:
    """Mark the meeting cancelled: it leaves both agendas at once; a published one is updated."""
    meeting.is_cancelled, meeting.cancelled_at = True, timezone.now()
    meeting.save(update_fields=["is_cancelled", "cancelled_at"])
    log_action("events.meeting.cancelled", target=meeting, actor=actor)
    if meeting.slot_id is not None:
        note_schedule_change(
            event_id=meeting.event_id, kind=ScheduleChange.Kind.MEETING_CANCELLED, meeting=meeting
        )


def cancel_meetings_of(*, registration: Registration, actor: Any) -> int:
    """Cancel the meetings of a participant who leaves the event, and their requests; how many.

    Their partners' agendas lose them at once; a published schedule is updated.
    """
    # Requests before meetings, the order in which accepting a request locks them.
    requests = MeetingRequest.objects.filter(status__in=LIVE_STATUSES).filter(
        Q(requester=registration) | Q(recipient=registration)
    )
    for meeting_request in requests.select_for_update().order_by("pk"):
        meeting_request.status = MeetingRequest.Status.CANCELLED
        meeting_request.save(update_fields=["status"])
        log_action("events.meeting_request.cancelled", target=meeting_request, actor=actor)
    meetings = list(
        Meeting.objects.select_for_update(of=("self",))
        .filter(participants=registration, is_cancelled=False)
        .order_by("pk")
    )
    now = timezone.now()
    for meeting in meetings:
        meeting.is_cancelled, meeting.cancelled_at = True, now
        meeting.save(update_fields=["is_cancelled", "cancelled_at"])
        log_action("events.meeting.cancelled", target=meeting, actor=actor)
    if any(meeting.slot_id is not None for meeting in meetings):
        note_schedule_change(
            event_id=registration.event_id,
            kind=ScheduleChange.Kind.REGISTRATION_CANCELLED,
            registration=registration,
        )
    return len(meetings)
