"""The e-mail that tells a participant their B2B agenda is published or has changed."""

from django.conf import settings
from django.core.mail import get_connection, send_mass_mail
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agora.events.models import Event, Registration
from agora.events.recipients import language_of


def subject_of(event: Event, *, is_update: bool) -> str:
    """The subject line, in the active language."""
    if is_update:
        return _("Your B2B agenda for %(event)s has changed") % {"event": event.title}
    return _("Your B2B agenda for %(event)s") % {"event": event.title}


def send_agendas(*, event_id: int, registration_ids: list[int], is_update: bool) -> int:
    """Send one e-mail per confirmed registration listed, over one connection; how many.

    Each is written in its recipient's language, dates included.
    """
    event = Event.objects.get(pk=event_id)
    template = get_template("events/agenda/email_agenda.txt")
    link = settings.SITE_URL + reverse("events:agenda", args=[event.slug])
    people = (
        Registration.objects.filter(
            pk__in=registration_ids, event=event, status=Registration.Status.CONFIRMED
        )
        .exclude(person__email="")
        .select_related("person__user")
        .order_by("pk")
    )
    context = {"event": event, "link": link, "is_update": is_update}
    messages = []
    for registration in people:
        with translation.override(language_of(registration.person)):
            subject = subject_of(event, is_update=is_update)
            body = template.render({**context, "person": registration.person})
        messages.append((subject, body, None, [registration.person.email]))
    return send_mass_mail(messages, connection=get_connection())
