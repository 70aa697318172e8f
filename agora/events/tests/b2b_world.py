"""A B2B event whose participants are the test cast, for the test_b2b_* modules."""

from dataclasses import dataclass

from agora.events.models import B2BProfile, Event, Opportunity, Registration
from agora.events.tests.factories import EventFactory, RegistrationFactory
from agora.members.tests.factories import domain


@dataclass
class B2BWorld:
    """An event with B2B meetings; representative, member and outsider are registered."""

    event: Event
    representative: Registration
    member: Registration
    outsider: Registration


def register(user, event: Event, organisation=None) -> Registration:
    return RegistrationFactory(event=event, person=user.person, organisation=organisation)


def add_opportunity(registration: Registration, **fields) -> Opportunity:
    """An opportunity on the participant's profile (made if missing)."""
    profile, _ = B2BProfile.objects.get_or_create(registration=registration)
    domains = fields.pop("domains", ["biopharmacy"])
    values = {
        "kind": Opportunity.Kind.LICENSING,
        "direction": Opportunity.Direction.OFFER,
        "title": "Antibody licence",
        **fields,
    }
    opportunity = Opportunity.objects.create(profile=profile, **values)
    opportunity.domains.set([domain(code) for code in domains])
    return opportunity


def make_world(cast) -> B2BWorld:
    """The cluster day, with the cast's representative, member and outsider registered."""
    event = EventFactory(slug="cluster-day", title="Cluster Day")
    return B2BWorld(
        event=event,
        representative=register(cast.representative, event, cast.organisation),
        member=register(cast.member, event, cast.organisation),
        outsider=register(cast.outsider, event, cast.other_organisation),
    )
