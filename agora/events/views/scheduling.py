"""The organiser's scheduling page: run the scheduler, read the draft, publish, export, import."""

import json

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from agora.core.errors import DomainError
from agora.core.forms import form_status, submit_form
from agora.events.forms_scheduling import ScheduleImportForm, ScheduleRunForm
from agora.events.models import Event, ScheduleRun
from agora.events.selectors import organisers
from agora.events.selectors import scheduling as selectors
from agora.events.services import scheduling as services
from agora.events.views.organiser_access import organiser_page


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def schedule_page(
    request: HtmxHttpRequest,
    event: Event,
    *,
    run_form: forms.BaseForm | None = None,
    import_form: forms.BaseForm | None = None,
    errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The page (or, for HTMX polling, its run panel), with a refused form bound to its input."""
    run = selectors.get_latest_run(event)
    report = selectors.get_run_report(run) if run and run.state == ScheduleRun.State.DONE else None
    context = {
        "event": event,
        "run": run,
        "report": report,
        "is_busy": run is not None
        and run.state in (ScheduleRun.State.QUEUED, ScheduleRun.State.RUNNING),
        "run_form": run_form or ScheduleRunForm(),
        "import_form": import_form or ScheduleImportForm(),
        "errors": errors or [],
    }
    if request.htmx:
        return render(request, "events/scheduling/run_panel.html", context)
    return render(request, "events/scheduling/schedule.html", context, status=status)


def refused_page(
    request: HtmxHttpRequest, event: Event, error: DomainError, *, rejected_status: int
) -> HttpResponse:
    """The page with a service's refusal; a rejected schedule lists each of its violations."""
    if isinstance(error, services.ScheduleRejectedError):
        errors = [error.message, *error.errors]
        return schedule_page(request, event, errors=errors, status=rejected_status)
    return schedule_page(request, event, errors=[error.message], status=error.status_code)


@organiser_page
@require_GET
def schedule_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The latest run and its figures, with the actions the event's state allows."""
    return schedule_page(
        request, organisers.access_event_for_organiser(request.user, slug, b2b=True)
    )


@organiser_page
@require_POST
def schedule_run(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Queue a run of the scheduler."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    form = ScheduleRunForm(data=request.POST)
    run = submit_form(
        form,
        lambda: services.request_schedule(
            actor=request.user,
            event=event,
            keep_published=form.cleaned_data["keep_published"],
        ),
    )
    if run is None:
        return schedule_page(request, event, run_form=form, status=form_status(form))
    messages.success(request, _("The scheduler is running; this page shows its result."))
    return redirect("events:schedule-detail", slug=event.slug)


@organiser_page
@require_POST
def schedule_publish(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Publish a finished run: meetings get their slot and table, participants an e-mail."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    run = selectors.access_run(event, pk)
    try:
        told = services.publish_schedule(actor=request.user, run=run)
    except DomainError as error:
        # A run that no longer fits the event's meetings clashes with its current state.
        return refused_page(request, event, error, rejected_status=409)
    messages.success(
        request,
        _("The schedule is published; %(count)d participants are told by e-mail.")
        % {"count": len(told)},
    )
    return redirect("events:schedule-detail", slug=event.slug)


@organiser_page
@require_POST
def schedule_import(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Bring in a schedule made elsewhere, checked against the event before anything is saved."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    form = ScheduleImportForm(data=request.POST, files=request.FILES)
    if not form.is_valid():
        return schedule_page(request, event, import_form=form, status=400)
    try:
        services.import_schedule(
            actor=request.user,
            event=event,
            data=form.cleaned_data["file"],
            publish=form.cleaned_data["publish"],
        )
    except DomainError as error:
        return refused_page(request, event, error, rejected_status=400)
    messages.success(request, _("The schedule was imported."))
    return redirect("events:schedule-detail", slug=event.slug)


def _download(data: dict, filename: str) -> HttpResponse:
    response = HttpResponse(json.dumps(data, indent=1), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@organiser_page
@require_GET
def schedule_instance(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The event's meetings as a b2b-instance/1 file."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    return _download(selectors.get_instance(event), f"{event.slug}-instance.json")


@organiser_page
@require_GET
def schedule_solution(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The published schedule as a b2b-solution/1 file."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    return _download(selectors.get_published_solution(event), f"{event.slug}-solution.json")
