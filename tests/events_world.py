"""The events objects the URL permission matrix points at, and what denied writes must keep.

One published B2B event, "cluster-day", in 2030. The member and the representative of helix and
the outsider of other-bio are confirmed participants, each with a B2B profile; the expert and the
staff are not registered. The representative offers an opportunity. The outsider asked the
representative for a meeting (pending). The member's request to the outsider was accepted: its
meeting is in the published schedule, early, at table 1; the late slot is free. One request rule.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from agora.events import adapter
from agora.events.models import (
    B2BProfile,
    BadgeSheet,
    Event,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Opportunity,
    Registration,
    RequestRule,
    ScheduleRun,
    Slot,
    Table,
)
from agora.events.services.scheduling import import_schedule
from agora.events.tests.b2b_world import add_opportunity
from agora.events.tests.factories import EVENT_START, EventFactory
from agora.events.tests.scheduling_data import add_meeting
from agora.members.models import Affiliation
from agora.members.tests.factories import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from conftest import add_totp
from matchmaker.b2b import Assignment, Schedule, Status
from matchmaker.b2b.io import schedule_to_dict

SLOT_MINUTES = timedelta(minutes=30)


def register(event: Event, user, organisation) -> Registration:
    """A confirmed registration with an empty B2B profile."""
    registration = Registration.objects.create(
        event=event, person=user.person, organisation=organisation, is_member=True
    )
    B2BProfile.objects.create(registration=registration)
    return registration


def publish(event: Event, meeting: Meeting, slot: Slot, table: Table) -> ScheduleRun:
    """A finished run placing the meeting, imported and published as the organiser would."""
    assignment = Assignment(
        meeting=adapter.meeting_id(meeting.pk),
        slot=adapter.slot_id(slot.pk),
        table=adapter.table_id(table.pk),
    )
    schedule = Schedule(status=Status.FEASIBLE, assignments=(assignment,), unscheduled=())
    return import_schedule(actor=None, event=event, data=schedule_to_dict(schedule), publish=True)


def make_events_world(cast) -> dict[str, object]:
    """The objects of the events rows, by the names their paths and data use."""
    event = EventFactory(slug="cluster-day", title="Cluster Day", seats_taken=3)
    member = register(event, cast.member, cast.organisation)
    representative = register(event, cast.representative, cast.organisation)
    outsider = register(event, cast.outsider, cast.other_organisation)
    start = EVENT_START + timedelta(hours=1)
    early = Slot.objects.create(
        event=event, starts_at=start, ends_at=start + SLOT_MINUTES, session="morning"
    )
    late = Slot.objects.create(
        event=event,
        starts_at=start + SLOT_MINUTES,
        ends_at=start + 2 * SLOT_MINUTES,
        session="morning",
    )
    table = Table.objects.create(event=event, name="Table 1")
    meeting = add_meeting(event, member, outsider, 1)
    return {
        "event": event,
        "member_registration": member,
        "representative_profile": representative.b2b_profile,
        "outsider_registration": outsider,
        "opportunity": add_opportunity(representative),
        "pending_request": MeetingRequest.objects.create(
            event=event, requester=outsider, recipient=representative, message="Shall we talk?"
        ),
        "meeting": meeting,
        "run": publish(event, meeting, early, table),
        "free_slot": late,
        "table": table,
        "rule": RequestRule.objects.create(
            event=event, requester_kind="investor", recipient_kind="startup"
        ),
    }


def add_badge_sheet(event: Event) -> BadgeSheet:
    """The event's badges, prepared: a file in private storage (point it at a temporary folder)."""
    sheet = BadgeSheet(event=event, state=BadgeSheet.State.READY, badge_count=3)
    sheet.built_at = timezone.now()
    sheet.file.save("badges.pdf", ContentFile(b"%PDF-1.4 badges"), save=False)
    sheet.save()
    return sheet


def events_snapshot() -> tuple:
    """The events rows a denied write must leave as they were."""
    return (
        list(
            Event.objects.values_list(
                "pk",
                "seats_taken",
                "request_cap",
                "schedule_state",
                "updates_schedule_automatically",
            ).order_by("pk")
        ),
        list(Registration.objects.values_list("pk", "status", "checked_in_at").order_by("pk")),
        list(B2BProfile.objects.values_list("pk", "pitch", "home_table").order_by("pk")),
        list(Opportunity.objects.values_list("pk", "title").order_by("pk")),
        list(MeetingRequest.objects.values_list("pk", "status").order_by("pk")),
        list(Meeting.objects.values_list("pk", "slot", "table", "is_cancelled").order_by("pk")),
        MeetingFeedback.objects.count(),
        list(Slot.objects.values_list("pk", flat=True).order_by("pk")),
        list(Table.objects.values_list("pk", "name").order_by("pk")),
        list(RequestRule.objects.values_list("pk", flat=True).order_by("pk")),
        list(ScheduleRun.objects.values_list("pk", "state", "is_published").order_by("pk")),
        list(BadgeSheet.objects.values_list("pk", "state", "requested_at").order_by("pk")),
    )


def add_organisers(event: Event) -> dict[str, object]:
    """Users who organise the event without being staff, and near misses who do not.

    "named_organiser" is named in the event's organisers; "co_organiser_representative"
    represents the co-organising member organisation, whose employee, former representative
    (until yesterday) and another event's named organiser organise nothing here. All have
    TOTP set up, so that what they get is decided by who they are, not by the MFA gate
    (agora/events/tests/test_organiser_mfa.py takes it away).
    """
    co_organiser = OrganisationFactory(legal_name="Co-Org Pharma SA", slug="co-org")
    event.co_organiser = co_organiser
    event.save(update_fields=["co_organiser"])
    yesterday = timezone.localdate() - timedelta(days=1)
    roles = {
        "co_organiser_representative": {"role": Affiliation.Role.REPRESENTATIVE},
        "co_organiser_employee": {"role": Affiliation.Role.EMPLOYEE},
        "former_representative": {"role": Affiliation.Role.REPRESENTATIVE, "end_date": yesterday},
    }
    users = {}
    for name, affiliation in roles.items():
        users[name] = UserFactory(email=f"{name}@example.org")
        person = PersonFactory(user=users[name], email=users[name].email)
        AffiliationFactory(person=person, organisation=co_organiser, **affiliation)
    users["named_organiser"] = UserFactory(email="named_organiser@example.org")
    event.organisers.add(users["named_organiser"])
    users["other_event_organiser"] = UserFactory(email="other_event_organiser@example.org")
    EventFactory(slug="other-day").organisers.add(users["other_event_organiser"])
    for user in users.values():
        add_totp(user)
    return users
