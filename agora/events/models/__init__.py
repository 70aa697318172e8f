from agora.events.models.b2b import (
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Opportunity,
    RequestRule,
    ScheduleChange,
    ScheduleRun,
    Slot,
    Table,
)
from agora.events.models.event import Event, ProgrammeSession, RegistrationQuestion
from agora.events.models.registration import B2BProfile, BadgeSheet, Registration

__all__ = [
    "B2BProfile",
    "BadgeSheet",
    "Event",
    "Meeting",
    "MeetingFeedback",
    "MeetingRequest",
    "Opportunity",
    "ProgrammeSession",
    "Registration",
    "RegistrationQuestion",
    "RequestRule",
    "ScheduleChange",
    "ScheduleRun",
    "Slot",
    "Table",
]
