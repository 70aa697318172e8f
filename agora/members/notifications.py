"""E-mails of the members domain, rendered in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agora.members.models import ContactMessage, Invitation, MembershipApplication


def send(template: str, subject: str, recipients: list[str], context: dict[str, object]) -> None:
    """Render a plain-text e-mail from `members/email/<template>.txt` and send it."""
    body = render_to_string(
        f"members/email/{template}.txt",
        {**context, "site_url": settings.SITE_URL, "cluster_name": settings.AGORA_CLUSTER_NAME},
    )
    send_mail(subject, body, None, recipients)


def staff() -> list[str]:
    return list(settings.AGORA_STAFF_EMAILS)


def application_received(application_id: int) -> None:
    application = MembershipApplication.objects.get(pk=application_id)
    subject = _("New membership application: %(name)s") % {"name": application.legal_name}
    send("application_received", subject, staff(), {"application": application})


def application_decided(application_id: int) -> None:
    application = MembershipApplication.objects.get(pk=application_id)
    subject = _("Your membership application to %(cluster)s") % {
        "cluster": settings.AGORA_CLUSTER_NAME
    }
    send("application_decided", subject, [application.email], {"application": application})


def invitation_sent(invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    link = settings.SITE_URL + reverse("members:invitation-accept", args=[invitation.token])
    subject = _("%(organisation)s invites you to %(cluster)s") % {
        "organisation": invitation.organisation,
        "cluster": settings.AGORA_CLUSTER_NAME,
    }
    send("invitation", subject, [invitation.email], {"invitation": invitation, "link": link})


def contact_received(message_id: int) -> None:
    message = ContactMessage.objects.get(pk=message_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Contact form: %(subject)s") % {"subject": message.subject}
        send("contact", subject, staff(), {"message": message})
