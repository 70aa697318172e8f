"""Event pages for everyone, and registration for oneself or for colleagues."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.errors import DomainError
from agora.core.forms import form_status, submit_form
from agora.events.forms_registration import ColleaguesForm, EventFilterForm, RegistrationForm
from agora.events.models import Event, Registration
from agora.events.selectors import organisers
from agora.events.selectors import registration as selectors
from agora.events.services import registration as services
from agora.events.views.organiser_access import organiser_page
from agora.members.selectors import get_person, list_represented_organisations

PAST_EVENTS_PAGE_SIZE = 20


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    """Published events: upcoming ones first, then past ones, filtered by kind."""
    form = EventFilterForm(data=request.GET)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    past = selectors.list_events(kind=kind, is_past=True)
    context = {
        "form": form,
        "upcoming": selectors.list_events(kind=kind),
        "page_obj": Paginator(past, PAST_EVENTS_PAGE_SIZE).get_page(request.GET.get("page")),
        # Also read by the navbar, which then asks no more (context processor of events).
        "organises_events": organisers.organises_any_event(request.user),
    }
    return render(request, "events/registration/event_list.html", context, status=form_status(form))


def event_page(request: HttpRequest, event: Event, *, status: int = 200) -> HttpResponse:
    """The event page, with the answer's status (a refused cancellation's, for instance)."""
    context = {
        "event": event,
        "registration": selectors.get_registration_of(request.user, event),
        "seats_left": selectors.seats_left(event),
        "is_organiser": organisers.is_organiser(request.user, event),
        "represented": list_represented_organisations(request.user).order_by("legal_name"),
    }
    return render(request, "events/registration/event_detail.html", context, status=status)


@require_GET
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An event: when, where, programme, prices, seats left, and the visitor's registration."""
    return event_page(request, selectors.access_event(request.user, slug))


def closed_page(request: HttpRequest, event: Event) -> HttpResponse:
    """The registration page of an event that takes no more registrations."""
    message = (
        _("Registration for this event closed at its deadline.")
        if event.is_published
        else _("This event is not open for registration.")
    )
    context = {"event": event, "closed_message": message}
    return render(request, "events/registration/registration_form.html", context, status=409)


@login_required
@require_http_methods(["GET", "POST"])
def registration_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Register oneself: organisation credited, the event's questions, listing consent."""
    event = selectors.access_event(request.user, slug)
    if selectors.get_registration_of(request.user, event) is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:event-detail", slug=event.slug)
    if not event.is_open_for_registration:
        return closed_page(request, event)
    organisations = selectors.list_registrable_organisations(request.user)
    form = RegistrationForm(
        data=request.POST if request.method == "POST" else None,
        questions=selectors.list_questions(event),
        organisations=organisations,
        needs_name=get_person(request.user) is None,
    )
    registration = submit_form(
        form,
        lambda: services.register_self(user=request.user, event=event, **form.registration_data()),
    )
    if registration is not None:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.warning(
                request, _("The event is full: you are on the waiting list, we will write to you.")
            )
        return redirect("events:event-detail", slug=event.slug)
    context = {
        "event": event,
        "form": form,
        "member_quote": selectors.quote_price(event, organisations.first()),
    }
    return render(
        request, "events/registration/registration_form.html", context, status=form_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def colleagues_register(request: HttpRequest, slug: str, organisation: str) -> HttpResponse:
    """A representative registers colleagues, their attendance credited to the organisation."""
    event = selectors.access_event(request.user, slug)
    group = selectors.access_organisation_for_group(request.user, organisation)
    if not event.is_open_for_registration:
        return closed_page(request, event)
    form = ColleaguesForm(
        data=request.POST if request.method == "POST" else None,
        people=selectors.list_unregistered_colleagues(event, group),
    )
    registrations = submit_form(
        form,
        lambda: services.register_colleagues(
            actor=request.user,
            event=event,
            organisation=group,
            people=form.cleaned_data["people"],
        ),
    )
    if registrations is not None:
        count = len(registrations)
        message = ngettext(
            "%(count)d colleague registered for %(event)s.",
            "%(count)d colleagues registered for %(event)s.",
            count,
        )
        messages.success(request, message % {"count": count, "event": event})
        return redirect("events:registration-colleagues", slug=event.slug, organisation=group.slug)
    context = {
        "event": event,
        "organisation": group,
        "form": form,
        "registrations": selectors.list_group_registrations(event, group),
        "quote": selectors.quote_price(event, group),
    }
    return render(
        request, "events/registration/colleagues_form.html", context, status=form_status(form)
    )


@organiser_page  # sign-in, and two-factor login when cancelling as an organiser
@require_POST
def registration_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Cancel one's registration (or a colleague's, as representative, or as organiser)."""
    event = selectors.access_event(request.user, slug)
    registration = selectors.access_registration_for_cancel(request.user, event, pk)
    try:
        services.cancel_registration(actor=request.user, registration=registration)
    except DomainError as error:
        messages.error(request, error.message)
        return event_page(request, event, status=error.status_code)
    messages.success(
        request,
        _("The registration of %(person)s is cancelled.") % {"person": registration.person},
    )
    next_url = request.POST.get("next", "")
    # Only a path on this site: redirect() would take a bare word for a view name to reverse.
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        return HttpResponseRedirect(next_url)
    return redirect("events:my-registrations")


@login_required
@require_GET
def participant_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirmed participants who agreed to be listed; for the other confirmed participants."""
    event = selectors.access_event(request.user, slug)
    participants = selectors.access_participant_list(request.user, event)
    context = {"event": event, "participants": participants}
    return render(request, "events/registration/participant_list.html", context)


@login_required
@require_GET
def my_registrations(request: HttpRequest) -> HttpResponse:
    """The user's registrations, with their status and a way to cancel; the events they organise."""
    context = {
        "registrations": selectors.list_my_registrations(request.user),
        "organised": organisers.list_upcoming_organised_events(request.user, now=timezone.now()),
        "organises_events": organisers.organises_any_event(request.user),
    }
    return render(request, "events/registration/my_registrations.html", context)
