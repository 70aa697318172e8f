"""Documents of the registrations: name badges and check-in list (PDF), and a CSV export."""

import base64
import csv
import io
from collections.abc import Iterable
from datetime import datetime

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from weasyprint import HTML

from agora.events.models import Event, Registration, RegistrationQuestion

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def render_pdf(template: str, context: dict[str, object]) -> bytes:
    """Render a template of HTML and print CSS to PDF."""
    html = render_to_string(template, {**context, "cluster_name": settings.AGORA_CLUSTER_NAME})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def check_in_url(event: Event, registration: Registration) -> str:
    """The check-in page searched for this participant: what the badge's QR code opens."""
    person = registration.person
    query = urlencode({"q": f"{person.first_name} {person.last_name}"})
    return f"{settings.SITE_URL}{reverse('events:check-in-list', args=[event.slug])}?{query}"


def check_in_qr(event: Event, registration: Registration) -> str:
    """A QR code of the participant's check-in link, to scan at the door, as a PNG data URL.

    One pixel per module, scaled up in print; a fixed mask skips the costly search for the best
    one (any mask is valid), which keeps a thousand badges within seconds.
    """
    code = qrcode.QRCode(border=1, box_size=1, mask_pattern=0)
    code.add_data(check_in_url(event, registration))
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def badges_pdf(event: Event, registrations: Iterable[Registration]) -> bytes:
    """One A6 badge per participant (name, organisation, event, QR code), four to an A4 page."""
    badges = [(registration, check_in_qr(event, registration)) for registration in registrations]
    return render_pdf("events/registration/pdf/badges.html", {"event": event, "badges": badges})


def check_in_pdf(event: Event, registrations: Iterable[Registration]) -> bytes:
    """The list to tick at the entrance, by name, with organisation and a box."""
    return render_pdf(
        "events/registration/pdf/check_in.html",
        {"event": event, "registrations": list(registrations), "printed_at": timezone.now()},
    )


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def registrations_csv(
    registrations: Iterable[Registration], questions: list[RegistrationQuestion]
) -> str:
    """The registrations as CSV, one column per registration question."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Last name"),
            _("First name"),
            _("E-mail"),
            _("Organisation"),
            _("Status"),
            _("Member rate"),
            _("Price"),
            _("Registered"),
            _("Waiting since"),
            _("Checked in"),
            _("Listed"),
            *[question.label for question in questions],
        ]
    )
    for registration in registrations:
        person = registration.person
        writer.writerow(
            safe_cell(value)
            for value in [
                person.last_name,
                person.first_name,
                person.email,
                registration.organisation_label,
                registration.get_status_display(),
                _("yes") if registration.is_member else _("no"),
                registration.price,
                timezone.localtime(registration.created_at).isoformat(timespec="minutes"),
                iso_or_blank(registration.waitlisted_at),
                iso_or_blank(registration.checked_in_at),
                _("yes") if registration.is_listed else _("no"),
                *[registration.answers.get(str(question.pk), "") for question in questions],
            ]
        )
    return buffer.getvalue()


def iso_or_blank(moment: datetime | None) -> str:
    """A moment in local time to the minute, or blank."""
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else ""
