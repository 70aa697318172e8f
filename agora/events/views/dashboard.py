"""Organiser pages: the dashboard of one event and the list of the events one organises."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from agora.events import charts
from agora.events.models import Event
from agora.events.selectors import dashboard as selectors
from agora.events.selectors import organisers
from agora.events.views.organiser_access import organiser_page

# The other organiser pages of an event, by URL name; the B2B ones only for events with B2B.
ORGANISER_PAGES = (
    ("events:event-detail", gettext_lazy("Public page")),
    ("events:registration-list", gettext_lazy("Registrations")),
    ("events:check-in-list", gettext_lazy("Check-in")),
)
B2B_ORGANISER_PAGES = (
    ("events:b2b-manage", gettext_lazy("B2B set-up")),
    ("events:b2b-request-overview", gettext_lazy("Meeting requests")),
    ("events:schedule-detail", gettext_lazy("Scheduling")),
)


def organiser_links(event: Event) -> list[tuple[str, str]]:
    """Links to the event's other organiser pages."""
    pages = ORGANISER_PAGES + (B2B_ORGANISER_PAGES if event.has_b2b else ())
    return [(reverse(name, kwargs={"slug": event.slug}), str(label)) for name, label in pages]


def draw_charts(figures: selectors.Dashboard) -> dict[str, str]:
    """The dashboard's charts as inline SVG (our own matplotlib output, safe to embed)."""
    svgs = {}
    if figures.registrations_by_day:
        svgs["registrations"] = charts.cumulative_line_svg(
            figures.registrations_by_day,
            label=_("Registrations"),
            day_label=lambda day: date_format(day, "j N"),
        )
    for name, uses in (("slots", figures.slot_use), ("tables", figures.table_use)):
        if uses:
            svgs[name] = charts.use_bars_svg(
                [use.label for use in uses],
                [use.used for use in uses],
                uses[0].capacity,
                label=_("Meetings"),
            )
    return {name: mark_safe(svg) for name, svg in svgs.items()}


@organiser_page
@require_GET
def event_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """An event's figures and charts, with links to its other organiser pages."""
    event = organisers.access_event_for_organiser(request.user, slug)
    figures = selectors.get_dashboard(event)
    context = {
        "event": event,
        "figures": figures,
        "charts": draw_charts(figures),
        "links": organiser_links(event),
    }
    return render(request, "events/dashboard/event_dashboard.html", context)


@organiser_page
@require_GET
def event_manage_list(request: HttpRequest) -> HttpResponse:
    """The events the user organises (every one, for staff), unpublished ones too, with counts."""
    events = organisers.access_organised_events(request.user)
    context = {"events": selectors.list_events_with_counts(events)}
    return render(request, "events/dashboard/event_list.html", context)
