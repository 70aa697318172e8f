"""A tiny B2B event whose best schedule is known exactly, for the scheduling tests.

Two slots (early, late), two tables (Table 1, and Booth B: Bob's own booth), six participants.
Cleo cannot attend early; Dan and Finn cannot attend late. Meetings: Ada–Bob (weight 2),
Bob–Cleo (2), Ada–Dan (1), Eve–Finn (2). The only best schedule (weight 6): Ada–Bob early at
Booth B, Bob–Cleo late at Booth B, Eve–Finn early at Table 1; Ada–Dan is left out (Dan only
comes early, when Ada meets Bob). Once Bob–Cleo is cancelled, Ada–Bob may stay early or move
late for the same weight: re-scheduling with the published schedule kept leaves it early.
"""

from dataclasses import dataclass

from agora.events.models import Event, Meeting, MeetingRequest, Registration, Slot, Table
from agora.events.tests.factories import (
    B2BProfileFactory,
    EventFactory,
    RegistrationFactory,
    SlotFactory,
    TableFactory,
)
from agora.members.models import Person
from agora.members.tests.factories import OrganisationFactory, PersonFactory


@dataclass
class TinyEvent:
    event: Event
    early: Slot
    late: Slot
    table: Table
    booth: Table
    people: dict[str, Registration]
    meetings: dict[str, Meeting]


def add_meeting(
    event: Event, requester: Registration, recipient: Registration, weight: int
) -> Meeting:
    """An accepted request and its meeting between two registrations."""
    request = MeetingRequest.objects.create(
        event=event,
        requester=requester,
        recipient=recipient,
        message=f"{requester.person.first_name} would like to meet {recipient.person.first_name}.",
        status=MeetingRequest.Status.ACCEPTED,
        weight=weight,
    )
    meeting = Meeting.objects.create(event=event, request=request)
    meeting.participants.set([requester, recipient])
    return meeting


def register(event: Event, first_name: str, person: Person | None = None) -> Registration:
    """A confirmed registration with a B2B profile, credited to an organisation of its own."""
    person = person or PersonFactory(
        first_name=first_name, last_name="Test", email=f"{first_name.lower()}@example.org"
    )
    organisation = OrganisationFactory(legal_name=f"{first_name} Labs SA")
    registration = RegistrationFactory(event=event, person=person, organisation=organisation)
    B2BProfileFactory(registration=registration)
    return registration


def tiny_event(**people: Person) -> TinyEvent:
    """The tiny event above; `people` may give existing persons for some names (ada=...)."""
    event = EventFactory(slug="tiny-day", title="Tiny Day")
    early, late = SlotFactory(event=event), SlotFactory(event=event)
    table = TableFactory(event=event, name="Table 1")
    booth = TableFactory(event=event, name="Booth B")
    names = ["Ada", "Bob", "Cleo", "Dan", "Eve", "Finn"]
    regs = {name: register(event, name, people.get(name.lower())) for name in names}
    regs["Bob"].b2b_profile.home_table = booth
    regs["Bob"].b2b_profile.save(update_fields=["home_table"])
    regs["Cleo"].b2b_profile.unavailable_slots.add(early)
    regs["Dan"].b2b_profile.unavailable_slots.add(late)
    regs["Finn"].b2b_profile.unavailable_slots.add(late)
    meetings = {
        "ada-bob": add_meeting(event, regs["Ada"], regs["Bob"], 2),
        "bob-cleo": add_meeting(event, regs["Bob"], regs["Cleo"], 2),
        "ada-dan": add_meeting(event, regs["Ada"], regs["Dan"], 1),
        "eve-finn": add_meeting(event, regs["Eve"], regs["Finn"], 2),
    }
    return TinyEvent(event, early, late, table, booth, regs, meetings)
