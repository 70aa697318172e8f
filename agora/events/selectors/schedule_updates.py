"""Reads of the changes made to a published schedule that no publication reflects yet."""

from django.db.models import QuerySet

from agora.events.models import Event, ScheduleChange


def list_changes_since_publication(event: Event) -> QuerySet[ScheduleChange]:
    """Changes since the last publication, oldest first, with who and which meeting (one query)."""
    return (
        ScheduleChange.objects.filter(event=event, published_at__isnull=True)
        .select_related(
            "registration__person",
            "meeting__request__requester__person",
            "meeting__request__recipient__person",
        )
        .order_by("created_at", "pk")
    )
