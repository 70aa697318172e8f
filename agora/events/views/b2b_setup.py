"""The organiser's B2B set-up page and the list of requests; others get a 404."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agora.core.errors import DomainError
from agora.core.forms import form_status, submit_form
from agora.events.forms_b2b import (
    HomeTableForm,
    RequestCapForm,
    RequestRuleForm,
    RequestStatusFilterForm,
    SlotsForm,
    TableNameForm,
    TablesForm,
)
from agora.events.models import Event
from agora.events.selectors import b2b as selectors
from agora.events.selectors import organisers
from agora.events.services import b2b_setup as services
from agora.events.views.organiser_access import organiser_page

REQUESTS_PAGE_SIZE = 50


def setup_forms(event: Event, data: dict[str, forms.Form]) -> dict[str, forms.Form]:
    """The page's forms, unbound unless one was just sent and refused."""
    profiles = selectors.list_b2b_profiles(event)
    return {
        "slots_form": SlotsForm(),
        "tables_form": TablesForm(),
        "home_table_form": HomeTableForm(event=event, profiles=profiles),
        "cap_form": RequestCapForm(initial={"request_cap": event.request_cap}),
        "rule_form": RequestRuleForm(),
        **data,
    }


def setup_page(request: HttpRequest, event: Event, **refused: forms.Form) -> HttpResponse:
    """The set-up page, with a refused form bound to what was sent."""
    page_forms = setup_forms(event, refused)
    context = {
        "event": event,
        "slots": selectors.list_slots(event),
        "tables": selectors.list_tables(event),
        "rules": selectors.list_request_rules(event),
        "request_counts": selectors.count_requests_by_status(event),
        **page_forms,
    }
    status = max(form_status(form) for form in page_forms.values())
    return render(request, "events/b2b/manage.html", context, status=status)


@organiser_page
@require_GET
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    """Slots, tables and home tables, the request cap and rules of one event."""
    return setup_page(request, organisers.access_event_for_organiser(request.user, slug, b2b=True))


def changed(request: HttpRequest, event: Event, message: str) -> HttpResponse:
    """Back to the set-up page, saying what changed."""
    messages.success(request, message)
    return redirect("events:b2b-manage", slug=event.slug)


def act(
    request: HttpRequest, event: Event, change: Callable[[], object], message: str
) -> HttpResponse:
    """Run one set-up change without a form; a refusal shows the page again with its reason."""
    try:
        change()
    except DomainError as error:
        messages.error(request, error.message)
        response = setup_page(request, event)
        response.status_code = error.status_code
        return response
    return changed(request, event, message)


def submit_setup(
    request: HttpRequest,
    event: Event,
    name: str,
    form: forms.Form,
    change: Callable[[], object],
    message: str,
) -> HttpResponse:
    """Run one set-up change; a refusal shows the page again with the form's errors."""
    if submit_form(form, change) is None:
        return setup_page(request, event, **{name: form})
    return changed(request, event, message)


def change_setting(
    request: HttpRequest,
    slug: str,
    name: str,
    form_class: type[forms.Form],
    service: Callable[..., object],
    message: str,
) -> HttpResponse:
    """One of the event's settings changed from its form: the service takes the cleaned data."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    form = form_class(data=request.POST)
    return submit_setup(
        request,
        event,
        name,
        form,
        lambda: service(event=event, actor=request.user, **form.cleaned_data),
        message,
    )


@organiser_page
@require_POST
def slots_generate(request: HttpRequest, slug: str) -> HttpResponse:
    """Cut a session into consecutive slots."""
    return change_setting(
        request, slug, "slots_form", SlotsForm, services.generate_slots, _("The slots were added.")
    )


@organiser_page
@require_POST
def slot_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove one slot."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    slot = get_object_or_404(selectors.list_slots(event), pk=pk)
    return act(
        request,
        event,
        lambda: services.delete_slot(slot=slot, actor=request.user),
        _("The slot was removed."),
    )


@organiser_page
@require_POST
def tables_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add several tables."""
    return change_setting(
        request, slug, "tables_form", TablesForm, services.add_tables, _("The tables were added.")
    )


@organiser_page
@require_POST
def table_rename(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rename one table."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    table = get_object_or_404(selectors.list_tables(event), pk=pk)
    form = TableNameForm(data=request.POST)
    return submit_setup(
        request,
        event,
        "rename_form",
        form,
        lambda: services.rename_table(table=table, actor=request.user, **form.cleaned_data),
        _("The table was renamed."),
    )


@organiser_page
@require_POST
def home_table_assign(request: HttpRequest, slug: str) -> HttpResponse:
    """Give a participant a home table, or take it away."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    form = HomeTableForm(
        data=request.POST, event=event, profiles=selectors.list_b2b_profiles(event)
    )
    return submit_setup(
        request,
        event,
        "home_table_form",
        form,
        lambda: services.assign_home_table(actor=request.user, **form.cleaned_data),
        _("The home table was saved."),
    )


@organiser_page
@require_POST
def request_cap_set(request: HttpRequest, slug: str) -> HttpResponse:
    """Change the request cap."""
    return change_setting(
        request,
        slug,
        "cap_form",
        RequestCapForm,
        services.set_request_cap,
        _("The request cap was saved."),
    )


@organiser_page
@require_POST
def request_rule_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a request restriction."""
    return change_setting(
        request,
        slug,
        "rule_form",
        RequestRuleForm,
        services.add_request_rule,
        _("The restriction was added."),
    )


@organiser_page
@require_POST
def request_rule_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Lift a request restriction."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    rule = get_object_or_404(selectors.list_request_rules(event), pk=pk)
    return act(
        request,
        event,
        lambda: services.remove_request_rule(rule=rule, actor=request.user),
        _("The restriction was lifted."),
    )


@organiser_page
@require_GET
def request_overview(request: HttpRequest, slug: str) -> HttpResponse:
    """Every request of the event with its status, for the organisers."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    form = RequestStatusFilterForm(data=request.GET)
    form.is_valid()
    status = getattr(form, "cleaned_data", {}).get("status", "")
    requests = selectors.list_event_requests(event, status=status)
    page = Paginator(requests, REQUESTS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "form": form,
        "page_obj": page,
        "request_counts": selectors.count_requests_by_status(event),
    }
    return render(request, "events/b2b/manage_requests.html", context, status=form_status(form))
