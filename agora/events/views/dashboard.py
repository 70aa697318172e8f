"""Organiser pages: the dashboard of one event (its organisers and staff) and the staff list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from agora.core.permissions import staff_required
from agora.events import charts
from agora.events.models import Event
from agora.events.selectors import dashboard as selectors

# The other organiser pages of an event, by URL name, shown when that part of the app has them.
ORGANISER_PAGES = (
    ("events:event-detail", gettext_lazy("Public page")),
    ("events:registration-list", gettext_lazy("Registrations")),
    ("events:check-in-list", gettext_lazy("Check-in")),
    ("events:b2b-manage", gettext_lazy("B2B set-up")),
    ("events:b2b-request-overview", gettext_lazy("Meeting requests")),
    ("events:schedule-detail", gettext_lazy("Scheduling")),
)


def organiser_links(event: Event) -> list[tuple[str, str]]:
    """Links to the event's other organiser pages that exist."""
    links = []
    for name, label in ORGANISER_PAGES:
        try:
            links.append((reverse(name, kwargs={"slug": event.slug}), str(label)))
        except NoReverseMatch:
            continue
    return links


def draw_charts(figures: selectors.Dashboard) -> dict[str, str]:
    """The dashboard's charts as inline SVG (our own matplotlib output, safe to embed)."""
    svgs = {}
    if figures.registrations_by_day:
        svgs["registrations"] = charts.cumulative_line_svg(
            figures.registrations_by_day, label=_("Registrations")
        )
    if figures.slot_use:
        svgs["slots"] = charts.use_bars_svg(
            [use.label for use in figures.slot_use],
            [use.used for use in figures.slot_use],
            figures.slot_use[0].capacity,
            label=_("Meetings"),
        )
    if figures.table_use:
        svgs["tables"] = charts.use_bars_svg(
            [use.label for use in figures.table_use],
            [use.used for use in figures.table_use],
            figures.table_use[0].capacity,
            label=_("Meetings"),
        )
    return {name: mark_safe(svg) for name, svg in svgs.items()}


@login_required
@require_GET
def event_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """An event's figures and charts, with links to its other organiser pages."""
    event = selectors.access_event_for_organiser(request.user, slug)
    figures = selectors.get_dashboard(event)
    context = {
        "event": event,
        "figures": figures,
        "charts": draw_charts(figures),
        "links": organiser_links(event),
    }
    return render(request, "events/dashboard/event_dashboard.html", context)


@staff_required
@require_GET
def event_manage_list(request: HttpRequest) -> HttpResponse:
    """Every event, unpublished ones too, with its key counts."""
    events = selectors.list_events_for_staff()
    return render(request, "events/dashboard/event_list.html", {"events": events})
