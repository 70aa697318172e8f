"""What the navbar (core, which must not know events) needs from events on every page."""

from functools import partial

from django.http import HttpRequest

from agora.events.selectors.organisers import organises_any_event


def organiser(request: HttpRequest) -> dict[str, object]:
    """Whether the visitor organises an event, asked only when a template reads it (one
    EXISTS query for a signed-in non-staff visitor, none otherwise)."""
    return {"organises_events": partial(organises_any_event, request.user)}
