"""Records the reports read, made with the events domain's factories."""

from agora.events.models import Event, Meeting, MeetingFeedback, MeetingRequest, Slot
from agora.events.tests.factories import MeetingRequestFactory


def rated_meeting(
    event: Event, slot: Slot, *, ratings: tuple[int, ...], is_cancelled: bool = False
) -> Meeting:
    """An accepted request met in the slot, rated by its participants (requester first) as the
    meeting ends."""
    request = MeetingRequestFactory(
        requester__event=event, status=MeetingRequest.Status.ACCEPTED, decided_at=event.starts_at
    )
    meeting = Meeting.objects.create(
        event=event, request=request, slot=slot, is_cancelled=is_cancelled
    )
    for registration, rating in zip((request.requester, request.recipient), ratings, strict=False):
        MeetingFeedback.objects.create(
            meeting=meeting,
            registration=registration,
            rating=rating,
            outcome="follow_up",
            created_at=slot.ends_at,
        )
    return meeting
