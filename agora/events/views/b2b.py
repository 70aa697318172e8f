"""The participant's B2B pages: profile, opportunities, marketplace, meeting requests."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.forms import form_status, submit_form
from agora.events.forms_b2b import (
    MarketplaceFilterForm,
    MeetingRequestForm,
    OpportunityForm,
    ProfileForm,
)
from agora.events.models import MeetingRequest
from agora.events.selectors import b2b as selectors
from agora.events.services import b2b as services

MARKETPLACE_PAGE_SIZE = 20


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, slug: str) -> HttpResponse:
    """My B2B profile: pitch, most meetings, unavailable slots, and my opportunities.

    Opening the page writes nothing: the profile is made by the first valid submission.
    """
    registration = selectors.access_b2b_registration(request.user, slug)
    b2b_profile = selectors.get_profile(registration)
    form = ProfileForm(
        data=request.POST if request.method == "POST" else None,
        event=registration.event,
        profile=b2b_profile,
    )
    saved = submit_form(
        form,
        lambda: services.save_b2b_profile(
            registration=registration, actor=request.user, **form.profile_data()
        ),
    )
    if saved is not None:
        messages.success(request, _("Your B2B profile was saved."))
        return redirect("events:b2b-profile", slug=slug)
    context = {
        "event": registration.event,
        "form": form,
        "opportunities": selectors.list_own_opportunities(registration),
    }
    return render(request, "events/b2b/profile.html", context, status=form_status(form))


def opportunity_page(request: HttpRequest, slug: str, pk: int | None) -> HttpResponse:
    """Add (pk None) or edit an opportunity of the signed-in participant."""
    registration = selectors.access_b2b_registration(request.user, slug)
    opportunity = None if pk is None else selectors.access_own_opportunity(registration, pk)
    form = OpportunityForm(
        data=request.POST if request.method == "POST" else None, instance=opportunity
    )
    saved = submit_form(
        form,
        lambda: services.save_opportunity(
            registration=registration,
            actor=request.user,
            data=form.opportunity_data(),
            domains=form.cleaned_data["domains"],
            opportunity=opportunity,
        ),
    )
    if saved is not None:
        messages.success(request, _("The opportunity “%(title)s” was saved.") % {"title": saved})
        return redirect("events:b2b-profile", slug=slug)
    context = {"event": registration.event, "form": form, "opportunity": opportunity}
    return render(request, "events/b2b/opportunity_form.html", context, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest, slug: str) -> HttpResponse:
    """A new opportunity."""
    return opportunity_page(request, slug, None)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Edit one of my opportunities."""
    return opportunity_page(request, slug, pk)


@login_required
@require_POST
def opportunity_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Withdraw one of my opportunities."""
    registration = selectors.access_b2b_registration(request.user, slug)
    opportunity = selectors.access_own_opportunity(registration, pk)
    services.delete_opportunity(opportunity=opportunity, actor=request.user)
    messages.success(request, _("The opportunity was withdrawn."))
    return redirect("events:b2b-profile", slug=slug)


@login_required
@require_GET
def marketplace(request: HttpRequest, slug: str) -> HttpResponse:
    """All opportunities of the event, searchable; HTMX requests get only the results."""
    registration = selectors.access_b2b_registration(request.user, slug)
    form = MarketplaceFilterForm(data=request.GET)
    form.is_valid()
    opportunities = selectors.list_marketplace(registration.event, **form.filters())
    page = Paginator(opportunities, MARKETPLACE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": registration.event,
        "registration": registration,
        "form": form,
        "page_obj": page,
        "requested_ids": selectors.list_live_recipient_ids(registration),
    }
    template = "events/b2b/marketplace.html"
    if getattr(request, "htmx", False):
        template = "events/b2b/marketplace_results.html"
    return render(request, template, context, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ask a participant for a meeting, with a message."""
    registration = selectors.access_b2b_registration(request.user, slug)
    recipient = selectors.access_recipient(registration, pk)
    initial = {"opportunity": request.GET.get("opportunity")}
    form = MeetingRequestForm(
        data=request.POST if request.method == "POST" else None,
        initial=initial,
        recipient_profile=recipient.b2b_profile,
    )
    sent = submit_form(
        form,
        lambda: services.send_meeting_request(
            requester=registration,
            recipient=recipient,
            actor=request.user,
            message=form.cleaned_data["message"],
            opportunity=form.cleaned_data.get("opportunity"),
        ),
    )
    if sent is not None:
        messages.success(
            request, _("Your request was sent to %(name)s.") % {"name": recipient.person}
        )
        return redirect("events:b2b-request-list", slug=slug)
    context = {
        "event": registration.event,
        "recipient": recipient,
        "form": form,
        "live_count": selectors.count_live_requests(registration),
    }
    return render(request, "events/b2b/request_form.html", context, status=form_status(form))


@login_required
@require_GET
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The requests I sent and those I received."""
    registration = selectors.access_b2b_registration(request.user, slug)
    context = {
        "event": registration.event,
        "registration": registration,
        "sent": selectors.list_sent_requests(registration),
        "received": selectors.list_received_requests(registration),
        "live_count": selectors.count_live_requests(registration),
    }
    return render(request, "events/b2b/request_list.html", context)


def request_page(
    request: HttpRequest, meeting_request: MeetingRequest, *, form: forms.Form | None = None
) -> HttpResponse:
    """One request, with a refused decision's message when there is one."""
    registration = selectors.access_b2b_registration(request.user, meeting_request.event.slug)
    form = form or forms.Form()
    context = {
        "event": meeting_request.event,
        "meeting_request": meeting_request,
        "is_recipient": meeting_request.recipient_id == registration.pk,
        "form": form,
    }
    return render(request, "events/b2b/request_detail.html", context, status=form_status(form))


@login_required
@require_GET
def request_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One of my requests, with the decisions I may take."""
    registration = selectors.access_b2b_registration(request.user, slug)
    return request_page(request, selectors.access_meeting_request(registration, pk))


Decision = Callable[..., object]


def decide(
    request: HttpRequest, slug: str, pk: int, decision: Decision, message: str
) -> HttpResponse:
    """Run one decision on a request of mine; a refusal shows on the request's page."""
    registration = selectors.access_b2b_registration(request.user, slug)
    meeting_request = selectors.access_meeting_request(registration, pk)
    form = forms.Form(data=request.POST)
    done = submit_form(
        form,
        lambda: decision(
            meeting_request=meeting_request, registration=registration, actor=request.user
        ),
    )
    if done is None:
        return request_page(request, meeting_request, form=form)
    messages.success(request, message)
    return redirect("events:b2b-request-detail", slug=slug, pk=pk)


@login_required
@require_POST
def request_accept(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The recipient accepts: the meeting will be scheduled."""
    return decide(
        request,
        slug,
        pk,
        services.accept_meeting_request,
        _("You accepted the meeting; it will appear in your agenda once scheduled."),
    )


@login_required
@require_POST
def request_decline(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The recipient declines."""
    return decide(
        request, slug, pk, services.decline_meeting_request, _("You declined the request.")
    )


@login_required
@require_POST
def request_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The requester withdraws a pending request, or either side cancels an accepted one."""
    return decide(
        request, slug, pk, services.cancel_meeting_request, _("The request was cancelled.")
    )
