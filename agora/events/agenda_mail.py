"""The e-mail that tells a participant their B2B agenda is published or has changed."""

from django.conf import settings
from django.core.mail import get_connection, send_mass_mail
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext as _

from agora.events.models import Event, Registration


def send_agendas(*, event_id: int, registration_ids: list[int], is_update: bool) -> int:
    """Send one e-mail per confirmed registration listed, over one connection; how many."""
    event = Event.objects.get(pk=event_id)
    template = get_template("events/agenda/email_agenda.txt")
    link = settings.SITE_URL + reverse("events:agenda", args=[event.slug])
    if is_update:
        subject = _("Your B2B agenda for %(event)s has changed") % {"event": event.title}
    else:
        subject = _("Your B2B agenda for %(event)s") % {"event": event.title}
    people = (
        Registration.objects.filter(
            pk__in=registration_ids, event=event, status=Registration.Status.CONFIRMED
        )
        .exclude(person__email="")
        .select_related("person")
        .order_by("pk")
    )
    context = {"event": event, "link": link, "is_update": is_update}
    messages = [
        (
            subject,
            template.render({**context, "person": registration.person}),
            None,
            [registration.person.email],
        )
        for registration in people
    ]
    return send_mass_mail(messages, connection=get_connection())
