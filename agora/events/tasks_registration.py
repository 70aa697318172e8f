"""Background work of event registration: e-mails, queued after the transaction commits."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agora.events.models import Registration
from agora.events.recipients import address_of, language_of
from agora.events.services import badges


@shared_task(name="agora.events.registration.seat_offered")
def seat_offered(registration_id: int) -> None:
    """Tell the first in line of the waiting list that a seat is now theirs."""
    registration = Registration.objects.select_related("event", "person__user").get(
        pk=registration_id
    )
    email = address_of(registration.person)
    if not email:
        return
    event = registration.event
    link = settings.SITE_URL + reverse("events:event-detail", args=[event.slug])
    with translation.override(language_of(registration.person)):
        subject = _("A seat is yours at %(event)s") % {"event": event.title}
        body = render_to_string(
            "events/registration/email/seat_offered.txt",
            {
                "registration": registration,
                "event": event,
                "link": link,
                "cluster_name": settings.AGORA_CLUSTER_NAME,
            },
        )
    send_mail(subject, body, None, [email])


@shared_task(name="agora.events.registration.build_badges")
def build_badges(sheet_id: int) -> None:
    """Print the event's badges to its private PDF."""
    badges.build_badges(sheet_id=sheet_id)
