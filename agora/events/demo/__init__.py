"""The events part of `manage.py load_demo`: the cluster day of 2018 and a few other events.

It runs after the members part and builds on its people and organisations (see
agora/members/demo). Rows are written in bulk, like fixtures: no services, no audit entries,
no e-mails; only the scheduling goes through the matchmaker, as the organiser's click would.
"""

from django.contrib.contenttypes.models import ContentType

from agora.core.models import AuditEntry
from agora.events.demo.cluster_day import load_cluster_day
from agora.events.demo.others import load_other_events
from agora.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Opportunity,
    ProgrammeSession,
    Registration,
    RegistrationQuestion,
    RequestRule,
    ScheduleRun,
    Slot,
    Table,
)
from agora.members.demo import DemoContext, empty_tables

# Emptied in this order by `reset`: what points at a row before the row.
EVENTS_MODELS = (
    MeetingFeedback,
    Meeting.participants.through,
    Meeting,
    ScheduleRun,
    MeetingRequest,
    Opportunity.domains.through,
    Opportunity,
    B2BProfile.unavailable_slots.through,
    B2BProfile,
    RequestRule,
    Table,
    Slot,
    Registration.history.model,
    Registration,
    RegistrationQuestion,
    ProgrammeSession,
    Event.organisers.through,
    Event.history.model,
    Event,
)


def load(context: DemoContext) -> None:
    """The events: the cluster day of 2018 with its B2B, other past events, an upcoming one."""
    context.shared["cluster_day_2018"] = load_cluster_day(context)
    load_other_events(context)


def reset(context: DemoContext) -> None:
    """Empty the events tables (registrations point at people through PROTECT)."""
    # The demo's schedule run is stored by the scheduling service, which audits it.
    AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Event)).delete()
    empty_tables(EVENTS_MODELS)
    context.write("Events: demo data deleted.")
