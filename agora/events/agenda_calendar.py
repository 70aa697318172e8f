"""A participant's published B2B meetings as an iCalendar file (one VEVENT per meeting)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from agora.events.models import Registration
from agora.events.selectors.agenda import AgendaMeeting


def meeting_uid(meeting_pk: int) -> str:
    """The same UID whatever slot the meeting moves to, so calendars update it in place."""
    return f"b2b-meeting-{meeting_pk}@{urlsplit(settings.SITE_URL).hostname or 'agora'}"


def agenda_calendar(registration: Registration, items: list[AgendaMeeting]) -> bytes:
    """The iCalendar bytes of these meetings."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.AGORA_CLUSTER_NAME}//Agora B2B agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", registration.event.title)
    stamp = registration.event.schedule_published_at or timezone.now()
    for item in items:
        meeting, slot = item.meeting, item.slot
        entry = Event()
        entry.add("uid", meeting_uid(meeting.pk))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", slot.starts_at)
        entry.add("dtend", slot.ends_at)
        entry.add("summary", _("B2B meeting with %(whom)s") % {"whom": item.with_whom})
        entry.add("location", str(meeting.table) if meeting.table else "")
        entry.add("description", meeting.request.message)
        calendar.add_component(entry)
    return calendar.to_ical()
