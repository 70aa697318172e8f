"""Writes of a participant about their own agenda: feedback on a meeting after it started."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError
from agora.events.models import Meeting, MeetingFeedback, Registration


def record_feedback(
    *,
    actor: object,
    registration: Registration,
    meeting: Meeting,
    rating: int,
    outcome: str,
    comment: str,
    now: datetime,
) -> MeetingFeedback:
    """Rate one of my meetings and record its outcome, once, after its slot has started."""
    if meeting.slot is None or meeting.slot.starts_at > now:
        raise ConflictError(_("You can give your feedback once the meeting has started."))
    if not meeting.participants.filter(pk=registration.pk).exists():
        raise ConflictError(_("This is not one of your meetings."))
    try:
        with transaction.atomic():
            feedback = MeetingFeedback.objects.create(
                meeting=meeting,
                registration=registration,
                rating=rating,
                outcome=outcome,
                comment=comment,
                created_at=now,
            )
            log_action("events.meeting.rated", target=meeting, actor=actor)
    except IntegrityError:
        raise ConflictError(_("You already gave your feedback on this meeting.")) from None
    return feedback
