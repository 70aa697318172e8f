"""The organiser's B2B set-up page and the list of requests; others get a 404."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

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
from agora.events.services import b2b_setup as services

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


@login_required
@require_GET
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    """Slots, tables and home tables, the request cap and rules of one event."""
    return setup_page(request, selectors.access_managed_event(request.user, slug))


def submit_setup(
    request: HttpRequest,
    slug: str,
    name: str,
    form: forms.Form,
    action: Callable[[Event], object],
    message: str,
) -> HttpResponse:
    """Run one set-up change; a refusal shows the page again with the form's errors."""
    event = selectors.access_managed_event(request.user, slug)
    if submit_form(form, lambda: action(event)) is None:
        return setup_page(request, event, **{name: form})
    messages.success(request, message)
    return redirect("events:b2b-manage", slug=slug)


@login_required
@require_POST
def slots_generate(request: HttpRequest, slug: str) -> HttpResponse:
    """Cut a session into consecutive slots."""
    form = SlotsForm(data=request.POST)
    return submit_setup(
        request,
        slug,
        "slots_form",
        form,
        lambda event: services.generate_slots(event=event, actor=request.user, **form.cleaned_data),
        _("The slots were added."),
    )


@login_required
@require_POST
def slot_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove one slot."""
    event = selectors.access_managed_event(request.user, slug)
    slot = selectors.list_slots(event).filter(pk=pk).first()
    if slot is None:
        raise Http404
    services.delete_slot(slot=slot, actor=request.user)
    messages.success(request, _("The slot was removed."))
    return redirect("events:b2b-manage", slug=slug)


@login_required
@require_POST
def tables_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add several tables."""
    form = TablesForm(data=request.POST)
    return submit_setup(
        request,
        slug,
        "tables_form",
        form,
        lambda event: services.add_tables(event=event, actor=request.user, **form.cleaned_data),
        _("The tables were added."),
    )


@login_required
@require_POST
def table_rename(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rename one table."""
    event = selectors.access_managed_event(request.user, slug)
    table = selectors.list_tables(event).filter(pk=pk).first()
    if table is None:
        raise Http404
    form = TableNameForm(data=request.POST)
    if submit_form(
        form,
        lambda: services.rename_table(table=table, actor=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("The table was renamed."))
        return redirect("events:b2b-manage", slug=slug)
    return setup_page(request, event, rename_form=form)


@login_required
@require_POST
def home_table_assign(request: HttpRequest, slug: str) -> HttpResponse:
    """Give a participant a home table, or take it away."""
    event = selectors.access_managed_event(request.user, slug)
    form = HomeTableForm(
        data=request.POST, event=event, profiles=selectors.list_b2b_profiles(event)
    )
    return submit_setup(
        request,
        slug,
        "home_table_form",
        form,
        lambda event: services.assign_home_table(
            profile=form.cleaned_data["profile"],
            actor=request.user,
            table=form.cleaned_data["table"],
        ),
        _("The home table was saved."),
    )


@login_required
@require_POST
def request_cap_set(request: HttpRequest, slug: str) -> HttpResponse:
    """Change the request cap."""
    form = RequestCapForm(data=request.POST)
    return submit_setup(
        request,
        slug,
        "cap_form",
        form,
        lambda event: services.set_request_cap(
            event=event, actor=request.user, **form.cleaned_data
        ),
        _("The request cap was saved."),
    )


@login_required
@require_POST
def request_rule_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a request restriction."""
    form = RequestRuleForm(data=request.POST)
    return submit_setup(
        request,
        slug,
        "rule_form",
        form,
        lambda event: services.add_request_rule(
            event=event, actor=request.user, **form.cleaned_data
        ),
        _("The restriction was added."),
    )


@login_required
@require_POST
def request_rule_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Lift a request restriction."""
    event = selectors.access_managed_event(request.user, slug)
    rule = selectors.list_request_rules(event).filter(pk=pk).first()
    if rule is None:
        raise Http404
    services.remove_request_rule(rule=rule, actor=request.user)
    messages.success(request, _("The restriction was lifted."))
    return redirect("events:b2b-manage", slug=slug)


@login_required
@require_GET
def request_overview(request: HttpRequest, slug: str) -> HttpResponse:
    """Every request of the event with its status, for the organisers."""
    event = selectors.access_managed_event(request.user, slug)
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
