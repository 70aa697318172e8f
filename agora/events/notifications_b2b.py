"""E-mails of B2B meeting requests: the recipient hears of a request, the requester of the reply.

Each is written in the language of the person it goes to.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agora.events.models import MeetingRequest
from agora.events.recipients import language_of


def get_request(request_id: int) -> MeetingRequest:
    return MeetingRequest.objects.select_related(
        "event",
        "requester__person__user",
        "requester__organisation",
        "recipient__person__user",
        "opportunity",
    ).get(pk=request_id)


def render(template: str, meeting_request: MeetingRequest) -> str:
    """Render `events/b2b/email/<template>.txt` in the active language."""
    link = settings.SITE_URL + reverse(
        "events:b2b-request-detail", args=[meeting_request.event.slug, meeting_request.pk]
    )
    context = {
        "meeting_request": meeting_request,
        "link": link,
        "cluster_name": settings.AGORA_CLUSTER_NAME,
    }
    return render_to_string(f"events/b2b/email/{template}.txt", context)


def request_received(request_id: int) -> None:
    meeting_request = get_request(request_id)
    recipient = meeting_request.recipient.person
    if not recipient.email:
        return
    with translation.override(language_of(recipient)):
        subject = _("%(name)s requests a meeting at %(event)s") % {
            "name": meeting_request.requester.person,
            "event": meeting_request.event,
        }
        body = render("request_received", meeting_request)
    send_mail(subject, body, None, [recipient.email])


def request_decided(request_id: int) -> None:
    meeting_request = get_request(request_id)
    requester = meeting_request.requester.person
    if not requester.email:
        return
    with translation.override(language_of(requester)):
        subject = _("Your meeting request to %(name)s: %(status)s") % {
            "name": meeting_request.recipient.person,
            "status": meeting_request.get_status_display().lower(),
        }
        body = render("request_decided", meeting_request)
    send_mail(subject, body, None, [requester.email])
