"""A participant's personal agenda: web page, PDF, calendar file and feed, meeting feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from weasyprint import HTML

from agora.core.forms import form_status, submit_form
from agora.events.agenda_calendar import agenda_calendar
from agora.events.forms_scheduling import FeedbackForm
from agora.events.models import Registration
from agora.events.selectors import agenda as selectors
from agora.events.services import agenda as services


@login_required
@require_GET
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    """My published B2B meetings in slot order, and the programme."""
    registration = selectors.access_registration(request.user, slug)
    context = {
        "registration": registration,
        "event": registration.event,
        "items": selectors.list_agenda(registration),
        "programme": selectors.list_programme(registration.event),
        "now": timezone.now(),
    }
    return render(request, "events/agenda/agenda.html", context)


@login_required
@require_GET
def agenda_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """My agenda as a PDF to print."""
    registration = selectors.access_registration(request.user, slug)
    context = {
        "registration": registration,
        "event": registration.event,
        "items": selectors.list_agenda(registration),
        "programme": selectors.list_programme(registration.event),
    }
    html = render_to_string("events/agenda/agenda_pdf.html", context, request=request)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{registration.event.slug}.pdf"'
    return response


def _calendar_response(registration: Registration, *, attachment: bool) -> HttpResponse:
    body = agenda_calendar(registration, selectors.list_agenda(registration))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if attachment:
        response["Content-Disposition"] = (
            f'attachment; filename="agenda-{registration.event.slug}.ics"'
        )
    return response


@login_required
@require_GET
def agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """My published meetings as a calendar file."""
    return _calendar_response(selectors.access_registration(request.user, slug), attachment=True)


@require_GET
def agenda_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private calendar feed: no login, the token is the secret."""
    return _calendar_response(selectors.access_registration_by_token(token), attachment=False)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_feedback(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rate one of my meetings and record its outcome, once it has started."""
    registration = selectors.access_registration(request.user, slug)
    item = selectors.access_meeting_for_feedback(registration, pk)
    form = FeedbackForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        feedback = submit_form(
            form,
            lambda: services.record_feedback(
                actor=request.user,
                registration=registration,
                meeting=item.meeting,
                rating=form.cleaned_data["rating"],
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
                now=timezone.now(),
            ),
        )
        if feedback is not None:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("events:agenda", slug=slug)
    context = {"event": registration.event, "item": item, "form": form}
    return render(request, "events/agenda/feedback.html", context, status=form_status(form))
