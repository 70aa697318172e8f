"""E-mails of B2B meeting requests: the recipient hears of a request, the requester of the reply."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from agora.events.models import MeetingRequest


def get_request(request_id: int) -> MeetingRequest:
    return MeetingRequest.objects.select_related(
        "event", "requester__person", "requester__organisation", "recipient__person", "opportunity"
    ).get(pk=request_id)


def send(template: str, subject: str, recipient: str, meeting_request: MeetingRequest) -> None:
    """Render `events/b2b/email/<template>.txt` and send it to one address."""
    link = settings.SITE_URL + reverse(
        "events:b2b-request-detail", args=[meeting_request.event.slug, meeting_request.pk]
    )
    context = {
        "meeting_request": meeting_request,
        "link": link,
        "cluster_name": settings.AGORA_CLUSTER_NAME,
    }
    body = render_to_string(f"events/b2b/email/{template}.txt", context)
    send_mail(subject, body, None, [recipient])


def request_received(request_id: int) -> None:
    meeting_request = get_request(request_id)
    if not meeting_request.recipient.person.email:
        return
    subject = _("%(name)s requests a meeting at %(event)s") % {
        "name": meeting_request.requester.person,
        "event": meeting_request.event,
    }
    send("request_received", subject, meeting_request.recipient.person.email, meeting_request)


def request_decided(request_id: int) -> None:
    meeting_request = get_request(request_id)
    if not meeting_request.requester.person.email:
        return
    subject = _("Your meeting request to %(name)s: %(status)s") % {
        "name": meeting_request.recipient.person,
        "status": meeting_request.get_status_display().lower(),
    }
    send("request_decided", subject, meeting_request.requester.person.email, meeting_request)
