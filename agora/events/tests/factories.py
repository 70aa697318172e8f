"""factory_boy factories of the events domain."""

from datetime import UTC, datetime, timedelta

import factory

from agora.events.models import (
    B2BProfile,
    Event,
    MeetingRequest,
    Registration,
    Slot,
    Table,
)
from agora.members.tests.factories import PersonFactory

EVENT_START = datetime(2030, 11, 20, 8, 0, tzinfo=UTC)


class EventFactory(factory.django.DjangoModelFactory):
    """A published conference day in 2030, open for registration, with B2B meetings."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Cluster Day {n}")
    slug = factory.Sequence(lambda n: f"cluster-day-{n}")
    kind = Event.Kind.CONFERENCE
    starts_at = EVENT_START
    ends_at = EVENT_START + timedelta(hours=9)
    venue = "Palais des Congrès"
    city = "Liège"
    capacity = 100
    price_member = 50
    price_non_member = 150
    registration_deadline = EVENT_START - timedelta(days=2)
    is_published = True
    has_b2b = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    status = Registration.Status.CONFIRMED


class B2BProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = B2BProfile

    registration = factory.SubFactory(RegistrationFactory)
    pitch = "We develop antibodies."


class SlotFactory(factory.django.DjangoModelFactory):
    """Consecutive 30-minute morning slots from 9:00."""

    class Meta:
        model = Slot

    event = factory.SubFactory(EventFactory)
    starts_at = factory.Sequence(lambda n: EVENT_START + timedelta(hours=1, minutes=30 * n))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + timedelta(minutes=30))
    session = "morning"


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Table

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"T{n:02d}")


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    event = factory.SelfAttribute("requester.event")
    requester = factory.SubFactory(RegistrationFactory)
    recipient = factory.SubFactory(
        RegistrationFactory, event=factory.SelfAttribute("..requester.event")
    )
    message = "Shall we talk about a licence?"
