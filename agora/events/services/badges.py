"""The badges PDF of an event, built in the background into a private file."""

from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from agora.core.audit import log_action
from agora.events import exports_registration, tasks_registration
from agora.events.models import BadgeSheet, Event
from agora.events.selectors.registration import list_confirmed

# Up to this many confirmed participants the PDF is made inside the request (about 3 s of CPU);
# above it, in the background (5,000 badges take about a minute).
INLINE_LIMIT = 200
# A build queued this long ago whose worker died no longer blocks a new one.
STALE_AFTER = timedelta(minutes=15)


@transaction.atomic
def request_badges(*, event: Event, actor: Any) -> BadgeSheet:
    """Queue a new badges PDF of the confirmed participants; a build already waiting is kept."""
    Event.objects.select_for_update().filter(pk=event.pk).first()
    sheet, created = BadgeSheet.objects.get_or_create(event=event)
    is_waiting = sheet.state == BadgeSheet.State.QUEUED and not created
    if is_waiting and sheet.requested_at > timezone.now() - STALE_AFTER:
        return sheet
    sheet.state = BadgeSheet.State.QUEUED
    sheet.requested_by = actor if getattr(actor, "is_authenticated", False) else None
    sheet.requested_at = timezone.now()
    sheet.error = ""
    sheet.save(update_fields=["state", "requested_by", "requested_at", "error"])
    log_action("events.badges.requested", target=event, actor=actor, data={"sheet": sheet.pk})
    sheet_id = sheet.pk
    transaction.on_commit(lambda: tasks_registration.build_badges.delay(sheet_id))
    return sheet


def build_badges(*, sheet_id: int) -> BadgeSheet:
    """Render the badges of the confirmed participants into the sheet's private file."""
    sheet = BadgeSheet.objects.select_related("event").get(pk=sheet_id)
    event = sheet.event
    registrations = list(list_confirmed(event))
    try:
        content = exports_registration.badges_pdf(event, registrations)
    # Whatever breaks must reach the organiser's page, not leave the sheet "being prepared".
    except Exception as error:
        sheet.state = BadgeSheet.State.FAILED
        sheet.error = f"{type(error).__name__}: {error}"[:2000]
        sheet.save(update_fields=["state", "error"])
        log_action("events.badges.failed", target=event, data={"sheet": sheet.pk})
        return sheet
    old_name = sheet.file.name
    now = timezone.now()
    sheet.file.save(f"badges-{now:%Y%m%d-%H%M%S}.pdf", ContentFile(content), save=False)
    with transaction.atomic():
        sheet.state = BadgeSheet.State.READY
        sheet.badge_count = len(registrations)
        sheet.built_at = now
        sheet.save(update_fields=["file", "state", "badge_count", "built_at"])
        log_action(
            "events.badges.built",
            target=event,
            data={"sheet": sheet.pk, "badges": len(registrations)},
        )
    if old_name and old_name != sheet.file.name:
        sheet.file.storage.delete(old_name)
    return sheet
