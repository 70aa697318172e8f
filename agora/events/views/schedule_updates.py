"""The organiser's page of changes since publication, and the switch of automatic updates."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_POST

from agora.core.forms import form_status, submit_form
from agora.events.models import Event
from agora.events.selectors import organisers
from agora.events.selectors.schedule_updates import list_changes_since_publication
from agora.events.services import schedule_updates as services
from agora.events.views.organiser_access import organiser_page


class AutomaticUpdatesForm(forms.Form):
    is_on = forms.TypedChoiceField(
        label=gettext_lazy("Update the published schedule automatically"),
        choices=[
            ("on", pgettext_lazy("automatic updates", "On")),
            ("off", pgettext_lazy("automatic updates", "Off")),
        ],
        coerce=lambda value: value == "on",
    )


def updates_page(
    request: HttpRequest, event: Event, form: AutomaticUpdatesForm | None = None
) -> HttpResponse:
    """The page, with a refused switch bound to its input."""
    initial = {"is_on": "on" if event.updates_schedule_automatically else "off"}
    form = form or AutomaticUpdatesForm(initial=initial)
    context = {"event": event, "changes": list_changes_since_publication(event), "form": form}
    return render(request, "events/scheduling/updates.html", context, status=form_status(form))


@organiser_page
@require_GET
def schedule_updates(request: HttpRequest, slug: str) -> HttpResponse:
    """Changes since publication, and whether they re-schedule by themselves."""
    return updates_page(
        request, organisers.access_event_for_organiser(request.user, slug, b2b=True)
    )


@organiser_page
@require_POST
def automatic_updates_set(request: HttpRequest, slug: str) -> HttpResponse:
    """Switch automatic updates of the published schedule on or off."""
    event = organisers.access_event_for_organiser(request.user, slug, b2b=True)
    form = AutomaticUpdatesForm(data=request.POST)
    updated = submit_form(
        form,
        lambda: services.set_automatic_updates(
            event=event, actor=request.user, is_on=form.cleaned_data["is_on"]
        ),
    )
    if updated is None:
        return updates_page(request, event, form)
    if updated.updates_schedule_automatically:
        messages.success(request, _("The published schedule now updates itself after changes."))
    else:
        messages.success(request, _("Changes now wait for you to schedule again and publish."))
    return redirect("events:schedule-updates", slug=event.slug)
