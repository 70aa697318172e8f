"""Organiser pages of registration: the list and its CSV, check-in, badges. Others get a 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from agora.core.errors import DomainError
from agora.core.forms import form_status, submit_form
from agora.events import exports_registration
from agora.events.forms_registration import (
    CheckInForm,
    CheckInSearchForm,
    GuestForm,
    RegistrationFilterForm,
)
from agora.events.models import Event
from agora.events.selectors import badges as badge_selectors
from agora.events.selectors import organisers
from agora.events.selectors import registration as selectors
from agora.events.services import badges as badge_services
from agora.events.services import registration as services
from agora.events.views.organiser_access import organiser_page

REGISTRATIONS_PAGE_SIZE = 100


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def registrations_page(
    request: HttpRequest, event: Event, *, guest_form: GuestForm | None = None, status: int = 200
) -> HttpResponse:
    """The registration list, with the form to add a guest (bound when it was refused)."""
    form = RegistrationFilterForm(data=request.GET)
    form.is_valid()
    registrations = selectors.list_registrations(event, **form.filters())
    page = Paginator(registrations, REGISTRATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    guest_form = guest_form or GuestForm()
    context = {
        "event": event,
        "form": form,
        "guest_form": guest_form,
        "page_obj": page,
        "seats_left": selectors.seats_left(event),
        "waiting_count": selectors.count_waiting(event),
    }
    status = max(status, form_status(form), form_status(guest_form))
    return render(
        request, "events/registration/manage/registration_list.html", context, status=status
    )


@organiser_page
@require_GET
def registration_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The event's registrations, filtered by status, rate and words."""
    return registrations_page(request, organisers.access_event_for_organiser(request.user, slug))


@organiser_page
@require_POST
def guest_register(request: HttpRequest, slug: str) -> HttpResponse:
    """Register someone without an account (the deadline does not apply, capacity does)."""
    event = organisers.access_event_for_organiser(request.user, slug)
    form = GuestForm(data=request.POST)
    registration = submit_form(
        form, lambda: services.register_guest(actor=request.user, event=event, **form.cleaned_data)
    )
    if registration is None:
        return registrations_page(request, event, guest_form=form)
    messages.success(
        request,
        _("%(person)s is registered (%(status)s).")
        % {"person": registration.person, "status": registration.get_status_display()},
    )
    return redirect("events:registration-list", slug=event.slug)


@organiser_page
@require_POST
def waiting_list_promote(request: HttpRequest, slug: str) -> HttpResponse:
    """Give the free seats to the first people of the waiting list; each is told by e-mail."""
    event = organisers.access_event_for_organiser(request.user, slug)
    try:
        promoted = services.fill_free_seats(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.message)
        return registrations_page(request, event, status=error.status_code)
    count = len(promoted)
    message = ngettext(
        "%(count)d person of the waiting list got a seat.",
        "%(count)d people of the waiting list got a seat.",
        count,
    )
    messages.success(request, message % {"count": count})
    return redirect("events:registration-list", slug=event.slug)


@organiser_page
@require_GET
def registration_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The filtered registrations as a CSV file, with the answers to the questions."""
    event = organisers.access_event_for_organiser(request.user, slug)
    form = RegistrationFilterForm(data=request.GET)
    form.is_valid()
    registrations = selectors.list_registrations(event, **form.filters())
    text = exports_registration.registrations_csv(registrations, selectors.list_questions(event))
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
    return response


def check_in_page(
    request: HtmxHttpRequest, event: Event, *, search: str = "", status: int = 200
) -> HttpResponse:
    """The check-in page, or only its rows when HTMX asks for them (a search)."""
    registrations = selectors.list_registrations(event, status="confirmed", search=search)
    context = {"event": event, "registrations": registrations, "search": search}
    template = "events/registration/manage/check_in_list.html"
    if request.htmx and request.htmx.target == "check-in-rows":
        template = "events/registration/manage/check_in_rows.html"
    return render(request, template, context, status=status)


@organiser_page
@require_GET
def check_in_list(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Confirmed participants to tick at the entrance, searchable by name or organisation."""
    event = organisers.access_event_for_organiser(request.user, slug)
    # A checked form: a NUL character or an over-long search is a 400, not a database error.
    form = CheckInSearchForm(data=request.GET)
    form.is_valid()
    return check_in_page(request, event, search=form.search(), status=form_status(form))


@organiser_page
@require_POST
def registration_check_in(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Mark a participant as arrived, or undo it; answers HTMX with the updated row."""
    event = organisers.access_event_for_organiser(request.user, slug)
    registration = selectors.access_registration_for_check_in(request.user, event, pk)
    form = CheckInForm(data=request.POST)
    updated = submit_form(
        form,
        lambda: services.set_checked_in(
            actor=request.user,
            registration=registration,
            is_present=form.cleaned_data["is_present"],
        ),
    )
    status = form_status(form)
    if request.htmx:
        context = {"event": event, "registration": updated or registration, "form": form}
        return render(
            request, "events/registration/manage/check_in_row.html", context, status=status
        )
    if updated is None:
        for errors in form.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return check_in_page(request, event, status=status)
    return redirect("events:check-in-list", slug=event.slug)


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF shown in the browser, saved under the given name."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@organiser_page
@require_GET
def badges(request: HttpRequest, slug: str) -> HttpResponse:
    """Name badges, four A6 to an A4 page: at once for a small event, else from their page."""
    event = organisers.access_event_for_organiser(request.user, slug)
    registrations = selectors.list_confirmed(event)
    if registrations.count() > badge_services.INLINE_LIMIT:
        return redirect("events:badges", slug=event.slug)
    content = exports_registration.badges_pdf(event, registrations)
    return pdf_response(content, f"{event.slug}-badges.pdf")


@organiser_page
@require_GET
def badges_page(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The badges PDF of a large event: being prepared, or ready to download."""
    event = organisers.access_event_for_organiser(request.user, slug)
    context = {
        "event": event,
        "sheet": badge_selectors.get_badge_sheet(event),
        "participant_count": selectors.list_confirmed(event).count(),
    }
    template = "events/registration/manage/badges.html"
    if request.htmx:
        template = "events/registration/manage/badges_panel.html"
    return render(request, template, context)


@organiser_page
@require_POST
def badges_prepare(request: HttpRequest, slug: str) -> HttpResponse:
    """Prepare the badges PDF again, in the background."""
    event = organisers.access_event_for_organiser(request.user, slug)
    badge_services.request_badges(event=event, actor=request.user)
    messages.success(
        request, _("The badges are being prepared; this page shows when they are ready.")
    )
    return redirect("events:badges", slug=event.slug)


@organiser_page
@require_GET
def badges_download(request: HttpRequest, slug: str) -> FileResponse:
    """The badges PDF last prepared."""
    event = organisers.access_event_for_organiser(request.user, slug)
    sheet = badge_selectors.access_ready_badge_sheet(event)
    return FileResponse(
        sheet.file.open("rb"),
        content_type="application/pdf",
        filename=f"{event.slug}-badges.pdf",
    )


@organiser_page
@require_GET
def check_in_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The check-in list to print, by name."""
    event = organisers.access_event_for_organiser(request.user, slug)
    content = exports_registration.check_in_pdf(event, selectors.list_confirmed(event))
    return pdf_response(content, f"{event.slug}-check-in.pdf")
