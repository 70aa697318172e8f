"""Reads of an event's badges PDF."""

from django.http import Http404

from agora.events.models import BadgeSheet, Event


def get_badge_sheet(event: Event) -> BadgeSheet | None:
    """The event's badges PDF, ready or being prepared, if one was ever asked for."""
    return BadgeSheet.objects.filter(event=event).first()


def access_ready_badge_sheet(event: Event) -> BadgeSheet:
    """The event's badges PDF when it is ready to download; a 404 otherwise."""
    sheet = get_badge_sheet(event)
    if sheet is None or sheet.state != BadgeSheet.State.READY or not sheet.file:
        raise Http404
    return sheet
